"""The reserved external check stays reserved: only the loader and the evaluator name it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {
    "services/ingest/classification/datasets.py",
    "services/ingest/classification/evaluate.py",
}
NAMES = ("amazon_external", "amazonReviewSnippets", "_AMAZON")


def test_only_the_loader_and_the_evaluator_read_the_amazon_sentences() -> None:
    readers = set()
    for folder in ("services", "shared", "bench", "deploy"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            if any(name in text for name in NAMES):
                readers.add(path.relative_to(ROOT).as_posix())
    assert readers == ALLOWED


def test_the_evaluator_does_read_them() -> None:
    evaluate = (ROOT / "services/ingest/classification/evaluate.py").read_text("utf-8")
    assert "amazon_external()" in evaluate
