"""The readiness checklist's response models."""

from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["blocker", "warning"]
ItemKey = Literal[
    "alert_recipient",
    "contact",
    "first_webhook",
    "order_api_credentials",
    "review_connectors",
    "default_secrets",
]


class SetupItem(BaseModel):
    key: ItemKey
    ok: bool
    severity: Severity = Field(
        description="A failing blocker makes the shop not ready; a warning does not."
    )
    what: str = Field(description="What the registry found, in one sentence.")
    why_it_matters: str
    how_to_fix: str = Field(description="The call or command that fixes it (also when ok).")


class ShopSetup(BaseModel):
    shop_id: str
    ready: bool = Field(description="No blocker fails.")
    items: list[SetupItem]
