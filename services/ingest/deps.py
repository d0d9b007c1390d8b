"""What ingest's routes take from the running service, besides `shared/http/deps.py`: its
settings, the shop cache and the webhook group commit (both kept in `app.state`), and the
operators' admin token."""

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.ingest.settings import IngestSettings
from services.ingest.shops.directory import ShopDirectory
from services.ingest.webhooks.group_commit import GroupCommit
from shared.http.deps import settings_of, state_of

IngestSettingsDep = Annotated[IngestSettings, Depends(settings_of(IngestSettings))]
ShopsDep = Annotated[ShopDirectory, Depends(state_of("shops", ShopDirectory))]
WebhookCommitsDep = Annotated[GroupCommit, Depends(state_of("webhook_commits", GroupCommit))]

_bearer = HTTPBearer(auto_error=False)


async def require_admin_token(
    settings: IngestSettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    expected = settings.admin_token.get_secret_value().encode()
    given = credentials.credentials.encode() if credentials else b""
    if not secrets.compare_digest(given, expected):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing or invalid admin token",
            headers={"WWW-Authenticate": "Bearer"},
        )


AdminToken = Annotated[None, Depends(require_admin_token)]
