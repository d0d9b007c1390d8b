"""python -m bench.report [--results bench/results] [--doc docs/benchmarks.md] [--plots DIR]

Regenerates the marked blocks of docs/benchmarks.md (see bench/report/render.py) from the
latest JSON result of each benchmark, and the PNG plots next to it in docs/benchmarks/. The
hand-written prose outside the blocks is kept as it is.
"""

import argparse
import os
import sys
from pathlib import Path

from bench.report.plots import PLOTS
from bench.report.render import latest_results, render

REPO_ROOT = Path(__file__).resolve().parents[2]


def generate(results_dir: Path, doc: Path, plots_dir: Path) -> list[Path]:
    """Returns the files written (the document first)."""
    results = latest_results(results_dir)
    written: list[Path] = []
    relative: dict[str, list[str]] = {}
    for name, result in results.items():
        plot = PLOTS.get(name)
        if plot is None:
            continue
        paths = plot(result, plots_dir)
        written += paths
        relative[name] = [Path(os.path.relpath(p, doc.parent)).as_posix() for p in paths]
    text = doc.read_text() if doc.exists() else "# Benchmarks\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(render(text, results, relative))
    return [doc, *written]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__.split("\n\n")[1])
    p.add_argument("--results", type=Path, default=REPO_ROOT / "bench" / "results")
    p.add_argument("--doc", type=Path, default=REPO_ROOT / "docs" / "benchmarks.md")
    p.add_argument("--plots", type=Path, help="default: docs/benchmarks/ next to --doc")
    # bench/all passes its arguments to every benchmark: ignore the benchmarks' options.
    args, _ = p.parse_known_args(argv)
    plots_dir = args.plots or args.doc.parent / "benchmarks"
    for path in generate(args.results, args.doc, plots_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
