"""Topics and severity reasons from the term lists (lexicons/topics.py, lexicons/severity.py) on
complaints phrased the way shoppers write them, in en, de, sl, lv, ro (issue #21).

Written by the coordinator on 2026-12-05 while extending the lists, from how shoppers write and
from the gaps the issue names (a brake failure that endangers a child is a safety reason in
every language; "refund never arrived" is about money, not a late parcel; "site" alone is not a
checkout problem; a duration without a delivery word is not a delay). The frozen evaluation sets
(tests/fixtures/classification/frozen-*) were not opened. `topic` must be among the topics,
`reason` among the severity reasons; None means "none expected"; `not_topic` must be absent.
"""

import pytest

from services.ingest.classification import Classifier, ReviewInput

CASES = [
    # (language, text, topic or None, reason or None, topic that must be absent or None)
    (
        "en",
        "The stroller's brake failed and the baby nearly rolled into the road.",
        None,
        "safety",
        None,
    ),
    (
        "en",
        "My refund never arrived and nobody answers my emails.",
        "returns_refunds",
        None,
        "delivery_delay",
    ),
    (
        "en",
        "The site is nice but the jacket fell apart after one wash.",
        "product_quality",
        None,
        "website_checkout",
    ),
    (
        "en",
        "It took 3 weeks to get here, the tracking was never updated.",
        "delivery_delay",
        None,
        None,
    ),
    ("en", "Still waiting for my order, no sign of it.", "delivery_delay", None, None),
    ("en", "Stopped charging after two days, total waste.", "product_quality", None, None),
    ("en", "Two of the four chairs were missing from the delivery.", "wrong_item", None, None),
    ("en", "The ladder collapsed under me and I ended up in A&E.", None, "health_injury", None),
    ("en", "Weeks later it broke, the zipper came off.", "product_quality", None, "delivery_delay"),
    (
        "de",
        "Die Bremse des Kinderwagens hat versagt, das Baby rollte fast auf die Straße.",
        None,
        "safety",
        None,
    ),
    (
        "de",
        "Meine Rückerstattung ist bis heute nicht angekommen.",
        "returns_refunds",
        None,
        "delivery_delay",
    ),
    ("de", "Ich warte seit drei Wochen auf mein Paket, keine Spur.", "delivery_delay", None, None),
    (
        "de",
        "Nach zwei Tagen ging der Reißverschluss kaputt.",
        "product_quality",
        None,
        "delivery_delay",
    ),
    (
        "de",
        "Im Karton fehlten zwei Schrauben, nicht enthalten laut Liste.",
        "wrong_item",
        None,
        None,
    ),
    (
        "de",
        "Der Kundenservice meldet sich nicht, niemand antwortet auf E-Mails.",
        "customer_service",
        None,
        None,
    ),
    (
        "sl",
        "Zavora na vozičku ni delovala in otrok se je skoraj prevrnil na cesto.",
        None,
        "safety",
        None,
    ),
    ("sl", "Še vedno čakam na paket, sledenje se ne premakne.", "delivery_delay", None, None),
    ("sl", "Po enem tednu se je zadrga strgala, slaba kakovost.", "product_quality", None, None),
    ("sl", "Paket je bil prazen, izdelka ni bilo v paketu.", "wrong_item", None, None),
    ("sl", "Vračilo denarja še ni prispelo.", "returns_refunds", None, "delivery_delay"),
    ("lv", "Ratiņu bremzes nedarbojās un bērns gandrīz apgāzās uz ielas.", None, "safety", None),
    ("lv", "Joprojām nav atnācis mans pasūtījums, gaidu jau mēnesi.", "delivery_delay", None, None),
    ("lv", "Pēc nedēļas vairs nestrādā, akumulators neuzlādējas.", "product_quality", None, None),
    ("lv", "Atsūtīja citu modeli, nevis to, ko pasūtīju.", "wrong_item", None, None),
    ("ro", "Frâna căruciorului a cedat și copilul era să cadă în stradă.", None, "safety", None),
    (
        "ro",
        "Încă aștept coletul, nu a venit nici după trei săptămâni.",
        "delivery_delay",
        None,
        None,
    ),
    (
        "ro",
        "După o lună nu mai funcționează, bateria nu se încarcă.",
        "product_quality",
        None,
        "delivery_delay",
    ),
    ("ro", "Am primit alt model decât cel comandat.", "wrong_item", None, None),
    ("ro", "Rambursarea nu a ajuns nici acum.", "returns_refunds", None, "delivery_delay"),
    ("ro", "Nimeni nu răspunde la telefon sau email.", "customer_service", None, None),
]


@pytest.mark.parametrize(("language", "text", "topic", "reason", "absent"), CASES)
def test_topic_and_reason_of_a_complaint(
    classifier: Classifier,
    language: str,
    text: str,
    topic: str | None,
    reason: str | None,
    absent: str | None,
) -> None:
    result = classifier.classify(ReviewInput(text=text, rating=1, declared_language=language))
    topics = {t.name for t in result.topics}
    if topic is not None:
        assert topic in topics, (topics, result.explanations)
    if reason is not None:
        assert reason in result.severity.reasons, (result.severity, result.explanations)
    if absent is not None:
        assert absent not in topics, (topics, result.explanations)
