"""bench.report: docs/benchmarks.md's generated blocks from the newest result of each benchmark,
the hand-written prose around them kept, and the PNG plots."""

import json
from pathlib import Path
from typing import Any

from bench.report.__main__ import generate

MACHINE = {"nproc": 2, "cpu_model": "Test CPU", "git_commit": "abcdef0123", "git_dirty": False}


def _machine(load: float) -> dict[str, Any]:
    return {**MACHINE, "load_before": [load, 1.0, 1.0], "load_after": [load + 1, 1.0, 1.0]}


def _step(rate: float, p50: float, p99: float) -> dict[str, Any]:
    return {
        "rate": rate,
        "sent": int(rate * 10),
        "received": int(rate * 10),
        "missing": 0,
        "latency_s": {"p50": p50, "p95": (p50 + p99) / 2, "p99": p99, "max": p99},
        "latency_lower_bound": False,
        "stopped_early": False,
        "load_before": [1.0, 1.0, 1.0],
        "load_after": [2.0, 1.0, 1.0],
    }


def _e2e(alert_p99_at_100: float) -> dict[str, Any]:
    return {
        "benchmark": "e2e",
        "config": {"quick": False},
        "machine": _machine(1.5),
        "flows": [
            {
                "flow": "alert",
                "steps": [_step(25, 0.4, 0.8), _step(100, 0.6, alert_p99_at_100)],
                "summary": {
                    "highest_rate_held": 100.0 if alert_p99_at_100 <= 1 else 25.0,
                    "p99_target_s": 1.0,
                    "target_rate": 100.0,
                    "target_met": alert_p99_at_100 <= 1,
                },
            },
            {
                "flow": "survey",
                "steps": [_step(25, 1.1, 2.1), {"rate": 100.0, "skipped": "25/s stopped early"}],
                "summary": {
                    "highest_rate_held": None,
                    "p99_target_s": 1.0,
                    "target_rate": 100.0,
                    "target_met": None,
                },
            },
        ],
        "kafka_ceiling": [],
    }


def _ingest() -> dict[str, Any]:
    phase = {"latency_ms": {"p50": 5.0, "p95": 9.0, "p99": 12.5}, "errors": 0}
    return {
        "benchmark": "ingest",
        "machine": _machine(0.5),
        "phases": [
            {"name": "bare", "req_per_s": 4000.0, **phase},
            {"name": "ingest", "req_per_s": 800.0, "kafka": {"events_per_s": 1600.0}, **phase},
        ],
        "summary": {
            "throughput_ratio": 0.2,
            "half_load": {"p99": 31.25, "p99_target_ms": 50.0, "p99_met": True},
        },
    }


def _scaling() -> dict[str, Any]:
    cpu = {"survey_0_cores": 0.9, "postgres_cores": 0.4, "kafka_cores": 0.1, "unaccounted_cores": 0}

    def step(rows: int, peak: float) -> dict[str, Any]:
        return {
            "rows": rows,
            "table_mib": {"orders": rows / 1000},
            "rss_idle_mib": peak - 1,
            "rss": {"peak_mib": peak},
            "hwm_mib": peak + 2,
        }

    return {
        "benchmark": "scaling",
        "config": {"quick": True, "consumer": "survey.orders", "partitions": 6, "orders": 100},
        "machine": _machine(2.0),
        "consumers": [
            {
                "processes": n,
                "events": 200,
                "handled": 200,
                "all_rows_s": 2.0 / n**0.5,
                "events_per_s": rate,
                "lag_after": 0,
                "cpu": cpu,
            }
            for n, rate in ((1, 100.0), (2, 141.0))
        ],
        "memory": [{"service": "survey", "steps": [step(1000, 70.0), step(10000, 71.5)]}],
        "summary": {
            "consumer_ratio": 1.41,
            "memory_growth": {
                "survey": {
                    "rows_from": 1000,
                    "rows_to": 10000,
                    "peak_mib_from": 70.0,
                    "peak_mib_to": 71.5,
                }
            },
        },
    }


PROSE = """# Benchmarks

Hand-written introduction that must survive.

## Latest results
<!-- generated:summary -->
stale summary
<!-- /generated:summary -->

## Survey dispatch
<!-- generated:survey -->
a survey table of a run whose file is gone
<!-- /generated:survey -->

## End to end
<!-- generated:e2e -->
stale e2e table
<!-- /generated:e2e -->

Why p99 is above 1 s: the poll intervals (hand-written analysis).
"""


def _write(directory: Path, name: str, data: dict[str, Any]) -> None:
    (directory / name).write_text(json.dumps(data))


def test_generated_blocks_from_the_newest_results_keep_the_prose(tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    # The older run has p99 0.9 s at 100/s; the newer one, which must win, 3.5 s.
    _write(results, "e2e-20261101T100000Z.json", _e2e(0.9))
    _write(results, "e2e-20261102T100000Z.json", _e2e(3.5))
    _write(results, "ingest-20261101T100000Z.json", _ingest())
    _write(results, "scaling-20261103T100000Z.json", _scaling())
    (results / "notes.json").write_text("{}")  # not a result file name: ignored
    doc = tmp_path / "docs" / "benchmarks.md"
    doc.parent.mkdir()
    doc.write_text(PROSE)

    written = generate(results, doc, tmp_path / "docs" / "benchmarks")

    text = doc.read_text()
    assert "Hand-written introduction that must survive." in text
    assert "Why p99 is above 1 s: the poll intervals (hand-written analysis)." in text
    assert "stale" not in text
    # The newest e2e run, with its verdict against the 1 s target at 100/s.
    assert "`e2e-20261102T100000Z.json`" in text and "e2e-20261101T100000Z" not in text
    # Both runs are of the same commit and configuration: the verdict covers both.
    assert (
        "| alert: p99 at 100/s | 3.50 s | ≤ 1.0 s | **missed** in 1 of 2 runs of this commit"
        " (p99 0.90, 3.50 s) |"
    ) in text
    assert "| alert | 100 | 1,000 | 1,000 | 0 | 0.60 | 2.05 | 3.50 | no | 1.0 -> 2.0 |" in text
    assert "| survey | 100 | skipped: 25/s stopped early |" in text
    # Summary rows for benchmarks with and without results; their machine load and commit.
    assert "| ingest / bare FastAPI throughput, same run | 0.200 | ≥ 0.5 | **missed** |" in text
    assert "| p99 at half load | 31.2 ms | < 50 ms | met |" in text
    assert "| Survey dispatch | no result yet |" in text
    assert "a survey table of a run whose file is gone" not in text
    assert "<!-- generated:survey -->\nNo result in bench/results yet.\n" in text
    assert "load 1.5 -> 2.5" in text and "commit abcdef0" in text
    # Benchmarks without a block in the document get a section of their own, after the prose.
    assert text.index("## Scaling: consumer processes and memory") > text.index("hand-written")
    assert "2 processes / 1 process: **1.41**" in text
    assert "| survey | 10,000 | 10.0 | 70.5 | 71.5 | 73.5 |" in text
    assert "**quick mode**" in text
    # Plots referenced relative to the document, and real PNG files.
    assert "![e2e-latency](benchmarks/e2e-latency.png)" in text
    pngs = {p.name for p in written if p.suffix == ".png"}
    assert pngs == {"e2e-latency.png", "scaling-consumers.png", "scaling-memory.png"}
    for path in written[1:]:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 5_000

    # Regenerating from the same results changes nothing (no new sections, no duplicates).
    generate(results, doc, tmp_path / "docs" / "benchmarks")
    assert doc.read_text() == text
    assert text.count("<!-- generated:scaling -->") == 1


def test_a_met_target_says_so_only_when_every_repeat_met_it(tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    other_commit = {**_e2e(0.5), "machine": {**_machine(1.5), "git_commit": "0123456789"}}
    _write(results, "e2e-20261101T100000Z.json", _e2e(1.1))  # same commit: a missed repeat
    _write(results, "e2e-20261101T110000Z.json", other_commit)  # another commit: not a repeat
    _write(results, "e2e-20261101T120000Z.json", _e2e(0.8))
    _write(results, "e2e-20261101T130000Z.json", _e2e(0.4))
    doc = tmp_path / "benchmarks.md"
    doc.write_text(PROSE)
    generate(results, doc, tmp_path / "plots")
    assert (
        "| alert: p99 at 100/s | 0.40 s | ≤ 1.0 s | **missed** in 1 of 3 runs of this commit"
        " (p99 1.10, 0.80, 0.40 s) |"
    ) in doc.read_text()

    (results / "e2e-20261101T100000Z.json").unlink()
    generate(results, doc, tmp_path / "plots")
    assert (
        "| alert: p99 at 100/s | 0.40 s | ≤ 1.0 s | met in all 2 runs of this commit"
        " (p99 0.80, 0.40 s) |"
    ) in doc.read_text()
