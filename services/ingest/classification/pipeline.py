"""The classifier: one pipeline, with the text-sentiment model as the only part that differs
between the fast and the embedding path."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from services.ingest.classification import abuse, questions, severity, topics
from services.ingest.classification.combine import combine
from services.ingest.classification.features import polarity_words
from services.ingest.classification.language import (
    UNDETERMINED,
    LanguageIdentifier,
    normalise_declared,
)
from services.ingest.classification.scan import Scan, Scanner
from services.ingest.classification.schemas import Classification, ReviewInput
from services.ingest.classification.sentiment import TextSentiment
from services.ingest.classification.text import MAX_SCAN_CHARS, PreparedText, prepare


class TextSentimentModel(Protocol):
    def predict(
        self, prepared: PreparedText, scan: Scan, language: str
    ) -> TextSentiment | None: ...


@runtime_checkable
class BatchTextSentimentModel(TextSentimentModel, Protocol):
    def predict_many(
        self, items: Sequence[tuple[PreparedText, Scan, str]]
    ) -> list[TextSentiment | None]: ...


@dataclass(frozen=True)
class _Read:
    """A review up to its text sentiment: what every model reads."""

    review: ReviewInput
    prepared: PreparedText
    scan: Scan
    language: str
    language_confidence: float
    explanations: list[str]


def _reading(read_as: str, text: TextSentiment, scan: Scan) -> str:
    """The sentiment line with the list words on each side of the reading: "text positive
    (e5+lexicon): toll*, netter; against it: fehlte" ("fehlte" listed as praise misled staff)."""
    toward, against = polarity_words(scan, read_as)
    listed = {m.text for m in scan.of("polarity")}
    # The English head's own strongest n-grams, for the class it predicted.
    learnt = [e for e in text.evidence if e not in listed] if read_as == text.label else []
    shown = list(dict.fromkeys(toward + learnt))[:4]
    line = f"text {read_as} ({text.head})" + (f": {', '.join(shown)}" if shown else "")
    return line + (f"; against it: {', '.join(against[:3])}" if against else "")


class ReviewClassifier:
    """Thread-safe after construction; build once per process (load_classifier does)."""

    def __init__(
        self,
        version: str,
        text_model: TextSentimentModel,
        languages: LanguageIdentifier | None = None,
        scanner: Scanner | None = None,
    ) -> None:
        self.version = version
        self._text_model = text_model
        self._languages = languages or LanguageIdentifier()
        self._scanner = scanner or Scanner()

    def classify(self, review: ReviewInput) -> Classification:
        read = self._read(review)
        return self._finish(read, self._text_model.predict(read.prepared, read.scan, read.language))

    def classify_many(self, reviews: Sequence[ReviewInput]) -> list[Classification]:
        reads = [self._read(r) for r in reviews]
        if isinstance(self._text_model, BatchTextSentimentModel):
            texts = self._text_model.predict_many([(r.prepared, r.scan, r.language) for r in reads])
        else:
            texts = [self._text_model.predict(r.prepared, r.scan, r.language) for r in reads]
        return [self._finish(r, t) for r, t in zip(reads, texts, strict=True)]

    def _finish(self, read: _Read, text_sentiment: TextSentiment | None) -> Classification:
        review, prepared, scan = read.review, read.prepared, read.scan
        explanations = list(read.explanations)
        combined = combine(text_sentiment, review.rating)
        explanations.append(combined.explanation)
        if combined.reader:
            # Its words are the praise the shop head saw through: listing them as the evidence
            # of a negative reading would mislead.
            explanations.append(f"text {combined.from_text} ({combined.reader})")
        elif text_sentiment and (text_sentiment.evidence or text_sentiment.head == "e5-terse"):
            # The reading the stars were weighed against: on a mismatch raised by the lists'
            # words, not the head's own label ("Pilnīgs brāķis" is positive to e5). The terse
            # head has no words to show, but staff should see which reader decided.
            read_as = combined.from_text or text_sentiment.label
            explanations.append(_reading(read_as, text_sentiment, scan))

        level, severity_why = severity.assess(scan, combined)
        # The topic head names the complaint a text is about; a text sure enough to be praise to
        # contradict its 1-2 stars (a misclick) is about none ("Absolutely perfect, my new
        # favourite shop."). A complaint merely misread as positive keeps the head's guess.
        praise = combined.mismatch and combined.from_text == "positive"
        hint = text_sentiment.topic_hint if text_sentiment and not praise else None
        found_topics, topic_why = topics.detect(scan, combined.label, list(level.reasons), hint)
        signals, removal, abuse_why = abuse.detect(prepared, scan, review.verified_purchase)
        question, question_why = questions.detect(prepared, scan)
        explanations += severity_why + topic_why + abuse_why + question_why
        regrets = scan.of("regret")
        if regrets:
            explanations.append(f"regret named: {regrets[0].describe()}")

        # One validation of the whole tree (in pydantic-core) instead of one per nested model.
        return Classification.model_validate(
            {
                "model_version": self.version,
                "language": {"code": read.language, "confidence": read.language_confidence},
                "sentiment": {
                    "label": combined.label,
                    "confidence": combined.confidence,
                    "from_text": combined.from_text,
                    "from_stars": combined.from_stars,
                },
                "star_text_mismatch": combined.mismatch,
                "severity": level,
                "topics": found_topics,
                "abuse": signals,
                "removal_candidate": removal,
                "question": question,
                "regret": bool(regrets),
                "explanations": explanations[:30],
            }
        )

    def _read(self, review: ReviewInput) -> _Read:
        prepared = prepare(review.title, review.text)
        guess = self._languages.identify(
            prepared.language_text, review.declared_language, prepared.tokens
        )
        explanations = [guess.explanation] if guess.explanation else []
        if prepared.truncated:
            explanations.append(f"text longer than {MAX_SCAN_CHARS} characters: rest ignored")

        present: set[str] | None = None
        if guess.code != UNDETERMINED:
            present = set(guess.present) | {guess.code}
            hint = normalise_declared(review.declared_language)
            if hint:
                present.add(hint)
        scan = self._scanner.scan(prepared.tokens, present)

        return _Read(review, prepared, scan, guess.code, guess.confidence, explanations)
