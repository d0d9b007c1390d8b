"""Severity: "high" for health, safety, legal, fraud and chargeback mentions (never answered
automatically), "medium" for other negative reviews, "low" otherwise."""

from typing import cast

from services.ingest.classification.combine import Combined
from services.ingest.classification.scan import Match, Scan
from services.ingest.classification.schemas import Severity, SeverityReason

# Payment channel and reversal word at most this many tokens apart count as a chargeback threat.
_CHARGEBACK_WINDOW = 8
_REASON_ORDER: tuple[SeverityReason, ...] = (
    "health_injury",
    "safety",
    "legal_threat",
    "fraud_claim",
    "chargeback_threat",
)


# A one-word safety term ("burnt", "verbrannt", "ars") at most this many tokens after a taste
# word is the taste ("tastes burnt", "gust de ars"); "tastes fine but it caught fire" is not.
_TASTE_REACH = 2


def _only_a_taste(match: Match, scan: Scan) -> bool:
    if match.label != "safety" or match.end - match.start != 1:
        return False
    return any(0 <= match.start - t.end <= _TASTE_REACH for t in scan.of("taste_word"))


def _another_meaning(match: Match, scan: Scan) -> bool:
    """The severity word sits inside a phrase where it means something else ("the colour bled",
    "preț umflat"): lexicons/severity.py OTHER_MEANINGS."""
    return any(o.start <= match.start and match.end <= o.end for o in scan.of("other_meaning"))


def _chargeback_by_proximity(scan: Scan) -> str | None:
    for channel in scan.of("payment_channel"):
        for reversal in scan.of("reversal"):
            if abs(channel.start - reversal.start) <= _CHARGEBACK_WINDOW and not reversal.negated:
                return f"{channel.describe()} + {reversal.describe()}"
    return None


def assess(scan: Scan, sentiment: Combined) -> tuple[Severity, list[str]]:
    found: dict[SeverityReason, list[str]] = {}
    for m in scan.of("severity"):
        if not m.negated and not _only_a_taste(m, scan) and not _another_meaning(m, scan):
            found.setdefault(cast(SeverityReason, m.label), []).append(m.describe())
    explanations: list[str] = []
    confidence_of: dict[str, float] = {
        r: min(0.95, 0.75 + 0.1 * (len(t) - 1)) for r, t in found.items()
    }
    if "chargeback_threat" not in found:
        pair = _chargeback_by_proximity(scan)
        if pair:
            found["chargeback_threat"] = [pair]
            confidence_of["chargeback_threat"] = 0.6
    if found:
        reasons = [r for r in _REASON_ORDER if r in found]
        for r in reasons:
            explanations.append(f"severity high, {r}: {', '.join(dict.fromkeys(found[r]))}")
        return Severity(
            level="high", reasons=reasons, confidence=max(confidence_of[r] for r in reasons)
        ), explanations
    if sentiment.label == "negative" or sentiment.mismatch:
        return Severity(
            level="medium", reasons=["negative_review"], confidence=max(0.5, sentiment.confidence)
        ), ["severity medium: negative review"]
    return Severity(level="low", reasons=[], confidence=max(0.5, sentiment.confidence)), []
