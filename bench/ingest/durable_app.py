"""The durable ceiling: the least a webhook endpoint that keeps its promise must do, at ingest's
webhook path, served as `bench.ingest.bare_app` (and ingest) are served: verify the Shopify
HMAC, parse the JSON, and commit the raw body with one INSERT before answering 202.

`python -m bench.ingest.durable_app PORT`, with BENCH_CEILING_DSN (the bench database) and
BENCH_CEILING_SECRET (the shop's webhook secret). Ingest's figure against this one is what its
own work costs beyond the unavoidable (issue #22: target >= 0.7); against the bare ceiling, what
any durable, validating handler costs."""

import json
import logging
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bench.ingest.payloads import WEBHOOK_PATH
from services.ingest.webhooks.signatures import verify_body_hmac

HOST = "127.0.0.1"
# The same pool size as ingest's default (INGEST_DB_POOL_MAX_SIZE).
POOL_SIZE = 10

_pool: list[asyncpg.Pool] = []


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    pool = await asyncpg.create_pool(
        os.environ["BENCH_CEILING_DSN"], min_size=POOL_SIZE, max_size=POOL_SIZE
    )
    await pool.execute(
        "CREATE TABLE IF NOT EXISTS bench_ceiling_deliveries ("
        " id bigserial PRIMARY KEY, topic text NOT NULL, body bytea NOT NULL,"
        " received_at timestamptz NOT NULL DEFAULT now())"
    )
    _pool.append(pool)
    try:
        yield
    finally:
        await pool.close()


app = FastAPI(title="bench durable ceiling", lifespan=lifespan)
SECRET = os.environ.get("BENCH_CEILING_SECRET", "")


@app.post(WEBHOOK_PATH, status_code=202)
async def receive(request: Request) -> JSONResponse:
    body = await request.body()
    if not verify_body_hmac(body, [SECRET], request.headers.get("X-Shopify-Hmac-Sha256")):
        return JSONResponse({"detail": "signature does not verify"}, status_code=401)
    try:
        json.loads(body.decode("utf-8-sig"))
    except ValueError:
        return JSONResponse({"detail": "not JSON"}, status_code=422)
    await _pool[0].execute(
        "INSERT INTO bench_ceiling_deliveries (topic, body) VALUES ($1, $2)",
        request.headers.get("X-Shopify-Topic", ""),
        body,
    )
    return JSONResponse({"status": "accepted", "events": 0}, status_code=202)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


def main(argv: list[str]) -> None:
    if len(argv) != 1 or not argv[0].isdigit():
        raise SystemExit("usage: python -m bench.ingest.durable_app PORT")
    logging.basicConfig(level=logging.WARNING)
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
