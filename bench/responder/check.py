"""Is the COPY seed what the responder's own code would have written? A sample of facts (from
the same generator, with the rare cases made common: second reviews of an order, edits,
deletions, manual replies) goes twice into the bench database:

- shop A: replayed in time order through the responder's code: the consumer's handlers
  (`review.classified`, `review.deleted`), `cases.service.transition` and `assign`, the reply
  flow (`replies.service.create_draft`, `approve`, `publish`, the publish worker's claim,
  `confirm_published`), `analytics.repository.record_answer`;
- shop B (the same facts): `data.rows_of()` and COPY, then `data.write_rollups()`, as the bulk
  seed does.

Then every seeded table of both shops is compared row by row (ids, which each path numbers
its own way, are matched by their natural keys), the analytics rollups too: the ones the
handlers kept up event by event must equal the ones computed from the COPY rows. Both shops
are deleted afterwards.
"""

import dataclasses
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import asyncpg

from bench.responder import data
from services.responder.access.principal import Principal
from services.responder.analytics import repository as analytics
from services.responder.cases import service as cases
from services.responder.consumer import HANDLERS
from services.responder.replies import repository as replies
from services.responder.replies import service as reply_service
from services.responder.reviews import repository as reviews
from services.responder.shops import repository as shops
from shared.db.pool import Pool
from shared.events.reviews import ReviewClassified, ReviewClassifiedPayload, ReviewDeleted

CHECK_ODDS = data.Odds(sibling=0.3, revision=0.15, deleted=0.08, unmatched=0.3)
CHECK_DAYS = 40
# The COPY twin's ids, far from the ids the replayed shop gets from the sequences.
ID_OFFSET = 10_000_000
# Lint findings are computed once per template on the COPY path (see data.DraftTexts).
INFORMATIONAL = {("drafts", "findings")}

Action = Callable[[asyncpg.Connection], Awaitable[None]]


def twins(size: int, seed: int) -> tuple[data.Shop, data.Shop]:
    shop = data.plan_shops(size, 1, seed, prefix="bench-check-")[0]
    return (
        dataclasses.replace(shop, shop_id="bench-check-handlers"),
        dataclasses.replace(shop, shop_id="bench-check-copy"),
    )


def _event(fact: data.Fact, rev: data.Revision) -> ReviewClassified:
    return ReviewClassified(
        shop_id=fact.shop.shop_id,
        occurred_at=rev.classified_at,
        payload=ReviewClassifiedPayload(
            review_id=fact.review_id,
            source=fact.source,
            source_review_id=fact.source_review_id,
            case_key=fact.case_key,
            revision=rev.revision,
            rating=fact.rating,
            title=rev.title,
            text=rev.text,
            reviewer_name=fact.reviewer_name,
            product_id=fact.product_id,
            verified=fact.verified,
            match_method=fact.match_method,
            order=fact.order_context,
            created_at=fact.created_at,
            updated_at=rev.updated_at,
            classification=fact.classification,
        ),
    )


def _actions(
    facts: list[data.Fact], answers: list[data.Answer], staff: data.Staff
) -> list[tuple[datetime, int, Action]]:
    """Everything that happened to the facts, as calls into the responder's code, by time."""
    out: list[tuple[datetime, int, Action]] = []

    def at(when: datetime, action: Action) -> None:
        out.append((when, len(out), action))

    for f in facts:
        shop_id = f.shop.shop_id
        for rev in f.revisions:
            event = _event(f, rev)
            at(rev.classified_at, lambda c, e=event: HANDLERS[e.type](c, e))  # type: ignore[misc]
        if f.deleted_at is not None:
            deleted = ReviewDeleted(
                shop_id=shop_id,
                occurred_at=f.deleted_at,
                payload={
                    "review_id": f.review_id,
                    "source": f.source,
                    "deleted_at": f.deleted_at,
                },
            )
            at(f.deleted_at, lambda c, e=deleted: HANDLERS[e.type](c, e))  # type: ignore[misc]
        for step in f.case.steps if f.case else []:
            if step.actor == "connector":
                continue  # confirm_published moves the case
            at(step.at, _case_step(shop_id, f.review_id, step))
        if f.reply is not None and not f.reply.manual:
            _reply_actions(at, f, f.reply, staff)
    for a in answers:
        at(a.answered_at, _answer(a))
    out.sort(key=lambda x: (x[0], x[1]))
    return out


def _answer(a: data.Answer) -> Action:
    async def run(conn: asyncpg.Connection) -> None:
        await analytics.record_answer(
            conn, a.shop_id, a.survey_id, a.order_id, a.nps, a.answered_at
        )

    return run


def _case_step(shop_id: str, review_id: str, step: data.Step) -> Action:
    async def run(conn: asyncpg.Connection) -> None:
        review = await reviews.get(conn, shop_id, review_id)
        assert review is not None
        if step.kind == "assigned":
            await cases.assign(conn, shop_id, review, step.assignee, step.actor, step.at)
        else:
            await cases.transition(
                conn,
                shop_id,
                review,
                step.to_status,  # type: ignore[arg-type]
                step.actor,
                step.at,
            )

    return run


def _reply_actions(
    at: Callable[[datetime, Action], None], f: data.Fact, r: data.Reply, staff: data.Staff
) -> None:
    shop_id = f.shop.shop_id
    drafted: dict[str, Any] = {}
    manager = Principal(
        staff.manager, "manager", "manager", frozenset([shop_id]), "api_key", "check"
    )

    async def draft(conn: asyncpg.Connection) -> None:
        shop = await shops.get(conn, shop_id)
        review = await reviews.get(conn, shop_id, f.review_id)
        assert review is not None and r.draft_created_at is not None
        agent = f"user:{r.agent}"
        draft = await reply_service.create_draft(conn, shop, review, agent, r.draft_created_at)
        if any(x["severity"] == "block" for x in draft["findings"]):
            # The agent writes the answer the library leaves open (data.staff_edit).
            draft = await reply_service.edit_draft(
                conn, shop, review, draft, data.staff_edit(draft["text"], draft["language"]),
                agent, data.edited_at(r),
            )  # fmt: skip
        drafted["draft"] = draft

    async def approve_and_publish(conn: asyncpg.Connection) -> None:
        shop = await shops.get(conn, shop_id)
        review = await reviews.get(conn, shop_id, f.review_id)
        assert review is not None and r.approved_at is not None
        approved = await reply_service.approve(
            conn, shop, review, drafted["draft"], manager, r.approved_at
        )
        drafted["publication"] = await reply_service.publish(
            conn, shop, review, approved, manager.actor, r.approved_at
        )

    async def claim(conn: asyncpg.Connection) -> None:
        # The publish worker's claim (the UPDATE of replies.claim_due, for this publication).
        row = await conn.fetchrow(
            "UPDATE publications SET status = 'delivering', claimed_at = $2,"
            " attempts = attempts + 1 WHERE id = $1 RETURNING *",
            drafted["publication"]["id"],
            r.claimed_at,
        )
        drafted["claimed"] = dict(row)

    async def confirm(conn: asyncpg.Connection) -> None:
        # What the worker does when the connector accepted the reply.
        claimed = drafted["claimed"]
        await replies.set_channel(conn, claimed["id"], "webhook")
        await reply_service.confirm_published(conn, claimed, r.at)

    assert r.draft_created_at and r.approved_at and r.claimed_at
    at(r.draft_created_at, draft)
    at(r.approved_at, approve_and_publish)
    at(r.claimed_at, claim)
    at(r.at, confirm)


def _clone(facts: list[data.Fact], shop: data.Shop) -> list[data.Fact]:
    out = []
    for f in facts:
        case = reply = None
        if f.case is not None:
            case = dataclasses.replace(f.case, id=f.case.id + ID_OFFSET)
        if f.reply is not None:
            reply = dataclasses.replace(
                f.reply,
                draft_id=f.reply.draft_id + ID_OFFSET,
                publication_id=f.reply.publication_id + ID_OFFSET,
            )
        out.append(dataclasses.replace(f, shop=shop, case=case, reply=reply))
    return out


# What identifies a row across the two shops, and what is left out of the comparison.
KEYS: dict[str, tuple[str | tuple[str, ...], tuple[str, ...]]] = {
    "reviews": ("review_id", ("shop_id",)),
    "cases": ("case_key", ("id", "shop_id")),
    "drafts": ("review_id", ("id", "shop_id")),
    "publications": ("review_id", ("id", "shop_id", "draft_id", "reply_id")),
    "survey_answers": ("survey_id", ("shop_id",)),
    "review_days": ("day", ("shop_id",)),
    "review_topic_days": (("day", "topic"), ("shop_id",)),
    "nps_days": (("day", "nps"), ("shop_id",)),
}


async def _table(conn: asyncpg.Connection, table: str, shop_id: str) -> dict[Any, dict[str, Any]]:
    key, skip = KEYS[table]
    rows = await conn.fetch(f"SELECT * FROM {table} WHERE shop_id = $1", shop_id)
    return {
        (r[key] if isinstance(key, str) else tuple(r[k] for k in key)): {
            k: v for k, v in dict(r).items() if k not in skip
        }
        for r in rows
    }


async def _events(conn: asyncpg.Connection, shop_id: str) -> dict[str, list[tuple[Any, ...]]]:
    rows = await conn.fetch(
        "SELECT c.case_key, e.review_id, e.at, e.actor, e.kind, e.from_status, e.to_status,"
        " e.assignee_id FROM case_events e JOIN cases c ON c.id = e.case_id"
        " WHERE e.shop_id = $1 ORDER BY e.at, e.id",
        shop_id,
    )
    out: dict[str, list[tuple[Any, ...]]] = {}
    for r in rows:
        out.setdefault(r["case_key"], []).append(tuple(r)[1:])
    return out


def _compare(table: str, a: dict[Any, Any], b: dict[Any, Any], report: dict[str, Any]) -> None:
    mismatches: list[str] = []
    informational: dict[str, int] = {}
    for key in sorted(set(a) | set(b), key=str):
        if key not in a or key not in b:
            mismatches.append(f"{key}: only {'handlers' if key in a else 'copy'}")
            continue
        if isinstance(a[key], dict):
            for col in a[key]:
                if a[key][col] != b[key].get(col):
                    if (table, col) in INFORMATIONAL:
                        informational[col] = informational.get(col, 0) + 1
                    else:
                        mismatches.append(
                            f"{key}.{col}: handlers {a[key][col]!r} != copy {b[key].get(col)!r}"
                        )
        elif a[key] != b[key]:
            mismatches.append(f"{key}: handlers {a[key]!r} != copy {b[key]!r}")
    report[table] = {
        "rows": sum(len(v) for v in a.values()) if table == "case_events" else len(a),
        "mismatches": len(mismatches),
        "first_mismatches": mismatches[:5],
        **({"informational_differences": informational} if informational else {}),
    }


async def run(
    pool: Pool, raw: asyncpg.Connection, now: datetime, size: int, seed: int
) -> dict[str, Any]:
    """Seeds both twins, compares, deletes them. Raises nothing: the caller decides."""
    handlers_shop, copy_shop = twins(size, seed)
    async with pool.acquire() as conn:
        await data.create_shops(conn, [handlers_shop, copy_shop], now)
        staff = await data.create_staff(
            conn, [handlers_shop, copy_shop], now, shared_by=[handlers_shop, copy_shop]
        )
    team = staff[handlers_shop.shop_id]
    generator = data.Generator([handlers_shop], staff, now, seed, odds=CHECK_ODDS, days=CHECK_DAYS)
    facts: list[data.Fact] = []
    answers: list[data.Answer] = []
    for day_facts, day_answers in generator.days_iter():
        facts += day_facts
        answers += day_answers
    async with pool.acquire() as conn:
        for _, _, action in _actions(facts, answers, team):
            async with conn.transaction():
                await action(conn)
    twin_facts = _clone(facts, copy_shop)
    twin_answers = [dataclasses.replace(a, shop_id=copy_shop.shop_id) for a in answers]
    rows = data.rows_of(twin_facts, twin_answers, data.DraftTexts())
    async with raw.transaction():
        await data.copy_rows(raw, rows)
        await data.write_rollups(raw, [copy_shop.shop_id])
    report: dict[str, Any] = {
        "facts": len(facts),
        "with_case": sum(1 for f in facts if f.case),
        "replied": sum(1 for f in facts if f.reply),
        "manual_replies": sum(1 for f in facts if f.reply and f.reply.manual),
        "second_reviews_of_an_order": len(facts) - len({f.case_key for f in facts}),
        "edited": sum(1 for f in facts if len(f.revisions) > 1),
        "deleted": sum(1 for f in facts if f.deleted_at),
        "tables": {},
    }
    async with pool.acquire() as conn:
        for table in KEYS:
            a = await _table(conn, table, handlers_shop.shop_id)
            b = await _table(conn, table, copy_shop.shop_id)
            _compare(table, a, b, report["tables"])
        _compare(
            "case_events",
            await _events(conn, handlers_shop.shop_id),
            await _events(conn, copy_shop.shop_id),
            report["tables"],
        )
        report["edited_drafts"] = await conn.fetchval(
            "SELECT count(*) FROM drafts WHERE shop_id = $1 AND version > 1", copy_shop.shop_id
        )
        await _forget(conn, [handlers_shop.shop_id, copy_shop.shop_id])
    report["identical"] = all(t["mismatches"] == 0 for t in report["tables"].values())
    return report


async def _forget(conn: asyncpg.Connection, shop_ids: list[str]) -> None:
    """The twins leave nothing behind (the outbox holds only their events at this point)."""
    async with conn.transaction():
        for table in (
            "publications", "drafts", "case_events", "cases", "reviews", "survey_answers",
            *data.ROLLUPS, "audit_log", "automation_queue", "shops",
        ):  # fmt: skip
            await conn.execute(f"DELETE FROM {table} WHERE shop_id = ANY($1::text[])", shop_ids)
        await conn.execute("DELETE FROM users WHERE shop_ids && $1::text[]", shop_ids)
        await conn.execute("DELETE FROM outbox")


def summary(report: dict[str, Any]) -> str:
    """ "reviews 212, cases 61, ...: identical" (or which tables differ)."""
    tables = ", ".join(
        f"{t} {v['rows']}" + (f" ({v['mismatches']} differ)" if v["mismatches"] else "")
        for t, v in report["tables"].items()
    )
    return f"{tables}: " + ("identical" if report["identical"] else "DIFFERENT")
