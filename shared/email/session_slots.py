"""A cap on the SMTP sessions a service holds open towards its relay, across all its replicas.

Each replica used to open up to its own lane count (6 survey replicas with 8 lanes: 48
sessions), which relays answer with 421 "too many connections" or throttling. With
`<SERVICE>_SMTP_MAX_SESSIONS` set, a session needs a leased slot (shared/slots/leases.py,
scope `smtp:<host>:<port>`): a pass first holds slots (renewed each pass, released when its
connections close), and runs as many lanes as it holds. Without the setting nothing is capped
and no query is made."""

import logging

from shared.db.pool import Pool
from shared.email.smtp import SmtpPool
from shared.settings import ServiceSettings
from shared.slots.leases import LeasedSlots

log = logging.getLogger(__name__)


def cap_sessions(smtp: SmtpPool, pool: Pool, settings: ServiceSettings) -> None:
    """Puts the service's cap (`smtp_max_sessions`) on its kept connections, once the
    database pool exists (the first pass); a no-op without the setting or once done."""
    if settings.smtp_max_sessions is None or smtp.slots is not None:
        return
    relay = f"{settings.smtp_host}:{settings.smtp_port}"
    smtp.slots = LeasedSlots(pool, f"smtp:{relay}", settings.smtp_max_sessions)
    log.info(
        "SMTP sessions capped across replicas",
        extra={"relay": relay, "max_sessions": settings.smtp_max_sessions},
    )
