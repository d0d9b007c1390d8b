"""Previews and test copies of the notifier's emails (alert, escalation, digest): built by the
real templates for the shop as the registry announced it, from a made-up review; a test copy
reaches the real SMTP sink once, marked `[TEST]`, touching no review, notification or timer,
and a shop may send only so many an hour. Real PostgreSQL and SMTP sink, in-process."""

from datetime import timedelta

import pytest

from tests.integration.test_notifier import AUTH, Notifier, inbox, notifier, shop

pytestmark = pytest.mark.integration

__all__ = ["notifier"]  # the fixture, shared with test_notifier.py

SAMPLE_TEXT = {
    "en": "nobody answers",
    "de": "niemand beantwortet",
    "sl": "nihče ne odgovarja",
    "lv": "neviens neatbild",
    "ro": "nimeni nu răspunde",
}


async def _rows(n: Notifier, shop_id: str) -> int:
    counted: int = await n.pool.fetchval(
        """
        SELECT (SELECT count(*) FROM notifications WHERE shop_id = $1)
             + (SELECT count(*) FROM reviews WHERE shop_id = $1)
             + (SELECT count(*) FROM timers WHERE shop_id = $1)
        """,
        shop_id,
    )
    return counted


async def test_previews_of_every_kind_in_every_language(notifier: Notifier) -> None:
    await shop(notifier, "p1", alert_recipients=[inbox()], sla={"hours": 4})
    async with notifier.http() as http:
        for language, phrase in SAMPLE_TEXT.items():
            r = await http.get(
                "/v1/shops/p1/emails/alert/preview", params={"language": language}, headers=AUTH
            )
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["language"] == language
            assert body["subject"].startswith("[Reviewloop][negative]")
            assert body["subject"].endswith("review for Tea Shop")
            assert phrase in body["text"] and phrase in body["html"]
            assert f"Language: {language}" in body["text"]
            # The shop's SLA from the registry: due 4 hours after the sample was written.
            written = notifier.clock.now - timedelta(hours=1)
            due = (written + timedelta(hours=4)).isoformat(timespec="minutes")
            assert f"Reply due by: {due}" in body["text"]
        escalation = await http.get("/v1/shops/p1/emails/escalation/preview", headers=AUTH)
        assert escalation.status_code == 200, escalation.text
        assert escalation.json()["subject"] == (
            "[Reviewloop][ESCALATION:first] unanswered negative review for Tea Shop"
        )
        assert escalation.json()["language"] == "en"  # the shop's locale
        digest = await http.get("/v1/shops/p1/emails/digest/preview", headers=AUTH)
        assert digest.status_code == 200, digest.text
        assert digest.json()["subject"].startswith("[Reviewloop][DIGEST] Tea Shop ")
        assert "Unanswered negative reviews: 2" in digest.json()["text"]
        # Unknown kinds and languages are refused with the field named.
        for path, params in (
            ("/v1/shops/p1/emails/invoice/preview", {}),
            ("/v1/shops/p1/emails/alert/preview", {"language": "fr"}),
        ):
            r = await http.get(path, params=params, headers=AUTH)
            assert r.status_code == 422, r.text
    assert await _rows(notifier, "p1") == 0


async def test_a_test_copy_reaches_the_address_once_and_touches_nothing_real(
    notifier: Notifier,
) -> None:
    staff, tester = inbox(), inbox()
    await shop(notifier, "t1", alert_recipients=[staff])
    async with notifier.http() as http:
        r = await http.post(
            "/v1/shops/t1/emails/alert/test",
            json={"to": tester, "language": "de"},
            headers=AUTH,
        )
        assert r.status_code == 200, r.text
        sent = r.json()
    (mail,) = notifier.mails_to(tester)
    assert mail["Subject"] == sent["subject"]
    assert mail["Subject"].startswith("[TEST] [Reviewloop][negative]")
    assert mail["Message-ID"] == sent["message_id"]
    text = mail.get_body(("plain",)).get_content()
    assert "test copy" in text and SAMPLE_TEXT["de"] in text
    assert notifier.mails_to(staff) == []  # only the address asked for
    assert await _rows(notifier, "t1") == 0


async def test_test_copies_are_bounded_per_shop_and_hour(notifier: Notifier) -> None:
    notifier.settings.test_sends_per_hour = 2
    tester = inbox()
    await shop(notifier, "t2")
    await shop(notifier, "t3")
    async with notifier.http() as http:

        async def send(kind: str) -> int:
            r = await http.post(
                f"/v1/shops/t2/emails/{kind}/test", json={"to": tester}, headers=AUTH
            )
            if r.status_code == 429:
                assert int(r.headers["Retry-After"]) > 0
            return r.status_code

        assert [await send("digest"), await send("escalation"), await send("alert")] == [
            200,
            200,
            429,
        ]
        # Another shop has its own allowance; an hour later this one has again.
        assert (
            await http.post("/v1/shops/t3/emails/alert/test", json={"to": tester}, headers=AUTH)
        ).status_code == 200
        notifier.clock.now += timedelta(hours=1, seconds=1)
        assert await send("alert") == 200
        bad = await http.post(
            "/v1/shops/t2/emails/alert/test", json={"to": "not an address"}, headers=AUTH
        )
        assert bad.status_code == 422
        # Only for shops the registry announced: a made-up id has no allowance of its own.
        unknown = await http.post(
            "/v1/shops/made-up/emails/alert/test", json={"to": tester}, headers=AUTH
        )
        assert unknown.status_code == 404 and "unknown shop" in unknown.json()["detail"]
    assert len(notifier.mails_to(tester)) == 4
