"""Model versions. A version names everything that decides the output: the code's rules, the term
lists and the trained artifacts. Stored with each classification, it tells a replay which reviews
an upgrade should reclassify (services/ingest/reviews/repository.request_reclassification).

Bump RELEASE whenever a lexicon, a rule or an artifact changes; the fingerprint test
(tests/unit/test_classification_version.py) fails until `artifacts/release.json` records the new
fingerprint with a new release.
"""

import hashlib
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
RELEASE_FILE = PACKAGE / "artifacts" / "release.json"

# Files whose content changes outputs; the embedding head only matters to the embedding path but
# is fingerprinted too, so one release number covers both.
_FINGERPRINTED = (
    "lexicons/*.py",
    "abuse.py",
    "combine.py",
    "features.py",
    "language.py",
    "questions.py",
    "scan.py",
    "sentiment.py",
    "severity.py",
    "static_embedding.py",
    "valence.py",
    "terms.py",
    "text.py",
    "topics.py",
    "pipeline.py",
    "embedding.py",
    "e5_encoder.py",
    "topic_head.py",
    "terse_head.py",
    "shop_head.py",
    "artifacts/sentiment-linear.npz",
    "artifacts/sentiment-linear.json",
    "artifacts/sentiment-e5-head.npz",
    "artifacts/sentiment-e5-head.json",
    "artifacts/topic-e5-head.npz",
    "artifacts/topic-e5-head.json",
    "artifacts/sentiment-e5-terse-head.npz",
    "artifacts/sentiment-e5-terse-head.json",
    "artifacts/sentiment-e5-shop-head.npz",
    "artifacts/sentiment-e5-shop-head.json",
    "artifacts/static-e5.npz",
    "artifacts/valence-en.tsv",
)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for pattern in _FINGERPRINTED:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            # Line endings and trailing whitespace must not change a version.
            digest.update(b"\n".join(line.rstrip() for line in path.read_bytes().splitlines()))
    return digest.hexdigest()


def release() -> str:
    data: dict[str, str] = json.loads(RELEASE_FILE.read_text("utf-8"))
    return data["release"]


def fast_version() -> str:
    return f"fast-{release()}"


def embedding_version() -> str:
    return f"embedding-{release()}"
