"""The console's routes, static files and error pages, added to the responder's app."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.responder.console.account.endpoints import router as account
from services.responder.console.analytics.endpoints import router as analytics
from services.responder.console.auth.endpoints import router as auth
from services.responder.console.inbox.endpoints import router as inbox
from services.responder.console.moderation.endpoints import router as moderation
from services.responder.console.pages import STATIC, render
from services.responder.console.removals.endpoints import router as removals
from services.responder.console.replies.endpoints import router as replies
from services.responder.console.review.endpoints import router as review
from services.responder.console.session import SignInRequired, sign_in_url
from services.responder.console.setup.endpoints import router as setup
from services.responder.console.users.endpoints import router as users
from shared.http.app import validation_failed

ROUTERS = (auth, inbox, review, replies, removals, analytics, setup, users, account, moderation)


async def _sign_in(request: Request, exc: Exception) -> Response:
    target = sign_in_url(exc.next_path if isinstance(exc, SignInRequired) else "")
    if request.headers.get("hx-request") == "true":
        # htmx would swap a redirect's page into the fragment: tell it to navigate instead.
        return Response(status_code=401, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def _error(request: Request, exc: Exception) -> Response:
    """Errors of console pages as a page in the console's look; the API's stay JSON."""
    if not isinstance(exc, StarletteHTTPException):
        raise exc
    if not request.url.path.startswith("/console/") or request.url.path.startswith(STATIC):
        return await http_exception_handler(request, exc)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return render(request, "error.html", None, status=exc.status_code, message=message)


async def _invalid(request: Request, exc: Exception) -> Response:
    """A form value refused before a handler runs (a number that is not one, a name too long):
    a console page names the field and the reason; the API keeps its JSON."""
    if not isinstance(exc, RequestValidationError):
        raise exc
    if not request.url.path.startswith("/console/"):
        return await validation_failed(request, exc)
    reasons = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
        for e in exc.errors()
    )
    return render(request, "error.html", None, status=422, message=reasons)


def add_console(app: FastAPI) -> None:
    for router in ROUTERS:
        app.include_router(router)
    app.mount(
        STATIC, StaticFiles(directory=Path(__file__).parent / "static"), name="console-static"
    )
    app.add_exception_handler(SignInRequired, _sign_in)
    app.add_exception_handler(StarletteHTTPException, _error)
    app.add_exception_handler(RequestValidationError, _invalid)

    @app.get("/console", include_in_schema=False)
    async def console_home() -> RedirectResponse:
        return RedirectResponse("/console/inbox", status_code=303)
