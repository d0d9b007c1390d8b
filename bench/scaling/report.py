"""The scaling result's JSON file and markdown tables."""

from datetime import datetime
from pathlib import Path
from typing import Any

from bench import results
from bench.tables import NOISY_CORES, fmt, machine_line


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
                f"{fmt(c['all_rows_s'])} | **{fmt(c['events_per_s'])}** | "
                f"{fmt(c['events_per_s_handling'])} | {fmt(c['lag_after'])} | "
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
                    f"{fmt(sum(step['table_mib'].values()))} | {fmt(step['seed_s'])} | "
                    f"{fmt(step['rss_idle_mib'])} | {fmt(rss['peak_mib'])} | "
                    f"{fmt(rss['end_mib'])} | {fmt(step['hwm_mib'])} | "
                    f"{fmt(step['workload']['seconds'])} | {step['error_log_lines']} |"
                )
        lines.append("")
    machine = result["machine"]
    lines.append(
        machine_line(machine) + f"; commit {machine['git_commit'][:7]}"
        f"{' (dirty tree)' if machine['git_dirty'] else ''}"
    )
    return "\n".join(lines)


def write_json(
    result: dict[str, Any], started: datetime, directory: Path = results.RESULTS_DIR
) -> Path:
    return results.write(result, "scaling", started, directory)
