"""Reaction to `review.moderated` on `reviewloop.replies`: a rejection of a survey review stores
the reviewer's one notice of it. Database only: the notice worker sends it at once.

Only "rejected" is told: a published review needs no email, a held one may still be published,
and a redaction of personal data leaves the review online."""

import secrets
from datetime import datetime

from services.survey.email.translations import language_of
from services.survey.moderation_notices import repository as notices
from services.survey.settings import SurveySettings
from services.survey.surveys.handlers import message_id
from shared.db.pool import Connection
from shared.events.replies import ReviewModerated

# Ingest names a survey review `survey:<survey's review id>`; the responder passes that on.
SURVEY_PREFIX = "survey:"


async def request_notice(
    conn: Connection, settings: SurveySettings, event: ReviewModerated, now: datetime
) -> bool:
    """False when nothing is stored: not a rejection, or this decision has its notice already
    (a replayed or duplicated event): the reviewer is told once per decision."""
    p = event.payload
    if p.decision != "rejected" or p.reason is None:
        return False
    if not p.review_id.startswith(SURVEY_PREFIX):
        # Platform reviews are not published by Reviewloop, and survey holds no address for them.
        return False
    found = await notices.reviewed_line(
        conn, event.shop_id, p.review_id.removeprefix(SURVEY_PREFIX)
    )
    return await notices.add(
        conn,
        shop_id=event.shop_id,
        review_id=p.review_id,
        reason=p.reason,
        decided_at=p.decided_at,
        found=found,
        # The language the reviewer answered in; the review's as the responder saw it next.
        language=language_of(found.language if found else None, p.language),
        send_at=now,
        # A random reference: the Message-ID must not reveal which review or order it is.
        message_id=message_id("moderation", secrets.token_urlsafe(16), settings.message_id_domain),
    )
