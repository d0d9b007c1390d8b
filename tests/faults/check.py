"""After the run: what should have happened, against what did, from the SMTP sink, the databases
(read as administrator, read-only) and the topics.

Per category, `expected` is what the load asked for, `sent` what arrived, `lost` expected effects
that never happened, `duplicated` effects that happened more than once. An email whose sender
recorded it `unknown` (the SMTP "unknown" window of docs/decisions.md: a connection broken
during DATA, a worker dead between the server's answer and the state update) and that did not
arrive is counted in `unknown`, never in `lost`: it is the one documented exception, and it
applies to customer emails only (survey: at most once). Staff notifications (alerts, escalations,
digests, alarms) are at least once: one that never arrived is lost whatever its state, and one
that arrived several times with its one Message-ID is one message (receivers dedupe), counted
in the notes as resent, not as duplicated.
"""

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.ingest.classification import ReviewInput, load_classifier
from services.notifier.settings import NotifierSettings
from services.survey.settings import SurveySettings
from shared.topics import PRODUCT_TOPICS, dlq_name, topic_name
from tests.faults.faults import POISON_HEADER, SCHEMAS, Poison, Probe
from tests.faults.load import ELIGIBLE, LoadGenerator, PlannedOrder
from tests.faults.smtp import SinkState

# `<notification.<row id>.<the row's random token>@domain>` (notifier migration 0009).
NOTIFICATION_ID = re.compile(r"<notification\.(\d+)\.([0-9a-f]+)@")
MESSAGE_ID_DOMAIN = "reviewloop.local"
# Emails a dispatch (delivery) worker sends at once: a broken run leaves at most this many
# 'unknown' per worker. Read from the services' own settings so the bound follows their defaults
# (and SURVEY_DISPATCH_CONCURRENCY / NOTIFIER_DELIVERY_CONCURRENCY when the run sets them).
SURVEY_LANES = SurveySettings().dispatch_concurrency
NOTIFIER_LANES = NotifierSettings().delivery_concurrency


@dataclass
class Tally:
    expected: int = 0
    sent: int = 0
    lost: int = 0
    duplicated: int = 0
    unknown: int = 0
    unexpected: int = 0  # effects nobody asked for (an email to an ineligible order)

    def add(self, other: "Tally") -> None:
        for name in ("expected", "sent", "lost", "duplicated", "unknown", "unexpected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Findings:
    tallies: dict[str, Tally] = field(default_factory=dict)
    stuck: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dlq: dict[str, int] = field(default_factory=dict)
    lag: dict[str, int] = field(default_factory=dict)
    survey_states: Counter[str] = field(default_factory=Counter)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    @property
    def lost(self) -> int:
        return sum(t.lost for t in self.tallies.values())

    @property
    def duplicated(self) -> int:
        return sum(t.duplicated for t in self.tallies.values())

    @property
    def unexpected(self) -> int:
        return sum(t.unexpected for t in self.tallies.values())

    @property
    def unknown(self) -> int:
        return sum(t.unknown for t in self.tallies.values())

    @property
    def stuck_total(self) -> int:
        return sum(self.stuck.values())

    @property
    def clean(self) -> bool:
        return (
            self.lost == 0
            and self.duplicated == 0
            and self.unexpected == 0
            and self.stuck_total == 0
            and not self.problems
        )


def _sentiment(classification: Any) -> tuple[str, str, bool]:
    c = json.loads(classification) if isinstance(classification, str) else classification
    return c["sentiment"], c["severity"], bool(c.get("removal_candidate", False))


def unknown_verdicts(rows: list[Any], attempted: set[str], lanes: int) -> dict[Any, str]:
    """For emails recorded `unknown` that did not arrive: 'window' when the documented SMTP
    unknown window explains it, 'lost' when it does not.

    Explained: the message reached DATA (the sink saw it begin), or its worker died while the
    email was in flight, at most one per lane of the dead worker's batch (a claim that expired:
    `worker stopped ...`). Further emails of that batch were waiting for their turn and never
    left: lost. Rows: (key, message id, claimed at, last error)."""
    verdicts: dict[Any, str] = {}
    batches: dict[Any, list[Any]] = {}
    for key, message_id, claimed_at, last_error in rows:
        if message_id in attempted:
            verdicts[key] = "window"
        elif (last_error or "").startswith("worker stopped"):
            batches.setdefault(claimed_at, []).append(key)
        else:
            verdicts[key] = "window"  # an SMTP error during DATA the sink did not see begin
    for keys in batches.values():
        for n, key in enumerate(sorted(keys)):
            verdicts[key] = "window" if n < lanes else "lost"
    return verdicts


async def check(
    probe: Probe,
    load: LoadGenerator,
    sink: SinkState,
    poisons: list[Poison],
) -> Findings:
    f = Findings()
    shop_ids = [s.shop_id for s in load.shops]
    received = Counter(m.message_id for m in sink.messages)
    await _surveys(probe, load, received, sink, f)
    reviews = await _reviews(probe, load, f)
    await _alerts(probe, load, reviews, received, sink, f)
    await _cases(probe, reviews, shop_ids, f)
    await _stuck(probe, f)
    await _topics(probe, poisons, f)
    return f


async def _surveys(
    probe: Probe, load: LoadGenerator, received: Counter[str], sink: SinkState, f: Findings
) -> None:
    rows = await probe.fetch(
        """
        SELECT s.shop_id, s.order_id, e.status, e.skip_reason, e.message_id, e.attempts,
               e.last_error, e.claimed_at
        FROM survey.surveys s JOIN survey.survey_emails e ON e.survey_id = s.id
        WHERE e.kind = 'invitation'
        """
    )
    by_order = {(r["shop_id"], r["order_id"]): r for r in rows}
    invitations = {m: n for m, n in received.items() if m.startswith("<invitation.")}
    known_ids = {r["message_id"] for r in rows}
    for message_id in set(invitations) - known_ids:
        f.problems.append(f"invitation {message_id} in the sink belongs to no survey")
    # Counted by address (every order has its own): independent of what survey recorded.
    verdicts = unknown_verdicts(
        [
            ((r["shop_id"], r["order_id"]), r["message_id"], r["claimed_at"], r["last_error"])
            for r in rows
            if r["status"] == "unknown"
        ],
        sink.data_attempted(),
        SURVEY_LANES,
    )
    to_address = Counter(
        m.recipient for m in sink.messages if m.message_id.startswith("<invitation.")
    )
    for order in load.orders:
        spec = order.spec
        row = by_order.get((spec.shop_id, spec.order_id))
        sent = to_address.get(spec.email, 0) if spec.email else 0
        if row is not None and invitations.get(row["message_id"], 0) != sent:
            f.problems.append(
                f"order {spec.order_id}: {sent} invitations to its address, "
                f"{invitations.get(row['message_id'], 0)} with its Message-ID"
            )
        status = row["status"] if row else "no survey"
        f.survey_states[f"{order.category}: {status}"] += 1
        verdict = verdicts.get((spec.shop_id, spec.order_id), "")
        _count_invitation(order, row, sent, verdict, f)


def _count_invitation(order: PlannedOrder, row: Any, sent: int, verdict: str, f: Findings) -> None:
    spec = order.spec
    label = f"survey invitation: {order.category}"
    t = f.tally(label)
    t.expected += order.expected
    t.sent += sent
    status = row["status"] if row else None
    where = f"{spec.platform} shop {spec.shop_id} order {spec.order_id}"
    if order.expected:
        if sent == 0:
            if status == "unknown" and verdict == "window":
                t.unknown += 1
            elif status == "unknown":
                t.lost += 1
                f.problems.append(
                    f"lost invitation: {where} ({order.category}) recorded unknown, never "
                    f"reached the SMTP server ({row['last_error']})"
                )
            else:
                t.lost += 1
                f.problems.append(
                    f"lost invitation: {where} ({order.category}): survey state {status}"
                    + (f" ({row['skip_reason']})" if row and row["skip_reason"] else "")
                )
        elif sent > 1:
            t.duplicated += sent - 1
            f.problems.append(f"{sent} invitations: {where} ({order.category})")
        if sent and status not in ("sent", "unknown"):
            f.problems.append(f"invitation arrived but recorded {status}: {where}")
    else:
        if sent:
            t.unexpected += sent
            f.problems.append(
                f"invitation to an ineligible order: {where} ({order.category}), state {status}"
            )
        if row is not None and status not in ("skipped", "pending"):
            f.notes.append(f"ineligible {where} ({order.category}) ended {status}")


@dataclass(frozen=True)
class StoredReview:
    shop_id: str
    review_id: str
    source: str
    rating: int | None
    case_key: str
    sentiment: str
    severity: str
    removal_candidate: bool
    order_id: str | None
    # What the fast pass announced first (recomputed: the stored classification is the second
    # pass's); an alert it fired is legitimate even when the final word is milder.
    fast_sentiment: str
    fast_severity: str


async def _reviews(probe: Probe, load: LoadGenerator, f: Findings) -> list[StoredReview]:
    shop_ids = [s.shop_id for s in load.shops]
    rows = await probe.fetch(
        """
        SELECT shop_id, review_id, source, rating, case_key, classification,
               needs_classification, needs_second_pass, order_id, title, text,
               language_declared, match_method
        FROM ingest.reviews WHERE shop_id = ANY($1::text[])
        """,
        shop_ids,
    )
    stored: dict[tuple[str, str], StoredReview] = {}
    unclassified = 0
    fast = load_classifier("fast")
    for r in rows:
        if r["classification"] is None or r["needs_classification"] or r["needs_second_pass"]:
            unclassified += 1
            continue
        sentiment, severity, removal = _sentiment(r["classification"])
        first = fast.classify(
            ReviewInput(
                text=r["text"],
                title=r["title"],
                rating=r["rating"],
                declared_language=r["language_declared"],
                verified_purchase=r["match_method"] is not None,
            )
        )
        stored[(r["shop_id"], r["review_id"])] = StoredReview(
            r["shop_id"],
            r["review_id"],
            r["source"],
            r["rating"],
            r["case_key"],
            sentiment,
            severity,
            removal,
            r["order_id"],
            first.sentiment.label,
            first.severity.level,
        )
    f.stuck["reviews waiting for the classifier"] = unclassified
    t = f.tally("platform reviews stored")
    mismatched = 0
    for review in load.reviews:
        if not review.accepted:
            f.problems.append(f"review {review.spec.stored_id} never accepted by ingest")
            continue
        t.expected += 1
        got = stored.get((review.spec.shop_id, review.spec.stored_id))
        if got is None:
            t.lost += 1
            f.problems.append(f"review {review.spec.stored_id} accepted but not stored")
            continue
        t.sent += 1
        if got.sentiment != review.spec.sentiment:
            mismatched += 1
    if mismatched:
        f.notes.append(f"{mismatched} platform reviews classified other than written")
    # Survey answers: one review per rated product.
    s = f.tally("survey answers stored as reviews")
    survey_reviews = Counter(
        (r.shop_id, r.order_id) for r in stored.values() if r.source == "survey"
    )
    for order in load.orders:
        if order.answered_items:
            key = (order.spec.shop_id, order.spec.order_id)
            s.expected += order.answered_items
            got_n = survey_reviews.get(key, 0)
            s.sent += got_n
            if got_n < order.answered_items:
                s.lost += order.answered_items - got_n
                f.problems.append(
                    f"survey answer of order {order.spec.order_id}: {got_n} of "
                    f"{order.answered_items} reviews stored"
                )
    return list(stored.values())


def _rule_matches(name: str, review: StoredReview, fast: bool = False) -> bool:
    sentiment = review.fast_sentiment if fast else review.sentiment
    severity = review.fast_severity if fast else review.severity
    negative = sentiment == "negative"
    if name == "support":
        return negative or severity == "high"
    if name == "lead":
        return negative and review.rating is not None and review.rating <= 2
    return False


async def _alerts(
    probe: Probe,
    load: LoadGenerator,
    reviews: list[StoredReview],
    received: Counter[str],
    sink: SinkState,
    f: Findings,
) -> None:
    rows = await probe.fetch(
        """
        SELECT id, shop_id, kind, review_id, rule_id, target, status, last_error, claimed_at,
               message_token
        FROM notifier.notifications
        """
    )
    by_id = {r["id"]: r for r in rows}
    # Arrivals per notification, by its Message-ID: a resend after an unknown outcome carries
    # the same one, so it is the same message.
    arrivals: Counter[int] = Counter()
    for message_id, n in received.items():
        match = NOTIFICATION_ID.match(message_id)
        if match:
            notification_id = int(match.group(1))
            row = by_id.get(notification_id)
            if row is None or row["message_token"] != match.group(2):
                f.problems.append(f"notification {message_id} in the sink has no row")
            arrivals[notification_id] += n
    delivered = Counter({k: 1 for k in arrivals})
    resent = sum(n - 1 for n in arrivals.values())
    if resent:
        f.notes.append(
            f"{resent} staff notification(s) arrived again with the same Message-ID "
            "(resent after an unknown outcome: at least once)"
        )
    # Every notification row (alarms, escalations, digests) reached the sink; no unknown
    # window for staff.
    other = f.tally("other notifications (alarms, escalations)")
    for row in rows:
        n = delivered.get(row["id"], 0)
        if row["kind"] != "alert":
            other.expected += 1 if row["status"] in ("sent", "unknown") else 0
            other.sent += n
            if row["status"] in ("sent", "unknown") and n == 0:
                other.lost += 1
                f.problems.append(
                    f"notification {row['id']} ({row['kind']}) recorded {row['status']}, never "
                    f"arrived ({row['last_error']})"
                )
    # Alerts: one per negative (or severe) review, rule and recipient.
    alerts: dict[tuple[str, str, int | None, str], list[Any]] = {}
    for row in rows:
        if row["kind"] == "alert":
            key = (row["shop_id"], row["review_id"], row["rule_id"], row["target"])
            alerts.setdefault(key, []).append(row)
    for key, found in alerts.items():
        if len(found) > 1:
            f.problems.append(f"{len(found)} alert rows for {key}")
    for shop in load.shops:
        for name in ("support", "lead"):
            rule_id = shop.rules[name]
            target = shop.support_email if name == "support" else shop.lead_email
            for review in reviews:
                if review.shop_id != shop.shop_id:
                    continue
                t = f.tally(f"immediate alert: rule {name}")
                wanted = _rule_matches(name, review)
                found = alerts.get((shop.shop_id, review.review_id, rule_id, target), [])
                n = sum(delivered.get(r["id"], 0) for r in found)
                if wanted:
                    t.expected += 1
                    t.sent += n
                    if n == 0:
                        t.lost += 1
                        state = (
                            f"{found[0]['status']} ({found[0]['last_error']})"
                            if found
                            else "no notification"
                        )
                        f.problems.append(
                            f"lost alert ({name}) for review {review.review_id} of "
                            f"{shop.shop_id}: {state}"
                        )
                    elif n > 1:
                        t.duplicated += n - 1
                elif n and _rule_matches(name, review, fast=True):
                    pass  # the fast pass alerted; the second pass found it milder
                elif n:
                    t.unexpected += n
                    f.problems.append(
                        f"alert ({name}) for a review that needs none: {review.review_id}"
                    )
            digest = alerts_for_rule(alerts, shop.shop_id, shop.rules["digest"])
            if digest:
                f.problems.append(
                    f"{digest} immediate alerts from the digest rule of {shop.shop_id}"
                )


def alerts_for_rule(
    alerts: dict[tuple[str, str, int | None, str], list[Any]], shop: str, rule_id: int
) -> int:
    return sum(len(v) for k, v in alerts.items() if k[0] == shop and k[2] == rule_id)


async def _cases(
    probe: Probe, reviews: list[StoredReview], shop_ids: list[str], f: Findings
) -> None:
    rows = await probe.fetch(
        "SELECT shop_id, case_key FROM responder.cases WHERE shop_id = ANY($1::text[])", shop_ids
    )
    cases = Counter((r["shop_id"], r["case_key"]) for r in rows)
    wanted = {
        (r.shop_id, r.case_key)
        for r in reviews
        if r.sentiment == "negative" or r.severity == "high" or r.removal_candidate
    }
    t = f.tally("responder cases")
    t.expected = len(wanted)
    t.sent = sum(1 for k in wanted if cases.get(k))
    t.lost = len(wanted - set(cases))
    t.duplicated = sum(n - 1 for n in cases.values() if n > 1)
    # A case the fast pass opened stays open when the second pass reads the review milder.
    allowed = wanted | {
        (r.shop_id, r.case_key)
        for r in reviews
        if r.fast_sentiment == "negative" or r.fast_severity == "high"
    }
    t.unexpected = len(set(cases) - allowed)
    for key in sorted(wanted - set(cases))[:20]:
        f.problems.append(f"no responder case for {key}")
    read_model = await probe.fetch(
        "SELECT count(*) AS n FROM responder.reviews WHERE shop_id = ANY($1::text[])", shop_ids
    )
    if read_model[0]["n"] != len(reviews):
        f.problems.append(
            f"responder holds {read_model[0]['n']} reviews, ingest {len(reviews)} classified"
        )


async def _stuck(probe: Probe, f: Findings) -> None:
    for schema in SCHEMAS:
        rows = await probe.fetch(f"SELECT count(*) AS n FROM {schema}.outbox WHERE sent_at IS NULL")
        f.stuck[f"{schema} outbox unsent"] = rows[0]["n"]
    rows = await probe.fetch(
        "SELECT count(*) AS n FROM survey.survey_emails "
        "WHERE status IN ('pending', 'sending') AND send_at < now() + interval '1 day'"
    )
    f.stuck["survey emails due and not final"] = rows[0]["n"]
    rows = await probe.fetch(
        "SELECT count(*) AS n FROM notifier.notifications WHERE status IN ('pending', 'sending')"
    )
    f.stuck["notifications not final"] = rows[0]["n"]


async def _topics(probe: Probe, poisons: list[Poison], f: Findings) -> None:
    f.lag = await probe.lag()
    f.stuck["consumer lag (messages)"] = sum(f.lag.values())
    wanted = {
        (p.poison_id, group)
        for p in poisons
        for group, topics in probe.groups.items()
        if p.topic in topics
    }
    found: Counter[tuple[str, str]] = Counter()
    for spec in PRODUCT_TOPICS:
        name = dlq_name(topic_name(spec.name, probe.prefix))
        for record in await read_all(probe.bootstrap, name):
            headers = dict(record.headers or ())
            poison = headers.get(POISON_HEADER)
            group = headers.get("x-dlq-consumer", b"?").decode()
            f.dlq[spec.name] = f.dlq.get(spec.name, 0) + 1
            if poison is None:
                f.problems.append(
                    f"dead letter that is no poison: {name} from {group}: "
                    f"{headers.get('x-dlq-error', b'')[:200]!r}"
                )
            else:
                found[(poison.decode(), group)] += 1
    t = f.tally("dead letters (poison messages)")
    t.expected = len(wanted)
    t.sent = sum(1 for k in wanted if found.get(k))
    t.lost = len(wanted - set(found))
    for key in sorted(wanted - set(found)):
        f.problems.append(f"poison {key[0]} not dead-lettered by {key[1]}")
    twice = sum(n - 1 for n in found.values() if n > 1)
    if twice:
        # At least once, like every delivery: a consumer that died between producing the dead
        # letter and committing the offset produces it again. Nobody is emailed twice.
        f.notes.append(f"{twice} poison messages dead-lettered twice (redelivery after a crash)")


async def read_all(bootstrap: str, topic: str) -> list[Any]:
    """Every record of the topic, from the beginning to the end offsets of now."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        ends = await consumer.end_offsets(tps)
        records: list[Any] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            positions = {tp: await consumer.position(tp) for tp in consumer.assignment()}
            if all(positions.get(tp, 0) >= end for tp, end in ends.items()):
                break
            batch = await consumer.getmany(timeout_ms=1000)
            for tp, batch_records in batch.items():
                records += [r for r in batch_records if r.offset < ends.get(tp, 0)]
        return records
    finally:
        await consumer.stop()


def summarise_orders(load: LoadGenerator) -> dict[str, int]:
    counts: Counter[str] = Counter(o.category for o in load.orders)
    return dict(sorted(counts.items(), key=lambda kv: (kv[0] not in ELIGIBLE, kv[0])))
