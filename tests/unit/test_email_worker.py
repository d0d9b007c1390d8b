"""The shared email worker's own logic (shared/email/worker.py): lanes, claims, one send per
claim. The database and SMTP sides are the services' (tests/integration/test_survey_dispatch.py,
test_survey_follow_ups.py, test_notifier.py); here a mail and a server in memory."""

import asyncio
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from shared.email.smtp import SendResult
from shared.email.worker import Email, EmailWorker
from shared.settings import SmtpServer

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class Server:
    outcome: str = "accepted"
    sent: list[tuple[int, str]] = field(default_factory=list)  # (connection, recipient)
    closed: int = 0


class Connection:
    def __init__(self, server: Server, number: int) -> None:
        self.server, self.number = server, number

    async def send(self, sender: str, recipient: str, message: bytes) -> SendResult:
        await asyncio.sleep(0)  # lets the other lanes run, as a real server would
        self.server.sent.append((self.number, recipient))
        return SendResult(self.server.outcome, "detail")

    async def close(self) -> None:
        self.server.closed += 1


class Pool:
    def __init__(self, server: Server, slots: int | None = None) -> None:
        self.server, self.made = server, 0
        # Slots this replica holds under a sessions cap (SmtpPool.reserve); None: no cap.
        self.slots = slots
        self.settled = 0

    async def reserve(self, wanted: int) -> int:
        return wanted if self.slots is None else min(wanted, self.slots)

    async def settle(self) -> None:
        self.settled += 1

    async def take(self) -> Connection:
        self.made += 1
        return Connection(self.server, self.made)

    async def give_back(self, connection: Connection) -> None:
        await connection.close()

    async def close(self) -> None:
        pass


@dataclass
class Mail:
    due: list[int]
    raises: set[int] = field(default_factory=set)
    skips: set[int] = field(default_factory=set)
    claims: list[int] = field(default_factory=list)  # the limit of each claim
    outstanding: int = 0
    most_outstanding: int = 0
    recorded: list[tuple[int, str]] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)
    settled: int = 0

    async def settle_stale(self, now: datetime) -> None:
        self.settled += 1

    async def claim(self, now: datetime, limit: int) -> Sequence[int]:
        self.claims.append(limit)
        taken, self.due = self.due[:limit], self.due[limit:]
        self.outstanding += len(taken)
        self.most_outstanding = max(self.most_outstanding, self.outstanding)
        return taken

    async def prepare(self, claim: int, now: datetime) -> Email | None:
        if claim in self.raises:
            raise RuntimeError("database went away")
        if claim in self.skips:
            self.outstanding -= 1
            return None

        async def record(result: SendResult) -> None:
            self.outstanding -= 1
            self.recorded.append((claim, result.outcome))

        return Email("invitation", "from@x", f"to-{claim}@x", b"message", record)

    def scope(self, claim: int) -> AbstractContextManager[object]:
        return nullcontext()

    def failed(self, claim: int) -> None:
        self.failures.append(claim)


def worker(mail: Mail, server: Server, **fields: object) -> EmailWorker[int]:
    defaults: dict[str, object] = {"batch": 10, "concurrency": 2, "claim_ahead": True}
    return EmailWorker(
        mail,
        lambda: NOW,
        SmtpServer("127.0.0.1", 25),
        smtp=Pool(server),
        **(defaults | fields),
    )


async def test_claiming_ahead_takes_the_batch_once_and_deals_it_to_the_lanes_in_order() -> None:
    mail, server = Mail(due=list(range(7))), Server()
    assert await worker(mail, server, batch=5).run_once() == 5
    assert mail.claims == [5] and mail.settled == 1
    by_lane = {n: [r for c, r in server.sent if c == n] for n in (1, 2)}
    assert by_lane == {1: ["to-0@x", "to-2@x", "to-4@x"], 2: ["to-1@x", "to-3@x"]}
    assert sorted(mail.recorded) == [(n, "accepted") for n in range(5)]


async def test_fewer_due_than_lanes_opens_no_idle_lane() -> None:
    mail, server = Mail(due=[1]), Server()
    w = worker(mail, server, concurrency=4)
    assert await w.run_once() == 1
    assert w.smtp is not None and w.smtp.made == 1


async def test_a_sessions_cap_runs_as_many_lanes_as_slots_held() -> None:
    mail, server = Mail(due=list(range(8))), Server()
    w = EmailWorker(
        mail, lambda: NOW, SmtpServer("127.0.0.1", 25), 8, 4, True, Pool(server, slots=2)
    )
    assert await w.run_once() == 8
    assert {n for n, _ in server.sent} == {1, 2}  # two connections, not four
    assert w.smtp is not None and w.smtp.settled == 1


async def test_no_slot_free_claims_nothing() -> None:
    mail, server = Mail(due=list(range(3))), Server()
    w = EmailWorker(
        mail, lambda: NOW, SmtpServer("127.0.0.1", 25), 8, 4, True, Pool(server, slots=0)
    )
    assert await w.run_once() == 0
    assert mail.claims == [] and mail.due == [0, 1, 2] and server.sent == []


async def test_nothing_due_opens_no_connection() -> None:
    mail, server = Mail(due=[]), Server()
    w = worker(mail, server, claim_ahead=False)
    assert await w.run_once() == 0
    assert w.smtp.made == 0


async def test_claiming_one_at_a_time_holds_no_more_claims_than_lanes() -> None:
    mail, server = Mail(due=list(range(20))), Server()
    assert await worker(mail, server, batch=9, concurrency=3, claim_ahead=False).run_once() == 9
    assert set(mail.claims) == {1}
    assert mail.most_outstanding <= 3
    assert len(server.sent) == 9 and mail.due == list(range(9, 20))


@pytest.mark.parametrize("outcome", ["unknown", "retry", "permanent"])
async def test_each_claim_is_sent_once_whatever_the_answer(outcome: str) -> None:
    """Resending is the mail's decision (a later claim), never the worker's."""
    mail, server = Mail(due=list(range(4))), Server(outcome=outcome)
    assert await worker(mail, server).run_once() == 4
    assert sorted(r for _, r in server.sent) == [f"to-{n}@x" for n in range(4)]
    assert sorted(mail.recorded) == [(n, outcome) for n in range(4)]


async def test_a_claim_that_fails_is_reported_and_the_lane_goes_on() -> None:
    mail, server = Mail(due=list(range(4)), raises={1}, skips={2}), Server()
    assert await worker(mail, server, concurrency=1).run_once() == 4
    assert mail.failures == [1]
    assert [r for _, r in server.sent] == ["to-0@x", "to-3@x"]
