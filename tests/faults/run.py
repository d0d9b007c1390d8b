"""One fault run: private infrastructure, the four services, shops, load with faults, the
drain, the checks."""

import asyncio
import base64
import contextlib
import importlib
import json
import logging
import os
import random
import secrets
import shutil
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from deploy.local import stack
from services.survey.shops.config import SurveyShopSettings
from shared.db.provision import provision, roles_from_env
from tests.faults.check import Findings, check, summarise_orders
from tests.faults.faults import Fault, FaultConfig, Injector, Probe, plan_faults
from tests.faults.fleet import SERVICES, Fleet, FleetConfig
from tests.faults.infra import PrivateKafka, PrivatePostgres, pick_ports
from tests.faults.load import (
    PLATFORMS,
    SURVEY_SETTINGS,
    LoadConfig,
    LoadGenerator,
    LoadStats,
    Shop,
)
from tests.faults.smtp import FaultySmtp, SinkState
from tests.support.admin import ADMIN, API

log = logging.getLogger(__name__)

RUNS_DIR = stack.REPO_ROOT / ".local" / "faults"
DATABASE = "reviewloop"


@dataclass
class RunConfig:
    orders: int
    reviews: int
    seed: int = 1
    duration_s: float | None = None  # of the load phase; by default from the order count
    shops: int = 6
    faults: FaultConfig = field(default_factory=FaultConfig)
    drain_timeout_s: float = 300.0
    keep: bool = False
    answer_share: float = 0.25

    def load_duration(self) -> float:
        if self.duration_s is not None:
            return self.duration_s
        # About 6 orders a second fit next to the services on a busy 2-core machine.
        return max(45.0, self.orders / 6.0)


@dataclass
class RunResult:
    config: RunConfig
    run_dir: Path
    findings: Findings
    faults: list[Fault]
    stats: LoadStats
    orders_by_category: dict[str, int]
    sink: dict[str, Any]
    phases: dict[str, float]
    load_average: dict[str, list[float]]
    drained: bool
    outstanding: dict[str, int]
    survey_answers: int
    service_restarts: dict[str, tuple[int, int]]
    harness_cpu_s: float

    def to_json(self) -> dict[str, Any]:
        f = self.findings
        return {
            "config": {
                "orders": self.config.orders,
                "reviews": self.config.reviews,
                "seed": self.config.seed,
                "load_duration_s": self.config.load_duration(),
                "shops": self.config.shops,
                "faults": asdict(self.config.faults),
            },
            "totals": {
                "lost": f.lost,
                "duplicated": f.duplicated,
                "unexpected": f.unexpected,
                "unknown_window": f.unknown,
                "stuck": f.stuck_total,
            },
            "tallies": {k: asdict(v) for k, v in f.tallies.items()},
            "stuck": f.stuck,
            "lag": f.lag,
            "dlq": f.dlq,
            "problems": f.problems,
            "notes": f.notes,
            "faults": [
                {
                    "kind": x.kind,
                    "target": x.target,
                    "at_s": round(x.at_s, 1),
                    "detail": x.detail,
                    **x.timings(),
                    # Webhook and review deliveries answered 2xx / attempts failed while the
                    # fault lasted (injection to ready).
                    "deliveries_ok_failed": self.stats.during(x.injected, x.ready),
                }
                for x in self.faults
            ],
            "load": {
                "requests": dict(self.stats.requests),
                "retries": self.stats.retries,
                "duplicates": self.stats.duplicates,
                "duplicates_concurrent": self.stats.duplicates_concurrent,
                "redeliveries_new_id": self.stats.redeliveries_new_id,
                "failures": self.stats.failures[:50],
                "latency": self.stats.latency_percentiles(),
                "harness_cpu_s": self.harness_cpu_s,
                "survey_answers": self.survey_answers,
                "survey_answer_statuses": {str(k): v for k, v in self.stats.answers.items()},
                "orders_by_category": self.orders_by_category,
            },
            "sink": self.sink,
            "phases_s": self.phases,
            "load_average": self.load_average,
            "drained": self.drained,
            "outstanding": self.outstanding,
            "service_restarts": self.service_restarts,
            "survey_states": dict(sorted(f.survey_states.items())),
        }


def consumer_groups() -> dict[str, list[str]]:
    """Consumer group -> topics, from the services' own consumer specs."""
    groups: dict[str, list[str]] = {}
    for name in SERVICES:
        module = importlib.import_module(f"services.{name}.app")
        _, runtime = module.build()
        for spec in runtime.consumer_specs:
            groups[spec.name] = [t.name for t in spec.topics]
    return groups


def _secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


async def setup_shops(fleet: Fleet, run_id: str, count: int) -> list[Shop]:
    shops = []
    settings = SurveyShopSettings.model_validate(SURVEY_SETTINGS)
    async with httpx.AsyncClient(timeout=20) as http:
        for i in range(count):
            platform = PLATFORMS[i % len(PLATFORMS)]
            shop_id = f"{run_id}-{platform[:4]}-{i}"
            shop = Shop(
                shop_id=shop_id,
                platform=platform,
                secret=_secret(),
                settings=settings,
                support_email=f"support-{i}@example.org",
                lead_email=f"lead-{i}@example.org",
                digest_email=f"digest-{i}@example.org",
            )
            r = await http.post(
                fleet.url("ingest") + "/v1/admin/shops",
                headers=ADMIN,
                json={
                    "shop_id": shop_id,
                    "platform": platform,
                    "display_name": f"Shop {i}",
                    "locale": "en",
                    "country": "SI",
                    "timezone": "Europe/Ljubljana",
                    "webhook_secret": shop.secret,
                    # Escalations and alarms go to the registry's recipients (#18): the contact
                    # address stands in for them.
                    "contact_email": shop.support_email,
                },
            )
            r.raise_for_status()
            r = await http.put(
                f"{fleet.url('survey')}/v1/shops/{shop_id}/survey-settings",
                headers=API,
                json=SURVEY_SETTINGS,
            )
            r.raise_for_status()
            notifier = f"{fleet.url('notifier')}/v1/shops/{shop_id}"
            r = await http.put(
                notifier + "/notification-settings",
                headers=API,
                json={"digest_enabled": False},
            )
            r.raise_for_status()
            for name, body in (
                ("support", {"filters": {"negative_or_severe": True}}),
                ("lead", {"filters": {"sentiments": ["negative"], "max_rating": 2}}),
                ("digest", {"mode": "digest", "filters": {"negative_or_severe": True}}),
            ):
                target = {"support": shop.support_email, "lead": shop.lead_email}.get(
                    name, shop.digest_email
                )
                r = await http.post(
                    notifier + "/rules",
                    headers=API,
                    json={"name": name, "channel": "email", "recipients": [target], **body},
                )
                r.raise_for_status()
                shop.rules[name] = r.json()["id"]
            shops.append(shop)
    return shops


async def outstanding(probe: Probe, fleet: Fleet) -> dict[str, int]:
    """Work not done yet; all zero when the system is at rest."""
    result: dict[str, int] = {}
    result["instances not ready"] = 0 if await fleet.ready_all() else 1
    for schema in SERVICES:
        rows = await probe.fetch(f"SELECT count(*) AS n FROM {schema}.outbox WHERE sent_at IS NULL")
        result[f"{schema} outbox"] = rows[0]["n"]
    rows = await probe.fetch("SELECT count(*) AS n FROM ingest.reviews WHERE needs_classification")
    result["reviews to classify"] = rows[0]["n"]
    rows = await probe.fetch(
        "SELECT count(*) AS n FROM ingest.reviews WHERE needs_second_pass AND deleted_at IS NULL"
    )
    result["reviews for the second pass"] = rows[0]["n"]
    rows = await probe.fetch(
        "SELECT count(*) AS n FROM survey.survey_emails "
        "WHERE status IN ('pending', 'sending') AND send_at < now() + interval '1 day'"
    )
    result["survey emails due"] = rows[0]["n"]
    rows = await probe.fetch(
        "SELECT count(*) AS n FROM notifier.notifications WHERE status IN ('pending', 'sending')"
    )
    result["notifications"] = rows[0]["n"]
    for group, lag in (await probe.lag()).items():
        result[f"lag {group}"] = lag
    return result


async def drain(probe: Probe, fleet: Fleet, deadline: float) -> tuple[bool, dict[str, int]]:
    """Wait until nothing is left to do (twice in a row, 3 s apart) or the deadline."""
    last: dict[str, int] = {}
    calm = 0
    while time.monotonic() < deadline:
        try:
            last = await outstanding(probe, fleet)
        except Exception as exc:
            last = {f"unreadable: {type(exc).__name__}": 1}
        calm = calm + 1 if not any(last.values()) else 0
        if calm >= 2:
            return True, last
        await asyncio.sleep(3.0)
    return False, {k: v for k, v in last.items() if v}


async def run(cfg: RunConfig) -> RunResult:
    rng = random.Random(cfg.seed)
    run_id = f"f{cfg.seed}{uuid.uuid4().hex[:5]}"
    run_dir = RUNS_DIR / run_id
    (run_dir / "logs").mkdir(parents=True, exist_ok=True)
    prefix = f"{run_id}."
    phases: dict[str, float] = {}
    cpu_start = time.process_time()
    loadavg = {"start": [round(x, 2) for x in os.getloadavg()]}
    pg_port, kafka_port, controller_port, smtp_port = pick_ports(4, 24000 + rng.randrange(4000))
    postgres = PrivatePostgres(run_dir, pg_port)
    kafka = PrivateKafka(run_dir, kafka_port, controller_port)
    smtp = FaultySmtp(smtp_port, run_dir / "smtp" / "maildir", seed=cfg.seed)
    fleet: Fleet | None = None
    probe: Probe | None = None
    supervisor: asyncio.Task[None] | None = None
    t = time.monotonic()
    try:

        def start_postgres() -> None:
            postgres.init()
            postgres.start()

        def start_kafka() -> None:
            kafka.init()
            kafka.start()

        # All three finish before anything is raised: a half-started server must not outlive
        # the cleanup.
        outcomes = await asyncio.gather(
            asyncio.to_thread(consumer_groups),
            asyncio.to_thread(start_postgres),
            asyncio.to_thread(start_kafka),
            return_exceptions=True,
        )
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
        groups = outcomes[0]
        assert isinstance(groups, dict)
        await provision(postgres.admin_dsn, DATABASE, roles_from_env({}))
        await asyncio.to_thread(stack.create_topics, kafka.bootstrap, prefix, None)
        smtp.start()
        phases["infrastructure"] = round(time.monotonic() - t, 1)

        t = time.monotonic()
        fleet = Fleet(
            FleetConfig(
                pg_port=pg_port,
                database=DATABASE,
                bootstrap=kafka.bootstrap,
                topic_prefix=prefix,
                smtp_port=smtp_port,
                log_dir=run_dir / "logs",
            )
        )
        for name in SERVICES:
            fleet.add(name)
        await asyncio.gather(*(fleet.start(i) for i in fleet.all()))
        supervisor = asyncio.create_task(fleet.supervise())
        probe = Probe(postgres.admin_dsn, DATABASE, kafka.bootstrap, prefix, groups)
        shops = await setup_shops(fleet, run_id, cfg.shops)
        phases["services and shops"] = round(time.monotonic() - t, 1)

        async def email_state(shop_id: str, order_id: str) -> str | None:
            assert probe is not None
            try:
                rows = await probe.fetch(
                    "SELECT CASE WHEN e.status = 'pending' AND e.send_at > now() + interval "
                    "'10 minutes' THEN 'not due in this run' ELSE e.status END AS status "
                    "FROM survey.surveys s JOIN survey.survey_emails e "
                    "ON e.survey_id = s.id WHERE s.shop_id = $1 AND s.order_id = $2 "
                    "AND e.kind = 'invitation'",
                    shop_id,
                    order_id,
                )
            except Exception:
                return None
            return rows[0]["status"] if rows else None

        duration = cfg.load_duration()
        load = LoadGenerator(
            LoadConfig(
                orders=cfg.orders,
                reviews=cfg.reviews,
                duration_s=duration,
                seed=cfg.seed,
                shops=cfg.shops,
                answer_share=cfg.answer_share,
            ),
            shops,
            lambda: fleet.url("ingest") if fleet else "",
            smtp,
            email_state,
        )
        load.plan()
        faults = plan_faults(cfg.faults, duration, cfg.seed)
        injector = Injector(
            fleet,
            kafka,
            postgres,
            smtp,
            probe,
            prefix,
            cfg.seed,
            cfg.faults.poison_per_batch,
            patience_s=min(45.0, 0.25 * duration),
        )
        started = time.monotonic()
        deadline = started + duration + cfg.drain_timeout_s
        load.deadline = deadline
        fault_task = asyncio.create_task(injector.run(faults, started))
        samples: list[float] = []
        sampler = asyncio.create_task(_sample_load(samples))
        await load.run()
        phases["load (orders and reviews sent, actions after emails done)"] = round(
            time.monotonic() - started, 1
        )
        loadavg["end of load"] = [round(x, 2) for x in os.getloadavg()]
        t = time.monotonic()
        drained, rest = await drain(probe, fleet, deadline)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(fault_task), max(deadline - time.monotonic(), 5))
        if not fault_task.done():
            fault_task.cancel()
        # Anything late (a duplicate on its way) would arrive now.
        await asyncio.sleep(5.0)
        phases["drain"] = round(time.monotonic() - t, 1)
        sampler.cancel()
        if samples:
            ordered = sorted(samples)
            loadavg["1-min load every 10 s during load and drain: min, median, max"] = [
                ordered[0],
                ordered[len(ordered) // 2],
                ordered[-1],
            ]
        t = time.monotonic()
        sink_state = smtp.snapshot()
        findings = await check(probe, load, sink_state, injector.poisons)
        phases["checks"] = round(time.monotonic() - t, 1)
        loadavg["end"] = [round(x, 2) for x in os.getloadavg()]
        await load.close()
        return RunResult(
            config=cfg,
            run_dir=run_dir,
            findings=findings,
            faults=faults,
            stats=load.stats,
            orders_by_category=summarise_orders(load),
            sink=_sink_summary(sink_state),
            phases=phases,
            load_average=loadavg,
            drained=drained,
            outstanding=rest,
            survey_answers=sum(1 for o in load.orders if o.answer_status == "answered"),
            service_restarts={i.label: (i.kills, i.crashes) for i in fleet.all()},
            harness_cpu_s=round(time.process_time() - cpu_start, 1),
        )
    finally:
        if supervisor is not None:
            supervisor.cancel()
        if probe is not None:
            await probe.close()
        if fleet is not None:
            await asyncio.to_thread(fleet.stop_all)
        smtp.stop()
        if cfg.keep:
            await asyncio.to_thread(kafka.stop)
            await asyncio.to_thread(postgres.stop)
        else:
            await asyncio.to_thread(kafka.remove)
            await asyncio.to_thread(postgres.remove)
            shutil.rmtree(run_dir / "smtp", ignore_errors=True)


async def _sample_load(samples: list[float]) -> None:
    while True:
        samples.append(round(os.getloadavg()[0], 2))
        await asyncio.sleep(10)


def _sink_summary(state: SinkState) -> dict[str, Any]:
    kinds: dict[str, int] = {}
    for m in state.messages:
        kind = m.message_id[1:].split(".", 1)[0] if m.message_id.startswith("<") else "?"
        kinds[kind] = kinds.get(kind, 0) + 1
    return {
        "accepted": kinds,
        "refused_4xx_by_phase": dict(state.refused),
        "dropped_by_phase": dict(state.dropped),
        "cut_during_data": len(state.data_cut),
        "stored_without_answer": len(state.stored_unanswered),
        "connections": state.connections,
    }


def save(result: RunResult) -> Path:
    path = result.run_dir / "result.json"
    path.write_text(json.dumps(result.to_json(), indent=2, default=str))
    return path
