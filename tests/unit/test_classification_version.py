"""A change to a term list, a rule or an artifact must come with a new model version, or stored
classifications could not be told apart from new ones on replay."""

import json

from services.ingest.classification import version


def test_release_records_the_current_fingerprint() -> None:
    recorded = json.loads(version.RELEASE_FILE.read_text("utf-8"))
    assert recorded["fingerprint"] == version.fingerprint(), (
        "classifier files changed: bump `release` in "
        "services/ingest/classification/artifacts/release.json and record the new fingerprint "
        "(python -c 'from services.ingest.classification.version import fingerprint; "
        "print(fingerprint())'), then run the evaluation with --write-baseline"
    )


def test_versions_name_the_release() -> None:
    assert version.fast_version() == f"fast-{version.release()}"
    assert version.embedding_version() == f"embedding-{version.release()}"
