"""Response bodies of the notification settings routes besides the settings themselves."""

from datetime import datetime
from typing import Union

from pydantic import BaseModel
from typing_extensions import TypeAliasType

# A setting's value as JSON, described (OpenAPI's "any" tells a client generator nothing).
NotifierSettingValue = TypeAliasType(
    "NotifierSettingValue",
    "Union[dict[str, NotifierSettingValue], list[NotifierSettingValue], str, int, float, bool, None]",  # noqa: E501, UP007
)


class NotificationSettingsChange(BaseModel):
    at: datetime
    # The token kind, and the person named in `Reviewloop-Actor` if any: `api-token:ana@…`.
    actor: str
    action: str
    entity: str
    # The settings' version this change made (their `ETag` from then on).
    version: int | None
    # The members the change touched, before and after it.
    before: dict[str, NotifierSettingValue] | None
    after: dict[str, NotifierSettingValue] | None
