"""`reviewloop emails preview|test`, run as a process against the real survey and notifier
processes, PostgreSQL, Kafka and the SMTP sink: the kind decides which service is asked
(customer emails: survey; staff emails: notifier)."""

import json
import mailbox
from email import message_from_bytes, policy
from email.message import EmailMessage
from functools import partial

import pytest

from shared.events import serialize_event
from shared.settings import dev_secret
from shared.topics import SHOPS, topic_name
from tests.conftest import connect_as, service_env
from tests.integration.test_operator_cli import cli, cli_env, failed_with, fields_of
from tests.support.kafka import eventually, produce
from tests.support.responder import shop_event
from tests.support.services import running_services, smtp_env
from tests.support.survey import unique_email

pytestmark = pytest.mark.integration

__all__ = ["cli_env"]  # the fixture, used by name

SHOP = "cli-mail-shop"
CONTACT = "help@cli-mail.example"
TOKEN = dev_secret("api-token").get_secret_value()


def mails_to(maildir, address: str) -> list[EmailMessage]:
    box = mailbox.Maildir(maildir, create=False)
    found = []
    for key in box.keys():
        parsed = message_from_bytes(box.get_bytes(key), policy=policy.default)
        if isinstance(parsed, EmailMessage) and address in str(parsed["To"] or ""):
            found.append(parsed)
    return found


async def announced(infra, database: str, service: str) -> bool:
    conn = await connect_as(infra, database, service)
    try:
        version = await conn.fetchval("SELECT profile_version FROM shops WHERE shop_id = $1", SHOP)
    finally:
        await conn.close()
    return bool(version == 1)


async def test_emails_preview_and_test_through_the_survey_and_the_notifier(
    cli_env, infra, database, prefix, log_dir
) -> None:
    envs = {
        name: service_env(name, infra, database, prefix) | smtp_env(name, infra)
        for name in ("survey", "notifier")
    }
    with running_services(envs, log_dir) as procs:
        event = shop_event(SHOP, version=1, contact_email=CONTACT)
        await produce(
            infra.kafka_bootstrap,
            topic_name(SHOPS.name, prefix),
            serialize_event(event),
            key=event.partition_key().encode(),
        )
        # Both services learn the shop from the registry's announcement before a test copy.
        for service in ("survey", "notifier"):
            await eventually(partial(announced, infra, database, service))
        env = cli_env | {
            "REVIEWLOOP_SURVEY_URL": procs["survey"].url,
            "REVIEWLOOP_NOTIFIER_URL": procs["notifier"].url,
            "SURVEY_API_TOKEN": TOKEN,
            "NOTIFIER_API_TOKEN": TOKEN,
        }

        shown = await cli(env, "emails", "preview", SHOP, "invitation", "--language", "de")
        assert shown.code == 0, shown.err
        head, _, text = shown.out.partition("\n\n")
        values = fields_of(head)
        assert values["kind"] == "invitation" and values["language"] == "de"
        assert values["subject"] == f"Wie gefällt Ihnen Ihre Bestellung bei Shop {SHOP}?"
        assert values["reply_to"] == CONTACT
        assert "Beispielprodukt 1" in text and "preview-not-a-real-link" in text
        service_only = await cli(env, "emails", "preview", SHOP, "invitation", "--refunded")
        assert service_only.code == 0, service_only.err
        assert (
            "Share your experience" in service_only.out and "Sample product" not in service_only.out
        )
        html = await cli(env, "emails", "preview", SHOP, "follow_up", "--html")
        assert html.code == 0 and html.out.startswith("<!doctype html>")
        as_json = await cli(env, "emails", "preview", SHOP, "reminder", "--json")
        assert json.loads(as_json.out)["language"] == "en"

        to = unique_email()
        sent = await cli(env, "emails", "test", SHOP, "reminder", "--to", to, "--language", "sl")
        assert sent.code == 0, sent.err
        assert fields_of(sent.out)["subject"].startswith("[TEST] Kratek opomnik")
        assert "one test copy of the reminder email sent to" in sent.err
        (mail,) = mails_to(infra.maildir, to)
        assert str(mail["Subject"]).startswith("[TEST] ") and mail["Reply-To"] == CONTACT

        # Staff emails come from the notifier.
        alert = await cli(env, "emails", "preview", SHOP, "alert", "--json")
        assert alert.code == 0, alert.err
        assert json.loads(alert.out)["kind"] == "alert"
        staff = unique_email()
        sent = await cli(env, "emails", "test", SHOP, "digest", "--to", staff)
        assert sent.code == 0, sent.err
        assert len(mails_to(infra.maildir, staff)) == 1

        # A notifier that predates the routes answers FastAPI's bare 404: said as such.
        old = env | {"REVIEWLOOP_NOTIFIER_URL": f"{procs['notifier'].url}/before-18"}
        predates = await cli(old, "emails", "preview", SHOP, "digest")
        assert failed_with(predates, "has no email previews or test copies (digest)")

        nobody = await cli(env, "emails", "test", "nobody", "invitation", "--to", to)
        assert failed_with(nobody, "(404)", "unknown shop")
        wrong = await cli(env, "emails", "preview", SHOP, "newsletter")
        assert wrong.code == 2 and "invitation" in wrong.err
        french = await cli(env, "emails", "preview", SHOP, "invitation", "--language", "fr")
        assert french.code == 2
        no_token = await cli(
            {k: v for k, v in env.items() if k != "SURVEY_API_TOKEN"},
            "emails", "preview", SHOP, "invitation",
        )  # fmt: skip
        assert failed_with(no_token, "no survey token")
    assert len(mails_to(infra.maildir, to)) == 1
