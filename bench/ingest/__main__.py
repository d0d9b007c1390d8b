"""python -m bench.ingest [--requests N] [--concurrency C] [--duration S] ...

One run, in this order, against processes started here on 127.0.0.1:

1. `bare`: the ceiling app, closed loop;
2. `durable`: the durable ceiling (HMAC, JSON, one INSERT committed), closed loop;
3. `ingest`: the real service, closed loop, then the wait until every event is in Kafka;
4. `ingest-half`: ingest again, open loop at half of the rate step 3 reached.

Then it writes bench/results/ingest-<UTC time>.json, prints a markdown table, and undoes
everything it started: processes, database, topics, and infrastructure it had to start.
"""

import argparse
import asyncio
import json
import secrets
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import runner
from bench.infra import Step, infra_record, run_steps, teardown_steps
from bench.ingest import machine, report
from bench.ingest.client import DONE_LINE, GO_LINE, WARM_LINE, ClientKind, LoadSpec
from bench.ingest.kafka_watch import TopicWatch
from bench.ingest.payloads import (
    EVENTS_PER_ORDER,
    FIXTURE,
    REPO_ROOT,
    WEBHOOK_PATH,
)
from bench.ingest.targets import (
    HOST,
    Infra,
    ServerProcess,
    bare_process,
    create_database,
    create_shop,
    durable_process,
    service_process,
    start_infra,
)
from shared.topics import ORDERS, topic_name

# Generating and signing a few thousand ~9 KB bodies plus the warm-up; generous on purpose.
WARMUP_TIMEOUT_S = 300.0
# After the measured phase: the client writes its result file and exits.
CLIENT_EXIT_GRACE_S = 60.0
# Far order ids, so a bench order can never be mistaken for a fixture's.
FIRST_ORDER_ID = 9_100_000_000_000
# Ingest's throughput against the durable ceiling's in the same run (issue #22).
DURABLE_RATIO_TARGET = 0.7


QUICK = {"requests": 500, "duration": 10.0, "warmup": 50}
FULL = {"requests": 5000, "duration": 30.0, "warmup": 300}


log = runner.logger("ingest")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Signed Shopify webhooks through ingest into Kafka, next to a bare FastAPI endpoint (the
    ceiling) in the same run. See bench/README.md."""
    p = runner.parser("ingest", parse_args.__doc__, "500 requests, 50 warm-up, 10 s per phase")
    p.add_argument("--requests", type=int, help="measured requests per phase (default 5,000)")
    p.add_argument("--concurrency", type=int, default=32, help="keep-alive connections")
    p.add_argument("--duration", type=float, help="max seconds per phase (default 30)")
    p.add_argument("--warmup", type=int, help="uncounted requests per phase (default 300)")
    p.add_argument("--client", choices=["raw", "httpx"], default="raw")
    p.add_argument(
        "--compare-clients",
        action="store_true",
        help="also drive the ceiling with the other client, to show which has more headroom",
    )
    p.add_argument("--half-load", type=float, default=0.5, help="fraction of ingest's max rate")
    p.add_argument("--partitions", type=int, default=ORDERS.partitions, help="per topic")
    p.add_argument("--drain-timeout", type=float, default=120.0, help="max wait for Kafka (s)")
    args = runner.parse(p, argv, (QUICK, FULL))
    if args.requests < 1 or args.concurrency < 1 or args.duration <= 0 or args.warmup < 0:
        p.error("--requests, --concurrency and --duration must be positive, --warmup >= 0")
    if not 0 < args.half_load <= 1:
        p.error("--half-load must be in (0, 1]")
    return args


class Run:
    """State of one benchmark run; `cleanup()` undoes whatever `start()` got to."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.tag = "bench-" + secrets.token_hex(4)
        self.secret = "bench-secret-" + secrets.token_hex(12)
        self.database = "reviewloop_" + self.tag.replace("-", "_")
        self.prefix = self.tag + "."
        self.work_dir = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
        self.next_order_id = FIRST_ORDER_ID
        self.infra: Infra | None = None
        self.database_created = False
        self.ingest: ServerProcess | None = None
        self.bare: ServerProcess | None = None
        self.durable: ServerProcess | None = None
        self.watch: TopicWatch | None = None
        # Messages in the orders topic so far: the next phase's warm-up adds to it.
        self.published = 0
        self.cleanup_notes: list[str] = []

    async def start(self) -> None:
        log("starting PostgreSQL and Kafka (reused when already running)")
        self.infra = await start_infra()
        log(f"creating database {self.database}")
        await create_database(self.infra, self.database)
        self.database_created = True
        self.ingest = service_process(
            "ingest",
            self.infra,
            self.database,
            self.prefix,
            self.work_dir,
            settings={"KAFKA_TOPIC_PARTITIONS": str(self.args.partitions)},
        )
        self.bare = bare_process(self.work_dir)
        self.durable = durable_process(self.work_dir, self.infra, self.database, self.secret)
        for server in (self.ingest, self.bare, self.durable):
            await server.start()
        await self.ingest.wait_ready("/readyz")
        await self.bare.wait_ready("/healthz")
        await self.durable.wait_ready("/healthz")
        await create_shop(self.ingest, self.secret)
        self.watch = TopicWatch(self.infra.bootstrap_servers, topic_name(ORDERS.name, self.prefix))
        await self.watch.start()
        log(f"ingest on :{self.ingest.port}, bare on :{self.bare.port}, topic {self.watch.topic}")

    def spec(self, server: ServerProcess, client: ClientKind, requests: int) -> LoadSpec:
        spec = LoadSpec(
            host=HOST,
            port=server.port,
            path=WEBHOOK_PATH,
            secret=self.secret,
            tag=self.tag,
            first_order_id=self.next_order_id,
            warmup=self.args.warmup,
            requests=requests,
            duration_s=self.args.duration,
            concurrency=self.args.concurrency,
            client=client,
        )
        # Every phase gets fresh order ids: nothing may hit ingest's dedupe path.
        self.next_order_id += spec.warmup + spec.requests
        return spec

    async def phase(
        self, name: str, server: ServerProcess, spec: LoadSpec, kafka: bool
    ) -> dict[str, Any]:
        log(
            f"{name}: {spec.requests} requests, {spec.concurrency} connections, "
            + ("closed loop" if spec.rate is None else f"open loop at {spec.rate:.0f}/s")
            + f", client {spec.client}"
        )
        watch = self.watch if kafka else None
        load_before = machine.loadavg()
        client, out_path = await runner.start_client(
            "bench.ingest.client", spec, self.work_dir, name, "result"
        )
        try:
            assert client.stdin is not None and client.stdout is not None
            warm = await _expect_line(client.stdout, WARM_LINE, WARMUP_TIMEOUT_S)
            warm_events, warm_errors, first_error = warm.split(" ", 2)
            if int(warm_errors):
                raise RuntimeError(f"{name}: warm-up errors, first: {json.loads(first_error)}")
            baseline = 0
            if watch is not None:
                # Let the warm-up reach Kafka first, so the measured window carries only
                # its own events.
                want = self.published + int(warm_events)
                baseline = await watch.wait_count(want, self.args.drain_timeout)
                if baseline < want:
                    raise RuntimeError(f"{name}: warm-up events: {baseline} of {want} in Kafka")
                watch.begin_sampling()
            cpu_before = machine.cpu_times()
            infra_before = machine.infra_cpu_seconds()
            server_cpu_before = server.cpu_seconds()
            window_start = time.monotonic()
            client.stdin.write(f"{GO_LINE}\n".encode())
            await client.stdin.drain()
            await _expect_line(client.stdout, DONE_LINE, spec.duration_s + CLIENT_EXIT_GRACE_S)
            window = time.monotonic() - window_start
            server_cpu = server.cpu_seconds() - server_cpu_before
            infra_cpu = machine.infra_cpu_delta(infra_before, machine.infra_cpu_seconds())
            machine_busy = machine.busy_cores(cpu_before, machine.cpu_times())
            await asyncio.wait_for(client.wait(), CLIENT_EXIT_GRACE_S)
        finally:
            if client.returncode is None:
                client.kill()
                await client.wait()
        raw = json.loads(out_path.read_text())
        summary = report.phase_summary(name, server.name, raw)
        summary["cpu"] = {
            "window_s": round(window, 3),
            "client_s": round(raw["client_cpu_s"], 3),
            "client_cores": round(raw["client_cpu_s"] / window, 2),
            "server_s": round(server_cpu, 3),
            "server_cores": round(server_cpu / window, 2),
            "postgres_cores": round(infra_cpu["postgres"] / window, 2),
            "kafka_cores": round(infra_cpu["kafka"] / window, 2),
            "machine_busy_cores": machine_busy,
        }
        accounted = raw["client_cpu_s"] + server_cpu + sum(infra_cpu.values())
        # Whatever no process of this run used: other work on the machine, i.e. noise.
        summary["cpu"]["unaccounted_cores"] = round(max(0.0, machine_busy - accounted / window), 2)
        if watch is not None:
            summary["kafka"] = await self._kafka_figures(watch, baseline, raw)
            self.published = baseline + summary["kafka"]["events_seen"]
        summary.update(machine.load_span(load_before))
        lat = summary["latency_ms"]
        log(
            f"{name}: {summary['req_per_s']:.0f} req/s, p50 {lat.get('p50')} ms, "
            f"p99 {lat.get('p99')} ms, errors {summary['errors']}"
        )
        return summary

    async def _kafka_figures(
        self, watch: TopicWatch, baseline: int, raw: dict[str, Any]
    ) -> dict[str, Any]:
        expected = baseline + raw["events"]
        reached = await watch.until(expected, self.args.drain_timeout)
        seen = await watch.count()
        figures: dict[str, Any] = {
            "topic": watch.topic,
            "expected_events": raw["events"],
            "events_seen": seen - baseline,
            "all_arrived": reached is not None,
            "sample_interval_s": watch.interval_s,
        }
        if reached is not None:
            from_first_send = reached - raw["first_send_at"]
            figures["first_send_to_last_event_s"] = round(from_first_send, 3)
            figures["drain_after_last_answer_s"] = round(reached - raw["last_answer_at"], 3)
            figures["events_per_s"] = round(raw["events"] / from_first_send, 1)
        else:
            log(f"only {seen - baseline} of {raw['events']} events reached {watch.topic}")
        return figures

    async def cleanup(self) -> None:
        steps: list[Step] = []
        if self.watch is not None:
            steps.append(("kafka watch", self.watch.stop))
        for server in (self.bare, self.durable, self.ingest):
            if server is not None:
                steps.append((f"stop {server.name}", server.stop))
        if self.infra is not None:
            database = self.database if self.database_created else None
            steps += teardown_steps(self.infra, self.prefix, database, self.args.keep_infra)
        await run_steps(steps, self.cleanup_notes, log)


async def _expect_line(stream: asyncio.StreamReader, word: str, limit_s: float) -> str:
    async with asyncio.timeout(limit_s):
        line = (await stream.readline()).decode().strip()
    if not line.startswith(word):
        raise RuntimeError(f"client said {line!r}, expected {word}")
    return line[len(word) :].strip()


async def benchmark(args: argparse.Namespace, started: datetime) -> dict[str, Any]:
    run = Run(args)
    machine_before = machine.loadavg()
    phases: list[dict[str, Any]] = []
    async with runner.cleaned_up(run, log):
        await run.start()
        assert run.ingest is not None and run.bare is not None and run.durable is not None
        client: ClientKind = args.client
        phases.append(
            await run.phase("bare", run.bare, run.spec(run.bare, client, args.requests), False)
        )
        phases.append(
            await run.phase(
                "durable", run.durable, run.spec(run.durable, client, args.requests), False
            )
        )
        if args.compare_clients:
            other: ClientKind = "httpx" if client == "raw" else "raw"
            spec = run.spec(run.bare, other, args.requests)
            phases.append(await run.phase(f"bare-{other}", run.bare, spec, False))
        ingest = await run.phase(
            "ingest", run.ingest, run.spec(run.ingest, client, args.requests), True
        )
        phases.append(ingest)
        rate = ingest["req_per_s"] * args.half_load
        if rate > 0:
            # As many requests as fit into --duration at that rate, capped by --requests.
            count = max(1, min(args.requests, int(rate * args.duration)))
            spec = replace(run.spec(run.ingest, client, count), rate=round(rate, 1))
            phases.append(await run.phase("ingest-half", run.ingest, spec, True))
    return {
        **runner.header("ingest", started),
        "config": {
            "quick": args.quick,
            "requests": args.requests,
            "concurrency": args.concurrency,
            "duration_s": args.duration,
            "warmup": args.warmup,
            "client": args.client,
            "half_load_fraction": args.half_load,
            "topic_partitions": args.partitions,
            "payload": str(FIXTURE.relative_to(REPO_ROOT)),
            "payload_bytes": FIXTURE.stat().st_size,
            "events_per_order": EVENTS_PER_ORDER,
        },
        "machine": machine.record(machine_before),
        "infra": infra_record(run.infra, run.cleanup_notes),
        "phases": phases,
        "summary": _summary(phases),
    }


def _summary(phases: list[dict[str, Any]]) -> dict[str, Any]:
    by_name = {p["name"]: p for p in phases}
    bare, ingest, half = by_name.get("bare"), by_name.get("ingest"), by_name.get("ingest-half")
    durable = by_name.get("durable")
    summary: dict[str, Any] = {}
    if bare and ingest and bare["req_per_s"]:
        summary["throughput_ratio"] = round(ingest["req_per_s"] / bare["req_per_s"], 3)
    if durable and ingest and durable["req_per_s"]:
        # Issue #22: ingest against the least a durable, validating handler does (>= 0.7).
        summary["durable_ratio"] = round(ingest["req_per_s"] / durable["req_per_s"], 3)
        summary["durable_ratio_target"] = DURABLE_RATIO_TARGET
    # CPU per answered webhook: the server process, and with PostgreSQL's share.
    summary["cpu_ms_per_webhook"] = {
        p["name"]: {
            "server": round(p["cpu"]["server_s"] * 1000 / p["ok"], 3),
            "server_and_postgres": round(
                (p["cpu"]["server_s"] + p["cpu"]["postgres_cores"] * p["cpu"]["window_s"])
                * 1000
                / p["ok"],
                3,
            ),
        }
        for p in phases
        if p.get("ok") and p["name"] in ("bare", "durable", "ingest")
    }
    if bare and ingest and bare["latency_ms"] and ingest["latency_ms"]:
        summary["p50_ratio"] = round(ingest["latency_ms"]["p50"] / bare["latency_ms"]["p50"], 1)
    if half and half["latency_ms"]:
        p99 = half["latency_ms"]["p99"]
        summary["half_load"] = {
            "rate": half["target_rate"],
            "achieved_req_per_s": half["req_per_s"],
            "p50": half["latency_ms"]["p50"],
            "p99": p99,
            "p99_target_ms": report.HALF_LOAD_P99_TARGET_MS,
            "p99_met": p99 < report.HALF_LOAD_P99_TARGET_MS,
            "service_p99": half["service_ms"].get("p99"),
        }
    return summary


main = runner.entry(parse_args, benchmark, report)


if __name__ == "__main__":
    sys.exit(main())
