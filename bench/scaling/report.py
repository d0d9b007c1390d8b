"""The scaling result's JSON file and markdown tables."""

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.ingest.report import NOISY_CORES, RESULTS_DIR


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def markdown(result: dict[str, Any]) -> str:
    lines: list[str] = []
    consumers = result.get("consumers") or []
    if consumers:
        lines += [
            f"consumer `{result['config']['consumer']}`, {result['config']['partitions']} "
            f"partitions, {result['config']['orders']:,} orders x 2 events",
            "",
            "| processes | events | handled | seconds | events/s | events/s (handling span) "
            "| lag after | CPU cores: survey / PostgreSQL / Kafka / unaccounted "
            "| load before -> after |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for c in consumers:
            cpu = c["cpu"]
            survey = sum(v for k, v in cpu.items() if k.startswith("survey_"))
            lines.append(
                f"| {c['processes']} | {c['events']:,} | {c['handled']:,} | "
                f"{_fmt(c['all_rows_s'])} | **{_fmt(c['events_per_s'])}** | "
                f"{_fmt(c['events_per_s_handling'])} | {_fmt(c['lag_after'])} | "
                f"{survey:.2f} / {cpu['postgres_cores']:.2f} / {cpu['kafka_cores']:.2f} / "
                f"{cpu['unaccounted_cores']:.2f} | {c['load_before'][0]} -> {c['load_after'][0]} |"
            )
        ratio = result["summary"].get("consumer_ratio")
        if ratio is not None:
            lines.append("")
            lines.append(f"- throughput 2 processes / 1 process: **{ratio:.2f}** (ideal 2.0)")
        noisy = [
            str(c["processes"])
            for c in consumers
            if c["cpu"].get("unaccounted_cores", 0.0) > NOISY_CORES
        ]
        if noisy:
            lines.append(
                f"- WARNING: more than {NOISY_CORES} cores busy outside this run with "
                f"{', '.join(noisy)} process(es): figures are disturbed"
            )
        lines.append("")
    memory = result.get("memory") or []
    if memory:
        lines += [
            "| service | stored rows | tables MiB | seed s | RSS idle MiB | RSS peak MiB "
            "| RSS end MiB | VmHWM MiB | workload s | errors logged |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for m in memory:
            for step in m["steps"]:
                rss = step["rss"]
                lines.append(
                    f"| {m['service']} | {step['rows']:,} | "
                    f"{_fmt(sum(step['table_mib'].values()))} | {_fmt(step['seed_s'])} | "
                    f"{_fmt(step['rss_idle_mib'])} | {_fmt(rss['peak_mib'])} | "
                    f"{_fmt(rss['end_mib'])} | {_fmt(step['hwm_mib'])} | "
                    f"{_fmt(step['workload']['seconds'])} | {step['error_log_lines']} |"
                )
        lines.append("")
    machine = result["machine"]
    lines.append(
        f"- machine: {machine['nproc']} CPUs ({machine['cpu_model']}), load before "
        f"{machine['load_before']}, after {machine['load_after']}; commit "
        f"{machine['git_commit'][:7]}{' (dirty tree)' if machine['git_dirty'] else ''}"
    )
    return "\n".join(lines)


def write_json(result: dict[str, Any], started: datetime, directory: Path = RESULTS_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"scaling-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path
