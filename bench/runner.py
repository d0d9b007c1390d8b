"""What every benchmark's `main` does around its own measurement: run it with an orderly
cleanup on SIGTERM or Ctrl-C, then write the JSON result and print the markdown table."""

import asyncio
import contextlib
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any


def run(
    measure: Callable[[], Awaitable[dict[str, Any]]], report: Any, started: Any, root: Path
) -> int:
    async def guarded() -> dict[str, Any]:
        # SIGTERM gets the same orderly cleanup as Ctrl-C: cancel, then the finally blocks.
        task = asyncio.current_task()
        assert task is not None
        with contextlib.suppress(NotImplementedError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
        return await measure()

    result = asyncio.run(guarded())
    path = report.write_json(result, started)
    print(report.markdown(result))
    print(f"\nresult: {path.relative_to(root)}")
    return 0
