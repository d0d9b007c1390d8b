"""Case use cases: opening, moving through the workflow, assignment. Every change is audited."""

from datetime import datetime
from typing import Any

from services.responder.audit import repository as audit
from services.responder.cases import repository as cases
from services.responder.cases.workflow import CaseStatus, IllegalTransition, check
from services.responder.reviews import repository as reviews
from shared.db.pool import Connection
from shared.events.replies import CaseFollowUpRequested, CaseFollowUpRequestedPayload
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox


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
    await audit.record(
        conn,
        at=at,
        actor=actor,
        action="case.opened",
        entity="case",
        entity_id=case["id"],
        shop_id=shop_id,
        review_id=review["review_id"],
        after=case,
    )
    return case


async def transition(
    conn: Connection,
    shop_id: str,
    review: dict[str, Any],
    wanted: CaseStatus,
    actor: str,
    at: datetime,
) -> dict[str, Any]:
    """Raises LookupError without a case, IllegalTransition for a step the workflow forbids."""
    case = await cases.get(conn, shop_id, review["case_key"])
    if case is None:
        raise LookupError("the review has no case")
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
        await _request_follow_up(conn, shop_id, review, moved, at)
    await audit.record(
        conn,
        at=at,
        actor=actor,
        action="case.status_changed",
        entity="case",
        entity_id=case["id"],
        shop_id=shop_id,
        review_id=review["review_id"],
        before=case,
        after=moved,
    )
    return moved


async def _request_follow_up(
    conn: Connection, shop_id: str, review: dict[str, Any], case: dict[str, Any], at: datetime
) -> None:
    siblings = await reviews.of_case(conn, shop_id, case["case_key"])
    event = CaseFollowUpRequested(
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
    await outbox.add(conn, event, correlation_id_var.get())


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
        raise LookupError("the review has no case")
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
    await audit.record(
        conn,
        at=at,
        actor=actor,
        action="case.assigned",
        entity="case",
        entity_id=case["id"],
        shop_id=shop_id,
        review_id=review["review_id"],
        before=case,
        after=after,
    )
    return after
