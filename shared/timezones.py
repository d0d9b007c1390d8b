"""Which timezone a customer lives in: their country's main zone, else the shop's."""

from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@cache
def _country_zones() -> dict[str, str]:
    # zone.tab ships with the tzdata package: no dependency on the host's /usr/share/zoneinfo.
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    zones: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, _coords, zone = line.split("\t")[:3]
        # The first zone listed for a country is its most populous one.
        zones.setdefault(country, zone)
    return zones


def zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def customer_zone(
    customer_country: str | None, shop_country: str | None, shop_timezone: str | None
) -> ZoneInfo:
    shop_zone = zone(shop_timezone)
    if customer_country and customer_country.upper() != (shop_country or "").upper():
        country_zone = zone(_country_zones().get(customer_country.upper()))
        if country_zone is not None:
            return country_zone
    return shop_zone or ZoneInfo("UTC")
