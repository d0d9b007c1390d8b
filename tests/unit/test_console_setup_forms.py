"""The setup page's forms as merge patches, and the owners' refusals as sentences (pure)."""

import pytest

from services.responder.console.setup import forms


def test_the_profile_form_is_a_patch_of_the_members_sent() -> None:
    patch = forms.profile_patch(
        {
            "display_name": " Tea ",
            "contact_url": "",
            "alert_recipients": "a@x.example, b@x.example\nc@x.example;\n",
            "sla_hours": "8",
            "sla_due_soon_hours": "two",
        }
    )
    assert patch == {
        "display_name": "Tea",
        "contact_url": None,  # empty: back to none
        "alert_recipients": ["a@x.example", "b@x.example", "c@x.example"],
        # Not a number: sent as typed, for the registry to say why.
        "sla": {"hours": 8, "due_soon_hours": "two", "business_hours_only": False},
    }
    assert forms.profile_patch({}) == {}


def test_a_table_line_removed_from_the_form_is_a_null_in_the_patch() -> None:
    patch = forms.settings_patch(
        {"remedies": "default = Sorry.\n\nlate:de = Entschuldigung", "agents_can_approve": "on"},
        {"remedies": {"default": "Old", "broken": "We replace it."}},
    )
    assert patch["remedies"] == {"broken": None, "default": "Sorry.", "late:de": "Entschuldigung"}
    assert patch["agents_can_approve"] is True
    assert patch["automation"] == {"enabled": False, "questions": False}
    with pytest.raises(forms.BadTable, match="faq_answers, line 2"):
        forms.settings_patch({"faq_answers": "a = b\nno sign"}, {})


def test_validation_errors_read_as_fields_and_messages() -> None:
    detail = str(
        [
            {"type": "x", "loc": ("body", "sla", "hours"), "msg": "Input should be an integer"},
            {"type": "y", "loc": ("body",), "msg": "Value error, contact_email is required"},
        ]
    )
    assert forms.reason(detail) == (
        "sla.hours: Input should be an integer; Value error, contact_email is required"
    )
    assert forms.reason("unknown shop") == "unknown shop"
    assert forms.reason("[{not python") == "[{not python"
