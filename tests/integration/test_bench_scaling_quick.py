"""The scaling benchmark's quick mode: the survey order consumer with one and two processes in
one group, and every service's memory at two seeded sizes; the JSON result and the cleanup.
Figures are checked for sanity only (a test run shares the machine)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest

from bench.scaling import __main__ as bench
from bench.scaling import report
from tests.support.infra import Infra

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]


async def test_quick_mode_scales_consumers_and_samples_memory(infra: Infra, tmp_path: Path) -> None:
    if infra.origin != "local":
        pytest.skip("the benchmark runs against the local stack (deploy/local/stack.py)")
    args = bench.parse_args(["--quick", "--keep-infra"])
    started = datetime.now(UTC)
    path = report.write_json(await bench.benchmark(args, started), started, tmp_path)

    assert path.parent == tmp_path
    result = json.loads(path.read_text())
    consumers = result["consumers"]
    assert [c["processes"] for c in consumers] == [1, 2]
    for c in consumers:
        # Every event handled once (one survey per order), nothing left in the group.
        assert c["complete"] and c["handled"] == c["events"] == 2 * args.orders, c
        assert c["surveys"] == args.orders
        assert c["lag_after"] == 0
        assert c["events_per_s"] > 0 and c["error_log_lines"] == 0
        assert sum(c["per_partition"].values()) == c["events"]
        assert len(c["per_partition"]) >= 2
    assert result["summary"]["consumer_ratio"] > 0

    memory = {m["service"]: m for m in result["memory"]}
    assert set(memory) == {"ingest", "survey", "notifier", "responder"}
    for service, m in memory.items():
        assert [s["rows"] for s in m["steps"]] == [1000, 10000], service
        for step in m["steps"]:
            assert step["rss_idle_mib"] > 0 and step["rss"]["peak_mib"] > 0, service
            assert step["hwm_mib"] >= step["rss"]["peak_mib"]
            assert step["error_log_lines"] == 0, service
            workload = step["workload"]
            done = workload.get("handled", workload.get("accepted"))
            assert done == workload.get("events", workload["items"]), (service, workload)
            assert all(s == 200 for s in workload.get("list_requests", {}).get("statuses", []))
        small, large = m["steps"]
        assert sum(large["table_mib"].values()) > sum(small["table_mib"].values())
    assert set(result["summary"]["memory_growth"]) == set(memory)
    assert result["machine"]["git_commit"] and len(result["machine"]["load_before"]) == 3

    # Nothing left behind: the databases are gone.
    names = [n.split()[1] for n in result["infra"]["cleanup"] if n.startswith("database ")]
    assert len(names) == 6
    admin = await asyncpg.connect(infra.admin_dsn)
    try:
        left = await admin.fetchval(
            "SELECT count(*) FROM pg_database WHERE datname = ANY($1::text[])", names
        )
    finally:
        await admin.close()
    assert left == 0
    assert "2 processes / 1 process" in report.markdown(result)
