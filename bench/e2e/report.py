"""Figures of one rate step, the JSON file and the markdown tables of `bench.e2e`."""

import math
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import results
from bench.e2e.stack import ALERT_STAGES, SURVEY_STAGES, SinkRecord
from bench.ingest.report import latency_summary
from bench.tables import NOISY_CORES, fmt, machine_line, table_row

# Issue 6's end-to-end target: p99 <= 1 s from the request to the accepted email.
P99_TARGET_S = 1.0
TARGET_RATE = 100.0
# "[Reviewloop][ALARM][topic-spike] ..." -> the bracketed tags.
_TAGS = re.compile(r"^(\[[^\]]*\])+")


def seconds_summary(values: list[float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in latency_summary(values).items()}


def step_figures(
    flow: str,
    load: dict[str, Any],
    records: list[SinkRecord],
    marker_prefix: str,
    ended_at: float,
    stages: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """Match each accepted email to its item by marker; latency = accept - scheduled send.
    An item whose email never came counts as late as `ended_at` (the end of the drain): the
    percentiles are then lower bounds, flagged as such."""
    items = {f"{marker_prefix}-{int(row[0]):06d}": row for row in load["items"]}
    accepted: dict[str, float] = {}
    duplicates = 0
    others: Counter[str] = Counter()
    for record in records:
        if record.marker in items:
            if record.marker in accepted:
                duplicates += 1
            else:
                accepted[record.marker] = record.at
        else:
            # Alarms (negative share, topic spike), stragglers of an earlier step.
            found = _TAGS.match(record.subject)
            others[found.group(0) if found else record.subject[:60] or "(no subject)"] += 1
    ok_items = [m for m, row in items.items() if all(200 <= c < 300 for c in row[4:])]
    latencies = []
    http_ms = []
    for mark, row in items.items():
        scheduled, answered = row[1], row[3]
        http_ms.append((answered - scheduled) * 1000)
        at = accepted.get(mark)
        latencies.append((at if at is not None else ended_at) - scheduled)
    missing = len(items) - len(accepted)
    started, schedule_end = load["started_at"], load["schedule_ended_at"]
    figures: dict[str, Any] = {
        "planned": load["planned"],
        "sent": len(items),
        "http_ok": len(ok_items),
        "http_failed": len(items) - len(ok_items),
        "statuses": load["statuses"],
        "first_error": load["first_error"],
        "received": len(accepted),
        "missing": missing,
        "duplicates": duplicates,
        "other_emails": dict(others),
        "latency_s": seconds_summary(latencies),
        "latency_lower_bound": missing > 0,
        "http_ms": {k: round(v, 1) for k, v in latency_summary(http_ms).items()},
        "sending_s": round(schedule_end - started, 3) if started else 0.0,
        "sent_per_s": round(len(items) / (schedule_end - started), 1)
        if schedule_end > started
        else 0.0,
        "last_accept_after_schedule_end_s": round(max(accepted.values()) - schedule_end, 3)
        if accepted
        else None,
        "stages": stage_figures(flow, items, accepted, stages),
        "client": {
            k: load[k]
            for k in ("client_cpu_s", "max_dispatch_lag_ms", "connections_opened", "build_s")
        },
    }
    return figures


def stage_figures(
    flow: str,
    items: dict[str, list[float]],
    accepted: dict[str, float],
    stages: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """p50/p99 of each stage over the delivered items whose every timestamp is known, and the
    rate at which items passed each point: the first point passed slower than the offered rate
    is the bottleneck (its queue is where a backlog builds)."""
    spec = ALERT_STAGES if flow == "alert" else SURVEY_STAGES
    durations: dict[str, list[float]] = {name: [] for name, _, _ in spec}
    complete = 0
    points: dict[str, list[float]] = {}
    for mark, row in items.items():
        times = dict(stages.get(mark) or {})
        times["scheduled"] = row[1]
        times["accepted"] = accepted.get(mark)
        for col in dict.fromkeys(c for _, a, b in spec for c in (a, b)):
            if times.get(col) is not None:
                points.setdefault(col, []).append(times[col])
        if mark not in accepted:
            continue
        if any(times.get(col) is None for _, a, b in spec for col in (a, b)):
            continue
        complete += 1
        for name, a, b in spec:
            durations[name].append(times[b] - times[a])
    return {
        "items": complete,
        "by_stage": {
            name: {k: seconds_summary(v)[k] for k in ("p50", "p95", "p99", "max", "mean")}
            for name, v in durations.items()
            if v
        },
        "pass_rate_per_s": {col: _rate(sorted(values)) for col, values in points.items()},
    }


def _rate(times: list[float]) -> float | None:
    """Items per second between the 10th and the 90th percentile passage (no start-up, no
    tail): how fast items got through this point."""
    if len(times) < 20:
        return None
    low, high = len(times) // 10, len(times) * 9 // 10
    span = times[high] - times[low]
    return round((high - low) / span, 1) if span > 0 else None


def held(step: dict[str, Any]) -> bool:
    lat = step.get("latency_s") or {}
    return (
        not step.get("stopped_early")
        and step.get("missing", 1) == 0
        and step.get("http_failed", 1) == 0
        and lat.get("p99", math.inf) <= P99_TARGET_S
    )


def flow_summary(steps: list[dict[str, Any]]) -> dict[str, Any]:
    measured = [s for s in steps if not s.get("skipped")]
    good = [s["rate"] for s in measured if held(s)]
    at_target = next((s for s in measured if s["rate"] == TARGET_RATE), None)
    return {
        "highest_rate_held": max(good) if good else None,
        "rates_held": good,
        "p99_target_s": P99_TARGET_S,
        "target_rate": TARGET_RATE,
        "target_met": held(at_target) if at_target else None,
    }


def _fmt(value: Any, digits: int = 2) -> str:
    # Latencies here are seconds: two decimals unless a column says otherwise.
    return fmt(value, digits)


def markdown(result: dict[str, Any]) -> str:
    lines = [
        table_row(
            [
                "flow",
                "rate/s",
                "sent",
                "received",
                "missing",
                "p50 s",
                "p95 s",
                "p99 s",
                "max s",
                "HTTP p99 ms",
                "held",
                "load before -> after",
            ]
        ),
        "|" + "---|" * 12,
    ]
    for flow in result["flows"]:
        for step in flow["steps"]:
            if step.get("skipped"):
                lines.append(
                    table_row(
                        [flow["flow"], _fmt(step["rate"], 0), f"skipped: {step['skipped']}"]
                        + [""] * 9
                    )
                )
                continue
            lat = step["latency_s"]
            ge = ">=" if step["latency_lower_bound"] else ""
            verdict = "yes" if held(step) else "NO"
            if step.get("stopped_early"):
                verdict += " (stopped early)"
            lines.append(
                table_row(
                    [
                        flow["flow"],
                        _fmt(step["rate"], 0),
                        _fmt(step["sent"]),
                        _fmt(step["received"]),
                        _fmt(step["missing"]),
                        ge + _fmt(lat.get("p50")),
                        ge + _fmt(lat.get("p95")),
                        ge + _fmt(lat.get("p99")),
                        ge + _fmt(lat.get("max")),
                        _fmt(step["http_ms"].get("p99"), 0),
                        verdict,
                        f"{step['load_before']} -> {step['load_after']}",
                    ]
                )
            )
    lines.append("")
    for flow in result["flows"]:
        s = flow["summary"]
        met = s["target_met"]
        lines.append(
            f"- {flow['flow']}: highest rate held with p99 <= {P99_TARGET_S:g} s and nothing "
            f"missing: {_fmt(s['highest_rate_held'], 0)}/s; at {TARGET_RATE:g}/s: "
            + ("not measured" if met is None else ("met" if met else "MISSED"))
        )
    kafka = result.get("kafka_ceiling") or []
    if kafka:
        lines += [
            "",
            table_row(
                ["Kafka ceiling", "bytes", "phase", "sent", "msgs/s", "p50 ms", "p99 ms", "max ms"]
            ),
            "|" + "---|" * 8,
        ]
        for run in kafka:
            for phase in run["phases"]:
                lat = phase["latency_ms"]
                lines.append(
                    table_row(
                        [
                            run["flow"],
                            _fmt(run["message_bytes"]),
                            phase["name"],
                            _fmt(phase["sent"]),
                            _fmt(phase["messages_per_s"], 0),
                            _fmt(lat.get("p50"), 1),
                            _fmt(lat.get("p99"), 1),
                            _fmt(lat.get("max"), 1),
                        ]
                    )
                )
    lines.append("")
    lines.append("Where the time goes (p50 / p99 s per stage, delivered items):")
    for flow in result["flows"]:
        for step in flow["steps"]:
            by_stage = (step.get("stages") or {}).get("by_stage") or {}
            if not by_stage:
                continue
            parts = [f"{name} {v['p50']:.3f}/{v['p99']:.3f}" for name, v in by_stage.items()]
            lines.append(f"- {flow['flow']} @ {step['rate']:g}/s: " + "; ".join(parts))
            busy = ", ".join(
                f"{k} {v['messages']:,} msgs, {v['mean_ms']:.1f} ms each, "
                f"busy {v['busy_share']:.2f}"
                for k, v in (step.get("consumers") or {}).items()
                if v["messages"] >= step["sent"] / 2
            )
            if busy:
                lines.append(f"  consumers (one message at a time): {busy}")
            rates = step["stages"].get("pass_rate_per_s") or {}
            lines.append(
                "  items/s through each point (10th-90th percentile): "
                + ", ".join(f"{col} {_fmt(v, 1)}" for col, v in rates.items())
            )
    lines.append("")
    timing = result["config"]["timing_settings"]
    lines.append(
        "- settings that decide the waits: "
        + "; ".join(
            f"{svc}: " + ", ".join(f"{k}={v}" for k, v in values.items())
            for svc, values in timing.items()
        )
    )
    for flow in result["flows"]:
        for step in flow["steps"]:
            if step.get("other_emails"):
                lines.append(
                    f"- {flow['flow']} @ {step['rate']:g}/s other emails in the sink (no "
                    f"marker of the step): {step['other_emails']}"
                )
    machine = result["machine"]
    lines.append(
        machine_line(machine) + f"; commit {machine['git_commit'][:10]}"
        f"{' (dirty tree)' if machine['git_dirty'] else ''}"
    )
    for flow in result["flows"]:
        for step in flow["steps"]:
            cpu = step.get("cpu")
            if not cpu:
                continue
            per = ", ".join(f"{k} {v:.1f}" for k, v in step["cpu_s"].items())
            lines.append(
                f"- {flow['flow']} @ {step['rate']:g}/s CPU seconds: {per}; PostgreSQL "
                f"{cpu['postgres_cores'] * cpu['window_s']:.1f}, Kafka "
                f"{cpu['kafka_cores'] * cpu['window_s']:.1f} over {cpu['window_s']:.0f} s; "
                f"machine busy {cpu['machine_busy_cores']:.2f} cores, unaccounted "
                f"{cpu['unaccounted_cores']:.2f}"
                + (" (NOISY)" if cpu["unaccounted_cores"] > NOISY_CORES else "")
            )
    for flow in result["flows"]:
        for step in flow["steps"]:
            if step.get("stopped_early"):
                lines.append(f"- {flow['flow']} @ {step['rate']:g}/s: {step['stopped_early']}")
            if step.get("first_error"):
                lines.append(
                    f"- {flow['flow']} @ {step['rate']:g}/s first HTTP error: {step['first_error']}"
                )
    for note in result.get("notes", []):
        lines.append(f"- note: {note}")
    return "\n".join(lines)


def write_json(
    result: dict[str, Any], started: datetime, directory: Path = results.RESULTS_DIR
) -> Path:
    return results.write(result, "e2e", started, directory)
