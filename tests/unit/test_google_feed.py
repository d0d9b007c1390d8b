"""The Google feed's pure parts: GTIN check digits, text XML cannot carry, the review URL, and
whole feeds checked against the schema (tests/fixtures/google/product_reviews.xsd)."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from lxml import etree

from services.responder.storefront.feed.google import (
    content_of,
    feed_xml,
    review_url,
    valid_gtin,
    xml_text,
)
from services.responder.storefront.feed.schemas import PublishedReview, Publisher

XSD = etree.XMLSchema(
    etree.parse(str(Path(__file__).resolve().parents[1] / "fixtures/google/product_reviews.xsd"))
)
AT = datetime(2026, 11, 17, 10, 30, tzinfo=timezone(timedelta(hours=1)))
REVIEW = PublishedReview(
    review_id="survey:r1-pot",
    product_id="pot",
    rating=4,
    title=None,
    body="Pours well.",
    display_name="Ana",
    language="en",
    verified=True,
    verified_by="survey",
    incentivized=False,
    submitted_at=AT,
    reply_text=None,
    replied_at=None,
    product_name="Teapot",
    sku=None,
    gtin=None,
    mpn=None,
    brand=None,
)
SHOP = Publisher("s1", "Tea Shop", "en")
URL = "https://reviews.shop.example"


def valid(body: bytes) -> etree._Element:
    doc = etree.fromstring(body)
    assert XSD.validate(doc), XSD.error_log
    return doc


def test_gtin_check_digits() -> None:
    assert valid_gtin("4006381333931") == "4006381333931"  # EAN-13
    assert valid_gtin("4006381333932") is None  # wrong check digit
    assert valid_gtin("0 12345 67890-5") == "012345678905"  # UPC-A, spaced
    assert valid_gtin("96385074") == "96385074"  # GTIN-8
    assert valid_gtin("10012345678902") == "10012345678902"  # GTIN-14
    assert valid_gtin("1234567") is None  # no GTIN length
    assert valid_gtin("ABCDEFGHIJKLM") is None
    assert valid_gtin("٤٠٠٦٣٨١٣٣٣٩٣١") is None  # Arabic-Indic digits: not ASCII
    assert valid_gtin(None) is None


def test_xml_text_drops_what_xml_cannot_carry() -> None:
    assert xml_text("a\x00b\x07c\x0bd\ufffee\ud800f\tg\nh") == "abcdef\tg\nh"
    assert xml_text("\x01 \x02") is None
    assert xml_text("  ") is None and xml_text(None) is None
    assert xml_text("🫖 <&>") == "🫖 <&>"


def test_review_url_quotes_ids() -> None:
    assert review_url(URL + "/", "s 1", "survey:r/1 x") == (
        f"{URL}/shops/s%201/reviews/survey:r%2F1%20x"
    )


def test_content_is_the_text_or_else_the_title() -> None:
    assert content_of(replace(REVIEW, title="T", body="B")) == ("T", "B")
    assert content_of(replace(REVIEW, title="T", body=" ")) == (None, "T")
    assert content_of(replace(REVIEW, title=None, body=None)) == (None, None)


def test_feeds_are_valid() -> None:
    empty = valid(feed_xml(SHOP, [], URL))
    assert empty.find("reviews") is None
    odd = replace(
        REVIEW,
        review_id="odd\x07<id>",
        title="]]> & <b>",
        body="line\r\nline\x1b",
        display_name="\x02",
        language="de-AT",
        product_name="Pot & <Lid>",
        sku="  SKU 1 ",
        gtin="4006381333931",
        mpn="M-1",
        brand="Acme & Sons",
        incentivized=True,
    )
    reviews = [
        REVIEW,
        odd,
        replace(REVIEW, review_id="no-text", title=None, body=None),
        replace(REVIEW, review_id="bad-lang", language="??"),
    ]
    doc = valid(feed_xml(replace(SHOP, name="Tea & <Co>"), reviews, URL))
    assert doc.findtext("publisher/name") == "Tea & <Co>"
    found = {r.findtext("review_id"): r for r in doc.iterfind("reviews/review")}
    assert set(found) == {"survey:r1-pot", "odd<id>", "bad-lang"}
    first = found["survey:r1-pot"]
    # Written in UTC, whatever the zone it was read in.
    assert first.findtext("review_timestamp") == "2026-11-17T09:30:00Z"
    assert first.find("products/product/product_ids") is None
    o = found["odd<id>"]
    assert (o.findtext("title"), o.findtext("content")) == ("]]> & <b>", "line\nline")
    name = o.find("reviewer/name")
    assert name is not None and name.get("is_anonymous") == "true"
    assert o.findtext("review_language") == "de-AT"
    ids = o.find("products/product/product_ids")
    assert ids is not None
    assert [(e.tag, e.text) for e in ids.iter("gtin", "mpn", "sku", "brand")] == [
        ("gtin", "4006381333931"),
        ("mpn", "M-1"),
        ("sku", "SKU 1"),
        ("brand", "Acme & Sons"),
    ]
    assert o.findtext("is_incentivized_review") == "true"
    assert found["bad-lang"].find("review_language") is None


def test_every_rating_is_sent() -> None:
    reviews = [replace(REVIEW, review_id=str(n), rating=n) for n in range(1, 6)]
    doc = valid(feed_xml(SHOP, reviews, URL))
    assert [r.findtext("ratings/overall") for r in doc.iterfind("reviews/review")] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
