"""Calls to the other services' HTTP APIs for what the console shows or edits that they own
(the registry's profile and checklist, webhook endpoints, email previews and test sends,
survey metrics). The console never reads their schemas (docs/decisions.md).

Each call carries that service's token from the responder's settings and a short timeout; a
service that is down or refuses gives a `PeerError` the page shows in place of that part.
"""

from dataclasses import dataclass
from typing import Any, Literal

import httpx

from services.responder.settings import ResponderSettings

Peer = Literal["ingest", "survey", "notifier"]
TIMEOUT_S = 5.0


# Not frozen: Python sets `__traceback__` and `__context__` on an exception as it propagates.
@dataclass
class PeerError(Exception):
    peer: Peer
    status: int | None  # None: not reachable
    detail: str

    def __str__(self) -> str:
        where = f"{self.peer} answered {self.status}" if self.status else f"{self.peer} unreachable"
        return f"{where}: {self.detail}"


def _base(settings: ResponderSettings, peer: Peer) -> tuple[str, str]:
    if peer == "ingest":
        return settings.ingest_url, settings.ingest_admin_token.get_secret_value()
    if peer == "survey":
        return settings.survey_url, settings.survey_api_token.get_secret_value()
    return settings.notifier_url, settings.notifier_api_token.get_secret_value()


async def call(
    settings: ResponderSettings,
    peer: Peer,
    method: str,
    path: str,
    *,
    json: Any = None,
    params: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """The peer's answer (2xx), or PeerError (not configured, unreachable, or 4xx/5xx with the
    peer's `detail`)."""
    base, token = _base(settings, peer)
    if not base:
        raise PeerError(peer, None, "not configured")
    try:
        async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT_S) as client:
            r = await client.request(
                method,
                path,
                json=json,
                params=params,
                headers={"Authorization": f"Bearer {token}", **(headers or {})},
            )
    except httpx.HTTPError as exc:
        raise PeerError(peer, None, type(exc).__name__) from None
    if r.status_code >= 400:
        try:
            detail = r.json().get("detail", r.text)
        except ValueError:
            detail = r.text[:300]
        raise PeerError(peer, r.status_code, detail if isinstance(detail, str) else str(detail))
    return r
