"""What every benchmark shares: result files that bench.report finds again, the number format
of the tables, the command line's presets and --env items, and a cleanup that goes on past a
failing step."""

import argparse
import math
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench import results, runner, tables
from bench.infra import Step, run_steps
from bench.ingest.targets import clean_environ
from bench.report import render


def test_a_written_result_is_the_one_the_report_reads(tmp_path: Path) -> None:
    older = datetime(2026, 11, 23, 17, 39, 19, tzinfo=UTC)
    newer = datetime(2026, 11, 24, 2, 56, 17, tzinfo=UTC)
    results.write({"benchmark": "survey", "figure": 1.5}, "survey", older, tmp_path)
    path = results.write({"benchmark": "survey", "figure": 2.5}, "survey", newer, tmp_path)

    assert path.name == "survey-20261124T025617Z.json"
    assert path.read_text().endswith("}\n")
    latest = render.latest_results(tmp_path)
    assert list(latest) == ["survey"]
    assert latest["survey"].path == path and latest["survey"].data["figure"] == 2.5


def test_numbers_in_tables() -> None:
    assert tables.fmt(None) == "-" and tables.fmt(math.nan) == "-"
    assert tables.fmt(1234.567) == "1,234.6" and tables.fmt(1234.567, 0) == "1,235"
    assert tables.fmt(1234567) == "1,234,567"
    assert tables.fmt("p99") == "p99"
    # docs/benchmarks.md writes empty cells as an en dash and booleans as words.
    assert render.fmt(None) == render.DASH and render.fmt(True) == "yes"
    assert render.fmt(0.125, 2) == "0.12"


def test_noise_warning_only_when_a_phase_was_disturbed() -> None:
    assert tables.noisy_warning([]) == []
    (line,) = tables.noisy_warning(["bare", "ingest"])
    assert line.startswith(f"- WARNING: more than {tables.NOISY_CORES} cores")
    assert "during bare, ingest:" in line


def test_presets_fill_only_what_the_command_line_left_open() -> None:
    quick, full = {"requests": 500, "warmup": 50}, {"requests": 5000, "warmup": 300}
    args = argparse.Namespace(quick=True, requests=None, warmup=7)
    runner.apply_preset(args, quick, full)
    assert (args.requests, args.warmup) == (500, 7)
    args = argparse.Namespace(quick=False, requests=None, warmup=None)
    runner.apply_preset(args, quick, full)
    assert (args.requests, args.warmup) == (5000, 300)


def test_env_items_need_a_known_prefix() -> None:
    parser = argparse.ArgumentParser()
    items = ["SURVEY_DISPATCH_BATCH=50", "SURVEY_X=a=b"]
    assert runner.env_overrides(parser, items, ("SURVEY_",), "SURVEY_NAME=value") == {
        "SURVEY_DISPATCH_BATCH": "50",
        "SURVEY_X": "a=b",
    }
    with pytest.raises(SystemExit):
        runner.env_overrides(parser, ["NOTIFIER_X=1"], ("SURVEY_",), "SURVEY_NAME=value")
    with pytest.raises(SystemExit):
        runner.env_overrides(parser, ["SURVEY_X"], ("SURVEY_",), "SURVEY_NAME=value")


async def test_cleanup_goes_on_after_a_failing_step() -> None:
    done: list[str] = []

    async def fails() -> str:
        raise RuntimeError("broker gone")

    async def drops() -> str:
        done.append("database")
        return "database x dropped"

    async def quiet() -> None:
        done.append("sink")

    steps: list[Step] = [("topics", fails), ("database", drops), ("sink", quiet)]
    notes: list[str] = []
    logged: list[str] = []
    await run_steps(steps, notes, logged.append)

    assert done == ["database", "sink"]
    assert notes == ["topics: FAILED RuntimeError('broker gone')", "database: database x dropped"]
    assert logged == ["cleanup: topics failed: RuntimeError('broker gone')"]


def test_a_service_setting_in_the_callers_shell_does_not_reach_a_measured_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # docs/benchmarks.md: settings go through --env, where the result records them.
    monkeypatch.setenv("INGEST_SECOND_PASS_CLASSIFIER", "")
    monkeypatch.setenv("NOTIFIER_DELIVERY_BATCH", "5")
    monkeypatch.setenv("BENCH_UNRELATED", "kept")
    env = clean_environ()
    assert "INGEST_SECOND_PASS_CLASSIFIER" not in env
    assert "NOTIFIER_DELIVERY_BATCH" not in env
    assert env["BENCH_UNRELATED"] == "kept"
