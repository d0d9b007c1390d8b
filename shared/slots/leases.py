"""A cap of `cap` at once on something shared by all of a service's replicas (SMTP sessions
towards one relay, API calls to one shop): a process first holds slots, rows of `leased_slots`
in its own schema, and does as many things at once as it holds. Leases run out, so a replica
that dies leaves its slots to the others after `lease_s`."""

import os
import socket
import uuid
from dataclasses import dataclass, field

from shared.db.pool import Pool
from shared.slots import repository


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class LeasedSlots:
    pool: Pool
    scope: str
    cap: int
    # Long enough for what one holding covers (renewed by each `hold`), short enough that a
    # dead replica's share comes back soon.
    lease_s: float = 120.0
    holder: str = field(default_factory=_holder)
    held: list[int] = field(default_factory=list)

    async def hold(self, wanted: int) -> int:
        """Keep the slots held (renewed) and take more up to `wanted`; how many are held."""
        async with self.pool.acquire() as conn, conn.transaction():
            await repository.seed_slots(conn, self.scope, self.cap)
            self.held = await repository.renew_slots(
                conn, self.scope, self.cap, self.holder, self.lease_s
            )
            if len(self.held) < wanted:
                self.held += await repository.take_slots(
                    conn, self.scope, self.cap, self.holder, self.lease_s, wanted - len(self.held)
                )
        return len(self.held)

    async def keep(self, count: int) -> None:
        """Release the slots beyond `count`."""
        extra, self.held = self.held[count:], self.held[:count]
        if extra:
            async with self.pool.acquire() as conn:
                await repository.release_slots(conn, self.scope, self.holder, extra)
