"""What the responder's endpoints take from the running service (on top of
`shared/http/deps.py`), and the HTTP errors they answer."""

from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status

from services.responder.settings import ResponderSettings
from shared.db.pool import Pool
from shared.http import deps

ResponderSettingsDep = Annotated[ResponderSettings, Depends(deps.settings_of(ResponderSettings))]

# A route's declared answers besides its model (`responses=`), as FastAPI types them.
Responses = dict[int | str, dict[str, Any]]


# For handlers that still take the request itself.
def settings_of(request: Request) -> ResponderSettings:
    return deps.own_settings(request, ResponderSettings)


def pool_of(request: Request) -> Pool:
    return deps.runtime_of(request).db


def now_of(request: Request) -> datetime:
    return deps.runtime_of(request).clock()


def not_found(what: str) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no such {what}")


def forbidden(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_403_FORBIDDEN, detail)


def conflict(detail: Any) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, detail)


def invalid(detail: Any) -> HTTPException:
    return HTTPException(422, detail)
