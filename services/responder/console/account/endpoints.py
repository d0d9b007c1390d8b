"""The console's account page: who you are, your password, your sessions."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from services.responder.console.pages import render
from services.responder.console.session import Staff

router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("/account")
async def account(request: Request, session: Staff) -> HTMLResponse:
    return render(request, "account/account.html", session)
