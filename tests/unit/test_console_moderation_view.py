"""The moderation panel's pure helpers: the phrases a redaction form sends, the preview's marked
pieces (the same phrases the service replaces), the ledger's pages and links."""

from services.responder.console.moderation import view
from services.responder.moderation.service import redacted


def test_phrases_are_one_per_line_trimmed_without_blanks_or_repeats() -> None:
    typed = "  Jana Kovac \r\n\r\n+386 40 123 456\nJana Kovac\n   \n"
    assert view.phrases_of(typed) == ["Jana Kovac", "+386 40 123 456"]
    assert view.phrases_of(" \n \r\n") == []


def test_the_preview_marks_what_the_service_replaces() -> None:
    text = "Jana Kovac wrote: ask Jana at Main St 4, Jana."
    phrases = ["Jana", "Jana Kovac"]
    pieces = view.marked(text, phrases)
    # The longer phrase is one piece; its part is not split out of it.
    assert [p.text for p in pieces if p.removed] == ["Jana Kovac", "Jana", "Jana"]
    assert "".join(p.text for p in pieces) == text
    after = "".join("[…]" if p.removed else p.text for p in pieces)
    assert after == redacted(text, phrases) == "[…] wrote: ask […] at Main St 4, […]."


def test_a_missing_phrase_is_named_by_its_number() -> None:
    texts = ("Never again", "Call me on 040 123 456.")
    assert view.missing_phrase(texts, ["again", "040 123 456"]) is None
    assert view.missing_phrase(texts, ["again", "call me"]) == 2  # case-sensitive
    assert view.missing_phrase((None, None), ["x"]) == 1


def test_pages_and_links() -> None:
    assert view.pages(0, 1) == view.Pages(1, 1, 0)
    at = view.pages(101, 3)
    assert (at.page, at.pages, at.offset, at.newer, at.older) == (3, 3, 100, 2, None)
    assert view.pages(101, 99).page == 3 and view.pages(101, 1).older == 2
    assert view.ledger_url("s 1") == "/console/shops/s%201/moderation"
    assert view.ledger_url("s1", 2, "off_target") == (
        "/console/shops/s1/moderation?reason=off_target&page=2"
    )
    assert view.ledger_url("s1", 1, None) == "/console/shops/s1/moderation"
