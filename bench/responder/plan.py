"""What the support staff ask the responder, as requests: an agent of one shop opens the inbox
(sorted by urgency), narrows it (negative reviews, a topic, a case status, a word, a week),
turns to the second page, or looks at the shop's analytics for 30, 90 or 365 days.

Every request is made by one of the shop's agents with their own API key (agents have one
shop, so no `shop_id` is needed), against a shop of the `large` class (the biggest shops,
50,000+ reviews at full size) or the `small` class (the smaller half). The parameters are
kept with each request, so the slowest one of each kind can be explained afterwards.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from bench.responder import data, texts

TOPICS = (
    "delivery_delay", "damaged_packaging", "product_quality", "wrong_item", "size_fit",
    "price_value", "customs_fees", "returns_refunds", "customer_service", "website_checkout",
    "praise",
)  # fmt: skip
# What agents narrow the inbox to: mostly open cases.
STATUSES = (("new", 40), ("in_progress", 30), ("replied", 15), ("resolved", 15))

KINDS = (
    "inbox",  # GET /v1/reviews: the default list, sorted by urgency
    "negative",  # sentiment=negative
    "topic",  # topic=<one of TOPICS>
    "status",  # status=<case status>
    "search",  # q=<a word from the shop's language>
    "range",  # from/to: one week within the last 90 days
    "page2",  # the inbox's second page (cursor from its first)
    "analytics-30d",  # GET /v1/analytics, the last 30 days
    "analytics-90d",
    "analytics-365d",
)
LARGE_SHOPS = 3


@dataclass(frozen=True)
class Request:
    kind: str
    size: str  # "large" or "small"
    shop_id: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        base = "/v1/analytics" if self.kind.startswith("analytics") else "/v1/reviews"
        items = []
        for name, value in self.params.items():
            for v in value if isinstance(value, list) else [value]:
                items.append((name, _param(v)))
        return f"{base}?{urlencode(items)}" if items else base

    def wire(self) -> dict[str, str]:
        return {"path": self.path, "key": self.key}


def _param(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return str(value)


def classes(shops: list[data.Shop]) -> dict[str, list[data.Shop]]:
    ordered = sorted(shops, key=lambda s: -s.planned)
    return {"large": ordered[:LARGE_SHOPS], "small": ordered[len(ordered) // 2 :]}


def params_for(
    kind: str, shop: data.Shop, rng: random.Random, now: datetime, cursors: dict[str, str]
) -> dict[str, Any]:
    if kind == "negative":
        return {"sentiment": "negative"}
    if kind == "topic":
        return {"topic": rng.choice(TOPICS)}
    if kind == "status":
        return {"status": data.weighted(rng, STATUSES)}
    if kind == "search":
        return {"q": rng.choice(texts.SEARCH_TERMS[shop.language])}
    if kind == "range":
        start = (now - timedelta(days=rng.uniform(7, 90))).replace(
            minute=0, second=0, microsecond=0
        )
        return {"from": start, "to": start + timedelta(days=7)}
    if kind == "page2":
        return {"cursor": cursors[shop.shop_id]}
    if kind.startswith("analytics"):
        days = int(kind.split("-")[1].rstrip("d"))
        return {"from": (now - timedelta(days=days)).replace(microsecond=0)}
    return {}


def build(
    shops: list[data.Shop],
    staff: dict[str, data.Staff],
    count: int,
    seed: int,
    now: datetime,
    cursors: dict[str, str],
) -> list[Request]:
    """`count` requests, spread evenly over kinds and classes, in a random order. Within a
    class every shop is equally likely: a small shop's agents ask as much as a large one's."""
    rng = random.Random(seed)
    groups = classes(shops)
    cells = [(kind, size) for kind in KINDS for size in groups]
    requests = []
    for i in range(count):
        kind, size = cells[i % len(cells)]
        shop = rng.choice(groups[size])
        team = staff[shop.shop_id]
        key = team.keys[rng.randrange(len(team.keys))]
        requests.append(
            Request(kind, size, shop.shop_id, key, params_for(kind, shop, rng, now, cursors))
        )
    rng.shuffle(requests)
    return requests
