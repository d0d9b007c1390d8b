"""The console's shop setup pages on real PostgreSQL, with the real ingest and notifier apps
behind real HTTP ports: the readiness checklist and the registry's profile come from ingest's
admin API, a profile change goes there as a merge patch with If-Match and the staff member
named in the registry's change log, a stale form gets 412 with the current values, the webhook
secret is shown only after a manager asks (and audited), email previews come from the notifier
under their own CSP; an unreachable peer is a message, an agent cannot change anything, and
another shop answers 404."""

import html
import re
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from services.ingest.app import MIGRATIONS as INGEST_MIGRATIONS
from services.ingest.app import build as build_ingest
from services.ingest.settings import IngestSettings
from services.notifier.app import MIGRATIONS as NOTIFIER_MIGRATIONS
from services.notifier.app import build as build_notifier
from services.notifier.settings import NotifierSettings
from services.responder.app import build as build_responder
from services.responder.audit import repository as audit
from services.survey.app import MIGRATIONS as SURVEY_MIGRATIONS
from services.survey.app import build as build_survey
from services.survey.settings import SurveySettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from tests.integration import test_notifier as notifier_harness
from tests.integration.test_notifier import Notifier, inbox
from tests.integration.test_notifier import shop as announce
from tests.support.admin import ADMIN
from tests.support.browser import chromium, serving, tab
from tests.support.console import PASSWORD, browser_client, field, post_form, signed_in, staff
from tests.support.responder import Responder, running_responder, shop_event, user_with_key

pytestmark = pytest.mark.integration

PUBLIC = "https://hooks.shop.example"
# The notifier's own test fixture (settings with the SMTP sink, its schema migrated).
notifier = notifier_harness.notifier


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def serving_service(
    make_settings: Any, kind: type[Any], build: Any, migrations: Any, name: str
) -> AsyncIterator[str]:
    """The service's app on a real port, its migrations applied on its own schema."""
    settings = make_settings(kind)
    app, runtime = build(settings)
    pool = await create_pool(settings)
    try:
        await apply_migrations(pool, settings.db_schema, service_migrations(name, migrations))
        runtime.pool = pool
        async with serving(app) as url:
            yield url
    finally:
        await pool.close()


@pytest.fixture
async def stack(make_settings: Any) -> AsyncIterator[tuple[Responder, str]]:
    async with (
        serving_service(
            make_settings, IngestSettings, build_ingest, INGEST_MIGRATIONS, "ingest"
        ) as ingest,
        serving_service(
            make_settings, NotifierSettings, build_notifier, NOTIFIER_MIGRATIONS, "notifier"
        ) as notifier_url,
        serving_service(
            make_settings, SurveySettings, build_survey, SURVEY_MIGRATIONS, "survey"
        ) as survey_url,
        running_responder(
            make_settings,
            ingest_url=ingest,
            ingest_public_url=PUBLIC,
            notifier_url=notifier_url,
            survey_url=survey_url,
            # The Chromium test serves plain http on 127.0.0.1.
            console_cookie_secure=False,
        ) as responder,
    ):
        await responder.feed(shop_event("s1"))
        await responder.feed(shop_event("s2"))
        yield responder, ingest


async def register(ingest: str, shop_id: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=ingest, headers=ADMIN) as http:
        r = await http.post(
            "/v1/admin/shops",
            json={
                "shop_id": shop_id,
                "platform": "shopify",
                "display_name": f"Tea {shop_id}",
                "country": "SI",
                "timezone": "Europe/Ljubljana",
                "contact_email": f"hello@{shop_id}.example",
            },
        )
        assert r.status_code == 201, r.text
        created: dict[str, Any] = r.json()
        return created


async def registry(ingest: str, path: str) -> Any:
    async with httpx.AsyncClient(base_url=ingest, headers=ADMIN) as http:
        r = await http.get(f"/v1/admin/shops/{path}")
        assert r.status_code == 200, r.text
        return r.json()


def profile_form(page: str, **changes: str) -> dict[str, str]:
    """The profile form's fields as the page shows them, with `changes`."""
    form = page.split('action="/console/shops/s1/setup/profile"', 1)[1].split("</form>", 1)[0]
    data = dict(
        re.findall(r'<input id="[^"]*" name="([^"]+)" type="[^"]*"[^>]* value="([^"]*)"', form)
    )
    data.update(re.findall(r'name="([^"]+)"[^>]*>([^<]*)</textarea>', form))
    data["etag"] = re.search(r'name="etag" value="([^"]*)"', form).group(1).replace("&#34;", '"')  # type: ignore[union-attr]
    data.update(changes)
    return data


async def test_checklist_profile_and_a_change_through_the_registry(
    stack: tuple[Responder, str],
) -> None:
    responder, ingest = stack
    created = await register(ingest, "s1")
    manager = await staff(responder, "manager", ["s1"], "max@s1.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "max@s1.example")
        index = await client.get("/console/setup")
        assert index.status_code == 200
        assert 'href="/console/shops/s1/setup"' in index.text
        assert "/console/shops/s2/setup" not in index.text

        page = await client.get("/console/shops/s1/setup")
        assert page.status_code == 200, page.text
        # The registry's checklist: a shop with no webhook yet is not ready.
        assert "Not ready" in page.text
        assert "alerts go to hello@s1.example" in page.text
        assert f"{PUBLIC}/webhooks/shopify/s1" in page.text
        assert f"{PUBLIC}/reviews/trustpilot/s1" in page.text
        assert created["webhook_secret"] not in page.text

        form = profile_form(
            page.text,
            alert_recipients="ops@s1.example\nlead@s1.example",
            sla_hours="8",
        )
        r = await post_form(client, "/console/shops/s1/setup/profile", csrf, form)
        assert r.status_code == 303, r.text
        assert r.headers["location"].startswith("/console/shops/s1/setup?done=profile")
        after = await registry(ingest, "s1")
        assert after["alert_recipients"] == ["ops@s1.example", "lead@s1.example"]
        assert after["sla"]["hours"] == 8
        assert after["version"] == created["version"] + 1
        (change, *_) = await registry(ingest, "s1/changes")
        assert change["actor"] == f"admin-token:user:{manager}"
        done = await client.get(r.headers["location"])
        assert "The profile is saved" in done.text
        assert "lead@s1.example" in done.text

        # The same (now stale) form again: 412, nothing changes, the current values shown.
        stale = await post_form(
            client, "/console/shops/s1/setup/profile", csrf, {**form, "sla_hours": "12"}
        )
        assert stale.status_code == 412, stale.text
        assert "Someone changed the profile while you edited it" in stale.text
        assert 'name="sla_hours" type="number" inputmode="numeric" value="8"' in stale.text
        assert (await registry(ingest, "s1"))["sla"]["hours"] == 8

        # A value the registry refuses: its reason, naming the field.
        fresh = profile_form((await client.get("/console/shops/s1/setup")).text)
        bad = await post_form(
            client, "/console/shops/s1/setup/profile", csrf, {**fresh, "timezone": "Mars/Base"}
        )
        assert bad.status_code == 422, bad.text
        assert "The shop registry did not take the change" in bad.text
        assert "timezone" in bad.text and "Mars/Base" in bad.text


async def test_the_secret_is_shown_only_when_a_manager_asks(
    stack: tuple[Responder, str],
) -> None:
    responder, ingest = stack
    created = await register(ingest, "s1")
    await staff(responder, "manager", ["s1"], "max@s1.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "max@s1.example")
        page = await client.get("/console/shops/s1/setup")
        assert "Reveal a new secret" in page.text
        assert "whsec_" not in page.text and created["webhook_secret"] not in page.text

        shown = await post_form(client, "/console/shops/s1/setup/secret", csrf)
        assert shown.status_code == 200, shown.text
        secret = re.search(r'<code class="secret">([^<]+)</code>', shown.text)
        assert secret is not None and secret.group(1) != created["webhook_secret"]
        assert shown.headers["cache-control"] == "no-store"
        state = await registry(ingest, "s1")
        assert state["has_previous_secret"] is True

        again = await client.get("/console/shops/s1/setup")
        assert secret.group(1) not in again.text
        async with responder.pool.acquire() as conn:
            entries = await audit.for_shops(conn, ["s1"], None, 10)
        (entry,) = [e for e in entries if e["action"] == "shop.webhook_secret_rotated"]
        assert secret.group(1) not in str(entry)

        retired = await post_form(client, "/console/shops/s1/setup/secret/previous", csrf)
        assert retired.status_code == 303
        assert (await registry(ingest, "s1"))["has_previous_secret"] is False


async def test_an_agent_reads_but_cannot_change_and_another_shop_is_not_there(
    stack: tuple[Responder, str],
) -> None:
    responder, ingest = stack
    await register(ingest, "s1")
    await register(ingest, "s2")
    await staff(responder, "agent", ["s1"], "ana@s1.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "ana@s1.example")
        page = await client.get("/console/shops/s1/setup")
        assert page.status_code == 200, page.text
        assert "hello@s1.example" in page.text
        assert "/setup/profile" not in page.text and "/setup/secret" not in page.text
        for path in (
            "/console/shops/s1/setup/profile",
            "/console/shops/s1/setup/secret",
            "/console/shops/s1/setup/settings",
            "/console/shops/s1/emails/alert/test",
        ):
            r = await post_form(client, path, csrf, {"to": "ana@s1.example"})
            assert r.status_code == 403, (path, r.text)
        assert (await registry(ingest, "s1"))["has_previous_secret"] is False
        for path in ("/console/shops/s2/setup", "/console/shops/s2/emails/alert/preview"):
            assert (await client.get(path)).status_code == 404
        r = await post_form(client, "/console/shops/s2/setup/secret", csrf)
        assert r.status_code == 404


async def test_reply_rules_with_their_version(stack: tuple[Responder, str]) -> None:
    responder, ingest = stack
    await register(ingest, "s1")
    await staff(responder, "manager", ["s1"], "max@s1.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "max@s1.example")
        page = await client.get("/console/shops/s1/setup")
        version = field(page.text, "version")
        rules = {
            "version": version,
            "agents_can_approve": "on",
            "signature": "Mojca, Tea s1",
            "max_reply_chars_negative": "500",
            "max_reply_chars": "900",
            "remedies": "damaged_packaging = We send a new one.\ndefault = We make it right.",
            "faq_answers": "",
            "automation_delay_minutes": "0",
            "automation_min_confidence": "0.9",
        }
        r = await post_form(client, "/console/shops/s1/setup/settings", csrf, rules)
        assert r.status_code == 303, r.text
        async with responder.http() as http:
            _, key = await user_with_key(http, "manager", ["s1"])
            stored = (await http.get("/v1/shops/s1/settings", headers=key)).json()
        assert stored["agents_can_approve"] is True
        assert stored["remedies"] == {
            "damaged_packaging": "We send a new one.",
            "default": "We make it right.",
        }
        # A removed line is removed; the old version is stale now.
        stale = await post_form(
            client, "/console/shops/s1/setup/settings", csrf, {**rules, "remedies": ""}
        )
        assert stale.status_code == 412
        assert "Someone changed the reply rules" in stale.text
        page = await client.get("/console/shops/s1/setup")
        fresh = {**rules, "version": field(page.text, "version"), "remedies": "default = Sorry."}
        r = await post_form(client, "/console/shops/s1/setup/settings", csrf, fresh)
        assert r.status_code == 303
        async with responder.http() as http:
            stored = (await http.get("/v1/shops/s1/settings", headers=key)).json()
        assert stored["remedies"] == {"default": "Sorry."}
        # The responder's own bounds, with the field named.
        bad = await post_form(
            client,
            "/console/shops/s1/setup/settings",
            csrf,
            {**fresh, "version": "", "max_reply_chars": "9"},
        )
        assert bad.status_code == 422
        assert "max_reply_chars" in bad.text and "The reply rules were not saved" in bad.text
        # The form keeps what was typed, to be corrected.
        assert 'name="max_reply_chars" type="number" value="9"' in bad.text
        assert 'name="agents_can_approve" checked>' in bad.text
        line = await post_form(
            client,
            "/console/shops/s1/setup/settings",
            csrf,
            {**fresh, "version": "", "faq_answers": "no equals sign"},
        )
        assert line.status_code == 422
        assert "faq_answers, line 1: write it as key = text" in line.text
        # The shop's templates in words staff read, not the API's codes.
        async with responder.http() as http:
            for name, topic in (("Parcel late", "delivery_delay"), ("Hours", "faq:opening_hours")):
                made = await http.post(
                    "/v1/shops/s1/templates",
                    headers=key,
                    json={
                        "name": name,
                        "language": "en",
                        "sentiment": "neutral",
                        "topic": topic,
                        "body": "{greeting} Thank you for writing. {invitation}",
                    },
                )
                assert made.status_code == 201, made.text
        page = await client.get("/console/shops/s1/setup")
        assert (
            "<tr><td>Parcel late</td><td>EN</td><td>Neutral</td>"
            '<td data-topic="delivery_delay">Late delivery</td></tr>'
        ) in page.text
        assert '<td data-topic="faq:opening_hours">Question: Opening hours</td>' in page.text


async def test_email_previews_from_the_notifier_and_test_sends(
    stack: tuple[Responder, str],
) -> None:
    responder, ingest = stack
    await register(ingest, "s1")
    await staff(responder, "manager", ["s1"], "max@s1.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "max@s1.example")
        html = await client.get("/console/shops/s1/emails/alert/preview?format=html")
        assert html.status_code == 200, html.text
        csp = html.headers["content-security-policy"]
        assert "sandbox" in csp and "default-src 'none'" in csp and "script-src" not in csp
        assert "<html" in html.text.lower()
        text = await client.get("/console/shops/s1/emails/digest/preview?format=text&language=de")
        assert text.status_code == 200, text.text
        assert "Subject" in text.text and 'class="email-text"' in text.text
        assert (await client.get("/console/shops/s1/emails/nope/preview")).status_code == 404
        bad = await client.get("/console/shops/s1/emails/alert/preview?language=xx")
        assert bad.status_code == 422
        # The survey's own kinds come from the survey service, for the shop's contact.
        survey = await client.get("/console/shops/s1/emails/invitation/preview?format=text")
        assert survey.status_code == 200, survey.text
        assert "preview-not-a-real-link" in survey.text
        survey_html = await client.get("/console/shops/s1/emails/reminder/preview?format=html")
        assert survey_html.status_code == 200
        assert "sandbox" in survey_html.headers["content-security-policy"]
        # The notifier has not heard of s1 (no Kafka here): its refusal, shown.
        r = await post_form(
            client, "/console/shops/s1/emails/alert/test", csrf, {"to": "max@s1.example"}
        )
        assert r.status_code == 404, r.text
        assert "The test copy of the alert email was not sent: notifier answered 404" in r.text


async def test_an_unreachable_registry_is_a_message(make_settings: Any) -> None:
    async with running_responder(
        make_settings,
        ingest_url=f"http://127.0.0.1:{closed_port()}",
        survey_url=f"http://127.0.0.1:{closed_port()}",
        notifier_url=f"http://127.0.0.1:{closed_port()}",
    ) as responder:
        await responder.feed(shop_event("s1", contact_email="hello@s1.example"))
        await staff(responder, "manager", ["s1"], "max@s1.example")
        async with browser_client(responder) as client:
            csrf = await signed_in(client, "max@s1.example")
            page = await client.get("/console/shops/s1/setup")
            assert page.status_code == 200, page.text
            assert "The shop registry could not be asked for the profile: ingest unreachable" in (
                page.text
            )
            assert "checklist could not be read: ingest unreachable" in page.text
            # The copy the registry last announced is still shown.
            assert "hello@s1.example" in page.text
            r = await post_form(client, "/console/shops/s1/setup/secret", csrf)
            assert r.status_code == 502
            assert "ingest unreachable" in r.text
            # The email owners are away too: their previews say so, not a 500.
            down = await client.get("/console/shops/s1/emails/invitation/preview?format=text")
            assert down.status_code == 502
            assert "survey unreachable" in down.text
            html_down = await client.get("/console/shops/s1/emails/alert/preview")
            assert html_down.status_code == 502
            assert "notifier unreachable" in html_down.text


async def test_a_test_copy_goes_out_through_the_notifier_then_its_allowance_says_no(
    notifier: Notifier, make_settings: Any
) -> None:
    """The real notifier with the SMTP sink: the page names the recipient and the subject sent,
    the copy arrives; past the shop's hourly allowance the notifier's 429 reason is shown."""
    notifier.settings.test_sends_per_hour = 1
    await announce(notifier, "s1")
    tester = inbox()
    app, runtime = build_notifier(notifier.settings)
    runtime.pool = notifier.pool
    runtime.clock = notifier.clock
    async with (
        serving(app) as url,
        running_responder(
            make_settings, ingest_url=f"http://127.0.0.1:{closed_port()}", notifier_url=url
        ) as responder,
    ):
        await responder.feed(shop_event("s1"))
        await staff(responder, "manager", ["s1"], "max@s1.example")
        async with browser_client(responder) as client:
            csrf = await signed_in(client, "max@s1.example")
            sent = await post_form(
                client, "/console/shops/s1/emails/digest/test", csrf, {"to": tester}
            )
            assert sent.status_code == 200, sent.text
            (mail,) = notifier.mails_to(tester)
            assert f"A test copy of the digest email went to {tester}: " in sent.text
            assert html.escape(mail["Subject"], quote=False) in sent.text
            again = await post_form(
                client, "/console/shops/s1/emails/alert/test", csrf, {"to": tester}
            )
            assert again.status_code == 429, again.text
            assert "at most 1 test copies per shop and hour" in again.text
            assert len(notifier.mails_to(tester)) == 1


async def test_the_page_and_a_preview_in_chromium_at_phone_width(
    stack: tuple[Responder, str],
) -> None:
    """A manager's whole page (every form) and an email's text preview: no CSP violation, no
    sideways scroll, no serious or critical axe-core finding; the HTML preview is sandboxed."""
    responder, ingest = stack
    await register(ingest, "s1")
    await staff(responder, "manager", ["s1"], "max@s1.example")
    app, runtime = build_responder(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    async with serving(app) as url, chromium() as browser, tab(browser) as t:
        await t.page.goto(f"{url}/console/shops/s1/setup")
        await t.page.fill("#email", "max@s1.example")
        await t.page.fill("#password", PASSWORD)
        await t.page.click("button[type=submit]")
        await t.page.wait_for_url("**/console/shops/s1/setup")
        assert await t.page.locator("#readiness li").count() >= 1
        assert await t.csp_violations() == []
        assert await t.horizontal_overflow() == 0
        serious = [v for v in await t.axe_violations() if v["impact"] in ("serious", "critical")]
        assert serious == [], serious
        # A manager's reveal, by keyboard: the secret appears, the page still fits.
        await t.page.get_by_role("button", name="Reveal a new secret").focus()
        await t.page.keyboard.press("Enter")
        await t.page.wait_for_selector("code.secret")
        assert await t.horizontal_overflow() == 0

        await t.page.goto(f"{url}/console/shops/s1/emails/alert/preview?format=text")
        assert await t.page.locator("pre.email-text").is_visible()
        assert await t.csp_violations() == []
        assert await t.horizontal_overflow() == 0
        serious = [v for v in await t.axe_violations() if v["impact"] in ("serious", "critical")]
        assert serious == [], serious
        answer = await t.page.goto(f"{url}/console/shops/s1/emails/alert/preview?format=html")
        assert answer is not None and "sandbox" in answer.headers["content-security-policy"]


async def test_connectors_show_their_secret_once_and_never_their_tokens(
    stack: tuple[Responder, str],
) -> None:
    responder, ingest = stack
    await register(ingest, "s1")
    await staff(responder, "manager", ["s1"], "max@s1.example")
    setup = "/console/shops/s1/setup"
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "max@s1.example")
        # A receiver on a private address is refused with the outbound policy's reason.
        private = await post_form(
            client, f"{setup}/connector", csrf, {"url": "http://127.0.0.1:9/replies"}
        )
        assert private.status_code == 422
        assert "The connector was not saved: url: " in private.text
        made = await post_form(
            client, f"{setup}/connector", csrf, {"url": "https://93.184.216.34/replies"}
        )
        assert made.status_code == 200, made.text
        secret = re.search(r'<code class="secret">(whsec_[^<]+)</code>', made.text)
        assert secret is not None
        page = await client.get(setup)
        assert "Replies are posted to https://93.184.216.34/replies." in page.text
        assert secret.group(1) not in page.text

        token = "tp-token-that-must-never-show"
        r = await post_form(
            client,
            f"{setup}/connector/trustpilot",
            csrf,
            {
                "base_url": "https://93.184.216.34",
                "business_user_id": "bu-1",
                "access_token": token,
            },
        )
        assert r.status_code == 303, r.text
        page = await client.get(r.headers["location"])
        assert "The connection is saved." in page.text
        assert "A token is stored and never shown" in page.text
        assert token not in page.text
        # Without a token: the stored one is kept. A new connection needs one.
        kept = await post_form(
            client,
            f"{setup}/connector/trustpilot",
            csrf,
            {"base_url": "https://93.184.216.34", "business_user_id": "bu-2"},
        )
        assert kept.status_code == 303
        async with responder.http() as http:
            _, key = await user_with_key(http, "manager", ["s1"])
            linked = (await http.get("/v1/shops/s1/connector", headers=key)).json()
        assert linked["platforms"]["trustpilot"]["business_user_id"] == "bu-2"
        assert linked["platforms"]["trustpilot"]["access_token_set"] is True
        google = await post_form(
            client,
            f"{setup}/connector/google",
            csrf,
            {"account_id": "a1", "location_id": "l1"},
        )
        assert google.status_code == 422
        assert "access_token: required for a new google connection" in google.text
        gone = await post_form(client, f"{setup}/connector/trustpilot/delete", csrf)
        assert gone.status_code == 303
        page = await client.get(gone.headers["location"])
        assert "The connection is removed." in page.text
        assert (await post_form(client, f"{setup}/connector/myspace", csrf)).status_code == 404
