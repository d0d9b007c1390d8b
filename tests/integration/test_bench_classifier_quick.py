"""The classifier benchmark's quick mode: throughput of the fast path on the realistic mix and
the quality summary, written as a result file. In its own process, as `bench/all` runs it: the
benchmark pins itself to one core, which must not stay on the test process."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.classifier.corpus import SHARES

REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


def test_quick_mode_writes_throughput_and_quality(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.classifier", "--quick", "--results-dir", str(tmp_path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (path,) = tmp_path.glob("classifier-*.json")
    result = json.loads(path.read_text())

    assert result["config"] == {"quick": True, "reviews": 2000, "rounds": 2}
    throughput = result["throughput"]
    assert throughput["reviews"] == 2000 and len(throughput["wall_s"]) == 2
    assert throughput["reviews_per_s"] > 0 and throughput["reviews_per_cpu_s"] > 0
    assert set(throughput["per_segment"]) == set(SHARES)
    assert all(s["reviews_per_s"] > 0 for s in throughput["per_segment"].values())
    assert result["pinned_cpu"] is not None
    assert result["machine"]["git_commit"] and len(result["loadavg_before"]) == 3
    assert result["quality"], "the quality summary is part of the result"
    for figures in result["quality"].values():
        assert 0 < figures["accuracy"] <= 1 and 0 < figures["macro_f1"] <= 1
    assert "reviews/s per core" in done.stdout


def test_second_pass_mode_measures_the_e5_classifier_on_the_whole_machine(
    tmp_path: Path,
) -> None:
    args = ["--second-pass", "--quick", "--no-quality", "--results-dir", str(tmp_path)]
    done = subprocess.run(
        [sys.executable, "-m", "bench.classifier", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (path,) = tmp_path.glob("classifier-second-pass-*.json")
    result = json.loads(path.read_text())
    assert result["model_version"].startswith("embedding-")
    assert result["pinned_cpu"] is None and result["threads"] == 1
    assert result["throughput"]["reviews"] == 60 and result["throughput"]["reviews_per_s"] > 0
    assert result["target_reviews_per_s"] == 50
    assert "reviews/s with 1 encoder thread" in done.stdout
