"""The made-up review, escalation and day that previews and test sends of the notifier's
emails are built from: never a real review, order or customer. Pure."""

from datetime import datetime, timedelta
from typing import Literal

from services.notifier.notifications.content import DigestFacts
from services.notifier.reviews.repository import OpenNegative
from shared.events.reviews import ReviewClassifiedPayload

Language = Literal["en", "de", "sl", "lv", "ro"]
LANGUAGES: tuple[Language, ...] = ("en", "de", "sl", "lv", "ro")

SAMPLE_REVIEW_ID = "sample:preview-review"

# (title, text) of the sample review in each language: a broken product and no answer, the
# kind of review an alert exists for.
_TEXTS: dict[Language, tuple[str, str]] = {
    "en": ("Broken on arrival", "The teapot arrived broken and nobody answers my emails."),
    "de": (
        "Kaputt angekommen",
        "Die Teekanne kam zerbrochen an und niemand beantwortet meine E-Mails.",
    ),
    "sl": ("Prispel razbit", "Čajnik je prispel razbit in nihče ne odgovarja na moja sporočila."),
    "lv": (
        "Pienāca saplīsusi",
        "Tējkanna pienāca saplīsusi, un neviens neatbild uz maniem e-pastiem.",
    ),
    "ro": ("A ajuns spart", "Ceainicul a ajuns spart și nimeni nu răspunde la e-mailurile mele."),
}


def review(language: Language, now: datetime) -> ReviewClassifiedPayload:
    """A 1-star, negative review written an hour ago, in `language`."""
    title, text = _TEXTS[language]
    written = now - timedelta(hours=1)
    return ReviewClassifiedPayload.model_validate(
        {
            "review_id": SAMPLE_REVIEW_ID,
            "source": "trustpilot",
            "source_review_id": "preview-review",
            "case_key": "order:SAMPLE-1001",
            "revision": 1,
            "rating": 1,
            "title": title,
            "text": text,
            "reviewer_name": "Sample Customer",
            "verified": True,
            "match_method": "reference",
            "order": {
                "order_id": "SAMPLE-1001",
                "placed_at": written - timedelta(days=6),
                "items": [
                    {
                        "product_id": "sample-teapot",
                        "name": "Sample teapot",
                        "quantity": 1,
                        "unit_price": "35.00",
                    }
                ],
            },
            "created_at": written,
            "updated_at": written,
            "classification": {
                "model_version": "sample",
                "language": language,
                "language_confidence": 0.99,
                "sentiment": "negative",
                "sentiment_confidence": 0.97,
                "star_text_mismatch": False,
                "severity": "medium",
                "severity_reasons": [],
                "removal_candidate": False,
                "topics": [
                    {"name": "damaged_packaging", "confidence": 0.9},
                    {"name": "customer_service", "confidence": 0.8},
                ],
            },
        }
    )


def day(date: str, at: datetime) -> DigestFacts:
    """A plausible day of a small shop."""
    return DigestFacts(
        date=date,
        at=at,
        sentiments={"negative": 2, "neutral": 1, "positive": 9},
        open_negatives=[
            OpenNegative(SAMPLE_REVIEW_ID, 1, "trustpilot", at - timedelta(days=2)),
            OpenNegative("sample:another-review", 2, "google", at - timedelta(days=5)),
        ],
        topics=[("damaged_packaging", 2), ("delivery_time", 1), ("taste", 1)],
        surveys_scheduled=40,
        surveys_answered=12,
    )
