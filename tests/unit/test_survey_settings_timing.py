"""The survey settings a change of which reschedules pending invitations
(services/survey/shops/service.py TIMING) are exactly those the due time is computed from: every
member the timing rules read (scheduling/timing.py, and `delay_for` in the settings model)."""

import ast
import inspect
from pathlib import Path

from services.survey.scheduling import timing
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.service import TIMING


def members_read(source: str, names: set[str]) -> set[str]:
    fields = set(SurveyShopSettings.model_fields)
    return {
        node.attr
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in names
        and node.attr in fields
    }


def test_timing_members_are_what_the_rules_read() -> None:
    read = members_read(Path(timing.__file__).read_text(), {"cfg"})
    delay_for = inspect.getsource(SurveyShopSettings.delay_for)
    read |= members_read(inspect.cleandoc("\n" + delay_for), {"self"})
    assert read == TIMING
