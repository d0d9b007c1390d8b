"""Matching a keyword against a platform's product category ("Home & Garden > Rugs")."""

import re
from functools import lru_cache


# Bounded: the callers pass built-in keywords today, but a cache must not grow with any input.
@lru_cache(maxsize=1024)
def _at_word_start(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])" + re.escape(keyword.lower()))


def starts_a_word(keyword: str, category: str) -> bool:
    """Whether `keyword` begins a word of `category` (lower-cased): "pet" is in "Pet supplies"
    and "Pets", not in "Carpets"; "sport" not in "Transport". A plain substring test put rugs
    among pet goods and delicatessen among them too ("cat")."""
    return _at_word_start(keyword).search(category.lower()) is not None
