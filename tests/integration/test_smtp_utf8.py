"""An internationalised address (RFC 6531) goes out with SMTPUTF8 over the kept connection, and
the next message on that connection is not affected. Encoded as ASCII, MAIL raised halfway:
a 500 for a test copy to `jürgen@bücher.example`, and the next email on the kept connection
answered "503 nested MAIL". Real aiosmtpd sink."""

import pytest

from shared.email.smtp import SmtpConnection
from shared.settings import SmtpServer
from tests.support.smtp import ScriptedSmtp

pytestmark = pytest.mark.integration

IDN = "jürgen@bücher.example"
MESSAGE = b"Subject: x\r\nTo: someone\r\n\r\nhi\r\n"


async def test_an_internationalised_address_then_an_ascii_one_on_the_same_connection() -> None:
    with ScriptedSmtp() as smtp:
        connection = SmtpConnection(SmtpServer(host="127.0.0.1", port=smtp.port))
        try:
            first = await connection.send("surveys@reviewloop.local", IDN, MESSAGE)
            second = await connection.send("surveys@reviewloop.local", "a@example.com", MESSAGE)
        finally:
            await connection.close()
        assert (first.outcome, second.outcome) == ("accepted", "accepted"), (first, second)
        assert smtp.accepted_for(IDN) == 1 and smtp.accepted_for("a@example.com") == 1
