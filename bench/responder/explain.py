"""EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL a request runs: the responder's repository
functions are called with a recording connection that keeps the statement and its arguments
instead of running them, with the arguments the endpoint would pass for that request. So a
plan here is the plan of the service's own query text, never a copy of it.

Each statement is explained twice: as the planner plans it for these values (a custom plan,
what EXPLAIN shows by default) and with `plan_cache_mode = force_generic_plan` (asyncpg
prepares statements, and after five executions PostgreSQL may switch a prepared statement to
its generic plan).
"""

from datetime import datetime, timedelta
from typing import Any

import asyncpg

from bench.responder.plan import Request
from services.responder.access import repository as users
from services.responder.access import tokens
from services.responder.analytics import repository as analytics
from services.responder.reviews import repository as reviews
from services.responder.reviews.query import ReviewFilter, decode_cursor
from services.responder.shops import repository as shops


class _Captured(Exception):
    pass


class _NoRow(dict[str, Any]):
    """A row whose every column is NULL."""

    def __missing__(self, key: str) -> None:
        return None


class Recorder:
    """Stands in for an asyncpg connection: records (sql, args), returns nothing (or, with
    `rows`, NULL rows, so a function running several statements goes on to the next)."""

    def __init__(self, rows: bool = False) -> None:
        self.statements: list[tuple[str, tuple[Any, ...]]] = []
        self.rows = rows

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        self.statements.append((sql, args))
        return []

    async def fetchrow(self, sql: str, *args: Any) -> Any:
        self.statements.append((sql, args))
        if self.rows:
            return _NoRow()
        raise _Captured  # the callers read the row; nothing to give them

    async def fetchval(self, sql: str, *args: Any) -> Any:
        self.statements.append((sql, args))
        raise _Captured


async def _record(call: Any) -> tuple[str, tuple[Any, ...]]:
    rec = Recorder()
    try:
        await call(rec)
    except _Captured:
        pass
    return rec.statements[0]


async def _record_all(call: Any) -> list[tuple[str, tuple[Any, ...]]]:
    rec = Recorder(rows=True)
    await call(rec)
    return rec.statements


def review_filter(request: Request, now: datetime, due_soon_hours: int) -> ReviewFilter:
    """As `services.responder.reviews.endpoints.list_reviews` builds it for these parameters
    (default sort and page size)."""
    p = request.params
    cursor = p.get("cursor")
    return ReviewFilter(
        shop_id=request.shop_id,
        now=now,
        due_soon=timedelta(hours=due_soon_hours),
        sentiments=[p["sentiment"]] if "sentiment" in p else [],
        topics=[p["topic"]] if "topic" in p else [],
        statuses=[p["status"]] if "status" in p else [],
        since=p.get("from"),
        until=p.get("to"),
        text=p.get("q"),
        sort="urgency",
        after=decode_cursor("urgency", cursor) if cursor else None,
        limit=51,
    )


async def statements(
    request: Request, now: datetime, due_soon_hours: int
) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """The statements one request runs, by name, in the order the endpoint runs them."""
    shop_id = request.shop_id
    out = {
        "auth": await _record(lambda c: users.owner_of_key(c, tokens.hash_key(request.key), now)),
        "shop": await _record(lambda c: shops.get(c, shop_id)),
    }
    if not request.kind.startswith("analytics"):
        f = review_filter(request, now, due_soon_hours)
        out["list"] = await _record(lambda c: reviews.search(c, f))
        return out
    since = request.params["from"]
    until = now
    previous = (since - (until - since), since)
    counts, replies = await _record_all(
        lambda c: analytics.review_stats(c, shop_id, since, until, now)
    )
    out["review_counts"] = counts
    out["reply_times"] = replies
    out["topic_counts"] = await _record(lambda c: analytics.topic_counts(c, shop_id, since, until))
    out["topic_counts_previous"] = await _record(
        lambda c: analytics.topic_counts(c, shop_id, *previous)
    )
    out["case_stats"] = await _record(lambda c: analytics.case_stats(c, shop_id, since, until))
    out["nps_counts"] = await _record(lambda c: analytics.nps_counts(c, shop_id, since, until))
    return out


def _ms(lines: list[str], label: str) -> float | None:
    for line in lines:
        if line.strip().startswith(label):
            return float(line.split(":", 1)[1].split()[0])
    return None


async def explain(conn: asyncpg.Connection, sql: str, args: tuple[Any, ...]) -> dict[str, Any]:
    """Three runs: the custom plan (what the cache held after the measured runs), the generic
    plan, the custom plan again (now with whatever the first two read in shared buffers); the
    plan shown is the first."""
    query = "EXPLAIN (ANALYZE, BUFFERS) " + sql
    lines = [r[0] for r in await conn.fetch(query, *args)]
    async with conn.transaction():
        await conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        generic = [r[0] for r in await conn.fetch(query, *args)]
    again = [r[0] for r in await conn.fetch(query, *args)]
    return {
        "execution_ms": _ms(lines, "Execution Time"),
        "repeated_execution_ms": _ms(again, "Execution Time"),
        "planning_ms": _ms(lines, "Planning Time"),
        "generic_execution_ms": _ms(generic, "Execution Time"),
        "plan": lines,
        "generic_plan": generic if _shape(generic) != _shape(lines) else "same as the plan",
        "sql": " ".join(sql.split()),
        "args": [_arg(a) for a in args],
    }


def _shape(lines: list[str]) -> list[str]:
    """The plan's nodes without costs, times and counts (to tell two plans apart)."""
    return [line.split("  (")[0] for line in lines if "->" in line or not line.startswith(" ")][:-2]


def _arg(value: Any) -> Any:
    if isinstance(value, datetime | timedelta):
        return str(value)
    return value


async def explain_request(
    conn: asyncpg.Connection, request: Request, now: datetime, due_soon_hours: int
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (sql, args) in (await statements(request, now, due_soon_hours)).items():
        out[name] = await explain(conn, sql, args)
    return out
