"""Per-row language detection for German and English feedback, offline and vectorised.

How a row is scored
-------------------
1. **Cleaning.** URLs, e-mail addresses, ``@handles``, HTML entities, the
   retweet marker ``RT`` and the ``#`` of hashtags are removed; what remains is
   split into words of Latin letters (apostrophes inside words are kept, so
   ``don't`` stays one word). Digits, emoji and punctuation carry no language.
2. **Character n-grams.** Each distinct word, padded with spaces, is scored
   with the byte n-gram naive-Bayes model that ships inside ``py3langid``
   (BSD-3-Clause; Lui & Baldwin 2012, "langid.py: An Off-the-shelf Language
   Identification Tool", ACL System Demonstrations; model retrained by the
   py3langid maintainers on 142 languages). The model's own DFA is walked for
   all words at once with numpy (one pass per n-gram length, longest match
   per end position, exactly as ``py3langid`` counts them), and the counts
   are multiplied with the model's log-probabilities for German, English and
   :data:`OTHER_LANGUAGES` (33 other languages written in Latin script).
3. **Word lists.** Words in the hand-written lists in
   ``empathylab/text/data/language_words.txt`` (function words, greetings,
   everyday feedback words; German also without umlauts: ``fuer``,
   ``schoen``) add :data:`WORD_WEIGHT` nats to every language they are listed
   under. This is what makes ``"Danke!"`` German and ``"hello"`` English.
4. **Row scores** are the sums over the row's words (a sparse matrix
   product), plus a prior (:data:`PRIOR_OTHER`) that favours German and English,
   which this library expects. One word can move a row's score by at most
   :data:`WORD_CAP` nats per language, so a single odd word (a name, a typo)
   cannot outvote the rest of the row. Probabilities are the softmax of the scores
   divided by ``sqrt(letters)`` (py3langid's length calibration), folded into
   the requested languages and ``"other"``.
5. **Scripts.** Letters outside the Latin script (Cyrillic, Greek, Arabic,
   Japanese, ...) are evidence for ``"other"`` in proportion to their share of
   the row's letters.

Only distinct words are scored, so the cost grows with the vocabulary of the
column rather than its length: a million rows take seconds (see
``benchmarks/language.py``).
"""

from __future__ import annotations

import io
import lzma
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from numbers import Real

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from .._dask import rowwise
from .._validation import did_you_mean
from ._whitespace import WordSplit, as_arrow, split_batches, text_batches

__all__ = [
    "LANGUAGE_VALUES",
    "OTHER_LANGUAGES",
    "PRIOR_OTHER",
    "WORD_CAP",
    "WORD_WEIGHT",
    "detect_language",
    "supported_languages",
]

#: Latin-script languages of the py3langid model that compete with German and
#: English. A text in one of them is reported as ``"other"`` unless requested.
OTHER_LANGUAGES: tuple[str, ...] = (
    "es", "fr", "it", "pt", "nl", "tr", "pl", "sv", "da", "no", "fi", "cs", "sk", "hu", "ro",
    "hr", "sl", "et", "lv", "lt", "ca", "gl", "eu", "id", "ms", "tl", "vi", "af", "sq", "sw",
    "is", "cy", "ga",
)  # fmt: skip
_CANDIDATES: tuple[str, ...] = ("de", "en", *OTHER_LANGUAGES)

#: Values of the ``language`` column besides the requested language codes.
LANGUAGE_VALUES: tuple[str, ...] = ("other", "und")

#: Nats a listed word adds to each language it is listed under: a word among a
#: language's few hundred commonest has a probability of about 1e-3 there and
#: of about 1e-5 in a language that does not use it, log(100) = 4.6.
WORD_WEIGHT = 4.5

#: Prior probability that a text is in none of German and English; German and
#: English share the rest equally, the other candidates share this evenly.
PRIOR_OTHER = 0.1

_MODEL_FILE = ("data", "model.npz.xz")
_WORDS_FILE = "language_words.txt"

_CLEAN = (
    r"(?i)\b(?:https?://|www\.)\S*"  # URLs
    r"|\S+@\S+\.\w+"  # e-mail addresses
    r"|@\w+"  # @handles
    r"|&(?:[a-z]+|#\d+);"  # HTML entities (&amp; &lt; &#39;)
    r"|\bRT\b"  # retweet marker
)
_NOT_FOREIGN = r"[\p{Latin}\P{L}]+"  # removing these leaves the letters of other scripts
#: Most nats by which one word's score for a language may trail its best language.
WORD_CAP = 16.0
_MAX_WORD = 24  # characters of a word that are scored (bounds the cost of junk)


@dataclass(frozen=True)
class _Model:
    """The arrays the scorer needs, loaded once per process."""

    nextmove: np.ndarray  # flat DFA transitions, int32
    rowbase: np.ndarray  # state -> offset of its 256 transitions, int64
    depth: np.ndarray  # state -> length of its byte string, int8
    feature: np.ndarray  # state -> feature whose string the state spells, or -1
    weights: np.ndarray  # feature x candidate language, log-probabilities, float32
    word_keys: pa.Array  # the listed lower-case words ...
    word_member: np.ndarray  # ... and their 0/1 membership over candidates, float32
    stop: int  # a byte on which no trie edge leaves any state (ends a walk)


def _read_py3langid() -> dict[str, np.ndarray]:
    path = resources.files("py3langid").joinpath(*_MODEL_FILE)
    with np.load(io.BytesIO(lzma.decompress(path.read_bytes())), allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


def _read_words() -> dict[str, np.ndarray]:
    text = resources.files("empathylab.text").joinpath("data", _WORDS_FILE).read_text("utf-8")
    position = {lang: i for i, lang in enumerate(_CANDIDATES)}
    words: dict[str, np.ndarray] = {}
    langs: list[int] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            langs = [position[code] for code in line.strip("[]").split()]
            continue
        for word in line.split():
            member = words.setdefault(word, np.zeros(len(_CANDIDATES), dtype=np.float32))
            member[langs] = 1.0
    return words


@lru_cache(maxsize=1)
def _model() -> _Model:
    data = _read_py3langid()
    rows = data["nextmove"].astype(np.int32)
    rowbase = data["nextmove_row"].astype(np.int64) * 256
    out = data["out_feat"].astype(np.int32)
    n_states = len(rowbase)
    # depth of each state = length of the byte string that reaches it (breadth first)
    depth = np.full(n_states, -1, dtype=np.int8)
    depth[0] = 0
    frontier = np.zeros(1, dtype=np.int64)
    level = 0
    while len(frontier):
        level += 1
        nxt = rows[(rowbase[frontier][:, None] + np.arange(256)).ravel()]
        depth[nxt[depth[nxt] == -1]] = level
        frontier = np.flatnonzero(depth == level)
    # a state emits the longest feature that ends its string; the state spells that
    # feature exactly when the feature's shortest emitting state is this one
    emitting = out >= 0
    length = np.full(int(out.max()) + 1, np.iinfo(np.int8).max, dtype=np.int8)
    np.minimum.at(length, out[emitting], depth[emitting])
    exact = emitting & (length[np.maximum(out, 0)] == depth)
    classes = [str(c) for c in data["classes"]]
    columns = [classes.index(lang) for lang in _CANDIDATES]
    # UTF-8 has no byte 0xFF, so no feature holds one: reading it never goes one level down
    stops = [b for b in (0xFF, 0xFE, 0xC0, 0xC1)
             if not (depth[rows[rowbase + b]] == depth + 1).any()]
    if not stops:
        raise RuntimeError("py3langid's model has trie edges on every byte that UTF-8 lacks.")
    words = _read_words()
    return _Model(
        nextmove=rows,
        rowbase=rowbase,
        depth=depth,
        feature=np.where(exact, out, -1).astype(np.int32),
        weights=data["ptc"][:, columns].astype(np.float32),
        word_keys=pa.array(list(words), pa.large_string()),
        word_member=np.stack(list(words.values())).astype(np.float32),
        stop=stops[0],
    )


def _ngram_counts(model: _Model, data: np.ndarray, offsets: np.ndarray) -> sparse.csr_matrix:
    """Feature counts of each string in a UTF-8 buffer, as py3langid's DFA walk counts them.

    At every byte the walk emits the longest feature ending there. Instead of
    walking byte by byte, follow the trie from every start position at once,
    one byte per step, and let longer matches overwrite shorter ones.
    """
    n_strings = len(offsets) - 1
    lengths = np.diff(offsets)
    # each string is followed by the model's stop byte, so no walk runs into the next one
    spaced = np.full(len(data) + n_strings, model.stop, dtype=np.uint8)
    is_byte = np.ones(spaced.size, dtype=bool)
    is_byte[offsets[1:] + np.arange(n_strings)] = False
    spaced[is_byte] = data
    best = np.full(spaced.size, -1, dtype=np.int32)  # feature ending at each byte
    pos = np.arange(spaced.size, dtype=np.int64)  # the byte each walk reads next
    state = np.zeros(spaced.size, dtype=np.int32)
    max_depth = int(model.depth.max())
    for k in range(1, max_depth + 1):
        child = model.nextmove[model.rowbase[state] + spaced[pos]]
        keep = model.depth[child] == k  # a trie edge, not a fall-back transition
        state, pos = child[keep], pos[keep]
        feature = model.feature[state]
        hit = feature >= 0
        best[pos[hit]] = feature[hit]
        pos += 1
        if not len(pos):
            break
    best = best[is_byte]
    string = np.repeat(np.arange(n_strings), lengths)
    hit = best >= 0
    counts = sparse.csr_matrix(
        (np.ones(int(hit.sum()), dtype=np.float32), (string[hit], best[hit])),
        shape=(n_strings, model.weights.shape[0]),
    )
    counts.sum_duplicates()
    return counts


def _word_scores(model: _Model, words: pa.Array) -> np.ndarray:
    """Score of each distinct word for each candidate language, shape (words, candidates)."""
    words = pc.utf8_normalize(words.cast(pa.large_string()), "NFC")  # u + ̈ -> ü
    words = pc.replace_substring(words, "’", "'")
    shout = pc.and_(pc.utf8_is_upper(words), pc.greater(pc.utf8_length(words), 1))
    cased = pc.if_else(shout, pc.utf8_lower(words), words)  # "STOP" is scored as "stop"
    cased = pc.utf8_slice_codeunits(cased, 0, _MAX_WORD)
    space = pa.scalar(" ", pa.large_string())
    padded = pc.binary_join_element_wise(space, cased, space, pa.scalar("", pa.large_string()))
    offsets = np.frombuffer(padded.buffers()[1], dtype=np.int64)[: len(padded) + 1]
    data = np.frombuffer(padded.buffers()[2], dtype=np.uint8)
    scores = np.asarray(_ngram_counts(model, data, offsets - offsets[0]) @ model.weights)
    index = pc.index_in(pc.utf8_lower(words), value_set=model.word_keys)
    listed = index.is_valid().to_numpy(zero_copy_only=False)
    if listed.any():
        member = model.word_member[index.filter(index.is_valid()).to_numpy()]
        scores[listed] += WORD_WEIGHT * member
    scores = np.maximum(scores, scores.max(axis=1, keepdims=True) - WORD_CAP)
    return scores


def supported_languages() -> tuple[str, ...]:
    """Language codes that ``detect_language(..., languages=...)`` accepts.

    Returns
    -------
    tuple of str
        ISO 639-1 codes: German, English and :data:`OTHER_LANGUAGES`.

    Examples
    --------
    >>> supported_languages()[:4]
    ('de', 'en', 'es', 'fr')
    """
    return _CANDIDATES


def _check_languages(languages: Sequence[str]) -> list[str]:
    if isinstance(languages, str):
        languages = (languages,)
    langs = list(dict.fromkeys(languages))
    if not langs:
        raise ValueError(
            "`languages` must name at least one language, but an empty sequence was "
            f"passed. Supported: {list(_CANDIDATES)}."
        )
    for lang in langs:
        if lang not in _CANDIDATES:
            hint = did_you_mean(str(lang), _CANDIDATES)
            raise ValueError(
                f"`languages` must contain codes from {list(_CANDIDATES)}, but {lang!r} was "
                f"passed{hint} Languages in other scripts are reported as 'other'."
            )
    return langs


@rowwise
def detect_language(
    texts: pd.Series,
    *,
    languages: Sequence[str] = ("de", "en"),
    min_confidence: float = 0.5,
) -> pd.DataFrame:
    """Detect the language of every text: German, English, other, or undetermined.

    Parameters
    ----------
    texts : pandas.Series of str
        Feedback texts, one per row (tweets, reviews, survey answers). Any
        list-like is accepted and treated as a Series with a default index.
    languages : sequence of str, default=("de", "en")
        Languages to report by their ISO 639-1 code; texts in any other
        language are ``"other"``. Codes from :func:`supported_languages`.
    min_confidence : float, default=0.5
        Rows whose best label has a lower probability than this are ``"und"``.
        ``0`` always reports the best label.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts``, with columns

        ``language`` (str)
            One of ``languages``; ``"other"`` for text in another language or
            another script; ``"und"`` (undetermined, as in BCP 47) when there
            is no word to judge (only emoji, URLs, ``@handles``, numbers or
            punctuation) or when the best label is less likely than
            ``min_confidence``; missing (NaN) for missing, empty or
            white-space-only texts.
        ``confidence`` (float)
            Probability of the best label under the model, from 0 to 1: the
            reported language's, or for ``"und"`` the best label's (0.0 when
            there is no word); NaN where ``language`` is missing.

    Notes
    -----
    The scores come from py3langid's character n-gram model (BSD-3-Clause),
    restricted to German, English and 33 other Latin-script languages, plus
    hand-written word lists (see the module docstring). No data set of the
    project's benchmarks was used to fit them. Weights of the two constants
    are explained at :data:`WORD_WEIGHT`, :data:`WORD_CAP` and :data:`PRIOR_OTHER`.

    Examples
    --------
    >>> texts = pd.Series(["Danke!", "where is my order?", "Paket kam nicht",
    ...                    "¿Dónde está mi pedido?", "👍👍 https://t.co/x", None])
    >>> detect_language(texts)["language"].tolist()
    ['de', 'en', 'de', 'other', 'und', nan]
    """
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, Real) or not (
        0.0 <= float(min_confidence) <= 1.0
    ):
        raise ValueError(
            f"`min_confidence` must be a number from 0 to 1, but {min_confidence!r} was passed."
        )
    langs = _check_languages(languages)
    series = texts if isinstance(texts, pd.Series) else pd.Series(texts, dtype=object)
    arr = as_arrow(series)
    n = len(arr)
    language = np.full(n, np.nan, dtype=object)
    confidence = np.full(n, np.nan)
    batches = text_batches(arr)
    splits = split_batches(arr, batches)
    table = token_table(splits[0].dictionary) if splits else None
    for (lo, hi), split in zip(batches, splits, strict=True):
        language[lo:hi], confidence[lo:hi] = detect_split(
            split, langs, float(min_confidence), table=table
        )
    return pd.DataFrame(
        {"language": pd.array(language, dtype="str"), "confidence": confidence},
        index=series.index.copy(),
    )


def detect_split(
    split: WordSplit,
    langs: Sequence[str] = ("de", "en"),
    min_confidence: float = 0.5,
    *,
    table: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Language (object array, NaN for texts without tokens) and confidence of each text.

    The work behind :func:`detect_language`, on a whitespace split that the
    caller may share with the sentiment engine; ``table`` is
    :func:`token_table` of ``split.dictionary`` when the caller has it.
    """
    n = split.counts.size
    language = np.full(n, np.nan, dtype=object)
    confidence = np.full(n, np.nan)
    if n == 0:
        return language, confidence
    probs, letters = _probabilities(split, table)
    keep = [_CANDIDATES.index(lang) for lang in langs]
    # fold the candidates into the requested languages and "other"
    grouped = np.column_stack([probs[:, keep], 1.0 - probs[:, keep].sum(axis=1)])
    best = grouped.argmax(axis=1)
    top = np.clip(grouped[np.arange(n), best], 0.0, 1.0)
    language[:] = np.array([*langs, "other"], dtype=object)[best]
    confidence[:] = top
    language[(top < min_confidence) | (letters == 0)] = "und"
    confidence[letters == 0] = 0.0
    blank = split.counts == 0
    language[blank] = np.nan
    confidence[blank] = np.nan
    return language, confidence


def _words(arr: pa.LargeStringArray) -> tuple[pa.LargeStringArray, np.ndarray, np.ndarray]:
    """Words of Latin letters in every row, found with numpy on the UTF-8 bytes.

    A word is a run of Latin letters (ASCII letters, Latin-1 and Latin Extended
    letters, combining marks, Vietnamese letters), with an apostrophe (``'`` or
    ``’``) kept between two letters (``don't``). Returns the words, the row of
    each word and the number of bytes of words per row.
    """
    n = len(arr)
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + n + 1]
    data_buffer = arr.buffers()[2]
    if data_buffer is None or offsets[-1] == offsets[0]:
        return pa.array([], pa.large_string()), np.zeros(0, np.int64), np.zeros(n, np.int64)
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
    offsets = offsets - offsets[0]
    size = len(data)
    b0 = data
    b1 = np.append(data[1:], np.uint8(0))  # the byte after each byte
    # the first byte of every Latin letter, by its UTF-8 lead byte (and the next byte)
    letter = ((b0 | 0x20) >= 0x61) & ((b0 | 0x20) <= 0x7A)  # ASCII
    two = (b0 == 0xC3) & (b1 != 0x97) & (b1 != 0xB7)  # U+00C0-00FF without × and ÷
    two |= (b0 >= 0xC4) & (b0 <= 0xC9)  # U+0100-027F Latin Extended-A/B, IPA
    two |= (b0 == 0xCC) | ((b0 == 0xCD) & (b1 <= 0xAF))  # U+0300-036F combining marks
    three = (b0 == 0xE1) & (b1 >= 0xB8) & (b1 <= 0xBB)  # U+1E00-1EFF Latin Ext. Additional
    letter |= two | three
    letter[1:] |= two[:-1] | three[:-1]
    letter[2:] |= three[:-2]
    # apostrophes between two letters of the same text belong to the word
    text = np.zeros(size + 1, dtype=np.int32)  # the text each byte belongs to
    np.add.at(text, offsets[1:-1], 1)  # (several texts may start at the same byte)
    np.cumsum(text, out=text)
    text = text[:size]
    word = letter.copy()
    inner = (b0[1:-1] == 0x27) & letter[:-2] & letter[2:] & (text[:-2] == text[2:])
    word[1:-1] |= inner
    typographic = np.flatnonzero(  # U+2019 is E2 80 99
        (b0[1:-3] == 0xE2) & (b1[1:-3] == 0x80) & (b0[3:-1] == 0x99) & letter[:-4] & letter[4:]
    )
    typographic = typographic[text[typographic] == text[typographic + 4]] + 1
    for shift in range(3):
        word[typographic + shift] = True
    # words: runs of word bytes that do not cross the start of a text
    before = np.zeros(size, dtype=bool)
    same = text[:-1] == text[1:]
    before[1:] = word[:-1] & same
    after = np.zeros(size, dtype=bool)
    after[:-1] = word[1:] & same
    first = np.flatnonzero(word & ~before)
    last = np.flatnonzero(word & ~after)
    length = last - first + 1
    word_offsets = np.zeros(len(first) + 1, dtype=np.int64)
    np.cumsum(length, out=word_offsets[1:])
    words = pa.LargeStringArray.from_buffers(
        len(first), pa.py_buffer(word_offsets), pa.py_buffer(data[word])
    )
    row = np.repeat(np.arange(n), np.diff(np.searchsorted(first, offsets)))
    return words, row, np.bincount(row, weights=length, minlength=n).astype(np.int64)


def token_table(dictionary: pa.Array) -> np.ndarray:
    """Per distinct token: candidate scores, then its Latin and other-script letters.

    Returns a float32 array of shape (tokens, candidates + 2). Large
    dictionaries are scored in parts on the thread pool.
    """
    from .._parallel import map_batches, n_threads

    d = len(dictionary)
    parts = min(n_threads(), max(1, d // 20_000))
    if parts > 1:
        bounds = np.linspace(0, d, parts + 1).astype(int)
        pieces = map_batches(lambda i: _token_table(dictionary.slice(bounds[i], bounds[i + 1]
                                                                     - bounds[i])), range(parts))
        return np.concatenate(pieces)
    return _token_table(dictionary)


def _token_table(dictionary: pa.Array) -> np.ndarray:
    model = _model()
    d = len(dictionary)
    table = np.zeros((d, len(_CANDIDATES) + 2), dtype=np.float32)
    if d == 0:
        return table
    cleaned = pc.replace_substring_regex(dictionary, _CLEAN, " ")
    # letters of other scripts, counted only in tokens that are not plain ASCII
    wide = np.flatnonzero(~pc.string_is_ascii(cleaned).to_numpy(zero_copy_only=False))
    if len(wide):
        rest = pc.replace_substring_regex(cleaned.take(pa.array(wide)), _NOT_FOREIGN, "")
        table[wide, -1] = pc.utf8_length(rest).to_numpy()
    words, row, latin = _words(cleaned.cast(pa.large_string()))
    table[:, -2] = latin
    if len(words):
        encoded = words.dictionary_encode()
        per_word = _word_scores(model, encoded.dictionary)
        member = sparse.csr_matrix(
            (np.ones(len(words), dtype=np.float32), (row, encoded.indices.to_numpy())),
            shape=(d, len(encoded.dictionary)),
        )
        table[:, :-2] = member @ per_word
    return table


def _probabilities(
    split: WordSplit, table: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Probability of each candidate language per text, and the text's number of letters.

    The probabilities of a text sum to one minus the share of its letters that
    are in another script; that share belongs to "other".
    """
    n = split.counts.size
    if table is None:
        table = token_table(split.dictionary)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(split.counts, out=indptr[1:])
    tokens = sparse.csr_matrix(
        (np.ones(split.codes.size, dtype=np.float32), split.codes, indptr),
        shape=(n, table.shape[0]),
    )
    summed = np.asarray(tokens @ table)  # float32 throughout: the softmax needs no more
    latin = np.rint(summed[:, -2]).astype(np.int64)
    foreign_letters = np.rint(summed[:, -1]).astype(np.int64)
    scores = summed[:, :-2]
    scores *= (1.0 / np.sqrt(np.maximum(latin, 1))).astype(np.float32)[:, None]
    scores += _log_prior()
    scores -= scores.max(axis=1, keepdims=True)
    probs = np.exp(scores, out=scores)
    probs /= probs.sum(axis=1, keepdims=True)
    letters = latin + foreign_letters
    probs *= np.where(letters > 0, latin / np.maximum(letters, 1), 1.0).astype(np.float32)[:, None]
    return probs, letters


@lru_cache(maxsize=1)
def _log_prior() -> np.ndarray:
    """Log prior of each candidate: German and English share 1 - PRIOR_OTHER."""
    prior = np.full(len(_CANDIDATES), PRIOR_OTHER / len(OTHER_LANGUAGES))
    prior[:2] = (1.0 - PRIOR_OTHER) / 2
    return np.log(prior).astype(np.float32)
