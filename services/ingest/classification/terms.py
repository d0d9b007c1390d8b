"""Multilingual term lists compiled into one index, matched on folded tokens in one pass.

Term syntax (all folded: lower case, no diacritics):
  `word`      the token equals `word`
  `stem*`     the token starts with `stem` (inflected languages: one stem covers the cases)
  `a b* c`    consecutive tokens, each part exact or a stem
Stems shorter than 3 characters are refused: they would match half the vocabulary.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_MIN_STEM = 3
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Term:
    family: str  # which detector uses it: "sentiment", "topic", "severity", ...
    label: str  # the class within the family: "negative", "delivery_delay", ...
    language: str
    text: str  # as written in the list, for explanations
    parts: tuple[tuple[str, bool], ...]  # (text, is_stem) per token


@dataclass(frozen=True, slots=True)
class Hit:
    term: Term
    start: int  # token index
    end: int  # exclusive


def parse_list(spec: str) -> list[str]:
    # A term may wrap onto the next line of its list; explanations show it with single spaces.
    return [" ".join(t.split()) for t in spec.split(",") if t.strip()]


def _compile_term(family: str, label: str, language: str, text: str) -> Term:
    parts: list[tuple[str, bool]] = []
    for raw in text.split():
        is_stem = raw.endswith("*")
        word = raw.rstrip("*")
        if not word or (is_stem and len(word) < _MIN_STEM):
            raise ValueError(f"term {text!r} ({family}/{label}/{language}): stem too short")
        if word != word.lower() or not word.isascii():
            raise ValueError(f"term {text!r} ({family}/{label}/{language}) is not folded")
        parts.append((word, is_stem))
    return Term(family, label, language, text, tuple(parts))


# A token's single-word and stem candidates, and the phrases it starts keyed by the next word.
_Entry = tuple[tuple[Term, ...], dict[str, list[Term]] | None]


class TermIndex:
    def __init__(self, terms: Iterable[Term]) -> None:
        self._exact: dict[str, list[Term]] = {}
        self._stems: dict[str, list[Term]] = {}
        # Phrases starting with two exact words ("not working", "nu a ajuns") are looked up by
        # both: their first words ("not", "nu") are among the commonest tokens.
        self._pairs: dict[str, dict[str, list[Term]]] = {}
        for term in terms:
            first, is_stem = term.parts[0]
            if len(term.parts) > 1 and not is_stem and not term.parts[1][1]:
                inner = self._pairs.setdefault(first, {})
                inner.setdefault(term.parts[1][0], []).append(term)
            else:
                (self._stems if is_stem else self._exact).setdefault(first, []).append(term)
        self._stem_lengths = sorted({len(s) for s in self._stems})
        # Tokens repeat across reviews: the candidate terms of a token are looked up once.
        self._cache: dict[str, _Entry] = {}

    @classmethod
    def from_lists(
        cls, family: str, lists: Mapping[str, Mapping[str, str]], languages: Iterable[str] = ()
    ) -> list[Term]:
        """`lists[label][language]` is a comma-separated term list."""
        wanted = set(languages)
        terms: list[Term] = []
        for label, by_language in lists.items():
            for language, spec in by_language.items():
                if wanted and language not in wanted:
                    continue
                terms.extend(_compile_term(family, label, language, t) for t in parse_list(spec))
        return terms

    def _lookup(self, token: str) -> _Entry:
        found: list[Term] = list(self._exact.get(token, ()))
        for length in self._stem_lengths:
            if length > len(token):
                break
            found.extend(self._stems.get(token[:length], ()))
        entry = (tuple(found), self._pairs.get(token))
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[token] = entry
        return entry

    def scan(self, tokens: tuple[str, ...]) -> list[Hit]:
        hits: list[Hit] = []
        n = len(tokens)
        cache = self._cache
        for i, token in enumerate(tokens):
            # One dictionary look-up per token on the hot path: tokens repeat across reviews.
            entry = cache.get(token)
            if entry is None:
                entry = self._lookup(token)
            candidates, following = entry
            if following is not None and i + 1 < n:
                for term in following.get(tokens[i + 1], ()):
                    size = len(term.parts)
                    if size == 2 or (i + size <= n and _rest_matches(tokens, i, term.parts)):
                        hits.append(Hit(term, i, i + size))
            for term in candidates:
                parts = term.parts
                size = len(parts)
                if size == 1:
                    hits.append(Hit(term, i, i + 1))
                elif i + size <= n and _rest_matches(tokens, i, parts):
                    hits.append(Hit(term, i, i + size))
        return hits


def _rest_matches(tokens: tuple[str, ...], start: int, parts: tuple[tuple[str, bool], ...]) -> bool:
    # A plain loop: this runs for every occurrence of a common first word ("not", "the").
    for k in range(1, len(parts)):
        word, is_stem = parts[k]
        token = tokens[start + k]
        if is_stem:
            if not token.startswith(word):
                return False
        elif token != word:
            return False
    return True
