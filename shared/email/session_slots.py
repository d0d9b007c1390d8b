"""A cap on the SMTP sessions a service holds open towards its relay, across all its replicas.

Each replica used to open up to its own lane count (6 survey replicas with 8 lanes: 48
sessions), which relays answer with 421 "too many connections" or throttling. With
`<SERVICE>_SMTP_MAX_SESSIONS` set, a session needs a slot of `smtp_session_slots` in the
service's schema: a pass first holds slots (leased, renewed each pass, released when its
connections close), and runs as many lanes as it holds. A replica that dies leaves its slots
to the others when their lease runs out. Without the setting nothing is capped and no query is
made."""

import logging
import os
import socket
import uuid
from dataclasses import dataclass, field

from shared.db.pool import Pool
from shared.email import repository
from shared.email.smtp import SmtpPool
from shared.settings import ServiceSettings

log = logging.getLogger(__name__)


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class SessionSlots:
    pool: Pool
    relay: str  # host:port of the SMTP server
    cap: int
    # Renewed at every pass: much longer than a pass, short enough that a dead replica's
    # sessions come back soon.
    lease_s: float = 120.0
    holder: str = field(default_factory=_holder)
    held: list[int] = field(default_factory=list)

    async def hold(self, wanted: int) -> int:
        """Keep the slots held (renewed) and take more up to `wanted`; how many are held."""
        async with self.pool.acquire() as conn, conn.transaction():
            await repository.seed_slots(conn, self.relay, self.cap)
            self.held = await repository.renew_slots(
                conn, self.relay, self.cap, self.holder, self.lease_s
            )
            if len(self.held) < wanted:
                self.held += await repository.take_slots(
                    conn, self.relay, self.cap, self.holder, self.lease_s, wanted - len(self.held)
                )
        return len(self.held)

    async def keep(self, count: int) -> None:
        """Release the slots beyond `count` (their connections are closed)."""
        extra, self.held = self.held[count:], self.held[:count]
        if extra:
            async with self.pool.acquire() as conn:
                await repository.release_slots(conn, self.relay, self.holder, extra)


def cap_sessions(smtp: SmtpPool, pool: Pool, settings: ServiceSettings) -> None:
    """Puts the service's cap (`smtp_max_sessions`) on its kept connections, once the
    database pool exists (the first pass); a no-op without the setting or once done."""
    if settings.smtp_max_sessions is None or smtp.slots is not None:
        return
    smtp.slots = SessionSlots(
        pool, f"{settings.smtp_host}:{settings.smtp_port}", settings.smtp_max_sessions
    )
    log.info(
        "SMTP sessions capped across replicas",
        extra={"relay": smtp.slots.relay, "max_sessions": settings.smtp_max_sessions},
    )
