"""A product's schema.org JSON-LD on real PostgreSQL: types and numbers match the published rows,
product reviews only, newest first and capped, and a review saying `</script>` cannot end the
script element it is embedded in."""

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from services.responder.settings import ResponderSettings
from services.responder.storefront.settings import StorefrontSettings
from services.responder.storefront.structured_data.service import MAX_REVIEWS
from shared.events import ReviewClassified
from tests.support.clock import T0
from tests.support.responder import Responder, classified, running_responder, shop_event
from tests.support.storefront import (
    Storefront,
    days,
    insert_product,
    insert_public_review,
    insert_shop,
    running_storefront,
)

pytestmark = pytest.mark.integration

JSONLD = "/v1/shops/s1/products/pot/jsonld"
RATING = {"@type": "Rating", "bestRating": 5, "worstRating": 1}


@pytest.fixture
async def responder(make_settings: Callable[..., ResponderSettings]) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        yield r


@pytest.fixture
async def storefront(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> AsyncIterator[Storefront]:
    async with running_storefront(make_settings, cache_seconds=0) as sf:
        yield sf


async def seed(pool: Any) -> None:
    await insert_shop(pool, "s1")
    await insert_product(
        pool, "s1", "pot", name="Teapot", sku="TP-1", gtin="4006381333931", mpn="K-7", brand="Kanne"
    )
    await insert_public_review(
        pool,
        "s1",
        "r1",
        rating=1,
        submitted_at=T0 - days(1),
        title="Broken",
        body="Cracked lid.",
        display_name="Anna N.",
    )
    await insert_public_review(
        pool, "s1", "r2", rating=4, submitted_at=T0 - days(2), display_name=None, body="Fine."
    )
    await insert_public_review(pool, "s1", "r3", rating=5, submitted_at=T0 - days(3))
    await insert_public_review(pool, "s1", "held", rating=2, submitted_at=T0, status="held")
    # The shop's own review: never in a product's structured data (self-serving).
    await insert_public_review(
        pool, "s1", "shop", product_id=None, rating=5, submitted_at=T0, body="Great shop."
    )


async def test_product_with_aggregate_rating_and_reviews_as_inserted(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        r = await http.get(JSONLD)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/ld+json"
    assert r.headers["access-control-allow-origin"] == "*" and "etag" in r.headers
    doc = r.json()
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "Product"
    assert (doc["name"], doc["sku"], doc["gtin"], doc["mpn"]) == (
        "Teapot",
        "TP-1",
        "4006381333931",
        "K-7",
    )
    assert doc["brand"] == {"@type": "Brand", "name": "Kanne"}
    # Three published reviews (1, 4, 5): the held one and the shop review count nowhere.
    assert doc["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 3.33,
        "reviewCount": 3,
        "bestRating": 5,
        "worstRating": 1,
    }
    reviews = doc["review"]
    assert [x["@type"] for x in reviews] == ["Review"] * 3
    assert [x["reviewRating"] for x in reviews] == [{**RATING, "ratingValue": v} for v in (1, 4, 5)]
    first, second = reviews[0], reviews[1]
    assert first["author"] == {"@type": "Person", "name": "Anna N."}
    assert first["datePublished"] == "2026-11-16"
    assert first["name"] == "Broken" and first["reviewBody"] == "Cracked lid."
    assert first["inLanguage"] == "en"
    assert second["author"] == {"@type": "Person", "name": "Anonymous"}
    assert "Great shop." not in r.text and "held" not in r.text


async def test_newest_twenty_reviews_and_the_aggregate_over_all(
    responder: Responder, storefront: Storefront
) -> None:
    await insert_shop(responder.pool, "s1")
    for n in range(25):
        await insert_public_review(
            responder.pool,
            "s1",
            f"r{n:02}",
            rating=1 + n % 5,
            submitted_at=T0 - days(n),
            body=f"review {n}",
        )
    async with storefront.http() as http:
        doc = (await http.get(JSONLD)).json()
    assert doc["aggregateRating"]["reviewCount"] == 25
    assert doc["aggregateRating"]["ratingValue"] == 3.0
    assert [x["reviewBody"] for x in doc["review"]] == [f"review {n}" for n in range(MAX_REVIEWS)]


async def test_script_end_in_a_review_is_escaped(
    responder: Responder, storefront: Storefront
) -> None:
    await insert_shop(responder.pool, "s1")
    evil = 'Nice</script><script>alert("x")</script> & <!-- more'
    await insert_public_review(
        responder.pool, "s1", "r1", rating=5, body=evil, display_name="</SCRIPT>"
    )
    async with storefront.http() as http:
        r = await http.get(JSONLD)
    assert r.status_code == 200
    assert "</" not in r.text and "<" not in r.text and "&" not in r.text
    assert "\\u003c/script\\u003e" in r.text
    # Still JSON with the reviewer's exact words.
    doc = json.loads(r.text)
    assert doc["review"][0]["reviewBody"] == evil
    assert doc["review"][0]["author"]["name"] == "</SCRIPT>"


async def test_no_reviews_yet_unknown_and_nameless(
    responder: Responder, storefront: Storefront
) -> None:
    await insert_shop(responder.pool, "s1")
    await insert_product(responder.pool, "s1", "kettle", name="Kettle")
    await insert_public_review(responder.pool, "s1", "h", product_id="cup", status="held")
    # A review of a product no order line named (no public_products row).
    await responder.pool.execute(
        """INSERT INTO public_reviews (shop_id, review_id, product_id, rating, language,
               verified, submitted_at, published_at, updated_at)
           VALUES ('s1', 'n1', 'nameless', 4, 'en', true, $1, $1, $1)""",
        T0,
    )
    async with storefront.http() as http:
        kettle = await http.get("/v1/shops/s1/products/kettle/jsonld")
        cup = await http.get("/v1/shops/s1/products/cup/jsonld")
        shop = await http.get("/v1/shops/nope/products/pot/jsonld")
        product = await http.get("/v1/shops/s1/products/nope/jsonld")
        nameless = await http.get("/v1/shops/s1/products/nameless/jsonld")
    # A product without published reviews: a Product without a rating (never a made-up one).
    assert kettle.status_code == 200
    assert kettle.json() == {"@context": "https://schema.org", "@type": "Product", "name": "Kettle"}
    assert cup.status_code == 200 and "aggregateRating" not in cup.json()
    assert shop.status_code == 404 and "no shop 'nope'" in shop.json()["detail"]
    assert product.status_code == 404 and "no product 'nope'" in product.json()["detail"]
    assert nameless.status_code == 404 and "no name" in nameless.json()["detail"]


async def test_a_survey_review_published_by_the_responder_is_in_the_json_ld(
    responder: Responder, storefront: Storefront
) -> None:
    """Through the responder's own consumer: a 1-star survey review is published on arrival,
    with the product's identifiers from its order line; a Trustpilot review is not ours to
    publish."""
    await responder.feed(shop_event("s1"))
    data = classified(
        "s1", "survey:1", source="survey", rating=1, title="Leaks", text="It leaks."
    ).model_dump(mode="json")
    data["payload"]["order"]["items"][0].update(
        gtin="3830000000017", mpn="TP-1", brand="Teaware", sku="SKU-POT"
    )
    await responder.feed(ReviewClassified.model_validate(data))
    await responder.feed(classified("s1", "trustpilot:2", source="trustpilot", rating=5))
    async with storefront.http() as http:
        doc = (await http.get(JSONLD)).json()
    assert (doc["name"], doc["gtin"], doc["mpn"], doc["sku"]) == (
        "Teapot",
        "3830000000017",
        "TP-1",
        "SKU-POT",
    )
    assert doc["brand"]["name"] == "Teaware"
    assert doc["aggregateRating"]["reviewCount"] == 1
    assert doc["aggregateRating"]["ratingValue"] == 1
    (review,) = doc["review"]
    assert review["author"]["name"] == "Anna Novak" and review["reviewBody"] == "It leaks."
    assert review["reviewRating"]["ratingValue"] == 1
