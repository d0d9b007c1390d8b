"""Country codes: ISO 3166-1 alpha-2, as listed by the tzdata package the time zones come from
(no dependency on the host's /usr/share/zoneinfo)."""

from functools import cache
from importlib import resources


@cache
def iso_countries() -> frozenset[str]:
    text = resources.files("tzdata").joinpath("zoneinfo", "iso3166.tab").read_text()
    return frozenset(
        line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")
    )


def known_country(code: str) -> str:
    """The code as given, or ValueError (a pydantic validator's 422) when ISO has no such
    country."""
    if code not in iso_countries():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code
