"""The sentiment explanation names the words on each side of the reading: a console walk found
"text positive (e5+lexicon): toll*, netter, fehlte" on a review whose "fehlte" (was missing) is
the complaint, listed as if it were praise (docs/classification.md, "What it does")."""

from services.ingest.classification import Classifier, ReviewInput
from services.ingest.classification.features import polarity_words
from services.ingest.classification.scan import Scanner
from services.ingest.classification.text import prepare


def _line(explanations: list[str]) -> str:
    return next(e for e in explanations if e.startswith("text "))


def test_a_complaint_word_in_praise_is_listed_against_the_reading(classifier: Classifier) -> None:
    text = "Die Tasse ist toll und der Verkäufer war sehr nett, nur der Deckel fehlte."
    result = classifier.classify(ReviewInput(text=text, rating=5, declared_language="de"))
    assert result.sentiment.label == "positive"
    line = _line(result.explanations)
    read, _, against = line.partition("; against it: ")
    assert "toll" in read and "fehlte" not in read, line
    assert against == "fehlte", line


def test_praise_in_a_complaint_is_listed_against_it(classifier: Classifier) -> None:
    text = "Schöne Farbe, aber die Naht ist gerissen und das Kleid ist eine Enttäuschung."
    result = classifier.classify(ReviewInput(text=text, rating=1, declared_language="de"))
    assert result.sentiment.label == "negative"
    line = _line(result.explanations)
    assert line.startswith("text negative ("), line
    read, _, against = line.partition("; against it: ")
    assert "enttausch" in read and "schon" not in read, line
    assert "schon" in against, line


def test_a_negated_word_is_on_the_side_it_points_to() -> None:
    prepared = prepare(None, "Nicht gut verpackt, nicht schlecht gemacht, aber enttäuschend.")
    scan = Scanner().scan(prepared.tokens, {"de"})
    toward, against = polarity_words(scan, "negative")
    assert "not gut" in toward and any("enttausch" in w for w in toward), toward
    assert any(w.startswith("not schlecht") for w in against), against
    # A neutral reading takes no side: every word, in the text's order.
    everything, none = polarity_words(scan, "neutral")
    assert none == [] and sorted(everything) == sorted(toward + against)
    assert everything.index("not gut") < everything.index(against[0])
