"""The answer of `POST /reviews/{source}/{shop_id}` (the body is the platform's own)."""

from pydantic import BaseModel, Field


class ReviewsAccepted(BaseModel):
    stored: int = Field(description="Reviews new or changed.")
    unchanged: int = Field(description="Duplicates, or older versions arriving late.")
    deleted: int
