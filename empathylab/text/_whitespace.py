"""Splitting a whole column of texts on whitespace at once, as ``str.split()`` does per text.

Language detection and the sentiment engine both start from the whitespace
tokens of every text. :func:`split_texts` finds them in one numpy pass over
the texts' UTF-8 bytes and dictionary-encodes them, so everything that depends
only on a token's spelling (language scores, lexicon lookups) is computed once
per distinct token, and the two steps can share one split (see
:class:`WordSplit`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "BATCH_BYTES",
    "as_arrow",
    "WIDE_WHITESPACE",
    "WordSplit",
    "batch_array",
    "split_batches",
    "split_texts",
    "split_whitespace",
    "text_batches",
]

#: columns are processed in batches of about this many bytes of text (bounds memory,
#: and lets batches run on several cores)
BATCH_BYTES = 4_000_000

#: The non-ASCII characters that Python's ``str.split()`` splits on (``str.isspace``;
#: a test checks the list against the running Python), as UTF-8.
WIDE_WHITESPACE: tuple[bytes, ...] = tuple(
    chr(c).encode("utf-8")
    for c in (0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
)
_WIDE_LEADS = np.array(sorted({w[0] for w in WIDE_WHITESPACE}), dtype=np.uint8)
# ASCII whitespace as str.split() sees it: 9-13 and 28-32
_ASCII_SPACE = np.zeros(256, dtype=bool)
_ASCII_SPACE[[*range(9, 14), *range(28, 33)]] = True


def split_whitespace(
    texts: pa.Array, skip: np.ndarray | None = None
) -> tuple[pa.Array, np.ndarray, np.ndarray | None]:
    """Split texts on whitespace in one numpy pass over their UTF-8 bytes.

    Returns the tokens and the number of tokens of each text, as
    ``str.split()`` per text would. Each token is returned *with the
    whitespace that follows it* (up to the next token, possibly across texts):
    the tokens are then plain offsets into the texts' own byte buffer (no
    copy); trim them once per distinct token. Arrow's ``utf8_split_whitespace``
    gives the same split but builds a list array, which costs more.

    Texts where ``skip`` is True give no tokens. So that no token runs into
    them, each gets a placeholder token at its start; the third value marks
    the real tokens (None when there are no placeholders).
    """
    if texts.null_count:
        texts = pc.fill_null(texts, "")
    if texts.type != pa.string():
        texts = texts.cast(pa.string())
    n = len(texts)
    offsets_buffer, data_buffer = texts.buffers()[1:3]
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[texts.offset : texts.offset + n + 1]
    if data_buffer is None or offsets[-1] == offsets[0]:
        return pa.array([], pa.string()), np.zeros(n, dtype=np.int64), None
    data = np.frombuffer(data_buffer, dtype=np.uint8)
    chars = data[offsets[0] : offsets[-1]]
    space = _ASCII_SPACE[chars]
    high = np.flatnonzero(chars >= 0xC2)
    if high.size:  # multi-byte whitespace (NBSP, U+2000-U+200A, ...)
        high = high[np.isin(chars[high], _WIDE_LEADS)]
        if high.size:
            padded = np.concatenate([chars, np.zeros(2, dtype=np.uint8)])
            for seq in WIDE_WHITESPACE:
                hit = high
                for k, byte in enumerate(seq):
                    hit = hit[padded[hit + k] == byte]
                for k in range(len(seq)):
                    space[hit + k] = True
    bounds = (offsets - offsets[0]).astype(np.int64)
    skipped = np.zeros(0, dtype=np.int64)
    if skip is not None and skip.any():
        lo, hi = bounds[:-1][skip], bounds[1:][skip]
        length = hi - lo
        space[np.repeat(lo - np.cumsum(length) + length, length) + np.arange(length.sum())] = True
        skipped = lo[length > 0]
    before = np.empty(chars.size, dtype=bool)  # whitespace or a text start before the byte
    before[0] = True
    before[1:] = space[:-1]
    before[bounds[1:-1][bounds[1:-1] < chars.size]] = True
    starts = np.flatnonzero(before & ~space)
    counts = np.diff(np.searchsorted(starts, bounds))
    real = None
    if skipped.size:
        at = np.searchsorted(starts, skipped)
        starts = np.insert(starts, at, skipped)
        real = np.ones(starts.size, dtype=bool)
        real[at + np.arange(at.size)] = False
    if starts.size == 0:
        return pa.array([], pa.string()), counts, None
    token_offsets = np.empty(starts.size + 1, dtype=np.int32)
    token_offsets[:-1] = starts + offsets[0]
    token_offsets[-1] = offsets[-1]
    tokens = pa.StringArray.from_buffers(starts.size, pa.py_buffer(token_offsets), data_buffer)
    return tokens, counts, real


@dataclass(frozen=True)
class WordSplit:
    """The whitespace tokens of a batch of texts, dictionary-encoded.

    Attributes
    ----------
    codes : numpy.ndarray of int32
        Index into ``dictionary`` of each token, texts one after the other, in order.
    dictionary : pyarrow.StringArray
        The distinct tokens as split (punctuation kept, whitespace trimmed); a
        spelling may repeat.
    counts : numpy.ndarray of int64
        Number of tokens of each text.
    """

    codes: np.ndarray
    dictionary: pa.Array
    counts: np.ndarray

    @property
    def text(self) -> np.ndarray:
        """The text of each token (int64)."""
        return np.repeat(np.arange(self.counts.size, dtype=np.int64), self.counts)

    def subset(self, rows: np.ndarray) -> WordSplit:
        """The split of the texts where ``rows`` (bool, one per text) is True."""
        if rows.all():
            return self
        keep = np.repeat(rows, self.counts)
        return WordSplit(self.codes[keep], self.dictionary, self.counts[rows])


def split_texts(texts: pa.Array) -> WordSplit:
    """Whitespace tokens of every text (nulls give none), dictionary-encoded.

    Examples
    --------
    >>> split = split_texts(pa.array(["Sehr gut!", None, "gut\\u00a0gut"]))
    >>> split.counts.tolist(), split.dictionary.take(pa.array(split.codes)).to_pylist()
    ([2, 0, 2], ['Sehr', 'gut!', 'gut', 'gut'])
    """
    tokens, counts, _ = split_whitespace(texts)
    encoded = pc.dictionary_encode(tokens)
    codes = encoded.indices.to_numpy().astype(np.int32, copy=False)
    # tokens carry the whitespace after them: trim once per distinct token
    dictionary = pc.utf8_rtrim_whitespace(encoded.dictionary)
    return WordSplit(codes=codes, dictionary=dictionary, counts=counts.astype(np.int64))


def as_arrow(texts: pd.Series) -> pa.ChunkedArray:
    """The texts as Arrow UTF-8 strings (``large_string``; nulls for missing values)."""
    try:
        text = texts if texts.dtype == "str" else texts.astype("str")
    except UnicodeEncodeError:  # lone surrogates have no UTF-8 encoding
        text = texts.map(
            lambda v: v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v
        ).astype("str")
    array = pa.array(text.array, type=pa.large_string())
    return array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])


def batch_array(texts: pa.Array | pa.ChunkedArray, lo: int, hi: int) -> pa.StringArray:
    """Rows ``lo:hi`` of ``texts`` as one ``pa.string()`` array (32-bit offsets)."""
    part = texts.slice(lo, hi - lo)
    if isinstance(part, pa.ChunkedArray):
        part = part.combine_chunks() if part.num_chunks else pa.array([], part.type)
    return part if part.type == pa.string() else part.cast(pa.string())


def text_batches(
    texts: pa.Array | pa.ChunkedArray, batch_bytes: int | None = None
) -> list[tuple[int, int]]:
    """``(start, stop)`` row ranges of about ``batch_bytes`` (:data:`BATCH_BYTES`) of text."""
    batch_bytes = BATCH_BYTES if batch_bytes is None else batch_bytes
    n = len(texts)
    if n == 0:
        return []
    lengths = pc.fill_null(pc.binary_length(texts), 0).to_numpy(zero_copy_only=False)
    cumulative = np.cumsum(lengths.astype(np.int64) + 16)
    cuts = np.arange(batch_bytes, int(cumulative[-1]), batch_bytes)
    inner = np.unique(np.searchsorted(cumulative, cuts, side="right")).tolist()
    bounds = sorted({0, n, *inner})
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def split_batches(
    texts: pa.Array | pa.ChunkedArray, batches: list[tuple[int, int]]
) -> list[WordSplit]:
    """Whitespace splits of row ranges of ``texts`` that share one dictionary.

    Work that depends only on a token's spelling is then done once for the
    whole column rather than once per batch.
    """
    from .._parallel import map_batches

    parts = map_batches(lambda b: split_texts(batch_array(texts, b[0], b[1])), batches)
    if len(parts) < 2:
        return parts
    encoded = pc.dictionary_encode(pa.concat_arrays([p.dictionary for p in parts]))
    ids = encoded.indices.to_numpy().astype(np.int32)
    out = []
    at = 0
    for part in parts:
        remap = ids[at : at + len(part.dictionary)]
        at += len(part.dictionary)
        out.append(WordSplit(remap[part.codes], encoded.dictionary, part.counts))
    return out
