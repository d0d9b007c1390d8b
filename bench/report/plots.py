"""PNG plots of the latest results (matplotlib, Agg backend: no display needed)."""

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

# The backend is chosen before pyplot is imported.
import matplotlib.pyplot as plt

from bench.report.render import Result

DPI = 100
SIZE = (7.0, 4.2)


def _save(fig: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    # No timestamp in the PNG's metadata: regenerating the same result gives the same file.
    fig.savefig(path, dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return path


def _measured(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in flow.get("steps", []) if s.get("latency_s")]


def e2e_latency(result: Result, directory: Path) -> list[Path]:
    """Latency p50/p95/p99 against the offered rate, one panel per flow, the 1 s target line."""
    # Rates above a step that stopped early are skipped (no latency): not plotted.
    flows = [f for f in result.data.get("flows", []) if any(_measured(f))]
    if not flows:
        return []
    fig, axes = plt.subplots(1, len(flows), figsize=SIZE, squeeze=False, sharey=True)
    for ax, flow in zip(axes[0], flows, strict=True):
        steps = sorted(_measured(flow), key=lambda s: s["rate"])
        rates = [s["rate"] for s in steps]
        for key, style in (("p50", "o-"), ("p95", "s--"), ("p99", "^-")):
            ax.plot(rates, [s["latency_s"].get(key) for s in steps], style, label=key)
        target = (flow.get("summary") or {}).get("p99_target_s")
        if target:
            ax.axhline(target, color="grey", linestyle=":", label=f"target p99 {target:g} s")
        ax.set_title(f"{flow['flow']} (run {result.path.stem.split('-', 1)[1]})")
        ax.set_xlabel("offered rate, items/s")
        ax.set_xticks(rates)
        ax.set_yscale("log")
        ax.grid(True, which="both", alpha=0.3)
    axes[0][0].set_ylabel("latency, s (log scale)")
    axes[0][-1].legend(fontsize=8)
    return [_save(fig, directory / "e2e-latency.png")]


def survey_lateness(result: Result, directory: Path) -> list[Path]:
    phases = [p for p in result.data.get("phases", []) if p.get("lateness_s")]
    if not phases:
        return []
    fig, ax = plt.subplots(figsize=SIZE)
    names = [p["name"] for p in phases]
    width = 0.35
    xs = range(len(phases))
    ax.bar(
        [x - width / 2 for x in xs], [p["lateness_s"]["p50"] for p in phases], width, label="p50"
    )
    ax.bar(
        [x + width / 2 for x in xs], [p["lateness_s"]["p99"] for p in phases], width, label="p99"
    )
    ax.set_xticks(list(xs), names)
    ax.set_ylabel("lateness, s")
    ax.set_title(f"survey dispatch lateness ({result.path.name})")
    ax.legend()
    ax.grid(True, axis="y", alpha=0.3)
    return [_save(fig, directory / "survey-lateness.png")]


def responder_p99(result: Result, directory: Path) -> list[Path]:
    phases = result.data.get("phases", [])
    if not phases:
        return []
    kinds = list(phases[0]["figures"]["kinds"])
    fig, ax = plt.subplots(figsize=SIZE)
    width = 0.8 / len(phases)
    for i, phase in enumerate(phases):
        ax.bar(
            [k + (i - (len(phases) - 1) / 2) * width for k in range(len(kinds))],
            [phase["figures"]["kinds"][kind]["p99"] for kind in kinds],
            width,
            label=f"{phase['concurrency']} connection(s)",
        )
    target = (result.data.get("config") or {}).get("p99_target_ms")
    if target:
        ax.axhline(target, color="grey", linestyle=":", label=f"target {target:g} ms")
    ax.set_xticks(range(len(kinds)), kinds, rotation=30, ha="right")
    ax.set_yscale("log")
    ax.set_ylabel("p99, ms (log scale)")
    ax.set_title(f"responder p99 per request kind ({result.path.name})")
    ax.legend(fontsize=8)
    ax.grid(True, axis="y", which="both", alpha=0.3)
    return [_save(fig, directory / "responder-p99.png")]


def scaling(result: Result, directory: Path) -> list[Path]:
    out = []
    consumers = result.data.get("consumers") or []
    if consumers:
        fig, ax = plt.subplots(figsize=SIZE)
        counts = [c["processes"] for c in consumers]
        rates = [c["events_per_s"] for c in consumers]
        ax.plot(counts, rates, "o-", label="measured")
        ax.plot(
            counts, [rates[0] * n / counts[0] for n in counts], ":", color="grey", label="linear"
        )
        ax.set_xticks(counts)
        ax.set_xlabel("survey processes in the consumer group")
        ax.set_ylabel("order events/s")
        ax.set_title(f"consumer scaling ({result.path.name})")
        ax.legend()
        ax.grid(True, alpha=0.3)
        out.append(_save(fig, directory / "scaling-consumers.png"))
    memory = result.data.get("memory") or []
    if memory:
        fig, ax = plt.subplots(figsize=SIZE)
        for m in memory:
            steps = m["steps"]
            ax.plot(
                [s["rows"] for s in steps],
                [s["rss"]["peak_mib"] for s in steps],
                "o-",
                label=m["service"],
            )
        ax.set_xscale("log")
        ax.set_xlabel("stored rows in the service's growing table")
        ax.set_ylabel("RSS peak during the workload, MiB")
        ax.set_title(f"memory by stored rows ({result.path.name})")
        ax.legend()
        ax.grid(True, which="both", alpha=0.3)
        out.append(_save(fig, directory / "scaling-memory.png"))
    return out


PLOTS = {
    "e2e": e2e_latency,
    "survey": survey_lateness,
    "responder": responder_p99,
    "scaling": scaling,
}
