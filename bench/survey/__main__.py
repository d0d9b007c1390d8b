"""python -m bench.survey [--pending N] [--due M] [--quick] ...

One run, in this order, against processes started here on 127.0.0.1:

1. ceilings: a raw aiosmtplib send loop (the dispatcher's concurrency, the same message size)
   against the repo's own SMTP sink, then against the bench sink in `maildir` mode (the repo
   sink's handler plus accept-time recording) and in `count` mode (no parsing, no disk);
2. load: `--pending` minus `--due` surveys due in the future, by COPY into a fresh database;
3. `backlog-maildir`: the real survey service (`python -m services.survey`) runs; `--due`
   surveys become due at once (one COPY transaction), so `--pending` are pending and `--due`
   of them due; measured until the sink has accepted every one of them;
4. `steady-maildir`: new surveys become due at a steady `--steady-rate` per second;
5. `backlog-count`: the due rows of 3 and 4 are deleted, and step 3 runs again with the sink
   only counting: the dispatcher's own limit.

Then it writes bench/results/survey-<UTC time>.json, prints markdown tables, and undoes
everything it started: processes, database, topics, files, infrastructure it had to start.
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from bench import runner
from bench.infra import RunState, Step, infra_record, run_steps, stop_service, teardown_steps
from bench.ingest import machine
from bench.ingest.targets import (
    HOST,
    ServerProcess,
    service_process,
)
from bench.survey import data, report
from bench.survey.raw_smtp import RawSpec
from bench.survey.targets import BenchSink, CpuWindow, RssSampler, repo_sink
from deploy.local.smtp_sink import SinkProcess
from services.survey.app import MIGRATIONS, build
from services.survey.settings import SurveySettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool

RENDER_WARMUP = 20
RENDER_COUNT = 300
QUICK = {"pending": 100_000, "due": 10_000, "steady_duration": 30.0, "raw_messages": 5_000}
FULL = {"pending": 1_000_000, "due": 100_000, "steady_duration": 60.0, "raw_messages": 20_000}
# Future invitations are due from a day from now on: no run gets anywhere near them.
FUTURE_FROM = timedelta(days=1)
FUTURE_SPREAD_S = 30 * 86_400.0
PROGRESS_EVERY_S = 10.0
SINK_POLL_S = 0.2
DB_POLL_S = 5.0
# After a drain timeout, claims already taken still get their answer from the sink.
IN_FLIGHT_GRACE_S = 60.0
RAW_EXIT_GRACE_S = 60.0
DISPATCH_FIELDS = ("dispatch_interval_s", "dispatch_batch", "dispatch_concurrency")


log = runner.logger("survey")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The survey dispatch worker against a large pending table, a steady load and the SMTP
    sink's own ceiling. See bench/README.md."""
    p = runner.parser("survey", parse_args.__doc__, "100,000 pending, 10,000 due, 30 s steady")
    p.add_argument("--pending", type=int, help="pending surveys (default 1,000,000)")
    p.add_argument("--due", type=int, help="of them due at once (default 100,000)")
    p.add_argument("--steady-rate", type=float, default=50.0, help="emails/s made due, steady")
    p.add_argument("--steady-duration", type=float, help="seconds (default 60)")
    p.add_argument("--raw-messages", type=int, help="per ceiling run (default 20,000)")
    p.add_argument("--raw-duration", type=float, default=30.0, help="max seconds per ceiling run")
    p.add_argument(
        "--raw-concurrency", type=int, help="connections of the raw loop (default: the service's)"
    )
    p.add_argument(
        "--sinks",
        default="maildir,count",
        help="bench sink modes for the backlog phases, in order (the steady phase uses the first)",
    )
    p.add_argument("--drain-timeout", type=float, default=900.0, help="max seconds per backlog")
    p.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="SURVEY_X=V",
        help="extra setting for the survey process (repeatable); the default is none",
    )
    p.add_argument(
        "--setup-sql",
        action="append",
        default=[],
        metavar="SQL",
        help="what-if: SQL run on the bench database after the migrations, before the load "
        "(repeatable; e.g. an index); recorded in the result",
    )
    args = runner.parse(p, argv, (QUICK, FULL))
    if not 0 < args.due <= args.pending:
        p.error("need 0 < --due <= --pending")
    if args.steady_rate < 0 or args.steady_duration < 0 or args.raw_messages < 0:
        p.error("--steady-rate, --steady-duration and --raw-messages must be >= 0")
    args.sinks = [s for s in args.sinks.split(",") if s]
    if not args.sinks or any(s not in ("maildir", "count") for s in args.sinks):
        p.error("--sinks: a comma-separated list of maildir, count")
    args.overrides = runner.env_overrides(p, args.env, ("SURVEY_",), "SURVEY_NAME=value")
    return args


class Run(RunState):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__("survey", args)
        self.maildirs = self.work_dir / "maildirs"
        self.domain = args.overrides.get(
            "SURVEY_MESSAGE_ID_DOMAIN", SurveySettings.model_fields["message_id_domain"].default
        )
        self.dispatch = runner.effective_settings(
            SurveySettings, "SURVEY_", DISPATCH_FIELDS, args.overrides
        )
        self.future = args.pending - args.due
        # Row numbers (== survey ids == email ids): the future rows, then one block of due rows
        # per backlog phase; steady rows come from the identity sequences, above all of them.
        self.last_planned = self.future + args.due * len(args.sinks)
        self.next_steady_number = self.last_planned + 1
        self.db: asyncpg.Connection | None = None
        self.service: ServerProcess | None = None
        self.sink: BenchSink | None = None
        self.repo_sink: SinkProcess | None = None
        self.notes: list[str] = []
        self.template = self.work_dir / "message.eml"
        self.placeholder = ""

    # -- setup ---------------------------------------------------------------------------------

    def settings(self) -> SurveySettings:
        return self.settings_as(SurveySettings, "survey", message_id_domain=self.domain)

    async def start(self) -> None:
        await self.start_database(log)
        settings = self.settings()
        pool = await create_pool(settings)
        try:
            await apply_migrations(pool, "survey", service_migrations("survey", MIGRATIONS))
        finally:
            await pool.close()
        # One connection for all of the bench's own database work, which is sequential.
        self.db = await data.connect(settings.db_dsn)
        await data.load_shops(self.db)
        await data.reserve_ids(self.db, self.last_planned)
        for sql in self.args.setup_sql:
            log(f"what-if setup: {sql}")
            await self.db.execute(sql)
        self.maildirs.mkdir()
        self.repo_sink = repo_sink(self.maildirs / "repo", self.work_dir / "repo-sink.log")
        self.sink = BenchSink(self.maildirs / "bench", self.work_dir / "bench-sink.log")
        await self.repo_sink.start()
        await self.sink.start()
        log(f"repo sink on :{self.repo_sink.port}, bench sink on :{self.sink.port}")

    # -- ceilings --------------------------------------------------------------------------------

    def render_cost(self) -> dict[str, Any]:
        """CPU time of rendering one invitation (`compose`: Jinja2, two signed tokens, the stdlib
        email generator) in this process: a floor under the worker's CPU per email. Also keeps
        the message as the raw loop's template."""
        settings = self.settings()
        tokens = build(settings)[0].state.tokens
        for _ in range(RENDER_WARMUP):
            data.template_message(settings, tokens)
        cpu_started = time.process_time()
        for _ in range(RENDER_COUNT):
            message, placeholder = data.template_message(settings, tokens)
        cpu_ms = (time.process_time() - cpu_started) * 1000 / RENDER_COUNT
        self.template = self.work_dir / "message.eml"
        self.template.write_bytes(message)
        self.placeholder = placeholder
        log(f"rendering one invitation: {cpu_ms:.2f} ms CPU, {len(message):,} bytes")
        return {
            "cpu_ms_per_message": round(cpu_ms, 3),
            "renders": RENDER_COUNT,
            "message_bytes": len(message),
        }

    async def ceilings(self) -> list[dict[str, Any]]:
        assert self.sink is not None and self.repo_sink is not None
        settings = self.settings()
        concurrency = self.args.raw_concurrency or self.dispatch["dispatch_concurrency"]
        phases = []
        # (phase, sink label, port, sink pid, bench sink mode or None for the repo's sink)
        repo, bench = self.repo_sink, self.sink
        targets: list[tuple[str, str, int, int, str | None]] = [
            ("raw-repo-sink", "repo (aiosmtpd Mailbox)", repo.port, repo.pid, None),
            ("raw-maildir", "bench maildir", bench.port, bench.pid, "maildir"),
            ("raw-count", "bench count", bench.port, bench.pid, "count"),
        ]
        for name, label, port, pid, mode in targets:
            if mode is not None:
                await self.sink.set_mode(mode)
            spec = RawSpec(
                host=HOST,
                port=port,
                concurrency=concurrency,
                messages=self.args.raw_messages,
                duration_s=self.args.raw_duration,
                template_path=str(self.template),
                placeholder=self.placeholder,
                sender=settings.from_address,
                recipient="buyer0@example.com",
            )
            phases.append(await self.raw_phase(name, label, spec, pid))
        return phases

    async def raw_phase(
        self, name: str, label: str, spec: RawSpec, sink_pid: int
    ) -> dict[str, Any]:
        log(
            f"{name}: raw aiosmtplib loop, {spec.concurrency} connections, {spec.messages} messages"
        )
        load_before = machine.loadavg()
        cpu = CpuWindow({"sink": sink_pid})
        proc, out_path = await runner.start_client(
            "bench.survey.raw_smtp", spec, self.work_dir, name, "result", control=False
        )
        try:
            await asyncio.wait_for(proc.wait(), spec.duration_s + RAW_EXIT_GRACE_S)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
        if proc.returncode != 0:
            raise RuntimeError(f"{name}: raw client exited with {proc.returncode}")
        raw = json.loads(out_path.read_text())
        figures = await cpu.stop({"client": raw["client_cpu_s"]})
        phase = {
            "name": name,
            "kind": "raw",
            "sink": label,
            **{k: raw[k] for k in ("accepted", "errors", "first_error", "elapsed_s")},
            **{k: raw[k] for k in ("messages_per_s", "stopped_by", "latency_ms", "message_bytes")},
            "concurrency": spec.concurrency,
            "client_loop": raw["loop"],
            "cpu": figures,
            **machine.load_span(load_before),
        }
        log(f"{name}: {phase['messages_per_s']:.0f} messages/s, errors {phase['errors']}")
        return phase

    # -- data ------------------------------------------------------------------------------------

    async def load(self) -> dict[str, Any]:
        assert self.db is not None
        log(f"loading {self.future:,} future surveys by COPY")
        start = datetime.now(UTC) + FUTURE_FROM
        started = time.monotonic()
        done = 0
        conn = self.db
        for rows in data.chunks(1, self.future, start, FUTURE_SPREAD_S, self.domain):
            async with conn.transaction():
                await data.copy_rows(conn, rows)
            done += len(rows.emails)
            if done % 200_000 < data.CHUNK:
                log(f"loaded {done:,} ({done / (time.monotonic() - started):,.0f}/s)")
        seconds = time.monotonic() - started
        analyze_started = time.monotonic()
        await conn.execute("ANALYZE orders, surveys, survey_emails")
        analyze_s = time.monotonic() - analyze_started
        sizes = {
            r["name"]: r["mib"]
            for r in await conn.fetch(
                "SELECT relname AS name, round(pg_total_relation_size(oid) / 1048576.0, 1)"
                " AS mib FROM pg_class WHERE relname = ANY($1::text[])",
                ["orders", "surveys", "survey_emails"],
            )
        }
        log(f"loaded {self.future:,} in {seconds:.1f} s")
        return {
            "rows": self.future,
            "seconds": round(seconds, 1),
            "rows_per_s": round(self.future / seconds, 1) if seconds > 0 else 0.0,
            "analyze_s": round(analyze_s, 1),
            "note": "plus --due rows per backlog phase, loaded the same way inside that phase",
            "table_mib": {k: float(v) for k, v in sizes.items()},
        }

    async def plans(self) -> dict[str, list[str]]:
        """The planner's view of the dispatcher's per-batch and per-email queries on the loaded
        table (read-only: EXPLAIN for the claim, EXPLAIN ANALYZE for the cooldown check)."""
        assert self.db is not None
        conn = self.db
        claim = await conn.fetch(
            "EXPLAIN SELECT id FROM survey_emails WHERE status = 'pending' AND send_at <= $1"
            " ORDER BY send_at LIMIT $2 FOR UPDATE SKIP LOCKED",
            datetime.now(UTC),
            self.dispatch["dispatch_batch"],
        )
        return {
            "claim_due": [r[0] for r in claim],
            "surveyed_since": (await self.cooldown_probe(1))["plan"],
        }

    async def cooldown_probe(self, number: int) -> dict[str, Any]:
        """EXPLAIN ANALYZE of the dispatcher's per-email cooldown query
        (`services.survey.surveys.repository.surveyed_since`) as it runs for row `number`: its
        own invitation excluded, nothing else to the address, so all candidates are looked at.
        Read-only."""
        assert self.db is not None
        plan = await self.db.fetch(
            """
            EXPLAIN ANALYZE SELECT 1 FROM survey_emails
            WHERE recipient = $2 AND shop_id = ANY($1::text[]) AND kind = 'invitation'
              AND status IN ('sent', 'unknown', 'sending')
              AND coalesce(sent_at, claimed_at) >= $3 AND survey_id <> $4
            LIMIT 1
            """,
            [data.SHOPS[number % len(data.SHOPS)].shop_id],
            f"buyer{number}@example.com",
            datetime.now(UTC) - timedelta(days=30),
            number,
        )
        lines = [r[0] for r in plan]
        execution = next((x for x in lines if x.startswith("Execution Time:")), "")
        return {
            "plan": lines,
            "execution_ms": float(execution.split()[2]) if execution else None,
            # "  ->  Parallel Seq Scan on survey_emails  (cost=...": how the table is read.
            "scan": next(
                (x.split("->", 1)[-1].split("  (")[0].strip() for x in lines if " Scan " in x),
                None,
            ),
        }

    async def start_service(self) -> None:
        assert self.infra is not None and self.sink is not None
        self.service = service_process(
            "survey",
            self.infra,
            self.database,
            self.prefix,
            self.work_dir,
            smtp_port=self.sink.port,
            overrides=self.args.overrides,
        )
        await self.service.start()
        await self.service.wait_ready("/readyz")
        log(f"survey service ready on :{self.service.port} (pid {self.service.pid})")

    # -- dispatch phases -------------------------------------------------------------------------

    def _log_offset(self) -> int:
        assert self.service is not None
        path = self.service.log_path
        return path.stat().st_size if path.exists() else 0

    def _log_errors(self, offset: int) -> tuple[int, str | None]:
        """ERROR lines the worker logged since `offset` (dispatch failures), and the first.
        aiokafka's own ERROR lines are left out: it logs a fetch refused by a broker still
        electing the leader of a just-made topic, then retries by itself."""
        assert self.service is not None
        with self.service.log_path.open("rb") as f:
            f.seek(offset)
            lines = [
                line.decode(errors="replace").strip()
                for line in f
                if (b"ERROR" in line or b"Traceback" in line) and b'"logger": "aiokafka' not in line
            ]
        return len(lines), (lines[0][:500] if lines else None)

    def _check_service(self) -> None:
        assert self.service is not None
        if self.service.returncode is not None:
            raise RuntimeError(
                f"survey service exited with {self.service.returncode}:\n" + self.service.log_tail()
            )

    async def backlog(self, index: int, mode: str) -> dict[str, Any]:
        assert self.db is not None and self.sink is not None and self.service is not None
        name = f"backlog-{mode}"
        due = self.args.due
        first = self.future + 1 + index * due
        last = first + due - 1
        await self.sink.set_mode(mode)
        base, base_bytes = await self.sink.count()
        log_offset = self._log_offset()
        load_before = machine.loadavg()
        log(f"{name}: {due:,} surveys become due at once ({self.args.pending:,} pending)")
        send_at = datetime.now(UTC)
        # Generated before the transaction: only the COPY itself delays visibility.
        blocks = list(data.chunks(first, due, send_at, 0.0, self.domain))
        copy_started = time.monotonic()
        conn = self.db
        async with conn.transaction():
            for rows in blocks:
                await data.copy_rows(conn, rows)
        visible = time.time()
        copy_s = time.monotonic() - copy_started
        del blocks
        sampler = RssSampler(self.service.pid)
        sampler.start()
        cpu = CpuWindow({"worker": self.service.pid, "sink": self.sink.pid, "bench": os.getpid()})
        incomplete = await self._drain(name, base, due, first, last)
        ended = time.time()
        cpu_figures = await cpu.stop()
        rss = await sampler.stop()
        messages, size = await self.sink.count()
        conn = self.db
        rows = await conn.fetch(
            "SELECT message_id, extract(epoch FROM send_at)::float8 AS send_at, status,"
            " skip_reason FROM survey_emails"
            " WHERE survey_id BETWEEN $1 AND $2 AND kind = 'invitation'",
            first,
            last,
        )
        accepted, duplicates = await self._accepted(
            name, {r["message_id"]: r["send_at"] for r in rows}
        )
        times = sorted(at for at, _ in accepted.values())
        # Never accepted: at least as late as the end of the phase (see steady()).
        from_visible = [at - visible for at in times] + [ended - visible] * (due - len(times))
        errors, first_error = self._log_errors(log_offset)
        phase: dict[str, Any] = {
            "name": name,
            "kind": "backlog",
            "sink": f"bench {mode}",
            "due": due,
            "accepted": len(accepted),
            "not_sent": due - len(accepted),
            "duplicates": duplicates,
            "statuses": _statuses(rows),
            "worker_log_errors": errors,
            "first_error": first_error,
            "incomplete": incomplete,
            "copy_due_rows_s": round(copy_s, 2),
            "lateness_basis": "SMTP accept time - the commit that made the rows due",
            "lateness_s": report.seconds_summary(from_visible),
            "lateness_lower_bound": due > len(times),
            "lateness_from_send_at_s": report.seconds_summary(
                [at - send_at_s for at, send_at_s in accepted.values()]
            ),
            "avg_message_bytes": round((size - base_bytes) / (messages - base))
            if messages > base
            else None,
        }
        if times:
            phase["time_s"] = round(times[-1] - visible, 3)
            phase["first_accept_after_s"] = round(times[0] - visible, 3)
            phase["emails_per_s"] = round(len(times) / (times[-1] - visible), 1)
            phase["emails_per_s_10_90"] = _middle_rate(times)
            if incomplete:
                phase["projected_time_s"] = round(due / phase["emails_per_s"], 1)
        probe = await self.cooldown_probe(first)
        phase["cooldown_query"] = {k: probe[k] for k in ("scan", "execution_ms")}
        phase["cpu_ms_per_email"] = _per_email(cpu_figures, len(times))
        phase.update(worker_rss=rss, cpu=cpu_figures, **machine.load_span(load_before))
        log(
            f"{name}: {len(times):,} accepted in {phase.get('time_s')} s, "
            f"{phase.get('emails_per_s')} emails/s, lateness p99 {phase['lateness_s'].get('p99')} s"
        )
        return phase

    async def _drain(self, name: str, base: int, due: int, first: int, last: int) -> str | None:
        """Until the sink holds `due` new messages, or nothing of the block is left to send."""
        assert self.db is not None and self.sink is not None
        started = time.monotonic()
        deadline = started + self.args.drain_timeout
        next_db = started + DB_POLL_S
        next_log = started + PROGRESS_EVERY_S
        open_sql = (
            "SELECT count(*) FROM survey_emails WHERE survey_id BETWEEN $1 AND $2"
            " AND kind = 'invitation' AND status IN ('pending', 'sending')"
        )
        while True:
            self._check_service()
            received = (await self.sink.count())[0] - base
            if received >= due:
                return None
            now = time.monotonic()
            if now >= next_db:
                next_db = now + DB_POLL_S
                if not await self.db.fetchval(open_sql, first, last):
                    return None  # settled, some not sent: the statuses say why
            if now >= deadline:
                break
            if now >= next_log:
                next_log = now + PROGRESS_EVERY_S
                log(f"{name}: {received:,} of {due:,} ({received / (now - started):,.0f}/s)")
            await asyncio.sleep(SINK_POLL_S)
        left = await self._take_out(
            "survey_id BETWEEN $1 AND $2 AND kind = 'invitation'", first, last
        )
        note = (
            f"drain timeout after {self.args.drain_timeout:.0f} s: {left:,} still pending "
            "were taken out (status skipped/bench-timeout)"
        )
        log(f"{name}: {note}")
        return note

    async def _take_out(self, where: str, *args: Any) -> int:
        """Bounded phases: emails of the phase still pending are marked skipped (reason
        `bench-timeout`) so the worker leaves them alone, and claims in flight get time to
        finish, so no later phase (or row deletion) runs into them."""
        assert self.db is not None
        left = await self.db.execute(
            "UPDATE survey_emails SET status = 'skipped', skip_reason = 'bench-timeout'"
            f" WHERE {where} AND status = 'pending'",
            *args,
        )
        grace = time.monotonic() + IN_FLIGHT_GRACE_S
        while time.monotonic() < grace:
            in_flight = await self.db.fetchval(
                f"SELECT count(*) FROM survey_emails WHERE {where} AND status = 'sending'", *args
            )
            if not in_flight:
                break
            await asyncio.sleep(1.0)
        return int(left.split()[-1])

    async def _accepted(
        self, name: str, send_at: dict[str, float]
    ) -> tuple[dict[str, tuple[float, float]], int]:
        """Accept time and send_at per Message-ID of this phase, from the sink's record, and
        how many of them the sink accepted more than once (must be 0: never a resend)."""
        assert self.sink is not None
        records = await self.sink.dump(self.work_dir / f"{name}.accepted.tsv")
        accepted: dict[str, tuple[float, float]] = {}
        duplicates = 0
        for mid, at in records:
            if mid not in send_at:
                continue
            if mid in accepted:
                duplicates += 1
                continue
            accepted[mid] = (at, send_at[mid])
        return accepted, duplicates

    async def steady(self, mode: str) -> dict[str, Any]:
        assert self.db is not None and self.sink is not None and self.service is not None
        rate, duration = self.args.steady_rate, self.args.steady_duration
        count = int(rate * duration)
        name = f"steady-{mode}"
        await self.sink.set_mode(mode)
        base, _ = await self.sink.count()
        log_offset = self._log_offset()
        load_before = machine.loadavg()
        log(f"{name}: {count:,} surveys become due at {rate:g}/s for {duration:g} s")
        rng = random.Random(self.next_steady_number)
        send_at: dict[str, float] = {}
        max_lag = 0.0
        sampler = RssSampler(self.service.pid)
        sampler.start()
        cpu = CpuWindow({"worker": self.service.pid, "sink": self.sink.pid, "bench": os.getpid()})
        conn = self.db
        start = time.monotonic() + 0.1
        for i in range(count):
            # An absolute schedule: a slow insert does not shift the ones after it.
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                max_lag = max(max_lag, -delay)
            when = datetime.now(UTC)
            mid = await data.insert_due_now(conn, rng, self.next_steady_number, self.domain, when)
            self.next_steady_number += 1
            send_at[mid] = when.timestamp()
        inserted_in = time.monotonic() - start
        # Then until every one is accepted or settled: a few dispatch intervals at most.
        limit_s = max(30.0, 10 * self.dispatch["dispatch_interval_s"])
        limit = time.monotonic() + limit_s
        open_sql = (
            "SELECT count(*) FROM survey_emails"
            " WHERE message_id = ANY($1::text[]) AND status IN ('pending', 'sending')"
        )
        ids = list(send_at)
        incomplete = None
        while (await self.sink.count())[0] - base < count:
            self._check_service()
            if time.monotonic() > limit:
                left = await self._take_out("message_id = ANY($1::text[])", ids)
                incomplete = (
                    f"not every email was accepted {limit_s:.0f} s after the last one became "
                    f"due: {left:,} still pending were taken out (status skipped/bench-timeout)"
                )
                log(f"{name}: {incomplete}")
                break
            if not await self.db.fetchval(open_sql, ids):
                break
            await asyncio.sleep(SINK_POLL_S)
        ended = time.time()
        cpu_figures = await cpu.stop()
        rss = await sampler.stop()
        rows = await self.db.fetch(
            "SELECT message_id, status, skip_reason FROM survey_emails"
            " WHERE message_id = ANY($1::text[])",
            ids,
        )
        accepted, duplicates = await self._accepted(name, send_at)
        if len(accepted) == count:
            incomplete = None  # the claims in flight at the limit all finished after all
        # An email never accepted is at least as late as the end of the wait: counted so, the
        # percentiles stay honest (lower bounds) instead of silently leaving out the worst.
        lateness = [at - sent for at, sent in accepted.values()]
        lateness += [ended - sent for mid, sent in send_at.items() if mid not in accepted]
        errors, first_error = self._log_errors(log_offset)
        phase: dict[str, Any] = {
            "name": name,
            "kind": "steady",
            "sink": f"bench {mode}",
            "rate": rate,
            "due": count,
            "accepted": len(accepted),
            "not_sent": count - len(accepted),
            "duplicates": duplicates,
            "statuses": _statuses(rows),
            "worker_log_errors": errors,
            "first_error": first_error,
            "incomplete": incomplete,
            "insert_seconds": round(inserted_in, 3),
            "insert_max_lag_s": round(max_lag, 3),
            "lateness_basis": "SMTP accept time - send_at (= the moment the row was inserted)",
            "lateness_s": report.seconds_summary(lateness),
            "lateness_lower_bound": count > len(accepted),
        }
        if accepted:
            first_due = min(send_at.values())
            last_accept = max(at for at, _ in accepted.values())
            phase["time_s"] = round(last_accept - first_due, 3)
            phase["emails_per_s"] = round(len(accepted) / (last_accept - first_due), 1)
        phase["cpu_ms_per_email"] = _per_email(cpu_figures, len(accepted))
        phase.update(worker_rss=rss, cpu=cpu_figures, **machine.load_span(load_before))
        late = phase["lateness_s"]
        log(f"{name}: lateness p50 {late.get('p50')} s, p99 {late.get('p99')} s")
        return phase

    async def reset_due_rows(self, index: int) -> None:
        """Back to "`--pending` pending, none due": drop the block of backlog `index` (with the
        reminders its sends scheduled) and every steady row, then VACUUM, so the next backlog
        starts from the same table state."""
        assert self.db is not None
        first = self.future + 1 + index * self.args.due
        last = first + self.args.due - 1
        started = time.monotonic()
        conn = self.db
        async with conn.transaction():
            await conn.execute(
                "DELETE FROM orders o USING surveys s"
                " WHERE o.shop_id = s.shop_id AND o.order_id = s.order_id"
                " AND (s.id BETWEEN $1 AND $2 OR s.id > $3)",
                first,
                last,
                self.last_planned,
            )
            await conn.execute(
                "DELETE FROM surveys WHERE id BETWEEN $1 AND $2 OR id > $3",
                first,
                last,
                self.last_planned,
            )
        await conn.execute("VACUUM ANALYZE orders, surveys, survey_emails")
        log(f"reset the due rows of the last phases in {time.monotonic() - started:.1f} s")

    # -- teardown --------------------------------------------------------------------------------

    async def cleanup(self) -> None:
        steps: list[Step] = []
        if self.service is not None:
            steps.append(stop_service("stop survey", self.service))
        for name, sink in (("BenchSink", self.sink), ("RepoSink", self.repo_sink)):
            if sink is not None:
                steps.append((f"stop {name}", sink.stop))
        if self.db is not None:
            steps.append(("bench connection", self.db.close))
        if self.infra is not None:
            database = self.database if self.database_created else None
            steps += teardown_steps(self.infra, self.prefix, database, self.args.keep_infra)

        async def maildirs() -> str:
            # Always: a full run leaves gigabytes of messages.
            await asyncio.to_thread(shutil.rmtree, self.maildirs, True)
            return f"{self.maildirs} removed"

        steps.append(("maildirs", maildirs))
        await run_steps(steps, self.cleanup_notes, log)


def _statuses(rows: list[Any]) -> dict[str, int]:
    counts = Counter(
        r["status"] + (f"/{r['skip_reason']}" if r["skip_reason"] else "") for r in rows
    )
    return dict(sorted(counts.items()))


def _per_email(cpu: dict[str, float], emails: int) -> dict[str, float] | None:
    """CPU milliseconds per accepted email, by process group: which resource one email costs."""
    if not emails:
        return None
    return {
        name.removesuffix("_cores"): round(cores * cpu["window_s"] * 1000 / emails, 2)
        for name, cores in cpu.items()
        if name.endswith("_cores") and name != "unaccounted_cores"
    }


def _middle_rate(times: list[float]) -> float | None:
    """Emails/s between the 10th and the 90th percentile accept: the sustained rate, without
    the first batch's start-up and the last batch's tail."""
    if len(times) < 20:
        return None
    low, high = times[len(times) // 10], times[len(times) * 9 // 10]
    if high <= low:
        return None
    return round((len(times) * 9 // 10 - len(times) // 10) / (high - low), 1)


async def benchmark(args: argparse.Namespace, started: datetime) -> dict[str, Any]:
    run = Run(args)
    machine_before = machine.loadavg()
    phases: list[dict[str, Any]] = []
    load: dict[str, Any] | None = None
    plans: dict[str, list[str]] = {}
    render: dict[str, Any] | None = None
    async with runner.cleaned_up(run, log):
        await run.start()
        render = run.render_cost()
        if args.raw_messages:
            phases.extend(await run.ceilings())
        load = await run.load()
        plans = await run.plans()
        if any("Seq Scan" in line for line in plans["surveyed_since"]):
            run.notes.append(
                "the per-email cooldown query (surveyed_since) is a sequential scan of "
                "survey_emails on this table: see query_plans in the JSON"
            )
        await run.start_service()
        for index, mode in enumerate(args.sinks):
            if index:
                await run.reset_due_rows(index - 1)
            phases.append(await run.backlog(index, mode))
            if index == 0 and args.steady_rate and args.steady_duration:
                phases.append(await run.steady(mode))
    return {
        **runner.header("survey", started),
        "config": {
            "pending": args.pending,
            "due": args.due,
            "quick": args.quick,
            "steady_rate": args.steady_rate,
            "steady_duration_s": args.steady_duration,
            "raw_messages": args.raw_messages,
            "raw_duration_s": args.raw_duration,
            "sinks": args.sinks,
            "drain_timeout_s": args.drain_timeout,
            "dispatch_settings": run.dispatch,
            "service_env_overrides": args.overrides,
            "setup_sql": args.setup_sql,
            "shops": len(data.SHOPS),
        },
        "machine": machine.record(machine_before),
        "infra": infra_record(run.infra, run.cleanup_notes),
        "load": load,
        "render": render,
        "query_plans": plans,
        "phases": phases,
        "summary": _summary(phases),
        "notes": run.notes,
    }


def _summary(phases: list[dict[str, Any]]) -> dict[str, Any]:
    by_name = {p["name"]: p for p in phases}
    summary: dict[str, Any] = {}
    backlog = by_name.get("backlog-maildir")
    if backlog and backlog.get("emails_per_s") is not None:
        ceiling = by_name.get("raw-repo-sink")
        summary["throughput"] = {
            "emails_per_s": backlog["emails_per_s"],
            "target": report.THROUGHPUT_TARGET,
            "met": backlog["emails_per_s"] >= report.THROUGHPUT_TARGET,
            "ceiling": ceiling["messages_per_s"] if ceiling else None,
        }
    steady = next((p for p in phases if p["kind"] == "steady"), None)
    if steady and steady["lateness_s"]:
        p99 = steady["lateness_s"]["p99"]
        summary["steady"] = {
            "rate": steady["rate"],
            "p50": steady["lateness_s"]["p50"],
            "p99": p99,
            "target_s": report.STEADY_P99_TARGET_S,
            "met": p99 < report.STEADY_P99_TARGET_S and not steady["not_sent"],
        }
    return summary


main = runner.entry(parse_args, benchmark, report)


if __name__ == "__main__":
    sys.exit(main())
