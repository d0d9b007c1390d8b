"""The notifier's settings after #18 own nothing the registry's profile holds (pure)."""

import pytest

from services.notifier.shops.config import MOVED, NotificationSettings
from shared.events.shops import ShopUpdatedPayload, Sla
from shared.settings_changes.ownership import PROFILE_MEMBERS, OwnedElsewhere, refuse_foreign


def test_no_notifier_setting_is_named_like_a_member_of_the_registrys_profile() -> None:
    assert not set(NotificationSettings.model_fields) & (PROFILE_MEMBERS | MOVED.keys())


def test_each_moved_member_names_its_place_in_the_profile() -> None:
    profile = set(ShopUpdatedPayload.model_fields)
    for name, there in MOVED.items():
        top, _, member = there.partition(".")
        assert top in profile, name
        if member:
            assert top == "sla" and member in Sla.model_fields, name


def test_a_refusal_names_every_moved_member_and_its_owner() -> None:
    refuse_foreign("s1", {"digest_hour": 7}, MOVED)
    with pytest.raises(OwnedElsewhere) as refused:
        refuse_foreign("s1", {"escalation_emails": [], "timezone": "UTC"}, MOVED)
    assert str(refused.value) == (
        "escalation_emails is owned by the shop registry: PATCH /v1/admin/shops/s1 "
        "(as escalation_recipients); timezone is owned by the shop registry: "
        "PATCH /v1/admin/shops/s1"
    )


def test_a_stored_row_from_before_the_move_loads_without_the_moved_members() -> None:
    stored = NotificationSettings.stored(
        {"support_email": "a@example.com", "sla_hours": 48, "digest_hour": 6}
    )
    assert stored == NotificationSettings(digest_hour=6)
    assert NotificationSettings.stored(None) == NotificationSettings()
