"""What the widget template shows: the product's summary and one page of reviews, already in
the shopper's time zone and with the URLs the fragment links to."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Bar:
    """One star level of the distribution."""

    stars: int
    count: int
    percent: int
    # CSS class step (0, 5, ..., 100): the host page's CSP forbids inline styles.
    width: int


@dataclass(frozen=True)
class ReviewView:
    review_id: str
    rating: int
    title: str | None
    body: str | None
    author: str | None  # None: anonymous
    # The review's language when it differs from the widget's (its `lang` attribute), else None.
    lang: str | None
    written: datetime
    verified: bool
    verified_by: str | None
    incentivized: bool
    reply_text: str | None
    replied: datetime | None


@dataclass(frozen=True)
class WidgetView:
    shop_id: str
    product_id: str
    language: str
    shop_name: str | None
    # Names the widget's region for screen readers (several widgets on a page differ by it).
    product_name: str | None
    # Element ids: unique per product, so several widgets on one page do not collide.
    key: str
    count: int
    mean: float | None
    bars: list[Bar]
    reviews: list[ReviewView]
    page: int
    next_url: str | None
    policy_url: str
    # schema.org JSON-LD, already escaped for a <script> element; None: not asked for.
    jsonld: str | None
