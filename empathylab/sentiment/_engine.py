"""The VADER algorithm, vectorised over a whole column of texts.

vaderSentiment scores one text at a time with Python loops over its tokens.
:func:`score_texts` runs the same rules over the flat array of all tokens of
all texts: lookups happen once per distinct token (Arrow hash kernels over
the token dictionary), the rules are numpy expressions over the positions of
sentiment words with shifted indices (the 1-3 tokens before a word, the
tokens after it), and per-text sums are ``np.bincount``. The only Python
loops are over the three look-back distances, over batches of texts, and over
the rare texts that hit vaderSentiment's ``but``/``list.index`` accident (see
``LexiconSpec.vader_quirks``).

Reference: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text. ICWSM-14;
implementation ``vaderSentiment`` 3.3.2 (MIT).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._parallel import map_batches, n_threads
from ..text._whitespace import WordSplit, as_arrow, batch_array, text_batches
from ._spec import LexiconSpec
from ._tokens import EmojiTable, Tokens, emoji_tokens, tokenize

__all__ = ["score_texts"]

COLUMNS = ["compound", "positive", "negative", "neutral"]


@dataclass(frozen=True)
class _Compiled:
    """Lookup tables built once per spec."""

    lex_keys: pa.Array
    lex_values: np.ndarray
    boost_keys: pa.Array
    boost_values: np.ndarray
    negations: pa.Array
    vocab: pa.Array  # words used by multi-word rules; token rule code = index + 1
    base: int  # len(vocab) + 1, radix of n-gram keys
    det: np.ndarray  # bool per rule code: determiner negation ("no")
    conj: np.ndarray  # "or", "nor"
    emph_neg: np.ndarray  # "never"
    emph_word: np.ndarray  # "so", "this"
    comparative: np.ndarray  # "least"
    contrast: np.ndarray
    contrast_before: np.ndarray  # weight per rule code
    contrast_after: np.ndarray
    modifier_first: np.ndarray
    modifier_pairs: np.ndarray  # sorted pair keys (first, second)
    neg_exceptions: np.ndarray  # sorted pair keys (negation, word)
    comp_exceptions: np.ndarray  # sorted pair keys (comparative, preceding word)
    special: dict[int, tuple[np.ndarray, np.ndarray]]  # n -> sorted keys, values
    booster_ngrams: dict[int, tuple[np.ndarray, np.ndarray]]
    phrases: dict[int, tuple[np.ndarray, np.ndarray]]
    phrase_first: np.ndarray
    emoji: EmojiTable | None


_CACHE: weakref.WeakKeyDictionary[LexiconSpec, _Compiled] = weakref.WeakKeyDictionary()


def _compile(spec: LexiconSpec) -> _Compiled:
    cached = _CACHE.get(spec)
    if cached is not None:
        return cached
    single_boost = {k: v for k, v in spec.boosters.items() if " " not in k}
    multi_boost = {k: v for k, v in spec.boosters.items() if " " in k}
    words: dict[str, None] = {}
    for group in (
        spec.determiner_negations,
        spec.determiner_conjunctions,
        spec.emphatic_negations,
        spec.emphatic_words,
        spec.comparative_negations,
        spec.contrasts,
        spec.negation_exceptions,
    ):
        words.update(dict.fromkeys(sorted(group)))
    for mapping in (spec.negation_exceptions, spec.comparative_negations):
        for values in mapping.values():
            words.update(dict.fromkeys(sorted(values)))
    for pair in sorted(spec.modifier_pairs):
        words.update(dict.fromkeys(pair))
    for table in (spec.special_cases, multi_boost, spec.phrases):
        for key in table:
            words.update(dict.fromkeys(key.split(" ")))
    vocab = list(words)
    code = {w: i + 1 for i, w in enumerate(vocab)}
    base = len(vocab) + 1
    if base**5 >= 2**62:
        raise ValueError(
            f"the spec's multi-word rules use {len(vocab)} distinct words; at most 6,000 "
            "are supported (n-gram keys must fit 64 bits)."
        )

    def flags(group: object) -> np.ndarray:
        out = np.zeros(base, dtype=bool)
        out[[code[w] for w in group]] = True  # type: ignore[attr-defined]
        return out

    def pair_keys(pairs: list[tuple[str, str]]) -> np.ndarray:
        return np.unique(np.array([code[a] * base + code[b] for a, b in pairs], dtype=np.int64))

    def ngram_tables(table: dict[str, float]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        by_len: dict[int, dict[int, float]] = {}
        for key, value in table.items():
            parts = key.split(" ")
            if len(parts) < 2 or "" in parts:
                continue  # never matches a token sequence, as in vaderSentiment
            k = 0
            for part in parts:
                k = k * base + code[part]
            by_len.setdefault(len(parts), {})[k] = value
        for n, entries in by_len.items():
            keys = np.array(sorted(entries), dtype=np.int64)
            out[n] = (keys, np.array([entries[k] for k in keys.tolist()], dtype=np.float64))
        return out

    before = np.ones(base)
    after = np.ones(base)
    for word, (b, a) in spec.contrasts.items():
        before[code[word]] = b
        after[code[word]] = a
    phrases = ngram_tables(dict(spec.phrases))
    phrase_first = np.zeros(base, dtype=bool)
    phrase_first[[code[k.split(" ")[0]] for k in spec.phrases]] = True
    compiled = _Compiled(
        lex_keys=pa.array(list(spec.lexicon), pa.string()),
        lex_values=np.fromiter(spec.lexicon.values(), np.float64, len(spec.lexicon)),
        boost_keys=pa.array(list(single_boost), pa.string()),
        boost_values=np.fromiter(single_boost.values(), np.float64, len(single_boost)),
        negations=pa.array(sorted(spec.negations), pa.string()),
        vocab=pa.array(vocab, pa.string()),
        base=base,
        det=flags(spec.determiner_negations),
        conj=flags(spec.determiner_conjunctions),
        emph_neg=flags(spec.emphatic_negations),
        emph_word=flags(spec.emphatic_words),
        comparative=flags(spec.comparative_negations),
        contrast=flags(spec.contrasts),
        contrast_before=before,
        contrast_after=after,
        modifier_first=flags({a for a, _ in spec.modifier_pairs}),
        modifier_pairs=pair_keys(sorted(spec.modifier_pairs)),
        neg_exceptions=pair_keys(
            [(n, w) for n, ws in spec.negation_exceptions.items() for w in sorted(ws)]
        ),
        comp_exceptions=pair_keys(
            [(c, w) for c, ws in spec.comparative_negations.items() for w in sorted(ws)]
        ),
        special=ngram_tables(dict(spec.special_cases)),
        booster_ngrams=ngram_tables(multi_boost),
        phrases=phrases,
        phrase_first=phrase_first,
        emoji=EmojiTable.from_mapping(spec.emoji),
    )
    _CACHE[spec] = compiled
    return compiled


def _lookup(keys: np.ndarray, table: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Value of each key in a sorted (keys, values) table; NaN where absent."""
    sorted_keys, values = table
    at = np.searchsorted(sorted_keys, keys)
    at_c = np.minimum(at, sorted_keys.size - 1)
    found = sorted_keys[at_c] == keys
    return np.where(found, values[at_c], np.nan)


def _member(keys: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    if sorted_keys.size == 0:
        return np.zeros(keys.shape, dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), sorted_keys.size - 1)
    return sorted_keys[at] == keys


# bit flags per distinct token, gathered once per token
_SCORED, _UPPER, _PUNCT, _CONTRAST, _MODIFIER, _PHRASE = 1, 2, 4, 8, 16, 32


@dataclass(frozen=True)
class _Vocab:
    """Properties of each distinct raw token (index = dictionary code)."""

    in_lex: np.ndarray
    valence: np.ndarray
    boost: np.ndarray
    is_boost: np.ndarray
    negation: np.ndarray
    upper: np.ndarray
    rule: np.ndarray  # rule-word code, 0 for none
    bangs: np.ndarray
    questions: np.ndarray
    flags: np.ndarray  # uint8 bit flags, see _SCORED ...
    breaks: np.ndarray  # the token ends with one of spec.scope_breaks


#: below this many tokens, _describe looks them up in Python dicts: Arrow builds a hash
#: table of the whole lexicon on every call, which costs more than a few hundred lookups
_SMALL = 512


@functools.lru_cache(maxsize=8)
def _python_tables(spec: LexiconSpec) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Word -> index dicts of the lexicon, the one-word boosters and the rule vocabulary."""
    comp = _compile(spec)
    return tuple(  # type: ignore[return-value]
        {w: i for i, w in enumerate(keys.to_pylist())}
        for keys in (comp.lex_keys, comp.boost_keys, comp.vocab)
    )


def _describe_python(dictionary: pa.Array, spec: LexiconSpec, comp: _Compiled) -> _Vocab:
    """:func:`_describe` for a few tokens, with Python's string methods."""
    lex_index, boost_index, rule_index = _python_tables(spec)
    negations = frozenset(comp.negations.to_pylist())
    raw = [t or "" for t in dictionary.to_pylist()]
    n = len(raw)
    lex = np.full(n, -1, dtype=np.int64)
    boost = np.full(n, -1, dtype=np.int64)
    rule = np.zeros(n, dtype=np.int64)
    negation = np.zeros(n, dtype=bool)
    upper = np.zeros(n, dtype=bool)
    for i, text in enumerate(raw):
        token = text
        if spec.strip_chars:
            stripped = text.strip(spec.strip_chars)
            if len(stripped) >= spec.min_stripped_length:
                token = stripped
        lower = token.lower()
        lex[i] = lex_index.get(lower, -1)
        boost[i] = boost_index.get(lower, -1)
        rule[i] = rule_index.get(lower, -1) + 1
        negation[i] = lower in negations or any(p in lower for p in spec.negation_substrings)
        upper[i] = token.isupper()
    bangs = np.array([t.count("!") for t in raw], dtype=np.int64)
    questions = np.array([t.count("?") for t in raw], dtype=np.int64)
    breaks = np.zeros(n, dtype=bool)
    if spec.scope_breaks:
        ends = re.compile(_breaks_pattern(spec.scope_breaks))
        breaks = np.array([ends.search(t) is not None for t in raw], dtype=bool)
    return _vocab(comp, lex, boost, negation, rule, upper, bangs, questions, breaks)


def _vocab(
    comp: _Compiled,
    lex: np.ndarray,
    boost: np.ndarray,
    negation: np.ndarray,
    rule: np.ndarray,
    upper: np.ndarray,
    bangs: np.ndarray,
    questions: np.ndarray,
    breaks: np.ndarray,
) -> _Vocab:
    in_lex, is_boost = lex >= 0, boost >= 0
    flags = (
        (in_lex & ~is_boost) * _SCORED
        + upper * _UPPER
        + ((bangs > 0) | (questions > 0)) * _PUNCT
        + comp.contrast[rule] * _CONTRAST
        + comp.modifier_first[rule] * _MODIFIER
        + comp.phrase_first[rule] * _PHRASE
    ).astype(np.uint8)
    return _Vocab(
        in_lex=in_lex,
        valence=_gather(comp.lex_values, lex),
        boost=_gather(comp.boost_values, boost),
        is_boost=is_boost,
        negation=negation,
        upper=upper,
        rule=rule,
        bangs=bangs,
        questions=questions,
        flags=flags,
        breaks=breaks,
    )


def _breaks_pattern(chars: str) -> str:
    """A token that ends with one of ``chars`` (closing quotes and brackets may follow)."""
    escaped = "".join("\\" + c if c in "\\^]-[" else c for c in chars)
    return f"[{escaped}][\"'\\)\\]»«“”’]*$"


def _describe(dictionary: pa.Array, spec: LexiconSpec, comp: _Compiled) -> _Vocab:
    if len(dictionary) < _SMALL:
        return _describe_python(dictionary, spec, comp)
    raw = dictionary
    token = raw
    if spec.strip_chars:
        stripped = pc.utf8_trim(raw, characters=spec.strip_chars)
        long_enough = pc.greater_equal(pc.utf8_length(stripped), spec.min_stripped_length)
        token = pc.if_else(long_enough, stripped, raw)
    lower = pc.utf8_lower(token)

    def index(values: pa.Array) -> np.ndarray:
        found = pc.index_in(lower, value_set=values)
        return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)

    def numpy_bool(array: pa.Array) -> np.ndarray:
        return pc.fill_null(array, False).to_numpy(zero_copy_only=False).astype(bool)

    def count(char: str) -> np.ndarray:
        return pc.count_substring(raw, char).to_numpy(zero_copy_only=False).astype(np.int64)

    lex = index(comp.lex_keys)
    boost = index(comp.boost_keys)
    negation = numpy_bool(pc.is_in(lower, value_set=comp.negations))
    for part in spec.negation_substrings:
        negation |= numpy_bool(pc.match_substring(lower, part))
    rule = index(comp.vocab) + 1
    upper = numpy_bool(pc.utf8_is_upper(token))
    bangs, questions = count("!"), count("?")
    breaks = np.zeros(len(raw), dtype=bool)
    if spec.scope_breaks:
        breaks = numpy_bool(pc.match_substring_regex(raw, _breaks_pattern(spec.scope_breaks)))
    return _vocab(comp, lex, boost, negation, rule, upper, bangs, questions, breaks)


def _gather(values: np.ndarray, index: np.ndarray) -> np.ndarray:
    """``values[index]``, 0.0 where ``index`` is -1 (not found)."""
    if values.size == 0:
        return np.zeros(index.shape)
    return np.where(index >= 0, values[np.maximum(index, 0)], 0.0)


def _ngram(rule: np.ndarray, u: np.ndarray, positions: list[np.ndarray], base: int) -> np.ndarray:
    """Key of the rule-word n-gram at the given token positions."""
    key = np.zeros(positions[0].shape, dtype=np.int64)
    for p in positions:
        key = key * base + rule[u[p]]
    return key


def _phrases(
    tok: Tokens, first: np.ndarray, rule: np.ndarray, comp: _Compiled
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Phrase matches: (head positions, head valences, positions inside a phrase).

    ``first`` are the positions of tokens that start some phrase.
    """
    n = tok.codes.size
    heads: list[np.ndarray] = []
    values: list[np.ndarray] = []
    covered = np.zeros(n, dtype=bool)
    remaining = tok.n_tokens[tok.text[first]] - tok.position(first)
    # every word of a phrase is a rule word: how many rule words start at each candidate
    reach = np.ones(first.size, dtype=np.int64)
    alive = np.flatnonzero(remaining > 1)
    for m in range(1, max(comp.phrases)):
        alive = alive[rule[tok.codes[first[alive] + m]] > 0]
        reach[alive] = m + 1
        alive = alive[remaining[alive] > m + 1]
    for length in sorted(comp.phrases, reverse=True):
        start = first[reach >= length]
        key = _ngram(rule, tok.codes, [start + m for m in range(length)], comp.base)
        value = _lookup(key, comp.phrases[length])
        hit = ~np.isnan(value)
        start, value = start[hit], value[hit]
        # the longest match wins, then the leftmost: drop a match whose start lies in an
        # earlier match of the same length (starts are sorted) or in a longer match
        ok = np.ones(start.size, dtype=bool)
        ok[1:] = start[1:] >= start[:-1] + length
        for m in range(length):
            ok &= ~covered[start + m]
        start, value = start[ok], value[ok]
        for m in range(length):
            covered[start + m] = True
        heads.append(start)
        values.append(value)
    head = np.concatenate(heads) if heads else np.zeros(0, dtype=np.int64)
    head_value = np.concatenate(values) if values else np.zeros(0)
    inner = covered.copy()
    inner[head] = False
    return head, head_value, inner


def _but_quirk(
    text: np.ndarray, valence: np.ndarray, weighted: np.ndarray, factor: np.ndarray
) -> np.ndarray:
    """Redo vaderSentiment's ``_but_check`` where ``list.index`` changes the result.

    vaderSentiment re-weights ``sentiments[sentiments.index(x)]``: when an
    earlier, already re-weighted value equals a later original one, the
    earlier is weighted again and the later not at all. Only texts where a
    weighted value equals an original value can be affected; those (rare)
    texts are replayed exactly.
    """
    moved = (factor != 1.0) & (valence != 0)
    nonzero = valence != 0
    t = np.concatenate([text[nonzero], text[moved]])
    bits = np.concatenate([valence[nonzero], weighted[moved]]).view(np.int64)
    kind = np.concatenate([np.zeros(nonzero.sum(), np.int8), np.ones(moved.sum(), np.int8)])
    order = np.lexsort((kind, bits, t))
    t, bits, kind = t[order], bits[order], kind[order]
    same = (t[1:] == t[:-1]) & (bits[1:] == bits[:-1]) & (kind[1:] != kind[:-1])
    suspects = np.unique(t[1:][same])
    if suspects.size == 0:
        return weighted
    weighted = weighted.copy()
    # the words of the suspect texts, grouped by text (stable: in order within a text)
    rows = np.flatnonzero(np.isin(text, suspects))
    rows = rows[np.argsort(text[rows], kind="stable")]
    bounds = np.flatnonzero(np.diff(text[rows])) + 1
    all_values, all_weights = valence[rows].tolist(), factor[rows].tolist()
    out = list(all_values)
    for lo, hi in zip([0, *bounds.tolist()], [*bounds.tolist(), rows.size], strict=True):
        original = all_values[lo:hi]  # about one text in a hundred
        current = list(original)
        weights = all_weights[lo:hi]
        for value in original:
            at = current.index(value)
            current[at] *= weights[at]
        out[lo:hi] = current
    weighted[rows] = out
    return weighted


@dataclass(frozen=True)
class Shared:
    """A column's shared token dictionary as one spec sees it, computed once.

    ``pieces``/``counts`` are the spec's ``token_rewrite`` of the dictionary
    (None without one) and ``vocab`` what the rules need of each token the
    engine will look at (the pieces when there is a rewrite);
    ``preprocess_flags`` the ``preprocess`` hook's flags of the dictionary
    (None when it has no ``flags``) and ``emoji`` whether each token holds one
    of the spec's emoji (None without emoji).
    """

    size: int
    pieces: pa.Array | None
    counts: np.ndarray | None
    vocab: _Vocab
    reorder_flags: np.ndarray | None
    dictionary: pa.Array
    preprocess_flags: np.ndarray | None = None
    emoji: np.ndarray | None = None

    def find(self, tokens: pa.Array) -> np.ndarray:
        """Code of each token in the shared dictionary, -1 where it has none.

        The few ``tokens`` are hashed and the dictionary probed (hashing the
        dictionary would cost more); of equal spellings in the dictionary any
        one is found (they share all tables).
        """
        if not len(tokens) or not self.size:
            return np.full(len(tokens), -1, dtype=np.int64)
        encoded = pc.dictionary_encode(tokens)  # a spelling may repeat among the tokens
        distinct = np.full(len(encoded.dictionary), -1, dtype=np.int64)
        index = pc.index_in(self.dictionary, value_set=encoded.dictionary)
        valid = index.is_valid()
        distinct[index.filter(valid).to_numpy()] = np.flatnonzero(
            valid.to_numpy(zero_copy_only=False))
        return distinct[encoded.indices.to_numpy()]


def shared_tables(dictionary: pa.Array, spec: LexiconSpec) -> Shared:
    """:class:`Shared` tables of ``dictionary`` (a :class:`WordSplit`'s) under ``spec``."""
    comp = _compile(spec)
    # large dictionaries are described in parts on the thread pool
    parts = min(n_threads(), max(1, len(dictionary) // 20_000))
    bounds = np.linspace(0, len(dictionary), parts + 1).astype(int)

    text_flags = getattr(spec.preprocess, "flags", None)

    def describe_part(i: int) -> tuple[pa.Array | None, np.ndarray | None, _Vocab, Any, Any, Any]:
        part = dictionary.slice(bounds[i], bounds[i + 1] - bounds[i])
        pieces, counts = _rewrite(spec, part) if spec.token_rewrite is not None else (None, None)
        seen = part if pieces is None else pieces
        flags = spec.token_reorder.flags(seen) if spec.token_reorder is not None else None
        before = text_flags(part) if text_flags is not None else None
        emoji = emoji_tokens(part, comp.emoji) if comp.emoji is not None else None
        return pieces, counts, _describe(seen, spec, comp), flags, before, emoji

    done = map_batches(describe_part, range(parts))
    vocab = done[0][2]
    for more in done[1:]:
        vocab = _concat_vocab(vocab, more[2])
    pieces = counts = flags = before = emoji = None
    if spec.token_rewrite is not None:
        pieces = pa.concat_arrays([d[0] for d in done])
        counts = np.concatenate([d[1] for d in done])
    if spec.token_reorder is not None:
        flags = np.concatenate([d[3] for d in done])
    if text_flags is not None:
        before = np.concatenate([d[4] for d in done])
    if comp.emoji is not None:
        emoji = np.concatenate([d[5] for d in done])
    return Shared(len(dictionary), pieces, counts, vocab, flags, dictionary, before, emoji)


def _fold_extras(tok: Tokens, shared: Shared, start: int) -> Tokens:
    """Tokens whose dictionary entries from ``start`` on are mapped onto the shared one.

    The tokens of texts with emoji are made per batch (descriptions inserted),
    and texts that a spec's ``preprocess`` rewrote are tokenised anew; most of
    their tokens are words the shared dictionary already holds, whose tables
    need not be computed again. The result's dictionary is the shared one plus
    the tokens it lacks.
    """
    if len(tok.dictionary) <= start:
        return tok
    rest = tok.dictionary.slice(start)
    where = shared.find(rest)
    new = np.flatnonzero(where < 0)
    where[new] = shared.size + np.arange(new.size)
    dictionary = (pa.concat_arrays([shared.dictionary, rest.take(pa.array(new))])
                  if new.size else shared.dictionary)
    codes = tok.codes.copy()
    later = np.flatnonzero(codes >= start)
    codes[later] = where[codes[later] - start]
    return dataclasses.replace(tok, codes=codes, dictionary=dictionary)


def _concat_vocab(first: _Vocab, rest: _Vocab) -> _Vocab:
    return _Vocab(**{
        f.name: np.concatenate([getattr(first, f.name), getattr(rest, f.name)])
        for f in dataclasses.fields(_Vocab)
    })


def _rewrite(spec: LexiconSpec, dictionary: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """``spec.token_rewrite(dictionary)``, checked."""
    assert spec.token_rewrite is not None  # callers check; narrows the type
    if len(dictionary) == 0:
        return pa.array([], pa.string()), np.zeros(0, dtype=np.int64)
    pieces, counts = spec.token_rewrite(dictionary)
    counts = np.asarray(counts, dtype=np.int64)
    if counts.shape != (len(dictionary),) or (counts < 0).any() or counts.sum() != len(pieces):
        raise ValueError(
            f"`token_rewrite` of spec {spec.name!r} must return the replacing tokens and one "
            f"count >= 0 per token ({len(dictionary)}) that add up to the number of "
            f"replacing tokens, but returned {len(pieces)} tokens and counts of shape "
            f"{counts.shape} summing to {int(counts.sum())}."
        )
    pieces = pieces.cast(pa.string()) if pieces.type != pa.string() else pieces
    return pieces, counts


def _expand(tok: Tokens, pieces: pa.Array, counts: np.ndarray) -> Tokens:
    """The token stream with each token replaced by its pieces (codes into ``pieces``)."""
    piece_start = (np.cumsum(counts) - counts).astype(np.int32)
    first_piece = piece_start[tok.codes]
    odd = counts != 1
    changed = np.flatnonzero(odd[tok.codes]) if odd.any() else np.zeros(0, dtype=np.int64)
    if not changed.size:  # nothing split or dropped here
        return dataclasses.replace(tok, codes=first_piece, dictionary=pieces)
    n = tok.codes.size
    n_changed = counts[tok.codes[changed]]  # the few tokens split into several or dropped
    n_per = np.ones(n, dtype=np.int64)
    n_per[changed] = n_changed
    stream_start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(n_per, out=stream_start[1:])
    codes = np.repeat(first_piece, n_per)
    multi = changed[n_changed > 1]
    for k in range(1, int(n_changed.max(initial=1))):
        more = multi[n_per[multi] > k]
        codes[stream_start[more] + k] += k
    text = np.repeat(tok.text, n_per)
    n_tokens = tok.n_tokens + np.bincount(
        tok.text[changed], weights=n_changed - 1, minlength=tok.n_tokens.size
    ).astype(np.int64)
    first = stream_start[np.minimum(tok.first, n)]
    return Tokens(codes=codes, dictionary=pieces, text=text, first=first, n_tokens=n_tokens)


def _prepare(
    tok: Tokens, spec: LexiconSpec, comp: _Compiled, shared: Shared | None
) -> tuple[Tokens, _Vocab]:
    """Apply the spec's token hooks and describe the tokens the rules will see."""
    known = shared.size if shared is not None else 0
    extra = tok.dictionary.slice(known)  # all of it without shared tables
    if spec.token_rewrite is not None:
        pieces, counts = _rewrite(spec, extra)
        new = pieces  # the tokens the rules see that the shared tables do not describe
        if shared is not None and shared.pieces is not None and shared.counts is not None:
            pieces = pa.concat_arrays([shared.pieces, pieces])
            counts = np.concatenate([shared.counts, counts])
        tok = _expand(tok, pieces, counts)
    else:
        new = extra
    voc = _describe(new, spec, comp)
    if shared is not None:
        voc = _concat_vocab(shared.vocab, voc)
    if spec.token_reorder is not None:
        flags = spec.token_reorder.flags(new)
        if shared is not None and shared.reorder_flags is not None:
            flags = np.concatenate([shared.reorder_flags, flags])
        order = np.asarray(spec.token_reorder(tok, flags), dtype=np.int64)
        if order.shape != tok.codes.shape:
            moved = np.zeros(0, dtype=np.int64)
        else:  # the few positions that take another token
            moved = np.flatnonzero(order != np.arange(order.size))
        if order.shape != tok.codes.shape or not np.array_equal(tok.text[order[moved]],
                                                                tok.text[moved]):
            raise ValueError(
                f"`token_reorder` of spec {spec.name!r} must return a permutation of the "
                f"{tok.codes.size} token positions that keeps each token within its text."
            )
        if moved.size:
            codes = tok.codes.copy()
            codes[moved] = tok.codes[order[moved]]
            tok = dataclasses.replace(tok, codes=codes)
    return tok, voc


def _score_batch(
    texts: pa.Array,
    spec: LexiconSpec,
    comp: _Compiled,
    split: WordSplit | None = None,
    shared: Shared | None = None,
) -> np.ndarray:
    """Scores (compound, positive, negative, neutral) of one batch, shape (n, 4).

    ``split`` is the batch's whitespace split when the caller already made one,
    and ``shared`` :func:`shared_tables` of the column's dictionary (shared by
    its batches); without ``split``, the batch's own tokens are mapped onto it.
    """
    n_texts = len(texts)
    tok = tokenize(texts, comp.emoji, split, shared.emoji if shared is not None else None)
    if shared is not None:
        tok = _fold_extras(tok, shared, shared.size if split is not None else 0)
    tok, voc = _prepare(tok, spec, comp, shared)
    u, text, n_tokens = tok.codes, tok.text, tok.n_tokens
    pos = tok.position
    n = u.size
    flagged = np.flatnonzero(voc.flags[u])  # the few tokens any rule looks at
    flags = voc.flags[u[flagged]]

    def having(flag: int) -> np.ndarray:
        return flagged[(flags & flag) != 0]

    upper_count = np.bincount(text[having(_UPPER)], minlength=n_texts)
    cap_diff = (upper_count > 0) & (upper_count < n_tokens)
    punct = having(_PUNCT)
    bangs = np.bincount(text[punct], weights=voc.bangs[u[punct]], minlength=n_texts)
    questions = np.bincount(text[punct], weights=voc.questions[u[punct]], minlength=n_texts)

    # the scored tokens: lexicon words that are not boosters, not "kind" of "kind of"
    at = having(_SCORED)  # positions of sentiment words
    if comp.modifier_pairs.size:
        first = having(_MODIFIER)
        first = first[pos(first) + 1 < n_tokens[text[first]]]
        pair = voc.rule[u[first]] * comp.base + voc.rule[u[first + 1]]
        at = at[~np.isin(at, first[_member(pair, comp.modifier_pairs)])]
    head = np.zeros(0, dtype=np.int64)
    head_value = np.zeros(0)
    if comp.phrases:
        head, head_value, inner = _phrases(tok, having(_PHRASE), voc.rule, comp)
        keep = np.zeros(n, dtype=bool)
        keep[at] = True
        keep &= ~inner
        keep[head] = True
        at = np.flatnonzero(keep)
        keep[:] = False
        keep[head] = True
        is_head = keep[at]
    else:
        is_head = np.zeros(at.size, dtype=bool)
    base_value = voc.valence[u[at]]
    if head.size:
        base_value[np.searchsorted(at, head)] = head_value
    t_at, p_at = text[at], pos(at)
    count_at = n_tokens[t_at]
    caps = cap_diff[t_at] if spec.caps_emphasis else np.zeros(at.size, dtype=bool)
    # shifted views: the k-th token before (k = 1..3) and the tokens after
    ok = [np.ones(at.size, dtype=bool)] + [p_at >= k for k in (1, 2, 3)]
    prev = [at] + [np.maximum(at - k, 0) for k in (1, 2, 3)]
    r = [voc.rule[u[p]] for p in prev]
    nxt = [np.minimum(at + k, max(n - 1, 0)) for k in (1, 2)]
    nxt_ok = [p_at + k < count_at for k in (1, 2)]

    v = base_value.copy()
    # VADER's "no": 0 before a lexicon word; negates 1-2 words on (3 across "or"/"nor")
    no_before = comp.det[r[0]] & ~is_head & nxt_ok[0] & voc.in_lex[u[nxt[0]]]
    v[no_before] = 0.0
    # a negation does not reach across a token that ends with a scope break (". , ;")
    crossed = [np.zeros(at.size, dtype=bool)] * 3
    if spec.scope_breaks:  # the token at distance k itself ends with a break, or one between
        b = [ok[k] & voc.breaks[u[prev[k]]] for k in (1, 2, 3)]
        crossed = [b[0], b[0] | b[1], b[0] | b[1] | b[2]]
    after_no = (
        (ok[1] & comp.det[r[1]] & ~crossed[0])
        | (ok[2] & comp.det[r[2]] & ~crossed[1])
        | (ok[3] & comp.det[r[3]] & comp.conj[r[1]] & ~crossed[2])
    )
    v[after_no] = base_value[after_no] * spec.negation_scalar
    up = voc.upper[u[at]] & caps
    v[up] += np.where(v[up] > 0, spec.caps_increment, -spec.caps_increment)

    N, E = spec.negation_scalar, spec.emphatic_scalar
    for k in (1, 2, 3):
        uk = u[prev[k]]
        act = ok[k] & ~voc.in_lex[uk]
        s = np.where(v < 0, -voc.boost[uk], voc.boost[uk])
        cap_boost = voc.is_boost[uk] & voc.upper[uk] & caps
        s = np.where(cap_boost, s + np.where(v > 0, spec.caps_increment, -spec.caps_increment), s)
        v = np.where(act, v + s * spec.booster_decay[k - 1], v)
        negated = voc.negation[uk] & ~crossed[k - 1]  # "not." reaches nothing after it
        if k == 1:
            v = np.where(act & negated, v * N, v)
            continue
        if k == 2:
            emphatic = comp.emph_neg[r[2]] & comp.emph_word[r[1]]
            excepted = _member(r[2] * comp.base + r[1], comp.neg_exceptions)
        else:
            emphatic = comp.emph_neg[r[3]] & (comp.emph_word[r[2]] | comp.emph_word[r[1]])
            if spec.vader_quirks:  # `a and b or c`: a bare "so"/"this" before the word
                emphatic |= comp.emph_word[r[1]]
            excepted = _member(r[3] * comp.base + r[2], comp.neg_exceptions) | _member(
                r[3] * comp.base + r[1], comp.neg_exceptions
            )
        v = np.where(act & emphatic, v * E, np.where(act & ~excepted & negated, v * N, v))
        if k == 3:  # idioms contain rule words: look only where one is near
            near = np.flatnonzero(act & ((r[0] > 0) | (r[1] > 0) | (r[2] > 0) | (r[3] > 0)))
            v[near] = _special_idioms(
                v[near],
                [x[near] for x in r],
                voc.rule[u[nxt[0][near]]],
                voc.rule[u[nxt[1][near]]],
                [x[near] for x in nxt_ok],
                comp,
            )

    # VADER's "least": negates unless after "at"/"very"
    least = ok[1] & comp.comparative[r[1]] & ~voc.in_lex[u[prev[1]]]
    least &= ~(ok[2] & _member(r[1] * comp.base + r[2], comp.comp_exceptions))
    v = np.where(least, v * N, v)

    # contrast: the first contrast word of a text weighs what comes before and after
    weighted = v
    contrast_at = having(_CONTRAST)
    if contrast_at.size:
        texts_with, first = np.unique(text[contrast_at], return_index=True)
        split_pos = np.full(n_texts, -1, dtype=np.int64)
        split_rule = np.zeros(n_texts, dtype=np.int64)
        split_pos[texts_with] = pos(contrast_at[first])
        split_rule[texts_with] = voc.rule[u[contrast_at[first]]]
        sp, sr = split_pos[t_at], split_rule[t_at]
        factor = np.where(
            sp < 0,
            1.0,
            np.where(
                p_at < sp,
                comp.contrast_before[sr],
                np.where(p_at > sp, comp.contrast_after[sr], 1.0),
            ),
        )
        weighted = v * factor
        if spec.vader_quirks:
            cut = np.flatnonzero(sp >= 0)
            weighted[cut] = _but_quirk(t_at[cut], v[cut], weighted[cut], factor[cut])
    return _aggregate(weighted, t_at, n_texts, n_tokens, bangs, questions, spec)


def _special_idioms(
    v: np.ndarray,
    r: list[np.ndarray],
    r1: np.ndarray,
    r2: np.ndarray,
    nxt_ok: list[np.ndarray],
    comp: _Compiled,
) -> np.ndarray:
    """vaderSentiment's ``_special_idioms_check`` (only reached three tokens in)."""
    b = comp.base
    if comp.special:
        windows = [  # in vaderSentiment's order; the first match wins
            (2, [r[1], r[0]]),
            (3, [r[2], r[1], r[0]]),
            (2, [r[2], r[1]]),
            (3, [r[3], r[2], r[1]]),
            (2, [r[3], r[2]]),
        ]
        found = np.full(v.shape, np.nan)
        for length, parts in windows:
            if length in comp.special:
                value = _lookup_ngram(parts, b, comp.special[length])
                found = np.where(np.isnan(found), value, found)
        for length, parts, valid in (
            (2, [r[0], r1], nxt_ok[0]),
            (3, [r[0], r1, r2], nxt_ok[1]),
        ):
            if length in comp.special:
                value = _lookup_ngram(parts, b, comp.special[length])
                found = np.where(valid & ~np.isnan(value), value, found)
        v = np.where(~np.isnan(found), found, v)
    for length, parts in ((3, [r[3], r[2], r[1]]), (2, [r[3], r[2]]), (2, [r[2], r[1]])):
        if length in comp.booster_ngrams:
            value = _lookup_ngram(parts, b, comp.booster_ngrams[length])
            v = np.where(~np.isnan(value), v + np.nan_to_num(value), v)
    return v


def _lookup_ngram(
    parts: list[np.ndarray], base: int, table: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """Value of the n-gram of rule-word codes ``parts``; NaN where absent.

    Only positions where every part is a rule word (code > 0) can match, and
    only those are looked up.
    """
    valid = parts[0] > 0
    for p in parts[1:]:
        valid &= p > 0
    out = np.full(parts[0].shape, np.nan)
    at = np.flatnonzero(valid)
    if at.size:
        out[at] = _lookup(_ngram_codes([p[at] for p in parts], base), table)
    return out


def _ngram_codes(parts: list[np.ndarray], base: int) -> np.ndarray:
    key = np.zeros(parts[0].shape, dtype=np.int64)
    for p in parts:
        key = key * base + p
    return key


def _aggregate(
    s: np.ndarray,
    t: np.ndarray,
    n_texts: int,
    n_tokens: np.ndarray,
    bangs: np.ndarray,
    questions: np.ndarray,
    spec: LexiconSpec,
) -> np.ndarray:
    """vaderSentiment's ``score_valence`` for all texts at once."""
    total = np.bincount(t, weights=s, minlength=n_texts)
    pos_sum = np.bincount(t, weights=np.where(s > 0, s + 1.0, 0.0), minlength=n_texts)
    neg_sum = np.bincount(t, weights=np.where(s < 0, s - 1.0, 0.0), minlength=n_texts)
    neutral = n_tokens - np.bincount(t, weights=s != 0, minlength=n_texts)
    amp = np.minimum(bangs, spec.exclamation_max) * spec.exclamation_increment
    amp = amp + np.where(
        questions > 1,
        np.where(
            questions <= spec.question_max,
            questions * spec.question_increment,
            spec.question_cap,
        ),
        0.0,
    )
    total = np.where(total > 0, total + amp, np.where(total < 0, total - amp, total))
    compound = np.clip(total / np.sqrt(total * total + spec.alpha), -1.0, 1.0)
    more_positive, more_negative = pos_sum > -neg_sum, pos_sum < -neg_sum
    pos_sum = np.where(more_positive, pos_sum + amp, pos_sum)
    neg_sum = np.where(more_negative, neg_sum - amp, neg_sum)
    denominator = pos_sum - neg_sum + neutral
    has = n_tokens > 0
    safe = np.where(has, denominator, 1.0)
    out = np.zeros((n_texts, 4))
    out[:, 0] = np.where(has, compound, 0.0)
    out[:, 1] = np.where(has, np.abs(pos_sum / safe), 0.0)
    out[:, 2] = np.where(has, np.abs(neg_sum / safe), 0.0)
    out[:, 3] = np.where(has, np.abs(neutral / safe), 0.0)
    return out


def _preprocessed_series(texts: pd.Series, spec: LexiconSpec) -> pd.Series:
    """``spec.preprocess(texts)``, checked to keep the length."""
    assert spec.preprocess is not None  # callers check; narrows the type
    prepared = spec.preprocess(texts)
    if not isinstance(prepared, pd.Series) or len(prepared) != len(texts):
        raise ValueError(
            f"`preprocess` of spec {spec.name!r} must return a Series of the same length "
            f"({len(texts)}), but returned {type(prepared).__name__}"
            f"{f' of length {len(prepared)}' if hasattr(prepared, '__len__') else ''}."
        )
    return prepared


def _preprocessed(texts: pd.Series, spec: LexiconSpec) -> pa.StringArray:
    """``spec.preprocess(texts)`` as one Arrow array, checked to keep the length."""
    prepared = _preprocessed_series(texts, spec)
    return batch_array(as_arrow(prepared), 0, len(prepared))


def score_texts(texts: pd.Series, spec: LexiconSpec) -> pd.DataFrame:
    """Score each text with the VADER algorithm and the resources of ``spec``.

    Vectorised over the whole column; with :func:`vader_spec` the scores
    agree with ``vaderSentiment``'s ``polarity_scores`` (see the parity tests),
    except that they are not rounded (vaderSentiment rounds ``compound`` to 4
    and the shares to 3 decimals).

    Parameters
    ----------
    texts : pandas.Series of str
        Texts to score. Non-string values are scored as their ``str()``.
    spec : LexiconSpec
        Lexicon and rules, e.g. :func:`vader_spec()`.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts``, float columns:

        - ``compound``: normalised sum of valences, -1 (most negative) .. +1;
        - ``positive``, ``negative``, ``neutral``: shares of the text's
          positive, negative and neutral tokens (VADER's ``pos``, ``neg``,
          ``neu``), summing to 1.

        An empty or whitespace-only text gives 0 in all four columns (as
        vaderSentiment does for ``""``); a missing text (NA) gives NaN.

    Notes
    -----
    ALL-CAPS detection uses Arrow's Unicode case tables, which differ from
    Python's ``str.isupper`` only for modifier letters and enclosed letters
    (such as ``ʰ`` or ``🄰``).

    Examples
    --------
    >>> from empathylab.sentiment import vader_spec
    >>> texts = pd.Series(["The food was good, but the service was terrible!", "", None])
    >>> score_texts(texts, vader_spec()).round(3)
       compound  positive  negative  neutral
    0    -0.541     0.146     0.332    0.523
    1     0.000     0.000     0.000    0.000
    2       NaN       NaN       NaN      NaN
    """
    if not isinstance(texts, pd.Series):
        raise TypeError(
            f"`texts` must be a pandas Series of str, but {type(texts).__name__} was passed; "
            "wrap it: pd.Series(texts)."
        )
    if not isinstance(spec, LexiconSpec):
        raise TypeError(
            f"`spec` must be a LexiconSpec (e.g. vader_spec()), but {type(spec).__name__} "
            "was passed."
        )
    comp = _compile(spec)
    missing = texts.isna().to_numpy()
    array = as_arrow(texts)
    scores = np.zeros((len(texts), 4))

    def run(bounds: tuple[int, int]) -> None:
        lo, hi = bounds
        batch = batch_array(array, lo, hi)
        if spec.preprocess is not None:
            batch = _preprocessed(texts.iloc[lo:hi], spec)
        scores[lo:hi] = _score_batch(batch, spec, comp)

    map_batches(run, text_batches(array))
    scores[missing] = np.nan
    return pd.DataFrame(scores, index=texts.index, columns=COLUMNS)
