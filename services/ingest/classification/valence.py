"""English word valences as features of the English sentiment head.

The valences are VADER's lexicon (Hutto & Gilbert 2014; 7,500 English words, emoticons and
slang rated by ten people on -4..+4; MIT), shipped as `artifacts/valence-en.tsv` with its
licence. The rules that adjust a word's valence follow the paper's published constants:
an intensifier before it (+-0.293), the word in capitals inside mixed-case text (+0.733), a
negator among the three words before it in the same clause (x -0.74), and a contrast ("but")
that halves what came before and raises what follows by half.

vaderSentiment's own analyser is not called: it returns one compound score, while the model
learns from eight figures (positive and negative mass apart, their counts, whether any rated
word occurred, a question), it costs several times more per review on the alert path, and the
package pulls in `requests` at run time for nothing here.
"""

import math
import re
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LEXICON_FILE = "valence-en.tsv"
FEATURES = (
    "valence:compound",
    "valence:pos_mass",
    "valence:neg_mass",
    "valence:pos_words",
    "valence:neg_words",
    "valence:per_word",
    "valence:none",
    "valence:question",
)
# Only the start of a long review: the opening carries the verdict and the cost stays bounded.
MAX_CHARS = 1500
_BOOST = 0.293
_CAPS = 0.733
_NEGATE = -0.74
_EXCLAIM = 0.292
_ALPHA = 15.0
_NEGATORS = frozenset(
    "not no never none nobody nothing neither nor nowhere cannot without lack lacks lacking "
    "hardly barely isnt dont doesnt didnt wasnt werent wont cant couldnt shouldnt wouldnt "
    "havent hasnt hadnt aint arent nt".split()
)
_INTENSIFIERS: dict[str, float] = {
    **dict.fromkeys(
        "very really extremely so totally absolutely completely incredibly super highly most "
        "too utterly truly quite such".split(),
        1.0,
    ),
    **dict.fromkeys(
        "slightly somewhat barely marginally kinda little fairly partly almost".split(), -1.0
    ),
}
_CONTRAST = frozenset({"but", "however", "although"})
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?"})
_TOKEN = re.compile(r"[A-Za-z']+|[.,;:!?]")


def load_lexicon(directory: Path = ARTIFACTS) -> dict[str, float]:
    lexicon: dict[str, float] = {}
    for line in (directory / LEXICON_FILE).read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        lexicon[word] = float(value)
    return lexicon


def _negated(lower: list[str], i: int) -> bool:
    for j in range(i - 1, max(-1, i - 4), -1):
        word = lower[j]
        if word in _CLAUSE_END:
            return False
        if word in _NEGATORS or word.endswith("nt"):
            return True
    return False


def features(text: str, lexicon: dict[str, float]) -> list[float]:
    """In FEATURES order. Reads the original text: capitals and punctuation carry valence."""
    words = [t.replace("'", "") for t in _TOKEN.findall(text[:MAX_CHARS])]
    lower = [w.lower() for w in words]
    alpha = [w for w in words if w.isalpha()]
    shouting = bool(alpha) and all(w.isupper() for w in alpha)
    # (position, valence) of the rated words only: most words are unrated.
    rated: list[tuple[int, float]] = []
    contrast_at = -1
    get = lexicon.get
    for i, word in enumerate(lower):
        if word in _CONTRAST:
            contrast_at = i
        v = get(word)
        if v is None:
            continue
        if i and lower[i - 1] in _INTENSIFIERS:
            v += math.copysign(_BOOST, v) * _INTENSIFIERS[lower[i - 1]]
        if not shouting and len(words[i]) > 1 and words[i].isupper():
            v += math.copysign(_CAPS, v)
        if _negated(lower, i):
            v *= _NEGATE
        rated.append((i, v))
    if contrast_at >= 0:
        rated = [(i, v * 0.5 if i < contrast_at else v * 1.5) for i, v in rated]
    pos = neg = 0.0
    n_pos = n_neg = 0
    for _, v in rated:
        if v > 0:
            pos += v
            n_pos += 1
        elif v < 0:
            neg -= v
            n_neg += 1
    score = pos - neg
    if score:
        score += math.copysign(min(text.count("!"), 4) * _EXCLAIM, score)
    n_words = max(1, len(alpha))
    return [
        score / math.sqrt(score * score + _ALPHA),
        math.log1p(pos),
        math.log1p(neg),
        math.log1p(n_pos),
        math.log1p(n_neg),
        (pos - neg) / math.sqrt(n_words),
        1.0 if not n_pos and not n_neg else 0.0,
        1.0 if "?" in text else 0.0,
    ]
