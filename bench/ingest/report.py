"""Figures from raw per-request results, the JSON file, and the markdown table."""

import math
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import results
from bench.tables import NOISY_CORES, fmt, machine_line, noisy_warning

HALF_LOAD_P99_TARGET_MS = 50.0


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile: always a latency that was actually observed."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def latency_summary(values_ms: list[float]) -> dict[str, float]:
    ordered = sorted(values_ms)
    if not ordered:
        return {}
    return {
        "p50": percentile(ordered, 50),
        "p90": percentile(ordered, 90),
        "p95": percentile(ordered, 95),
        "p99": percentile(ordered, 99),
        "max": ordered[-1],
        "mean": round(sum(ordered) / len(ordered), 3),
    }


def phase_summary(name: str, target: str, raw: dict[str, Any]) -> dict[str, Any]:
    elapsed = raw["elapsed_s"]
    summary: dict[str, Any] = {
        "name": name,
        "target": target,
        "client": raw["client"],
        "mode": raw["mode"],
        "concurrency": raw["concurrency"],
        "target_rate": raw["target_rate"],
        "requests": raw["sent"],
        "ok": raw["ok"],
        "errors": raw["errors"],
        "transport_errors": raw["transport_errors"],
        "statuses": raw["statuses"],
        "first_error": raw["first_error"],
        "stopped_by": raw["stopped_by"],
        "elapsed_s": round(elapsed, 3),
        # Successful answers only: a fast stream of errors is no throughput.
        "req_per_s": round(raw["ok"] / elapsed, 1) if elapsed > 0 else 0.0,
        "events_answered": raw["events"],
        "latency_ms": latency_summary(raw["latencies_ms"]),
        "connections_opened": raw["connections_opened"],
    }
    if raw["mode"] == "open":
        summary["service_ms"] = latency_summary(raw["service_ms"])
        summary["max_dispatch_lag_ms"] = round(raw["max_dispatch_lag_ms"], 3)
    return summary


def markdown(result: dict[str, Any]) -> str:
    header = (
        "| phase | client | mode | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms "
        "| events/s into Kafka | Kafka drain after last answer |"
    )
    lines = [header, "|" + "---|" * 12]
    for phase in result["phases"]:
        lat = phase["latency_ms"]
        kafka = phase.get("kafka") or {}
        mode = phase["mode"]
        if mode == "open":
            mode = f"open @ {phase['target_rate']:,.0f}/s"
        else:
            mode = f"closed x {phase['concurrency']}"
        drain = kafka.get("drain_after_last_answer_s")
        lines.append(
            "| "
            + " | ".join(
                [
                    phase["name"],
                    phase["client"],
                    mode,
                    fmt(phase["requests"]),
                    fmt(phase["errors"]),
                    fmt(phase["req_per_s"]),
                    fmt(lat.get("p50")),
                    fmt(lat.get("p95")),
                    fmt(lat.get("p99")),
                    fmt(lat.get("max")),
                    fmt(kafka.get("events_per_s")),
                    "-" if drain is None else f"{drain * 1000:,.0f} ms",
                ]
            )
            + " |"
        )
    summary = result["summary"]
    lines.append("")
    lines.append(
        f"- ingest / bare, same run: throughput {fmt(summary.get('throughput_ratio'), 3)}, "
        f"p50 latency {fmt(summary.get('p50_ratio'), 1)}x"
    )
    if "durable_ratio" in summary:
        ratio = summary["durable_ratio"]
        verdict = "met" if ratio >= summary["durable_ratio_target"] else "MISSED"
        lines.append(
            f"- ingest / durable ceiling (HMAC, JSON, one INSERT committed), same run: "
            f"throughput {fmt(ratio, 3)}; target >= {summary['durable_ratio_target']} {verdict}"
        )
    per_webhook = summary.get("cpu_ms_per_webhook") or {}
    if per_webhook:
        lines.append(
            "- CPU per answered webhook (server process / with PostgreSQL): "
            + ", ".join(
                f"{name} {fmt(cpu['server'], 3)} / {fmt(cpu['server_and_postgres'], 3)} ms"
                for name, cpu in per_webhook.items()
            )
        )
    half = summary.get("half_load")
    if half:
        verdict = "met" if half["p99_met"] else "MISSED"
        lines.append(
            f"- half load ({fmt(half['rate'], 0)} req/s, open loop): p50 {fmt(half['p50'])} ms, "
            f"p99 {fmt(half['p99'])} ms; target p99 < {HALF_LOAD_P99_TARGET_MS:.0f} ms {verdict} "
            f"(p99 from the actual send, without client-side queueing: "
            f"{fmt(half['service_p99'])} ms)"
        )
    machine = result["machine"]
    lines.append(
        machine_line(machine)
        + f"; uvicorn {machine['uvicorn']['loop']} + {machine['uvicorn']['http']}"
    )
    for phase in result["phases"]:
        cpu = phase["cpu"]
        lines.append(
            f"- {phase['name']}: CPU cores busy: client {fmt(cpu['client_cores'], 2)}, "
            f"server {fmt(cpu['server_cores'], 2)}, PostgreSQL {fmt(cpu['postgres_cores'], 2)}, "
            f"Kafka {fmt(cpu['kafka_cores'], 2)}, unaccounted "
            f"{fmt(cpu['unaccounted_cores'], 2)}; load {phase['load_before']} -> "
            f"{phase['load_after']}"
        )
    lines += noisy_warning(
        [p["name"] for p in result["phases"] if p["cpu"]["unaccounted_cores"] > NOISY_CORES]
    )
    for phase in result["phases"]:
        if phase["errors"]:
            lines.append(f"- {phase['name']}: first error: {phase['first_error']}")
    return "\n".join(lines)


def write_json(
    result: dict[str, Any], started: datetime, directory: Path = results.RESULTS_DIR
) -> Path:
    return results.write(result, "ingest", started, directory)
