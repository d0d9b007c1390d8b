"""The console's setup pages: `/console/setup` (the user's shops) and
`/console/shops/{shop_id}/setup` (a shop's configuration, readiness checklist, webhooks and
secrets, email previews and test copies, reply rules, connectors, templates, users).

Every role reads; managers change. Each setting is changed at its owner (docs/configuration.md):
the registry's profile and secret through ingest's admin API, the responder's settings and
connectors through the same service calls as the API. A change is a POST with the CSRF token,
answered by a redirect back with a message (PRG); a refused change shows the owner's reason.
A new secret is shown once, in the answer to the POST that made it, never in a URL."""

import asyncio
import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from services.responder.console.pages import render, texts_for
from services.responder.console.peers import PeerError
from services.responder.console.session import ConsoleSession, Staff, StaffChange
from services.responder.console.setup import forms, service
from services.responder.replies import service as replies
from services.responder.settings import ResponderSettings
from services.responder.shops import service as shops
from services.responder.shops.connections import GoogleConnectionIn, TrustpilotConnectionIn
from services.responder.shops.schemas import ConnectorIn, Platform, Shop
from services.responder.web import ResponderSettingsDep
from shared.db.pool import Pool
from shared.events.envelope import SHOP_ID_PATTERN
from shared.http.deps import ClockDep, PoolDep
from shared.settings_changes import ownership

router = APIRouter(prefix="/console", include_in_schema=False)

# Messages a redirect back may name (`?done=`): never text from the URL itself.
DONE = (
    "profile",
    "settings",
    "connector_removed",
    "connection_saved",
    "secret_retired",
)
PLATFORMS: dict[str, Platform] = {"trustpilot": "trustpilot", "google": "google"}
# The preview is the owner's HTML, shown as is: nothing in it may run, load or submit.
PREVIEW_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "sandbox",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def _shop(request: Request, session: ConsoleSession, shop_id: str) -> str:
    if not re.fullmatch(SHOP_ID_PATTERN, shop_id) or not session.principal.can_access(shop_id):
        # As the API: another shop's setup does not exist for this user.
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, texts_for(request, session).t("common.not_found")
        )
    return shop_id


def _manager(request: Request, session: ConsoleSession, shop_id: str) -> str:
    _shop(request, session, shop_id)
    if not session.principal.at_least("manager"):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, texts_for(request, session).t("setup.managers_only")
        )
    return shop_id


def _platform(request: Request, session: ConsoleSession, platform: str) -> Platform:
    which = PLATFORMS.get(platform)
    if which is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, texts_for(request, session).t("common.not_found")
        )
    return which


async def _form(request: Request) -> dict[str, str]:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


def _back(shop_id: str, done: str) -> RedirectResponse:
    return RedirectResponse(f"/console/shops/{shop_id}/setup?done={done}#{done}", status_code=303)


def _said(exc: PeerError) -> str:
    """The peer's refusal in words (validation errors as `field: message`)."""
    if exc.status is None:
        return str(exc)
    return f"{exc.peer} answered {exc.status}: {forms.reason(exc.detail)}"


def _peer_status(exc: PeerError) -> int:
    """The page's status for a peer's refusal: its 4xx, or 502 when it failed or is away."""
    return exc.status if exc.status and 400 <= exc.status < 500 else status.HTTP_502_BAD_GATEWAY


@router.get("/setup")
async def setup_index(request: Request, session: Staff, pool: PoolDep) -> HTMLResponse:
    return render(
        request,
        "setup/index.html",
        session,
        shops=await shops.list_shops(pool, session.principal),
    )


async def _page(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    settings: ResponderSettings,
    shop_id: str,
    *,
    status_code: int = 200,
    alert: tuple[str, str] | None = None,
    **extra: Any,
) -> HTMLResponse:
    principal = session.principal
    manager = principal.at_least("manager")
    context: dict[str, Any] = {
        "shop_id": shop_id,
        "manager": manager,
        "admin": principal.at_least("admin"),
        "alert": alert,
        "revealed": None,
        "signing_secret": None,
        "test_result": None,
        "profile_form": None,
        "settings_form": None,
        "kinds": {"survey": service.SURVEY_KINDS, "notifier": service.NOTIFIER_KINDS},
        "languages": service.LANGUAGES,
        "sources": service.REVIEW_SOURCES,
        "public_url": settings.ingest_public_url.rstrip("/"),
        **extra,
    }
    # Both asked at once: a registry that hangs costs the page one timeout, not two.
    profile, checklist = await asyncio.gather(
        service.profile(settings, shop_id),
        service.checklist(settings, shop_id),
        return_exceptions=True,
    )
    if isinstance(profile, PeerError):
        context.update(profile=None, etag="", profile_error=_said(profile))
    elif isinstance(profile, BaseException):
        raise profile
    else:
        context.update(profile=profile.data, etag=profile.version, profile_error=None)
    if isinstance(checklist, PeerError):
        context.update(checklist=None, checklist_error=_said(checklist))
    elif isinstance(checklist, BaseException):
        raise checklist
    else:
        context.update(checklist=checklist, checklist_error=None)
    context["stored"] = await service.stored_profile(pool, shop_id)
    own, version = await shops.get_settings(pool, shop_id)
    context.update(
        rules=own,
        rules_version=version,
        remedies_text=forms.table_text(own.remedies),
        faq_text=forms.table_text(own.faq_answers),
    )
    known = {s.shop_id: s for s in await shops.list_shops(pool, principal)}
    facts = known.get(shop_id) or Shop(shop_id=shop_id, connector_configured=False)
    context["shop"] = facts
    context["shop_name"] = (
        (context["profile"] or {}).get("display_name") or facts.display_name or shop_id
    )
    context["connector"] = await shops.get_connector(pool, shop_id) if manager else None
    context["templates"] = await replies.templates(pool, principal, shop_id)
    context["users"] = await service.shop_users(pool, shop_id) if context["admin"] else None
    context["test_to"] = extra.get("test_to") or await service.own_email(pool, principal)
    done = request.query_params.get("done")
    if context["alert"] is None and done in DONE:
        context["alert"] = ("success", texts_for(request, session).t(f"setup.done_{done}"))
    return render(request, "setup/shop.html", session, status=status_code, **context)


@router.get("/shops/{shop_id}/setup")
async def shop_setup(
    request: Request,
    shop_id: str,
    session: Staff,
    pool: PoolDep,
    settings: ResponderSettingsDep,
) -> HTMLResponse:
    return await _page(request, session, pool, settings, _shop(request, session, shop_id))


@router.post("/shops/{shop_id}/setup/profile", response_model=None)
async def change_profile(
    request: Request,
    shop_id: str,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
) -> Response:
    """The registry's members, as a merge patch to ingest with the version read (If-Match)."""
    _manager(request, session, shop_id)
    t = texts_for(request, session).t
    form = await _form(request)
    try:
        await service.patch_profile(
            settings,
            session.principal,
            shop_id,
            forms.profile_patch(form),
            form.get("etag", ""),
        )
    except service.Stale:
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            status_code=status.HTTP_412_PRECONDITION_FAILED,
            alert=("warning", t("setup.profile_stale")),
        )
    except PeerError as exc:
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            status_code=_peer_status(exc),
            alert=("error", t("setup.profile_refused", reason=_said(exc))),
            profile_form=form,
        )
    return _back(shop_id, "profile")


@router.post("/shops/{shop_id}/setup/settings", response_model=None)
async def change_settings(
    request: Request,
    shop_id: str,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
) -> Response:
    """The responder's reply rules, by the same service call as `PATCH /v1/shops/{id}/settings`."""
    _manager(request, session, shop_id)
    t = texts_for(request, session).t
    form = await _form(request)
    current, _ = await shops.get_settings(pool, shop_id)
    reason: str | None = None
    try:
        patch = forms.settings_patch(
            form, {"remedies": current.remedies, "faq_answers": current.faq_answers}
        )
        version = form.get("version", "")
        await shops.patch_settings(
            pool, session.principal, shop_id, patch, now, f'"{version}"' if version else None
        )
    except ownership.StaleVersion:
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            status_code=status.HTTP_412_PRECONDITION_FAILED,
            alert=("warning", t("setup.settings_stale")),
        )
    except RequestValidationError as exc:
        reason = forms.errors_text(list(exc.errors()))
    except (forms.BadTable, shops.Refused) as exc:
        reason = str(exc)
    if reason is not None:
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            alert=("error", t("setup.settings_refused", reason=reason)),
            settings_form=form,
        )
    return _back(shop_id, "settings")


async def _connector_refused(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    settings: ResponderSettings,
    shop_id: str,
    reason: str,
) -> HTMLResponse:
    t = texts_for(request, session).t
    return await _page(
        request,
        session,
        pool,
        settings,
        shop_id,
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        alert=("error", t("setup.connector_refused", reason=reason)),
    )


@router.post("/shops/{shop_id}/setup/connector", response_model=None)
async def set_connector(
    request: Request,
    shop_id: str,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
) -> Response:
    """The signed webhook replies are delivered to; its new signing secret is in this answer
    only (the page is not cached)."""
    _manager(request, session, shop_id)
    t = texts_for(request, session).t
    form = await _form(request)
    try:
        body = ConnectorIn.model_validate({"url": form.get("url", "").strip()})
        done = await shops.set_connector(pool, session.principal, settings, shop_id, body, now)
    except ValidationError as exc:
        reason = forms.errors_text(list(exc.errors()))
    except shops.Refused as exc:
        reason = str(exc)
    else:
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            alert=("success", t("setup.connector_saved")),
            signing_secret=done.signing_secret,
        )
    return await _connector_refused(request, session, pool, settings, shop_id, reason)


@router.post("/shops/{shop_id}/setup/connector/{platform}", response_model=None)
async def set_connection(
    request: Request,
    shop_id: str,
    platform: str,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
) -> Response:
    """A platform's reply connection; an empty token keeps the stored one (never shown)."""
    _manager(request, session, shop_id)
    which = _platform(request, session, platform)
    form = await _form(request)
    fields = (
        ("base_url", "business_user_id")
        if which == "trustpilot"
        else ("base_url", "account_id", "location_id")
    )
    raw: dict[str, Any] = {f: form.get(f, "").strip() for f in fields if form.get(f, "").strip()}
    if form.get("access_token", ""):
        raw["access_token"] = form["access_token"]
    try:
        body = (
            TrustpilotConnectionIn.model_validate(raw)
            if which == "trustpilot"
            else GoogleConnectionIn.model_validate(raw)
        )
        await shops.put_connection(pool, session.principal, settings, shop_id, which, body, now)
    except ValidationError as exc:
        reason = forms.errors_text(list(exc.errors(include_input=False)))
    except shops.Refused as exc:
        reason = str(exc)
    else:
        return _back(shop_id, "connection_saved")
    return await _connector_refused(request, session, pool, settings, shop_id, reason)


@router.post("/shops/{shop_id}/setup/connector/{platform}/delete", response_model=None)
async def delete_connection(
    request: Request,
    shop_id: str,
    platform: str,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
) -> Response:
    _manager(request, session, shop_id)
    which = _platform(request, session, platform)
    try:
        await shops.delete_connection(pool, session.principal, shop_id, which, now)
    except shops.ConnectionNotFound:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, texts_for(request, session).t("common.not_found")
        ) from None
    return _back(shop_id, "connector_removed")


@router.post("/shops/{shop_id}/setup/secret", response_model=None)
async def reveal_secret(
    request: Request,
    shop_id: str,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
) -> Response:
    """The registry shows a webhook secret only when it makes one: "reveal" issues a new one
    (the previous keeps verifying until retired) and shows it in this answer only; audited."""
    _manager(request, session, shop_id)
    t = texts_for(request, session).t
    try:
        answer = await service.change_secret(
            pool, settings, session.principal, shop_id, "rotate", now
        )
    except PeerError as exc:
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            status_code=_peer_status(exc),
            alert=("error", t("setup.secret_refused", reason=_said(exc))),
        )
    return await _page(
        request,
        session,
        pool,
        settings,
        shop_id,
        alert=("success", t("setup.secret_issued")),
        revealed={
            "webhook_secret": answer.get("webhook_secret", ""),
            "standard_webhooks_secret": answer.get("standard_webhooks_secret", ""),
        },
    )


@router.post("/shops/{shop_id}/setup/secret/previous", response_model=None)
async def retire_secret(
    request: Request,
    shop_id: str,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
) -> Response:
    _manager(request, session, shop_id)
    t = texts_for(request, session).t
    try:
        await service.change_secret(pool, settings, session.principal, shop_id, "retire", now)
    except PeerError as exc:
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            status_code=_peer_status(exc),
            alert=("error", t("setup.secret_refused", reason=_said(exc))),
        )
    return _back(shop_id, "secret_retired")


def _kind(request: Request, session: ConsoleSession, kind: str) -> str:
    if service.owner_of(kind) is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            texts_for(request, session).t("setup.unknown_kind", kinds=", ".join(service.KINDS)),
        )
    return kind


def _language(request: Request, session: ConsoleSession, raw: str | None) -> str | None:
    if not raw:
        return None
    if raw not in service.LANGUAGES:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            texts_for(request, session).t(
                "setup.bad_language", languages=", ".join(service.LANGUAGES)
            ),
        )
    return raw


@router.get("/shops/{shop_id}/emails/{kind}/preview", response_model=None)
async def email_preview(
    request: Request,
    shop_id: str,
    kind: str,
    session: Staff,
    settings: ResponderSettingsDep,
    language: str | None = None,
    format: str = "html",
) -> Response:
    """The owner's preview: its HTML alone under a CSP that lets nothing run or load
    (`format=html`), or its subject and text inside the console (`format=text`)."""
    _shop(request, session, shop_id)
    _kind(request, session, kind)
    lang = _language(request, session, language)
    t = texts_for(request, session).t
    try:
        email = await service.preview(settings, shop_id, kind, lang)
    except PeerError as exc:
        if format == "html":
            raise HTTPException(
                _peer_status(exc), t("setup.preview_failed", reason=_said(exc))
            ) from None
        email = None
        failure: str | None = t("setup.preview_failed", reason=_said(exc))
    else:
        failure = None
    if format == "html" and email is not None:
        return HTMLResponse(str(email.get("html", "")), headers=PREVIEW_HEADERS)
    return render(
        request,
        "setup/preview.html",
        session,
        status=200 if failure is None else status.HTTP_502_BAD_GATEWAY,
        shop_id=shop_id,
        kind=kind,
        email=email,
        failure=failure,
        language=lang or "",
    )


@router.post("/shops/{shop_id}/emails/{kind}/test", response_model=None)
async def email_test(
    request: Request,
    shop_id: str,
    kind: str,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
) -> Response:
    """One test copy through the owner's test route; its answer (the recipient and subject,
    or the refusal, e.g. the hourly allowance) on the page."""
    _manager(request, session, shop_id)
    _kind(request, session, kind)
    t = texts_for(request, session).t
    form = await _form(request)
    to = form.get("to", "").strip()
    language = _language(request, session, form.get("language"))
    try:
        sent = await service.send_test(settings, session.principal, shop_id, kind, to, language)
    except PeerError as exc:
        reason = _said(exc)
        return await _page(
            request,
            session,
            pool,
            settings,
            shop_id,
            status_code=_peer_status(exc),
            alert=("error", t("setup.test_refused", kind=kind, reason=reason)),
            test_to=to,
        )
    return await _page(
        request,
        session,
        pool,
        settings,
        shop_id,
        alert=(
            "success",
            t("setup.test_sent", kind=kind, to=sent.get("to", to), subject=sent.get("subject", "")),
        ),
        test_to=to,
    )
