"""python -m bench.responder.console seed | run --database NAME [--phases ...] [--root DIR]

The staff console (issue 19) and the responder's consumer over the responder bench's seeded
read model (see bench/README.md):

- `seed`: a database of its own with the responder's migrations and `--reviews` (1,000,000)
  reviews across 100 shops by bench/responder's seed (data.py: the same shops, histories and
  COPY, the rollups by the responder's rebuild, VACUUM ANALYZE), without its handler check. The
  database is kept and its name printed: seeding takes minutes, runs reuse it.
- `run --database NAME`: the real responder (`python -m services.responder`, default settings,
  a fresh topic prefix) on that database; a manager of every shop with a password, signed in
  through the console's own form (a real session cookie); then the `--phases`:
  - `pages`: `GET /console/inbox` (unfiltered and each filter, search included) and
    `GET /console/reviews/{shop}/{review}` of the three largest and ten small shops, one
    keep-alive connection, closed loop, after a warm-up; per kind p50/p95/p99 from sending the
    request to the answer's last byte (127.0.0.1: the server's time plus a loopback trip);
  - `consume`: `--consume-rate` (100) review.classified per second for `--duration` s into
    Kafka, shops drawn by size (70/15/15 % positive/neutral/negative, written now); `busy`:
    the same, all of them for the largest shop (its day's rollup rows are hot); per phase the
    CPU ms per review of the responder, PostgreSQL and Kafka, the rollup row versions written
    per review (pg_stat_user_tables) and 100 ms samples of backends waiting on a lock;
  - `live`: `--rate` (200) per second the same way; every `--watch-every`-th (20) goes to the
    largest shop with a word of its second of the run in its text, and a client keeps that
    shop's inbox as a browser does: the live channel (`/console/inbox/events`) and, on each
    event or after a second without one, the list fragment (`/console/inbox/list`) searched
    for each word with reviews not seen yet (a second's worth fits one list); visible-after =
    the first list showing the review minus the moment it was handed to the Kafka producer.
  `--root DIR` runs the responder from another source tree (a before-run of the same database).

Writes bench/results/console-<UTC time>.json (`--no-save`: not). The database stays.
"""

import argparse
import asyncio
import contextlib
import json
import random
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import asyncpg
import httpx
from aiokafka import AIOKafkaProducer

from bench import runner
from bench.ingest import machine
from bench.ingest.kafka_watch import delete_topics
from bench.ingest.targets import ServerProcess, service_process, start_infra
from bench.responder import texts
from bench.responder.__main__ import Run
from bench.responder.plan import TOPICS
from bench.results import RESULTS_DIR
from bench.survey.targets import CpuWindow
from bench.tables import fmt
from services.responder.access import repository as users
from services.responder.access.principal import Principal
from services.responder.console.auth import service as auth
from services.responder.settings import ResponderSettings
from shared.db.pool import create_pool
from shared.db.provision import roles_from_env
from shared.events import serialize_event
from shared.events.reviews import ReviewClassified
from shared.topics import topic_name

log = runner.logger("responder.console")

EMAIL = "bench-console@bench.example.com"
PASSWORD = "bench console staff password 19"
P99_TARGET_MS = 150.0
LIVE_TARGET_S = 2.0
_ADMIN = Principal(None, "bench", "admin", None, "bootstrap", "bench")
_LINK = re.compile(r'href="/console/reviews/([^/"]+)/([^"?#]+)"')
SENTIMENTS = (("positive", 70), ("neutral", 15), ("negative", 15))


async def seed(args: argparse.Namespace) -> str:
    """A kept database with `args.reviews` reviews (bench/responder's seed, without its handler
    check: that is the responder bench's job)."""
    ns = argparse.Namespace(
        reviews=args.reviews, shops=args.shops, seed=args.seed, check_reviews=0, keep_infra=True
    )
    run = Run(ns)
    try:
        await run.start()
        figures = await run.seed()
        log(f"seeded {figures['reviews']:,} reviews into {run.database}")
        run.database_created = False  # kept for the runs
        return run.database
    finally:
        await run.cleanup()


# -- the run --------------------------------------------------------------------------------


def _settings(infra: Any, database: str) -> ResponderSettings:
    role = next(r for r in roles_from_env({}) if r.schema == "responder")
    return ResponderSettings(
        environment="test",
        db_host=infra.pg_host,
        db_port=infra.pg_port,
        db_name=database,
        db_user=role.user,
        db_password=role.password,
        db_pool_min_size=1,
        db_pool_max_size=2,
    )


async def _staff(settings: ResponderSettings, shop_ids: list[str]) -> None:
    """A manager of every shop with a console password (once per database)."""
    pool = await create_pool(settings)
    try:
        async with pool.acquire() as conn:
            user_id = await conn.fetchval("SELECT id FROM users WHERE email = $1", EMAIL)
            if user_id is None:
                created = await users.create_user(
                    conn, "Bench console", EMAIL, "manager", shop_ids, datetime.now(UTC)
                )
                assert created is not None
                user_id = created.id
            user = await users.get_user(conn, user_id)
        assert user is not None
        await auth.set_password(pool, _ADMIN, user, PASSWORD, datetime.now(UTC))
    finally:
        await pool.close()


async def _sign_in(client: httpx.AsyncClient) -> dict[str, str]:
    """The console's own sign-in form; the session cookie as a header (it is Secure, and the
    bench talks plain HTTP on 127.0.0.1)."""
    page = await client.get("/console/login")
    page.raise_for_status()
    fields = dict(re.findall(r'name="(login_csrf|next)" value="([^"]*)"', page.text))
    r = await client.post(
        "/console/login",
        data={"email": EMAIL, "password": PASSWORD, **fields},
        headers={"Cookie": "; ".join(f"{k}={v}" for k, v in page.cookies.items())},
    )
    if r.status_code != 303:
        raise RuntimeError(f"sign-in: {r.status_code} {r.text[:300]}")
    cookies = "; ".join(f"{k}={v}" for k, v in r.cookies.items())
    return {"Cookie": cookies}


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def _summary(values: list[float]) -> dict[str, Any]:
    return {
        "n": len(values),
        **{f"p{q}": _pct(values, q / 100) for q in (50, 95, 99)},
        "max": max(values) if values else None,
    }


async def _pages_mix(
    raw: asyncpg.Connection, shops: list[str], count: int, rng: random.Random
) -> list[tuple[str, str]]:
    """(kind, path): inbox pages (unfiltered and each filter) and review pages of the three
    largest shops and of small ones, reviews drawn from the shops' own rows."""
    languages = dict(await raw.fetch("SELECT shop_id, min(language) FROM reviews GROUP BY 1"))
    reviews: dict[str, list[str]] = {}
    for shop in shops:
        rows = await raw.fetch(
            "SELECT review_id FROM reviews TABLESAMPLE SYSTEM (5) WHERE shop_id = $1 LIMIT 200",
            shop,
        )
        rows = rows or await raw.fetch(
            "SELECT review_id FROM reviews WHERE shop_id = $1 LIMIT 200", shop
        )
        reviews[shop] = [r["review_id"] for r in rows]
    filters: list[tuple[str, dict[str, str]]] = [
        ("inbox", {}),
        ("inbox-negative", {"sentiment": "negative"}),
        ("inbox-unanswered", {"state": "unanswered"}),
        ("inbox-status", {"state": "in_progress"}),
        ("inbox-topic", {}),
        ("inbox-platform", {"platform": "google"}),
        ("inbox-language", {}),
        ("inbox-verified", {"verified": "yes"}),
        ("inbox-mismatch", {"mismatch": "yes"}),
        ("inbox-removal", {"removal": "yes"}),
        ("inbox-overdue", {"sla": "overdue"}),
        ("inbox-unassigned", {"assigned": "none"}),
        ("inbox-search", {}),
    ]
    out: list[tuple[str, str]] = []
    for n in range(count):
        shop = rng.choice(shops)
        if n % 2:
            review = rng.choice(reviews[shop])
            path = f"/console/reviews/{quote(shop, safe='')}/{quote(review, safe='')}"
            out.append(("review", path))
            continue
        kind, params = rng.choice(filters)
        params = dict(params)
        if kind == "inbox-topic":
            params["topic"] = rng.choice(TOPICS)
        elif kind == "inbox-language":
            params["language"] = languages[shop]
        elif kind == "inbox-search":
            params["q"] = rng.choice(texts.SEARCH_TERMS[languages[shop]])
        out.append((kind, "/console/inbox?" + urlencode({"shop_id": shop, **params})))
    return out


async def _pages(
    url: str, cookie: dict[str, str], mix: list[tuple[str, str]], warmup: int, large: list[str]
) -> dict[str, Any]:
    """One keep-alive connection, closed loop: each request's time from sending it to the
    answer's last byte (127.0.0.1: the server's time plus a loopback round trip)."""
    times: dict[str, list[float]] = {}
    errors: list[str] = []
    async with httpx.AsyncClient(base_url=url, headers=cookie, timeout=60.0) as client:
        for _kind, path in mix[:warmup]:
            with contextlib.suppress(httpx.TransportError):
                await client.get(path)
        for kind, path in mix[warmup:]:
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
            except httpx.TransportError as exc:  # the server broke the exchange off
                errors.append(f"{exc!r} {path}")
                continue
            ms = (time.perf_counter() - t0) * 1000
            if r.status_code != 200:
                errors.append(f"{r.status_code} {path}")
                continue
            times.setdefault(kind, []).append(ms)
            page = "review" if kind == "review" else "inbox"
            size = (
                "large"
                if path.split("shop_id=")[-1].split("&")[0] in large
                or any(f"/{shop}/" in path for shop in large)
                else "small"
            )
            times.setdefault(f"ALL {page}", []).append(ms)
            times.setdefault(f"ALL {page} {size}", []).append(ms)
    by_kind = {k: _summary(v) for k, v in sorted(times.items())}
    return {"by_kind": by_kind, "errors": len(errors), "first_errors": errors[:5]}


def _event(shop_id: str, number: int, run: str, rng: random.Random, word: str = "") -> Any:
    """A classified review written now; `word`: a watched one (its text has the word)."""
    now = datetime.now(UTC)
    sentiment = rng.choices([s for s, _ in SENTIMENTS], [w for _, w in SENTIMENTS])[0]
    rating = {"positive": 5, "neutral": 3, "negative": 1}[sentiment]
    topic = rng.choice(TOPICS[:-1]) if sentiment != "positive" else "praise"
    review_id = f"generic:{run}-{number}"
    text = f"Arrived late and the box was dented, nobody answered my email. {word}".strip()
    return ReviewClassified(
        shop_id=shop_id,
        occurred_at=now,
        payload={
            "review_id": review_id,
            "source": "generic",
            "source_review_id": f"{run}-{number}",
            "case_key": f"review:{review_id}",
            "revision": 1,
            "rating": rating,
            "title": None,
            "text": text,
            "reviewer_name": "Ana Novak",
            "product_id": "mug",
            "verified": False,
            "created_at": now,
            "updated_at": now,
            "classification": {
                "model_version": "bench",
                "language": "en",
                "language_confidence": 0.9,
                "sentiment": sentiment,
                "sentiment_confidence": 0.9,
                "star_text_mismatch": False,
                "severity": "low",
                "severity_reasons": [],
                "removal_candidate": False,
                "topics": [{"name": topic, "confidence": 0.8}],
                "abuse": [],
                "question": None,
            },
        },
    )


class Watch:
    """The inbox of one shop as a staff member's browser keeps it: the live channel
    (`/console/inbox/events`, server-sent events) and, on each of its events (or after a
    second without one), the list fragment (`/console/inbox/list`, the default inbox: the most
    urgent first) searched again for the words of the watched reviews not seen yet (one word per
    second of the run, so a list holds a second's worth); a watched review counts as visible in
    the first list that shows it."""

    def __init__(self, url: str, cookie: dict[str, str], shop_id: str) -> None:
        self.url = url
        self.cookie = cookie
        self.shop_id = shop_id
        # search word -> {review id (quoted) -> produced at (time.time())}
        self.pending: dict[str, dict[str, float]] = {}
        self.seen: dict[str, float] = {}  # review id -> seconds from produce to visible
        self.events = 0
        self.queries = 0
        self.query_ms: list[float] = []
        self.woken = asyncio.Event()
        self.ready = asyncio.Event()

    async def listen(self) -> None:
        async with httpx.AsyncClient(base_url=self.url, headers=self.cookie, timeout=None) as c:
            path = "/console/inbox/events?" + urlencode({"shop_id": self.shop_id})
            async with c.stream("GET", path) as r:
                r.raise_for_status()
                self.ready.set()
                async for line in r.aiter_lines():
                    if line.startswith("event: reviews"):
                        self.events += 1
                        self.woken.set()

    async def check(self, stop: asyncio.Event) -> None:
        shop = quote(self.shop_id, safe="")
        async with httpx.AsyncClient(base_url=self.url, headers=self.cookie, timeout=30) as c:
            while not (stop.is_set() and not any(self.pending.values())):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.woken.wait(), 1.0)
                self.woken.clear()
                for word, waiting in list(self.pending.items()):
                    if not waiting:
                        continue
                    path = "/console/inbox/list?" + urlencode({"shop_id": self.shop_id, "q": word})
                    t0 = time.perf_counter()
                    r = await c.get(path)
                    self.query_ms.append((time.perf_counter() - t0) * 1000)
                    self.queries += 1
                    now = time.time()
                    for link_shop, review in _LINK.findall(r.text):
                        if link_shop == shop and review in waiting:
                            self.seen[review] = now - waiting.pop(review)


async def _live(
    url: str,
    cookie: dict[str, str] | None,
    bootstrap: str,
    prefix: str,
    shops: list[tuple[str, int]],
    watched: str | None,
    rate: float,
    duration: float,
    watch_every: int,
    rng: random.Random,
) -> dict[str, Any]:
    """`rate` review.classified per second for `duration` seconds on an absolute schedule, shops
    drawn by their size; every `watch_every`-th goes to `watched` with a word of its own and is
    looked for in that shop's inbox."""
    run = f"live{int(time.time())}"
    watch = Watch(url, cookie, watched) if watched and cookie else None
    tasks: list[asyncio.Task[None]] = []
    stop = asyncio.Event()
    if watch is not None:
        tasks.append(asyncio.create_task(watch.listen()))
        await asyncio.wait_for(watch.ready.wait(), 30)
        tasks.append(asyncio.create_task(watch.check(stop)))
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, linger_ms=2)
    await producer.start()
    topic = topic_name("reviewloop.reviews.classified", prefix)
    ids, weights = [s for s, _ in shops], [w for _, w in shops]
    total = int(rate * duration)
    started = time.monotonic()
    late = 0.0
    try:
        for n in range(total):
            due = started + n / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                late = max(late, -delay)
            if watch is not None and watched is not None and n % watch_every == 0:
                word = f"zq{run[4:]}s{int(n // rate)}"
                event = _event(watched, n, run, rng, word)
                watch.pending.setdefault(word, {})[quote(event.payload.review_id, safe="")] = (
                    time.time()
                )
            else:
                event = _event(rng.choices(ids, weights)[0], n, run, rng)
            await producer.send(topic, serialize_event(event), key=event.partition_key().encode())
        await producer.flush()
        produced_at = time.monotonic()
        produce_s = produced_at - started
    finally:
        await producer.stop()
    result: dict[str, Any] = {
        "run": run,
        "events": total,
        "rate": rate,
        "produce_s": round(produce_s, 2),
        "produced_per_s": round(total / produce_s, 1),
        "max_behind_schedule_s": round(late, 3),
    }
    if watch is not None:
        stop.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(tasks[1], 30)
        tasks[0].cancel()
        for t in tasks:
            with contextlib.suppress(BaseException):
                await t
        never = sum(len(w) for w in watch.pending.values())
        watched_n = len(watch.seen) + never
        result["watch"] = {
            "shop_id": watched,
            "reviews": watched_n,
            "seen": len(watch.seen),
            "never_seen": never,
            "live_events": watch.events,
            "list_queries": watch.queries,
            "list_ms": _summary(watch.query_ms),
            "visible_after_s": _summary(list(watch.seen.values())),
        }
    return {**result, "_run": run, "_produced_at": produced_at}


async def _handled(raw: asyncpg.Connection, topic: str) -> int:
    """Events of `topic` the responder's consumer has handled (its inbox; a small table in the
    bench database, unlike `reviews`)."""
    return int(
        await raw.fetchval(
            "SELECT count(*) FROM inbox WHERE consumer = 'responder.events' AND topic = $1", topic
        )
    )


ROLLUPS = ("review_days", "review_topic_days", "nps_days")


async def _rollup_writes(raw: asyncpg.Connection) -> int:
    """Row versions the rollup tables were written (inserted or updated) so far, by the
    statistics collector: each one a WAL record and, for an update, a dead tuple."""
    await asyncio.sleep(1.5)  # backends report their counts about once a second
    await raw.execute("SELECT pg_stat_clear_snapshot()")
    return int(
        await raw.fetchval(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables"
            " WHERE relname = ANY($1::text[])",
            list(ROLLUPS),
        )
    )


async def _lock_waits(raw: asyncpg.Connection, stop: asyncio.Event, out: dict[str, int]) -> None:
    """Every 100 ms: how many responder backends wait on a lock (and on which statement)."""
    while not stop.is_set():
        rows = await raw.fetch(
            "SELECT left(query, 60) AS q FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        out["samples"] = out.get("samples", 0) + 1
        for r in rows:
            key = " ".join(r["q"].split())
            out[key] = out.get(key, 0) + 1
        await asyncio.sleep(0.1)


async def run_phases(args: argparse.Namespace) -> dict[str, Any]:
    started_at = datetime.now(UTC)
    load_before = machine.loadavg()
    infra = await start_infra()
    settings = _settings(infra, args.database)
    prefix = f"bench-console-{int(time.time())}."
    work_dir = Path(tempfile.mkdtemp(prefix="bench-console-"))
    raw = await asyncpg.connect(settings.db_dsn, server_settings={"search_path": "responder"})
    rng = random.Random(args.seed)
    service: ServerProcess | None = None
    result: dict[str, Any] = {
        "benchmark": "console",
        "label": args.label,
        "database": args.database,
        "service_root": str(args.root or "."),
        "config": {k: v for k, v in vars(args).items() if k not in ("command",)},
    }
    try:
        sizes = [
            (r["shop_id"], r["n"])
            for r in await raw.fetch(
                "SELECT shop_id, count(*) AS n FROM reviews GROUP BY 1 ORDER BY 2 DESC"
            )
        ]
        result["reviews"] = sum(n for _, n in sizes)
        if args.vacuum:
            # Earlier runs' reviews (tens of thousands, most in the largest shop) sit on pages
            # the visibility map does not cover yet, so index-only scans visit the heap for
            # them until autovacuum, which waits for 20 % of the table, comes round.
            started = time.monotonic()
            for table in ("reviews", "cases"):
                await raw.execute(f"VACUUM (ANALYZE) {table}")
            result["vacuum_s"] = round(time.monotonic() - started, 1)
            log(f"VACUUM (ANALYZE) reviews, cases: {result['vacuum_s']} s")
        await _staff(settings, [s for s, _ in sizes])
        service = service_process("responder", infra, args.database, prefix, work_dir)
        if args.root:
            service.process.cwd = Path(args.root)
        await service.start()
        await service.wait_ready("/readyz")
        log(f"responder ready on :{service.port} (pid {service.pid}, root {args.root or '.'})")
        async with httpx.AsyncClient(base_url=service.url, timeout=30) as client:
            cookie = await _sign_in(client)
        shops = [s for s, _ in sizes[:3]] + [s for s, _ in sizes[len(sizes) // 2 :]][:10]
        if "pages" in args.phases:
            mix = await _pages_mix(raw, shops, args.page_requests + args.warmup, rng)
            log(f"pages: {args.page_requests} requests after {args.warmup} warm-up")
            cpu = CpuWindow({"responder": service.pid})
            pages = await _pages(service.url, cookie, mix, args.warmup, shops[:3])
            pages["cpu"] = await cpu.stop()
            result["pages"] = pages
            log(f"  errors: {pages['errors']} {pages['first_errors']}")
            for kind, f in pages["by_kind"].items():
                log(f"  {kind}: p50 {fmt(f['p50'])} p99 {fmt(f['p99'])} ms (n={f['n']})")
        for phase in args.phases.split(","):
            if phase not in ("consume", "busy", "live"):
                continue
            watched = sizes[0][0] if phase == "live" else None
            rate = args.rate if phase == "live" else args.consume_rate
            # busy: one shop's reviews only (an import, a busy hour): its day's rows are hot.
            log(f"{phase}: {rate}/s for {args.duration} s, watching {watched}")
            writes_before = await _rollup_writes(raw)
            topic = topic_name("reviewloop.reviews.classified", prefix)
            handled_before = await _handled(raw, topic)
            stop = asyncio.Event()
            waits: dict[str, int] = {}
            sampling = await asyncpg.connect(settings.db_dsn)
            sampler = asyncio.create_task(_lock_waits(sampling, stop, waits))
            cpu = CpuWindow({"responder": service.pid}, interval_s=1.0)
            drawn = sizes[:1] if phase == "busy" else sizes
            figures = await _live(
                service.url, cookie, infra.bootstrap_servers, prefix, drawn, watched, rate,
                args.duration, args.watch_every, rng,
            )  # fmt: skip
            figures.pop("_run")
            produced_at = figures.pop("_produced_at")
            deadline = time.monotonic() + 120
            while (done := await _handled(raw, topic) - handled_before) < figures["events"]:
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.1)
            drained_s = time.monotonic()
            figures["cpu"] = await cpu.stop()
            stop.set()
            await sampler
            await sampling.close()
            figures["handled"] = done
            figures["rollup_row_writes"] = await _rollup_writes(raw) - writes_before
            figures["rollup_row_writes_per_review"] = round(
                figures["rollup_row_writes"] / max(done, 1), 3
            )
            figures["lock_wait_samples"] = waits
            window = figures["cpu"]["window_s"]
            for name in ("responder", "postgres", "kafka"):
                figures[f"{name}_cpu_ms_per_review"] = round(
                    figures["cpu"][f"{name}_cores"] * window * 1000 / max(done, 1), 2
                )
            # From the last event in Kafka to the last one stored: how far the consumer lagged.
            figures["drain_after_produce_s"] = round(drained_s - produced_at, 2)
            result[phase] = figures
            log(
                f"{phase}: handled {done}/{figures['events']}, responder "
                f"{figures['responder_cpu_ms_per_review']} ms CPU/review "
                f"({figures['cpu']['responder_cores']} cores), postgres "
                f"{figures['postgres_cpu_ms_per_review']} ms/review; rollup row writes/review "
                f"{figures['rollup_row_writes_per_review']}; lock waits {waits}"
            )
            if "watch" in figures:
                v = figures["watch"]["visible_after_s"]
                q = figures["watch"]["list_ms"]
                log(
                    f"  visible after: p50 {fmt(v['p50'], 2)} p99 {fmt(v['p99'], 2)} max "
                    f"{fmt(v['max'], 2)} s (n={v['n']}); list fragment p50 {fmt(q['p50'])} "
                    f"p99 {fmt(q['p99'])} ms"
                )
    finally:
        if service is not None:
            await service.stop()
        await raw.close()
        with contextlib.suppress(Exception):
            await delete_topics(infra.bootstrap_servers, prefix)
    result["machine"] = machine.record(load_before)
    result["started_at"] = started_at.isoformat()
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.responder.console")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("seed", help="a kept database with the responder bench's seed")
    s.add_argument("--reviews", type=int, default=1_000_000)
    s.add_argument("--shops", type=int, default=100)
    s.add_argument("--seed", type=int, default=20261123)
    r = sub.add_parser("run", help="pages, consume and live phases on a seeded database")
    r.add_argument("--database", required=True)
    r.add_argument("--phases", default="pages,consume,busy,live")
    r.add_argument("--page-requests", type=int, default=600)
    r.add_argument("--warmup", type=int, default=60)
    r.add_argument("--rate", type=float, default=200.0, help="reviews/s of the live phase")
    r.add_argument("--consume-rate", type=float, default=100.0, help="reviews/s, consume phase")
    r.add_argument("--duration", type=float, default=30.0)
    r.add_argument("--watch-every", type=int, default=20, help="every n-th review is watched")
    r.add_argument("--root", help="run the responder from this source tree (a before-run)")
    r.add_argument("--label", default="")
    r.add_argument("--seed", type=int, default=19)
    r.add_argument("--no-save", action="store_true")
    r.add_argument("--vacuum", action="store_true", help="VACUUM (ANALYZE) reviews and cases first")
    args = p.parse_args(argv)
    if args.command == "seed":
        print(asyncio.run(seed(args)))
        return 0
    result = asyncio.run(run_phases(args))
    if not args.no_save:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = RESULTS_DIR / f"console-{stamp}.json"
        path.write_text(json.dumps(result, indent=2, default=str) + "\n")
        log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
