"""The reply linter: machine-readable findings on every draft and every edit.

`block` findings stop approval and publication: offering anything for changing or removing a
review, steering unhappy customers away from reviewing, and personal data or order details in a
public reply. `warn` findings are advice a person may overrule: defensive or blaming wording,
repeated apologies, a negative answered without an apology or without an invitation to a
private channel, a danger to safety or health left unanswered, excessive length, a reply in
another language than the review.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import anyio.to_thread
from pydantic import BaseModel

from services.responder.replies import language as languages
from services.responder.replies.text import Folded, fold
from services.responder.replies.wording import WORDING

Severity = Literal["block", "warn"]


class Finding(BaseModel):
    code: str
    severity: Severity
    message: str
    # Where in the reply (character offsets into the text as written), when it is one place.
    start: int | None = None
    end: int | None = None
    excerpt: str | None = None


@dataclass(frozen=True)
class LintContext:
    sentiment: str
    review_language: str | None = None
    reviewer_name: str | None = None
    order_id: str | None = None
    # The shop's own email, phone and contact URL: a reply may show these.
    allowed_contacts: set[str] = field(default_factory=set)
    max_chars: int = 1000
    # The review tells of a danger to safety or health (severity reason safety, health_injury).
    safety_risk: bool = False


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _all(attribute: str) -> re.Pattern[str]:
    return _compile(p for w in WORDING.values() for p in getattr(w, attribute))


_APOLOGY = _all("apology")
_CHANNEL = _all("private_channel")
_DEFENSIVE = _all("defensive")
_INCENTIVE = _all("incentive")
_REVIEW_CHANGE = _all("review_change")
_REVIEW_REQUEST = _all("review_request")
_INSTEAD = _all("instead_of_review")
_ORDER_NUMBER = _all("order_number")
_ADDRESS = _all("address")
_SAFETY = _all("safety")

# Starts only where a run of address characters starts: tried at every position of a long run,
# the local part was scanned to its end from each one (quadratic: 200 ms for 5,000 letters).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()/.-]{6,}\d(?!\w)")
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_NOT_DIGIT = re.compile(r"\D")
_PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]|\{[a-z_]+\}")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


def _finding(
    folded: Folded, code: str, severity: Severity, message: str, start: int, end: int
) -> Finding:
    s, e = folded.span(start, end)
    return Finding(
        code=code,
        severity=severity,
        message=message,
        start=s,
        end=e,
        excerpt=folded.original[s:e],
    )


def _plain(text: str, code: str, severity: Severity, message: str, m: re.Match[str]) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        start=m.start(),
        end=m.end(),
        excerpt=text[m.start() : m.end()],
    )


def _digits(value: str) -> str:
    return _NOT_DIGIT.sub("", value)


def lint(text: str, ctx: LintContext) -> list[Finding]:
    folded = fold(text)
    t = folded.text
    findings: list[Finding] = []
    allowed = {c.lower() for c in ctx.allowed_contacts}
    allowed_digits = {_digits(c) for c in allowed if len(_digits(c)) >= 6}

    # -- blocks -------------------------------------------------------------------------------
    findings.extend(_incentives(folded))
    for m in _INSTEAD.finditer(t):
        findings.append(
            _finding(
                folded,
                "discourages_review",
                "block",
                "asks the customer to contact support instead of reviewing; invite them to a "
                "private channel without discouraging reviews",
                m.start(),
                m.end(),
            )
        )
    emails = list(_EMAIL.finditer(text))
    email_spans = [(m.start(), m.end()) for m in emails]
    for m in emails:
        if m.group().lower() not in allowed and not any(m.group().lower() in a for a in allowed):
            findings.append(
                _plain(
                    text,
                    "personal_email",
                    "block",
                    "an email address that is not the shop's own contact",
                    m,
                )
            )
    order_spans: list[tuple[int, int]] = []
    for m in _ORDER_NUMBER.finditer(t):
        f = _finding(
            folded,
            "order_details",
            "block",
            "an order, invoice or parcel number in a public reply",
            m.start(),
            m.end(),
        )
        order_spans.append((f.start or 0, f.end or 0))
        findings.append(f)
    if ctx.order_id and len(ctx.order_id) >= 3:
        pattern = re.compile(rf"(?<![\w-]){re.escape(ctx.order_id.lower())}(?![\w-])")
        for m in pattern.finditer(text.lower()):
            if not any(s <= m.start() < e for s, e in order_spans):
                findings.append(
                    _plain(
                        text,
                        "order_details",
                        "block",
                        "the customer's order number in a public reply",
                        m,
                    )
                )
    for m in _PHONE.finditer(text):
        value = m.group()
        digits = _digits(value)
        if len(digits) < 8 or _DATE.match(value.strip()):
            continue
        if digits in allowed_digits or any(s <= m.start() < e for s, e in order_spans):
            continue
        findings.append(
            _plain(text, "personal_phone", "block", "a phone number that is not the shop's", m)
        )
    for m in _ADDRESS.finditer(t):
        findings.append(
            _finding(
                folded,
                "personal_address",
                "block",
                "a street address in a public reply",
                m.start(),
                m.end(),
            )
        )
    findings.extend(
        f
        for f in _surname(folded, ctx.reviewer_name)
        # A surname inside an e-mail address is reported as the address.
        if not any(s <= (f.start or 0) < e for s, e in email_spans)
    )
    for m in _PLACEHOLDER.finditer(text):
        findings.append(
            _plain(
                text,
                "unfilled_placeholder",
                "block",
                "a placeholder was left unfilled; write the missing part",
                m,
            )
        )

    # -- warnings -----------------------------------------------------------------------------
    for m in _DEFENSIVE.finditer(t):
        findings.append(
            _finding(
                folded,
                "defensive_language",
                "warn",
                "defensive or blaming wording; acknowledge the experience instead of arguing",
                m.start(),
                m.end(),
            )
        )
    apologies = list(_APOLOGY.finditer(t))
    if len(apologies) >= 2:
        second = apologies[1]
        findings.append(
            _finding(
                folded,
                "repeated_apology",
                "warn",
                f"{len(apologies)} apologies; one sincere apology reads better",
                second.start(),
                second.end(),
            )
        )
    if ctx.sentiment == "negative":
        if not apologies:
            findings.append(
                Finding(
                    code="missing_apology",
                    severity="warn",
                    message="a reply to a negative review should apologise for the experience",
                )
            )
        lowered = text.lower()
        if not _CHANNEL.search(t) and not any(a in lowered for a in allowed):
            findings.append(
                Finding(
                    code="missing_private_channel",
                    severity="warn",
                    message="invite the customer to a private channel (email, phone, message) "
                    "to resolve it",
                )
            )
    if ctx.safety_risk and not _SAFETY.search(t):
        findings.append(
            Finding(
                code="safety_not_addressed",
                severity="warn",
                message="the review tells of a danger to someone's safety or health; say that "
                "it matters and that they should stop using the product",
            )
        )
    if len(text) > ctx.max_chars:
        findings.append(
            Finding(
                code="too_long",
                severity="warn",
                message=f"{len(text)} characters; keep replies under {ctx.max_chars}",
                start=ctx.max_chars,
                end=len(text),
            )
        )
    written_in = languages.guess(text, t)
    expected = languages.normalise(ctx.review_language)
    if written_in and expected and expected in WORDING and written_in != expected:
        findings.append(
            Finding(
                code="language_mismatch",
                severity="warn",
                message=f"the reply seems to be in '{written_in}', the review is in '{expected}'",
            )
        )
    return findings


def _incentives(folded: Folded) -> list[Finding]:
    """Something of value offered and a (good) review asked for, judged across the whole reply:
    splitting the offer and the request into two sentences does not make it any less a bribe.
    A remedy alone ("we will refund you") is no finding."""
    t = folded.text
    offers = list(_INCENTIVE.finditer(t))
    if not offers:
        return []
    # Within one sentence, the looser wording counts ("a voucher for a positive review").
    sentences = [m.span() for m in _SENTENCE.finditer(t)]
    starts = [start for start, _ in sentences]
    offered_in = {bisect_right(starts, m.start()) - 1 for m in offers}
    asked_in = {bisect_right(starts, m.start()) - 1 for m in _REVIEW_CHANGE.finditer(t)}
    found = [
        _finding(
            folded,
            "incentive_for_review",
            "block",
            "offers something of value for changing, removing or writing a review",
            *sentences[i],
        )
        for i in sorted(offered_in & asked_in)
    ]
    if found:
        return found
    request = _REVIEW_REQUEST.search(t)
    if request is None:
        return []
    offer = folded.original[slice(*folded.span(offers[0].start(), offers[0].end()))]
    return [
        _finding(
            folded,
            "incentive_for_review",
            "block",
            f"offers something of value ('{offer}') and asks for a changed, removed or better "
            "review: together that is an incentive, in whichever sentences they stand",
            request.start(),
            request.end(),
        )
    ]


async def lint_off_loop(text: str, ctx: LintContext) -> list[Finding]:
    """`lint` in a worker thread: a few milliseconds of regular expressions per long text must
    not hold up every other tenant's requests on the event loop."""
    return await anyio.to_thread.run_sync(lint, text, ctx)


def _surname(folded: Folded, reviewer_name: str | None) -> list[Finding]:
    """The first name is how replies greet; anything more identifies the person."""
    if not reviewer_name:
        return []
    parts = [p for p in re.split(r"[\s,]+", fold(reviewer_name).text) if p]
    if len(parts) < 2:
        return []
    found = []
    for part in parts[1:]:
        word = part.strip(".")
        if len(word) < 2 or not word.isalpha():
            continue
        for m in re.finditer(rf"\b{re.escape(word)}\b", folded.text):
            found.append(
                _finding(
                    folded,
                    "customer_full_name",
                    "block",
                    "the customer's full name; greet with the first name only",
                    m.start(),
                    m.end(),
                )
            )
    return found


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "block"]
