"""The review classifier's fast path on hand-written cases in en, de, sl, lv, ro."""

import json
import time

import pytest

from services.ingest.classification import (
    Classification,
    Classifier,
    ReviewInput,
    load_classifier,
)


def classify(
    classifier: Classifier,
    text: str | None,
    rating: int | None = None,
    lang: str | None = None,
    verified: bool = True,
    title: str | None = None,
) -> Classification:
    return classifier.classify(
        ReviewInput(
            text=text,
            title=title,
            rating=rating,
            declared_language=lang,
            verified_purchase=verified,
        )
    )


def topic_names(result: Classification) -> set[str]:
    return {t.name for t in result.topics}


def signals(result: Classification) -> dict[str, float]:
    return {a.signal: a.confidence for a in result.abuse}


# --- the interface ---------------------------------------------------------------------------


def test_interface_version_and_json_round_trip(classifier: Classifier) -> None:
    assert isinstance(classifier, Classifier)
    assert classifier.version.startswith("fast-")
    assert load_classifier() is classifier  # loaded once, reused
    result = classify(classifier, "Arrived broken, I want a refund.", 1, "en")
    assert result.model_version == classifier.version
    again = Classification.model_validate_json(result.model_dump_json())
    assert again == result
    with pytest.raises(ValueError):
        result.removal_candidate = True  # type: ignore[misc]
    event = result.to_event()
    assert event.sentiment == "negative"
    assert event.model_version == classifier.version
    assert {t.name for t in event.topics} == topic_names(result)


def test_classify_many_matches_classify(classifier: Classifier) -> None:
    inputs = [
        ReviewInput(text="Super, gerne wieder!", rating=5, declared_language="de"),
        ReviewInput(text=None, rating=2),
    ]
    assert classifier.classify_many(inputs) == [classifier.classify(i) for i in inputs]


def test_confidences_are_probabilities(classifier: Classifier) -> None:
    result = classify(classifier, "Terrible scam, my lawyer will call. idiot@example.com", 5, "en")
    values = [result.language.confidence, result.sentiment.confidence]
    values += [result.severity.confidence]
    values += [t.confidence for t in result.topics] + [a.confidence for a in result.abuse]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert result.explanations and all(isinstance(e, str) for e in result.explanations)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown classifier kind"):
        load_classifier("huge")


# --- sentiment: text and stars -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rating", "lang", "expected"),
    [
        ("Excellent quality and fast delivery, thank you!", 5, "en", "positive"),
        ("Sehr enttäuscht, die Ware kam kaputt an.", 1, "de", "negative"),
        ("Zelo zadovoljna, priporočam vsem!", 5, "sl", "positive"),
        ("Briesmīga kvalitāte, neiesaku.", 1, "lv", "negative"),
        ("Produs excelent, recomand cu drag!", 5, "ro", "positive"),
        ("V redu, nič posebnega.", 3, "sl", "neutral"),
    ],
)
def test_sentiment_agreeing_text_and_stars(
    classifier: Classifier, text: str, rating: int, lang: str, expected: str
) -> None:
    result = classify(classifier, text, rating, lang)
    assert result.sentiment.label == expected
    assert not result.star_text_mismatch
    assert result.sentiment.from_stars == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Terrible. Arrived broken and nobody answers my emails.", "en"),
        ("Furchtbar, kaputt angekommen und der Service ist unfreundlich.", "de"),
        ("Grozno, paket je prišel poškodovan.", "sl"),
        ("Briesmīgi, prece atnāca bojāta.", "lv"),
        ("Groaznic, produsul a ajuns deteriorat.", "ro"),
    ],
)
def test_five_stars_with_an_angry_text_is_a_negative_mismatch(
    classifier: Classifier, text: str, lang: str
) -> None:
    result = classify(classifier, text, 5, lang)
    assert result.star_text_mismatch
    assert result.sentiment.from_stars == "positive"
    assert result.sentiment.from_text == "negative"
    assert result.sentiment.label == "negative"
    assert result.severity.level == "medium"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Absolutely perfect, highly recommend this shop!", "en"),
        ("Einfach perfekt, sehr zu empfehlen!", "de"),
        ("Odlično, toplo priporočam!", "sl"),
        ("Lieliski, noteikti iesaku!", "lv"),
        ("Perfect, recomand cu încredere!", "ro"),
    ],
)
def test_one_star_with_praise_is_flagged_and_stays_negative(
    classifier: Classifier, text: str, lang: str
) -> None:
    # Often a misclick, but a person decides: the flag says so, the label stays negative.
    result = classify(classifier, text, 1, lang)
    assert result.star_text_mismatch
    assert result.sentiment.from_text == "positive"
    assert result.sentiment.label == "negative"
    assert any("mismatch" in e for e in result.explanations)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Oh great, another broken lamp. Brilliant packaging as always.", "en"),
        ("Na toll, schon wieder kaputt. Ganz große Klasse.", "de"),
        ("Super, spet razbito. Res odlično zapakirano.", "sl"),
        ("Lieliski, atkal saplīsis. Ļoti labi iepakots.", "lv"),
        ("Perfect, încă o lampă spartă. Ambalat excelent.", "ro"),
    ],
)
def test_sarcastic_praise_under_one_star_stays_negative(
    classifier: Classifier, text: str, lang: str
) -> None:
    result = classify(classifier, text, 1, lang)
    # The text model reads the praise words; the negative words next to them and the stars
    # decide. Subtler sarcasm without a negative word is a documented limit.
    assert result.sentiment.label == "negative"
    assert "praise" not in topic_names(result)


def test_mixed_language_review(classifier: Classifier) -> None:
    result = classify(
        classifier,
        "Super fast delivery, ampak kakovost je slaba in barva ni taka kot na sliki.",
        2,
        "sl",
    )
    assert result.language.code == "sl"
    assert result.sentiment.label == "negative"
    assert {"product_quality", "wrong_item"} <= topic_names(result)


def test_mixed_language_english_terms_count_in_a_german_review(classifier: Classifier) -> None:
    result = classify(classifier, "Die Lieferung war okay, aber der customer service war rude.")
    assert result.language.code == "de"
    assert "customer_service" in topic_names(result)


def test_emoji_only(classifier: Classifier) -> None:
    happy = classify(classifier, "😍😍👍", None, "sl")
    assert happy.sentiment.label == "positive"
    assert happy.sentiment.from_text == "positive"
    assert happy.language.code == "sl"  # the declared language, with low confidence
    assert happy.language.confidence <= 0.5
    angry = classify(classifier, "😡👎", 5, None)
    assert angry.language.code == "und"
    assert angry.sentiment.from_text == "negative"


@pytest.mark.parametrize(("rating", "expected"), [(1, "negative"), (3, "neutral"), (5, "positive")])
def test_empty_text_with_stars(classifier: Classifier, rating: int, expected: str) -> None:
    for text in (None, "", "   "):
        result = classify(classifier, text, rating)
        assert result.sentiment.label == expected
        assert result.sentiment.from_text is None
        assert result.sentiment.confidence >= 0.6
        assert result.language.code == "und"
        assert result.topics == []
        assert result.question is None


def test_nothing_at_all(classifier: Classifier) -> None:
    result = classify(classifier, None, None)
    assert result.sentiment.label == "neutral"
    assert result.sentiment.confidence == 0.0


def test_ten_thousand_characters(classifier: Classifier) -> None:
    filler = "The product arrived and I used it every day for a while. " * 200
    text = (filler + " My lawyer will contact you about the refund.")[-10_000:]
    assert len(text) == 10_000
    started = time.perf_counter()
    result = classify(classifier, text, 1, "en")
    assert time.perf_counter() - started < 0.5
    assert result.language.code == "en"
    # The keyword scan covers the whole text: the threat at the very end is found.
    assert "legal_threat" in result.severity.reasons
    assert "returns_refunds" in topic_names(result)


def test_longer_than_the_scan_bound_is_cut(classifier: Classifier) -> None:
    result = classify(classifier, "nice mug " * 5_000 + " lawyer", 5, "en")
    assert "legal_threat" not in result.severity.reasons
    assert any("rest ignored" in e for e in result.explanations)


def test_html_is_stripped(classifier: Classifier) -> None:
    html = (
        "<div><p>Great <b>quality</b> &amp; fast delivery!</p>"
        "<script>var scam = 'lawyer';</script><style>.fire{}</style></div>"
    )
    result = classify(classifier, html, 5, "en")
    assert result.sentiment.label == "positive"
    assert result.severity.level == "low"  # the script's words are not the review's
    assert "product_quality" in topic_names(result)
    assert not any("script" in e or "<" in e for e in result.explanations)


def test_title_counts(classifier: Classifier) -> None:
    result = classify(classifier, "It took four weeks.", 2, "en", title="Parcel arrived damaged")
    assert "damaged_packaging" in topic_names(result)


def test_foreign_language_falls_back_to_stars(classifier: Classifier) -> None:
    result = classify(classifier, "Le colis est arrivé très vite, merci beaucoup pour tout.", 4)
    assert result.language.code not in ("en", "de", "sl", "lv", "ro")
    assert result.sentiment.label == "positive"
    assert result.sentiment.from_stars == "positive"


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        ("Thank you, the parcel was delivered on time and the shoes fit well.", None, "en"),
        ("Vielen Dank, das Paket kam pünktlich und die Schuhe passen gut.", None, "de"),
        ("Hvala, paket je prišel pravočasno in čevlji se lepo prilegajo.", None, "sl"),
        ("Paldies, paka atnāca laikā un kurpes der labi.", None, "lv"),
        ("Mulțumesc, coletul a ajuns la timp și pantofii se potrivesc bine.", None, "ro"),
        ("Top", "de", "de"),
    ],
)
def test_language(classifier: Classifier, text: str, declared: str | None, expected: str) -> None:
    assert classify(classifier, text, 5, declared).language.code == expected


# --- severity ----------------------------------------------------------------------------------

SEVERITY_CASES = [
    ("health_injury", "en", "My son cut himself and we had to go to the hospital."),
    ("health_injury", "de", "Mein Kind hat sich verletzt, wir mussten ins Krankenhaus."),
    ("health_injury", "sl", "Otrok je dobil izpuščaj, morali smo k zdravniku."),
    ("health_injury", "lv", "Bērnam parādījās izsitumi, braucām uz slimnīcu."),
    ("health_injury", "ro", "Copilul a făcut alergie și am ajuns la spital."),
    ("safety", "en", "The heater caught fire in the living room."),
    ("safety", "de", "Das Gerät hat gebrannt, überall Rauch, sehr gefährlich."),
    ("safety", "sl", "Polnilec se je pregrel in začel goreti, nevarno!"),
    ("safety", "lv", "Lādētājs aizdegās, ļoti bīstami!"),
    ("safety", "ro", "Încărcătorul a luat foc, este periculos!"),
    ("safety", "en", "I had an allergic reaction to the gloves."),
    ("safety", "en", "Got an electric shock from the lamp."),
    ("legal_threat", "en", "I will sue you and report you to the police."),
    ("legal_threat", "de", "Ich werde meinen Anwalt einschalten."),
    ("legal_threat", "sl", "Zadevo bom predala odvetniku in tržni inšpekciji."),
    ("legal_threat", "lv", "Vērsīšos PTAC un pie advokāta."),
    ("legal_threat", "ro", "Voi face reclamație la ANPC și vă dau în judecată."),
    ("fraud_claim", "en", "This shop is a total scam, they stole my money."),
    ("fraud_claim", "de", "Das ist Betrug, reine Abzocke!"),
    ("fraud_claim", "sl", "To je prevara, goljufi!"),
    ("fraud_claim", "lv", "Krāpnieki! Tā ir krāpniecība."),
    ("fraud_claim", "ro", "Țeapă! Sunt niște escroci."),
    ("chargeback_threat", "en", "I am filing a chargeback with my bank."),
    ("chargeback_threat", "de", "Ich mache eine Rückbuchung über PayPal."),
    ("chargeback_threat", "sl", "Pri banki bom sprožila chargeback."),
    ("chargeback_threat", "lv", "Apstrīdēšu maksājumu caur banku."),
    ("chargeback_threat", "ro", "Voi contesta tranzacția la banca mea."),
]


@pytest.mark.parametrize(("reason", "lang", "text"), SEVERITY_CASES)
def test_severity_reasons(classifier: Classifier, reason: str, lang: str, text: str) -> None:
    result = classify(classifier, text, 1, lang)
    assert result.severity.level == "high"
    assert reason in result.severity.reasons
    assert result.severity.confidence >= 0.6
    assert any(reason in e for e in result.explanations)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Not a scam at all, a legit shop. Fast delivery.", "en"),
        ("Kein Betrug, seriöser Shop.", "de"),
        ("Ni prevara, zanesljiva trgovina.", "sl"),
    ],
)
def test_negated_severity_terms_do_not_count(classifier: Classifier, text: str, lang: str) -> None:
    assert classify(classifier, text, 5, lang).severity.level == "low"


def test_negation_stops_at_the_sentence_end(classifier: Classifier) -> None:
    result = classify(classifier, "Nothing arrived. My lawyer will call you.", 1, "en")
    assert "legal_threat" in result.severity.reasons


def test_cross_language_collision_is_gated(classifier: Classifier) -> None:
    # German "Brand" is a fire; English "brand" is a make.
    assert classify(classifier, "Great brand, love it.", 5, "en").severity.level == "low"
    assert "safety" in classify(classifier, "Der Stecker stand in Brand!", 1, "de").severity.reasons


# --- topics ------------------------------------------------------------------------------------

TOPIC_CASES = [
    ("delivery_delay", "en", "The parcel took three weeks to arrive."),
    ("delivery_delay", "lv", "Piegāde kavējās divas nedēļas."),
    ("damaged_packaging", "de", "Der Karton war beschädigt und eingedrückt."),
    ("damaged_packaging", "ro", "Coletul a ajuns deteriorat."),
    ("product_quality", "sl", "Kakovost materiala je slaba."),
    ("product_quality", "en", "Stopped working after two days."),
    ("wrong_item", "ro", "Am primit un produs greșit."),
    ("wrong_item", "de", "Falscher Artikel geliefert."),
    ("size_fit", "lv", "Izmērs par mazu."),
    ("size_fit", "en", "Runs small, order a size up."),
    ("price_value", "de", "Viel zu teuer für das, was es ist."),
    ("price_value", "sl", "Cena je previsoka, predrago."),
    ("customs_fees", "en", "I had to pay customs and import duties."),
    ("customs_fees", "sl", "Plačati sem morala carino."),
    ("returns_refunds", "lv", "Gaidu naudas atmaksu par atgriezto preci."),
    ("returns_refunds", "ro", "Am cerut returnarea și rambursarea banilor."),
    ("customer_service", "sl", "Služba za stranke se ni odzvala."),
    ("customer_service", "ro", "Operatorul a fost foarte amabil."),
    ("website_checkout", "en", "The checkout page crashed during payment."),
    ("website_checkout", "lv", "Mājaslapa nestrādāja apmaksas laikā."),
    ("praise", "de", "Hervorragend, vielen Dank!"),
    ("praise", "ro", "Excelent, mulțumesc!"),
]


@pytest.mark.parametrize(("topic", "lang", "text"), TOPIC_CASES)
def test_topics(classifier: Classifier, topic: str, lang: str, text: str) -> None:
    result = classify(classifier, text, None, lang)
    assert topic in topic_names(result)
    assert any(f"topic {topic}" in e for e in result.explanations)


def test_every_topic_is_covered_by_a_case() -> None:
    from typing import get_args

    from services.ingest.classification.schemas import TopicName

    assert {c[0] for c in TOPIC_CASES} == set(get_args(TopicName))


def test_negated_problem_is_not_a_topic(classifier: Classifier) -> None:
    result = classify(classifier, "No damage at all, and not late either.", 5, "en")
    assert not {"damaged_packaging", "delivery_delay"} & topic_names(result)


# --- abuse -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("You are idiots and morons.", "en"),
        ("Ihr seid Vollidioten, Arschlöcher!", "de"),
        ("Kreteni ste, debili!", "sl"),
        ("Jūs esat idioti un debīli!", "lv"),
        ("Sunteți niște idioți și dobitoci!", "ro"),
    ],
)
def test_insults_are_removal_candidates(classifier: Classifier, text: str, lang: str) -> None:
    result = classify(classifier, text, 1, lang)
    assert signals(result).get("profanity", 0) >= 0.5
    assert result.removal_candidate


def test_swearing_about_the_product_alone_is_not_a_removal_candidate(
    classifier: Classifier,
) -> None:
    result = classify(classifier, "This is crap, total shit quality.", 1, "en")
    assert "profanity" in signals(result)
    assert not result.removal_candidate


def test_negative_review_is_never_a_removal_candidate_for_being_negative(
    classifier: Classifier,
) -> None:
    result = classify(classifier, "Worst shop ever, terrible quality, never again!", 1, "en")
    assert result.sentiment.label == "negative"
    assert not result.removal_candidate
    assert {"profanity", "spam", "personal_data", "off_target"}.isdisjoint(signals(result))


@pytest.mark.parametrize(
    "text",
    [
        "Call the owner at +386 41 123 456, he never answers.",
        "Pišite mu na janez.novak@example.si, ker ne odgovarja.",
        "Send the refund to DE89 3704 0044 0532 0130 00 please.",
        "Moj telefon je 041 123 456.",
    ],
)
def test_personal_data(classifier: Classifier, text: str) -> None:
    result = classify(classifier, text, 2)
    assert "personal_data" in signals(result)
    assert result.removal_candidate


def test_numbers_that_are_not_personal_data(classifier: Classifier) -> None:
    result = classify(classifier, "Order 100234 from 12.03.2026 arrived, 2 of 3 items.", 4, "en")
    assert "personal_data" not in signals(result)


def test_invalid_iban_is_not_reported(classifier: Classifier) -> None:
    result = classify(classifier, "Reference DE00 1234 5678 9012 3456 78", 3, "en")
    assert "personal_data" not in signals(result)


@pytest.mark.parametrize(
    "text",
    [
        "Buy now at www.cheap-watches.xyz, use code SAVE50!",
        "Jetzt kaufen: http://example.shop/deal",
        "Koda za popust: POPUST20, kupi zdaj!",
    ],
)
def test_spam(classifier: Classifier, text: str) -> None:
    result = classify(classifier, text, 5)
    assert signals(result).get("spam", 0) >= 0.5
    assert result.removal_candidate


def test_off_target(classifier: Classifier) -> None:
    bought_elsewhere = classify(classifier, "I bought it on Temu, terrible seller.", 1, "en")
    assert signals(bought_elsewhere).get("off_target", 0) >= 0.5
    assert bought_elsewhere.removal_candidate
    wrong_shop = classify(classifier, "Sorry, wrong shop, this review is for another store.", 3)
    assert wrong_shop.removal_candidate
    comparison = classify(classifier, "Cheaper than Amazon and faster too!", 5, "en")
    assert signals(comparison).get("off_target", 0) < 0.5
    assert not comparison.removal_candidate


def test_unverified_is_reported_but_not_a_removal_reason(classifier: Classifier) -> None:
    result = classify(classifier, "Great mug.", 5, "en", verified=False)
    assert signals(result) == {"unverified": 1.0}
    assert not result.removal_candidate
    assert "unverified" not in signals(classify(classifier, "Great mug.", 5, "en"))


# --- questions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("How long does delivery to Austria take?", "en", "shipping_time"),
        ("Wie lange dauert der Versand nach Österreich?", "de", "shipping_time"),
        ("Kakšen je vaš delovni čas v soboto?", "sl", "opening_hours"),
        ("Are you open on Sundays?", "en", "opening_hours"),
        ("Vai ir bezmaksas piegāde virs 50 eiro?", "lv", "free_delivery"),
        ("Is there free shipping to Slovenia?", "en", "free_delivery"),
        ("Când va fi din nou în stoc?", "ro", "stock"),
        ("Ist das wieder auf Lager?", "de", "stock"),
        ("Why is the handle blue?", "en", "other"),
    ],
)
def test_questions(classifier: Classifier, text: str, lang: str, expected: str) -> None:
    result = classify(classifier, text, None, lang)
    assert result.question is not None
    assert result.question.type == expected
    assert result.question.confidence >= 0.5


def test_statement_is_not_a_question(classifier: Classifier) -> None:
    assert classify(classifier, "Free shipping was a nice touch.", 5, "en").question is None


# --- speed (generous bound: CI machines are shared) ---------------------------------------------


def test_fast_path_is_fast(classifier: Classifier) -> None:
    inputs = [
        ReviewInput(text=f"Review {i}: fast delivery but the box was damaged.", rating=3)
        for i in range(300)
    ]
    classifier.classify_many(inputs[:20])
    started = time.perf_counter()
    classifier.classify_many(inputs)
    assert time.perf_counter() - started < 1.5  # >= 200/s even on a busy machine


def test_results_serialise_to_plain_json(classifier: Classifier) -> None:
    result = classify(classifier, "Sehr gut!", 5, "de")
    data = json.loads(result.model_dump_json())
    assert data["sentiment"]["label"] == "positive"
    assert data["model_version"] == classifier.version
