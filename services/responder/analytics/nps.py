"""Net Promoter Score, standard and European-adjusted (the same bands as the survey service's
own metrics, so both report one number).

Standard: detractors 0-6, passives 7-8, promoters 9-10. European: each band one point lower
(0-5, 6-7, 8-10), because respondents in much of Europe give high marks more sparingly.
"""

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel

Variant = Literal["standard", "european"]

EUROPEAN_COUNTRIES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS LI NO CH GB".split()
)


class Nps(BaseModel):
    responses: int
    promoters: int
    passives: int
    detractors: int
    # None without responses.
    score: float | None


def nps(counts: Mapping[int, int], variant: Variant) -> Nps:
    shift = 1 if variant == "european" else 0
    promoters = sum(n for score, n in counts.items() if score >= 9 - shift)
    detractors = sum(n for score, n in counts.items() if score <= 6 - shift)
    total = sum(counts.values())
    return Nps(
        responses=total,
        promoters=promoters,
        passives=total - promoters - detractors,
        detractors=detractors,
        score=round(100 * (promoters - detractors) / total, 1) if total else None,
    )


def preferred(country: str | None) -> Variant:
    return "european" if (country or "").upper() in EUROPEAN_COUNTRIES else "standard"
