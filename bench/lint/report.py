"""Figures of the lint benchmark: probe latency per kind and phase, the agent's lint calls, the
linter timed in-process; the JSON file, the markdown table."""

from datetime import datetime
from pathlib import Path
from typing import Any

from bench import results
from bench.ingest.report import latency_summary
from bench.tables import NOISY_CORES, fmt, machine_line, noisy_warning, table_row


def summary(statuses: list[int], ms: list[float]) -> dict[str, Any]:
    """Count, non-2xx answers and transport failures (status 0), nearest-rank percentiles of
    the successful requests."""
    ok = [m for s, m in zip(statuses, ms, strict=True) if 200 <= s < 300]
    return {
        "count": len(statuses),
        "errors": len(statuses) - len(ok),
        **{k: round(v, 2) for k, v in latency_summary(ok).items()},
    }


def markdown(result: dict[str, Any]) -> str:
    cfg = result["config"]
    lines = [
        f"lint: p99 of unrelated requests while one agent lints {cfg['chars']:,}-character "
        f"texts at {cfg['lint_rate']}/s (its rate limit: {cfg['rate_limit_per_minute']:.0f}/min, "
        f"burst {cfg['rate_limit_burst']}); probes at {cfg['probe_rate']}/s, "
        f"{cfg['duration_s']} s per phase",
        "",
        table_row(["phase", "probe", "count", "errors", "p50 ms", "p99 ms", "max ms"]),
        table_row(["---"] * 7),
    ]
    for phase in result["phases"]:
        for kind, f in phase["probes"].items():
            lines.append(
                table_row(
                    [
                        phase["name"],
                        kind,
                        fmt(f["count"]),
                        fmt(f["errors"]),
                        fmt(f.get("p50"), 2),
                        fmt(f.get("p99"), 2),
                        fmt(f.get("max"), 2),
                    ]
                )
            )
    lines.append("")
    for phase in result["phases"]:
        lint = phase.get("lint")
        if lint:
            lines.append(
                f"- {phase['name']}: the agent sent {lint['sent']:,} lint calls, "
                f"{lint['answered_200']:,} linted (p50 {fmt(lint['ok'].get('p50'), 2)} ms, p99 "
                f"{fmt(lint['ok'].get('p99'), 2)} ms), {lint['answered_429']:,} refused with 429"
                f", other {lint['other']:,}"
            )
        lines.append(
            f"- {phase['name']}: responder {fmt(phase['cpu'].get('responder_cores'), 2)} cores, "
            f"unaccounted {fmt(phase['cpu'].get('unaccounted_cores'), 2)}, load "
            f"{phase['load_before']} -> {phase['load_after']}"
        )
    timed = result["linter_in_process_ms"]
    lines.append(
        "- the linter alone, in the bench process, median of "
        f"{cfg['in_process_runs']} runs per {cfg['chars']:,}-character text: "
        + ", ".join(f"{name} {fmt(ms, 2)} ms" for name, ms in timed.items())
    )
    lines.append(machine_line(result["machine"]))
    noisy = [p["name"] for p in result["phases"] if p["cpu"]["unaccounted_cores"] > NOISY_CORES]
    lines.extend(noisy_warning(noisy))
    return "\n".join(lines)


def write_json(
    result: dict[str, Any], started: datetime, directory: Path = results.RESULTS_DIR
) -> Path:
    return results.write(result, "lint", started, directory)
