"""What endpoints take from the running service: its pool, settings and clock."""

from datetime import datetime
from typing import Any

from fastapi import HTTPException, Request, status

from services.responder.settings import ResponderSettings
from shared.db.pool import Pool
from shared.runtime import Runtime


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def settings_of(request: Request) -> ResponderSettings:
    settings = runtime_of(request).settings
    assert isinstance(settings, ResponderSettings)
    return settings


def pool_of(request: Request) -> Pool:
    return runtime_of(request).db


def now_of(request: Request) -> datetime:
    return runtime_of(request).clock()


def not_found(what: str) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no such {what}")


def conflict(detail: Any) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, detail)


def invalid(detail: Any) -> HTTPException:
    return HTTPException(422, detail)
