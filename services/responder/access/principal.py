"""Who is calling: a user (by API key or bearer token) or the bootstrap admin key."""

from dataclasses import dataclass
from typing import Literal

Role = Literal["agent", "manager", "admin"]
ROLES: tuple[Role, ...] = ("agent", "manager", "admin")
# Each role can do everything the roles before it can: agents read and draft, managers also
# approve, publish and configure, admins also manage users.
_RANK = {role: i for i, role in enumerate(ROLES)}

Via = Literal["api_key", "jwt", "bootstrap", "session"]


@dataclass(frozen=True)
class Principal:
    user_id: int | None
    name: str
    role: Role
    # None: every shop (only the bootstrap key).
    shop_ids: frozenset[str] | None
    via: Via
    # What the rate limit counts against: one bucket per user (whichever key or token they
    # use, so minting more keys buys no more requests), or the bootstrap key's own.
    limiter_key: str
    # The API key the request came with, or the one its bearer token was minted from.
    key_id: int | None = None

    @property
    def actor(self) -> str:
        return f"user:{self.user_id}" if self.user_id is not None else "bootstrap"

    def at_least(self, role: Role) -> bool:
        return _RANK[self.role] >= _RANK[role]

    def can_access(self, shop_id: str) -> bool:
        return self.shop_ids is None or shop_id in self.shop_ids

    def covers(self, shop_ids: list[str] | frozenset[str]) -> bool:
        return self.shop_ids is None or set(shop_ids) <= self.shop_ids

    def scope(self) -> list[str] | None:
        """The shops to filter queries by; None means no filter (bootstrap)."""
        return None if self.shop_ids is None else sorted(self.shop_ids)
