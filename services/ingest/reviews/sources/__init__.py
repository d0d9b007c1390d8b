"""Review sources: each maps its platform's payload to `ReviewFact`s."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from services.ingest.reviews.sources import generic, google, trustpilot
from services.ingest.reviews.sources.base import ReviewFact

Parser = Callable[[Any, datetime], list[ReviewFact]]

PARSERS: dict[str, Parser] = {
    "generic": generic.parse,
    "trustpilot": trustpilot.parse,
    "google": google.parse,
}


def recognise(data: Any) -> str | None:
    """The source whose format a payload is in, from the keys that only that format has at its
    top level; None when it fits none. The formats share no such key, so this never guesses
    between two of them."""
    if not isinstance(data, dict):
        return None
    if "events" in data:
        return "trustpilot"
    if "type" in data and "data" in data:
        return "generic"
    if {"reviewId", "reviews", "eventType"} & data.keys():
        return "google"
    return None
