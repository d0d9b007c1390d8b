"""The ingest benchmark's harness at a small size: the bare ceiling, the durable ceiling (HMAC,
JSON, one INSERT) and the real ingest process under the same closed-loop client, the half-load
open loop, the Kafka drain, the JSON result and the cleanup. Figures are checked for sanity only
(a test run shares the machine)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.ingest import __main__ as bench
from bench.ingest import report
from tests.support.infra import Infra

pytestmark = [pytest.mark.integration, pytest.mark.timeout(150)]


async def test_quick_mode_measures_both_targets_and_writes_its_result(
    infra: Infra, tmp_path: Path
) -> None:
    if infra.origin != "local":
        pytest.skip("the benchmark runs against the local stack (deploy/local/stack.py)")
    args = bench.parse_args(
        ["--quick", "--requests", "300", "--warmup", "30", "--concurrency", "8", "--keep-infra"]
    )
    started = datetime.now(UTC)
    path = report.write_json(await bench.benchmark(args, started), started, tmp_path)

    # What a reader of bench/results gets: the file, not the in-memory dict.
    assert path.parent == tmp_path
    result = json.loads(path.read_text())
    assert result["config"]["quick"] is True
    phases = {p["name"]: p for p in result["phases"]}
    assert set(phases) == {"bare", "durable", "ingest", "ingest-half"}
    for phase in phases.values():
        assert phase["errors"] == 0 and phase["transport_errors"] == 0, phase["first_error"]
        assert phase["ok"] == phase["requests"] > 0
        assert phase["req_per_s"] > 0
        latency = phase["latency_ms"]
        assert 0 < latency["p50"] <= latency["p99"] <= latency["max"]
    # Every order's two events reached Kafka.
    for name in ("ingest", "ingest-half"):
        kafka = phases[name]["kafka"]
        assert kafka["all_arrived"], kafka
        assert kafka["events_seen"] == kafka["expected_events"] == 2 * phases[name]["ok"], kafka
        assert kafka["events_per_s"] > 0
    summary = result["summary"]
    assert 0 < summary["throughput_ratio"]
    # The durable ceiling committed every delivery it answered (issue #22).
    assert 0 < summary["durable_ratio"] and summary["durable_ratio_target"] == 0.7
    assert set(summary["cpu_ms_per_webhook"]) == {"bare", "durable", "ingest"}
    assert "durable ceiling" in report.markdown(result)
    assert summary["half_load"]["p99"] > 0
    assert result["machine"]["nproc"] >= 1 and len(result["machine"]["load_before"]) == 3
    assert result["machine"]["git_commit"]
    assert any("dropped" in note for note in result["infra"]["cleanup"])
    assert "| ingest |" in report.markdown(result)
