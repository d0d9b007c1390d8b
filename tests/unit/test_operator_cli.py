"""The `reviewloop` command without servers: --help everywhere, argument rules, output
helpers, and the console-script entry point."""

import io
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
import typer

from deploy.local.stack import REPO_ROOT
from services.cli import api as cli_api
from services.cli import dlq
from services.cli.common import CliError
from services.cli.main import app, main
from services.cli.output import Progress, age, fields, table

COMMAND = typer.main.get_command(app)


def command_paths(command: Any = COMMAND, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, (*path, name))


PATHS = list(command_paths())


def test_every_command_is_reachable() -> None:
    expected = {
        ("migrate",),
        ("shops", "create"),
        ("shops", "rotate-secret"),
        ("shops", "list"),
        ("shops", "show"),
        ("shops", "announce"),
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
    assert "Usage: reviewloop" + "".join(f" {p}" for p in path) in out


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
    assert done.returncode == 0 and "Usage: reviewloop" in done.stdout


def test_usage_errors_exit_2_and_say_why(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["dlq", "replay"])
    assert exit_.value.code == 2
    assert "Missing option '--topic'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["dlq", "replay", "--topic", "reviewloop.orders", "--dry-run", "--execute"])
    assert "not allowed with --dry-run" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["dlq", "replay", "--topic", "reviewloop.orders", "--limit", "0"])
    assert "must be at least 1" in capsys.readouterr().err


def parse(args: list[str]) -> SimpleNamespace:
    """The options `reviewloop <args>` hands its command, without running it."""
    command: Any = COMMAND
    name = "reviewloop"
    while hasattr(command, "commands"):
        name, *args = args
        command = command.commands[name]
    return SimpleNamespace(**command.make_context(name, args).params)


def test_a_replay_is_a_dry_run_unless_told_otherwise() -> None:
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
    # rich's bar (the issue replaced the hand-made one): its last frame, without the colours.
    last = plain(shown.getvalue()).split("\r")[-1]
    assert last.startswith("replaying ") and "2/4" in last and "50%" in last
    counted = io.StringIO()
    with Progress("lines", stream=counted, enabled=True) as progress:
        progress.advance(7)
    last = plain(counted.getvalue()).split("\r")[-1]
    assert last.startswith("lines ") and last.rstrip().endswith("7/?")


def plain(drawn: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)


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


SHOP = {
    "shop_id": "eu-shop",
    "platform": "shopify",
    "display_name": "EU shop",
    "country": "SI",
    "timezone": "Europe/Ljubljana",
    "has_api_credentials": False,
    "has_previous_secret": True,
}


def test_a_reader_that_leaves_early_ends_the_command_quietly() -> None:
    """`reviewloop shops list | head -1`: the pipe closes under the command's output. No
    traceback and no error line, the shell's status of a process ended by SIGPIPE."""
    script = (
        "import os, sys\n"
        "from services.cli import api, main\n"
        # A listing far larger than a pipe's buffer, without a server to list from.
        "os.environ['INGEST_ADMIN_TOKEN'] = 'token'\n"
        f"api.list_shops = lambda ingest: [{SHOP!r}] * 5_000\n"
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


def test_status_into_head_ends_quietly() -> None:
    """`reviewloop status | head -1` through a real pipe and a real head: head prints the
    first line and leaves; the command exits quietly (141) instead of a BrokenPipeError."""
    script = (
        "import sys\n"
        "from services.cli import main, status\n"
        # Far more lag rows than a pipe holds, without a broker to read them from.
        "async def collect(kafka, groups, services):\n"
        "    rows = [status.Lag('g', 'reviewloop.orders', p, 0, 5, 5) for p in range(3_000)]\n"
        "    return status.Status(lag=rows, outbox=[status.Backlog('ingest', 0, None)])\n"
        "status.collect = collect\n"
        "sys.exit(main.main(['status']))\n"
    )
    command = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    assert command.stdout is not None
    head = subprocess.Popen(["head", "-1"], stdin=command.stdout, stdout=subprocess.PIPE)
    command.stdout.close()  # head holds the only reading end: its exit closes the pipe
    first, _ = head.communicate(timeout=60)
    _, err = command.communicate(timeout=60)
    assert first.decode() == "Consumer lag (committed offset vs. end of log)\n"
    assert err.decode() == ""
    assert command.returncode in (0, 141)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == "reviewloop 0.1.0\n"


def test_json_output_parses(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--json prints exactly the API's objects (the HTTP calls replaced: no server here);
    the remarks for people stay on stderr."""
    monkeypatch.setenv("INGEST_ADMIN_TOKEN", "token")
    monkeypatch.setenv("RESPONDER_BOOTSTRAP_ADMIN_KEY", "key")
    monkeypatch.setattr(cli_api, "list_shops", lambda ingest: [SHOP])
    monkeypatch.setattr(cli_api, "create_shop", lambda ingest, body: {**SHOP, **body})
    user = {"id": 7, "name": "Ana", "email": None, "role": "agent", "shop_ids": ["eu-shop"]}
    monkeypatch.setattr(cli_api, "list_users", lambda responder: [{**user, "active": True}])
    monkeypatch.setattr(cli_api, "create_key", lambda responder, user, name: {"key": "k1"})

    assert main(["shops", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [SHOP]
    created = ["shops", "create", "eu-shop", "--platform", "shopify", "--name", "EU shop",
               "--country", "SI", "--timezone", "Europe/Ljubljana", "--contact-email",
               "hello@eu-shop.example", "--json"]  # fmt: skip
    assert main(created) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["display_name"] == "EU shop"
    assert "shown only now" in out.err
    assert main(["users", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["shop_ids"] == ["eu-shop"]
    assert main(["keys", "create", "--user", "7", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"key": "k1"}


def test_shell_completion_completes_commands_and_options() -> None:
    """What `reviewloop --install-completion` wires into the shell: the shell asks the command
    itself, through _REVIEWLOOP_COMPLETE."""

    def complete(words: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-m", "services.cli"],
            env=os.environ
            | {
                "_REVIEWLOOP_COMPLETE": "complete_bash",
                "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split()) - 1),
            },
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("reviewloop sh") == ["shops"]
    assert "--topic" in complete("reviewloop dlq replay --to")


def test_help_into_head_ends_quietly() -> None:
    """rich draws the help; a closed pipe under it ends the command as for any output."""
    command = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "status", "--help"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    assert command.stdout is not None
    head = subprocess.Popen(["head", "-c", "1"], stdin=command.stdout, stdout=subprocess.PIPE)
    command.stdout.close()
    head.communicate(timeout=60)
    _, err = command.communicate(timeout=60)
    assert err.decode() == ""
    assert command.returncode in (0, 141)
