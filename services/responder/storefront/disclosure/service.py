"""The disclosure page ("how we collect, verify and moderate reviews") of one shop, from what
the responder knows: the survey's review policy (`shop.review_policy.changed`), the shop's
profile contact and the moderation ledger of the last 12 months. Required by UCPD Art. 7(6)
(say whether and how reviews are verified) and in the spirit of 16 CFR 465.7 (no suppression
by rating): every fact on it comes from settings and records, none is written by hand."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from services.responder.storefront.disclosure import repository
from services.responder.storefront.disclosure.texts import (
    AND,
    COUNTRIES,
    DAYS,
    LANGUAGES,
    NAMES,
    RULES,
    TEXTS,
    choose,
)
from services.responder.storefront.widget.service import VERIFIED_HOW
from services.responder.storefront.widget.texts import Texts as WidgetTexts
from shared.db.pool import Pool
from shared.events.replies import MODERATION_REASONS
from shared.events.shops import ShopReviewPolicyChangedPayload

# "The last 12 months" of the page: a year of days, counted back from the request's now.
WINDOW = timedelta(days=365)
ACTIONS = ("hold", "reject", "redact")
_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
)


class UnknownShop(Exception):
    pass


@dataclass(frozen=True)
class Counts:
    reason: str
    label: str
    held: int
    rejected: int
    redacted: int


@dataclass(frozen=True)
class Disclosure:
    shop_id: str
    language: str
    html: str
    # What the page states, for tests and logs (the HTML is the answer).
    counts: list[Counts] = field(default_factory=list)
    published: int = 0
    policy: ShopReviewPolicyChangedPayload | None = None


@cache
def css() -> bytes:
    return (Path(__file__).parent / "static" / "disclosure.css").read_bytes()


def _countries(language: str, codes: list[str]) -> str:
    names = [COUNTRIES[language].get(code, code) for code in sorted(codes)]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {AND[language]} {names[-1]}"


def _by_days(policy: ShopReviewPolicyChangedPayload) -> list[tuple[int, str]]:
    """Category keys grouped by their delay, shortest first: one row per delay."""
    grouped: dict[int, list[str]] = {}
    for key, days in policy.category_delays_days.items():
        grouped.setdefault(days, []).append(key)
    return [(days, ", ".join(sorted(keys))) for days, keys in sorted(grouped.items())]


def _consent(language: str, policy: ShopReviewPolicyChangedPayload) -> list[str]:
    t = TEXTS[language]
    by_rule: dict[str, list[str]] = {}
    for country, rule in policy.consent.countries.items():
        if rule != policy.consent.default:
            by_rule.setdefault(rule, []).append(country)
    lines = []
    if by_rule.get("consent"):
        lines.append(
            t["consent.consent"].format(countries=_countries(language, by_rule["consent"]))
        )
    if by_rule.get("consent_or_notice"):
        key = (
            "consent.notice" if policy.consent.existing_customer_notice else "consent.notice_unused"
        )
        countries = _countries(language, by_rule["consent_or_notice"])
        lines.append(t[key].format(countries=countries))
    if by_rule.get("none"):
        countries = _countries(language, by_rule["none"])
        lines.append(t["consent.in"].format(countries=countries, rule=RULES[language]["none"]))
    if policy.consent.default != "none":
        elsewhere = RULES[language][policy.consent.default]
        lines.append(t["consent.elsewhere"].format(rule=elsewhere))
    return lines


async def page(pool: Pool, shop_id: str, lang: str | None, now: datetime) -> Disclosure:
    """Raises UnknownShop for a shop the responder has never heard of."""
    async with pool.acquire() as conn:
        shop = await repository.shop(conn, shop_id)
        if shop is None:
            raise UnknownShop(shop_id)
        decided = await repository.decisions_since(conn, shop_id, now - WINDOW)
        published = await repository.published(conn, shop_id)
    language = choose(lang, shop.locale)
    t = TEXTS[language]
    # The labels as the widget shows them, in the same language.
    widget = WidgetTexts(language)
    days = DAYS[language]
    counts = [
        Counts(
            reason,
            t[f"reason.{reason}"],
            decided.get(("hold", reason), 0),
            decided.get(("reject", reason), 0),
            decided.get(("redact", reason), 0),
        )
        for reason in MODERATION_REASONS
    ]
    totals = {action: sum(n for (a, _), n in decided.items() if a == action) for action in ACTIONS}
    policy = shop.policy
    html = _env.get_template("disclosure.html").render(
        t=t,
        lang=language,
        shop=shop.display_name or shop_id,
        languages=[(code, NAMES[code]) for code in LANGUAGES if code != language],
        policy=policy,
        days=days,
        delays=_by_days(policy) if policy else [],
        consent=_consent(language, policy) if policy else [],
        counts=counts,
        totals=totals,
        any_decision=any(totals.values()),
        published=published,
        contact=shop,
        verified=widget.t("verified"),
        verified_how=[widget.t(f"verified_by.{how}") for how in VERIFIED_HOW],
        incentivized=widget.t("incentivized"),
    )
    return Disclosure(shop_id, language, html, counts, published, policy)
