"""Whether a moderation notice may go out. A pure function.

A notice is about the reviewer's own content, not marketing: an unsubscribe from survey emails
does not stop it. What stops it is what protects the person: redaction (they asked to be
forgotten), an address that bounced, no address at all.
"""

from typing import Literal

from services.survey.orders.view import OrderView
from services.survey.suppressions.repository import Reason

NoticeSkipReason = Literal["unknown_review", "redacted", "no_email", "bounced"]


def skip_reason(
    order: OrderView | None, rating: int | None, suppression: Reason | None
) -> NoticeSkipReason | None:
    if order is None or order.redacted:
        # The order is gone only by a redaction (orders are never deleted otherwise).
        return "redacted"
    if rating is None:
        return "unknown_review"
    if not order.customer_email:
        return "no_email"
    if suppression == "bounced":
        return "bounced"
    return None
