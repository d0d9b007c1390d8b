"""The one-line header policy writes the same bytes as the stdlib's compat32 (unfolded) for
every header we build, only faster, and still refuses to let a line break start a header."""

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.errors import HeaderParseError
from email.header import Header
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr

import pytest

from shared.email.mime import UNFOLDED, alternative, new_alternative

STDLIB = compat32.clone(max_line_length=None)

NAMES = ["Tea Shop", "Čajna hiša Šumi", "Ceai & Co. — România", "Tējas veikals Ā", "😀 Emoji"]
SUBJECTS = [
    "How was your order?",
    "Wie war Ihre Bestellung bei Müller?",
    "[Reviewloop][NEGATIVE][1★] Trustpilot review for Tea Shop",
    "x" * 500,
]


def build(name: str, subject: str) -> object:
    msg = new_alternative()
    msg["From"] = formataddr((Header(name, "utf-8").encode(), "hello@shop.example"))
    msg["To"] = "buyer@example.com"
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Message-ID"] = "<invitation.abc@reviewloop.local>"
    msg["List-Unsubscribe"] = f"<https://surveys.example.com/u/{'t' * 300}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.attach(MIMEText(f"Hello {name}\n{subject}", "plain", "utf-8"))
    msg.attach(MIMEText(f"<p>Hello {name}</p>", "html", "utf-8"))
    return msg


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_same_bytes_as_the_stdlib_policy(name: str, subject: str) -> None:
    msg = build(name, subject)
    fast = msg.as_bytes(policy=UNFOLDED)  # type: ignore[attr-defined]
    assert fast == msg.as_bytes(policy=STDLIB)  # type: ignore[attr-defined]
    assert all(len(line) < 998 for line in fast.split(b"\n"))
    parsed = message_from_bytes(fast, policy=policy.default)
    assert str(parsed["Subject"]) == subject
    assert parsed["From"].addresses[0].display_name == name  # type: ignore[union-attr]


def test_values_that_are_not_plain_ascii_take_the_stdlib_path() -> None:
    # Not reachable through alternative() (it encodes and flattens), but the policy must not
    # write a raw line break or non-ASCII byte for a caller that forgot to.
    for chosen in (UNFOLDED, STDLIB):
        with pytest.raises(HeaderParseError, match="embedded header"):
            chosen.fold_binary("X-Test", "a\nB: c")
    assert UNFOLDED.fold_binary("X-Test", "tab\there") == STDLIB.fold_binary("X-Test", "tab\there")
    assert b"\xc5" not in UNFOLDED.fold_binary("X-Test", "Šumi")


def test_boundary_never_occurs_in_the_encoded_parts() -> None:
    text = "--==_rl_ " * 50 + "=_ =_ ==_"
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    raw = alternative(("Shop", "a@b.c"), "d@e.f", "s", "<m@x>", now, text, f"<p>{text}</p>")
    parsed = message_from_bytes(raw, policy=policy.default)
    parts = [p.get_content() for p in parsed.iter_parts()]  # type: ignore[attr-defined]
    assert parts == [text, f"<p>{text}</p>"]
