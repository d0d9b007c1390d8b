"""docs/benchmarks.md's generated parts, from the latest result of each benchmark.

The document is hand-written prose with marked blocks:

    <!-- generated:NAME -->
    ...replaced on every run...
    <!-- /generated:NAME -->

Only the inside of a block is rewritten; everything outside stays as it is. `summary` is the
table of every benchmark's headline figures; `<benchmark>` (ingest, e2e, ...) is that
benchmark's latest-result table and plots. A benchmark with results but no block in the
document gets one appended at the end, under its own heading, so nothing measured is dropped.
"""

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import results, tables
from bench.tables import NOISY_CORES

# An empty table cell, as the hand-written tables of docs/benchmarks.md write it (en dash).
DASH = "\u2013"
BENCHMARKS = ("ingest", "e2e", "survey", "classifier", "responder", "scaling")
TITLES = {
    "ingest": "Ingest: webhooks into Kafka",
    "e2e": "End to end: request to email",
    "survey": "Survey dispatch",
    "classifier": "Classifier",
    "responder": "Responder queries",
    "scaling": "Scaling: consumer processes and memory",
}
BLOCK = re.compile(
    r"(?P<open><!-- generated:(?P<name>[a-z0-9_]+) -->\n)(?P<body>.*?)"
    r"(?P<close><!-- /generated:(?P=name) -->)",
    re.S,
)


@dataclass(frozen=True)
class Result:
    name: str
    path: Path
    data: dict[str, Any]
    # Every run of this benchmark with the same commit and configuration, oldest first, this
    # one included: a verdict from the newest alone would hide a repeat that missed.
    repeats: tuple[dict[str, Any], ...] = ()


def _setup(data: dict[str, Any]) -> tuple[Any, str]:
    commit = (data.get("machine") or {}).get("git_commit")
    return commit, json.dumps(data.get("config"), sort_keys=True)


def latest_results(directory: Path) -> dict[str, Result]:
    """The newest `<name>-<UTC stamp>.json` per benchmark (by the stamp in the file name, which
    is the run's start time), with the runs that repeated it."""
    runs: dict[str, list[tuple[str, Path]]] = {}
    for path in directory.glob("*.json"):
        match = results.FILE_NAME.match(path.name)
        if match:
            runs.setdefault(match["name"], []).append((match["stamp"], path))
    out: dict[str, Result] = {}
    for name in sorted(runs):
        ordered = [json.loads(path.read_text()) for _, path in sorted(runs[name])]
        newest = ordered[-1]
        same = tuple(d for d in ordered if _setup(d) == _setup(newest))
        out[name] = Result(name, max(runs[name])[1], newest, same)
    return out


# -- formatting ---------------------------------------------------------------------------------


def fmt(value: Any, digits: int = 1) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return tables.fmt(value, digits, DASH)


def verdict(met: bool | None) -> str:
    return DASH if met is None else ("met" if met else "**missed**")


def _load(data: dict[str, Any]) -> tuple[Any, Any]:
    machine = data.get("machine") or {}
    before = machine.get("load_before", data.get("loadavg_before"))
    after = machine.get("load_after", data.get("loadavg_after"))
    return before, after


def run_line(result: Result) -> str:
    """Which run a table comes from: file, commit, machine, load; all of it from the JSON."""
    data = result.data
    machine = data.get("machine") or {}
    before, after = _load(data)
    commit = (machine.get("git_commit") or "unknown")[:7]
    dirty = " (uncommitted changes in the tree)" if machine.get("git_dirty") else ""
    quick = " **quick mode**," if (data.get("config") or {}).get("quick") else ""
    load = (
        f"load average {before[0]} before, {after[0]} after"
        if before and after
        else "load not recorded"
    )
    return (
        f"Run `{result.path.name}`,{quick} commit {commit}{dirty}; "
        f"{machine.get('nproc', '?')} CPUs ({machine.get('cpu_model', 'unknown')}); {load}."
    )


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# -- headline figures: (figure, value, target, verdict) per benchmark ------------------------------

Headline = list[tuple[str, str, str, str]]


def headline_ingest(data: dict[str, Any]) -> Headline:
    summary = data.get("summary") or {}
    half = summary.get("half_load") or {}
    ratio = summary.get("throughput_ratio")
    by_name = {p["name"]: p for p in data.get("phases", [])}
    ingest = by_name.get("ingest") or {}
    rows: Headline = [
        ("ingest req/s, closed loop", fmt(ingest.get("req_per_s")), DASH, DASH),
        (
            "ingest / bare FastAPI throughput, same run",
            fmt(ratio, 3),
            "≥ 0.5",
            verdict(None if ratio is None else ratio >= 0.5),
        ),
    ]
    durable = summary.get("durable_ratio")
    if durable is not None:
        target = summary.get("durable_ratio_target", 0.7)
        cpu = (summary.get("cpu_ms_per_webhook") or {}).get("ingest") or {}
        rows += [
            (
                "ingest / durable ceiling (HMAC, JSON, one INSERT), same run",
                fmt(durable, 3),
                f"≥ {target}",
                verdict(durable >= target),
            ),
            ("ingest CPU per webhook, process", f"{fmt(cpu.get('server'), 3)} ms", DASH, DASH),
        ]
    rows.append(
        (
            "p99 at half load",
            f"{fmt(half.get('p99'))} ms" if half else DASH,
            f"< {fmt(half.get('p99_target_ms', 50.0), 0)} ms",
            verdict(half.get("p99_met")),
        )
    )
    return rows


def _alert_p99_at_target(data: dict[str, Any]) -> float | None:
    for flow in data.get("flows", []):
        if flow.get("flow") != "alert":
            continue
        target = (flow.get("summary") or {}).get("target_rate")
        for step in flow.get("steps", []):
            if step.get("rate") == target and step.get("latency_s"):
                p99: float = step["latency_s"]["p99"]
                return p99
    return None


def repeated_verdict(verdict_text: str, repeats: tuple[dict[str, Any], ...], limit: float) -> str:
    """The alert verdict over every run of the same commit and configuration: "met" only when
    each of them met it."""
    p99s = [_alert_p99_at_target(d) for d in repeats]
    if len(p99s) < 2:
        return verdict_text
    missed = sum(p is None or p > limit for p in p99s)
    listed = ", ".join("none" if p is None else fmt(p, 2) for p in p99s)
    runs = f"{len(p99s)} runs of this commit (p99 {listed} s)"
    return f"**missed** in {missed} of {runs}" if missed else f"met in all {runs}"


def headline_e2e(data: dict[str, Any], repeats: tuple[dict[str, Any], ...] = ()) -> Headline:
    out: Headline = []
    for flow in data.get("flows", []):
        summary = flow.get("summary") or {}
        held = summary.get("highest_rate_held")
        # A rate above a step that stopped early is skipped: it has no latency, and missed.
        at_target = next(
            (
                s
                for s in flow.get("steps", [])
                if s.get("rate") == summary.get("target_rate") and s.get("latency_s")
            ),
            None,
        )
        p99 = (at_target or {}).get("latency_s", {}).get("p99")
        out.append(
            (
                f"{flow['flow']}: highest rate with p99 ≤ {fmt(summary.get('p99_target_s'))} s",
                f"{fmt(held, 0)}/s" if held else "none",
                DASH,
                DASH,
            )
        )
        out.append(
            (
                f"{flow['flow']}: p99 at {fmt(summary.get('target_rate'), 0)}/s",
                f"{fmt(p99, 2)} s" if p99 is not None else "not reached",
                f"≤ {fmt(summary.get('p99_target_s'))} s",
                repeated_verdict(
                    verdict(summary.get("target_met") if at_target else False),
                    repeats,
                    summary.get("p99_target_s") or 1.0,
                )
                if flow["flow"] == "alert"
                else DASH,
            )
        )
    return out


def headline_survey(data: dict[str, Any]) -> Headline:
    summary = data.get("summary") or {}
    throughput = summary.get("throughput") or {}
    steady = summary.get("steady") or {}
    return [
        (
            "emails/s, backlog into the Maildir sink",
            fmt(throughput.get("emails_per_s")),
            f"≥ {fmt(throughput.get('target'), 0)}",
            verdict(throughput.get("met")),
        ),
        ("SMTP sink's own intake (ceiling)", fmt(throughput.get("ceiling")), DASH, DASH),
        (
            f"lateness p99 at {fmt(steady.get('rate'), 0)} emails/s",
            f"{fmt(steady.get('p99'), 2)} s" if steady else DASH,
            f"< {fmt(steady.get('target_s'), 0)} s",
            verdict(steady.get("met")),
        ),
    ]


def headline_classifier(data: dict[str, Any]) -> Headline:
    t = data.get("throughput") or {}
    target = data.get("target_reviews_per_s_per_core")
    per_cpu = t.get("reviews_per_cpu_s")
    out: Headline = [
        (
            "reviews per CPU-second, one core",
            fmt(per_cpu, 0),
            f"≥ {fmt(target)}",
            verdict(None if per_cpu is None or target is None else per_cpu >= target),
        ),
        ("reviews/s wall clock (median round)", fmt(t.get("reviews_per_s"), 0), DASH, DASH),
    ]
    for name, q in (data.get("quality") or {}).items():
        out.append(
            (
                f"{name}: accuracy / macro-F1",
                f"{q['accuracy']:.3f} / {q['macro_f1']:.3f}",
                DASH,
                DASH,
            )
        )
    return out


def headline_responder(data: dict[str, Any]) -> Headline:
    target = (data.get("config") or {}).get("p99_target_ms", 100.0)
    out: Headline = []
    for phase in data.get("phases", []):
        overall = phase["figures"]["overall"]
        out.append(
            (
                f"p99, all kinds, {phase['concurrency']} connection(s)",
                f"{fmt(overall.get('p99'))} ms",
                f"< {fmt(target, 0)} ms",
                verdict(overall.get("p99", math.inf) < target),
            )
        )
    return out


def headline_scaling(data: dict[str, Any]) -> Headline:
    summary = data.get("summary") or {}
    out: Headline = []
    for c in data.get("consumers", []):
        out.append(
            (
                f"survey.orders events/s, {c['processes']} process(es)",
                fmt(c["events_per_s"]),
                DASH,
                DASH,
            )
        )
    if summary.get("consumer_ratio") is not None:
        out.append(
            ("2 processes / 1 process", fmt(summary["consumer_ratio"], 2), "(ideal 2.0)", DASH)
        )
    for service, g in (summary.get("memory_growth") or {}).items():
        out.append(
            (
                f"{service} RSS peak, {fmt(g['rows_from'])} -> {fmt(g['rows_to'])} rows",
                f"{fmt(g['peak_mib_from'])} -> {fmt(g['peak_mib_to'])} MiB",
                DASH,
                DASH,
            )
        )
    return out


HEADLINES: dict[str, Callable[[dict[str, Any]], Headline]] = {
    "ingest": headline_ingest,
    "e2e": headline_e2e,
    "survey": headline_survey,
    "classifier": headline_classifier,
    "responder": headline_responder,
    "scaling": headline_scaling,
}


def summary_block(results: dict[str, Result]) -> str:
    rows = []
    for name in BENCHMARKS:
        result = results.get(name)
        if result is None:
            rows.append([TITLES[name], "no result yet", DASH, DASH, DASH, DASH])
            continue
        before, after = _load(result.data)
        load = f"{before[0]} -> {after[0]}" if before and after else DASH
        first = True
        headline = (
            headline_e2e(result.data, result.repeats)
            if name == "e2e"
            else HEADLINES[name](result.data)
        )
        for figure, value, target, met in headline:
            rows.append(
                [
                    TITLES[name] if first else "",
                    figure,
                    value,
                    target,
                    met,
                    f"`{result.path.name}`, load {load}" if first else "",
                ]
            )
            first = False
    return table(["benchmark", "figure", "latest", "target", "verdict", "run"], rows)


# -- per benchmark: the latest run's table ------------------------------------------------------


def detail_ingest(data: dict[str, Any]) -> str:
    rows = []
    for p in data.get("phases", []):
        lat = p.get("latency_ms") or {}
        kafka = p.get("kafka") or {}
        rows.append(
            [
                p["name"],
                fmt(p.get("req_per_s")),
                fmt(lat.get("p50")),
                fmt(lat.get("p95")),
                fmt(lat.get("p99")),
                fmt(kafka.get("events_per_s")),
                fmt(p.get("errors")),
            ]
        )
    header = ["phase", "req/s", "p50 ms", "p95 ms", "p99 ms", "events/s into Kafka", "errors"]
    return table(header, rows)


def detail_e2e(data: dict[str, Any]) -> str:
    rows = []
    for flow in data.get("flows", []):
        for s in flow.get("steps", []):
            if "skipped" in s:
                rows.append([flow["flow"], fmt(s["rate"], 0), f"skipped: {s['skipped']}"])
                rows[-1] += [""] * 7
                continue
            lat = s.get("latency_s") or {}
            bound = "≥ " if s.get("latency_lower_bound") else ""
            rows.append(
                [
                    flow["flow"],
                    fmt(s["rate"], 0),
                    fmt(s.get("sent")),
                    fmt(s.get("received")),
                    fmt(s.get("missing")),
                    bound + fmt(lat.get("p50"), 2),
                    bound + fmt(lat.get("p95"), 2),
                    bound + fmt(lat.get("p99"), 2),
                    "yes" if s.get("stopped_early") else "no",
                    f"{s['load_before'][0]} -> {s['load_after'][0]}"
                    if s.get("load_before")
                    else DASH,
                ]
            )
    header = [
        "flow",
        "rate/s",
        "sent",
        "received",
        "missing",
        "p50 s",
        "p95 s",
        "p99 s",
        "stopped early",
        "load 1-min",
    ]
    out = [table(header, rows)]
    ceilings = data.get("kafka_ceiling") or []
    if ceilings:
        out.append("")
        for c in ceilings:
            flood = [p for p in c.get("phases", []) if p.get("rate") is None]
            best = max((p.get("messages_per_s") or 0 for p in flood), default=None)
            out.append(
                f"- Kafka's own limit for the {c['flow']} flow's messages: {fmt(best, 0)} msgs/s"
            )
    return "\n".join(out)


def detail_survey(data: dict[str, Any]) -> str:
    rows = []
    for p in data.get("phases", []):
        late = p.get("lateness_s") or {}
        rate = p.get("emails_per_s", p.get("messages_per_s"))
        rows.append(
            [
                p["name"],
                fmt(rate),
                fmt(late.get("p50"), 2),
                fmt(late.get("p99"), 2),
                fmt(p.get("not_sent")),
            ]
        )
    config = data.get("config") or {}
    head = (
        f"{fmt(config.get('pending'))} pending, {fmt(config.get('due'))} due at once, "
        f"steady {fmt(config.get('steady_rate'), 0)}/s "
        f"for {fmt(config.get('steady_duration_s'), 0)} s."
    )
    header = ["phase", "emails/s (raw: messages/s)", "lateness p50 s", "lateness p99 s", "not sent"]
    return head + "\n\n" + table(header, rows)


def detail_classifier(data: dict[str, Any]) -> str:
    t = data.get("throughput") or {}
    rows = [
        [
            "mix",
            fmt(t.get("reviews")),
            fmt(t.get("reviews_per_s"), 0),
            fmt(t.get("best_reviews_per_s"), 0),
        ]
    ]
    for name, s in (t.get("per_segment") or {}).items():
        rows.append(
            [name, fmt(s["reviews"]), fmt(s["reviews_per_s"], 0), fmt(s["best_reviews_per_s"], 0)]
        )
    head = (
        f"Model `{data.get('model_version')}`, one process pinned to one core, "
        f"{fmt(t.get('reviews_per_cpu_s'), 0)} reviews per CPU-second on the mix."
    )
    return head + "\n\n" + table(["segment", "reviews", "reviews/s (median)", "best round"], rows)


def detail_responder(data: dict[str, Any]) -> str:
    phases = data.get("phases", [])
    if not phases:
        return "No load phase in this run."
    kinds = list(phases[0]["figures"]["kinds"])
    rows = []
    for kind in [*kinds, "overall"]:
        cells = [f"**{kind}**" if kind == "overall" else kind]
        for p in phases:
            figures = p["figures"]["overall"] if kind == "overall" else p["figures"]["kinds"][kind]
            cells += [fmt(figures.get("p50")), fmt(figures.get("p99"))]
        rows.append(cells)
    header = ["kind"]
    for p in phases:
        header += [f"p50 ms, {p['concurrency']} conn.", f"p99 ms, {p['concurrency']} conn."]
    seed = data.get("seed") or {}
    shops = (data.get("config") or {}).get("shops")
    head = f"{fmt(seed.get('reviews'))} reviews seeded across {fmt(shops)} shops."
    return head + "\n\n" + table(header, rows)


def detail_scaling(data: dict[str, Any]) -> str:
    out = []
    consumers = data.get("consumers") or []
    if consumers:
        config = data.get("config") or {}
        out.append(
            f"Consumer `{config.get('consumer')}`, {config.get('partitions')} partitions, "
            f"{fmt(config.get('orders'))} orders (2 events each) published at once:"
        )
        out.append("")
        rows = [
            [
                fmt(c["processes"]),
                fmt(c["events"]),
                fmt(c["handled"]),
                fmt(c["all_rows_s"]),
                fmt(c["events_per_s"]),
                fmt(c.get("lag_after")),
                fmt(sum(v for k, v in (c.get("cpu") or {}).items() if k.startswith("survey_")), 2),
                fmt((c.get("cpu") or {}).get("postgres_cores"), 2),
                fmt((c.get("cpu") or {}).get("unaccounted_cores"), 2),
            ]
            for c in consumers
        ]
        header = [
            "processes",
            "events",
            "handled",
            "seconds",
            "events/s",
            "lag after",
            "service processes' cores",
            "PostgreSQL cores",
            "unaccounted cores",
        ]
        out.append(table(header, rows))
        ratio = (data.get("summary") or {}).get("consumer_ratio")
        if ratio is not None:
            out += [
                "",
                f"- 2 processes / 1 process: **{ratio:.2f}** (2.0 would be perfect scaling)",
            ]
        for c in consumers:
            other = (c.get("cpu") or {}).get("unaccounted_cores", 0.0)
            if other > NOISY_CORES:
                out.append(
                    f"- {c['processes']} process(es): {other:.2f} cores busy outside the run "
                    "(other work on the machine): disturbed"
                )
    memory = data.get("memory") or []
    if memory:
        out += [
            "",
            "Memory of each service by stored rows (same small workload at every size):",
            "",
        ]
        rows = []
        for m in memory:
            for step in m["steps"]:
                rows.append(
                    [
                        m["service"],
                        fmt(step["rows"]),
                        fmt(sum(step["table_mib"].values())),
                        fmt(step["rss_idle_mib"]),
                        fmt(step["rss"]["peak_mib"]),
                        fmt(step["hwm_mib"]),
                    ]
                )
        header = ["service", "rows", "tables MiB", "RSS idle MiB", "RSS peak MiB", "VmHWM MiB"]
        out.append(table(header, rows))
    return "\n".join(out)


DETAILS: dict[str, Callable[[dict[str, Any]], str]] = {
    "ingest": detail_ingest,
    "e2e": detail_e2e,
    "survey": detail_survey,
    "classifier": detail_classifier,
    "responder": detail_responder,
    "scaling": detail_scaling,
}


def detail_block(result: Result, plots: list[str]) -> str:
    """`plots`: image paths relative to the document."""
    parts = ["Latest result (generated by `python -m bench.report`):", "", run_line(result), ""]
    try:
        parts.append(DETAILS[result.name](result.data))
    except (KeyError, TypeError, IndexError) as exc:
        # A result of an older shape must not stop the rest of the document.
        parts.append(f"(this result could not be tabulated: {exc!r})")
    for plot in plots:
        parts += ["", f"![{Path(plot).stem}]({plot})"]
    return "\n".join(parts)


# -- the document -------------------------------------------------------------------------------


def _names(document: str) -> set[str]:
    return {m["name"] for m in BLOCK.finditer(document)}


def render(document: str, results: dict[str, Result], plots: dict[str, list[str]]) -> str:
    """The document with every generated block rewritten; benchmarks with results and no block
    get a section appended."""
    blocks: dict[str, str] = {"summary": summary_block(results)}
    for name, result in results.items():
        if name in DETAILS:
            blocks[name] = detail_block(result, plots.get(name, []))
    # A block of the document whose benchmark has no result says so instead of going stale.
    missing = "No result in bench/results yet."
    blocks.update({n: missing for n in DETAILS if n not in results and n in _names(document)})

    present = _names(document)

    def replace(match: re.Match[str]) -> str:
        body = blocks.get(match["name"])
        if body is None:
            return match.group(0)
        return f"{match['open']}{body}\n{match['close']}"

    out = BLOCK.sub(replace, document)
    for name in [n for n in blocks if n not in present]:
        heading = "Latest results" if name == "summary" else TITLES.get(name, name)
        out = out.rstrip("\n") + (
            f"\n\n## {heading}\n<!-- generated:{name} -->\n{blocks[name]}\n"
            f"<!-- /generated:{name} -->\n"
        )
    return out
