"""Reconcile an order export after lost webhooks: emit only the events not seen before.

    python -m services.ingest.reconcile --shop my-shop orders.jsonl   (or - for stdin)

Platforms drop webhooks (WooCommerce disables a failing hook after a few tries without alert;
Shopify gives up after 8 tries in 4 hours). Export the orders of the gap as JSON lines in the
platform's own format and run this in an ingest container: every line goes through the same
state machine as a webhook, so facts already announced produce nothing and the rest produce
their events, with the same event ids a webhook would have produced.
"""

import argparse
import asyncio
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from services.ingest.orders.exports import EXPORT_PLATFORMS, facts_from_line
from services.ingest.orders.service import apply_facts
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from services.ingest.webhooks.adapters.base import PayloadError
from shared.db.pool import Pool, create_pool


@dataclass
class ReconcileReport:
    lines: int = 0
    orders: int = 0
    events: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[int, str]] = field(default_factory=list)


async def reconcile(pool: Pool, shop_id: str, lines: Iterable[str]) -> ReconcileReport:
    async with pool.acquire() as conn:
        shop = await shops.get(conn, shop_id)
    if shop is None:
        raise LookupError(f"unknown shop {shop_id!r}")
    if shop.platform not in EXPORT_PLATFORMS:
        raise LookupError(f"no export format for platform {shop.platform!r}")
    report = ReconcileReport()
    now = datetime.now(UTC)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        report.lines += 1
        try:
            facts = facts_from_line(shop.platform, line, now)
        except PayloadError as exc:
            report.errors.append((number, str(exc)))
            continue
        # One transaction per order: a bad line never undoes the good ones.
        async with pool.acquire() as conn, conn.transaction():
            events = await apply_facts(conn, shop_id, facts)
        report.orders += 1
        for event in events:
            report.events[event.type] = report.events.get(event.type, 0) + 1
    return report


async def _main(shop_id: str, source: Iterable[str]) -> int:
    pool = await create_pool(IngestSettings())
    try:
        report = await reconcile(pool, shop_id, source)
    finally:
        await pool.close()
    print(json.dumps(report.__dict__, indent=2))
    return 1 if report.errors else 0


def main() -> None:
    parser = argparse.ArgumentParser(description="Emit the events an order export adds.")
    parser.add_argument("--shop", required=True)
    parser.add_argument("path", help="JSON lines file, or - for standard input")
    args = parser.parse_args()
    # A command-line tool: reading the export with plain blocking I/O is fine here.
    if args.path == "-":
        sys.exit(asyncio.run(_main(args.shop, sys.stdin)))
    with open(args.path, encoding="utf-8") as source:
        sys.exit(asyncio.run(_main(args.shop, source)))


if __name__ == "__main__":
    main()
