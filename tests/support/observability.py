"""Observability tests' helpers: scraping /metrics the way Prometheus does and reading series
out of it; order webhooks whose surveys are due at once (so a test sees the email go out)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

# Survey settings under which an order's invitation is due the moment the order arrives.
DUE_AT_ONCE = {
    "default_delay_days": 0,
    "fallback_days": 0,
    "send_window_start_hour": 0,
    "send_window_end_hour": 24,
    "skip_sundays": False,
    "reminder_enabled": False,
}


def order_webhook(order_id: str, email: str, b2b: bool = False) -> dict[str, Any]:
    """A `standard` platform order.created, placed yesterday."""
    placed = datetime.now(UTC) - timedelta(days=1)
    return {
        "type": "order.created",
        "timestamp": datetime.now(UTC).isoformat(),
        "data": {
            "order_id": order_id,
            "placed_at": placed.isoformat(),
            "currency": "EUR",
            "customer": {"email": email, "country": "SI", "locale": "en"},
            "items": [{"product_id": "p-1", "name": "Mug", "quantity": 1, "unit_price": "12.00"}],
            "b2b": b2b,
        },
    }


@dataclass(frozen=True)
class Scrape:
    # (sample name, sorted label pairs) -> value
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float]
    # Metric families the service declares (HELP/TYPE), with or without samples.
    families: set[str]

    def value(self, name: str, **labels: str) -> float:
        """Sum of the samples of `name` whose labels include `labels`."""
        return sum(
            v
            for (n, pairs), v in self.samples.items()
            if n == name and labels.items() <= dict(pairs).items()
        )

    def has(self, name: str, **labels: str) -> bool:
        return any(n == name and labels.items() <= dict(pairs).items() for n, pairs in self.samples)

    def labels_of(self, name: str) -> list[dict[str, str]]:
        return [dict(pairs) for n, pairs in self.samples if n == name]


def scrape(base_url: str) -> Scrape:
    r = httpx.get(f"{base_url}/metrics", timeout=10)
    assert r.status_code == 200, r.text
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    families: set[str] = set()
    for family in text_string_to_metric_families(r.text):
        families.add(family.name)
        for s in family.samples:
            samples[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return Scrape(samples, families)
