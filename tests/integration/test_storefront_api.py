"""The public reviews API of the storefront process on real PostgreSQL: what is published and
only that, in the order and pages asked for, cacheable, CORS-open, cookie-less, rate-limited per
client, and unable to write."""

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

import asyncpg
import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from services.responder.settings import ResponderSettings
from services.responder.storefront.app import build
from services.responder.storefront.settings import StorefrontSettings
from tests.support.clock import T0
from tests.support.responder import Responder, running_responder
from tests.support.storefront import (
    Storefront,
    days,
    insert_product,
    insert_public_review,
    insert_shop,
    running_storefront,
)

pytestmark = pytest.mark.asyncio

PRODUCT = "/v1/shops/s1/products/pot/reviews"
REVIEW_KEYS = {
    "id",
    "rating",
    "title",
    "body",
    "display_name",
    "language",
    "submitted_at",
    "verified",
    "verified_by",
    "incentivized",
    "reply",
}


@pytest.fixture
async def responder(make_settings: Callable[..., ResponderSettings]) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        yield r


@pytest.fixture
async def storefront(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> AsyncIterator[Storefront]:
    # Cache off: each test sees its writes at once (the cache has its own test).
    async with running_storefront(make_settings, cache_seconds=0) as sf:
        yield sf


async def seed(pool: Any) -> None:
    """Six reviews of the teapot: four published (one 1-star, the newest), one held, one
    rejected; one in German; one with the shop's reply."""
    await insert_public_review(pool, "s1", "r1", rating=5, submitted_at=T0 - days(4))
    await insert_public_review(
        pool,
        "s1",
        "r2",
        rating=4,
        submitted_at=T0 - days(3),
        language="de",
        body="Schöne Kanne.",
        reply_text="Danke!",
        replied_at=T0 - days(2),
    )
    await insert_public_review(pool, "s1", "r3", rating=5, submitted_at=T0 - days(2))
    await insert_public_review(
        pool, "s1", "r4", rating=1, submitted_at=T0 - days(1), body="Arrived broken."
    )
    await insert_public_review(pool, "s1", "r5", rating=2, submitted_at=T0, status="held")
    await insert_public_review(pool, "s1", "r6", rating=3, submitted_at=T0, status="rejected")


async def test_aggregate_and_newest_first_show_the_one_star_review_first(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        r = await http.get(PRODUCT)
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["shop_id"] == "s1" and page["product_id"] == "pot"
    # Held and rejected reviews count nowhere.
    assert page["aggregate"] == {
        "count": 4,
        "mean": 3.75,
        "distribution": {"1": 1, "2": 0, "3": 0, "4": 1, "5": 2},
    }
    assert [x["id"] for x in page["reviews"]] == ["r4", "r3", "r2", "r1"]
    first = page["reviews"][0]
    assert first["rating"] == 1 and first["body"] == "Arrived broken."
    assert (page["page"], page["per_page"], page["total"], page["next_page"]) == (1, 10, 4, None)
    # Nothing personal beyond the chosen display name: no order id, no email.
    for review in page["reviews"]:
        assert set(review) == REVIEW_KEYS
    assert "1001" not in r.text
    assert first["display_name"] == "Anna N." and first["verified_by"] == "reference"
    reply = next(x for x in page["reviews"] if x["id"] == "r2")["reply"]
    assert reply == {"text": "Danke!", "published_at": "2026-11-15T09:00:00Z"}
    assert T0 - days(2) == datetime.fromisoformat(reply["published_at"])
    assert first["reply"] is None


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("newest", ["r4", "r3", "r2", "r1"]),
        ("oldest", ["r1", "r2", "r3", "r4"]),
        ("highest", ["r3", "r1", "r2", "r4"]),
        ("lowest", ["r4", "r2", "r3", "r1"]),
    ],
)
async def test_sorts(
    responder: Responder, storefront: Storefront, sort: str, order: list[str]
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        r = await http.get(PRODUCT, params={"sort": sort})
    assert r.status_code == 200, r.text
    assert [x["id"] for x in r.json()["reviews"]] == order


async def test_pages_and_language(responder: Responder, storefront: Storefront) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        one = (await http.get(PRODUCT, params={"per_page": 3})).json()
        two = (await http.get(PRODUCT, params={"per_page": 3, "page": 2})).json()
        past = (await http.get(PRODUCT, params={"per_page": 3, "page": 3})).json()
        german = (await http.get(PRODUCT, params={"language": "DE"})).json()
        none = (await http.get(PRODUCT, params={"language": "sl"})).json()
        # A browser's tag asks for its language (matched nothing before).
        austrian = (await http.get(PRODUCT, params={"language": "de-AT"})).json()
    assert austrian["reviews"] == german["reviews"] and austrian["total"] == 1
    assert [x["id"] for x in one["reviews"]] == ["r4", "r3", "r2"]
    assert (one["total"], one["next_page"]) == (4, 2)
    assert [x["id"] for x in two["reviews"]] == ["r1"] and two["next_page"] is None
    assert past["reviews"] == [] and past["total"] == 4
    assert [x["id"] for x in german["reviews"]] == ["r2"]
    # The aggregate is the product's, whatever the language filter; total is the filter's.
    assert german["total"] == 1 and german["aggregate"]["count"] == 4
    assert none["total"] == 0 and none["reviews"] == []


async def test_shop_reviews_are_apart_from_product_reviews(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    await insert_public_review(
        responder.pool, "s1", "shop-1", product_id=None, rating=2, body="Slow delivery."
    )
    async with storefront.http() as http:
        shop = (await http.get("/v1/shops/s1/reviews")).json()
        product = (await http.get(PRODUCT)).json()
    assert shop["product_id"] is None
    assert [x["id"] for x in shop["reviews"]] == ["shop-1"]
    assert shop["aggregate"]["count"] == 1 and shop["aggregate"]["mean"] == 2.0
    assert "shop-1" not in {x["id"] for x in product["reviews"]}


async def test_unknown_shop_or_product_is_404_and_a_known_product_without_reviews_is_empty(
    responder: Responder, storefront: Storefront
) -> None:
    await insert_shop(responder.pool, "s1")
    await insert_product(responder.pool, "s1", "cup")
    await insert_public_review(responder.pool, "s1", "held", product_id="mug", status="held")
    async with storefront.http() as http:
        unknown_product = await http.get("/v1/shops/s1/products/nope/reviews")
        unknown_shop = await http.get("/v1/shops/nope/reviews")
        unknown_shop_product = await http.get("/v1/shops/nope/products/cup/reviews")
        no_route = await http.get("/v1/nothing")
        cup = await http.get("/v1/shops/s1/products/cup/reviews")
        mug = await http.get("/v1/shops/s1/products/mug/reviews")
        shop = await http.get("/v1/shops/s1/reviews")
    assert unknown_product.status_code == 404
    assert unknown_product.json() == {"detail": "no such product in this shop"}
    assert unknown_shop.status_code == 404 and unknown_shop.json() == {"detail": "no such shop"}
    assert unknown_shop_product.status_code == 404
    assert no_route.status_code == 404 and no_route.json() == {"detail": "no such page"}
    for r in (unknown_product, unknown_shop, no_route):
        assert r.headers["access-control-allow-origin"] == "*"
        assert r.headers["cache-control"] == "no-store"
    assert cup.status_code == 200
    assert cup.json()["aggregate"] == {
        "count": 0,
        "mean": None,
        "distribution": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0},
    }
    # Every review of it held: an empty page, not a 404 that would tell them apart.
    assert mug.status_code == 200 and mug.json()["total"] == 0
    assert shop.status_code == 200 and shop.json()["reviews"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/v1/shops/s%00x/reviews",
        "/v1/shops/s1/products/p%00t/reviews",
        "/v1/shops/s1/products/%ED%A0%80/reviews",
        "/v1/shops/" + "s" * 5000 + "/reviews",
    ],
)
async def test_odd_ids_are_a_4xx_never_a_500(
    responder: Responder, storefront: Storefront, path: str
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        r = await http.get(path)
    assert r.status_code in (404, 422), (r.status_code, r.text)
    assert r.json()["detail"]
    assert r.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"sort": "rating"}, "sort"),
        ({"page": "0"}, "page"),
        ({"page": "201"}, "page"),
        ({"page": "x"}, "page"),
        ({"per_page": "51"}, "per_page"),
        ({"per_page": "0"}, "per_page"),
        ({"language": "english; DROP"}, "language"),
    ],
)
async def test_bad_parameters_are_422_with_a_reason(
    responder: Responder, storefront: Storefront, params: dict[str, str], field: str
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        r = await http.get(PRODUCT, params=params)
    assert r.status_code == 422, r.text
    (error,) = r.json()["detail"]
    assert error["loc"] == ["query", field] and error["msg"]
    assert r.headers["access-control-allow-origin"] == "*"
    assert "set-cookie" not in r.headers


async def test_etag_304_cache_control_cors_and_no_cookie(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        r = await http.get(PRODUCT, headers={"Origin": "https://shop.example"})
        etag = r.headers["etag"]
        again = await http.get(PRODUCT, headers={"If-None-Match": etag})
        weak = await http.get(PRODUCT, headers={"If-None-Match": f'"x", W/{etag}'})
        other = await http.get(PRODUCT, params={"sort": "oldest"}, headers={"If-None-Match": etag})
        await insert_public_review(responder.pool, "s1", "r7", rating=3, submitted_at=T0)
        changed = await http.get(PRODUCT, headers={"If-None-Match": etag})
        probes = [await http.get(p) for p in ("/healthz", "/readyz", "/metrics")]
        # HEAD, as link checkers and `curl -I` send it (a walk got 405 on every route).
        head = await http.head(PRODUCT)
        head_304 = await http.head(PRODUCT, headers={"If-None-Match": changed.headers["etag"]})
        head_widget = await http.head("/widget/v1.js")
    assert head.status_code == 200 and head.content == b"", head.headers
    assert head.headers["etag"] == changed.headers["etag"]
    assert head.headers["content-length"] == str(len(changed.content))
    assert head_304.status_code == 304 and head_widget.status_code == 200
    assert r.status_code == 200
    assert r.headers["cache-control"] == "public, max-age=60"
    assert r.headers["access-control-allow-origin"] == "*"
    assert r.headers["content-type"] == "application/json"
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert weak.status_code == 304
    assert other.status_code == 200 and other.headers["etag"] != etag
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    for answer in (r, again, weak, other, changed, *probes):
        assert "set-cookie" not in answer.headers
    assert all(p.status_code == 200 for p in probes)


async def test_burst_then_429_with_retry_after_per_client(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> None:
    await seed(responder.pool)
    async with running_storefront(
        make_settings, rate_limit_burst=3, rate_limit_per_minute=6, cache_seconds=0
    ) as sf:
        async with sf.http("203.0.113.7") as http:
            answers = [await http.get(PRODUCT) for _ in range(4)]
            probe = await http.get("/healthz")
        async with sf.http("203.0.113.8") as other:
            theirs = await other.get(PRODUCT)
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    limited = answers[-1]
    assert limited.json()["detail"].startswith("too many requests")
    # 6 per minute: a token every 10 s.
    assert 1 <= int(limited.headers["retry-after"]) <= 10
    assert limited.headers["access-control-allow-origin"] == "*"
    assert probe.status_code == 200
    assert theirs.status_code == 200


async def test_forwarded_for_counts_only_behind_a_trusted_proxy(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> None:
    await seed(responder.pool)
    async with running_storefront(
        make_settings,
        rate_limit_burst=1,
        rate_limit_per_minute=1,
        cache_seconds=0,
        trusted_proxies=["10.0.0.0/8"],
    ) as sf:
        async with sf.http("10.1.2.3") as proxy:
            # Two shoppers behind the ingress: a bucket each.
            a = await proxy.get(PRODUCT, headers={"X-Forwarded-For": "198.51.100.1"})
            b = await proxy.get(PRODUCT, headers={"X-Forwarded-For": "198.51.100.2"})
            # A shopper faking a left-most address is still the address the proxy saw.
            c = await proxy.get(PRODUCT, headers={"X-Forwarded-For": "1.1.1.1, 198.51.100.1"})
        async with sf.http("192.0.2.9") as direct:
            d = await direct.get(PRODUCT, headers={"X-Forwarded-For": "198.51.100.3"})
            # Not a trusted proxy: its X-Forwarded-For is ignored, the peer is limited.
            e = await direct.get(PRODUCT, headers={"X-Forwarded-For": "198.51.100.4"})
    assert [x.status_code for x in (a, b, c, d, e)] == [200, 200, 429, 200, 429]


async def test_response_cache_serves_repeats_until_its_ttl(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> None:
    await seed(responder.pool)
    async with running_storefront(make_settings, cache_seconds=60) as sf:
        async with sf.http() as http:
            first = await http.get(PRODUCT)
            await insert_public_review(responder.pool, "s1", "r7", rating=3, submitted_at=T0)
            cached = await http.get(PRODUCT)
            cached_304 = await http.get(PRODUCT, headers={"If-None-Match": first.headers["etag"]})
            other_url = await http.get(PRODUCT, params={"per_page": 5})
            metrics = (await http.get("/metrics")).text
            sf.app.state.cache.clear()
            fresh = await http.get(PRODUCT)
    assert cached.json() == first.json() and cached.headers["etag"] == first.headers["etag"]
    assert cached.headers["x-correlation-id"] != first.headers["x-correlation-id"]
    assert "set-cookie" not in cached.headers
    assert cached_304.status_code == 304 and cached_304.content == b""
    assert cached_304.headers["access-control-allow-origin"] == "*"
    assert other_url.json()["total"] == 5
    assert fresh.json()["total"] == 5
    assert _sample(metrics, "reviewloop_storefront_cache_hits_total") >= 2
    assert _sample(metrics, "reviewloop_storefront_cache_misses_total") >= 2
    # Cached answers are counted under their route, not as unmatched paths.
    assert 'route="/v1/shops/{shop_id}/products/{product_id}/reviews"' in metrics


def _sample(metrics: str, name: str) -> float:
    for line in metrics.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError(f"{name} not in /metrics")


async def test_the_process_pool_cannot_write(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> None:
    """The pool the started process makes (its lifespan) runs read-only transactions."""
    await seed(responder.pool)
    app = build(make_settings(StorefrontSettings))
    async with app.router.lifespan_context(app):
        pool = app.state.pool
        with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
            await pool.execute("UPDATE public_reviews SET rating = 5 WHERE review_id = 'r4'")
        with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
            async with pool.acquire() as conn, conn.transaction():
                await conn.execute("DELETE FROM public_reviews")
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sf") as http:
            r = await http.get(PRODUCT)
            ready = await http.get("/readyz")
    assert r.status_code == 200 and r.json()["aggregate"]["count"] == 4
    assert ready.json() == {
        "service": "storefront",
        "status": "ready",
        "checks": {"postgres": True},
        "required": ["postgres"],
    }
    rating = "SELECT rating FROM public_reviews WHERE review_id = 'r4'"
    assert await responder.pool.fetchval(rating) == 1


async def test_openapi_publishes_the_answer_and_its_errors(
    responder: Responder, storefront: Storefront
) -> None:
    async with storefront.http() as http:
        schema = (await http.get("/openapi.json")).json()
    for path in (
        PRODUCT.replace("s1", "{shop_id}").replace("pot", "{product_id}"),
        "/v1/shops/{shop_id}/reviews",
    ):
        responses = schema["paths"][path]["get"]["responses"]
        ok = responses["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": "#/components/schemas/ReviewsPage"}
        assert {"404", "422", "429", "503"} <= set(responses), (path, set(responses))
    page = schema["components"]["schemas"]["ReviewsPage"]["properties"]
    assert {"aggregate", "reviews", "page", "per_page", "total", "next_page"} <= set(page)


async def test_served_on_a_real_port(responder: Responder, storefront: Storefront) -> None:
    await seed(responder.pool)
    async with storefront.serve() as url, httpx.AsyncClient() as http:
        r = await http.get(url + PRODUCT)
    assert r.status_code == 200 and r.json()["total"] == 4
    assert "set-cookie" not in r.headers


CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)


def fuzz(url: str) -> tuple[list[int], list[str]]:
    """Generated requests (valid and invalid) to the two reviews routes, half of them naming the
    seeded shop and product; every answer must be one the OpenAPI publishes, never a 5xx."""
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    operations = [
        op
        for op in (r.ok() for r in schema.get_all_operations())
        if op.path.endswith("/reviews") and op.path.startswith("/v1/shops/")
    ]
    assert len(operations) == 2
    failures: list[str] = []
    statuses: list[int] = []
    for operation in operations:
        known = {"shop_id": "s1", "product_id": "pot"}
        names = {p.name for p in operation.path_parameters}
        for mode, examples in ((GenerationMode.POSITIVE, 40), (GenerationMode.NEGATIVE, 25)):
            strategy = st.one_of(
                operation.as_strategy(generation_mode=mode),
                operation.as_strategy(
                    generation_mode=mode,
                    path_parameters={k: v for k, v in known.items() if k in names},
                ),
            )

            @settings(
                max_examples=examples,
                deadline=None,
                derandomize=True,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy)
            def run(case: schemathesis.Case) -> None:
                response = case.call(base_url=url, timeout=30)
                statuses.append(response.status_code)
                try:
                    case.validate_response(response, checks=CHECKS)
                except (Failure, FailureGroup) as exc:
                    failures.append(
                        f"{case.method} {case.formatted_path} -> {response.status_code}: "
                        f"{str(exc)[:600]}"
                    )

            run()
    return statuses, failures


async def test_generated_requests_get_no_5xx_and_match_the_published_schema(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> None:
    await seed(responder.pool)
    async with (
        running_storefront(
            make_settings, cache_seconds=0, rate_limit_burst=100_000, rate_limit_per_minute=1e9
        ) as sf,
        sf.serve() as url,
    ):
        # In a thread: schemathesis calls synchronously, and this loop serves the requests.
        statuses, failures = await asyncio.to_thread(fuzz, url)
    # Not vacuous: requests were made, some reached a page and some were refused.
    assert len(statuses) >= 100 and {200, 422} <= set(statuses), set(statuses)
    assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures[:20])
