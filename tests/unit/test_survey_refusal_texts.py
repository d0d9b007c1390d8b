"""The survey page's refusals in words, in every language the page speaks (docs/surveys.md)."""

from decimal import Decimal

import pytest

from services.survey.email.translations import TEXTS, Texts
from services.survey.orders.view import Item
from services.survey.web.schemas import Refused, parse_answer

ITEMS = [
    Item(product_id=p, name=name, category=None, quantity=1, unit_price=Decimal(9), line=line)
    for line, (p, name) in enumerate((("p1", "Teapot"), ("p2", "Mug")))
]

FORMS: list[dict[str, list[str]]] = [
    {},
    {"rating_0": ["9"]},
    {"nps": ["11"]},
    {"rating_0": ["4"], "text_0": ["x" * 2001]},
    {"text_1": ["no stars"]},
    {"rating_0": ["4"], "comment": ["x" * 2001]},
    {"rating_0": ["4"], "reviewer_name": ["A" * 81]},
    {"rating_0": ["4"], "reviewer_name": ["Ana\u202eN"]},
]


def refusals() -> list[Refused]:
    found = [parse_answer(form, ITEMS) for form in FORMS]
    assert all(isinstance(r, Refused) for r in found), found
    return [r for r in found if isinstance(r, Refused)]


def test_every_way_to_refuse_has_its_own_text() -> None:
    keys = [r.key for r in refusals()]
    assert len(set(keys)) == len(FORMS), keys


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_each_refusal_is_written_in_every_language(language: str) -> None:
    for refused in refusals():
        key = f"error_{refused.key}"
        assert key in TEXTS[language], (language, key)
        named = ITEMS[refused.line].name if refused.line is not None else ""
        said = Texts(language)(key, product=named, n=refused.limit or 0)
        if refused.line is not None:
            assert named in said, said
        if refused.limit is not None:
            assert str(refused.limit) in said, said
        # Never the form's field names the shopper cannot see.
        assert "_" not in said and "-0" not in said and "-5" not in said, said
