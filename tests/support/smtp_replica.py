"""One replica's email worker, as a process of its own (`python -m tests.support.smtp_replica`):
the survey's settings from its environment (SURVEY_DB_*, SURVEY_SMTP_*, SURVEY_SMTP_MAX_SESSIONS),
the due messages from the table `cap_test_queue` of its schema (claimed with SKIP LOCKED, as
the product's claims are), the outcomes into `cap_test_sent`. Ends when the queue is empty."""

import asyncio
from collections.abc import Sequence
from contextlib import nullcontext
from datetime import UTC, datetime
from typing import Any

from services.survey.settings import SurveySettings
from shared.db.pool import Pool, create_pool
from shared.email.session_slots import cap_sessions
from shared.email.smtp import SendResult, SmtpPool
from shared.email.worker import Email, EmailWorker


class TableQueue:
    def __init__(self, pool: Pool) -> None:
        self.pool = pool

    async def settle_stale(self, now: datetime) -> None:
        return None

    async def claim(self, now: datetime, limit: int) -> Sequence[int]:
        rows = await self.pool.fetch(
            """
            DELETE FROM cap_test_queue WHERE n IN (
                SELECT n FROM cap_test_queue ORDER BY n LIMIT $1 FOR UPDATE SKIP LOCKED
            ) RETURNING n
            """,
            limit,
        )
        return [int(r["n"]) for r in rows]

    async def prepare(self, claim: int, now: datetime) -> Email | None:
        async def record(result: SendResult) -> None:
            await self.pool.execute(
                "INSERT INTO cap_test_sent (n, outcome) VALUES ($1, $2)", claim, result.outcome
            )

        message = f"Subject: {claim}\r\n\r\nmessage {claim}\r\n".encode()
        return Email("invitation", "surveys@shop.example", f"c{claim}@x.example", message, record)

    def scope(self, claim: int) -> Any:
        return nullcontext()

    def failed(self, claim: int) -> None:
        raise SystemExit(f"claim {claim} failed")


async def main() -> None:
    settings = SurveySettings()
    pool = await create_pool(settings)
    smtp = SmtpPool(settings.smtp_server)
    cap_sessions(smtp, pool, settings)
    worker = EmailWorker(
        TableQueue(pool), lambda: datetime.now(UTC), settings.smtp_server, 10, 4, True, smtp
    )
    try:
        while await pool.fetchval("SELECT count(*) FROM cap_test_queue"):
            await worker.run_once()
            await asyncio.sleep(0.01)
    finally:
        await smtp.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
