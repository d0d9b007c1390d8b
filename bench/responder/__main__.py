"""python -m bench.responder [--quick] [--reviews N] [--requests N] [--concurrency C] ...

One run, in this order, against processes started here on 127.0.0.1:

1. a fresh database, the responder's migrations (its own runner);
2. the handler check: a sample of review histories through the responder's handlers and
   services, and the same histories through the COPY writer; the tables must be identical
   (bench/responder/check.py), or the run stops;
3. the seed: `--shops` shops (Zipf sizes) with staff and API keys through the responder's
   repositories, then `--reviews` reviews over a year with their cases, replies and NPS answers
   by COPY (bench/responder/data.py); VACUUM ANALYZE;
4. the real responder process (`python -m services.responder`, unique topic prefix);
5. `sequential`: one connection; `concurrent`: `--concurrency` connections; each a closed loop
   over the same mix of inbox, filter, search, page-2 and analytics requests by agents of large
   and small shops (bench/responder/plan.py), after an uncounted warm-up;
6. EXPLAIN (ANALYZE, BUFFERS) of the statements of the slowest request of each kind.

Then it writes bench/results/responder-<UTC time>.json, prints markdown tables, and undoes
everything it started: the process, database, topics, and infrastructure it had to start.
"""

import argparse
import asyncio
import dataclasses
import json
import pickle
import sys
import time
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx

from bench import runner
from bench.infra import RunState, Step, infra_record, run_steps, stop_service, teardown_steps
from bench.ingest import machine
from bench.ingest.payloads import REPO_ROOT
from bench.ingest.targets import (
    HOST,
    ServerProcess,
    start_service,
)
from bench.responder import check, data, explain, plan, report
from bench.responder.client import Spec
from bench.survey.targets import CpuWindow
from services.responder.app import MIGRATIONS
from services.responder.settings import ResponderSettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool

QUICK = {
    "reviews": 20_000,
    "requests": 200,
    "concurrent_requests": 400,
    "warmup": 60,
    "check_reviews": 100,
}
FULL = {
    "reviews": 1_000_000,
    "requests": 2_000,
    "concurrent_requests": 4_000,
    "warmup": 300,
    "check_reviews": 300,
}
CHUNK = 25_000
PRODUCER_TIMEOUT_S = 600.0
CLIENT_TIMEOUT_S = 1800.0
# Of matched reviews (~74 %), this share gets a second review of the same order.
SIBLING_GROWTH = 1 + data.DEFAULT_ODDS.sibling * 0.74


log = runner.logger("responder")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """GET /v1/reviews and GET /v1/analytics of the real responder over a seeded read model
    (1,000,000 reviews across 100 shops by default). See bench/README.md."""
    p = runner.parser("responder", parse_args.__doc__, "20,000 reviews, a few hundred requests")
    p.add_argument("--reviews", type=int, help="reviews to seed (default 1,000,000)")
    p.add_argument("--shops", type=int, default=100)
    p.add_argument("--requests", type=int, help="requests of the sequential run (default 2,000)")
    p.add_argument(
        "--concurrent-requests", type=int, help="requests of the concurrent run (default 4,000)"
    )
    p.add_argument("--concurrency", type=int, default=8, help="connections, concurrent run")
    p.add_argument("--warmup", type=int, help="uncounted requests before each run (default 300)")
    p.add_argument("--check-reviews", type=int, help="reviews of the handler check (default 300)")
    p.add_argument("--seed", type=int, default=20261123, help="of the data and the request mix")
    args = runner.parse(p, argv, (QUICK, FULL))
    if args.reviews < args.shops or args.shops < 2 * plan.LARGE_SHOPS:
        p.error(f"need --shops >= {2 * plan.LARGE_SHOPS} and at least one review per shop")
    if min(args.requests, args.concurrent_requests, args.concurrency) < 1 or args.warmup < 0:
        p.error("--requests, --concurrent-requests and --concurrency must be positive")
    return args


class Run(RunState):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__("responder", args)
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.pool: Pool | None = None
        self.raw: asyncpg.Connection | None = None
        self.service: ServerProcess | None = None
        self.shops: list[data.Shop] = []
        self.staff: dict[str, data.Staff] = {}
        self.notes: list[str] = []

    def settings(self) -> ResponderSettings:
        return self.settings_as(ResponderSettings, "responder")

    async def start(self) -> None:
        await self.start_database(log)
        settings = self.settings()
        self.pool = await create_pool(settings)
        applied = await apply_migrations(
            self.pool, "responder", service_migrations("responder", MIGRATIONS)
        )
        log(f"migrations applied: {', '.join(applied)}")
        # The bench's own COPY connection: no jsonb codec, JSON goes as text.
        self.raw = await asyncpg.connect(
            settings.db_dsn, server_settings={"search_path": "responder"}
        )

    # -- data ------------------------------------------------------------------------------------

    async def check(self) -> dict[str, Any]:
        assert self.pool is not None and self.raw is not None
        log(f"handler check: {self.args.check_reviews} reviews through handlers and through COPY")
        started = time.monotonic()
        result = await check.run(
            self.pool, self.raw, self.now, self.args.check_reviews, self.args.seed
        )
        result["seconds"] = round(time.monotonic() - started, 1)
        result["summary"] = check.summary(result)
        log(f"handler check: {result['summary']}")
        if not result["identical"]:
            raise RuntimeError(
                "the COPY seed differs from what the responder's code writes: "
                + json.dumps(result["tables"], default=str)[:3000]
            )
        return result

    async def seed(self) -> dict[str, Any]:
        assert self.pool is not None and self.raw is not None
        args = self.args
        primary = round(args.reviews / SIBLING_GROWTH)
        self.shops = data.plan_shops(primary, args.shops, args.seed)
        started = time.monotonic()
        async with self.pool.acquire() as conn:
            await data.create_shops(conn, self.shops, self.now)
            self.staff = await data.create_staff(conn, self.shops, self.now)
        staff_s = time.monotonic() - started
        log(f"{len(self.shops)} shops, {sum(len(s.agents) for s in self.staff.values())} agents")
        started = time.monotonic()
        figures = await self._copy(data.Plan(self.shops, self.staff, self.now, args.seed, CHUNK))
        copy_s = time.monotonic() - started
        started = time.monotonic()
        await data.write_rollups(self.raw, [s.shop_id for s in self.shops])
        rollups_s = time.monotonic() - started
        started = time.monotonic()
        await data.move_sequences(self.raw)
        for table in (*data.TABLES, *data.ROLLUPS):
            await self.raw.execute(f"VACUUM (ANALYZE) {table}")
        vacuum_s = time.monotonic() - started
        per_shop = dict(
            await self.raw.fetch("SELECT shop_id, count(*) FROM reviews GROUP BY shop_id")
        )
        self.shops = [s for s in self.shops if s.shop_id in per_shop]
        # Classes by what was really seeded (siblings and the cut at `now` move counts a bit).
        self.shops = [dataclasses.replace(s, planned=per_shop[s.shop_id]) for s in self.shops]
        tables = await self._sizes()
        shape = await self._shape()
        log(
            f"seeded {tables['reviews']['rows']:,} reviews in {copy_s:.1f} s; "
            f"VACUUM ANALYZE {vacuum_s:.1f} s"
        )
        return {
            "reviews": tables["reviews"]["rows"],
            "planned_first_reviews": primary,
            "skipped_after_now": figures.get("skipped_after_now"),
            "waiting_for_rows_s": figures.get("waiting_for_rows_s"),
            "copy_statements_s": figures.get("copy_statements_s"),
            "staff_s": round(staff_s, 1),
            "copy_s": round(copy_s, 1),
            "rollups_s": round(rollups_s, 1),
            "vacuum_analyze_s": round(vacuum_s, 1),
            "largest_shop": max(per_shop.values()),
            "smallest_shop": min(per_shop.values()),
            "shop_sizes": sorted(per_shop.values(), reverse=True),
            "tables": tables,
            "shape": shape,
            "database_mib": round(
                await self.raw.fetchval("SELECT pg_database_size(current_database())") / 2**20, 1
            ),
        }

    async def _copy(self, work: data.Plan) -> dict[str, Any]:
        """Rows from the producer process (bench/responder/produce.py), each chunk one COPY
        transaction."""
        assert self.raw is not None
        plan_path = self.work_dir / "seed-plan.pickle"
        plan_path.write_bytes(pickle.dumps(work))
        with (self.work_dir / "producer.log").open("ab") as producer_log:
            producer = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bench.responder.produce",
                str(plan_path),
                cwd=REPO_ROOT,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=producer_log,
            )
        assert producer.stdout is not None
        done, next_log = 0, 100_000
        waited = copying = 0.0
        try:
            while True:
                t0 = time.monotonic()
                try:
                    async with asyncio.timeout(PRODUCER_TIMEOUT_S):
                        size = int.from_bytes(await producer.stdout.readexactly(8), "big")
                        item = pickle.loads(await producer.stdout.readexactly(size))
                except (asyncio.IncompleteReadError, TimeoutError) as exc:
                    raise RuntimeError(
                        f"the seed producer stopped; see {self.work_dir / 'producer.log'}"
                    ) from exc
                t1 = time.monotonic()
                waited += t1 - t0
                if isinstance(item, dict):
                    if "error" in item:
                        raise RuntimeError(f"the seed producer failed: {item['error']}")
                    # Where the time went: waiting for generated rows, or in COPY.
                    return {
                        **item,
                        "waiting_for_rows_s": round(waited, 1),
                        "copy_statements_s": round(copying, 1),
                    }
                async with self.raw.transaction():
                    await data.copy_rows(self.raw, item)
                copying += time.monotonic() - t1
                done += len(item.reviews)
                if done >= next_log:
                    next_log += 100_000
                    log(f"seeded {done:,} reviews")
        finally:
            try:
                await asyncio.wait_for(producer.wait(), 10.0)
            except TimeoutError:
                producer.kill()
                await producer.wait()

    async def _shape(self) -> dict[str, Any]:
        """What was seeded, in shares: the figures that make the data plausible or not."""
        assert self.raw is not None
        raw = self.raw
        total = await raw.fetchval("SELECT count(*) FROM reviews")

        async def shares(sql: str) -> dict[str, float]:
            return {str(r[0]): round(r[1] / max(total, 1), 4) for r in await raw.fetch(sql)}

        cases = await self.raw.fetch(
            "SELECT status, count(*) FROM cases GROUP BY 1 ORDER BY 2 DESC"
        )
        negatives = await self.raw.fetchrow(
            "SELECT count(*) AS n, count(first_replied_at) AS answered,"
            " count(*) FILTER (WHERE first_replied_at <= sla_due_at) AS within_sla,"
            " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM"
            "   first_replied_at - created_at) / 3600) AS median_h"
            " FROM reviews WHERE sentiment = 'negative'"
        )
        return {
            "sentiment": await shares("SELECT sentiment, count(*) FROM reviews GROUP BY 1"),
            "rating": await shares("SELECT rating, count(*) FROM reviews GROUP BY 1 ORDER BY 1"),
            "source": await shares("SELECT source, count(*) FROM reviews GROUP BY 1"),
            "language": await shares("SELECT language, count(*) FROM reviews GROUP BY 1"),
            "verified": await shares("SELECT verified, count(*) FROM reviews GROUP BY 1"),
            "urgency": await shares("SELECT urgency, count(*) FROM reviews GROUP BY 1"),
            "replied": await shares(
                "SELECT first_replied_at IS NOT NULL, count(*) FROM reviews GROUP BY 1"
            ),
            "deleted": await shares(
                "SELECT deleted_at IS NOT NULL, count(*) FROM reviews GROUP BY 1"
            ),
            "topics": await shares(
                "SELECT t, count(*) FROM reviews, unnest(topics) t GROUP BY 1 ORDER BY 2 DESC"
            ),
            "case_status": {r[0]: r[1] for r in cases},
            "negatives": {
                "answered_share": round(negatives["answered"] / max(negatives["n"], 1), 4),
                "within_sla_share": round(negatives["within_sla"] / max(negatives["n"], 1), 4),
                "median_first_reply_h": round(negatives["median_h"] or 0, 2),
            },
            "created_from": str(await self.raw.fetchval("SELECT min(created_at) FROM reviews")),
            "created_to": str(await self.raw.fetchval("SELECT max(created_at) FROM reviews")),
        }

    async def _sizes(self) -> dict[str, dict[str, Any]]:
        assert self.raw is not None
        out = {}
        for table in (*data.TABLES, *data.ROLLUPS, "shops", "users", "api_keys"):
            row = await self.raw.fetchrow(
                f"SELECT (SELECT count(*) FROM {table}) AS rows,"
                " pg_relation_size($1::regclass) AS heap,"
                " pg_indexes_size($1::regclass) AS indexes,"
                " pg_total_relation_size($1::regclass) AS total",
                table,
            )
            out[table] = {
                "rows": row["rows"],
                "heap_mib": round(row["heap"] / 2**20, 1),
                "indexes_mib": round(row["indexes"] / 2**20, 1),
                "total_mib": round(row["total"] / 2**20, 1),
            }
        indexes = await self.raw.fetch(
            "SELECT indexrelname AS name, pg_relation_size(indexrelid) AS bytes"
            " FROM pg_stat_user_indexes WHERE relname = 'reviews' ORDER BY 1"
        )
        out["reviews"]["index_mib"] = {r["name"]: round(r["bytes"] / 2**20, 1) for r in indexes}
        return out

    # -- the service -------------------------------------------------------------------------

    async def start_service(self) -> None:
        assert self.infra is not None
        self.service = await start_service(
            "responder", self.infra, self.database, self.prefix, self.work_dir
        )
        log(f"responder ready on :{self.service.port} (pid {self.service.pid})")

    async def first_pages(self, shops: list[data.Shop]) -> tuple[dict[str, str], dict[str, Any]]:
        """The inbox's first page of every shop in the mix (its cursor opens page 2), and one
        request of each kind and class, checked for a 200 and how much it found."""
        assert self.service is not None
        cursors: dict[str, str] = {}
        sanity: dict[str, Any] = {}
        async with httpx.AsyncClient(base_url=self.service.url, timeout=60.0) as client:
            for shop in shops:
                key = self.staff[shop.shop_id].keys[0]
                r = await client.get("/v1/reviews", headers={"Authorization": f"Bearer {key}"})
                r.raise_for_status()
                cursor = r.json()["next_cursor"]
                if cursor is None:
                    raise RuntimeError(f"{shop.shop_id}: the inbox has no second page")
                cursors[shop.shop_id] = cursor
            probe = plan.build(self.shops, self.staff, 20 * len(plan.KINDS), 1, self.now, cursors)
            for request in probe:
                name = f"{request.kind}/{request.size}"
                if name in sanity:
                    continue
                r = await client.get(
                    request.path, headers={"Authorization": f"Bearer {request.key}"}
                )
                if r.status_code != 200:
                    raise RuntimeError(f"{request.path}: {r.status_code} {r.text[:300]}")
                body = r.json()
                sanity[name] = (
                    {"volume": body["volume"], "opened_cases": body["cases"]["opened"]}
                    if request.kind.startswith("analytics")
                    else {"items": len(body["items"]), "more": body["next_cursor"] is not None}
                )
        return cursors, sanity

    async def phase(
        self, name: str, concurrency: int, requests: list[plan.Request], warmup: list[plan.Request]
    ) -> dict[str, Any]:
        assert self.service is not None
        spec = Spec(
            host=HOST,
            port=self.service.port,
            concurrency=concurrency,
            warmup=[r.wire() for r in warmup],
            requests=[r.wire() for r in requests],
        )
        log(f"{name}: {len(requests):,} requests on {concurrency} connection(s)")
        load_before = machine.loadavg()
        proc, out_path = await runner.start_client(
            "bench.responder.client", spec, self.work_dir, name, "result", control=False
        )
        # The window opens after the client's start-up (and runs across its warm-up: the CPU
        # figures are per request over warm-up and measured requests alike).
        cpu = CpuWindow({"responder": self.service.pid})
        try:
            await asyncio.wait_for(proc.wait(), CLIENT_TIMEOUT_S)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
        if proc.returncode != 0:
            cpu_figures = await cpu.stop()
            raise RuntimeError(f"{name}: the client exited with {proc.returncode}")
        raw = json.loads(out_path.read_text())
        # The client has exited: its CPU comes from its own reading.
        cpu_figures = await cpu.stop({"client": raw["process_cpu_s"]})
        figures = report.figures(
            [r.kind for r in requests], [r.size for r in requests], raw["status"], raw["latency_ms"]
        )
        total = len(requests) + len(warmup)
        responder_s = cpu_figures["responder_cores"] * cpu_figures["window_s"]
        p99 = figures["overall"].get("p99")
        result = {
            "name": name,
            "concurrency": concurrency,
            "requests": len(requests),
            "warmup": len(warmup),
            "warmup_errors": raw["warmup_errors"],
            "elapsed_s": round(raw["elapsed_s"], 3),
            "req_per_s": round(len(requests) / raw["elapsed_s"], 1),
            "figures": figures,
            "target_met": p99 is not None
            and p99 < report.P99_TARGET_MS
            and figures["overall"]["errors"] == 0,
            "first_error": raw["first_error"],
            "connections_opened": raw["connections_opened"],
            "cpu": cpu_figures,
            "responder_cpu_ms_per_request": round(responder_s * 1000 / total, 2),
            "client_cpu_s_measured": round(raw["client_cpu_s"], 2),
            **machine.load_span(load_before),
            "mean_body_bytes": round(sum(raw["body_bytes"]) / max(len(requests), 1)),
        }
        result["_latencies"] = raw["latency_ms"]
        log(
            f"{name}: p50 {figures['overall'].get('p50')} ms, p99 {p99} ms, "
            f"{result['req_per_s']} req/s, errors {figures['overall']['errors']}"
        )
        return result

    async def plans(
        self, requests: list[plan.Request], latencies: list[float]
    ) -> dict[str, dict[str, Any]]:
        """EXPLAIN (ANALYZE, BUFFERS) of the statements of the slowest request of each kind."""
        assert self.raw is not None
        slowest: dict[str, tuple[float, plan.Request]] = {}
        for request, ms in zip(requests, latencies, strict=True):
            if request.kind not in slowest or ms > slowest[request.kind][0]:
                slowest[request.kind] = (ms, request)
        out = {}
        due_soon = {s.shop_id: data.shop_profile(s).sla.due_soon_hours for s in self.shops}
        for kind, (ms, request) in slowest.items():
            path = request.path.split("cursor=")[0] + ("cursor=..." * ("cursor=" in request.path))
            statements = await explain.explain_request(
                self.raw, request, datetime.now(UTC), due_soon[request.shop_id]
            )
            out[kind] = {
                "latency_ms": round(ms, 2),
                "shop_id": request.shop_id,
                "size": request.size,
                "path": path,
                "statements": statements,
            }
        return out

    # -- teardown --------------------------------------------------------------------------------

    async def cleanup(self) -> None:
        steps: list[Step] = []
        if self.service is not None:
            steps.append(stop_service("stop responder", self.service))
        if self.raw is not None:
            steps.append(("bench connection", self.raw.close))
        if self.pool is not None:
            steps.append(("bench pool", self.pool.close))
        if self.infra is not None:
            database = self.database if self.database_created else None
            steps += teardown_steps(self.infra, self.prefix, database, self.args.keep_infra)
        await run_steps(steps, self.cleanup_notes, log)


async def _postgres_settings(conn: asyncpg.Connection) -> dict[str, str]:
    names = ("server_version", "shared_buffers", "work_mem", "effective_cache_size",
             "random_page_cost", "jit", "max_parallel_workers_per_gather")  # fmt: skip
    return {n: await conn.fetchval(f"SHOW {n}") for n in names}


async def benchmark(args: argparse.Namespace, started: datetime) -> dict[str, Any]:
    run = Run(args)
    machine_before = machine.loadavg()
    phases: list[dict[str, Any]] = []
    check_result = seed = None
    plans: dict[str, Any] = {}
    sanity: dict[str, Any] = {}
    pg: dict[str, str] = {}
    classes: dict[str, Any] = {}
    async with runner.cleaned_up(run, log):
        await run.start()
        assert run.raw is not None
        pg = await _postgres_settings(run.raw)
        check_result = await run.check()
        seed = await run.seed()
        groups = plan.classes(run.shops)
        classes = {
            name: {
                "shops": len(shops),
                "min_reviews": min(s.planned for s in shops),
                "max_reviews": max(s.planned for s in shops),
            }
            for name, shops in groups.items()
        }
        await run.start_service()
        in_mix = [s for shops in groups.values() for s in shops]
        cursors, sanity = await run.first_pages(in_mix)
        seed_of = args.seed
        for name, concurrency, count in (
            ("sequential", 1, args.requests),
            ("concurrent", args.concurrency, args.concurrent_requests),
        ):
            seed_of += 1
            now = datetime.now(UTC)
            warmup = plan.build(run.shops, run.staff, args.warmup, seed_of * 7, now, cursors)
            requests = plan.build(run.shops, run.staff, count, seed_of, now, cursors)
            phase = await run.phase(name, concurrency, requests, warmup)
            latencies = phase.pop("_latencies")
            phases.append(phase)
            if name == "sequential":
                sequential = (requests, latencies)
        log("EXPLAIN (ANALYZE, BUFFERS) of the slowest request of each kind")
        plans = await run.plans(*sequential)
    return {
        **runner.header("responder", started),
        "config": {
            "quick": args.quick,
            "reviews": args.reviews,
            "shops": args.shops,
            "requests": args.requests,
            "concurrent_requests": args.concurrent_requests,
            "concurrency": args.concurrency,
            "warmup": args.warmup,
            "check_reviews": args.check_reviews,
            "seed": args.seed,
            "p99_target_ms": report.P99_TARGET_MS,
            "kinds": list(plan.KINDS),
            "service_settings": "defaults (pool 1-10 connections, rate limit 600/min per key)",
        },
        "machine": machine.record(machine_before, postgres=pg),
        "infra": infra_record(
            run.infra, run.cleanup_notes, database=run.database, topic_prefix=run.prefix
        ),
        "check": check_result,
        "seed": seed,
        "classes": classes,
        "sanity": sanity,
        "phases": phases,
        "plans": plans,
        "notes": run.notes,
    }


main = runner.entry(parse_args, benchmark, report)


if __name__ == "__main__":
    sys.exit(main())
