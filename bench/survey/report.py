"""Figures of the survey benchmark: lateness percentiles, the JSON file, the markdown tables."""

import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.ingest.report import NOISY_CORES, RESULTS_DIR, latency_summary

THROUGHPUT_TARGET = 300.0  # emails/s through the repo's sink, backlog phase
STEADY_P99_TARGET_S = 5.0  # lateness p99 at a steady 50 emails/s


def seconds_summary(values_s: list[float]) -> dict[str, float]:
    """Nearest-rank percentiles (values that were observed), in seconds, 3 decimals."""
    return {k: round(v, 3) for k, v in latency_summary(values_s).items()}


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


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
            _row(
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
                _row(
                    [
                        p["name"],
                        p["sink"],
                        _fmt(p["due"]),
                        _fmt(p["accepted"]),
                        _fmt(p["not_sent"]),
                        _fmt(p.get("time_s"), 1),
                        _fmt(p.get("emails_per_s")),
                        ge + _fmt(late.get("p50"), 2),
                        ge + _fmt(late.get("p95"), 2),
                        ge + _fmt(late.get("p99"), 2),
                        ge + _fmt(late.get("max"), 2),
                        f"{_fmt(rss.get('start_mib'))} / {_fmt(rss.get('peak_mib'))} / "
                        f"{_fmt(rss.get('end_mib'))}",
                    ]
                )
            )
        lines.append("")
    raw = [p for p in result["phases"] if p["kind"] == "raw"]
    if raw:
        lines.append(
            _row(
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
                _row(
                    [
                        p["name"],
                        p["sink"],
                        _fmt(p["concurrency"]),
                        _fmt(p["accepted"]),
                        _fmt(p["errors"]),
                        _fmt(p["elapsed_s"], 1),
                        _fmt(p["messages_per_s"]),
                        _fmt(lat.get("p50"), 2),
                        _fmt(lat.get("p99"), 2),
                    ]
                )
            )
        lines.append("")
    lines.extend(_verdicts(result))
    machine = result["machine"]
    lines.append(
        f"- machine: {machine['nproc']} CPUs ({machine['cpu_model']}), load before "
        f"{machine['load_before']}, after {machine['load_after']}"
    )
    for p in dispatch:
        per = p.get("cpu_ms_per_email") or {}
        parts = [f"{k} {_fmt(v, 2)}" for k, v in per.items() if k != "machine_busy"]
        line = f"- {p['name']}: CPU ms per email: {', '.join(parts) or '-'}"
        probe = p.get("cooldown_query")
        if probe:
            line += (
                f"; the per-email cooldown query afterwards: {probe['scan']}, "
                f"{_fmt(probe['execution_ms'], 1)} ms"
            )
        if p.get("projected_time_s"):
            line += f"; all {p['due']:,} at this rate: ~{p['projected_time_s']:,.0f} s"
        lines.append(line)
    for p in result["phases"]:
        cpu = p.get("cpu") or {}
        parts = [
            f"{k.removesuffix('_cores')} {_fmt(v, 2)}"
            for k, v in cpu.items()
            if k.endswith("_cores") and k not in ("machine_busy_cores", "unaccounted_cores")
        ]
        lines.append(
            f"- {p['name']}: CPU cores busy: {', '.join(parts)}, unaccounted "
            f"{_fmt(cpu.get('unaccounted_cores'), 2)}; load {p['load_before']} -> "
            f"{p['load_after']}"
        )
    noisy = [
        p["name"]
        for p in result["phases"]
        if (p.get("cpu") or {}).get("unaccounted_cores", 0.0) > NOISY_CORES
    ]
    if noisy:
        lines.append(
            f"- WARNING: more than {NOISY_CORES} cores busy outside this run during "
            f"{', '.join(noisy)}: something else competed for the machine, figures are disturbed"
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
            f"- throughput through the repo's sink (maildir): {_fmt(thr['emails_per_s'])} "
            f"emails/s; target >= {THROUGHPUT_TARGET:.0f} {verdict}"
            + (
                f"; ceiling of that sink {_fmt(thr['ceiling'])} messages/s"
                if thr.get("ceiling")
                else ""
            )
        )
    steady = s.get("steady")
    if steady:
        verdict = "met" if steady["met"] else "MISSED"
        lines.append(
            f"- steady {steady['rate']:g} emails/s: lateness p50 {_fmt(steady['p50'], 2)} s, "
            f"p99 {_fmt(steady['p99'], 2)} s; target p99 < {STEADY_P99_TARGET_S:.0f} s {verdict}"
        )
    return lines


def write_json(result: dict[str, Any], started: datetime, directory: Path = RESULTS_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"survey-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path
