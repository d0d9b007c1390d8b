"""Any JSON value, described: OpenAPI's "any" tells a client generator nothing, this recursive
type tells it "an object, array, string, number, boolean or null"."""

from typing import Union

from typing_extensions import TypeAliasType

Json = TypeAliasType(
    "Json",
    "Union[dict[str, Json], list[Json], str, int, float, bool, None]",  # noqa: UP007
)
