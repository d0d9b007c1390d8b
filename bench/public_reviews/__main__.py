"""python -m bench.public_reviews [--quick] [--reviews N] [--rate R] [--duration S] ...

The public reviews API of the storefront process (`python -m services.responder.storefront`,
one uvicorn worker) on `--reviews` reviews, against processes started here on 127.0.0.1:

1. a database of its own (`reviewloop_bench_public_reviews_<token>`), the responder's
   migrations, the seed inside PostgreSQL (bench/public_reviews/data.py), VACUUM ANALYZE;
2. EXPLAIN (ANALYZE, BUFFERS) of the API's statements for the largest product: which index
   each uses and how long it takes;
3. `cache-off`: the storefront with STOREFRONT_CACHE_SECONDS=0, an uncounted warm-up, then an
   open loop at `--rate` requests/s for `--duration` s over a mix of product pages (skewed to
   popular products), sorts, page 2, language filters and shop reviews; latency from each
   request's scheduled time (bench/public_reviews/load.py);
4. `cache-on`: the same with STOREFRONT_CACHE_SECONDS=`--cache-seconds`; the cache's hit ratio
   from the process's own /metrics over the measured window.

Then it writes bench/results/public_reviews-<UTC time>.json (and bench/public_reviews/
results.json, the latest), prints a markdown table, and drops the database (a million rows are
~1 GB). Not part of CI: tests/ never runs it.
"""

import argparse
import asyncio
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench import results, runner
from bench.infra import RunState, run_steps, teardown_steps
from bench.ingest.targets import HOST, ServerProcess, start_infra
from bench.public_reviews import data, load
from deploy.local.launcher import free_port
from services.responder.app import MIGRATIONS
from services.responder.settings import ResponderSettings
from services.responder.storefront.reviews import repository
from services.responder.storefront.reviews.schemas import Sort
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool

HERE = Path(__file__).resolve().parent
QUICK = {"reviews": 20_000, "products": 500, "rate": 100.0, "duration": 5.0, "warmup": 2.0}
FULL = {"reviews": 1_000_000, "products": 20_000, "rate": 500.0, "duration": 30.0, "warmup": 5.0}
TARGET_P99_MS = 20.0

log = runner.logger("public_reviews")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = runner.parser("public_reviews", __doc__, "20,000 reviews, 100 req/s for 5 s")
    p.add_argument("--reviews", type=int)
    p.add_argument("--products", type=int)
    p.add_argument("--shops", type=int, default=20)
    p.add_argument("--rate", type=float, help="requests per second (open loop)")
    p.add_argument("--duration", type=float, help="seconds measured per phase")
    p.add_argument("--warmup", type=float, help="seconds of uncounted load before each phase")
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--cache-seconds", type=float, default=10.0)
    p.add_argument("--keep-db", action="store_true", help="leave the bench database in place")
    p.add_argument(
        "--reuse-db", help="an already seeded bench database (from --keep-db): no new seed"
    )
    p.add_argument("--results-dir", type=Path, default=results.RESULTS_DIR)
    return runner.parse(p, argv, (QUICK, FULL))


def storefront(state: RunState, cache_seconds: float) -> ServerProcess:
    assert state.infra is not None
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("STOREFRONT_")},
        "STOREFRONT_ENVIRONMENT": "test",
        "STOREFRONT_DB_HOST": state.infra.pg_host,
        "STOREFRONT_DB_PORT": str(state.infra.pg_port),
        "STOREFRONT_DB_NAME": state.database,
        "STOREFRONT_HTTP_HOST": HOST,
        "STOREFRONT_HTTP_PORT": str(port),
        "STOREFRONT_LOG_LEVEL": "WARNING",
        "STOREFRONT_CACHE_SECONDS": str(cache_seconds),
        # The load comes from one address: the per-client limit would measure itself.
        "STOREFRONT_RATE_LIMIT_PER_MINUTE": "100000000",
        "STOREFRONT_RATE_LIMIT_BURST": "1000000",
    }
    return ServerProcess(
        "storefront",
        "services.responder.storefront",
        [],
        env,
        port,
        state.work_dir / f"storefront-cache-{cache_seconds:g}.log",
    )


async def cache_counts(url: str) -> tuple[float, float]:
    async with httpx.AsyncClient() as client:
        text = (await client.get(url + "/metrics")).text
    values = {}
    for line in text.splitlines():
        for name in ("hits", "misses"):
            if line.startswith(f"reviewloop_storefront_cache_{name}_total "):
                values[name] = float(line.split()[1])
    return values.get("hits", 0.0), values.get("misses", 0.0)


async def phase(state: RunState, name: str, cache_seconds: float, products: int) -> dict[str, Any]:
    args = state.args
    service = storefront(state, cache_seconds)
    await service.start()
    try:
        await service.wait_ready("/readyz")
        warm_n = int(args.rate * args.warmup)
        measured_n = int(args.rate * args.duration)
        everything = load.paths(warm_n + measured_n, products, args.shops)
        log(f"{name}: warm-up {args.warmup:g} s at {args.rate:g}/s")
        await load.run(
            HOST, service.port, everything[:warm_n], args.rate, args.warmup, args.connections
        )
        hits0, misses0 = await cache_counts(service.url)
        cpu0 = service.cpu_seconds()
        log(f"{name}: measuring {args.duration:g} s at {args.rate:g}/s")
        outcome = await load.run(
            HOST,
            service.port,
            everything[warm_n:],
            args.rate,
            args.duration,
            args.connections,
        )
        cpu = service.cpu_seconds() - cpu0
        hits1, misses1 = await cache_counts(service.url)
    finally:
        await service.stop()
    summary = load.summary(outcome)
    hits, misses = hits1 - hits0, misses1 - misses0
    summary |= {
        "phase": name,
        "cache_seconds": cache_seconds,
        "workers": 1,
        "server_cpu_s": round(cpu, 2),
        "server_cpu_share": round(cpu / outcome.elapsed_s, 3) if outcome.elapsed_s else None,
        "cache_hits": hits,
        "cache_misses": misses,
        "hit_ratio": round(hits / (hits + misses), 3) if hits + misses else None,
    }
    log(
        f"{name}: p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
        f"p99 {summary['p99_ms']} ms, errors {summary['errors']}, hit ratio {summary['hit_ratio']}"
    )
    return summary


def _nodes(node: dict[str, Any]) -> list[str]:
    label = node["Node Type"]
    if "Index Name" in node:
        label += f" using {node['Index Name']}"
    return [label, *(n for child in node.get("Plans", []) for n in _nodes(child))]


async def explain(pool: Any, biggest: dict[str, Any]) -> list[dict[str, Any]]:
    shop, product = biggest["shop_id"], biggest["product_id"]

    def page(product_id: str | None, sort: Sort, **more: Any) -> tuple[str, list[Any]]:
        options: dict[str, Any] = {"language": None, "limit": 10, "offset": 0} | more
        return repository.page_query(shop, product_id, sort=sort, **options)

    statements = {
        "product, newest": page(product, Sort.newest),
        "product, highest": page(product, Sort.highest),
        "product, lowest, page 2": page(product, Sort.lowest, offset=10),
        "product, oldest": page(product, Sort.oldest),
        "product, newest, in German": page(product, Sort.newest, language="de"),
        "shop, newest": page(None, Sort.newest),
        "shop, highest": page(None, Sort.highest),
    }
    out = []
    async with pool.acquire() as conn:
        for name, (sql, args) in statements.items():
            plan = await conn.fetchval(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", *args)
            plan = json.loads(plan) if isinstance(plan, str) else plan
            top = plan[0]
            nodes = _nodes(top["Plan"])
            out.append(
                {
                    "statement": name,
                    "nodes": nodes,
                    "execution_ms": round(top["Execution Time"], 3),
                    "heap_fetches": top["Plan"].get("Heap Fetches"),
                }
            )
            log(f"explain {name}: {' > '.join(nodes)} ({top['Execution Time']:.2f} ms)")
    return out


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Run `{result['file']}`: {result['seed']['reviews']:,} reviews over "
        f"{result['seed']['products']:,} products, {result['rate']:g} req/s open loop for "
        f"{result['duration_s']:g} s, storefront with 1 uvicorn worker; load average "
        f"{result['load_before']} before, {result['load_after']} after.",
        "",
        "| phase | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | hit ratio | server CPU |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for p in result["phases"]:
        lines.append(
            f"| {p['phase']} | {p['achieved_rate']} | {p['p50_ms']} | {p['p95_ms']} | "
            f"{p['p99_ms']} | {p['max_ms']} | {p['errors']} | "
            f"{p['hit_ratio'] if p['hit_ratio'] is not None else '-'} | "
            f"{p['server_cpu_share']:.0%} |"
        )
    return "\n".join(lines)


async def benchmark(args: argparse.Namespace, started: datetime) -> dict[str, Any]:
    state = RunState("public_reviews", args)
    result: dict[str, Any] = {"benchmark": "public_reviews", "started": started.isoformat()}
    try:
        if args.reuse_db:
            state.database = args.reuse_db
            state.infra = infra = await start_infra()
        else:
            infra = await state.start_database(log)
        settings = state.settings_as(ResponderSettings, "responder")
        pool = await create_pool(settings)
        try:
            await apply_migrations(pool, "responder", service_migrations("responder", MIGRATIONS))
            t = time.monotonic()
            if args.reuse_db:
                seed = await data.describe(pool, args.reviews, args.products, args.shops)
            else:
                log(f"seeding {args.reviews:,} reviews over {args.products:,} products")
                seed = await data.seed(pool, args.reviews, args.products, args.shops)
            seed["seconds"] = round(time.monotonic() - t, 1)
            log(f"seed ({seed['seconds']} s): {seed}")
            plans = await explain(pool, seed["largest_product"])
        finally:
            await pool.close()
        load_before = os.getloadavg()[0]
        phases = [
            await phase(state, "cache-off", 0.0, args.products),
            await phase(state, "cache-on", args.cache_seconds, args.products),
        ]
        result |= {
            "seed": seed,
            "explain": plans,
            "rate": args.rate,
            "duration_s": args.duration,
            "connections": args.connections,
            "target_p99_ms": TARGET_P99_MS,
            "phases": phases,
            "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2),
            "cpus": os.cpu_count(),
            "postgres": f"{infra.pg_host}:{infra.pg_port}",
        }
    finally:
        assert state.infra is not None or not state.database_created
        if state.infra is not None:
            steps = teardown_steps(
                state.infra,
                state.prefix,
                None if args.keep_db or not state.database_created else state.database,
                keep_infra=True,
            )
            # No topics were made: only the database (and nothing of the infrastructure).
            await run_steps([s for s in steps if s[0] != "topics"], state.cleanup_notes, log)
        result["cleanup"] = state.cleanup_notes
    return result


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started = datetime.now(UTC)
    result = asyncio.run(benchmark(args, started))
    path = results.write(result, "public_reviews", started, args.results_dir)
    result["file"] = path.name
    if args.results_dir == results.RESULTS_DIR and not args.quick:
        (HERE / "results.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
        (HERE / "results.md").write_text(markdown(result) + "\n")
    print(markdown(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
