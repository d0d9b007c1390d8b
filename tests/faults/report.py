"""The run's figures as text: counts per category, faults with their recovery times, what is
left, what went wrong."""

from typing import Any

from tests.faults.run import RunResult


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [header] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def render(result: RunResult) -> str:
    data = result.to_json()
    f = result.findings
    cfg = data["config"]
    out = [
        f"Fault run {result.run_dir.name}: {cfg['orders']} orders, {cfg['reviews']} reviews, "
        f"{cfg['shops']} shops, seed {cfg['seed']}, load phase {cfg['load_duration_s']:.0f} s",
        "",
        "Effects (sent = arrived/created; unknown = the documented SMTP unknown window):",
    ]
    rows: list[list[Any]] = [
        [name, t.expected, t.sent, t.lost, t.duplicated, t.unknown, t.unexpected]
        for name, t in sorted(f.tallies.items())
    ]
    rows.append(
        [
            "TOTAL",
            sum(r[1] for r in rows),
            sum(r[2] for r in rows),
            f.lost,
            f.duplicated,
            f.unknown,
            f.unexpected,
        ]
    )
    out += _table(
        ["category", "expected", "sent", "lost", "duplicated", "unknown", "unexpected"], rows
    )
    out += ["", "Faults (seconds after injection: lifted, component ready, backlog worked off):"]
    out += _table(
        ["at", "fault", "target", "down", "ready", "recovered", "ok/failed", "detail"],
        [
            [
                x["at_s"],
                x["kind"],
                x["target"],
                x["down_s"],
                x["ready_s"],
                x["recovered_s"],
                "{}/{}".format(*x["deliveries_ok_failed"]),
                x["detail"][:80],
            ]
            for x in sorted(data["faults"], key=lambda x: x["at_s"])
        ],
    )
    out.append(
        "(ok/failed: webhook and review deliveries answered 2xx / attempts refused or failed "
        "between injection and ready)"
    )
    load = data["load"]
    out += [
        "",
        f"Load: {sum(load['requests'].values())} deliveries answered, "
        f"{load['retries']} retries, {load['duplicates']} deliberate duplicates "
        f"({load['duplicates_concurrent']} concurrent), {load['redeliveries_new_id']} "
        f"same-state redeliveries, {load['survey_answers']} survey answers",
        f"Delivery answer times: {load['latency']}; harness CPU {load['harness_cpu_s']} s",
        f"Orders by category: {load['orders_by_category']}",
        f"SMTP sink: {data['sink']}",
        f"Dead letters per topic: {data['dlq']}",
        f"Stuck: {data['stuck']}",
        f"Drained: {data['drained']} {data['outstanding'] or ''}",
        f"Phases (s): {data['phases_s']}",
        f"Load average (1, 5, 15 min): {data['load_average']}",
        f"(kill -9, exits on its own) per instance: {data['service_restarts']}",
    ]
    if load["failures"]:
        out += ["", "Load failures:"] + [f"  {x}" for x in load["failures"][:20]]
    if f.notes:
        out += ["", "Notes:"] + [f"  {x}" for x in f.notes[:30]]
    if f.problems:
        out += ["", f"PROBLEMS ({len(f.problems)}):"] + [f"  {x}" for x in f.problems[:60]]
    out += ["", "RESULT: " + ("clean" if f.clean and result.drained else "NOT CLEAN")]
    return "\n".join(out)
