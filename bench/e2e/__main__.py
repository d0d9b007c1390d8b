"""python -m bench.e2e [--quick] [--rates 25,50,100,200] [--duration 60] ...

Requests into ingest until the email they cause is accepted by an SMTP sink, through the four
real services (`python -m services.<name>`, default settings unless `--env` says otherwise),
PostgreSQL and Kafka, at sustained open-loop rates. Two flows, each against its own fresh
database and topic prefix:

- `alert`: a negative review, `POST /reviews/generic/{shop}` (Standard Webhooks signed) ->
  stored, classified, `review.classified` -> notifier -> alert email to the shop's support
  address;
- `survey`: an order, `order.created` then `order.updated` with `delivered_at` (the `standard`
  webhook) -> `order.placed`, `order.delivered` -> survey schedules the invitation (shop
  settings: no usage delay, send window always open) -> dispatcher -> invitation email.

Per flow: an uncounted warm-up, then one step per rate (`--duration` seconds each, its own
shop), ascending; a step stops early when its backlog of undelivered emails passes a bound
(count or age), and the rates above a step that stopped early are skipped. Then Kafka's own
ceiling for the flows' event sizes (`bench.e2e.kafka_ceiling`). It writes
bench/results/e2e-<UTC time>.json, prints markdown tables, and undoes everything it started.
"""

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench import runner
from bench.e2e import report
from bench.e2e.kafka_ceiling import CeilingSpec
from bench.e2e.load import DONE_LINE, GO_LINE, READY_LINE, START_LINE, STOP_LINE, LoadSpec
from bench.e2e.stack import (
    SURVEY_SHOP_SETTINGS,
    Sink,
    consumer_figures,
    consumer_totals,
    create_shop,
    new_webhook_secret,
    stage_times,
)
from bench.infra import Step, infra_record, run_steps, teardown_steps
from bench.ingest import machine
from bench.ingest.payloads import REPO_ROOT
from bench.ingest.report import latency_summary
from bench.ingest.targets import (
    HOST,
    SERVICES,
    Infra,
    ServerProcess,
    create_database,
    remove_database,
    service_process,
    start_infra,
)
from bench.survey.targets import CpuWindow
from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.survey.settings import SurveySettings
from shared.settings import ServiceSettings
from shared.topics import CLASSIFIED, ORDERS, topic_name

FLOWS = ("alert", "survey")
QUICK: dict[str, Any] = {
    "rates": "10",
    "duration": 5.0,
    "warmup": 5,
    "drain_timeout": 20.0,
    "kafka_seconds": 2.0,
    "kafka_messages": 2_000,
}
FULL: dict[str, Any] = {
    "rates": "25,50,100,200",
    "duration": 60.0,
    "warmup": 20,
    "drain_timeout": 30.0,
    "kafka_seconds": 10.0,
    "kafka_messages": 20_000,
}
WARMUP_RATE = 10.0
WARMUP_WAIT_S = 90.0
MONITOR_EVERY_S = 0.25
CLIENT_READY_TIMEOUT_S = 300.0
CLIENT_EXIT_GRACE_S = 120.0
SETTLE_QUIET_S = 3.0
SETTLE_MAX_S = 60.0
KAFKA_SAMPLE = 200
KAFKA_PARTITIONS = 6
# Settings that decide how long an event waits between the stages; recorded with the result.
TIMING_SETTINGS: dict[str, tuple[type[ServiceSettings], tuple[str, ...]]] = {
    "ingest": (IngestSettings, ("classify_interval_s", "webhook_batch_max")),
    "notifier": (
        NotifierSettings,
        ("delivery_interval_s", "delivery_batch", "delivery_concurrency", "timer_interval_s"),
    ),
    "survey": (
        SurveySettings,
        ("dispatch_interval_s", "dispatch_batch", "dispatch_concurrency"),
    ),
}


log = runner.logger("e2e")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """End-to-end latency (request into ingest -> email accepted by an SMTP sink) at sustained
    rates, through the four real services. See bench/README.md."""
    p = runner.parser("e2e", parse_args.__doc__, "10/s for 5 s per flow, short ceilings")
    p.add_argument("--rates", help="items per second, comma-separated (default 25,50,100,200)")
    p.add_argument("--duration", type=float, help="seconds per rate step (default 60)")
    p.add_argument("--flows", default="alert,survey", help="alert, survey or both (default)")
    p.add_argument("--warmup", type=int, help=f"uncounted items at {WARMUP_RATE:g}/s per flow")
    p.add_argument("--connections", type=int, default=32, help="HTTP connections of the client")
    p.add_argument(
        "--drain-timeout", type=float, help="seconds to wait for emails after the last send"
    )
    p.add_argument(
        "--max-backlog-s",
        type=float,
        default=10.0,
        help="stop a step when more than this many seconds' worth of items (at the step's rate, "
        "at least --min-backlog) are sent but not yet in the sink",
    )
    p.add_argument("--min-backlog", type=int, default=200)
    p.add_argument(
        "--max-lag",
        type=float,
        default=20.0,
        help="stop a step when fewer emails arrived than items were due this many seconds ago",
    )
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="run the higher rates of a flow even after a step stopped early",
    )
    p.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="SERVICE_X=V",
        help="what-if: a setting for one service process, e.g. NOTIFIER_DELIVERY_INTERVAL_S=0.1 "
        "(repeatable; recorded in the result)",
    )
    p.add_argument("--kafka-seconds", type=float, help="seconds per paced Kafka ceiling phase")
    p.add_argument("--kafka-messages", type=int, help="messages of the Kafka flood phase")
    p.add_argument("--no-kafka", action="store_true", help="skip the Kafka ceiling")
    args = runner.parse(p, argv, (QUICK, FULL))
    try:
        args.rates = [float(r) for r in str(args.rates).split(",") if r.strip()]
    except ValueError:
        p.error("--rates: numbers separated by commas")
    if not args.rates or any(r <= 0 for r in args.rates):
        p.error("--rates must be > 0")
    args.rates = sorted(args.rates)
    args.flows = [f for f in args.flows.split(",") if f]
    if not args.flows or any(f not in FLOWS for f in args.flows):
        p.error("--flows: a comma-separated list of alert, survey")
    if args.duration <= 0:
        p.error("--duration must be > 0")
    args.overrides = runner.env_overrides(
        p,
        args.env,
        tuple(f"{s.upper()}_" for s in SERVICES),
        f"<SERVICE>_NAME=value, service one of {SERVICES}",
    )
    return args


def timing_settings(overrides: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The wait-deciding settings the services run with: defaults unless --env set them."""
    return {
        service: runner.effective_settings(cls, f"{service.upper()}_", names, overrides)
        for service, (cls, names) in TIMING_SETTINGS.items()
    }


class FlowStack:
    """One flow's services, database and topic prefix."""

    def __init__(self, run: "Run", flow: str) -> None:
        self.run = run
        self.flow = flow
        self.database = f"reviewloop_bench_e2e_{run.token}_{flow}"
        self.prefix = f"{run.topic_prefix}{flow}."
        self.log_dir = run.work_dir / flow
        self.log_dir.mkdir()
        self.services: dict[str, ServerProcess] = {}
        self.database_created = False

    async def start(self) -> None:
        infra = self.run.infra
        assert infra is not None and self.run.sink is not None
        log(f"{self.flow}: database {self.database}, topic prefix {self.prefix}")
        await create_database(infra, self.database)
        self.database_created = True
        for name in SERVICES:
            self.services[name] = service_process(
                name,
                infra,
                self.database,
                self.prefix,
                self.log_dir,
                smtp_port=self.run.sink.port,
                overrides=self.run.args.overrides,
            )
        # Ingest first: it creates the topics; then the others side by side.
        await self.services["ingest"].start()
        await self.services["ingest"].wait_ready("/readyz")
        others = [s for n, s in self.services.items() if n != "ingest"]
        for service in others:
            await service.start()
        await asyncio.gather(*(s.wait_ready("/readyz") for s in others))
        pids = ", ".join(f"{n} {s.pid}" for n, s in self.services.items())
        log(f"{self.flow}: services ready ({pids})")

    def check_alive(self) -> None:
        for service in self.services.values():
            if service.returncode is not None:
                raise RuntimeError(
                    f"{service.name} exited with {service.returncode}:\n" + service.log_tail()
                )

    def cpu_seconds(self) -> dict[str, float]:
        out = {}
        for name, service in self.services.items():
            try:
                out[name] = service.cpu_seconds()
            except OSError:
                out[name] = 0.0
        return out

    async def event_bytes(self) -> dict[str, Any] | None:
        """Mean size of the events this flow put on its main topic (value and key)."""
        infra = self.run.infra
        assert infra is not None
        topic = topic_name((CLASSIFIED if self.flow == "alert" else ORDERS).name, self.prefix)
        admin = AIOKafkaAdminClient(bootstrap_servers=infra.bootstrap_servers)
        await admin.start()
        try:
            described = await admin.describe_topics([topic])
        finally:
            await admin.close()
        tps = [
            TopicPartition(topic, p["partition"])
            for d in described
            if d["topic"] == topic
            for p in d["partitions"]
        ]
        if not tps:
            return None
        consumer = AIOKafkaConsumer(bootstrap_servers=infra.bootstrap_servers)
        await consumer.start()
        try:
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            values: list[int] = []
            keys: list[int] = []
            deadline = time.monotonic() + 10.0
            while len(values) < KAFKA_SAMPLE and time.monotonic() < deadline:
                batch = await consumer.getmany(timeout_ms=500, max_records=KAFKA_SAMPLE)
                for records in batch.values():
                    for record in records:
                        values.append(len(record.value or b""))
                        keys.append(len(record.key or b""))
        finally:
            await consumer.stop()
        if not values:
            return None
        return {
            "topic": topic.removeprefix(self.prefix),
            "sampled": len(values),
            "mean_value_bytes": round(sum(values) / len(values)),
            "mean_key_bytes": round(sum(keys) / len(keys)),
        }

    async def stop(self) -> list[str]:
        notes = []
        for name, service in self.services.items():
            try:
                await service.stop()
                code = service.returncode
                notes.append(f"{self.flow}/{name}: exit code {code}")
            except Exception as exc:
                notes.append(f"{self.flow}/{name}: stop FAILED {exc!r}")
        infra = self.run.infra
        if infra is not None and self.database_created:
            try:
                await remove_database(infra, self.database)
                notes.append(f"{self.flow}: database {self.database} dropped")
            except Exception as exc:
                notes.append(f"{self.flow}: dropping {self.database} FAILED {exc!r}")
        return notes


class Run:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.token = secrets.token_hex(3)
        self.topic_prefix = f"bench-e2e-{self.token}-"
        self.work_dir = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
        self.infra: Infra | None = None
        self.sink: Sink | None = None
        self.cleanup_notes: list[str] = []
        self.notes: list[str] = []

    async def start(self) -> None:
        log("starting PostgreSQL and Kafka (reused when already running)")
        self.infra = await start_infra()
        self.sink = Sink(self.work_dir / "sink.log")
        await self.sink.start()
        log(f"SMTP sink on :{self.sink.port} (pid {self.sink.pid})")

    # -- one flow ------------------------------------------------------------------------------

    async def flow(self, flow: str) -> dict[str, Any]:
        stack = FlowStack(self, flow)
        steps: list[dict[str, Any]] = []
        result: dict[str, Any] = {"flow": flow, "steps": steps}
        try:
            await stack.start()
            shops = {}
            for index in range(len(self.args.rates) + 1):
                shop_id = f"e2e-{self.token}-{flow[0]}{index}"
                secret = new_webhook_secret()
                support = f"support-{shop_id}@example.com"
                await create_shop(stack.services, shop_id, secret, flow, support)
                shops[index] = (shop_id, secret)
            if self.args.warmup:
                warm = await self.step(stack, 0, WARMUP_RATE, shops[0], warmup=True)
                result["warmup"] = {
                    k: warm.get(k) for k in ("sent", "received", "missing", "latency_s")
                }
            stopped_at: float | None = None
            for index, rate in enumerate(self.args.rates, start=1):
                if stopped_at is not None and not self.args.keep_going:
                    steps.append(
                        {"rate": rate, "skipped": f"{stopped_at:g}/s stopped early already"}
                    )
                    continue
                step = await self.step(stack, index, rate, shops[index])
                steps.append(step)
                if step.get("stopped_early"):
                    stopped_at = rate
            result["event_size"] = await stack.event_bytes()
        finally:
            self.cleanup_notes += await stack.stop()
        result["summary"] = report.flow_summary(steps)
        return result

    async def step(
        self,
        stack: FlowStack,
        index: int,
        rate: float,
        shop: tuple[str, str],
        warmup: bool = False,
    ) -> dict[str, Any]:
        assert self.sink is not None and self.infra is not None
        args = self.args
        flow = stack.flow
        shop_id, secret = shop
        name = f"{flow}-warmup" if warmup else f"{flow}-{rate:g}"
        marker_prefix = f"e2e-{self.token}-{flow[0]}{index}"
        duration = args.warmup / rate if warmup else args.duration
        spec = LoadSpec(
            flow=flow,  # type: ignore[arg-type]
            host=HOST,
            port=stack.services["ingest"].port,
            shop_id=shop_id,
            secret=secret,
            marker_prefix=marker_prefix,
            rate=rate,
            duration_s=duration,
            connections=args.connections,
        )
        await self.sink.clear()
        proc, out_path = await runner.start_client(
            "bench.e2e.load", spec, self.work_dir, name, "load"
        )
        assert proc.stdin is not None and proc.stdout is not None
        stopped_early: str | None = None
        try:
            async with asyncio.timeout(CLIENT_READY_TIMEOUT_S):
                ready = (await proc.stdout.readline()).decode().split()
            if not ready or ready[0] != READY_LINE:
                raise RuntimeError(f"{name}: load client said {ready!r}")
            planned = int(ready[1])
            log(f"{name}: {planned:,} items at {rate:g}/s for {duration:g} s (shop {shop_id})")
            load_before = machine.loadavg()
            cpu_before = stack.cpu_seconds()
            sink_cpu_before = machine.process_cpu_seconds(self.sink.pid)
            pids = {n: s.pid for n, s in stack.services.items()}
            window = CpuWindow({**pids, "sink": self.sink.pid, "bench": os.getpid()})
            consumers_before = await consumer_totals(stack.services)
            proc.stdin.write(f"{GO_LINE}\n".encode())
            await proc.stdin.drain()
            start_line = (await proc.stdout.readline()).decode().split()
            if not start_line or start_line[0] != START_LINE:
                raise RuntimeError(f"{name}: load client said {start_line!r}")
            started_wall = float(start_line[1])
            done = asyncio.create_task(proc.stdout.readline())
            max_backlog = max(args.min_backlog, int(rate * args.max_backlog_s))
            while not done.done():
                await asyncio.wait({done}, timeout=MONITOR_EVERY_S)
                stack.check_alive()
                if stopped_early or warmup:
                    continue
                elapsed = time.time() - started_wall
                due = min(planned, int(elapsed * rate) + 1)
                received = await self.sink.count()
                due_long_ago = min(planned, int((elapsed - args.max_lag) * rate))
                reason = None
                if due - received > max_backlog:
                    reason = (
                        f"backlog bound: {due - received:,} items sent but not in the sink "
                        f"(bound {max_backlog:,}) after {elapsed:.1f} s"
                    )
                elif received < due_long_ago:
                    reason = (
                        f"lag bound: only {received:,} emails {elapsed:.1f} s in, "
                        f"{due_long_ago:,} items were sent more than {args.max_lag:g} s ago"
                    )
                if reason:
                    stopped_early = reason
                    log(f"{name}: stopping early: {reason}")
                    proc.stdin.write(f"{STOP_LINE}\n".encode())
                    await proc.stdin.drain()
            if (await done).decode().strip() != DONE_LINE:
                raise RuntimeError(f"{name}: load client ended without its result")
            async with asyncio.timeout(CLIENT_EXIT_GRACE_S):
                await proc.wait()
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
        load = json.loads(out_path.read_text())
        ok = sum(1 for row in load["items"] if all(200 <= c < 300 for c in row[4:]))
        # Drain: until every item answered 2xx has its email, bounded.
        drain_limit = WARMUP_WAIT_S if warmup else args.drain_timeout
        deadline = time.monotonic() + drain_limit
        matched = 0
        while time.monotonic() < deadline:
            stack.check_alive()
            matched = await self.sink.matched(marker_prefix)
            if matched >= ok:
                break
            await asyncio.sleep(0.25)
        ended = time.time()
        cpu = await window.stop({"client": load["client_cpu_s"]})
        consumers = consumer_figures(
            consumers_before, await consumer_totals(stack.services), cpu["window_s"]
        )
        cpu_after = stack.cpu_seconds()
        cpu_s = {n: round(cpu_after[n] - cpu_before[n], 2) for n in cpu_after}
        cpu_s["sink"] = round(machine.process_cpu_seconds(self.sink.pid) - sink_cpu_before, 2)
        cpu_s["client"] = load["client_cpu_s"]
        loads = machine.load_span(load_before)
        records = await self.sink.dump(self.work_dir / f"{name}.sink.tsv")
        stages = await stage_times(self.infra.admin_dsn, stack.database, flow, shop_id)
        figures = report.step_figures(flow, load, records, marker_prefix, ended, stages)
        step = {
            "rate": rate,
            "duration_s": duration,
            "shop_id": shop_id,
            **figures,
            "stopped_early": stopped_early,
            "max_backlog": max_backlog if not warmup else None,
            "drain_timed_out": matched < ok,
            "consumers": consumers,
            "cpu_s": cpu_s,
            "cpu": cpu,
            **loads,
        }
        lat = step["latency_s"]
        log(
            f"{name}: sent {step['sent']:,}, received {step['received']:,}, missing "
            f"{step['missing']:,}; p50 {lat.get('p50')} s, p99 {lat.get('p99')} s, max "
            f"{lat.get('max')} s; load {load_before} -> {loads['load_after']}"
        )
        if step["missing"]:
            await self.settle(name)
        return step

    async def settle(self, name: str) -> None:
        """After a step with missing emails, let the pipeline finish what is in flight (the
        sink goes quiet), bounded, so the next step starts from an idle system."""
        assert self.sink is not None
        deadline = time.monotonic() + SETTLE_MAX_S
        last = await self.sink.count()
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            count = await self.sink.count()
            if count != last:
                last, quiet_since = count, time.monotonic()
            elif time.monotonic() - quiet_since >= SETTLE_QUIET_S:
                break
        log(f"{name}: settled ({last:,} emails in the sink since the step began)")

    # -- Kafka's own ceiling -------------------------------------------------------------------

    async def kafka_ceiling(self, flow: str, size: dict[str, Any]) -> dict[str, Any]:
        assert self.infra is not None
        args = self.args
        topic = f"{self.topic_prefix}kafka-{flow}"
        admin = AIOKafkaAdminClient(bootstrap_servers=self.infra.bootstrap_servers)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(topic, KAFKA_PARTITIONS, 1)])
        finally:
            await admin.close()
        spec = CeilingSpec(
            bootstrap_servers=self.infra.bootstrap_servers,
            topic=topic,
            group=f"{topic}.consumer",
            message_bytes=size["mean_value_bytes"],
            key_bytes=size["mean_key_bytes"],
            rates=args.rates,
            seconds=args.kafka_seconds,
            messages=args.kafka_messages,
        )
        name = f"kafka-{flow}"
        spec_path = self.work_dir / f"{name}.spec.json"
        spec_path.write_text(json.dumps(asdict(spec)))
        consumed_path = self.work_dir / f"{name}.consumed.json"
        produced_path = self.work_dir / f"{name}.produced.json"
        log(f"{name}: raw producer -> consumer, {spec.message_bytes} byte messages")
        load_before = machine.loadavg()
        consumer = await _spawn("consume", spec_path, consumed_path, self.work_dir / name)
        producer: asyncio.subprocess.Process | None = None
        try:
            assert consumer.stdout is not None and consumer.stdin is not None
            async with asyncio.timeout(60.0):
                line = (await consumer.stdout.readline()).decode().strip()
            if line != "READY":
                raise RuntimeError(f"{name}: consumer said {line!r}")
            producer = await _spawn("produce", spec_path, produced_path, self.work_dir / name)
            window = CpuWindow({"consumer": consumer.pid, "producer": producer.pid})
            budget = sum(args.kafka_seconds for _ in args.rates) + 300.0
            async with asyncio.timeout(budget):
                await producer.wait()
            if producer.returncode != 0:
                raise RuntimeError(f"{name}: producer exited with {producer.returncode}")
            produced = json.loads(produced_path.read_text())
            total = sum(p["sent"] for p in produced["phases"])
            consumer.stdin.write(f"EXPECT {total}\n".encode())
            await consumer.stdin.drain()
            async with asyncio.timeout(120.0):
                await consumer.wait()
            cpu = await window.stop()
        finally:
            for proc in (producer, consumer):
                if proc is not None and proc.returncode is None:
                    proc.kill()
                    await proc.wait()
        consumed = json.loads(consumed_path.read_text())
        phases = []
        for phase in produced["phases"]:
            pairs = consumed["received"].get(phase["name"], [])
            lat = [(recv - sent) * 1000 for sent, recv in pairs]
            last = max((recv for _, recv in pairs), default=phase["began"])
            span = last - phase["began"]
            phases.append(
                {
                    "name": phase["name"],
                    "rate": phase["rate"],
                    "sent": phase["sent"],
                    "received": len(pairs),
                    "messages_per_s": round(len(pairs) / span, 1) if span > 0 else None,
                    "latency_ms": {k: round(v, 2) for k, v in latency_summary(lat).items()},
                }
            )
        flood = phases[-1]
        log(
            f"{name}: flood {flood['messages_per_s']} msgs/s, p99 "
            f"{flood['latency_ms'].get('p99')} ms"
        )
        return {
            "flow": flow,
            "message_bytes": spec.message_bytes,
            "key_bytes": spec.key_bytes,
            "event_size": size,
            "partitions": KAFKA_PARTITIONS,
            "phases": phases,
            "producer_cpu_s": produced["cpu_s"],
            "consumer_cpu_s": consumed["cpu_s"],
            "cpu": cpu,
            **machine.load_span(load_before),
        }

    # -- teardown ------------------------------------------------------------------------------

    async def cleanup(self) -> None:
        steps: list[Step] = []
        if self.sink is not None:
            steps.append(("sink", self.sink.stop))
        if self.infra is not None:
            # Each flow drops its own database (FlowStack.stop).
            steps += teardown_steps(self.infra, self.topic_prefix, None, self.args.keep_infra)
        await run_steps(steps, self.cleanup_notes, log)


async def _spawn(role: str, spec: Path, out: Path, log_base: Path) -> asyncio.subprocess.Process:
    log_path = Path(f"{log_base}.{role}.log")
    with log_path.open("ab") as log_file:  # noqa: ASYNC230 (opening a log file)
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.e2e.kafka_ceiling",
            role,
            str(spec),
            str(out),
            cwd=REPO_ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=log_file,
        )


async def benchmark(args: argparse.Namespace, started: datetime) -> dict[str, Any]:
    run = Run(args)
    machine_before = machine.loadavg()
    flows: list[dict[str, Any]] = []
    ceilings: list[dict[str, Any]] = []
    ok = False
    try:
        await run.start()
        for flow in args.flows:
            flows.append(await run.flow(flow))
        if not args.no_kafka:
            for flow in flows:
                if flow.get("event_size"):
                    ceilings.append(await run.kafka_ceiling(flow["flow"], flow["event_size"]))
        ok = True
    finally:
        with contextlib.suppress(Exception):
            await run.cleanup()
        runner.finish_work_dir(run.work_dir, ok, log)
    if args.overrides:
        run.notes.append(f"what-if run: service settings changed: {args.overrides}")
    return {
        **runner.header("e2e", started),
        "config": {
            "quick": args.quick,
            "flows": args.flows,
            "rates": args.rates,
            "duration_s": args.duration,
            "warmup_items": args.warmup,
            "warmup_rate": WARMUP_RATE,
            "connections": args.connections,
            "drain_timeout_s": args.drain_timeout,
            "max_backlog_s": args.max_backlog_s,
            "min_backlog": args.min_backlog,
            "max_lag_s": args.max_lag,
            "keep_going": args.keep_going,
            "service_env_overrides": args.overrides,
            "timing_settings": timing_settings(args.overrides),
            "survey_shop_settings": SURVEY_SHOP_SETTINGS,
            "notifier_shop_settings": {"digest_enabled": False},
            "registry_contact_email": "support-<shop>@example.com",
            "kafka_seconds": args.kafka_seconds,
            "kafka_messages": args.kafka_messages,
        },
        "machine": machine.record(machine_before),
        "infra": infra_record(run.infra, run.cleanup_notes),
        "flows": flows,
        "kafka_ceiling": ceilings,
        "notes": run.notes,
    }


main = runner.entry(parse_args, benchmark, report)


if __name__ == "__main__":
    sys.exit(main())
