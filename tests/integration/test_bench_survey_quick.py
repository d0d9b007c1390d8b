"""The survey benchmark's harness at a small size: the raw SMTP ceilings, the COPY load, the real
survey process draining a backlog into the recording sink, the steady phase, the JSON result and
the cleanup. Figures are checked for sanity only (a test run shares the machine)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.survey import __main__ as bench
from bench.survey import report
from tests.support.infra import Infra

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]


async def test_quick_mode_sends_every_due_email_and_writes_its_result(
    infra: Infra, tmp_path: Path
) -> None:
    if infra.origin != "local":
        pytest.skip("the benchmark runs against the local stack (deploy/local/stack.py)")
    args = bench.parse_args(
        [
            "--quick",
            "--pending", "3000",
            "--due", "400",
            "--steady-rate", "20",
            "--steady-duration", "5",
            "--raw-messages", "300",
            "--raw-duration", "10",
            "--sinks", "maildir",
            "--drain-timeout", "90",
            "--keep-infra",
        ]
    )  # fmt: skip
    started = datetime.now(UTC)
    path = report.write_json(await bench.benchmark(args, started), started, tmp_path)

    assert path.parent == tmp_path
    result = json.loads(path.read_text())
    assert result["config"]["pending"] == 3000 and result["config"]["due"] == 400
    phases = {p["name"]: p for p in result["phases"]}
    assert set(phases) == {
        "raw-repo-sink",
        "raw-maildir",
        "raw-count",
        "backlog-maildir",
        "steady-maildir",
    }
    for name in ("raw-repo-sink", "raw-maildir", "raw-count"):
        assert phases[name]["errors"] == 0, phases[name]["first_error"]
        assert phases[name]["accepted"] > 0 and phases[name]["messages_per_s"] > 0
    assert result["load"]["rows"] == 2600
    backlog, steady = phases["backlog-maildir"], phases["steady-maildir"]
    for phase in (backlog, steady):
        # Every due email reached the sink exactly once, and the worker logged no error.
        assert phase["not_sent"] == 0 and phase["duplicates"] == 0, phase
        assert phase["worker_log_errors"] == 0
        lateness = phase["lateness_s"]
        assert 0 < lateness["p50"] <= lateness["p99"]
    assert backlog["emails_per_s"] > 0
    assert backlog["worker_rss"]["peak_mib"] > 0
    summary = result["summary"]
    assert summary["throughput"]["emails_per_s"] == backlog["emails_per_s"]
    assert summary["steady"]["p99"] > 0
    assert result["machine"]["git_commit"] and len(result["machine"]["load_before"]) == 3
    assert any("dropped" in note for note in result["infra"]["cleanup"])
    assert "backlog-maildir" in report.markdown(result)
