"""The ceiling: a raw aiosmtplib send loop against an SMTP sink, as a separate process.

    python -m bench.survey.raw_smtp SPEC.json OUT.json

`concurrency` connections, each opened once and reused, each sending MAIL, RCPT, DATA for one
message after the other: the same client calls `shared.email.smtp.SmtpConnection.send` makes,
without any database work or rendering. Every message is the same pre-rendered survey email with
its own Message-ID (same length, so the same size). Bounded by `messages` and `duration_s`.
"""

import asyncio
import importlib.util
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import aiosmtplib

from bench.ingest.report import latency_summary

CONNECT_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class RawSpec:
    host: str
    port: int
    concurrency: int
    messages: int
    duration_s: float
    template_path: str
    # Replaced in the template by a zero-padded counter of the same length, per message.
    placeholder: str
    sender: str
    recipient: str


@dataclass
class _State:
    next_index: int = 0
    accepted: int = 0
    errors: int = 0
    first_error: str | None = None
    last_answer_at: float = 0.0


async def _lane(spec: RawSpec, template: bytes, state: _State, deadline: float) -> list[float]:
    placeholder = spec.placeholder.encode()
    width = len(placeholder)
    latencies: list[float] = []
    client: aiosmtplib.SMTP | None = None
    try:
        while state.next_index < spec.messages and time.monotonic() < deadline:
            index = state.next_index
            state.next_index += 1
            message = template.replace(placeholder, str(index).zfill(width).encode())
            started = time.monotonic()
            try:
                if client is None or not client.is_connected:
                    client = aiosmtplib.SMTP(
                        hostname=spec.host, port=spec.port, timeout=CONNECT_TIMEOUT_S
                    )
                    await client.connect()
                await client.mail(spec.sender)
                await client.rcpt(spec.recipient)
                await client.data(message)
            except (aiosmtplib.SMTPException, OSError) as exc:
                state.errors += 1
                state.first_error = state.first_error or repr(exc)
                if client is not None:
                    client.close()
                client = None
                continue
            done = time.monotonic()
            latencies.append((done - started) * 1000)
            state.accepted += 1
            state.last_answer_at = max(state.last_answer_at, time.time())
    finally:
        if client is not None and client.is_connected:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError):
                client.close()
    return latencies


async def run(spec: RawSpec, template: bytes) -> dict[str, Any]:
    if spec.placeholder.encode() not in template:
        raise ValueError("placeholder missing from the template")
    state = _State()
    cpu_before = time.process_time()
    first_send_at = time.time()
    started = time.monotonic()
    deadline = started + spec.duration_s
    per_lane = await asyncio.gather(
        *(_lane(spec, template, state, deadline) for _ in range(spec.concurrency))
    )
    elapsed = time.monotonic() - started
    latencies = [value for lane in per_lane for value in lane]
    return {
        "spec": asdict(spec),
        "message_bytes": len(template),
        "accepted": state.accepted,
        "errors": state.errors,
        "first_error": state.first_error,
        "elapsed_s": round(elapsed, 3),
        "first_send_at": first_send_at,
        "last_answer_at": state.last_answer_at,
        "messages_per_s": round(state.accepted / elapsed, 1) if elapsed > 0 else 0.0,
        "stopped_by": "messages" if state.next_index >= spec.messages else "duration",
        "latency_ms": latency_summary(latencies),
        "client_cpu_s": round(time.process_time() - cpu_before, 3),
        "loop": "uvloop" if _use_uvloop() else "asyncio",
    }


def _use_uvloop() -> bool:
    # The survey service runs under uvicorn's "auto" loop, which is uvloop when installed: the
    # ceiling's client side gets the same loop.
    return importlib.util.find_spec("uvloop") is not None


def main() -> None:
    spec = RawSpec(**json.loads(Path(sys.argv[1]).read_text()))
    template = Path(spec.template_path).read_bytes()
    if _use_uvloop():
        import uvloop

        result = uvloop.run(run(spec, template))
    else:
        result = asyncio.run(run(spec, template))
    Path(sys.argv[2]).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
