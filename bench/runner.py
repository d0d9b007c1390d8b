"""What every benchmark's `main` does around its own measurement: the command line's common
parts, the result's header, an orderly cleanup on SIGTERM or Ctrl-C, the work directory, then
the JSON result and the markdown table."""

import argparse
import asyncio
import contextlib
import dataclasses
import json
import shutil
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
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


def parser(name: str, description: str | None, quick: str) -> argparse.ArgumentParser:
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


def parse(
    parser: argparse.ArgumentParser,
    argv: list[str] | None,
    presets: tuple[Mapping[str, Any], Mapping[str, Any]],
    *,
    known_only: bool = False,
) -> argparse.Namespace:
    """`parser` with --keep-infra, applied to `argv`; the sizes left open from the (quick, full)
    `presets`. `known_only`: other options are ignored (bench/all passes its arguments to every
    benchmark)."""
    add_keep_infra(parser)
    args = parser.parse_known_args(argv)[0] if known_only else parser.parse_args(argv)
    apply_preset(args, *presets)
    return args


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


class Cleanable(Protocol):
    """A benchmark's run: what it started, undone by `cleanup()`, and its work directory."""

    work_dir: Path

    async def cleanup(self) -> None: ...


@contextlib.asynccontextmanager
async def cleaned_up(run: Cleanable, log: Log) -> AsyncIterator[None]:
    """Around a benchmark's measurement: `run.cleanup()` whatever happens; the work directory
    is kept when the measurement failed (see `finish_work_dir`)."""
    ok = False
    try:
        yield
        ok = True
    finally:
        await run.cleanup()
        finish_work_dir(run.work_dir, ok, log)


Benchmark = Callable[[argparse.Namespace, datetime], Awaitable[dict[str, Any]]]


class Main(Protocol):
    def __call__(self, argv: list[str] | None = None) -> int: ...


def entry(
    parse_args: Callable[[list[str] | None], argparse.Namespace],
    benchmark: Benchmark,
    report: Report,
) -> Main:
    """A benchmark's `main`: parse, run with an orderly cleanup on SIGTERM or Ctrl-C, write the
    JSON result and print the markdown table."""

    def main(argv: list[str] | None = None) -> int:
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

    return main


async def start_client(
    module: str, spec: Any, work_dir: Path, name: str, result: str, *, control: bool = True
) -> tuple[asyncio.subprocess.Process, Path]:
    """`python -m <module> SPEC RESULT`, a load client in its own process: its spec (a
    dataclass) written to `<name>.spec.json`, its result expected in `<name>.<result>.json`
    (returned with the process). With `control`, stdin and stdout carry its control lines and
    stderr goes to `<name>.client.log`; without, all its output goes there."""
    spec_path = work_dir / f"{name}.spec.json"
    out_path = work_dir / f"{name}.{result}.json"
    spec_path.write_text(json.dumps(dataclasses.asdict(spec)))
    pipe = asyncio.subprocess.PIPE
    with (work_dir / f"{name}.client.log").open("ab") as client_log:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            module,
            str(spec_path),
            str(out_path),
            cwd=REPO_ROOT,
            stdin=pipe if control else asyncio.subprocess.DEVNULL,
            stdout=pipe if control else client_log,
            stderr=client_log if control else asyncio.subprocess.STDOUT,
        )
    return proc, out_path
