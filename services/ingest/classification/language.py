"""Language identification: function-word votes first, lingua for what they leave open, with the
language the platform or survey declared as a prior.

Lingua (low-accuracy mode, restricted to the languages shops here receive) costs 200-400 us a
review, more than everything else together. Most reviews contain several function words of one
language and none of another; those are decided by a dictionary look-up per token. Short,
mixed, foreign or contradicting (declared "hr", Slovenian words) texts go to lingua.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from services.ingest.classification.lexicons.stopwords import STOPWORDS
from services.ingest.classification.terms import parse_list
from services.ingest.classification.text import prepare

if TYPE_CHECKING:
    from lingua import LanguageDetector

SUPPORTED = ("en", "de", "sl", "lv", "ro")
# Also recognised, so that a French or Croatian review is not forced into one of the five; the
# list stays short because every language costs time on every review.
_OTHERS = ("fr", "it", "es", "nl", "pl", "cs", "hu", "hr", "lt", "pt", "ru")
KNOWN = SUPPORTED + _OTHERS
UNDETERMINED = "und"
# Below this many letters lingua is close to guessing; the declared language wins.
_MIN_LETTERS = 4
_SHORT_TEXT_LETTERS = 30
# Under _SHORT_TEXT_LETTERS, lingua (trigrams) must be at least this sure of a language outside
# the five to overrule a declared one of the five: it reads "Priporocam" as Italian and "Livrare
# rapida" as Portuguese, languages no list here reads. English stays English ("Works fine"
# declared Latvian at 0.38): its own head reads it.
_SHORT_TEXT_OVERRULE = 0.8
# A language at least this likely is treated as present in mixed-language text.
SECONDARY_THRESHOLD = 0.15
# Function words decide alone when the winner has this many, this share of all the review's
# tokens (a French text with one "si" is not Romanian), and no other language has a quarter of
# the winner's votes.
_VOTES_MIN = 2
_VOTES_SHARE_OF_TOKENS = 0.12
_VOTES_RIVAL_RATIO = 0.25
_VOTE_TOKENS = 120


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str
    confidence: float
    # Languages likely enough to be present (mixed-language reviews), most likely first.
    present: tuple[str, ...] = field(default=())
    explanation: str = ""


def normalise_declared(declared: str | None) -> str | None:
    """ "de-AT", "DE_de", "sl" -> "de", "de", "sl"; anything else unusable -> None."""
    if not declared:
        return None
    code = declared.strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


class LanguageIdentifier:
    def __init__(self) -> None:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in KNOWN]
        self._detector: LanguageDetector = (
            LanguageDetectorBuilder.from_languages(*languages)
            .with_low_accuracy_mode()
            # Loaded lazily, the first review in each language would take ~100 ms.
            .with_preloaded_language_models()
            .build()
        )
        self._stopwords: dict[str, str] = {}
        for code, spec in STOPWORDS.items():
            for word in parse_list(spec):
                self._stopwords[word] = code

    def _by_function_words(self, tokens: tuple[str, ...], hint: str | None) -> LanguageGuess | None:
        # The opening decides, as for lingua (MAX_LANGUAGE_CHARS): a long review is not
        # counted word by word.
        tokens = tokens[:_VOTE_TOKENS]
        stopwords = self._stopwords
        votes = Counter(stopwords[t] for t in tokens if t in stopwords)
        words = sum(1 for t in tokens if t != ".")
        if not votes:
            return None
        ranked = votes.most_common(2)
        code, top = ranked[0]
        rival = ranked[1][1] if len(ranked) > 1 else 0
        # One function word suffices when it agrees with the declared language.
        needed = 1 if hint == code and not rival else _VOTES_MIN
        if (
            top < needed
            or top < _VOTES_SHARE_OF_TOKENS * words
            or rival > _VOTES_RIVAL_RATIO * top
            or (hint is not None and hint != code)
        ):
            return None
        confidence = round(min(0.99, 0.8 + 0.04 * top), 3)
        return LanguageGuess(
            code, confidence, (code,), f"language {code} ({confidence:.2f}, words)"
        )

    def identify(
        self, text: str, declared: str | None, tokens: tuple[str, ...] = ()
    ) -> LanguageGuess:
        hint = normalise_declared(declared)
        # Counted on the tokens: a per-character loop costs more than the function-word vote.
        if not tokens:
            tokens = prepare(None, text).tokens
        # Only short texts can fall below _MIN_LETTERS; counting costs on every review.
        letters = _MIN_LETTERS if len(tokens) > 8 else sum(len(t) for t in tokens if t.isalpha())
        if letters < _MIN_LETTERS:
            if hint:
                return LanguageGuess(
                    hint, 0.5, (hint,), f"language {hint}: declared, text too short"
                )
            return LanguageGuess(UNDETERMINED, 0.0, (), "language und: no text to identify")
        quick = self._by_function_words(tokens, hint)
        if quick is not None:
            return quick

        scores = {
            v.language.iso_code_639_1.name.lower(): v.value
            for v in self._detector.compute_language_confidence_values(text)
        }
        if hint in scores:
            # The declared language is a prior: it decides between close candidates and counts
            # for more when the text is short, but clear evidence in the text overrides it.
            scores[hint] *= 4.0 if letters < _SHORT_TEXT_LETTERS else 2.0
        total = sum(scores.values())
        if total <= 0:
            code = hint or UNDETERMINED
            return LanguageGuess(code, 0.3 if hint else 0.0, (code,) if hint else (), "")
        ranked = sorted(((s / total, c) for c, s in scores.items()), reverse=True)
        confidence, code = ranked[0]
        present = tuple(c for p, c in ranked if p >= SECONDARY_THRESHOLD)
        if (
            hint in SUPPORTED
            and code not in SUPPORTED
            and letters < _SHORT_TEXT_LETTERS
            and confidence < _SHORT_TEXT_OVERRULE
        ):
            others = tuple(c for c in present if c != hint)
            return LanguageGuess(
                hint,
                0.5,
                (hint, *others),
                f"language {hint}: declared, text too short to overrule ({code} {confidence:.2f})",
            )
        explanation = f"language {code} ({confidence:.2f})"
        if hint and hint != code:
            explanation += f", declared {hint}"
        if len(present) > 1:
            explanation += f", also {', '.join(present[1:])}"
        return LanguageGuess(code, round(confidence, 3), present, explanation)
