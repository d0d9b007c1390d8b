"""Where benchmark results go: `bench/results/<name>-<UTC start>.json`. bench.report reads them
back by that name (old files too), so the writer and the reader take the pattern from here."""

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
FILE_NAME = re.compile(r"^(?P<name>[a-z0-9_]+)-(?P<stamp>\d{8}T\d{6}Z)\.json$")


def write(result: dict[str, Any], name: str, started: datetime, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}-{started.strftime(STAMP_FORMAT)}.json"
    # default=str: a value json cannot write (a date from the database, say) must not cost the
    # figures of a run that took an hour.
    path.write_text(json.dumps(result, indent=2, default=str) + "\n", "utf-8")
    return path
