"""One pass of every term list over a review's tokens; the detectors read the result.

Lists are gated by language: a term counts when its language is present in the review (detected,
declared, or likely in mixed text) or is English, which customers everywhere mix in. Without the
gate, short stems collide across languages (German "brand" is fire, English "brand" is a make).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from services.ingest.classification.lexicons import abuse, questions, sentiment, severity, topics
from services.ingest.classification.terms import Term, TermIndex
from services.ingest.classification.text import SENTENCE_END

ANY_LANGUAGE = "*"
_COMPETING = frozenset({"polarity", "topic"})
FALLBACK_LANGUAGE = "en"


def _by_language(family: str, label: str, lists: dict[str, str]) -> list[Term]:
    return TermIndex.from_lists(family, {label: lists})


def _all_terms() -> list[Term]:
    terms: list[Term] = []
    terms += TermIndex.from_lists("polarity", sentiment.POLARITY)
    terms += _by_language("negator", "negator", sentiment.NEGATORS)
    terms += _by_language("waiting", "waiting", sentiment.WAITING)
    terms += _by_language("regret", "regret", sentiment.REGRET)
    terms += TermIndex.from_lists("severity", severity.SEVERITY)
    terms += _by_language("payment_channel", "payment_channel", severity.PAYMENT_CHANNEL)
    terms += _by_language("reversal", "reversal", severity.REVERSAL)
    terms += _by_language("taste_word", "taste_word", severity.TASTE_WORDS)
    terms += _by_language("other_meaning", "other_meaning", severity.OTHER_MEANINGS)
    terms += TermIndex.from_lists("topic", topics.TOPICS)
    terms += _by_language("delivery_word", "delivery_word", topics.DELIVERY_WORDS)
    terms += _by_language("delay_hint", "delay_hint", topics.DELAY_HINTS)
    terms += _by_language("ordered_word", "ordered_word", topics.ORDERED_WORDS)
    terms += _by_language("received_word", "received_word", topics.RECEIVED_WORDS)
    terms += _by_language("same_thing", "same_thing", topics.SAME_THING)
    terms += _by_language("ago_after", "ago_after", topics.AGO_AFTER)
    terms += _by_language("ago_before", "ago_before", topics.AGO_BEFORE)
    terms += _by_language("long_wait", "long_wait", topics.LONG_WAITS)
    terms += _by_language("profanity_strong", "profanity", abuse.PROFANITY_STRONG)
    terms += _by_language("profanity_mild", "profanity", abuse.PROFANITY_MILD)
    terms += _by_language("spam", "spam", abuse.SPAM)
    terms += TermIndex.from_lists("competitor", {"competitor": {ANY_LANGUAGE: abuse.COMPETITORS}})
    terms += _by_language("purchase_verb", "purchase_verb", abuse.PURCHASE_VERBS)
    terms += _by_language("wrong_target", "off_target", abuse.WRONG_TARGET)
    terms += TermIndex.from_lists("question", questions.QUESTION_TYPES)
    terms += _by_language("question_opener", "opener", questions.QUESTION_OPENERS)
    return terms


@dataclass(frozen=True, slots=True)
class Match:
    family: str
    label: str
    language: str
    text: str
    start: int
    end: int
    negated: bool

    def describe(self) -> str:
        return f"'{self.text}' ({self.language})"


@dataclass(frozen=True)
class Scan:
    by_family: dict[str, list[Match]]

    @property
    def matches(self) -> list[Match]:
        return [m for group in self.by_family.values() for m in group]

    def of(self, family: str) -> list[Match]:
        return self.by_family.get(family, [])


def _drop_overlapped(matches: list[Match]) -> list[Match]:
    """Within one family the longest match wins: "ne priporocam" is one negative phrase, not a
    negated positive plus a negative."""
    kept: list[Match] = []
    covered_until = -1
    for m in sorted(matches, key=lambda m: (m.start, m.start - m.end)):
        if m.end <= covered_until and kept and kept[-1].start <= m.start:
            continue
        kept.append(m)
        covered_until = max(covered_until, m.end)
    return kept


class Scanner:
    def __init__(self, negation_window: int = sentiment.NEGATION_WINDOW) -> None:
        self._index = TermIndex(_all_terms())
        self._window = negation_window

    def _negated(self, tokens: tuple[str, ...], start: int, negators: set[int]) -> bool:
        for position in range(start - 1, max(-1, start - self._window - 1), -1):
            if tokens[position] == SENTENCE_END:
                return False
            if position in negators:
                return True
        return False

    def scan(self, tokens: tuple[str, ...], languages: Iterable[str] | None) -> Scan:
        """`languages`: the ones present in the review; None when unknown (every list applies)."""
        present = None if languages is None else set(languages)
        allowed = None if present is None else present | {FALLBACK_LANGUAGE, ANY_LANGUAGE}
        hits = self._index.scan(tokens)
        negator_positions: set[int] = set()
        for hit in hits:
            term = hit.term
            # English negators only where English is present: Slovenian "no" means "well".
            if term.family == "negator" and (present is None or term.language in present):
                negator_positions.add(hit.start)
        grouped: dict[tuple[str, str], list[Match]] = {}
        for hit in hits:
            term = hit.term
            if term.family == "negator" or (allowed is not None and term.language not in allowed):
                continue
            negated = self._negated(tokens, hit.start, negator_positions)
            # Polarity labels compete for the same words, and so do topics ("wrong size" is a
            # wrong item, not a size question); severity reasons and the rest do not.
            key = (term.family, "" if term.family in _COMPETING else term.label)
            grouped.setdefault(key, []).append(
                Match(
                    term.family, term.label, term.language, term.text, hit.start, hit.end, negated
                )
            )
        by_family: dict[str, list[Match]] = {}
        for (family, _), family_matches in grouped.items():
            by_family.setdefault(family, []).extend(_drop_overlapped(family_matches))
        return Scan(by_family)
