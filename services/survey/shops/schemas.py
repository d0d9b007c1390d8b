"""Response bodies of the survey settings routes besides the settings themselves."""

from datetime import datetime
from typing import Union

from pydantic import BaseModel
from typing_extensions import TypeAliasType

# A setting's value as JSON, described (OpenAPI's "any" tells a client generator nothing).
SettingValue = TypeAliasType(
    "SettingValue",
    "Union[dict[str, SettingValue], list[SettingValue], str, int, float, bool, None]",  # noqa: UP007
)


class SettingsChangeOut(BaseModel):
    at: datetime
    # The token kind, and the person named in `Reviewloop-Actor` if any: `api-token:ana@…`.
    actor: str
    action: str
    entity: str
    # The settings' version this change made (their `ETag` from then on).
    version: int | None
    # The members the change touched, before and after it (a member absent was at its default).
    before: dict[str, SettingValue] | None
    after: dict[str, SettingValue] | None
