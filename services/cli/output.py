"""How the commands print: rich tables and progress bars for people, JSON for scripts, and
plain whole lines whenever stdout is not a terminal (no colours, no 80-column wrapping), so
`| grep`, `| head` and the tests read the same columns a person sees."""

import io
import json
import sys
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any, Self, TextIO

from rich import progress as rich_progress
from rich.console import Console, RenderableType
from rich.table import Table

# Wide enough that no table row is ever wrapped off a terminal.
_UNWRAPPED = 100_000


def cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    # Lists and objects from the APIs (a user's shops): words for people, not Python reprs.
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value) or "-"
    if isinstance(value, dict):
        return ", ".join(f"{k}={cell(v)}" for k, v in value.items()) or "-"
    return str(value)


def _grid(headers: Sequence[str] | None, rows: Iterable[Sequence[Any]]) -> Table:
    grid = Table(
        box=None,
        pad_edge=False,
        show_edge=False,
        show_header=headers is not None,
        header_style="bold",
    )
    for name in headers or ():
        grid.add_column(name)
    for row in rows:
        if not grid.columns:
            for _ in row:
                grid.add_column()
        grid.add_row(*(cell(v) for v in row))
    return grid


def _plain(renderable: RenderableType) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=_UNWRAPPED, color_system=None, highlight=False).print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Columns under their headers, two spaces apart."""
    return _plain(_grid(headers, rows))


def fields(values: dict[str, Any]) -> str:
    """One object as `name  value` lines."""
    return _plain(_grid(None, values.items()))


class ReaderGone(Exception):
    """stdout's reader left (`| head -1`). Not an OSError: typer turns a broken pipe into exit
    status 1 on its own, main makes it the quiet end it is."""


def show(text: str) -> None:
    # Plain print, not rich's console, which also exits 1 on a broken pipe.
    try:
        print(text)
    except BrokenPipeError:
        raise ReaderGone from None


def show_json(value: Any) -> None:
    show(json.dumps(value, indent=2, default=str))


def note(text: str) -> None:
    """A remark for the person at the terminal; stdout keeps only the data."""
    print(text, file=sys.stderr)


def age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = max(int(seconds), 0)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60:02d}s"
    if s < 86_400:
        return f"{s // 3600}h {s % 3600 // 60:02d}m"
    return f"{s // 86_400}d {s % 86_400 // 3600:02d}h"


class Progress:
    """A rich progress bar (known total) or counter on stderr; silent when stderr is not a
    terminal, so logs and pipes get only the results."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        stream = stream if stream is not None else sys.stderr
        enabled = stream.isatty() if enabled is None else enabled
        columns: list[str | rich_progress.ProgressColumn] = [
            rich_progress.TextColumn("{task.description}"),
            rich_progress.BarColumn(),
            rich_progress.MofNCompleteColumn(),
        ]
        if total is not None:
            columns.append(rich_progress.TaskProgressColumn())
        self._bar = rich_progress.Progress(
            *columns,
            console=Console(file=stream, force_terminal=enabled or None),
            disable=not enabled,
            # stdout carries the results: never reroute it through the bar's console.
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._bar.add_task(label, total=total)

    def advance(self, n: int = 1) -> None:
        self._bar.advance(self._task, n)

    def __enter__(self) -> Self:
        self._bar.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._bar.stop()
