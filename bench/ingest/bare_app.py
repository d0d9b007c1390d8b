"""The ceiling: one FastAPI endpoint at ingest's webhook path that reads the body and answers
202, served by uvicorn exactly as `shared.http.app.serve()` serves ingest.

`python -m bench.ingest.bare_app PORT`. Whatever ingest does beyond this (middlewares,
signature check, parsing, the database transaction) is the gap between the two figures.
"""

import logging
import sys

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bench.ingest.payloads import WEBHOOK_PATH

HOST = "127.0.0.1"

app = FastAPI(title="bench ceiling")


@app.post(WEBHOOK_PATH, status_code=202)
async def receive(request: Request) -> JSONResponse:
    # Read the body like ingest does: receiving ~9 KB is part of any webhook's cost.
    await request.body()
    return JSONResponse({"status": "accepted", "events": 0}, status_code=202)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


def main(argv: list[str]) -> None:
    if len(argv) != 1 or not argv[0].isdigit():
        raise SystemExit("usage: python -m bench.ingest.bare_app PORT")
    # Ingest runs with its log level at WARNING in the bench; keep the ceiling as quiet.
    logging.basicConfig(level=logging.WARNING)
    # The same arguments as shared.http.app.serve(): loop and http left at "auto", so both
    # processes pick the same implementations from the same virtualenv.
    uvicorn.run(
        app,
        host=HOST,
        port=int(argv[0]),
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=5,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
