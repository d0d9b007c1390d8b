"""In-process cache of shops for the webhook hot path.

A rotation takes effect here at once and on other replicas within the TTL; both secrets verify
during that window, so no delivery is refused because of the cache.
"""

import time

from services.ingest.shops import repository
from services.ingest.shops.repository import ShopRow
from shared.runtime import Runtime

_MISSING_TTL_S = 5.0


class ShopDirectory:
    def __init__(self, runtime: Runtime, ttl_s: float) -> None:
        self.runtime = runtime
        self.ttl_s = ttl_s
        self._entries: dict[str, tuple[float, ShopRow | None]] = {}

    async def get(self, shop_id: str) -> ShopRow | None:
        now = time.monotonic()
        cached = self._entries.get(shop_id)
        if cached is not None and cached[0] > now:
            return cached[1]
        async with self.runtime.db.acquire() as conn:
            shop = await repository.get(conn, shop_id)
        # Unknown ids are remembered briefly too, so a flood of them costs few queries.
        self._entries[shop_id] = (now + (self.ttl_s if shop else _MISSING_TTL_S), shop)
        return shop

    def invalidate(self, shop_id: str) -> None:
        self._entries.pop(shop_id, None)
