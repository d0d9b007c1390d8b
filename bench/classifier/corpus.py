"""A realistic mix of reviews for the throughput figure, built deterministically.

Shop reviews are mostly short, sometimes long, often star-only; the shares below follow that
shape (they are this project's estimate, not measured on a shop's data):

| share | what | from |
|---|---|---|
| 35 % | short English texts (~110 characters) | Rotten Tomatoes held-out snippets |
| 25 % | short reviews in en, de, sl, lv, ro (~80 characters) | the hand-written sets |
| 15 % | long texts (~450 characters) | drugs.com test reviews |
| 12 % | stars only, no text | - |
| 5 % | one word or emoji only | - |
| 5 % | HTML-formatted (a platform's rich text) | hand-written sets wrapped in tags |
| 3 % | long complaints, 2,000-5,000 characters | hand-written sets repeated |
"""

import random
from dataclasses import dataclass

from services.ingest.classification import ReviewInput
from services.ingest.classification.datasets import drug_reviews, hand_written, rotten_tomatoes

SHARES = {
    "short_en": 0.35,
    "short_multilingual": 0.25,
    "long": 0.15,
    "stars_only": 0.12,
    "tiny": 0.05,
    "html": 0.05,
    "very_long": 0.03,
}
_TINY = ("Top!", "ok", "👍👍", "😡", "Super", "Odlično", "Lieliski", "Perfect", "Danke", "meh")
_STARS_FOR = {"negative": (1, 2), "neutral": (3,), "positive": (4, 5)}


@dataclass(frozen=True)
class Corpus:
    reviews: list[ReviewInput]
    segments: list[str]  # the segment of each review
    mean_chars: float


def build(size: int, seed: int = 20261123) -> Corpus:
    rng = random.Random(seed)
    rt = rotten_tomatoes("test")
    drugs = drug_reviews("test")
    written = hand_written() + hand_written("blind-*.jsonl")
    reviews: list[ReviewInput] = []
    segments: list[str] = []
    for segment, share in SHARES.items():
        for _ in range(round(size * share)):
            if segment == "short_en":
                ex = rng.choice(rt)
                review = ReviewInput(
                    text=ex.text,
                    rating=rng.choice(_STARS_FOR[ex.label]),
                    declared_language="en",
                    verified_purchase=True,
                )
            elif segment == "long":
                ex = rng.choice(drugs)
                review = ReviewInput(
                    text=ex.text, rating=rng.choice(_STARS_FOR[ex.label]), declared_language="en"
                )
            elif segment == "stars_only":
                review = ReviewInput(text=None, rating=rng.randint(1, 5), verified_purchase=True)
            elif segment == "tiny":
                review = ReviewInput(text=rng.choice(_TINY), rating=rng.randint(1, 5))
            else:
                hw = rng.choice(written)
                text = hw.text or ""
                if segment == "html":
                    text = f"<div><p>{text}</p><br/><p><b>{hw.title or ''}</b> &amp; more</p></div>"
                elif segment == "very_long":
                    text = " ".join([text] * max(1, rng.randint(2_000, 5_000) // max(len(text), 1)))
                review = ReviewInput(
                    text=text,
                    title=hw.title,
                    rating=hw.rating,
                    declared_language=rng.choice((hw.declared_language, None)),
                    verified_purchase=hw.verified_purchase,
                )
            reviews.append(review)
            segments.append(segment)
    order = list(range(len(reviews)))
    rng.shuffle(order)
    reviews = [reviews[i] for i in order]
    segments = [segments[i] for i in order]
    chars = [len(r.text or "") + len(r.title or "") for r in reviews]
    return Corpus(reviews, segments, sum(chars) / len(chars))
