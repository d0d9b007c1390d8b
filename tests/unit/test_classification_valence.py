"""valence.py: VADER's valences with the paper's negation, contrast, booster and caps rules."""

import pytest

from services.ingest.classification import valence

LEXICON = {"good": 1.9, "bad": -2.5, "great": 3.1, "problem": -1.7}


def f(text: str) -> dict[str, float]:
    return dict(zip(valence.FEATURES, valence.features(text, LEXICON), strict=True))


def test_polarity_and_no_rated_word() -> None:
    assert f("good")["valence:compound"] > 0 > f("bad")["valence:compound"]
    assert f("a chair")["valence:none"] == 1.0
    assert f("a good chair")["valence:none"] == 0.0


@pytest.mark.parametrize("text", ["never had a problem", "not bad", "didn't have a problem"])
def test_negation_turns_a_negative_word_positive(text: str) -> None:
    assert f(text)["valence:compound"] > 0


def test_negation_stops_at_the_clause_end() -> None:
    assert f("not here. bad")["valence:compound"] < 0


def test_what_follows_but_counts_more() -> None:
    assert f("good but bad")["valence:compound"] < 0
    assert f("bad but good")["valence:compound"] > 0


def test_boosters_capitals_and_exclamations_raise_the_score() -> None:
    plain = f("good")["valence:compound"]
    assert f("very good")["valence:compound"] > plain
    assert f("it is GOOD")["valence:compound"] > f("it is good")["valence:compound"]
    assert f("good!!")["valence:compound"] > plain


def test_the_shipped_lexicon_is_vader_with_its_licence() -> None:
    lexicon = valence.load_lexicon()
    assert len(lexicon) > 7000
    assert lexicon["good"] > 0 > lexicon["horrible"]
    head = (valence.ARTIFACTS / valence.LEXICON_FILE).read_text("utf-8")[:600]
    assert "MIT License" in head and "Hutto" in head
