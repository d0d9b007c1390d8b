"""Path parameters used across services."""

from typing import Annotated

from fastapi import Path

from shared.events.envelope import SHOP_ID_PATTERN

ShopIdPath = Annotated[str, Path(pattern=SHOP_ID_PATTERN, description="The shop (tenant) id.")]
