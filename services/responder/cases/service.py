"""Case use cases: opening, moving through the workflow, assignment, notes and removal requests.
Every change is audited in the unit of work that makes it."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from services.responder.access import repository as users
from services.responder.access.deps import ensure_shop
from services.responder.access.principal import Principal
from services.responder.cases import repository as cases
from services.responder.cases.workflow import CaseStatus, IllegalTransition, check
from services.responder.reviews import repository as reviews
from services.responder.reviews.lookup import review_for
from services.responder.unit_of_work import unit_of_work, within
from shared.db.pool import Connection, Pool
from shared.db.unit_of_work import UnitOfWork
from shared.events.replies import CaseFollowUpRequested, CaseFollowUpRequestedPayload

NO_CASE = "the review has no case; open one first (POST .../case)"


class NoCase(LookupError):
    """The review has no case yet (409: open one first)."""


class CaseExists(Exception):
    """The review has a case already (409)."""


class Invalid(ValueError):
    """The request names something the review or shop does not allow (422)."""


async def _audited(
    uow: UnitOfWork,
    action: str,
    entity: str,
    row: Mapping[str, Any],
    review: Mapping[str, Any],
    *,
    before: Any = None,
    after: Any = None,
) -> None:
    """The audit entry of a change to `row` (a case, note or removal request: its id) that
    concerns one review (its shop and id)."""
    await uow.audit(
        action,
        entity,
        row["id"],
        shop_id=review["shop_id"],
        review_id=review["review_id"],
        before=before,
        after=after,
    )


async def open_case(
    conn: Connection, shop_id: str, review: dict[str, Any], actor: str, at: datetime
) -> dict[str, Any] | None:
    """Opens the case of the review's case key; None when it has one already."""
    case = await cases.open_case(conn, shop_id, review["case_key"], actor, at)
    if case is None:
        return None
    await cases.add_event(
        conn, case["id"], shop_id, review["review_id"], at, actor, "opened", to_status="new"
    )
    uow = within(conn, actor=actor, at=at)
    await _audited(uow, "case.opened", "case", case, review, after=case)
    return case


async def transition(
    conn: Connection,
    shop_id: str,
    review: dict[str, Any],
    wanted: CaseStatus,
    actor: str,
    at: datetime,
) -> dict[str, Any]:
    """Raises NoCase without a case, IllegalTransition for a step the workflow forbids."""
    uow = within(conn, actor=actor, at=at)
    case = await cases.get(conn, shop_id, review["case_key"])
    if case is None:
        raise NoCase(NO_CASE)
    check(case["status"], wanted)
    moved = await cases.move(conn, case["id"], case["status"], wanted, at)
    if moved is None:  # pragma: no cover - the row is locked FOR UPDATE above
        raise IllegalTransition(case["status"], wanted)
    await cases.add_event(
        conn,
        case["id"],
        shop_id,
        review["review_id"],
        at,
        actor,
        "status",
        from_status=case["status"],
        to_status=wanted,
    )
    if wanted == "replied":
        # Staff answered outside the responder (on the platform itself): the clock stops too.
        await reviews.mark_replied(conn, shop_id, review["review_id"], at)
    if wanted == "resolved":
        await _request_follow_up(uow, shop_id, review, moved, at)
    await _audited(uow, "case.status_changed", "case", case, review, before=case, after=moved)
    return moved


async def _request_follow_up(
    uow: UnitOfWork, shop_id: str, review: dict[str, Any], case: dict[str, Any], at: datetime
) -> None:
    siblings = await reviews.of_case(uow.conn, shop_id, case["case_key"])
    await uow.emit(
        CaseFollowUpRequested(
            shop_id=shop_id,
            occurred_at=at,
            payload=CaseFollowUpRequestedPayload(
                case_id=case["id"],
                case_key=case["case_key"],
                review_id=review["review_id"],
                review_ids=[r["review_id"] for r in siblings] or [review["review_id"]],
                order_id=review["order_id"],
                language=review["language"],
                resolved_at=at,
            ),
        )
    )


async def reply_published(
    conn: Connection, shop_id: str, review: dict[str, Any], at: datetime
) -> None:
    """A reply went public: an open case moves to `replied` by itself."""
    case = await cases.get(conn, shop_id, review["case_key"])
    if case is None or case["status"] not in ("new", "in_progress"):
        return
    await transition(conn, shop_id, review, "replied", "connector", at)


async def assign(
    conn: Connection,
    shop_id: str,
    review: dict[str, Any],
    assignee_id: int | None,
    actor: str,
    at: datetime,
) -> dict[str, Any]:
    case = await cases.get(conn, shop_id, review["case_key"])
    if case is None:
        raise NoCase(NO_CASE)
    after = await cases.assign(conn, case["id"], assignee_id, at)
    await cases.add_event(
        conn,
        case["id"],
        shop_id,
        review["review_id"],
        at,
        actor,
        "assigned",
        assignee_id=assignee_id,
    )
    uow = within(conn, actor=actor, at=at)
    await _audited(uow, "case.assigned", "case", case, review, before=case, after=after)
    return after


def removal_grounds(review: dict[str, Any]) -> set[str]:
    """Why a platform might remove this review, from what the classifier and matching found."""
    grounds = set()
    c = review["classification"] or {}
    if not review["verified"]:
        grounds.add("unverified")
    if c.get("abuse"):
        grounds.update({"abusive", "spam"})
    if review["removal_candidate"]:
        grounds.update({"off_target", "abusive", "spam"})
    return grounds


# -- what the HTTP API asks for: one unit of work each -------------------------------------


async def open_case_for(
    pool: Pool, principal: Principal, review_id: str, shop_id: str | None, at: datetime
) -> dict[str, Any]:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        review = await review_for(uow.conn, principal, review_id, shop_id)
        case = await open_case(uow.conn, review["shop_id"], review, principal.actor, at)
    if case is None:
        raise CaseExists("the review has a case already")
    return case


async def move_case(
    pool: Pool,
    principal: Principal,
    review_id: str,
    shop_id: str | None,
    wanted: CaseStatus,
    at: datetime,
) -> dict[str, Any]:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        review = await review_for(uow.conn, principal, review_id, shop_id)
        return await transition(uow.conn, review["shop_id"], review, wanted, principal.actor, at)


async def assign_case(
    pool: Pool,
    principal: Principal,
    review_id: str,
    shop_id: str | None,
    assignee_id: int | None,
    at: datetime,
) -> dict[str, Any]:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        review = await review_for(uow.conn, principal, review_id, shop_id)
        if assignee_id is not None and not await users.users_with_access(
            uow.conn, review["shop_id"], assignee_id
        ):
            raise Invalid("the assignee must be an active user of this shop")
        return await assign(uow.conn, review["shop_id"], review, assignee_id, principal.actor, at)


async def add_note(
    pool: Pool, principal: Principal, review_id: str, shop_id: str | None, body: str, at: datetime
) -> dict[str, Any]:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        review = await review_for(uow.conn, principal, review_id, shop_id)
        note = await cases.add_note(
            uow.conn,
            review["shop_id"],
            review["review_id"],
            review["case_id"],
            principal.actor,
            body,
            at,
        )
        await _audited(uow, "note.added", "note", note, review, after=note)
    return note


async def prepare_removal(
    pool: Pool,
    principal: Principal,
    review_id: str,
    shop_id: str | None,
    reason: str,
    evidence: str,
    at: datetime,
) -> dict[str, Any]:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        review = await review_for(uow.conn, principal, review_id, shop_id)
        grounds = removal_grounds(review)
        if reason not in grounds:
            raise Invalid(
                f"the review is not flagged as {reason}"
                + (f"; it is flagged: {', '.join(sorted(grounds))}" if grounds else "")
            )
        removal = await cases.add_removal_request(
            uow.conn,
            review["shop_id"],
            review["review_id"],
            reason,
            evidence,
            principal.actor,
            at,
        )
        await _audited(
            uow, "removal_request.prepared", "removal_request", removal, review, after=removal
        )
    return removal


async def removal_requests(
    pool: Pool, principal: Principal, shop_id: str | None, status: str | None, limit: int
) -> list[dict[str, Any]]:
    """The prepared removal requests of one shop in scope (404 otherwise), or of all the
    caller's shops, newest first."""
    shops = [ensure_shop(principal, shop_id)] if shop_id is not None else principal.scope()
    async with pool.acquire() as conn:
        return await cases.list_removal_requests(conn, shops, status, limit)
