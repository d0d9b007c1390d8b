"""Building the invitation, reminder and case follow-up emails: multipart text + HTML,
localized, branded, with RFC 8058 one-click unsubscribe headers."""

import re
from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from services.survey.email.translations import Texts
from services.survey.orders.view import Item
from shared.email.mime import UNFOLDED, new_alternative

__all__ = [
    "UNFOLDED",
    "EmailContent",
    "FollowUpContent",
    "ModerationNoticeContent",
    "build_follow_up",
    "build_message",
    "build_moderation_notice",
]

# One plain address (what a Reply-To takes): no display name, list, spaces or line breaks, so a
# contact address the registry let through can never add a header or a second recipient.
_ADDRESS = re.compile(r"[^\s@,;<>()\"]+@[^\s@,;<>()\"]+")

_env = Environment(
    loader=PackageLoader("services.survey.email", "templates"),
    # Autoescape also for .txt would mangle '&' in plain text; HTML is what needs it.
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
    undefined=StrictUndefined,
)


@dataclass(frozen=True)
class EmailContent:
    language: str
    shop_name: str
    recipient: str
    recipient_name: str | None
    items: list[Item]
    survey_url: str
    unsubscribe_url: str
    logo_url: str | None
    color: str
    reminder: bool
    # An invitation whose reminder will follow if there is no answer: its footer must not
    # promise a single email.
    reminder_follows: bool = False
    # The shop's contact address: a customer who answers the email writes to the shop, not to
    # the sending service's address.
    reply_to: str | None = None
    # The shop relies on the existing-customer exception (§7(3) UWG): every email must say the
    # customer may object at any time at no cost beyond basic transmission.
    objection_notice: bool = False


def footer_key(content: EmailContent) -> str:
    if content.reminder:
        return "footer_reminder"
    return "footer_with_reminder" if content.reminder_follows else "footer"


@dataclass(frozen=True)
class FollowUpContent:
    language: str
    shop_name: str
    recipient: str
    recipient_name: str | None
    unsubscribe_url: str
    logo_url: str | None
    color: str
    # How to reach the shop (the registry's profile), named in the text; the email is also the
    # Reply-To.
    contact_email: str | None = None
    contact_url: str | None = None
    contact_phone: str | None = None


@dataclass(frozen=True)
class ModerationNoticeContent:
    language: str
    shop_name: str
    recipient: str
    recipient_name: str | None
    product: str
    rating: int
    # One of shared.events.replies.MODERATION_REASONS, told in words.
    reason: str
    logo_url: str | None
    color: str
    contact_email: str | None = None
    contact_url: str | None = None
    contact_phone: str | None = None


def build_message(
    content: EmailContent, sender: str, message_id: str, now: datetime
) -> MIMEMultipart:
    # The classic MIME classes build a message about three times faster than EmailMessage's
    # policy machinery; the dispatcher renders every email, so it matters.
    t = Texts(content.language, shop=content.shop_name)
    subject = t("reminder_subject" if content.reminder else "subject")
    context = {
        "t": t,
        "lang": content.language,
        "subject": subject,
        "footer": t(footer_key(content)),
        "shop": content.shop_name,
        "name": content.recipient_name,
        "items": content.items,
        "survey_url": content.survey_url,
        "unsubscribe_url": content.unsubscribe_url,
        "logo_url": content.logo_url,
        "color": content.color,
        "objection": content.objection_notice,
    }
    msg = _envelope(
        content.shop_name,
        content.recipient,
        subject,
        content.language,
        content.unsubscribe_url,
        sender,
        message_id,
        now,
        content.reply_to,
    )
    msg.attach(MIMEText(_env.get_template("invitation.txt").render(context), "plain", "utf-8"))
    msg.attach(MIMEText(_env.get_template("invitation.html").render(context), "html", "utf-8"))
    return msg


def build_follow_up(
    content: FollowUpContent, sender: str, message_id: str, now: datetime
) -> MIMEMultipart:
    """The one email after a resolved case: no link but the unsubscribe, nothing offered, and
    no request to change a review (only that the customer may, if they wish)."""
    t = Texts(content.language, shop=content.shop_name)
    subject = t("follow_up_subject")
    context = {
        "t": t,
        "lang": content.language,
        "subject": subject,
        "shop": content.shop_name,
        "name": content.recipient_name,
        "unsubscribe_url": content.unsubscribe_url,
        "logo_url": content.logo_url,
        "color": content.color,
        "contact_email": content.contact_email,
        "contact_url": content.contact_url,
        "contact_phone": content.contact_phone,
        # tel: links take digits and a leading +, nothing else.
        "contact_tel": "".join(c for c in content.contact_phone or "" if c.isdigit() or c == "+"),
    }
    msg = _envelope(
        content.shop_name,
        content.recipient,
        subject,
        content.language,
        content.unsubscribe_url,
        sender,
        message_id,
        now,
        content.contact_email,
    )
    msg.attach(MIMEText(_env.get_template("follow_up.txt").render(context), "plain", "utf-8"))
    msg.attach(MIMEText(_env.get_template("follow_up.html").render(context), "html", "utf-8"))
    return msg


def build_moderation_notice(
    content: ModerationNoticeContent, sender: str, message_id: str, now: datetime
) -> MIMEMultipart:
    """The one email after a rejection of the reviewer's own review: which review, why, and
    whom to ask. Transactional, about their own content: no unsubscribe (it is not a list),
    nothing offered, nothing asked."""
    t = Texts(content.language, shop=content.shop_name, product=content.product)
    subject = t("moderation_subject")
    context = {
        "t": t,
        "lang": content.language,
        "subject": subject,
        "shop": content.shop_name,
        "name": content.recipient_name,
        "rating": content.rating,
        "reason": t(f"reason_{content.reason}"),
        "logo_url": content.logo_url,
        "color": content.color,
        "contact_email": content.contact_email,
        "contact_url": content.contact_url,
        "contact_phone": content.contact_phone,
        "contact_tel": "".join(c for c in content.contact_phone or "" if c.isdigit() or c == "+"),
    }
    msg = _envelope(
        content.shop_name,
        content.recipient,
        subject,
        content.language,
        None,
        sender,
        message_id,
        now,
        content.contact_email,
    )
    msg.attach(MIMEText(_env.get_template("moderation.txt").render(context), "plain", "utf-8"))
    msg.attach(MIMEText(_env.get_template("moderation.html").render(context), "html", "utf-8"))
    return msg


def _envelope(
    shop_name: str,
    recipient: str,
    subject: str,
    language: str,
    unsubscribe_url: str | None,
    sender: str,
    message_id: str,
    now: datetime,
    reply_to: str | None = None,
) -> MIMEMultipart:
    msg = new_alternative()
    msg["From"] = formataddr((Header(shop_name, "utf-8").encode(), sender))
    msg["To"] = recipient
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Message-ID"] = message_id
    msg["Date"] = format_datetime(now)
    msg["Content-Language"] = language
    if unsubscribe_url is not None:
        # RFC 8058: mail clients show an unsubscribe button that POSTs to the URL.
        msg["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["Auto-Submitted"] = "auto-generated"
    if reply_to and _ADDRESS.fullmatch(reply_to):
        msg["Reply-To"] = reply_to
    return msg
