"""What the users pages show: the admin's shops by name, the roles they may grant, each
user's shops and whether they have a password yet."""

from dataclasses import dataclass

from pydantic import ValidationError

from services.responder.access.principal import ROLES, Principal, Role
from services.responder.access.schemas import UserOut
from services.responder.console.auth import repository as sign_in
from services.responder.shops import repository as shops
from shared.db.pool import Pool

# Messages a redirect may name (`?done=`); anything else shows nothing.
DONE = ("created", "updated", "deactivated", "reactivated")


@dataclass(frozen=True)
class Row:
    user: UserOut
    has_password: bool
    shop_names: list[str]


def grantable(principal: Principal) -> list[Role]:
    """Roles up to the admin's own (never above)."""
    return [r for r in ROLES if principal.at_least(r)]


async def shop_names(pool: Pool, principal: Principal) -> list[tuple[str, str]]:
    """(id, name) of the shops the admin administers, by id."""
    mine = sorted(principal.shop_ids or ())
    async with pool.acquire() as conn:
        known = {s.shop_id: s.display_name for s in await shops.list_known(conn, mine)}
    return [(s, known.get(s) or s) for s in mine]


async def rows(pool: Pool, found: list[UserOut], names: dict[str, str]) -> list[Row]:
    async with pool.acquire() as conn:
        with_password = await sign_in.with_password(conn, [u.id for u in found])
    return [Row(u, u.id in with_password, [names.get(s) or s for s in u.shop_ids]) for u in found]


def problems(exc: ValidationError) -> list[str]:
    """A form's invalid fields as "field: reason" lines."""
    out = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"] if not isinstance(part, int))
        out.append(f"{where}: {error['msg']}" if where else error["msg"])
    return out
