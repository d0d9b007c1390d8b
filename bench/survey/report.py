"""Figures of the survey benchmark: lateness percentiles, the JSON file, the markdown tables."""

from datetime import datetime
from pathlib import Path
from typing import Any

from bench import results
from bench.ingest.report import latency_summary
from bench.tables import NOISY_CORES, fmt, machine_line, noisy_warning, table_row

THROUGHPUT_TARGET = 300.0  # emails/s through the repo's sink, backlog phase
STEADY_P99_TARGET_S = 5.0  # lateness p99 at a steady 50 emails/s


def seconds_summary(values_s: list[float]) -> dict[str, float]:
    """Nearest-rank percentiles (values that were observed), in seconds, 3 decimals."""
    return {k: round(v, 3) for k, v in latency_summary(values_s).items()}


def markdown(result: dict[str, Any]) -> str:
    cfg = result["config"]
    lines = [
        f"survey dispatch: {cfg['pending']:,} pending surveys, {cfg['due']:,} due at once; "
        f"then {cfg['steady_rate']:g} emails/s for {cfg['steady_duration_s']:g} s; dispatch "
        f"settings {cfg['dispatch_settings']}",
        "",
    ]
    if cfg.get("service_env_overrides") or cfg.get("setup_sql"):
        lines.append(
            f"- WHAT-IF run, not the repo as it is: service env {cfg['service_env_overrides']}, "
            f"setup SQL {cfg['setup_sql']}"
        )
    load = result.get("load")
    if load:
        lines.append(
            f"- load: {load['rows']:,} surveys (order + survey + email rows) by COPY in "
            f"{load['seconds']:.1f} s ({load['rows_per_s']:,.0f}/s), ANALYZE {load['analyze_s']} s"
        )
    render = result.get("render")
    if render:
        lines.append(
            f"- rendering one invitation (compose, in the bench process): "
            f"{render['cpu_ms_per_message']:.2f} ms CPU, {render['message_bytes']:,} bytes"
        )
    if load or render:
        lines.append("")
    dispatch = [p for p in result["phases"] if p["kind"] in ("backlog", "steady")]
    if dispatch:
        lines.append(
            table_row(
                [
                    "phase",
                    "sink",
                    "due",
                    "accepted",
                    "not sent",
                    "time s",
                    "emails/s",
                    "lateness p50 s",
                    "p95 s",
                    "p99 s",
                    "max s",
                    "worker RSS start/peak/end MiB",
                ]
            )
        )
        lines.append("|" + "---|" * 12)
        for p in dispatch:
            late = p.get("lateness_s") or {}
            rss = p.get("worker_rss") or {}
            # Emails never accepted count as late as the phase's end: then only lower bounds.
            ge = ">= " if p.get("lateness_lower_bound") else ""
            lines.append(
                table_row(
                    [
                        p["name"],
                        p["sink"],
                        fmt(p["due"]),
                        fmt(p["accepted"]),
                        fmt(p["not_sent"]),
                        fmt(p.get("time_s"), 1),
                        fmt(p.get("emails_per_s")),
                        ge + fmt(late.get("p50"), 2),
                        ge + fmt(late.get("p95"), 2),
                        ge + fmt(late.get("p99"), 2),
                        ge + fmt(late.get("max"), 2),
                        f"{fmt(rss.get('start_mib'))} / {fmt(rss.get('peak_mib'))} / "
                        f"{fmt(rss.get('end_mib'))}",
                    ]
                )
            )
        lines.append("")
    raw = [p for p in result["phases"] if p["kind"] == "raw"]
    if raw:
        lines.append(
            table_row(
                [
                    "ceiling",
                    "sink",
                    "connections",
                    "messages",
                    "errors",
                    "time s",
                    "messages/s",
                    "SMTP p50 ms",
                    "p99 ms",
                ]
            )
        )
        lines.append("|" + "---|" * 9)
        for p in raw:
            lat = p.get("latency_ms") or {}
            lines.append(
                table_row(
                    [
                        p["name"],
                        p["sink"],
                        fmt(p["concurrency"]),
                        fmt(p["accepted"]),
                        fmt(p["errors"]),
                        fmt(p["elapsed_s"], 1),
                        fmt(p["messages_per_s"]),
                        fmt(lat.get("p50"), 2),
                        fmt(lat.get("p99"), 2),
                    ]
                )
            )
        lines.append("")
    lines.extend(_verdicts(result))
    machine = result["machine"]
    lines.append(machine_line(machine))
    for p in dispatch:
        per = p.get("cpu_ms_per_email") or {}
        parts = [f"{k} {fmt(v, 2)}" for k, v in per.items() if k != "machine_busy"]
        line = f"- {p['name']}: CPU ms per email: {', '.join(parts) or '-'}"
        probe = p.get("cooldown_query")
        if probe:
            line += (
                f"; the per-email cooldown query afterwards: {probe['scan']}, "
                f"{fmt(probe['execution_ms'], 1)} ms"
            )
        if p.get("projected_time_s"):
            line += f"; all {p['due']:,} at this rate: ~{p['projected_time_s']:,.0f} s"
        lines.append(line)
    for p in result["phases"]:
        cpu = p.get("cpu") or {}
        parts = [
            f"{k.removesuffix('_cores')} {fmt(v, 2)}"
            for k, v in cpu.items()
            if k.endswith("_cores") and k not in ("machine_busy_cores", "unaccounted_cores")
        ]
        lines.append(
            f"- {p['name']}: CPU cores busy: {', '.join(parts)}, unaccounted "
            f"{fmt(cpu.get('unaccounted_cores'), 2)}; load {p['load_before']} -> "
            f"{p['load_after']}"
        )
    lines += noisy_warning(
        [
            p["name"]
            for p in result["phases"]
            if (p.get("cpu") or {}).get("unaccounted_cores", 0.0) > NOISY_CORES
        ]
    )
    for p in result["phases"]:
        if p.get("first_error"):
            lines.append(f"- {p['name']}: first error: {p['first_error']}")
        if p.get("incomplete"):
            lines.append(f"- {p['name']}: INCOMPLETE: {p['incomplete']}")
    for note in result.get("notes", []):
        lines.append(f"- {note}")
    return "\n".join(lines)


def _verdicts(result: dict[str, Any]) -> list[str]:
    s = result.get("summary") or {}
    lines = []
    thr = s.get("throughput")
    if thr:
        verdict = "met" if thr["met"] else "MISSED"
        lines.append(
            f"- throughput through the repo's sink (maildir): {fmt(thr['emails_per_s'])} "
            f"emails/s; target >= {THROUGHPUT_TARGET:.0f} {verdict}"
            + (
                f"; ceiling of that sink {fmt(thr['ceiling'])} messages/s"
                if thr.get("ceiling")
                else ""
            )
        )
    steady = s.get("steady")
    if steady:
        verdict = "met" if steady["met"] else "MISSED"
        lines.append(
            f"- steady {steady['rate']:g} emails/s: lateness p50 {fmt(steady['p50'], 2)} s, "
            f"p99 {fmt(steady['p99'], 2)} s; target p99 < {STEADY_P99_TARGET_S:.0f} s {verdict}"
        )
    return lines


def write_json(
    result: dict[str, Any], started: datetime, directory: Path = results.RESULTS_DIR
) -> Path:
    return results.write(result, "survey", started, directory)
