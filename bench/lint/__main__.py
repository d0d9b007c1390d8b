"""python -m bench.lint [--quick] [--duration S] [--lint-rate R] [--probe-rate R]

Issue #16, item 7: one agent linting long texts must not stall the responder for everyone.
One run, against a real responder process started here on 127.0.0.1:

1. a fresh database with the responder's migrations; two shops, an agent of each with an API
   key (through the responder's own handler and repositories);
2. `quiet`: probes only, an open loop at `--probe-rate`, alternating `GET /healthz` and the
   other shop's agent reading its inbox (`GET /v1/reviews`);
3. `linting`: the same probes while shop A's agent posts 5,000-character texts to
   `POST /v1/lint` at `--lint-rate` (default 20/s, twice what its rate limit lets through once
   the burst is spent), cycling through a realistic text and two worst-case shapes
   (bench/lint/texts.py);
4. the linter alone, timed in this process, on each text.

Latency is measured from each request's scheduled send time, so time spent waiting for the
server counts (no coordinated omission). Then it writes bench/results/lint-<UTC time>.json,
prints a markdown table, and undoes what it started.
"""

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx

from bench import runner
from bench.infra import RunState, Step, infra_record, run_steps, stop_service, teardown_steps
from bench.ingest import machine
from bench.ingest.targets import (
    ServerProcess,
    start_service,
)
from bench.lint import report
from bench.lint.texts import MAX_CHARS, TEXTS
from bench.survey.targets import CpuWindow
from services.responder.access import repository as users
from services.responder.access import tokens
from services.responder.app import MIGRATIONS
from services.responder.replies.linter import LintContext, lint
from services.responder.reviews.handlers import on_shop
from services.responder.settings import ResponderSettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from shared.events.shops import ShopUpdated, ShopUpdatedPayload

QUICK = {"duration": 5.0, "in_process_runs": 20}
FULL = {"duration": 30.0, "in_process_runs": 200}
SHOPS = ("bench-lint-a", "bench-lint-b")
REQUEST_TIMEOUT_S = 60.0

log = runner.logger("lint")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """p99 of unrelated requests to the responder while one agent lints long texts at its rate
    limit. See bench/README.md."""
    p = runner.parser("lint", parse_args.__doc__, "5 s per phase")
    p.add_argument("--duration", type=float, help="seconds per phase (default 30)")
    p.add_argument("--probe-rate", type=float, default=20.0, help="probe requests per second")
    p.add_argument("--lint-rate", type=float, default=20.0, help="lint calls per second")
    p.add_argument("--in-process-runs", type=int, help="runs per text of the in-process timing")
    args = runner.parse(p, argv, (QUICK, FULL))
    if args.duration <= 0 or args.probe_rate <= 0 or args.lint_rate <= 0:
        p.error("--duration, --probe-rate and --lint-rate must be positive")
    return args


Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


async def open_loop(
    client: httpx.AsyncClient, rate: float, duration: float, requests: list[tuple[str, Send]]
) -> list[tuple[str, int, float]]:
    """(kind, status, ms) of each request, sent at `rate` per second for `duration` seconds,
    cycling through `requests`; status 0 is a transport failure."""
    count = max(1, int(rate * duration))
    start = time.monotonic() + 0.05
    out: list[tuple[str, int, float]] = []

    async def one(i: int) -> None:
        kind, send = requests[i % len(requests)]
        scheduled = start + i / rate
        await asyncio.sleep(max(0.0, scheduled - time.monotonic()))
        try:
            status = (await send(client)).status_code
        except httpx.HTTPError:
            status = 0
        out.append((kind, status, (time.monotonic() - scheduled) * 1000))

    await asyncio.gather(*(one(i) for i in range(count)))
    return out


class Run(RunState):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__("lint", args)
        self.service: ServerProcess | None = None
        self.keys: dict[str, str] = {}
        self.defaults = ResponderSettings()

    async def start(self) -> None:
        infra = await self.start_database(log)
        settings = self.settings_as(ResponderSettings, "responder")
        pool = await create_pool(settings)
        try:
            await apply_migrations(pool, "responder", service_migrations("responder", MIGRATIONS))
            now = datetime.now(UTC)
            async with pool.acquire() as conn:
                for shop_id in SHOPS:
                    event = ShopUpdated(
                        shop_id=shop_id,
                        occurred_at=now,
                        payload=ShopUpdatedPayload(
                            platform="shopify",
                            display_name=shop_id,
                            locale="en",
                            country="SI",
                            timezone="Europe/Ljubljana",
                        ),
                    )
                    async with conn.transaction():
                        await on_shop(conn, event)
                    user = await users.create_user(
                        conn, f"agent of {shop_id}", None, "agent", [shop_id], now
                    )
                    assert user is not None
                    key = tokens.new_api_key()
                    await users.add_key(conn, user.id, "bench", key.prefix, key.key_hash, now)
                    self.keys[shop_id] = key.key
        finally:
            await pool.close()
        self.service = await start_service(
            "responder", infra, self.database, self.prefix, self.work_dir
        )
        log(f"responder ready on :{self.service.port} (pid {self.service.pid})")

    def probes(self) -> list[tuple[str, Send]]:
        other = {"Authorization": f"Bearer {self.keys[SHOPS[1]]}"}

        async def healthz(c: httpx.AsyncClient) -> httpx.Response:
            return await c.get("/healthz")

        async def inbox(c: httpx.AsyncClient) -> httpx.Response:
            return await c.get("/v1/reviews", headers=other)

        return [("healthz", healthz), ("other_shop_inbox", inbox)]

    def lints(self) -> list[tuple[str, Send]]:
        agent = {"Authorization": f"Bearer {self.keys[SHOPS[0]]}"}

        def send(text: str) -> Send:
            body = {"text": text, "sentiment": "negative", "language": "en"}

            async def post(c: httpx.AsyncClient) -> httpx.Response:
                return await c.post("/v1/lint", json=body, headers=agent)

            return post

        return [(name, send(text)) for name, text in TEXTS.items()]

    async def phase(self, name: str, with_lint: bool) -> dict[str, Any]:
        assert self.service is not None
        args = self.args
        log(f"{name}: {args.duration:.0f} s" + (f", lint at {args.lint_rate}/s" * with_lint))
        load_before = machine.loadavg()
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
        async with (
            httpx.AsyncClient(
                base_url=self.service.url, timeout=REQUEST_TIMEOUT_S, limits=limits
            ) as probe_client,
            httpx.AsyncClient(
                base_url=self.service.url, timeout=REQUEST_TIMEOUT_S, limits=limits
            ) as lint_client,
        ):
            cpu = CpuWindow({"responder": self.service.pid})
            jobs = [open_loop(probe_client, args.probe_rate, args.duration, self.probes())]
            if with_lint:
                jobs.append(open_loop(lint_client, args.lint_rate, args.duration, self.lints()))
            done = await asyncio.gather(*jobs)
            cpu_figures = await cpu.stop()
        probes = done[0]
        result: dict[str, Any] = {
            "name": name,
            "probes": {
                kind: report.summary(
                    [s for k, s, _ in probes if k == kind], [m for k, _, m in probes if k == kind]
                )
                for kind, _ in self.probes()
            },
            "cpu": cpu_figures,
            **machine.load_span(load_before),
        }
        if with_lint:
            calls = done[1]
            statuses = [s for _, s, _ in calls]
            result["lint"] = {
                "sent": len(calls),
                "answered_200": statuses.count(200),
                "answered_429": statuses.count(429),
                "other": len(calls) - statuses.count(200) - statuses.count(429),
                "ok": report.summary(
                    [s for s in statuses if s == 200], [m for _, s, m in calls if s == 200]
                ),
            }
        for kind, f in result["probes"].items():
            p50, p99 = f.get("p50"), f.get("p99")
            log(f"{name}: {kind} p50 {p50} ms, p99 {p99} ms, errors {f['errors']}")
        return result

    async def cleanup(self) -> None:
        steps: list[Step] = []
        if self.service is not None:
            steps.append(stop_service("stop responder", self.service))
        if self.infra is not None:
            database = self.database if self.database_created else None
            steps += teardown_steps(self.infra, self.prefix, database, self.args.keep_infra)
        await run_steps(steps, self.cleanup_notes, log)


def in_process(runs: int) -> dict[str, float]:
    """The linter alone on each text: median milliseconds."""
    ctx = LintContext(sentiment="negative", review_language="en")
    out = {}
    for name, text in TEXTS.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            lint(text, ctx)
            times.append((time.perf_counter() - started) * 1000)
        out[name] = round(statistics.median(times), 3)
    return out


async def benchmark(args: argparse.Namespace, started: datetime) -> dict[str, Any]:
    run = Run(args)
    machine_before = machine.loadavg()
    phases: list[dict[str, Any]] = []
    async with runner.cleaned_up(run, log):
        await run.start()
        phases.append(await run.phase("quiet", with_lint=False))
        phases.append(await run.phase("linting", with_lint=True))
    timed = in_process(args.in_process_runs)
    return {
        **runner.header("lint", started),
        "config": {
            "quick": args.quick,
            "duration_s": args.duration,
            "probe_rate": args.probe_rate,
            "lint_rate": args.lint_rate,
            "chars": MAX_CHARS,
            "texts": list(TEXTS),
            "in_process_runs": args.in_process_runs,
            "rate_limit_per_minute": run.defaults.rate_limit_per_minute,
            "rate_limit_burst": run.defaults.rate_limit_burst,
        },
        "machine": machine.record(machine_before),
        "infra": infra_record(
            run.infra, run.cleanup_notes, database=run.database, topic_prefix=run.prefix
        ),
        "phases": phases,
        "linter_in_process_ms": timed,
    }


main = runner.entry(parse_args, benchmark, report)


if __name__ == "__main__":
    sys.exit(main())
