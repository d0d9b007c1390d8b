"""The Google Product Reviews feed, schema 2.4 (developers.google.com/product-review-feeds/schema).

Google keeps only what the latest feed holds (a review missing from the next fetch is deleted
there), so the feed is always complete: every published product review of the shop. Held,
rejected and redacted reviews are not in it, and so leave Google at its next fetch.

What the schema requires decides two things. A review needs a non-blank `<content>`: a review
whose title and text are both empty (a rating alone) cannot be sent and is left out. Every
`<product>` needs a `<product_url>`; we know the product's name and identifiers from the order
line, not its page, so it is the review's own page, as the schema allows."""

import re
from collections.abc import Iterable, Iterator
from datetime import UTC
from urllib.parse import quote

from services.responder.storefront.feed.schemas import PublishedReview, Publisher

VERSION = "2.4"
SCHEMA_URL = "http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd"
AGGREGATOR = "Reviewloop"
# Our surveys invite every buyer after the order was delivered (the schema's other value,
# "unsolicited", is for reviews nobody asked for).
COLLECTION_METHOD = "post_fulfillment"
ANONYMOUS = "Anonymous"

# Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, lone surrogates,
# U+FFFE/U+FFFF): a review may contain them, the feed must not.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# xs:language (BCP 47 shape).
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
# GTIN-8, UPC (GTIN-12), EAN/JAN/ISBN-13 (GTIN-13), GTIN-14.
_GTIN_LENGTHS = {8, 12, 13, 14}


def xml_text(value: str | None) -> str | None:
    """`value` without what XML cannot carry; None when nothing visible is left."""
    if value is None:
        return None
    cleaned = _NOT_XML.sub("", value)
    return cleaned if cleaned.strip() else None


def valid_gtin(value: str | None) -> str | None:
    """The GTIN as digits when it has a GTIN's length and a correct GS1 check digit, else None
    (Google refuses products with an invalid GTIN; better none than a wrong one)."""
    if value is None:
        return None
    digits = re.sub(r"[\s-]", "", value)
    if not (digits.isascii() and digits.isdigit()) or len(digits) not in _GTIN_LENGTHS:
        return None
    body, check = digits[:-1], int(digits[-1])
    # Weights 3, 1, 3, ... from the digit left of the check digit.
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return digits if (10 - total % 10) % 10 == check else None


def review_url(public_url: str, shop_id: str, review_id: str) -> str:
    """The review's own public page (`GET /shops/{shop_id}/reviews/{review_id}`)."""
    base = public_url.rstrip("/")
    return f"{base}/shops/{quote(shop_id, safe='')}/reviews/{quote(review_id, safe=':@')}"


def content_of(review: PublishedReview) -> tuple[str | None, str | None]:
    """(title, content) as the feed carries them: the text is the content; a review with a title
    and no text has its title as content (and no separate title)."""
    title, body = xml_text(review.title), xml_text(review.body)
    if body is not None:
        return title, body
    return None, title


def _escape(text: str) -> str:
    # Everything written passes here, ids and names included: nothing XML cannot carry gets out.
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _element(tag: str, text: str, **attrs: str) -> str:
    # Attribute values are ours ("true", "1", "singleton"), never with a quote in them.
    attributes = "".join(f' {name}="{value}"' for name, value in attrs.items())
    return f"<{tag}{attributes}>{_escape(text)}</{tag}>"


def _product(review: PublishedReview, url: str) -> Iterator[str]:
    yield "<products><product>"
    identifiers = {
        "gtin": valid_gtin(review.gtin),
        "mpn": xml_text(review.mpn),
        "sku": xml_text(review.sku),
        "brand": xml_text(review.brand),
    }
    if any(identifiers.values()):
        yield "<product_ids>"
        for kind, value in identifiers.items():
            if value is not None:
                yield f"<{kind}s>{_element(kind, value.strip())}</{kind}s>"
        yield "</product_ids>"
    name = xml_text(review.product_name)
    if name is not None:
        yield _element("product_name", name)
    yield _element("product_url", url)
    yield "</product></products>"


def _review(shop_id: str, review: PublishedReview, public_url: str) -> Iterator[str]:
    title, content = content_of(review)
    if content is None:
        return
    yield "<review>"
    yield _element("review_id", review.review_id)
    name = xml_text(review.display_name)
    if name is None:
        yield f"<reviewer>{_element('name', ANONYMOUS, is_anonymous='true')}</reviewer>"
    else:
        yield f"<reviewer>{_element('name', name.strip())}</reviewer>"
    if _LANGUAGE.fullmatch(review.language):
        yield _element("review_language", review.language)
    stamp = review.submitted_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    yield _element("review_timestamp", stamp)
    if title is not None:
        yield _element("title", title)
    yield _element("content", content)
    url = review_url(public_url, shop_id, review.review_id)
    yield _element("review_url", url, type="singleton")
    yield f"<ratings>{_element('overall', str(review.rating), min='1', max='5')}</ratings>"
    yield from _product(review, url)
    yield "<is_spam>false</is_spam>"
    yield _element("is_verified_purchase", "true" if review.verified else "false")
    yield _element("is_incentivized_review", "true" if review.incentivized else "false")
    yield _element("collection_method", COLLECTION_METHOD)
    yield "</review>"


def _feed(
    publisher: Publisher, reviews: Iterable[PublishedReview], public_url: str
) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        '<feed xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:noNamespaceSchemaLocation="{SCHEMA_URL}">'
    )
    yield _element("version", VERSION)
    yield f"<aggregator>{_element('name', AGGREGATOR)}</aggregator>"
    yield f"<publisher>{_element('name', publisher.name)}</publisher>"
    opened = False
    for review in reviews:
        parts = list(_review(publisher.shop_id, review, public_url))
        if parts and not opened:
            # `<reviews>` holds at least one review: a shop with none sends the empty feed
            # (which also deletes at Google what an earlier feed had).
            yield "<reviews>"
            opened = True
        yield from parts
    if opened:
        yield "</reviews>"
    yield "</feed>\n"


def feed_xml(publisher: Publisher, reviews: Iterable[PublishedReview], public_url: str) -> bytes:
    """The whole feed as UTF-8 XML. Written out directly rather than through an element tree:
    a shop's full feed is large (about 1 kB a review) and this is several times faster."""
    return "".join(_feed(publisher, reviews, public_url)).encode()
