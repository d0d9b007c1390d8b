"""Optimistic concurrency for settings (RFC 9110 §8.8.3 `ETag`, §13.1.1 `If-Match`).

A settings document carries a version that grows by one per change. `GET` answers it as a
strong `ETag` (`"7"`); a `PATCH` with `If-Match` applies only if the stored version still
matches, else 412, so two staff members editing at once cannot overwrite each other unseen.
A `PATCH` without `If-Match` applies to whatever is stored (merge patches touch only the
members they name). `Reviewloop-Actor` names the person behind a shared operator token in the
audit trail; what the token proves is recorded beside it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import Header, HTTPException, Response, status

from shared.settings_changes.ownership import OwnedElsewhere, StaleVersion, etag_of, matches

__all__ = ["etag_of", "matches"]

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="The `ETag` of the version this change was made against; 412 if stale.",
    ),
]
Actor = Annotated[
    str | None,
    Header(
        alias="Reviewloop-Actor",
        max_length=120,
        pattern=r"^[^\x00-\x1f\x7f]*$",
        description="Who makes the change (an email or a name), recorded in the audit trail.",
    ),
]

PRECONDITION: dict[int | str, dict[str, Any]] = {
    412: {"description": "`If-Match` names a version that is no longer the stored one."}
}


def require(if_match: str | None, version: int) -> None:
    if not matches(if_match, version):
        raise HTTPException(
            status.HTTP_412_PRECONDITION_FAILED,
            f"the settings changed since you read them (now version {version}, "
            f"ETag {etag_of(version)}): read them again and reapply your change",
            headers={"ETag": etag_of(version)},
        )


def tag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_of(version)


def actor_of(token_kind: str, claimed: str | None) -> str:
    """`admin-token` or `api-token`, with the person the caller named, if any."""
    return f"{token_kind}:{claimed}" if claimed else token_kind


@contextmanager
def answered(if_match: str | None) -> Iterator[None]:
    """A settings service's refusals as HTTP answers: 422 for a member another owner keeps,
    412 (with the stored `ETag`) for a stale `If-Match`."""
    try:
        yield
    except OwnedElsewhere as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    except StaleVersion as exc:
        require(if_match, exc.version)
        raise  # unreachable: require refuses a stale If-Match
