"""Words of regret ("unfortunately", "leider", "žal", "diemžēl", "din păcate"): the
classification says `regret`, which the responder's policy leaves to a person however
positive the rest reads (docs/classification.md, "Regret named and passes that disagree")."""

import pytest

from services.ingest.classification import ReviewInput, load_classifier

REGRETTED = [
    ("en", "Lovely colour and soft. Unfortunately the seam split the first time I wore it."),
    ("en", "Great kettle, it's a shame the lid rattles."),
    ("de", "Die Farbe vom Kleid ist wunderschön. Leider ist die Naht schon aufgegangen."),
    ("de", "Schöne Lampe, schade nur, dass der Akku so schnell leer ist."),
    ("sl", "Odeja je čudovite barve, žal pa se hitro naelektri."),
    ("sl", "Na žalost je paket prišel brez navodil, sicer vse super."),
    ("lv", "Krāsa ir tieši tāda kā bildē. Diemžēl atzveltne sāka čīkstēt."),
    ("lv", "Izskatās eleganti. Žēl tikai, ka pulkstenis atpaliek."),
    ("ro", "Geanta arată foarte bine. Păcat că s-a cojit pielea pe colțuri."),
    ("ro", "Scaunul e comod. Din păcate, instrucțiunile sunt doar în chineză."),
]

NOT_REGRETTED = [
    ("en", "No regrets at all, I would buy it again tomorrow."),
    ("en", "I don't regret buying it, works perfectly."),
    ("de", "Ich bereue den Kauf nicht, super Qualität."),
    ("sl", "Odlična kakovost, hitra dostava, priporočam."),
    ("lv", "Nenožēloju pirkumu, viss kā aprakstīts."),
    ("ro", "Nu regret deloc achiziția, calitate foarte bună."),
]


@pytest.mark.parametrize(("language", "text"), REGRETTED)
@pytest.mark.parametrize("kind", ["fast", "embedding"])
def test_regret_is_named_in_every_language(kind: str, language: str, text: str) -> None:
    result = load_classifier(kind).classify(
        ReviewInput(text=text, rating=5, declared_language=language)
    )
    assert result.regret, result.explanations
    assert any(e.startswith("regret named:") for e in result.explanations)
    assert result.to_event().regret


@pytest.mark.parametrize(("language", "text"), NOT_REGRETTED)
def test_a_denied_regret_or_plain_praise_is_none(language: str, text: str) -> None:
    result = load_classifier("fast").classify(
        ReviewInput(text=text, rating=5, declared_language=language)
    )
    assert not result.regret, result.explanations
    # Left off the wire when false: consumers that predate it read the event as before.
    assert "regret" not in result.to_event().model_dump(mode="json")
