"""What every benchmark's `main` does around its own measurement: the command line's common
parts, the result's header, an orderly cleanup on SIGTERM or Ctrl-C, the work directory, then
the JSON result and the markdown table."""

import argparse
import asyncio
import contextlib
import shutil
import signal
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

REPO_ROOT = Path(__file__).resolve().parents[1]

Log = Callable[[str], None]


class Report(Protocol):
    """A benchmark's report module."""

    def write_json(self, result: dict[str, Any], started: datetime) -> Path: ...

    def markdown(self, result: dict[str, Any]) -> str: ...


def logger(name: str) -> Log:
    """Progress lines on stderr, so that stdout carries only the table."""

    def log(message: str) -> None:
        print(f"[bench.{name} {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    return log


def parser(name: str, description: str, quick: str) -> argparse.ArgumentParser:
    """`python -m bench.<name>`'s parser, with --quick (`quick`: what it runs) first."""
    p = argparse.ArgumentParser(prog=f"python -m bench.{name}", description=description)
    p.add_argument("--quick", action="store_true", help=quick)
    return p


def add_keep_infra(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep-infra",
        action="store_true",
        help="leave PostgreSQL and Kafka running even if this run started them",
    )


def apply_preset(
    args: argparse.Namespace, quick: Mapping[str, Any], full: Mapping[str, Any]
) -> None:
    """Sizes the command line left open come from the --quick or the full preset."""
    for key, value in (quick if args.quick else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)


def env_overrides(
    parser: argparse.ArgumentParser, items: list[str], prefixes: tuple[str, ...], expected: str
) -> dict[str, str]:
    """`--env NAME=value` items (what-if settings for a measured process), by name."""
    overrides = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.startswith(prefixes):
            parser.error(f"--env {item!r}: expected {expected}")
        overrides[key] = value
    return overrides


def effective_settings(
    settings: type[BaseModel], env_prefix: str, names: Iterable[str], overrides: dict[str, str]
) -> dict[str, Any]:
    """What a measured process runs with: the defaults, unless --env changed them."""
    values = {}
    for name in names:
        default = settings.model_fields[name].default
        raw = overrides.get(f"{env_prefix}{name.upper()}")
        values[name] = default if raw is None else type(default)(raw)
    return values


def header(name: str, started: datetime) -> dict[str, str]:
    """The first keys of every result, taken when the measurement has ended."""
    return {
        "benchmark": name,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
    }


def finish_work_dir(work_dir: Path, ok: bool, log: Log) -> None:
    """A run that failed keeps its logs to be read; one that succeeded leaves nothing."""
    if ok:
        shutil.rmtree(work_dir, ignore_errors=True)
    else:
        log(f"logs kept in {work_dir}")


def main(
    argv: list[str] | None,
    parse_args: Callable[[list[str] | None], argparse.Namespace],
    benchmark: Callable[[argparse.Namespace, datetime], Awaitable[dict[str, Any]]],
    report: Report,
) -> int:
    args = parse_args(argv)
    started = datetime.now(UTC)

    async def guarded() -> dict[str, Any]:
        # SIGTERM gets the same orderly cleanup as Ctrl-C: cancel, then the finally blocks.
        task = asyncio.current_task()
        assert task is not None
        with contextlib.suppress(NotImplementedError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
        return await benchmark(args, started)

    result = asyncio.run(guarded())
    path = report.write_json(result, started)
    print(report.markdown(result))
    print(f"\nresult: {path.relative_to(REPO_ROOT)}")
    return 0
