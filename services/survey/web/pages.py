"""Rendering the survey's public pages, with the headers every one of them carries.

The pages are reached by a link whose token is the capability, so they must not leak it
(`Referrer-Policy: no-referrer`, nothing cached) and must not run or load anything but
themselves: a strict Content-Security-Policy allows no script at all and only the page's own
style block, by its hash (the block carries the shop's brand colour, so its hash is computed
per page). Nothing on the pages may use a `style` attribute or load another resource.
"""

import base64
import hashlib
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from services.survey.email.translations import Texts

_env = Environment(
    loader=PackageLoader("services.survey.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)


def render(template: str, t: Texts, color: str, **context: Any) -> str:
    return _env.get_template(template).render(t=t, lang=t.language, color=color, **context)


def _csp(style: str) -> str:
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return "; ".join(
        (
            "default-src 'none'",
            f"style-src 'sha256-{digest}'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        )
    )


def page(template: str, t: Texts, color: str, status: int, **context: Any) -> HTMLResponse:
    """A rendered page with its security headers."""
    # The colour is validated (`#` and six hex digits) before it is stored, so the block is
    # ours alone and is inserted unescaped, byte for byte what its hash covers.
    style = _env.get_template("style.css").render(color=color)
    html = render(template, t, color, style=Markup(style), **context)
    return HTMLResponse(html, status_code=status, headers=headers(style))


def headers(style: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": _csp(style),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        # For browsers that predate `frame-ancestors`.
        "X-Frame-Options": "DENY",
        # Answers already given are shown on the page: no shared cache keeps them.
        "Cache-Control": "no-store",
    }
