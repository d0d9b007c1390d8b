"""Id and money types for platform payload models."""

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field


def _id_to_str(value: Any) -> Any:
    # Platforms send ids as JSON numbers (some above 2**53) or strings: keep them as text.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


PlatformId = Annotated[str, BeforeValidator(_id_to_str), Field(min_length=1, max_length=128)]
Amount = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=4)]
