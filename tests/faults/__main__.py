"""python -m tests.faults --orders N --reviews M [--seed S]: the fault run (docs/reliability.md).

Exit status 0 when nothing was lost, doubled, sent unasked or left stuck; 1 otherwise.
"""

import argparse
import asyncio
import logging
import sys

from tests.faults.faults import FaultConfig
from tests.faults.report import render
from tests.faults.run import RunConfig, run, save


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.faults", description=__doc__)
    parser.add_argument("--orders", type=int, required=True)
    parser.add_argument("--reviews", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shops", type=int, default=6)
    parser.add_argument(
        "--duration", type=float, default=None, help="load phase in seconds (default: orders/6)"
    )
    parser.add_argument("--kills-per-service", type=int, default=None)
    parser.add_argument("--kafka-restarts", type=int, default=1)
    parser.add_argument("--pg-restarts", type=int, default=1)
    parser.add_argument("--scale-out", default="survey", help="service to scale to 2 ('' = none)")
    parser.add_argument("--no-smtp-faults", action="store_true")
    parser.add_argument("--answer-share", type=float, default=0.25)
    parser.add_argument("--drain-timeout", type=float, default=300.0)
    parser.add_argument("--keep", action="store_true", help="keep data and logs of the run")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # The outages are deliberate: the clients' complaints about them are noise here.
    for noisy in ("aiokafka", "asyncpg", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    cfg = RunConfig(orders=args.orders, reviews=args.reviews, seed=args.seed, shops=args.shops)
    cfg.duration_s = args.duration
    duration = cfg.load_duration()
    kills = args.kills_per_service or max(1, int(duration // 150))
    cfg.faults = FaultConfig(
        kills_per_service=kills,
        kafka_restarts=args.kafka_restarts,
        pg_restarts=args.pg_restarts,
        smtp_tempfail=not args.no_smtp_faults,
        smtp_drop=not args.no_smtp_faults,
        scale_out=args.scale_out or None,
    )
    cfg.drain_timeout_s = args.drain_timeout
    cfg.keep = args.keep
    cfg.answer_share = args.answer_share
    result = asyncio.run(run(cfg))
    print(render(result))
    print(f"\nresult.json: {save(result)}")
    return 0 if result.findings.clean and result.drained else 1


if __name__ == "__main__":
    sys.exit(main())
