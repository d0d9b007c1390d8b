"""The lint benchmark's harness at a small size: the responder process, both phases, the
in-process timing, the report and the cleanup. Figures are not checked (a test run shares the
machine); that everything ran, was answered and was undone is."""

import asyncio
from datetime import UTC, datetime

import asyncpg
import pytest

from bench.lint import __main__ as bench
from bench.lint import report
from bench.lint.texts import TEXTS
from tests.support.infra import Infra

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


async def test_quick_lint_bench_runs_and_cleans_up(infra: Infra) -> None:
    if infra.origin != "local":
        pytest.skip("the benchmark runs against the local stack (deploy/local/stack.py)")
    args = bench.parse_args(
        ["--quick", "--duration", "2", "--in-process-runs", "2", "--keep-infra"]
    )
    result = await asyncio.wait_for(bench.benchmark(args, datetime.now(UTC)), 110)

    quiet, linting = result["phases"]
    assert (quiet["name"], linting["name"]) == ("quiet", "linting")
    for phase in (quiet, linting):
        for kind, figures in phase["probes"].items():
            assert figures["count"] == 20 and figures["errors"] == 0, (phase["name"], kind)
            assert 0 < figures["p50"] <= figures["p99"]
    lint = linting["lint"]
    assert lint["sent"] == 40 and lint["other"] == 0
    assert lint["answered_200"] + lint["answered_429"] == lint["sent"]
    assert set(result["linter_in_process_ms"]) == set(TEXTS)
    assert "| linting | healthz |" in report.markdown(result)

    assert any("dropped" in note for note in result["infra"]["cleanup"])
    admin = await asyncpg.connect(infra.admin_dsn)
    try:
        left = await admin.fetchval(
            "SELECT count(*) FROM pg_database WHERE datname = $1", result["infra"]["database"]
        )
    finally:
        await admin.close()
    assert left == 0
