"""The console's removals pages."""

from fastapi import APIRouter

router = APIRouter(prefix="/console", include_in_schema=False)
