"""What goes wrong during the run, when, and how long the system takes to get over it.

Every fault is planned up front from the seed (so a run can be repeated), executed at its
moment while the load runs, and timed:

- `down`: from the injection to the moment the fault is lifted (process restarted, broker or
  database started again, SMTP answering normally);
- `ready`: until the component answers again (/readyz 200, broker probe, `SELECT 1`);
- `recovered`: until the work that had piled up by then is done: every outbox row written
  before that moment published, every consumer group past the end offsets of that moment, and
  every email or alert that was due and not final then in a final state (sent, skipped,
  failed, unknown). Faults overlap at random moments; a recovery time includes whatever else
  happened meanwhile.
"""

import asyncio
import contextlib
import logging
import random
import time
import uuid
from dataclasses import dataclass, field

import asyncpg
import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from shared.topics import topic_name
from tests.faults.fleet import SERVICES, Fleet, Instance
from tests.faults.infra import PrivateKafka, PrivatePostgres
from tests.faults.smtp import FaultySmtp

log = logging.getLogger(__name__)

SCHEMAS = SERVICES
POISON_HEADER = "x-faults-poison"
# Topics the poison goes to, and what each poison is.
POISON_TOPICS = ("reviewloop.orders", "reviewloop.reviews.classified", "reviewloop.reviews")
POISON_KINDS = ("not-json", "unknown-type", "bad-payload")


@dataclass
class Fault:
    kind: str
    target: str
    at_s: float
    duration_s: float
    injected: float | None = None
    lifted: float | None = None
    ready: float | None = None
    recovered: float | None = None
    detail: str = ""

    def timings(self) -> dict[str, float | None]:
        def rel(t: float | None, base: float | None) -> float | None:
            return None if t is None or base is None else round(t - base, 1)

        return {
            "down_s": rel(self.lifted, self.injected),
            "ready_s": rel(self.ready, self.injected),
            "recovered_s": rel(self.recovered, self.injected),
        }


@dataclass
class FaultConfig:
    kills_per_service: int = 1
    kafka_restarts: int = 1
    pg_restarts: int = 1
    smtp_tempfail: bool = True
    smtp_drop: bool = True
    scale_out: str | None = "survey"
    poison_per_batch: int = 3
    poison_batches: int = 2
    # kill -9 of every instance of survey (notifier) at a moment its dispatch (delivery)
    # worker holds claimed emails: the edge of the documented SMTP "unknown" window.
    kills_while_sending: tuple[str, ...] = ("survey", "notifier")


def plan_faults(cfg: FaultConfig, duration_s: float, seed: int) -> list[Fault]:
    rng = random.Random(seed * 7919 + 1)
    d = duration_s
    faults: list[Fault] = []
    # Emails flow from about 15 s into the load on: the SMTP windows come after that.
    if cfg.smtp_tempfail:
        faults.append(Fault("smtp_4xx", "smtp", rng.uniform(0.3, 0.38) * d, max(6.0, 0.1 * d)))
    if cfg.smtp_drop:
        faults.append(Fault("smtp_drop", "smtp", rng.uniform(0.52, 0.6) * d, max(5.0, 0.07 * d)))
    for n in range(cfg.kafka_restarts):
        base = (n + 0.5) / cfg.kafka_restarts
        at = (0.2 + 0.3 * base + rng.uniform(-0.03, 0.03)) * d
        # Every second restart is a crash (SIGKILL) instead of a controlled shutdown.
        target = "kafka" if n % 2 == 0 else "kafka-kill9"
        faults.append(Fault("kafka_restart", target, at, rng.uniform(1.0, 3.0)))
    for n in range(cfg.pg_restarts):
        base = (n + 0.5) / cfg.pg_restarts
        at = (0.6 + 0.2 * base + rng.uniform(-0.03, 0.03)) * d
        faults.append(Fault("pg_restart", "postgres", at, rng.uniform(1.0, 3.0)))
    if cfg.scale_out:
        faults.append(Fault("scale_out", cfg.scale_out, rng.uniform(0.42, 0.48) * d, 0.0))
    for service in SERVICES:
        for _ in range(cfg.kills_per_service):
            faults.append(
                Fault("kill9", service, rng.uniform(0.08, 0.9) * d, rng.uniform(0.5, 3.0))
            )
    for service in cfg.kills_while_sending:
        faults.append(
            Fault("kill9_sending", service, rng.uniform(0.35, 0.85) * d, rng.uniform(0.5, 2.0))
        )
    for n in range(cfg.poison_batches):
        at = (0.25 + 0.5 * n / max(cfg.poison_batches - 1, 1)) * d
        faults.append(Fault("poison", "kafka", at, 0.0))
    faults.sort(key=lambda f: f.at_s)
    return faults


@dataclass(frozen=True)
class Poison:
    poison_id: str
    topic: str  # without the prefix
    kind: str


@dataclass(frozen=True)
class Scope:
    """What a fault can have held up: outboxes, consumer groups, emails ('sending': claims a
    dead worker left; 'due': everything due and not final)."""

    schemas: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    emails: str | None = None


@dataclass
class Snapshot:
    scope: Scope
    outbox_max: dict[str, int]
    end_offsets: dict[TopicPartition, int]
    survey_emails: list[int]
    notifications: list[int]


class Probe:
    """Reads progress (outbox, offsets, emails) as an administrator; tolerates outages."""

    def __init__(
        self,
        admin_dsn: str,
        database: str,
        bootstrap: str,
        prefix: str,
        groups: dict[str, list[str]],
    ) -> None:
        self.admin_dsn = admin_dsn
        self.database = database
        self.bootstrap = bootstrap
        self.prefix = prefix
        # consumer group (unprefixed) -> topics (unprefixed)
        self.groups = groups
        self._pool: asyncpg.Pool | None = None
        self._admin: AIOKafkaAdminClient | None = None
        self._consumer: AIOKafkaConsumer | None = None

    async def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            self._pool = await asyncpg.create_pool(
                self.admin_dsn,
                database=self.database,
                min_size=1,
                max_size=4,
                timeout=5,
                command_timeout=30,
                server_settings={"default_transaction_read_only": "on"},
            )
        return self._pool

    async def drop_db(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            with contextlib.suppress(Exception):
                pool.terminate()

    async def fetch(self, query: str, *args: object) -> list[asyncpg.Record]:
        """Read-only, as administrator; raises while PostgreSQL is away."""
        pool = await self.pool()
        return list(await pool.fetch(query, *args))

    async def _kafka(self) -> tuple[AIOKafkaAdminClient, AIOKafkaConsumer]:
        if self._admin is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=8000)
            await admin.start()
            self._admin = admin
        if self._consumer is None:
            consumer = AIOKafkaConsumer(
                bootstrap_servers=self.bootstrap, enable_auto_commit=False, request_timeout_ms=8000
            )
            await consumer.start()
            self._consumer = consumer
        return self._admin, self._consumer

    async def drop_kafka(self) -> None:
        admin, self._admin = self._admin, None
        consumer, self._consumer = self._consumer, None
        with contextlib.suppress(Exception):
            if admin is not None:
                await admin.close()
        with contextlib.suppress(Exception):
            if consumer is not None:
                await consumer.stop()

    def topics(self) -> list[str]:
        return sorted({t for topics in self.groups.values() for t in topics})

    async def end_offsets(self, topics: list[str]) -> dict[TopicPartition, int]:
        try:
            _, consumer = await self._kafka()
            partitions = []
            for topic in topics:
                name = topic_name(topic, self.prefix)
                parts = consumer.partitions_for_topic(name)
                if not parts:
                    await consumer._client.force_metadata_update()
                    parts = consumer.partitions_for_topic(name) or set()
                partitions += [TopicPartition(name, p) for p in sorted(parts)]
            ends: dict[TopicPartition, int] = await asyncio.wait_for(
                consumer.end_offsets(partitions), 15
            )
            return ends
        except Exception:
            await self.drop_kafka()
            raise

    async def committed(self, group: str) -> dict[TopicPartition, int]:
        try:
            admin, _ = await self._kafka()
            offsets = await asyncio.wait_for(
                admin.list_consumer_group_offsets(topic_name(group, self.prefix)), 15
            )
            return {tp: meta.offset for tp, meta in offsets.items()}
        except Exception:
            await self.drop_kafka()
            raise

    async def lag(self) -> dict[str, int]:
        """Messages not yet consumed, per consumer group."""
        ends = await self.end_offsets(self.topics())
        result = {}
        for group, topics in self.groups.items():
            names = {topic_name(t, self.prefix) for t in topics}
            committed = await self.committed(group)
            result[group] = sum(
                max(end - committed.get(tp, 0), 0) for tp, end in ends.items() if tp.topic in names
            )
        return result

    def scope_of(self, fault: "Fault") -> Scope:
        everything = (tuple(SCHEMAS), tuple(self.groups))
        if fault.kind in ("kill9", "kill9_sending", "scale_out"):
            service = fault.target
            groups = tuple(g for g in self.groups if g.startswith(service + "."))
            emails = "sending" if service in ("survey", "notifier") else None
            return Scope((service,), groups, emails)
        if fault.kind == "kafka_restart":
            return Scope(*everything)
        if fault.kind == "pg_restart":
            return Scope(*everything, emails="sending")
        if fault.kind in ("smtp_4xx", "smtp_drop"):
            return Scope(emails="due")
        if fault.kind == "poison":
            poisoned = set(POISON_TOPICS)
            return Scope(groups=tuple(g for g, t in self.groups.items() if poisoned & set(t)))
        return Scope(*everything, emails="due")

    async def snapshot(self, scope: Scope) -> Snapshot:
        outbox = {}
        for schema in scope.schemas:
            rows = await self.fetch(f"SELECT coalesce(max(id), 0) AS m FROM {schema}.outbox")
            outbox[schema] = int(rows[0]["m"])
        emails: list[int] = []
        notes: list[int] = []
        if scope.emails is not None:
            due = "status = 'sending'"
            if scope.emails == "due":
                due = "status IN ('pending', 'sending') AND {column} <= now()"
            rows = await self.fetch(
                "SELECT id FROM survey.survey_emails WHERE " + due.format(column="send_at")
            )
            emails = [r["id"] for r in rows]
            rows = await self.fetch(
                "SELECT id FROM notifier.notifications WHERE "
                + due.format(column="next_attempt_at")
            )
            notes = [r["id"] for r in rows]
        topics = sorted({t for g in scope.groups for t in self.groups[g]})
        ends = await self.end_offsets(topics) if topics else {}
        return Snapshot(scope, outbox, ends, emails, notes)

    async def caught_up(self, snap: Snapshot) -> bool:
        for schema, last in snap.outbox_max.items():
            rows = await self.fetch(
                f"SELECT count(*) AS n FROM {schema}.outbox WHERE id <= $1 AND sent_at IS NULL",
                last,
            )
            if rows[0]["n"]:
                return False
        if snap.survey_emails:
            rows = await self.fetch(
                "SELECT count(*) AS n FROM survey.survey_emails "
                "WHERE id = ANY($1::bigint[]) AND status IN ('pending', 'sending')",
                snap.survey_emails,
            )
            if rows[0]["n"]:
                return False
        if snap.notifications:
            rows = await self.fetch(
                "SELECT count(*) AS n FROM notifier.notifications "
                "WHERE id = ANY($1::bigint[]) AND status IN ('pending', 'sending')",
                snap.notifications,
            )
            if rows[0]["n"]:
                return False
        for group in snap.scope.groups:
            names = {topic_name(t, self.prefix) for t in self.groups[group]}
            committed = await self.committed(group)
            for tp, end in snap.end_offsets.items():
                if tp.topic in names and committed.get(tp, 0) < end:
                    return False
        return True

    async def close(self) -> None:
        await self.drop_db()
        await self.drop_kafka()


@dataclass
class Injector:
    fleet: Fleet
    kafka: PrivateKafka
    postgres: PrivatePostgres
    smtp: FaultySmtp
    probe: Probe
    prefix: str
    seed: int
    poison_per_batch: int
    # How long kill9_sending waits for a batch larger than the lanes (then for any claim, as
    # long again).
    patience_s: float = 45.0
    t0: float = field(default_factory=time.monotonic)
    poisons: list[Poison] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    # Lifted faults whose recovery is still being watched.
    _watching: list[tuple[Fault, Snapshot | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed * 31 + 5)
        self._kafka_lock = asyncio.Lock()
        self._pg_lock = asyncio.Lock()

    def now(self) -> float:
        return time.monotonic()

    async def run(self, faults: list[Fault], started: float) -> None:
        """Inject each fault at its moment (relative to `started`), without waiting for one
        to end before the next begins."""
        self.t0 = started
        for fault in faults:
            wait = started + fault.at_s - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self.tasks.append(asyncio.create_task(self._execute(fault)))
        await asyncio.gather(*self.tasks, return_exceptions=True)

    async def _execute(self, fault: Fault) -> None:
        try:
            await getattr(self, f"_do_{fault.kind}")(fault)
            if fault.injected is not None:
                # Later than planned when the fault waited (for a claim, for a restart).
                fault.at_s = fault.injected - self.t0
        except Exception as exc:
            log.exception("fault %s on %s failed", fault.kind, fault.target)
            fault.detail += f" FAILED: {exc!r}"
            return
        await self._watch(fault)

    async def _watch(self, fault: Fault) -> None:
        """Time until the backlog of the moment the component was ready again is worked off."""
        snap = None
        scope = self.probe.scope_of(fault)
        while snap is None:
            try:
                snap = await self.probe.snapshot(scope)
            except Exception:
                await asyncio.sleep(1.0)
        while True:
            try:
                if await self.probe.caught_up(snap) and await self.fleet.ready_all():
                    fault.recovered = self.now()
                    return
            except Exception:
                pass
            await asyncio.sleep(1.0)

    def _victim(self, service: str) -> Instance:
        alive = [i for i in self.fleet.instances[service] if i.alive]
        return self.rng.choice(alive or self.fleet.instances[service])

    async def _do_kill9(self, fault: Fault) -> None:
        victim = self._victim(fault.target)
        fault.detail = victim.label
        self.fleet.kill9(victim)
        fault.injected = self.now()
        await asyncio.sleep(fault.duration_s)
        fault.lifted = self.now()
        await self.fleet.start(victim)
        fault.ready = self.now()

    async def _do_kill9_sending(self, fault: Fault) -> None:
        """Wait until the service's worker holds claimed emails, then kill every instance of it
        at once: whichever claimed them dies."""
        table, column = (
            ("survey.survey_emails", "status")
            if fault.target == "survey"
            else ("notifier.notifications", "status")
        )
        # Best a batch larger than the worker's lanes (4): then some claimed emails wait for
        # their turn when the worker dies. Any claim will do after a while.
        started = self.now()
        claimed = 0
        while self.now() < started + 2 * self.patience_s:
            try:
                rows = await self.probe.fetch(
                    f"SELECT count(*) AS n FROM {table} WHERE {column} = 'sending'"
                )
                claimed = rows[0]["n"]
            except Exception:
                claimed = 0
            if claimed > 4 or (claimed and self.now() > started + self.patience_s):
                break
            await asyncio.sleep(0.02)
        victims = [i for i in self.fleet.instances[fault.target] if i.alive]
        for victim in victims:
            self.fleet.kill9(victim)
        fault.injected = self.now()
        fault.detail = (
            f"{'+'.join(v.label for v in victims)} killed holding {claimed} claimed emails"
            if claimed
            else f"{'+'.join(v.label for v in victims)} killed (no claim seen)"
        )
        await asyncio.sleep(fault.duration_s)
        fault.lifted = self.now()
        await asyncio.gather(*(self.fleet.start(v) for v in victims))
        fault.ready = self.now()

    async def _do_kafka_restart(self, fault: Fault) -> None:
        async with self._kafka_lock:  # one restart at a time: never kill a starting broker
            await self._kafka_restart(fault)

    async def _kafka_restart(self, fault: Fault) -> None:
        fault.injected = self.now()
        watch = asyncio.create_task(self._ingest_unready(fault))
        if fault.target == "kafka-kill9":
            await asyncio.to_thread(self.kafka.kill)
            fault.detail = "SIGKILL"
        else:
            await asyncio.to_thread(self.kafka.stop)
            fault.detail = f"controlled shutdown took {self.now() - fault.injected:.1f}s"
        await asyncio.sleep(fault.duration_s)
        fault.lifted = self.now()
        await asyncio.to_thread(self.kafka.start)
        fault.ready = self.now()
        unready = await watch
        fault.detail += f"; ingest /readyz 503 for {unready:.0f}s"

    async def _ingest_unready(self, fault: Fault) -> float:
        """Seconds ingest's readiness probe failed from the injection until the fault was over
        (what an orchestrator would see: it takes unready instances out of the service)."""
        unready = 0.0
        async with httpx.AsyncClient(timeout=1.0) as http:
            while fault.ready is None:
                try:
                    ok = (await http.get(self.fleet.url("ingest") + "/readyz")).status_code == 200
                except httpx.HTTPError:
                    ok = False
                await asyncio.sleep(0.5)
                unready += 0.0 if ok else 0.5
        return unready

    async def _do_pg_restart(self, fault: Fault) -> None:
        async with self._pg_lock:
            await self._pg_restart(fault)

    async def _pg_restart(self, fault: Fault) -> None:
        fault.injected = self.now()
        await asyncio.to_thread(self.postgres.stop, "immediate")
        fault.detail = "immediate shutdown (crash), WAL recovery on start"
        await asyncio.sleep(fault.duration_s)
        fault.lifted = self.now()
        await asyncio.to_thread(self.postgres.start)
        fault.ready = self.now()

    async def _do_smtp_4xx(self, fault: Fault) -> None:
        await self._smtp_mode(fault, "tempfail")

    async def _do_smtp_drop(self, fault: Fault) -> None:
        await self._smtp_mode(fault, "drop")

    async def _smtp_mode(self, fault: Fault, mode: str, min_hits: int = 6) -> None:
        """The server misbehaves for the planned time, longer (up to four times) when too few
        sends came by to notice: a window without traffic would test nothing."""
        before = self.smtp.hits()
        self.smtp.set_mode(mode)
        fault.injected = self.now()
        await asyncio.sleep(fault.duration_s)
        while self.smtp.hits() - before < min_hits:
            if self.now() - fault.injected > 4 * fault.duration_s:
                break
            await asyncio.sleep(0.5)
        self.smtp.set_mode("ok")
        fault.lifted = fault.ready = self.now()
        fault.detail = f"{self.smtp.hits() - before} transactions hit"

    async def _do_scale_out(self, fault: Fault) -> None:
        instance = self.fleet.add(fault.target)
        fault.detail = instance.label
        fault.injected = self.now()
        await self.fleet.start(instance)
        fault.lifted = fault.ready = self.now()

    async def _do_poison(self, fault: Fault) -> None:
        fault.injected = self.now()
        batch = []
        for n in range(self.poison_per_batch):
            poison = Poison(
                f"p-{uuid.uuid4().hex[:10]}",
                POISON_TOPICS[(len(self.poisons) + n) % len(POISON_TOPICS)],
                POISON_KINDS[(len(self.poisons) + n) % len(POISON_KINDS)],
            )
            batch.append(poison)
        deadline = time.monotonic() + 120
        while True:
            try:
                await self._produce(batch)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(1.0)
        self.poisons += batch
        fault.detail = ", ".join(f"{p.kind}->{p.topic}" for p in batch)
        fault.lifted = fault.ready = self.now()

    async def _produce(self, batch: list[Poison]) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.kafka.bootstrap, enable_idempotence=True)
        await producer.start()
        try:
            for poison in batch:
                await producer.send_and_wait(
                    topic_name(poison.topic, self.prefix),
                    value=poison_body(poison),
                    key=f"poison:{poison.poison_id}".encode(),
                    headers=[(POISON_HEADER, poison.poison_id.encode())],
                )
        finally:
            await producer.stop()


def poison_body(poison: Poison) -> bytes:
    if poison.kind == "not-json":
        return b"\x00\xffthis is not an event {"
    if poison.kind == "unknown-type":
        return (
            b'{"event_id": "' + str(uuid.uuid4()).encode() + b'", "type": "order.teleported", '
            b'"shop_id": "nobody", "occurred_at": "2026-01-01T00:00:00Z", "payload": {}}'
        )
    # A known type whose payload fails validation.
    return (
        b'{"event_id": "' + str(uuid.uuid4()).encode() + b'", "type": "review.classified", '
        b'"shop_id": "nobody", "occurred_at": "2026-01-01T00:00:00Z", "version": 1, '
        b'"payload": {"review_id": 42}}'
    )
