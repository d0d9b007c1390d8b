"""A real browser for page tests: Debian's Chromium driven by Playwright, axe-core from PyPI.

Nothing is downloaded at test time: Playwright is pointed at the system Chromium (never at a
browser of its own), and axe-core's script ships inside the ``axe-playwright-python`` wheel.
"""

import asyncio
import contextlib
import os
import shutil
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from axe_playwright_python.async_playwright import Axe  # type: ignore[import-untyped]
from playwright.async_api import (
    Browser,
    ConsoleMessage,
    Page,
    ViewportSize,
    async_playwright,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# An iPhone 12-15 sized viewport: the pages must be usable there without sideways scrolling.
PHONE: ViewportSize = {"width": 390, "height": 844}
# The most common laptop screen: staff spend their day at this size.
LAPTOP: ViewportSize = {"width": 1366, "height": 900}

# Registered before any page script could run, so a violation during load is caught too. The
# page's CSP does not govern it: Playwright adds it over the DevTools protocol.
_COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


def chromium_executable() -> str:
    """The system Chromium; a missing browser fails the test (CI installs it, see stack.py)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "Chromium not found: browser tests need Debian's `chromium` package "
            "(as root: deploy/local/stack prereqs, or apt-get install chromium chromium-driver)"
        )
    return found


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=chromium_executable(),
            # The CI container runs as root, where Chromium's sandbox cannot start.
            chromium_sandbox=False,
            # Containers often give /dev/shm only 64 MB, too little for Chromium's renderer.
            args=["--disable-dev-shm-usage"],
            env={**os.environ, "HOME": os.environ.get("HOME", "/tmp")},
        )
        try:
            yield browser
        finally:
            await browser.close()


@dataclass
class Tab:
    """A phone-sized page that records CSP violations, however the browser reports them."""

    page: Page
    console: list[str] = field(default_factory=list)
    axe_version: str = ""

    async def csp_violations(self) -> list[str]:
        events: list[str] = await self.page.evaluate("window.__cspViolations || []")
        logged = [m for m in self.console if "Content Security Policy" in m]
        return events + logged

    async def axe_violations(self) -> list[dict[str, Any]]:
        # Axe evaluates its script over the DevTools protocol, which the page's CSP (no
        # script-src at all) does not block.
        result = await Axe().run(self.page)
        # Rules that passed prove axe really ran on the page (a blocked script reports nothing).
        assert result.response["passes"], "axe-core did not run"
        self.axe_version = result.response["testEngine"]["version"]
        violations: list[dict[str, Any]] = result.response["violations"]
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in violations
        ]

    async def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the viewport (0: no sideways scroll)."""
        overflow: int = await self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        return overflow

    async def screenshot(self, name: str, directory: Path = SCREENSHOTS) -> Path:
        await asyncio.to_thread(directory.mkdir, parents=True, exist_ok=True)
        path = directory / f"{name}.png"
        await self.page.screenshot(path=str(path), full_page=True)
        return path


@contextlib.asynccontextmanager
async def tab(browser: Browser, viewport: ViewportSize = PHONE) -> AsyncIterator[Tab]:
    """A fresh context (no cookies); phone-sized by default, a touch device when narrow."""
    phone = viewport["width"] < 800
    context = await browser.new_context(viewport=viewport, device_scale_factor=1, is_mobile=phone)
    await context.add_init_script(_COLLECT_VIOLATIONS)
    page = await context.new_page()
    opened = Tab(page)
    page.on("console", lambda m: _record(opened, m))
    try:
        yield opened
    finally:
        await context.close()


def _record(opened: Tab, message: ConsoleMessage) -> None:
    opened.console.append(f"{message.type}: {message.text}")


@contextlib.asynccontextmanager
async def serving(app: Any) -> AsyncIterator[str]:
    """The ASGI app behind a real HTTP server on a free local port, in this event loop; yields
    its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # lifespan off: the test hands the app its pool and clock, as the ASGI-transport client does.
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()
