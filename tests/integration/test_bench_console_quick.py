"""The console benchmark's harness at a small size: the kept seed, the real responder signed in
through the console's form, the pages, a consume phase and the live phase watching the inbox.
Figures are not checked (a test run shares the machine); that everything ran is."""

import argparse
import asyncio

import pytest

from bench.ingest.targets import remove_database, start_infra
from bench.responder import console
from tests.support.infra import Infra

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]


async def test_quick_console_run(infra: Infra) -> None:
    if infra.origin != "local":
        pytest.skip("the benchmark runs against the local stack (deploy/local/stack.py)")
    seeded = argparse.Namespace(reviews=3000, shops=20, seed=7)
    database = await asyncio.wait_for(console.seed(seeded), 120)
    try:
        args = argparse.Namespace(
            database=database,
            phases="pages,consume,live",
            page_requests=40,
            warmup=4,
            rate=40.0,
            consume_rate=40.0,
            duration=3.0,
            watch_every=4,
            root=None,
            label="test",
            seed=1,
            no_save=True,
            vacuum=True,
        )
        result = await asyncio.wait_for(console.run_phases(args), 100)
    finally:
        await remove_database(await start_infra(), database)

    pages = result["pages"]
    assert pages["errors"] == 0, pages["first_errors"]
    assert pages["by_kind"]["ALL inbox"]["n"] + pages["by_kind"]["ALL review"]["n"] == 40
    for phase in ("consume", "live"):
        assert result[phase]["handled"] == result[phase]["events"] == 120
        assert result[phase]["responder_cpu_ms_per_review"] > 0
        assert result[phase]["rollup_row_writes"] > 0
    watch = result["live"]["watch"]
    assert watch["reviews"] == 30 and watch["never_seen"] == 0
    assert watch["visible_after_s"]["p99"] is not None
