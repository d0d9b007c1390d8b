"""What the reply panel of a review page shows (contract between the review page and the reply
panel: `review/endpoints.py` calls `reply_panel` and includes `replies/panel.html` with its
answer as `reply`)."""

from datetime import datetime
from typing import Any

from services.responder.console.session import ConsoleSession
from services.responder.reviews.schemas import ReviewFull
from shared.db.pool import Pool


async def reply_panel(
    pool: Pool, session: ConsoleSession, full: ReviewFull, now: datetime
) -> dict[str, Any]:
    """The context of `replies/panel.html` for one review (drafts, findings, what the caller
    may do, the platform's ability to take a reply, publications)."""
    return {"full": full}
