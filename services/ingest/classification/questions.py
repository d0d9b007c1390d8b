"""FAQ-type questions that the shop may answer automatically."""

from collections import Counter

from services.ingest.classification.scan import Scan
from services.ingest.classification.schemas import Question, QuestionType
from services.ingest.classification.text import PreparedText

_PRIORITY: tuple[QuestionType, ...] = ("shipping_time", "free_delivery", "stock", "opening_hours")


def detect(prepared: PreparedText, scan: Scan) -> tuple[Question | None, list[str]]:
    has_mark = "?" in prepared.original
    opens_as_question = any(m.start == 0 for m in scan.of("question_opener"))
    if not (has_mark or opens_as_question):
        return None, []
    counts = Counter(m.label for m in scan.of("question") if not m.negated)
    if not counts:
        if not has_mark:
            return None, []
        return Question(type="other", confidence=0.5), ["question: other (question mark)"]
    best = max(_PRIORITY, key=lambda t: (counts.get(t, 0), -_PRIORITY.index(t)))
    terms = [m.describe() for m in scan.of("question") if m.label == best]
    confidence = 0.85 if has_mark else 0.65
    return Question(type=best, confidence=confidence), [f"question {best}: {', '.join(terms[:3])}"]
