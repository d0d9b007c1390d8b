"""The Shopify review sync against a local server implementing the Admin GraphQL calls it uses
(tests/support/shopify_graphql.py), over the responder's real PostgreSQL: a published 1-star
review becomes a standard product_review metaobject with the right fields; the product's
reviews.rating / reviews.rating_count come from all its published reviews; a rejection and a
redaction delete the copy; a throttled answer is tried again later; a pass with nothing new
sends nothing."""

import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.responder.shopify_reviews import repository, service
from services.responder.shopify_reviews.worker import ShopifyReviewSync
from shared.events import CustomerRedactRequested, ShopRedactRequested
from tests.support.clock import T0
from tests.support.responder import Responder, classified, running_responder, user_with_key
from tests.support.shopify_graphql import TOKEN, ShopifyGraphQL

pytestmark = pytest.mark.integration

SHOP = "s-shopify"
PRODUCT = "7001"
GID = f"gid://shopify/Product/{PRODUCT}"


@pytest.fixture
def shopify() -> Iterator[ShopifyGraphQL]:
    with ShopifyGraphQL() as server:
        yield server


@pytest.fixture
async def responder(make_settings: Any, shopify: ShopifyGraphQL) -> AsyncIterator[Responder]:
    # The stand-in listens on loopback.
    async with running_responder(make_settings, outbound_allow_private_networks=True) as r:
        async with r.pool.acquire() as conn:
            await repository.put_connection(
                conn, SHOP, "teashop.myshopify.com", shopify.base_url, "2025-07", TOKEN, T0
            )
        yield r


async def put_review(
    r: Responder,
    review_id: str,
    rating: int,
    *,
    product_id: str | None = PRODUCT,
    status: str = "published",
    at: datetime = T0,
    **values: Any,
) -> None:
    """What the moderation core keeps in public_reviews (its handlers own the writes)."""
    row = {
        "title": "Broken on arrival",
        "body": "The teapot arrived broken.",
        "display_name": "Ana K.",
        "language": "en",
        "verified": True,
        "reply_text": None,
        "replied_at": None,
        **values,
    }
    await r.pool.execute(
        """
        INSERT INTO public_reviews (shop_id, review_id, product_id, rating, title, body,
            display_name, language, verified, verified_by, status, submitted_at, published_at,
            updated_at, reply_text, replied_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'order_id', $10, $11, $11, $11, $12, $13)
        ON CONFLICT (shop_id, review_id) DO UPDATE SET rating = EXCLUDED.rating,
            status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
            reply_text = EXCLUDED.reply_text, replied_at = EXCLUDED.replied_at
        """,
        SHOP,
        review_id,
        product_id,
        rating,
        row["title"],
        row["body"],
        row["display_name"],
        row["language"],
        row["verified"],
        status,
        at,
        row["reply_text"],
        row["replied_at"],
    )


async def sync(r: Responder) -> int:
    return await ShopifyReviewSync(r.pool, r.settings, r.clock).run_once()


def fields_of(server: ShopifyGraphQL, shop_id: str, review_id: str) -> dict[str, str]:
    wanted = service.handle(shop_id, review_id)
    [entry] = [m for m in server.reviews() if m.handle == wanted]
    return entry.fields


async def test_a_published_one_star_review_becomes_a_product_review_metaobject(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    await put_review(responder, "survey:1", 1)

    assert await sync(responder) == 2  # the metaobject and the product's rating

    assert shopify.roots() == [
        "standardMetaobjectDefinitionEnable",
        "metaobjectUpsert",
        "metafieldsSet",
    ]
    [entry] = shopify.reviews()
    assert entry.handle == service.handle(SHOP, "survey:1")
    assert entry.status == "ACTIVE"
    fields = entry.fields
    assert json.loads(fields["rating"]) == {"value": "1.0", "scale_min": "1.0", "scale_max": "5.0"}
    assert fields["title"] == "Broken on arrival"
    assert fields["body"] == "The teapot arrived broken."
    assert fields["author_display_name"] == "Ana K."
    assert fields["product"] == GID
    assert fields["submitted_at"] == T0.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert fields["source"] == "Reviewloop"
    assert fields["app_verification_status"] == "verified_buyer"
    assert fields["language"] == "en"
    # No personal data beyond the display name: no customer, order or email reference.
    assert not {"author", "order", "email"} & set(fields)
    assert shopify.metafield(GID, "reviews", "rating_count") == ("number_integer", "1")
    rating_type, rating = shopify.metafield(GID, "reviews", "rating") or ("", "{}")
    assert rating_type == "rating"
    assert json.loads(rating) == {"value": "1.00", "scale_min": "1.0", "scale_max": "5.0"}

    # A second pass over unchanged reviews sends nothing at all.
    calls = len(shopify.calls)
    assert await sync(responder) == 0
    assert len(shopify.calls) == calls


async def test_rating_and_count_come_from_all_published_reviews_of_the_product(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    await put_review(responder, "survey:1", 1)
    await put_review(responder, "survey:2", 4)
    await put_review(responder, "survey:3", 5)
    await put_review(responder, "survey:4", 2, status="held")  # not counted, not copied
    await put_review(responder, "survey:5", 5, product_id=None)  # a shop review: not a product's
    await put_review(responder, "survey:6", 3, product_id="woo-17")  # not a Shopify product
    # Incentivized reviews are published, so they are copied and counted like any other.
    await responder.pool.execute(
        "UPDATE public_reviews SET incentivized = true WHERE review_id = 'survey:3'"
    )

    await sync(responder)

    assert len(shopify.reviews()) == 3
    assert shopify.metafield(GID, "reviews", "rating_count") == ("number_integer", "3")
    _, rating = shopify.metafield(GID, "reviews", "rating") or ("", "{}")
    assert json.loads(rating)["value"] == "3.33"  # (1 + 4 + 5) / 3
    # One metafieldsSet for the product, however many of its reviews changed.
    assert shopify.roots().count("metafieldsSet") == 1

    # A reply shown under a review changes its copy, not the product's figures.
    await put_review(
        responder,
        "survey:1",
        1,
        at=T0 + timedelta(hours=1),
        reply_text="Sorry, a new one is on its way.",
        replied_at=T0 + timedelta(hours=1),
    )
    before = len(shopify.calls)
    assert await sync(responder) == 1
    assert shopify.roots()[before:] == ["metaobjectUpsert"]
    assert (
        fields_of(shopify, SHOP, "survey:1")["merchant_reply"] == "Sorry, a new one is on its way."
    )
    assert len(shopify.reviews()) == 3  # updated in place (same handle), not duplicated


async def test_rejection_and_redaction_delete_the_copy_and_update_the_rating(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    await put_review(responder, "survey:1", 1)
    await put_review(responder, "survey:2", 5)
    await sync(responder)
    assert len(shopify.reviews()) == 2

    # Rejected for a content reason: the copy goes, the product counts one review.
    await put_review(responder, "survey:2", 5, status="rejected", at=T0 + timedelta(hours=1))
    await sync(responder)
    assert [m.handle for m in shopify.reviews()] == [service.handle(SHOP, "survey:1")]
    assert shopify.metafield(GID, "reviews", "rating_count") == ("number_integer", "1")

    # Redacted (GDPR): the row is gone from public_reviews; the sync still knows the copy's id
    # (and nothing else of the review) and deletes it, then forgets the review entirely.
    await responder.pool.execute(
        "DELETE FROM public_reviews WHERE shop_id = $1 AND review_id = $2", SHOP, "survey:1"
    )
    await sync(responder)
    assert shopify.reviews() == []
    # No published review left: no rating at all on the product.
    assert shopify.metafield(GID, "reviews", "rating") is None
    assert shopify.metafield(GID, "reviews", "rating_count") is None
    left = await responder.pool.fetch(
        "SELECT review_id, metaobject_id FROM shopify_review_sync WHERE shop_id = $1", SHOP
    )
    assert [dict(x) for x in left] == [{"review_id": "survey:2", "metaobject_id": None}]

    calls = len(shopify.calls)
    assert await sync(responder) == 0
    assert len(shopify.calls) == calls


async def test_a_throttled_answer_is_tried_again_later(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    await put_review(responder, "survey:1", 1)
    await put_review(responder, "survey:2", 5)
    async with responder.pool.acquire() as conn:
        await repository.mark_definition_enabled(conn, SHOP)
    shopify.state.definitions.add("product_review")
    shopify.throttle_next()

    assert await sync(responder) == 0
    # The throttled call ends the shop's pass: one call, nothing else tried.
    assert shopify.roots() == ["metaobjectUpsert"]
    state = await responder.pool.fetchrow(
        "SELECT attempts, last_error, next_try_at FROM shopify_review_sync WHERE shop_id = $1",
        SHOP,
    )
    assert state is not None
    assert state["attempts"] == 1
    assert state["last_error"] == "throttled"
    assert state["next_try_at"] >= responder.clock() + timedelta(seconds=30)

    # Not before its time; the other review is tried in the next pass.
    await sync(responder)
    assert len(shopify.reviews()) == 1

    responder.clock.advance(minutes=1)
    await sync(responder)
    assert len(shopify.reviews()) == 2
    assert shopify.metafield(GID, "reviews", "rating_count") == ("number_integer", "2")
    failures = await responder.pool.fetchval(
        "SELECT count(*) FROM shopify_review_sync WHERE next_try_at IS NOT NULL OR attempts > 0"
    )
    assert failures == 0


async def test_a_refusal_is_recorded_and_retried_with_backoff(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    """A wrong token: the store refuses; the review waits and is sent once it is fixed."""
    await put_review(responder, "survey:1", 3)
    async with responder.pool.acquire() as conn:
        await repository.put_connection(
            conn, SHOP, "teashop.myshopify.com", shopify.base_url, "2025-07", "wrong", T0
        )
    await sync(responder)
    state = await responder.pool.fetchrow(
        "SELECT attempts, last_error FROM shopify_review_sync WHERE shop_id = $1", SHOP
    )
    assert state is not None and state["attempts"] == 1
    assert state["last_error"].startswith("HTTP 401")
    assert "wrong" not in state["last_error"]

    async with responder.pool.acquire() as conn:
        await repository.put_connection(
            conn, SHOP, "teashop.myshopify.com", shopify.base_url, "2025-07", TOKEN, T0
        )
    responder.clock.advance(minutes=1)
    await sync(responder)
    assert len(shopify.reviews()) == 1


async def test_a_manager_sets_the_connection_through_the_api(
    make_settings: Any, shopify: ShopifyGraphQL
) -> None:
    async with (
        running_responder(make_settings, outbound_allow_private_networks=True) as r,
        r.http() as http,
    ):
        _, manager = await user_with_key(http, "manager", ["s-api"])
        _, agent = await user_with_key(http, "agent", ["s-api"])
        url = "/v1/shops/s-api/connector/shopify"
        body = {"shop_domain": "TeaShop.myshopify.com", "base_url": shopify.base_url}

        missing = await http.put(url, json=body, headers=manager)
        assert missing.status_code == 422
        assert "access_token: required" in missing.text
        for wrong in ({"shop_domain": "teashop.example.com"}, {"api_version": "2025-05"}):
            refused = await http.put(
                url, json={**body, "access_token": TOKEN, **wrong}, headers=manager
            )
            assert refused.status_code == 422, refused.text
        assert (
            await http.put(url, json={**body, "access_token": TOKEN}, headers=agent)
        ).status_code == 403

        put = await http.put(url, json={**body, "access_token": TOKEN}, headers=manager)
        assert put.status_code == 200, put.text
        assert TOKEN not in put.text
        assert put.json()["shop_domain"] == "teashop.myshopify.com"
        assert put.json()["access_token_set"] is True
        assert put.json()["definition_enabled"] is False

        await r.pool.execute(
            """
            INSERT INTO public_reviews (shop_id, review_id, product_id, rating, language,
                verified, status, submitted_at, published_at, updated_at)
            VALUES ('s-api', 'survey:9', $1, 2, 'de', false, 'published', $2, $2, $2)
            """,
            PRODUCT,
            T0,
        )
        await sync(r)
        [entry] = shopify.reviews()
        assert entry.fields["app_verification_status"] == "unverified"
        assert "author_display_name" not in entry.fields  # anonymous stays anonymous

        got = await http.get(url, headers=manager)
        assert got.status_code == 200
        assert got.json()["definition_enabled"] is True
        assert (got.json()["synced"], got.json()["retrying"]) == (1, 0)
        assert TOKEN not in got.text
        audit = await r.pool.fetchval(
            "SELECT count(*) FROM audit_log WHERE action = 'shop.shopify_connection_updated'"
        )
        assert audit == 1

        # Without a token an existing connection keeps its own.
        kept = await http.put(url, json={**body, "api_version": "2025-10"}, headers=manager)
        assert kept.status_code == 200 and kept.json()["api_version"] == "2025-10"

        assert (await http.delete(url, headers=manager)).status_code == 204
        assert (await http.get(url, headers=manager)).status_code == 404
        assert (await http.delete(url, headers=manager)).status_code == 404


async def test_a_shop_redaction_deletes_its_token_and_sync_state(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    await put_review(responder, "survey:1", 4)
    await sync(responder)
    assert len(shopify.reviews()) == 1

    await responder.feed(ShopRedactRequested(shop_id=SHOP, payload={"request_id": "rq-1"}))

    for table in ("shopify_connections", "shopify_review_sync", "shopify_product_ratings"):
        left = await responder.pool.fetchval(
            f"SELECT count(*) FROM {table} WHERE shop_id = $1", SHOP
        )
        assert left == 0, table


async def test_a_change_that_keeps_updated_at_is_still_synced(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    """updated_at is not a reliable change marker on its own (two changes at one instant, an
    older event folded in with greatest()): the row's version is compared too."""
    await put_review(responder, "survey:1", 2)
    await sync(responder)
    assert len(shopify.reviews()) == 1

    await responder.pool.execute(
        "UPDATE public_reviews SET status = 'held' WHERE shop_id = $1 AND review_id = $2",
        SHOP,
        "survey:1",
    )
    await sync(responder)
    assert shopify.reviews() == []


async def test_a_survey_review_reaches_shopify_and_leaves_it_through_moderation(
    responder: Responder, shopify: ShopifyGraphQL
) -> None:
    """The real path: review.classified from a survey publishes it (the moderation core), the
    sync copies it; a rejection for personal data deletes the copy; a customer redaction of
    another review deletes that copy too."""
    for review_id, rating in (("survey:1", 1), ("survey:2", 5)):
        await responder.feed(
            classified(
                SHOP,
                review_id,
                rating=rating,
                source="survey",
                product_id=PRODUCT,
                order_id=f"10{rating}",
                reviewer_name="Ana K.",
            )
        )
    await sync(responder)
    assert {json.loads(m.fields["rating"])["value"] for m in shopify.reviews()} == {"1.0", "5.0"}
    assert shopify.metafield(GID, "reviews", "rating_count") == ("number_integer", "2")

    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", [SHOP])
        rejected = await http.post(
            f"/v1/reviews/survey:1/moderation?shop_id={SHOP}",
            json={"action": "reject", "reason": "personal_data", "evidence": "a phone number"},
            headers=manager,
        )
        assert rejected.status_code == 200, rejected.text
    responder.clock.advance(minutes=1)
    await sync(responder)
    assert [m.handle for m in shopify.reviews()] == [service.handle(SHOP, "survey:2")]
    assert shopify.metafield(GID, "reviews", "rating_count") == ("number_integer", "1")

    await responder.feed(
        CustomerRedactRequested(
            shop_id=SHOP,
            payload={
                "request_id": "rq-1",
                "email": "ana@example.com",
                "order_ids": ["105"],
            },
        )
    )
    await sync(responder)
    assert shopify.reviews() == []
    assert shopify.metafield(GID, "reviews", "rating_count") is None
