"""Pure rules of the Shopify review sync: product ids, handles, and what an Admin GraphQL
answer means (throttled, retryable, refused, done)."""

import httpx

from services.responder.shopify_reviews import connector, service


def answer(status: int, body: object, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def test_only_shopify_product_ids_become_product_gids() -> None:
    assert service.product_gid("7001") == "gid://shopify/Product/7001"
    assert service.product_gid("gid://shopify/Product/7001") == "gid://shopify/Product/7001"
    for other in ("woo-17", "", "gid://shopify/Order/1", "gid://shopify/Product/x", "1" * 21):
        assert service.product_gid(other) is None


def test_the_handle_is_stable_per_review_and_shows_nothing_of_its_id() -> None:
    one = service.handle("s1", "survey:1")
    assert one == service.handle("s1", "survey:1")
    assert one != service.handle("s2", "survey:1") != service.handle("s1", "survey:2")
    assert one.startswith("reviewloop-") and "survey" not in one and len(one) == 43


def test_a_throttled_answer_waits_for_the_missing_points() -> None:
    body = {
        "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
        "extensions": {
            "cost": {
                "requestedQueryCost": 410,
                "actualQueryCost": None,
                "throttleStatus": {
                    "maximumAvailable": 2000.0,
                    "currentlyAvailable": 10.0,
                    "restoreRate": 100.0,
                },
            }
        },
    }
    outcome = connector.read_answer(answer(200, body), "metaobjectUpsert")
    assert outcome.kind == "retry" and "THROTTLED" in outcome.codes
    assert outcome.retry_after_s == 4.0
    # Unreadable figures: no wait of Shopify's, the backoff alone.
    del body["extensions"]
    assert connector.read_answer(answer(200, body), "metaobjectUpsert").retry_after_s is None


def test_what_each_answer_means() -> None:
    root = "metaobjectDelete"
    retry = connector.read_answer(answer(503, {}, {"Retry-After": "7"}), root)
    assert (retry.kind, retry.retry_after_s) == ("retry", 7.0)
    assert connector.read_answer(answer(429, {}), root).kind == "retry"
    internal = {"errors": [{"message": "x", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}
    assert connector.read_answer(answer(200, internal), root).kind == "retry"
    denied = {"errors": [{"message": "Access denied", "extensions": {"code": "ACCESS_DENIED"}}]}
    refused = connector.read_answer(answer(200, denied), root)
    assert (refused.kind, refused.detail) == ("refused", "GraphQL errors: ACCESS_DENIED")
    unauthorized = connector.read_answer(answer(401, {"errors": "Invalid API key"}), root)
    assert unauthorized.kind == "refused" and unauthorized.detail is not None
    assert unauthorized.detail.startswith("HTTP 401")
    gone = {
        "data": {
            root: {
                "deletedId": None,
                "userErrors": [
                    {"field": ["id"], "message": "not found", "code": "RECORD_NOT_FOUND"}
                ],
            }
        }
    }
    outcome = connector.read_answer(answer(200, gone), root)
    assert outcome.kind == "refused" and outcome.codes == {"RECORD_NOT_FOUND"}
    done = {"data": {root: {"deletedId": "gid://shopify/Metaobject/1", "userErrors": []}}}
    assert connector.read_answer(answer(200, done), root).payload["deletedId"].endswith("/1")


def test_the_rating_metafield_value_is_on_the_one_to_five_scale() -> None:
    assert connector.rating_value(10 / 3) == '{"value":"3.33","scale_min":"1.0","scale_max":"5.0"}'
