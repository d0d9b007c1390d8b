"""How a hand-written term list is read (terms.parse_list)."""

from services.ingest.classification import Classifier, ReviewInput
from services.ingest.classification.terms import parse_list


def test_a_term_wrapped_onto_the_next_line_reads_with_one_space() -> None:
    spec = """kaputt, nach zwei
            tagen,  geht nicht mehr ,
            """
    assert parse_list(spec) == ["kaputt", "nach zwei tagen", "geht nicht mehr"]


def test_the_explanation_shows_a_wrapped_term_as_written(classifier: Classifier) -> None:
    # "nach zwei tagen" wraps in lexicons/topics.py; the explanation showed its indentation
    result = classifier.classify(
        ReviewInput(text="Riemen nach zwei Tagen abgerissen", rating=1, declared_language="de")
    )
    topic = next(e for e in result.explanations if e.startswith("topic product_quality"))
    assert "'nach zwei tagen' (de)" in topic, topic
