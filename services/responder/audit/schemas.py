"""Response body of the audit log."""

from datetime import datetime

from pydantic import BaseModel

from shared.json_value import Json


class AuditRecord(BaseModel):
    id: int
    at: datetime
    actor: str
    shop_id: str | None
    review_id: str | None
    action: str
    entity: str
    entity_id: str | None
    # The row before and after the change, as the audit log stored it (JSON of any shape).
    before: Json
    after: Json
    correlation_id: str | None
