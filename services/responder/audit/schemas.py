"""Response body of the audit log."""

from typing import Any

from pydantic import BaseModel

from services.responder.web import IsoTime


class AuditRecord(BaseModel):
    id: int
    at: IsoTime
    actor: str
    shop_id: str | None
    review_id: str | None
    action: str
    entity: str
    entity_id: str | None
    # The row before and after the change, as the audit log stored it (JSON of any shape).
    before: Any
    after: Any
    correlation_id: str | None
