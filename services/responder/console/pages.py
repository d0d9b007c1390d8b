"""Rendering console pages with the headers every one of them carries.

The Content-Security-Policy allows only the console's own files: scripts and styles from
/console/static (htmx, vendored and pinned, and our own small scripts), no inline script or
style, no `eval` (htmx is configured not to use it), no frames, forms posting only here.
Pages hold customers' reviews and staff data, so nothing is cached or sent as a referrer
elsewhere.
"""

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from services.responder.console.i18n import Texts, negotiate
from services.responder.console.session import ConsoleSession

STATIC = "/console/static"
HTMX = f"{STATIC}/htmx-2.0.11.min.js"

CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)

HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}

env = Environment(
    loader=PackageLoader("services.responder.console", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals["static"] = STATIC
env.globals["htmx"] = HTMX


def texts_for(request: Request, session: ConsoleSession | None = None) -> Texts:
    if session is not None:
        return Texts(session.language)
    return Texts(negotiate(request.headers.get("accept-language")))


def render(
    request: Request,
    template: str,
    session: ConsoleSession | None,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A whole page (extending `base.html`) or an htmx fragment, with the security headers.

    Every template gets `t` (texts), `topic` and `topic_list` (classifier topics' labels),
    `severity_reason` (a severity reason's label),
    `lang`, `session` (None on the sign-in page), `csrf` (the session's token, for forms:
    `<input type="hidden" name="csrf" value="{{ csrf }}">`), `path` (the current path, for the
    navigation) and `htmx` (whether htmx asked)."""
    texts = texts_for(request, session)
    html = env.get_template(template).render(
        t=texts.t,
        topic=texts.topic,
        topic_list=texts.topic_list,
        severity_reason=texts.severity_reason,
        lang=texts.language,
        session=session,
        csrf=session.csrf_token if session else "",
        path=request.url.path,
        htmx_request=request.headers.get("hx-request") == "true",
        **context,
    )
    return HTMLResponse(html, status_code=status, headers={**HEADERS, **(headers or {})})
