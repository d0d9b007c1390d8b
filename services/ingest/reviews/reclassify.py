"""Reclassify stored reviews after a classifier upgrade.

    python -m services.ingest.reviews.reclassify

Marks every live review not classified by the configured model version; the classification
workers of the running ingest replicas then classify them again and announce each as a new
`review.classified` (same review id, new classification)."""

import asyncio

from services.ingest.classification import load_classifier
from services.ingest.reviews import repository
from services.ingest.settings import IngestSettings
from shared.db.pool import create_pool


async def _main() -> int:
    settings = IngestSettings()
    # The version a review ends with: the second pass's when there is one.
    version = load_classifier(settings.second_pass_classifier or settings.classifier).version
    pool = await create_pool(settings)
    try:
        async with pool.acquire() as conn:
            marked = await repository.request_reclassification(conn, version)
    finally:
        await pool.close()
    print(f"{marked} reviews queued for reclassification with {version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(_main()))
