"""Text sentiment and stars into one label, and the star/text mismatch flag.

The rule (docs/classification.md):
- stars alone: 1-2 negative, 3 neutral, 4-5 positive, with the confidence of STAR_PRIOR;
- text alone: the text model's label and confidence;
- both, agreeing or the text unsure: product of the two distributions (the stars as a prior,
  the text as evidence weighted by how much its language is supported);
- both, clearly disagreeing (4-5 stars with a confidently negative text, or 1-2 stars with a
  confidently positive one): `star_text_mismatch`, and the label is the more negative of the
  two. Misclicked stars are common, but so are sarcastic praise ("great, broken again") and
  polite words in a complaint ("Ne, hvala" - no, thanks); treating a doubtful review as
  negative sends it to a person instead of an automatic answer, the cheaper mistake. The flag
  tells the person that the stars may be a misclick.
"""

from dataclasses import dataclass

from services.ingest.classification.schemas import SentimentLabel
from services.ingest.classification.sentiment import CLASSES, TextSentiment

STAR_PRIOR: dict[int, tuple[float, float, float]] = {
    1: (0.90, 0.08, 0.02),
    2: (0.70, 0.25, 0.05),
    3: (0.20, 0.60, 0.20),
    4: (0.05, 0.20, 0.75),
    5: (0.02, 0.08, 0.90),
}
MISMATCH_TEXT_CONFIDENCE = 0.6
# Below this, a text alone says nothing clear: neutral. A 3-star rating is the reviewer saying
# "neutral"; only a text clearer than MISMATCH_TEXT_CONFIDENCE moves it.
MIN_TEXT_CONFIDENCE = 0.4
_ORDER: dict[SentimentLabel, int] = {"negative": 0, "neutral": 1, "positive": 2}


def _stars(rating: int) -> str:
    return "1 star" if rating == 1 else f"{rating} stars"


def stars_label(rating: int | None) -> SentimentLabel | None:
    if rating is None:
        return None
    return "negative" if rating <= 2 else "neutral" if rating == 3 else "positive"


@dataclass(frozen=True, slots=True)
class Combined:
    label: SentimentLabel
    confidence: float
    from_text: SentimentLabel | None
    from_stars: SentimentLabel | None
    mismatch: bool
    explanation: str


def combine(text: TextSentiment | None, rating: int | None) -> Combined:
    from_stars = stars_label(rating)
    if rating is None or from_stars is None:
        if text is None:
            return Combined("neutral", 0.0, None, None, False, "sentiment: no text and no stars")
        if text.confidence < MIN_TEXT_CONFIDENCE:
            why = f"sentiment neutral: text unclear ({text.head}, {text.confidence:.2f})"
            return Combined("neutral", round(1 - text.confidence, 3), text.label, None, False, why)
        why = f"sentiment from text ({text.head})"
        return Combined(text.label, text.confidence, text.label, None, False, why)

    prior = STAR_PRIOR[rating]
    if text is None:
        why = f"sentiment from {_stars(rating)}"
        return Combined(from_stars, max(prior), None, from_stars, False, why)
    if rating == 3 and text.confidence < MISMATCH_TEXT_CONFIDENCE:
        why = f"sentiment from 3 stars ({text.label} text unclear, {text.confidence:.2f})"
        return Combined("neutral", prior[1], text.label, from_stars, False, why)

    mismatch = text.confidence >= MISMATCH_TEXT_CONFIDENCE and (
        (rating >= 4 and text.label == "negative") or (rating <= 2 and text.label == "positive")
    )
    if mismatch:
        label = min(text.label, from_stars, key=_ORDER.__getitem__)
        confidence = round(min(text.confidence, max(prior)) * 0.75, 3)
        why = (
            f"mismatch: {_stars(rating)} but {text.label} text ({text.confidence:.2f}); "
            f"treated as {label} until a person looks"
        )
        return Combined(label, confidence, text.label, from_stars, True, why)

    joint = [prior[i] * text.probabilities[i] ** text.weight for i in range(3)]
    best = max(range(3), key=joint.__getitem__)
    confidence = round(joint[best] / sum(joint), 3)
    why = f"sentiment from {_stars(rating)} and {text.label} text ({text.confidence:.2f})"
    return Combined(CLASSES[best], confidence, text.label, from_stars, False, why)
