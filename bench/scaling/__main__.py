"""python -m bench.scaling [--quick] [--orders N] [--sizes 10000,100000,1000000] ...

Two measurements, against processes started here on 127.0.0.1:

1. consumers: the survey service's order consumer (`survey.orders`, the busiest consumer of the
   survey flow) with 1 and then 2 `python -m services.survey` processes in one consumer group,
   on a fresh `--partitions`-partition orders topic. Once the group is Stable with every
   process in it, `--orders` orders (`order.placed` + `order.delivered` each) are published at
   once; measured until the database holds every event (the inbox) and the group's lag is 0.
   Throughput of each, and the ratio.
2. memory: per service, its growing table filled by COPY to each of `--sizes` rows (one
   database per service, grown step by step); at each size the service starts, gets a fixed
   small workload (`--workload` events to its consumer, or orders to ingest's API, and a few
   list requests), and its RSS is sampled.

Then it writes bench/results/scaling-<UTC time>.json, prints markdown tables, and undoes
everything it started: processes, databases, topics, infrastructure it had to start.
"""

import argparse
import asyncio
import secrets
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench import runner
from bench.e2e.stack import API_HEADERS
from bench.infra import infra_record
from bench.ingest import machine
from bench.ingest.kafka_watch import delete_topics
from bench.ingest.targets import (
    ADMIN_HEADERS,
    SERVICES,
    Infra,
    ServerProcess,
    create_database,
    remove_database,
    service_process,
    start_infra,
    stop_infra,
)
from bench.scaling import events, report, seed
from bench.survey import data as survey_data
from bench.survey.targets import CpuWindow, RssSampler, hwm_mib, rss_mib
from deploy.local.launcher import free_port
from shared.db.migrations import apply_migrations, service_migrations
from shared.kafka.admin import ensure_topics
from shared.topics import CLASSIFIED, ORDERS, SHOPS, topic_name

QUICK = {"orders": 150, "sizes": "1000,10000", "workload": 40}
FULL = {"orders": 5000, "sizes": "10000,100000,1000000", "workload": 200}
GROUP_TIMEOUT_S = 90.0
POLL_S = 0.25
LAG_TIMEOUT_S = 15.0
RSS_INTERVAL_S = 0.25
LIST_REQUESTS = 5


log = runner.logger("scaling")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Consumer throughput with 1 and 2 processes, and each service's memory with 10k to 1M
    stored rows. See bench/README.md."""
    p = runner.parser("scaling", parse_args.__doc__, "150 orders; 1,000 and 10,000 rows")
    p.add_argument("--orders", type=int, help="orders published per consumer run (default 5,000)")
    p.add_argument("--processes", default="1,2", help="consumer process counts, in order")
    p.add_argument("--partitions", type=int, default=ORDERS.partitions, help="per topic (>= 2)")
    p.add_argument("--sizes", help="stored rows per memory step (default 10000,100000,1000000)")
    p.add_argument("--services", default=",".join(SERVICES), help="services for memory")
    p.add_argument("--workload", type=int, help="events (or orders) per memory step (def. 200)")
    p.add_argument("--parts", default="consumers,memory", help="what to run")
    p.add_argument("--drain-timeout", type=float, default=600.0, help="max seconds per run")
    args = runner.parse(p, argv, (QUICK, FULL), known_only=True)
    args.processes = [int(x) for x in args.processes.split(",") if x]
    args.sizes = [int(x) for x in args.sizes.split(",") if x]
    args.services = [s for s in args.services.split(",") if s]
    args.parts = [s for s in args.parts.split(",") if s]
    if args.partitions < 2 or any(n < 1 or n > args.partitions for n in args.processes):
        p.error("need --partitions >= 2 and 1 <= processes <= partitions")
    if args.sizes != sorted(args.sizes) or any(s < 0 for s in args.sizes):
        p.error("--sizes: growing, >= 0")
    if any(s not in SERVICES for s in args.services):
        p.error(f"--services: a comma-separated list of {', '.join(SERVICES)}")
    if any(s not in ("consumers", "memory") for s in args.parts):
        p.error("--parts: consumers, memory")
    return args


async def migrate(infra: Infra, database: str, service: str) -> None:
    """The service's own migrations, as its role, before any row is loaded."""
    from importlib import import_module

    migrations = import_module(f"services.{service}.app").MIGRATIONS
    pool = await asyncpg.create_pool(
        seed.dsn(infra, database, service),
        min_size=1,
        max_size=1,
        server_settings={"search_path": service},
    )
    try:
        await apply_migrations(pool, service, service_migrations(service, migrations))
    finally:
        await pool.close()


class Run:
    """State of one benchmark run; `cleanup()` undoes whatever was started."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.token = secrets.token_hex(4)
        self.work_dir = Path(tempfile.mkdtemp(prefix="bench-scaling-"))
        self.infra: Infra | None = None
        self.databases: list[str] = []
        self.prefixes: list[str] = []
        self.processes: list[ServerProcess] = []
        self.cleanup_notes: list[str] = []

    async def start(self) -> None:
        log("starting PostgreSQL and Kafka (reused when already running)")
        self.infra = await start_infra()

    async def fresh(self, label: str, service: str) -> tuple[str, str]:
        """A database with `service`'s schema and a topic prefix with every topic created."""
        assert self.infra is not None
        database = f"reviewloop_bench_scaling_{self.token}_{label}"
        prefix = f"bench-scaling-{self.token}-{label}."
        self.databases.append(database)
        await create_database(self.infra, database)
        await migrate(self.infra, database, service)
        self.prefixes.append(prefix)
        await ensure_topics(self.infra.bootstrap_servers, prefix, self.args.partitions)
        return database, prefix

    async def start_service(
        self, service: str, database: str, prefix: str, label: str
    ) -> ServerProcess:
        assert self.infra is not None
        log_dir = self.work_dir / label
        log_dir.mkdir(exist_ok=True)
        # Nothing in the workloads sends email; an SMTP port without a server keeps it so.
        proc = service_process(
            service, self.infra, database, prefix, log_dir, smtp_port=free_port()
        )
        self.processes.append(proc)
        await proc.start()
        return proc

    async def stop_services(self) -> None:
        procs, self.processes = self.processes, []
        await asyncio.gather(*(p.stop() for p in procs))

    # -- 1. consumers ----------------------------------------------------------------------------

    async def consumers(self, count: int) -> dict[str, Any]:
        assert self.infra is not None
        args = self.args
        database, prefix = await self.fresh(f"c{count}", "survey")
        db = await seed.connect(self.infra, database, "survey")
        try:
            await survey_data.load_shops(db)
            procs = [
                await self.start_service("survey", database, prefix, f"c{count}-p{i}")
                for i in range(count)
            ]
            await asyncio.gather(*(p.wait_ready("/readyz") for p in procs))
            group = topic_name("survey.orders", prefix)
            joined_s = await events.wait_group(
                self.infra.bootstrap_servers, group, count, GROUP_TIMEOUT_S
            )
            log(f"{count} process(es): group Stable after {joined_s:.1f} s")
            batch = []
            per_shop = -(-args.orders // len(survey_data.SHOPS))
            for index, shop in enumerate(survey_data.SHOPS):
                first = index * per_shop
                n = min(per_shop, args.orders - first)
                if n > 0:
                    batch += events.order_events(shop.shop_id, first, n, f"c{count}")
            topic = topic_name(ORDERS.name, prefix)
            load_before = machine.loadavg()
            cpu = CpuWindow({f"survey_{i}": p.pid for i, p in enumerate(procs)})
            started_wall = datetime.now(UTC)
            started = time.monotonic()
            publish_s = await events.publish(self.infra.bootstrap_servers, prefix, batch)
            done, last_progress = 0, time.monotonic()
            while done < len(batch) and time.monotonic() - started < args.drain_timeout:
                await asyncio.sleep(POLL_S)
                done = await db.fetchval("SELECT count(*) FROM inbox WHERE topic = $1", topic)
                if time.monotonic() - last_progress > 10:
                    log(f"{count} process(es): {done:,} of {len(batch):,} events")
                    last_progress = time.monotonic()
            all_rows_s = time.monotonic() - started
            figures = await cpu.stop()
            lag = await self._wait_lag(group, topic)
            stats = await db.fetchrow(
                "SELECT min(processed_at) AS first, max(processed_at) AS last FROM inbox"
                " WHERE topic = $1",
                topic,
            )
            partitions = {
                r["partition"]: r["n"]
                for r in await db.fetch(
                    "SELECT partition, count(*) AS n FROM inbox WHERE topic = $1"
                    " GROUP BY partition ORDER BY partition",
                    topic,
                )
            }
            surveys = await db.fetchval("SELECT count(*) FROM surveys")
        finally:
            await db.close()
            await self.stop_services()
        errors = sum(_error_lines(p) for p in procs)
        span = (stats["last"] - stats["first"]).total_seconds() if stats["first"] else 0.0
        result = {
            "processes": count,
            "orders": args.orders,
            "events": len(batch),
            "handled": done,
            "complete": done == len(batch),
            "surveys": surveys,
            "group_join_s": round(joined_s, 2),
            "publish_s": round(publish_s, 3),
            # From the first publish to the moment the inbox held every event.
            "all_rows_s": round(all_rows_s, 3),
            "events_per_s": round(done / all_rows_s, 1) if all_rows_s > 0 else 0.0,
            # Between the first and the last handled event's transaction: without the publish
            # and the polling resolution.
            "handling_span_s": round(span, 3),
            "events_per_s_handling": round((done - 1) / span, 1) if span > 0 else None,
            "lag_after": lag,
            "per_partition": partitions,
            "error_log_lines": errors,
            "started_at": started_wall.isoformat(),
            "cpu": figures,
            **machine.load_span(load_before),
        }
        log(
            f"{count} process(es): {done:,}/{len(batch):,} events in {all_rows_s:.1f} s = "
            f"{result['events_per_s']:.1f}/s, lag after {lag}"
        )
        await self.drop(database, prefix)
        return result

    async def _wait_lag(self, group: str, topic: str) -> int | None:
        """The group commits after its database commit: give the last commit a moment."""
        assert self.infra is not None
        deadline = time.monotonic() + LAG_TIMEOUT_S
        lag = None
        while time.monotonic() < deadline:
            lag = await events.group_lag(self.infra.bootstrap_servers, group, topic)
            if lag == 0:
                break
            await asyncio.sleep(0.5)
        return lag

    # -- 2. memory -------------------------------------------------------------------------------

    async def memory(self, service: str) -> dict[str, Any]:
        assert self.infra is not None
        database, prefix = await self.fresh(f"m{service}", service)
        seeder = seed.SEEDERS[service]
        db = await seed.connect(self.infra, database, service)
        steps = []
        try:
            if seeder.prepare is not None:
                await seeder.prepare(db, self.args.sizes[-1])
            have = 0
            for index, size in enumerate(self.args.sizes):
                log(f"{service}: seeding {have:,} -> {size:,} rows")
                seeded = time.monotonic()
                await seed.grow(db, seeder, have, size)
                seed_s = time.monotonic() - seeded
                have = size
                step = await self.memory_step(service, database, prefix, db, index)
                step.update(
                    rows=size,
                    seed_s=round(seed_s, 1),
                    table_mib=await seed.table_mib(db, seeder),
                )
                log(
                    f"{service} @ {size:,} rows: RSS idle {step['rss_idle_mib']} MiB, peak "
                    f"{step['rss']['peak_mib']} MiB, VmHWM {step['rss']['hwm_since_start_mib']}"
                )
                steps.append(step)
        finally:
            await db.close()
            await self.stop_services()
        await self.drop(database, prefix)
        return {"service": service, "tables": list(seeder.tables), "steps": steps}

    async def memory_step(
        self, service: str, database: str, prefix: str, db: asyncpg.Connection, index: int
    ) -> dict[str, Any]:
        assert self.infra is not None
        proc = await self.start_service(service, database, prefix, f"m{service}-{index}")
        load_before = machine.loadavg()
        await proc.wait_ready("/readyz")
        # Settled after start-up: migrations checked, consumers joined, workers idle.
        await asyncio.sleep(1.0)
        idle = rss_mib(proc.pid)
        sampler = RssSampler(proc.pid, RSS_INTERVAL_S)
        sampler.start()
        started = time.monotonic()
        workload = await self.workload(service, proc, prefix, db, index)
        workload["seconds"] = round(time.monotonic() - started, 2)
        rss = await sampler.stop()
        hwm = hwm_mib(proc.pid)
        await self.stop_services()
        return {
            "rss_idle_mib": idle,
            "rss": rss,
            "hwm_mib": hwm,
            "workload": workload,
            "error_log_lines": _error_lines(proc),
            **machine.load_span(load_before),
        }

    async def workload(
        self, service: str, proc: ServerProcess, prefix: str, db: asyncpg.Connection, index: int
    ) -> dict[str, Any]:
        """The same small workload at every size: the service's consumer (or, for ingest, its
        order API) and its list endpoint, where it has one."""
        assert self.infra is not None
        n = self.args.workload
        run = f"w{index}"
        out: dict[str, Any] = {"items": n}
        async with httpx.AsyncClient(base_url=proc.url, timeout=30.0) as http:
            if service == "ingest":
                out["accepted"] = await _ingest_orders(http, index, n)
            else:
                path: str | None
                if service == "survey":
                    shop = survey_data.SHOPS[0].shop_id
                    batch = events.order_events(shop, 0, n // 2, run)
                    topic = topic_name(ORDERS.name, prefix)
                    path = f"/v1/shops/{shop}/surveys?limit=500"
                else:
                    shop = seed.WORKLOAD_SHOP
                    await self._feed(db, service, prefix, [events.shop_event(shop)], SHOPS.name)
                    batch = events.review_events(shop, 0, n, run)
                    topic = CLASSIFIED.name
                    path = (
                        f"/v1/shops/{shop}/notifications?limit=500"
                        if service == "notifier"
                        else None
                    )
                out["handled"] = await self._feed(db, service, prefix, batch, topic)
                out["events"] = len(batch)
                if path is not None:
                    statuses = [
                        (await http.get(path, headers=API_HEADERS)).status_code
                        for _ in range(LIST_REQUESTS)
                    ]
                    out["list_requests"] = {"path": path, "statuses": statuses}
        return out

    async def _feed(
        self, db: asyncpg.Connection, schema: str, prefix: str, batch: list[Any], topic: str
    ) -> int:
        """Publish, then wait until the service's inbox holds every event of the batch."""
        assert self.infra is not None
        full = topic_name(topic, prefix) if not topic.startswith(prefix) else topic
        # The loader connection's search_path is survey's: name the schema.
        count = f"SELECT count(*) FROM {schema}.inbox WHERE topic = $1"
        before = await db.fetchval(count, full)
        await events.publish(self.infra.bootstrap_servers, prefix, batch)
        deadline = time.monotonic() + self.args.drain_timeout
        handled = 0
        while time.monotonic() < deadline:
            handled = await db.fetchval(count, full) - before
            if handled >= len(batch):
                break
            await asyncio.sleep(POLL_S)
        return int(handled)

    # -- cleanup ---------------------------------------------------------------------------------

    async def drop(self, database: str, prefix: str) -> None:
        assert self.infra is not None
        await remove_database(self.infra, database)
        self.databases.remove(database)
        self.cleanup_notes.append(f"database {database} dropped")
        deleted = await delete_topics(self.infra.bootstrap_servers, prefix)
        self.prefixes.remove(prefix)
        self.cleanup_notes.append(f"{len(deleted)} topics with prefix {prefix} deleted")

    async def cleanup(self) -> None:
        try:
            await self.stop_services()
        except Exception as exc:
            self.cleanup_notes.append(f"services: FAILED {exc!r}")
        if self.infra is None:
            return
        for database, prefix in list(zip(self.databases, self.prefixes, strict=False)):
            try:
                await self.drop(database, prefix)
            except Exception as exc:
                self.cleanup_notes.append(f"{database}: FAILED {exc!r}")
        for database in list(self.databases):
            try:
                await remove_database(self.infra, database)
                self.cleanup_notes.append(f"database {database} dropped")
            except Exception as exc:
                self.cleanup_notes.append(f"{database}: FAILED {exc!r}")
        if not self.args.keep_infra:
            stopped = await stop_infra(self.infra)
            self.cleanup_notes.append(
                "infrastructure: " + (" and ".join(stopped) if stopped else "none started here")
            )


async def _ingest_orders(http: httpx.AsyncClient, index: int, count: int) -> int:
    """Orders through ingest's direct API (service token), one after the other: the order,
    its raw body and its outbox events in one transaction each."""
    shop = seed.WORKLOAD_SHOP
    if index == 0:
        r = await http.post(
            "/v1/admin/shops",
            headers=ADMIN_HEADERS,
            json={
                "shop_id": shop,
                "platform": "standard",
                "display_name": "Bench",
                "locale": "en",
                "country": "SI",
                "timezone": "Europe/Ljubljana",
                "contact_email": "owner@bench.example",
            },
        )
        if r.status_code != 201:
            raise RuntimeError(f"creating the ingest shop: {r.status_code} {r.text}")
    accepted = 0
    for n in range(count):
        r = await http.post(
            f"/v1/shops/{shop}/orders",
            headers=API_HEADERS,
            json={
                "order_id": f"w{index}-{n}",
                "placed_at": datetime.now(UTC).isoformat(),
                "currency": "EUR",
                "customer": {"email": f"w{index}-{n}@example.com", "country": "SI"},
                "items": [
                    {"product_id": "p-1", "name": "Mug", "quantity": 1, "unit_price": "12.00"}
                ],
            },
        )
        accepted += r.status_code in (200, 202)
    return accepted


def _error_lines(proc: ServerProcess) -> int:
    if not proc.log_path.exists():
        return 0
    return sum(
        '"ERROR"' in line or " ERROR " in line for line in proc.log_path.open(errors="replace")
    )


def _summary(consumers: list[dict[str, Any]], memory: list[dict[str, Any]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    by_count = {c["processes"]: c for c in consumers}
    one, two = by_count.get(1), by_count.get(2)
    if one and two and one["events_per_s"]:
        summary["consumer_ratio"] = round(two["events_per_s"] / one["events_per_s"], 2)
        # The issue sets no target: 2.0 would be perfect scaling, and on a 2-core machine the
        # two processes share the cores with PostgreSQL and Kafka.
        summary["consumer_ratio_ideal"] = 2.0
        summary["consumer_complete"] = one["complete"] and two["complete"]
    growth = {}
    for m in memory:
        steps = m["steps"]
        if len(steps) >= 2 and steps[0]["rss"]["peak_mib"] and steps[-1]["rss"]["peak_mib"]:
            growth[m["service"]] = {
                "rows_from": steps[0]["rows"],
                "rows_to": steps[-1]["rows"],
                "peak_mib_from": steps[0]["rss"]["peak_mib"],
                "peak_mib_to": steps[-1]["rss"]["peak_mib"],
                "growth_mib": round(steps[-1]["rss"]["peak_mib"] - steps[0]["rss"]["peak_mib"], 1),
            }
    summary["memory_growth"] = growth
    return summary


async def benchmark(args: argparse.Namespace, started: datetime) -> dict[str, Any]:
    run = Run(args)
    machine_before = machine.loadavg()
    consumers: list[dict[str, Any]] = []
    memory: list[dict[str, Any]] = []
    async with runner.cleaned_up(run, log):
        await run.start()
        if "consumers" in args.parts:
            for count in args.processes:
                consumers.append(await run.consumers(count))
        if "memory" in args.parts:
            for service in args.services:
                memory.append(await run.memory(service))
    return {
        **runner.header("scaling", started),
        "config": {
            "quick": args.quick,
            "consumer": "survey.orders (python -m services.survey)",
            "orders": args.orders,
            "events_per_order": 2,
            "processes": args.processes,
            "partitions": args.partitions,
            "sizes": args.sizes,
            "services": args.services,
            "workload": args.workload,
            "parts": args.parts,
        },
        "machine": machine.record(machine_before),
        "infra": infra_record(run.infra, run.cleanup_notes),
        "consumers": consumers,
        "memory": memory,
        "summary": _summary(consumers, memory),
    }


main = runner.entry(parse_args, benchmark, report)


if __name__ == "__main__":
    sys.exit(main())
