"""The setup page's forms as the owners' merge patches, and the owners' refusals as sentences.

Nothing here decides whether a value is valid: the owner validates the whole result (the
registry its profile, the responder its settings) and the page shows its reason."""

import ast
import re
from collections.abc import Mapping, Sequence
from typing import Any

FormData = Mapping[str, str]

PROFILE_TEXT = ("display_name", "locale", "country", "timezone", "contact_email")
# Empty means "none": the member goes back to null.
PROFILE_OPTIONAL = ("contact_url", "contact_phone")
PROFILE_LISTS = ("alert_recipients", "escalation_recipients")
SLA_NUMBERS = ("hours", "due_soon_hours", "business_start_hour", "business_end_hour")

SETTINGS_NUMBERS = ("max_reply_chars_negative", "max_reply_chars")
AUTOMATION_NUMBERS = ("delay_minutes",)
SETTINGS_TABLES = ("remedies", "faq_answers")


def number(raw: str) -> int | str:
    """A whole number, or the text as typed: the owner then says why it is not one."""
    text = raw.strip()
    return int(text) if re.fullmatch(r"-?[0-9]{1,9}", text) else text


def decimal(raw: str) -> float | str:
    text = raw.strip().replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return text


def addresses(raw: str) -> list[str]:
    """One address per line or separated by commas."""
    return [a.strip() for a in re.split(r"[,\n;]", raw) if a.strip()]


def _checked(form: FormData, name: str) -> bool:
    return form.get(name) in ("on", "true", "1")


def profile_patch(form: FormData) -> dict[str, Any]:
    """The registry profile's members the form sent (all of them on the setup page)."""
    patch: dict[str, Any] = {}
    for name in PROFILE_TEXT:
        if name in form:
            patch[name] = form[name].strip()
    for name in PROFILE_OPTIONAL:
        if name in form:
            patch[name] = form[name].strip() or None
    for name in PROFILE_LISTS:
        if name in form:
            patch[name] = addresses(form[name])
    if "sla_hours" in form:
        sla: dict[str, Any] = {
            n: number(form[f"sla_{n}"]) for n in SLA_NUMBERS if f"sla_{n}" in form
        }
        sla["business_hours_only"] = _checked(form, "sla_business_hours_only")
        patch["sla"] = sla
    return patch


class BadTable(ValueError):
    """A line of a `key = text` table without its `=`."""


def table(raw: str, name: str) -> dict[str, str]:
    """`key = text` per line (a key may carry a language: `damaged_packaging:de = …`)."""
    out: dict[str, str] = {}
    for number_, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        key, sep, text = line.partition("=")
        if not sep or not key.strip() or not text.strip():
            raise BadTable(f"{name}, line {number_}: write it as key = text")
        out[key.strip()] = text.strip()
    return out


def table_text(values: Mapping[str, str]) -> str:
    return "\n".join(f"{k} = {v}" for k, v in values.items())


def settings_patch(form: FormData, tables: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """The responder settings' members of the reply rules form; `tables` are the stored
    remedies and FAQ answers (a key left out of the form is removed). Raises BadTable."""
    patch: dict[str, Any] = {
        "agents_can_approve": _checked(form, "agents_can_approve"),
        "signature": form.get("signature", "").strip() or None,
    }
    for name in SETTINGS_NUMBERS:
        if name in form:
            patch[name] = number(form[name])
    for name in SETTINGS_TABLES:
        if name in form:
            new = table(form[name], name)
            # A merge patch keeps the keys it does not name: a removed line is a null.
            patch[name] = {**{k: None for k in tables.get(name, {}) if k not in new}, **new}
    automation: dict[str, Any] = {
        "enabled": _checked(form, "automation_enabled"),
        "questions": _checked(form, "automation_questions"),
    }
    for name in AUTOMATION_NUMBERS:
        if f"automation_{name}" in form:
            automation[name] = number(form[f"automation_{name}"])
    if "automation_min_confidence" in form:
        automation["min_confidence"] = decimal(form["automation_min_confidence"])
    patch["automation"] = automation
    return patch


def _where(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p != "body"]
    return ".".join(parts)


def errors_text(errors: Sequence[Mapping[str, Any]]) -> str:
    """Validation errors as `field: message; …`."""
    parts = []
    for e in errors:
        where = _where(e.get("loc", ()))
        message = str(e.get("msg", ""))
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def reason(detail: str) -> str:
    """A peer's `detail`: a sentence as it is, a list of validation errors (as peers.py puts
    it in the PeerError) as `field: message; …`."""
    if detail.startswith("[{"):
        try:
            parsed = ast.literal_eval(detail)
        except (ValueError, SyntaxError):
            return detail
        if isinstance(parsed, list) and all(isinstance(e, dict) for e in parsed):
            return errors_text(parsed)
    return detail
