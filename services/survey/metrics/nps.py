"""Net Promoter Score, standard and culture-adjusted. Pure functions.

Standard: detractors 0-6, passives 7-8, promoters 9-10. European variant: each band one point
lower (detractors 0-5, passives 6-7, promoters 8-10), because respondents in much of Europe
give high marks more sparingly. Both are always reported; `preferred` follows the shop's region.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

# EU and EEA members plus Switzerland and the UK.
EUROPEAN_COUNTRIES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS LI NO CH GB".split()
)

Variant = Literal["standard", "european"]


@dataclass(frozen=True)
class NpsResult:
    responses: int
    promoters: int
    passives: int
    detractors: int
    score: float | None  # -100..100, None without responses


def nps(counts: Mapping[int, int], variant: Variant) -> NpsResult:
    """`counts` maps each answer 0..10 to how many gave it."""
    shift = 1 if variant == "european" else 0
    promoters = sum(n for score, n in counts.items() if score >= 9 - shift)
    detractors = sum(n for score, n in counts.items() if score <= 6 - shift)
    total = sum(counts.values())
    passives = total - promoters - detractors
    score = round(100 * (promoters - detractors) / total, 1) if total else None
    return NpsResult(total, promoters, passives, detractors, score)


def preferred_variant(country: str | None) -> Variant:
    return "european" if (country or "").upper() in EUROPEAN_COUNTRIES else "standard"
