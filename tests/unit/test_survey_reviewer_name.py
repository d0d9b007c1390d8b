"""The name shown with published survey reviews (docs/surveys.md, "The survey page")."""

import pytest

from services.survey.web.schemas import Refused, parse_name


def test_line_breaks_and_tabs_are_white_space_made_one_space() -> None:
    assert parse_name("  Ana\r\nKovač\tN. ") == "Ana Kovač N."
    assert parse_name(" \n ") is None


@pytest.mark.parametrize("raw", ["Ana\x00N", "Ana\u202eN", "Ana\u200bN"])
def test_other_control_and_format_characters_are_refused(raw: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_name(raw)
    assert (refused.value.key, refused.value.field) == ("name_characters", "reviewer_name")
