"""`reviewloop surveys explain|send-now`, run as a process against a real survey process,
PostgreSQL, Kafka and the SMTP sink: an order fed through the orders topic is explained as
queued with the steps of its due time, `send-now` makes it due at once, the survey's own
dispatcher sends it, and the explanation then says sent."""

import json
import mailbox
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import httpx
import pytest

from shared.events import serialize_event
from shared.events.envelope import EventEnvelope
from shared.settings import dev_secret
from shared.topics import ORDERS, SHOPS, topic_name
from tests.conftest import connect_as, service_env
from tests.integration.test_operator_cli import cli, cli_env, failed_with, fields_of
from tests.support.kafka import eventually, produce
from tests.support.responder import shop_event
from tests.support.services import running_services, smtp_env
from tests.support.survey import placed, unique_email

pytestmark = pytest.mark.integration

__all__ = ["cli_env"]  # the fixture, used by name

SHOP = "cli-why-shop"
TOKEN = dev_secret("api-token").get_secret_value()


def mails_to(maildir, address: str) -> list[EmailMessage]:
    box = mailbox.Maildir(maildir, create=False)
    found = []
    for key in box.keys():
        parsed = message_from_bytes(box.get_bytes(key), policy=policy.default)
        if isinstance(parsed, EmailMessage) and address in str(parsed["To"] or ""):
            found.append(parsed)
    return found


async def test_surveys_explain_and_send_now(cli_env, infra, database, prefix, log_dir) -> None:
    env = service_env("survey", infra, database, prefix) | smtp_env("survey", infra)
    email = unique_email()
    with running_services({"survey": env}, log_dir) as procs:

        async def publish(event: EventEnvelope) -> None:  # type: ignore[type-arg]
            await produce(
                infra.kafka_bootstrap,
                topic_name(event.topic.name, prefix),
                serialize_event(event),
                key=event.partition_key().encode(),
            )

        await publish(shop_event(SHOP, version=1))
        assert shop_event(SHOP).topic == SHOPS
        url = procs["survey"].url
        api = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(base_url=url, headers=api) as http:
            # Any hour and day may send, so "now" is inside the window whenever this runs.
            window = {"send_window_start_hour": 0, "send_window_end_hour": 24}
            r = await http.patch(
                f"/v1/shops/{SHOP}/survey-settings", json=window | {"skip_sundays": False}
            )
            assert r.status_code == 200, r.text
        order = placed(SHOP, "cli-o-1", email, at=datetime.now(UTC))
        assert order.topic == ORDERS
        await publish(order)
        conn = await connect_as(infra, database, "survey")
        try:

            async def status() -> str | None:
                return await conn.fetchval(
                    "SELECT e.status FROM survey_emails e JOIN surveys s ON s.id = e.survey_id "
                    "WHERE s.shop_id = $1 AND s.order_id = 'cli-o-1' AND e.kind = 'invitation'",
                    SHOP,
                )

            async def scheduled() -> bool:
                return await status() == "pending"

            await eventually(scheduled)
            env = cli_env | {"REVIEWLOOP_SURVEY_URL": url, "SURVEY_API_TOKEN": TOKEN}

            shown = await cli(env, "surveys", "explain", SHOP, "cli-o-1")
            assert shown.code == 0, shown.err
            head, _, rest = shown.out.partition("\n\n")
            values = fields_of(head)
            assert values["decision"] == "queued" and values["provisional"] == "yes"
            assert values["waiting_for"] == "order.fulfilled"
            assert "how:\n  1. base" in rest and "  2. delay" in rest and "fallback" in rest
            as_json = json.loads(
                (await cli(env, "surveys", "explain", SHOP, "cli-o-1", "--json")).out
            )
            assert as_json["decision"] == "queued"
            assert [s["step"] for s in as_json["how"]][:2] == ["base", "delay"]

            before = datetime.now(UTC)
            moved = await cli(env, "surveys", "send-now", SHOP, "cli-o-1")
            assert moved.code == 0, moved.err
            due = datetime.fromisoformat(fields_of(moved.out)["send_at"])
            assert before <= due <= datetime.now(UTC)
            assert "due at" in moved.err

            async def sent() -> bool:
                return await status() == "sent"

            await eventually(sent)
        finally:
            await conn.close()
        (mail,) = mails_to(infra.maildir, email)
        after = await cli(env, "surveys", "explain", SHOP, "cli-o-1")
        values = fields_of(after.out.partition("\n\n")[0])
        assert values["decision"] == "sent" and values["message_id"] == mail["Message-ID"]
        assert values["reminder"] == "pending"
        again = await cli(env, "surveys", "send-now", SHOP, "cli-o-1")
        assert again.code == 0 and fields_of(again.out)["status"] == "sent"
        assert "the invitation is sent already" in again.err

        # A German order without consent is queued, but the facts exclude it already: "due"
        # must not read as on its way (a walk's send-now printed "pending" and nothing came).
        german = unique_email()
        customer = {"email": german, "name": "Greta", "locale": "de-DE", "country": "DE"}
        await publish(
            placed(
                SHOP,
                "cli-o-de",
                german,
                at=datetime.now(UTC),
                customer=customer,
                shipping_country="DE",
            )
        )

        async def queued() -> bool:
            shown = await cli(env, "surveys", "explain", SHOP, "cli-o-de")
            return shown.code == 0

        await eventually(queued)
        skipped = await cli(env, "surveys", "send-now", SHOP, "cli-o-de")
        assert skipped.code == 0 and fields_of(skipped.out)["status"] == "pending", skipped
        assert "it will not be sent as things stand: no_consent" in skipped.err, skipped.err
        assert "it will not be sent" not in moved.err

        unknown = await cli(env, "surveys", "explain", SHOP, "no-such-order")
        assert failed_with(unknown, "(404)", "never heard of")
        nobody = await cli(env, "surveys", "send-now", SHOP, "no-such-order")
        assert failed_with(nobody, "(404)")
        usage = await cli(env, "surveys", "explain", SHOP)
        assert usage.code == 2
        no_token = await cli(
            {k: v for k, v in env.items() if k != "SURVEY_API_TOKEN"},
            "surveys", "explain", SHOP, "cli-o-1",
        )  # fmt: skip
        assert failed_with(no_token, "no survey token")
