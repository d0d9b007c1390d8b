"""Every text a console template or module asks for exists in the English catalogue, and the
other catalogues only translate keys English has (a typo there would never show)."""

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from services.responder.console import i18n

CONSOLE = Path(i18n.__file__).parent
# t("area.key") / t('area.key', ...) in templates and Python; dynamic keys ("common.role_" ~ r)
# are checked by the pages' own tests.
_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")


def _used_keys() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in [*CONSOLE.rglob("*.html"), *CONSOLE.rglob("*.py")]:
        for key in _KEY.findall(path.read_text(encoding="utf-8")):
            if not key.endswith(("_", ".")):  # a prefix completed at run time
                found.setdefault(key, str(path.relative_to(CONSOLE)))
    return found


def test_every_key_the_console_uses_has_an_english_text() -> None:
    english = i18n.catalogue("en")
    used = _used_keys()
    assert used, "the scan found no t() calls"
    missing = {key: where for key, where in used.items() if key not in english}
    assert missing == {}


@pytest.mark.parametrize("language", [lang for lang in i18n.LANGUAGES if lang != "en"])
def test_translations_only_translate_english_keys(language: str) -> None:
    extra = set(i18n.catalogue(language)) - set(i18n.catalogue("en"))
    assert extra == set()


def test_an_incomplete_language_is_not_offered_and_missing_keys_fall_back() -> None:
    assert i18n.negotiate("de-DE,de;q=0.9") == "en"  # German is not complete yet
    assert i18n.Texts("de").t("auth.sign_in") == "Anmelden"
    assert i18n.Texts("de").t("auth.no_password") == i18n.Texts("en").t("auth.no_password")
    assert i18n.Texts("en").t("no.such_key") == "no.such_key"
    assert i18n.Texts("en").t("common.signed_in_as", name="Ana", role="Agent") == (
        "Signed in as Ana (Agent)"
    )


def test_a_value_that_is_markup_stays_markup_and_plain_values_are_escaped() -> None:
    # The review page passes its `<time>` macro's output into a text; it showed as
    # "&lt;time datetime=...&gt;" on the page (found walking the automatic-reply line).
    texts = i18n.Texts("en")
    when = Markup('<time datetime="2026-12-07T14:44:00+00:00">2026-12-07 14:44 UTC</time>')
    queued = texts.t("review.automation_pending", when=when)
    assert isinstance(queued, Markup) and '<time datetime="2026-12-07T14:44:00+00:00">' in queued
    refused = texts.t("review.automation_refused", reason="<b>x</b>")
    assert not isinstance(refused, Markup) and "<b>x</b>" in refused  # escaped by the template


def test_every_classifier_topic_has_a_label_and_an_unknown_one_keeps_its_code() -> None:
    # A walk found raw codes ("customer_service, delivery_delay") on inbox cards.
    from services.ingest.classification.lexicons.topics import TOPICS

    texts = i18n.Texts("en")
    for name in TOPICS:
        assert texts.topic(name) != name and "_" not in texts.topic(name), name
    assert texts.topic("delivery_delay") == "Late delivery"
    assert texts.topic("safety") == "Safety or health risk"  # the safety reply's topic
    assert texts.topic("brand_new_topic") == "brand_new_topic"


def test_every_severity_reason_has_a_label() -> None:
    # The review page listed "health_injury" as the classifier wrote it.
    from typing import get_args

    from services.ingest.classification.schemas import SeverityReason

    texts = i18n.Texts("en")
    for code in get_args(SeverityReason):
        assert texts.severity_reason(code) != code and "_" not in texts.severity_reason(code)
    assert texts.severity_reason("health_injury") == "Health or injury"
    assert texts.severity_reason("new_reason") == "new_reason"


def test_a_templates_question_topic_reads_as_words_and_an_unknown_type_keeps_its_code() -> None:
    # The template table and the reply panel's picker showed "faq:shipping_time".
    from services.responder.replies.library import FAQ_TYPES

    texts = i18n.Texts("en")
    assert texts.topic("faq") == "Question"
    assert texts.topic("faq:shipping_time") == "Question: Shipping time"
    for name in FAQ_TYPES:
        assert "_" not in texts.topic(f"faq:{name}"), name
    assert texts.topic("faq:brand_new_type") == "Question: brand_new_type"


def test_the_setup_hints_list_exactly_the_keys_drafts_look_up() -> None:
    # A walk stored "oeffnungszeiten": the FAQ field named no key, and reused the remedies' hint.
    from services.responder.shops.service import FAQ_KEYS, REMEDY_KEYS

    texts = i18n.Texts("en")

    def listed(key: str) -> set[str]:
        return set(texts.t(key).split("Keys: ")[1].rstrip(".").split(", "))

    assert listed("setup.remedies_keys") == REMEDY_KEYS
    assert listed("setup.faq_keys") == FAQ_KEYS
