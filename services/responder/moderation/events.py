"""The event announcing a moderation decision (the survey tells the reviewer about a rejection)."""

import uuid
from datetime import datetime
from typing import Literal

from shared.events.replies import ModerationReason, ReviewModerated, ReviewModeratedPayload

Decision = Literal["published", "held", "rejected", "redacted"]


def moderated(
    shop_id: str,
    review_id: str,
    order_id: str | None,
    decision: Decision,
    reason: ModerationReason | None,
    language: str,
    at: datetime,
) -> ReviewModerated:
    # One event id per decision and moment: a retried transaction announces it once.
    key = f"{shop_id}\x1f{review_id}\x1f{decision}\x1f{at.isoformat()}"
    return ReviewModerated(
        event_id=uuid.uuid5(uuid.NAMESPACE_URL, f"reviewloop:review.moderated:{key}"),
        occurred_at=at,
        shop_id=shop_id,
        payload=ReviewModeratedPayload(
            review_id=review_id,
            order_id=order_id,
            decision=decision,
            reason=reason,
            language=language[:8],
            decided_at=at,
        ),
    )
