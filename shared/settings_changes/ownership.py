"""What every owner's settings API shares (docs/configuration.md): the document with its
version, the two refusals (a stale `If-Match`, a member another owner keeps) and the diff the
audit trail records."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from shared.db.unit_of_work import UnitOfWork
from shared.events.shops import ShopUpdatedPayload
from shared.http import merge_patch

M = TypeVar("M", bound=BaseModel)

REGISTRY = "the shop registry: PATCH /v1/admin/shops/{shop_id}"
# The shop registry's profile: refused by every other settings document, since a change naming
# `timezone` or `sla` there is as misplaced as one naming a member that moved.
PROFILE_MEMBERS = frozenset(ShopUpdatedPayload.model_fields) - {"version"}


@dataclass(frozen=True)
class Versioned(Generic[M]):
    settings: M
    version: int


def etag_of(version: int) -> str:
    return f'"{version}"'


def matches(if_match: str | None, version: int) -> bool:
    """RFC 9110: `*` or any listed strong tag equal to the current one; weak tags never match."""
    if if_match is None:
        return True
    tags = [t.strip() for t in if_match.split(",")]
    return "*" in tags or etag_of(version) in tags


class StaleVersion(Exception):
    """`If-Match` names a version that is no longer the stored one: 412, nothing changed."""

    def __init__(self, version: int) -> None:
        super().__init__(f"the settings are at version {version}")
        self.version = version


class OwnedElsewhere(ValueError):
    """The change names members another owner keeps: 422 with this reason, nothing changed."""


def refuse_foreign(shop_id: str, patch: Mapping[str, Any], moved: Mapping[str, str]) -> None:
    """Raises OwnedElsewhere, saying where to make the change, when `patch` names a member of
    the registry's profile or one of `moved` (members this document once had, with their name
    in the profile), rather than pydantic's "extra inputs are not permitted"."""
    named = sorted((PROFILE_MEMBERS | moved.keys()) & patch.keys())
    if not named:
        return
    where = REGISTRY.format(shop_id=shop_id)
    raise OwnedElsewhere(
        "; ".join(
            f"{name} is owned by {where}"
            + (f" (as {moved[name]})" if moved.get(name, name) != name else "")
            for name in named
        )
    )


def diff(before: BaseModel, after: BaseModel) -> tuple[dict[str, Any], dict[str, Any]]:
    """The top-level members that differ, before and after (empty when nothing changed): the
    trail reads "who changed what from what to what"."""
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    changed = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    return {k: old.get(k) for k in changed}, {k: new.get(k) for k in changed}


async def apply_patch(
    uow: UnitOfWork,
    shop_id: str,
    entity: str,
    stored: Versioned[M],
    patch: dict[str, Any],
    if_match: str | None,
    put: Callable[[M], Awaitable[int]],
) -> tuple[Versioned[M], set[str]]:
    """Inside the caller's unit of work, with the stored row locked: the patched document at
    its next version (`put` stores it and answers the version) and the members that changed,
    with one audit entry of them. Raises StaleVersion, and merge_patch's validation error for a
    result the model refuses. A patch that changes nothing writes nothing and keeps the
    version."""
    if not matches(if_match, stored.version):
        raise StaleVersion(stored.version)
    settings = merge_patch.apply(stored.settings, patch)
    before, after = diff(stored.settings, settings)
    if not after:
        return stored, set()
    version = await put(settings)
    await uow.audit(
        "settings.changed", entity, version, shop_id=shop_id, before=before, after=after
    )
    return Versioned(settings, version), set(after)
