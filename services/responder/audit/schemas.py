"""Response body of the audit log."""

from datetime import datetime
from typing import Union

from pydantic import BaseModel
from typing_extensions import TypeAliasType

# Any JSON value, described (OpenAPI's "any" says nothing to a client generator): the rows
# before and after a change, a review's order context and classification, as stored.
Json = TypeAliasType(
    "Json",
    "Union[dict[str, Json], list[Json], str, int, float, bool, None]",  # noqa: UP007
)


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
