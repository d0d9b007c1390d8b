"""Import past reviews from a JSON-lines export: one review platform payload per line.

    python -m services.ingest.reviews.backfill --shop my-shop reviews.jsonl   (or - for stdin)
        [--source auto | trustpilot | google | generic]

For reviews written before a shop joined, or during a gap of lost review webhooks. Each line is
a payload in a format `POST /reviews/{source}/{shop_id}` accepts and goes through the same store
as a webhook: one row per source review id, newer versions replace older ones and are classified
again, buyers are matched, and the classification workers of the running ingest replicas
announce each stored review as `review.classified`, marked `backfill`. Prints one JSON result
per review (or per rejected line) on stdout and the totals on stderr; exits 1 when a line was
rejected. Running it again changes nothing and announces nothing.
"""

import argparse
import asyncio
import json
import sys
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, BinaryIO, Literal

import asyncpg

from services.ingest.reviews.service import Outcome, store_fact
from services.ingest.reviews.sources import PARSERS, recognise
from services.ingest.reviews.sources.base import ReviewFact
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from services.ingest.webhooks.adapters.base import PayloadError
from shared.db.pool import Pool, create_pool

# One line is one webhook's worth: the limit of a webhook body. Longer lines are skipped without
# being held in memory, so any file is read with bounded memory.
MAX_LINE_BYTES = 1024 * 1024
SOURCES = ("auto", *PARSERS)

LineStatus = Literal["imported", "updated", "unchanged", "deleted", "rejected"]
_STATUS: dict[Outcome, LineStatus] = {
    "new": "imported",
    "updated": "updated",
    "unchanged": "unchanged",
    "deleted": "deleted",
}


@dataclass(frozen=True)
class Line:
    number: int
    data: bytes
    too_long: bool = False


@dataclass(frozen=True)
class LineResult:
    line: int
    status: LineStatus
    review_id: str | None = None
    reason: str | None = None

    def to_json(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v is not None})


@dataclass
class ImportSummary:
    """Totals only: the results themselves are streamed, so a large file costs no memory."""

    lines: int = 0
    results: dict[str, int] = field(default_factory=dict)

    def add(self, result: LineResult) -> None:
        self.results[result.status] = self.results.get(result.status, 0) + 1


def read_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[Line]:
    number = 0
    while chunk := stream.readline(limit + 1):
        number += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield Line(number, b"", too_long=True)
            continue
        yield Line(number, chunk)


def _decode(data: bytes) -> Any:
    try:
        return json.loads(data)
    except ValueError as exc:
        # Not UTF-8, not JSON, or an integer of more digits than Python converts.
        raise PayloadError(f"not valid JSON: {str(exc)[:200]}") from None
    except RecursionError:
        raise PayloadError("nested too deeply") from None


def parse_line(line: Line, source: str, received_at: datetime) -> list[ReviewFact]:
    """The reviews of one line, marked as backfilled; PayloadError says why a line is refused."""
    if line.too_long:
        raise PayloadError(f"longer than {MAX_LINE_BYTES} bytes")
    data = _decode(line.data)
    chosen = recognise(data) if source == "auto" else source
    if chosen is None:
        raise PayloadError("not a review in a known format (" + ", ".join(PARSERS) + ")")
    facts = PARSERS[chosen](data, received_at)
    for fact in facts:
        # Sources fall back to the time of receipt when a review has no date: right for a live
        # delivery, wrong for the past, where the review would pass for new (and page staff) and
        # look newer on every run (so a second import would store it again).
        if fact.operation == "upsert" and fact.created_at in (None, received_at):
            raise PayloadError(f"{fact.review_id}: no creation date: a past review needs one")
    return [replace(fact, backfill=True) for fact in facts]


async def _store_line(
    pool: Pool, shop_id: str, line: Line, facts: list[ReviewFact]
) -> list[LineResult]:
    try:
        # One transaction per line: a bad line never undoes the good ones.
        async with pool.acquire() as conn, conn.transaction():
            outcomes = [await store_fact(conn, shop_id, fact) for fact in facts]
    except (asyncpg.DataError, asyncpg.IntegrityConstraintViolationError) as exc:
        # A value PostgreSQL refuses (a NUL character in a text, say) rejects the line. Any
        # other error (the database gone) stops the import: running it again resumes it.
        return [LineResult(line.number, "rejected", reason=f"refused by the database: {exc}")]
    return [
        LineResult(line.number, _STATUS[outcome], fact.review_id)
        for fact, outcome in zip(facts, outcomes, strict=True)
    ]


async def import_reviews(
    pool: Pool,
    shop_id: str,
    lines: Iterable[Line],
    source: str = "auto",
    summary: ImportSummary | None = None,
) -> AsyncIterator[LineResult]:
    """Results as the lines are stored. LookupError (before any line) for an unknown shop."""
    if source not in SOURCES:
        raise LookupError(f"unknown review source {source!r}")
    async with pool.acquire() as conn:
        if await shops.get(conn, shop_id) is None:
            raise LookupError(f"unknown shop {shop_id!r}")
    summary = summary if summary is not None else ImportSummary()
    received_at = datetime.now(UTC)
    for line in lines:
        if not line.too_long and not line.data.strip():
            continue
        summary.lines += 1
        try:
            facts = parse_line(line, source, received_at)
        except PayloadError as exc:
            results = [LineResult(line.number, "rejected", reason=str(exc))]
        else:
            results = await _store_line(pool, shop_id, line, facts)
        for result in results:
            summary.add(result)
            yield result


async def _main(shop_id: str, source: str, stream: BinaryIO) -> int:
    pool = await create_pool(IngestSettings())
    summary = ImportSummary()
    try:
        async for result in import_reviews(pool, shop_id, read_lines(stream), source, summary):
            print(result.to_json())
    except LookupError as exc:
        print(exc.args[0], file=sys.stderr)
        return 2
    finally:
        await pool.close()
    print(json.dumps(asdict(summary)), file=sys.stderr)
    return 1 if summary.results.get("rejected") else 0


def main() -> None:
    parser = argparse.ArgumentParser(description="Import past reviews from JSON lines.")
    parser.add_argument("--shop", required=True)
    parser.add_argument(
        "--source",
        choices=SOURCES,
        default="auto",
        help="the format of every line; auto recognises each line's own (default)",
    )
    parser.add_argument("path", help="JSON lines file, or - for standard input")
    args = parser.parse_args()
    # A command-line tool: reading the export with plain blocking I/O is fine here.
    if args.path == "-":
        sys.exit(asyncio.run(_main(args.shop, args.source, sys.stdin.buffer)))
    with open(args.path, "rb") as stream:
        sys.exit(asyncio.run(_main(args.shop, args.source, stream)))


if __name__ == "__main__":
    main()
