"""The `reviewloop` command without servers: --help everywhere, argument rules, output
helpers, and the console-script entry point."""

import argparse
import io
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator

import pytest

from deploy.local.stack import REPO_ROOT
from services.cli import dlq
from services.cli.common import CliError, Progress, age, fields, table
from services.cli.main import build_parser, main


def command_paths(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from command_paths(sub, (*path, name))


PATHS = list(command_paths(build_parser()))


def test_every_command_is_reachable() -> None:
    expected = {
        ("migrate",),
        ("shops", "create"),
        ("shops", "rotate-secret"),
        ("shops", "list"),
        ("users", "create"),
        ("users", "list"),
        ("keys", "create"),
        ("dlq", "replay"),
        ("redact-customer",),
        ("reconcile",),
        ("status",),
    }
    assert expected <= set(PATHS)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "reviewloop")
def test_help_on_every_command(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*path, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: reviewloop" + "".join(f" {p}" for p in path))


def test_python_dash_m_and_the_console_script_point_at_the_same_main() -> None:
    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["reviewloop"] == "services.cli.main:main"
    done = subprocess.run(
        [sys.executable, "-m", "services.cli", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("usage: reviewloop")


def test_usage_errors_exit_2_and_say_why(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["dlq", "replay"])
    assert exit_.value.code == 2
    assert "the following arguments are required: --topic" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["dlq", "replay", "--topic", "reviewloop.orders", "--dry-run", "--execute"])
    assert "not allowed with argument" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["dlq", "replay", "--topic", "reviewloop.orders", "--limit", "0"])
    assert "must be at least 1" in capsys.readouterr().err


def test_a_replay_is_a_dry_run_unless_told_otherwise() -> None:
    parse = build_parser().parse_args
    assert parse(["dlq", "replay", "--topic", "t"]).execute is False
    assert parse(["dlq", "replay", "--topic", "t", "--dry-run"]).execute is False
    assert parse(["dlq", "replay", "--topic", "t", "--execute"]).execute is True


def test_expected_errors_are_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(["redact-customer", "--shop", "s", "--email", "a@example.com"])
    assert code == 1
    assert capsys.readouterr().err == (
        "reviewloop: error: a redaction cannot be undone: pass --yes to confirm\n"
    )
    for name in ("REVIEWLOOP_INGEST_ADMIN_TOKEN", "INGEST_ADMIN_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert main(["shops", "list"]) == 1
    assert capsys.readouterr().err.startswith("reviewloop: error: no ingest token")


def test_dlq_topics_are_named_with_or_without_the_suffix() -> None:
    assert dlq.resolve_topic("reviewloop.orders") == "reviewloop.orders"
    assert dlq.resolve_topic("reviewloop.orders.dlq") == "reviewloop.orders"
    with pytest.raises(CliError, match="unknown topic"):
        dlq.resolve_topic("orders")


def test_progress_is_silent_off_a_terminal_and_draws_on_one() -> None:
    quiet = io.StringIO()
    with Progress("x", total=3, stream=quiet) as progress:
        progress.advance(3)
    assert quiet.getvalue() == ""

    shown = io.StringIO()
    with Progress("replaying", total=4, stream=shown, enabled=True) as progress:
        progress.advance(2)
    assert shown.getvalue().startswith("\rreplaying [")
    assert shown.getvalue().endswith("2/4  50%\n")
    counted = io.StringIO()
    with Progress("lines", stream=counted, enabled=True) as progress:
        progress.advance(7)
    assert counted.getvalue().rstrip().endswith("lines 7")


def test_tables_and_ages() -> None:
    assert table(("A", "BB"), [(1, None), ("long", True)]).splitlines() == [
        "A     BB",
        "1     -",
        "long  yes",
    ]
    assert [age(None), age(5), age(65), age(3700), age(90_000)] == [
        "-",
        "5s",
        "1m 05s",
        "1h 01m",
        "1d 01h",
    ]


def test_lists_and_objects_print_as_words_not_python_reprs() -> None:
    user = {"id": 7, "shop_ids": ["eu-shop", "us-shop"], "scopes": [], "limits": {"rpm": 60}}
    assert fields(user).splitlines() == [
        "id        7",
        "shop_ids  eu-shop, us-shop",
        "scopes    -",
        "limits    rpm=60",
    ]
    assert table(("SHOPS",), [(["a", "b"],)]).splitlines()[1] == "a, b"


def test_a_reader_that_leaves_early_ends_the_command_quietly() -> None:
    """`reviewloop shops list | head -1`: the pipe closes under the command's output. No
    traceback and no error line, the shell's status of a process ended by SIGPIPE."""
    script = (
        "import sys\n"
        "from services.cli import api, main\n"
        # A listing far larger than a pipe's buffer, without a server to list from.
        "api.shops_list = lambda args: print('shop\\n' * 50_000) or 0\n"
        "sys.exit(main.main(['shops', 'list']))\n"
    )
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=REPO_ROOT,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == 141
