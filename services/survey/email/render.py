"""Building the invitation and reminder emails: multipart text + HTML, localized, branded,
with RFC 8058 one-click unsubscribe headers."""

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from services.survey.email.translations import Texts
from services.survey.orders.view import Item

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


def build_message(
    content: EmailContent, sender: str, message_id: str, now: datetime
) -> EmailMessage:
    t = Texts(content.language, shop=content.shop_name)
    subject = t("reminder_subject" if content.reminder else "subject")
    context = {
        "t": t,
        "lang": content.language,
        "subject": subject,
        "shop": content.shop_name,
        "name": content.recipient_name,
        "items": content.items,
        "survey_url": content.survey_url,
        "unsubscribe_url": content.unsubscribe_url,
        "logo_url": content.logo_url,
        "color": content.color,
    }
    msg = EmailMessage()
    msg["From"] = formataddr((content.shop_name, sender))
    msg["To"] = content.recipient
    msg["Subject"] = subject
    msg["Message-ID"] = message_id
    msg["Date"] = format_datetime(now)
    # RFC 8058: mail clients show an unsubscribe button that POSTs to the URL.
    msg["List-Unsubscribe"] = f"<{content.unsubscribe_url}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(_env.get_template("invitation.txt").render(context))
    msg.add_alternative(_env.get_template("invitation.html").render(context), subtype="html")
    # After the body: set_content() drops every Content-* header set before it.
    msg["Content-Language"] = content.language
    return msg
