"""The survey settings a change of which reschedules pending emails (services/survey/shops/
service.py TIMING for invitations, FOLLOW_UP_TIMING for case follow-ups) are exactly those the
due times are computed from: every member the rules read (scheduling/timing.py and `delay_for`
in the settings model; follow_ups/rules.py `due_at` and the window it moves into)."""

import ast
import inspect
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from services.survey.follow_ups.rules import due_at
from services.survey.scheduling import timing
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.service import FOLLOW_UP_TIMING, TIMING
from shared.settings_changes.ownership import PROFILE_MEMBERS


def members_read(source: str, names: set[str]) -> set[str]:
    fields = set(SurveyShopSettings.model_fields)
    return {
        node.attr
        for node in ast.walk(ast.parse(textwrap.dedent(source)))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in names
        and node.attr in fields
    }


def source(function: Callable[..., Any]) -> str:
    return inspect.getsource(function)


def test_invitation_timing_members_are_what_the_rules_read() -> None:
    read = members_read(Path(timing.__file__).read_text(), {"cfg"})
    read |= members_read(source(SurveyShopSettings.delay_for), {"self"})
    assert read == TIMING


def test_follow_up_timing_members_are_what_its_rule_reads() -> None:
    read = members_read(source(due_at), {"cfg"}) | members_read(source(timing.into_window), {"cfg"})
    assert read == FOLLOW_UP_TIMING


def test_no_survey_setting_shares_a_name_with_the_registrys_profile() -> None:
    """Those names are refused as owned elsewhere, so a survey setting of that name could
    never be changed."""
    assert not PROFILE_MEMBERS & set(SurveyShopSettings.model_fields)
