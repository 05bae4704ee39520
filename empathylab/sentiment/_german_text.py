"""German preprocessing for the sentiment engine: a few text rules, the rest on tokens.

The German rules rewrite what the engine reads: links and @-mentions are not the
writer's words, compounds are split at a valenced head or modifier
("Servicewüste" -> "Service ·wüste"), and German verb-second order puts "nicht"
at the end of the clause ("Gut war es nicht"), where VADER's forward negation
scope cannot see it. Written as regular expressions over whole texts these
rules cost more than the scoring itself (Python's ``re`` over every character,
and a Python call per compound). Here they run where they are cheap:

* two rules that span words run over the text, and only on the texts an Arrow
  (RE2) prefilter lets through: a "Liebe/Lieber" that opens a salutation is
  dropped, and "ich finde nicht, dass ..." moves the negation into the "dass"
  clause (:func:`preprocess_texts`; the spec's ``preprocess`` is :class:`TextRules`,
  which tells :func:`empathylab.sentiment` from the column's distinct tokens which
  texts the prefilter can let through, so the others are not searched at all);
* the rules about single words run once per *distinct* token
  (:func:`rewrite_tokens`, the spec's ``token_rewrite``): links and mentions
  dropped, emoji modifiers removed, elongations read once ("suuuper"), hyphens
  and the punctuation after one- or two-letter words set apart, compounds
  split. Arrow kernels find the few tokens that need a rule; Python rewrites
  only those;
* the clause-final negation moves on the token stream
  (:func:`reorder_tokens`, the spec's ``token_reorder``), a numpy permutation.

:func:`preprocess_german` renders the same pipeline back to text, for reading
what the engine sees.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..text._whitespace import WordSplit, as_arrow, split_texts

if TYPE_CHECKING:
    from ._tokens import Tokens

__all__ = [
    "COMPOUND_MARK",
    "FINAL_NEGATIONS",
    "preprocess_german",
    "preprocess_texts",
    "reorder_tokens",
    "rewrite_tokens",
    "text_rules",
]

#: marks a compound's valenced part for the lexicon ("Servicewüste" -> "Service ·wüste"),
#: so a morpheme that is neutral on its own ("Wüste") keeps its own valence as a word
COMPOUND_MARK = "\u00b7"

# --------------------------------------------------------------------------- text rules
# "Liebe/Lieber/Liebes" opening a salutation ("Liebes Team,", "Hallo liebe Frau Roth",
# "Liebe Frau Roth, lieber Herr Roth"): at the start of a text or line, after a comma or
# a greeting word, and before a capitalised word; the form of address is no judgement
_SALUTATION = re.compile(
    r"(?m)(^(?:\s*@\w+)*\s*|,\s*|\b(?i:hallo|hi|hey|moin|servus)\s+)(?i:liebe[rsn]?)"
    r"(?=\s+[A-ZÄÖÜ])"
)
# "ich finde nicht, dass es schlecht ist": a verb of opinion negated before its "dass"
# clause negates the clause ("neg-raising"); the negation moves behind "dass"
_NEG_RAISING = re.compile(
    r"\b((?:finde|fand|finden|glaube|glaubte|glauben|denke|dachte|denken|meine|meinte)"
    r"(?:\s+(?:ich|wir))?)\s+(nicht)(\s*,?\s*)(dass|daß)\b",
    re.IGNORECASE,
)
#: name -> (Arrow prefilter, pattern, replacement); Python's regex runs only where the
#: prefilter matches
_TEXT_STEPS = {
    "salutation": (r"[Ll]iebe[rsn]?[ \t\n\r\f\v]+[A-ZÄÖÜ]", _SALUTATION, r"\1"),
    "neg_raising": (r"(?i)nicht[ \t\n\r\f\v,]*da(?:ss|ß)", _NEG_RAISING, r"\1\3\4 \2"),
}


def preprocess_texts(texts: pd.Series) -> pd.Series:
    """The German text rules that span words (salutation, neg-raising); the rest is on tokens.

    Examples
    --------
    >>> preprocess_texts(pd.Series(["Liebes Team, ich finde nicht, dass es gut war."]))[0]
    ' Team, ich finde, dass nicht es gut war.'
    """
    out = texts.astype("string")
    arrow = as_arrow(out)
    values = None
    for prefilter, pattern, replacement in _TEXT_STEPS.values():
        rows = np.flatnonzero(_mask(pc.match_substring_regex(arrow, prefilter)))
        if rows.size:
            if values is None:
                values = out.to_numpy(dtype=object, copy=True)
            values[rows] = [pattern.sub(replacement, text) for text in values[rows]]
            arrow = pa.array(values, pa.large_string(), from_pandas=True)
    return out if values is None else pd.Series(values, index=texts.index, dtype="string")


# What a text's whitespace tokens must hold for a prefilter of _TEXT_STEPS to match it.
# A prefilter match crosses token boundaries only at the ASCII whitespace it allows:
# "[Ll]iebe[rsn]?" before whitespace ends a token; "nicht", optional commas, whitespace
# and "dass" is a token ending in "nicht,*" and a later one starting with ",*dass", or
# all of it in one token.
_SALUTATION_END, _NICHT_END, _DASS_START, _NICHT_DASS = 1, 2, 4, 8
_TOKEN_PREFILTERS = (
    (_SALUTATION_END, r"[Ll]iebe[rsn]?$"),
    (_NICHT_END, r"(?i)nicht,*$"),
    (_DASS_START, r"(?i)^,*da(?:ss|ß)"),
    (_NICHT_DASS, r"(?i)nicht,*da(?:ss|ß)"),
)


class TextRules:
    """:func:`preprocess_texts` as the spec's ``preprocess``, told which texts it may change.

    Calling the object runs the text rules. :meth:`flags` describes each distinct
    whitespace token once (the engine keeps the result per column) and
    :meth:`candidates` marks the texts whose tokens could let a rule's prefilter
    match: a superset of the texts the rules change. The engine runs the rules on
    those texts only, not over every character of the column.
    """

    def __call__(self, texts: pd.Series) -> pd.Series:
        return preprocess_texts(texts)

    def flags(self, dictionary: pa.Array) -> np.ndarray:
        """Bit flags (``_TOKEN_PREFILTERS``) of each distinct token, uint8."""
        out = np.zeros(len(dictionary), dtype=np.uint8)
        # every pattern needs "liebe", "nicht" or "dass": one pass finds the few tokens
        maybe = np.flatnonzero(_mask(pc.match_substring_regex(
            dictionary, "(?i)liebe|nicht|da(?:ss|ß)")))
        if maybe.size:
            some = dictionary.take(pa.array(maybe))
            for bit, pattern in _TOKEN_PREFILTERS:
                out[maybe[_mask(pc.match_substring_regex(some, pattern))]] |= np.uint8(bit)
        return out

    def candidates(self, split: WordSplit, flags: np.ndarray) -> np.ndarray:
        """Whether each text of ``split`` may be changed by the rules (bool per text)."""
        n = split.counts.size
        at = np.flatnonzero((flags != 0)[split.codes])
        ends = np.cumsum(split.counts)
        text, bits = np.searchsorted(ends, at, side="right"), flags[split.codes[at]]

        def having(bit: int) -> np.ndarray:
            out = np.zeros(n, dtype=bool)
            out[text[(bits & bit) != 0]] = True
            return out

        return (having(_SALUTATION_END) | having(_NICHT_DASS)
                | (having(_NICHT_END) & having(_DASS_START)))


#: the spec's ``preprocess``
text_rules = TextRules()


# --------------------------------------------------------------------------- token rules
# links and @-mentions are not the writer's words ("@SuperMario", "/super-angebote")
_NOT_PROSE = re.compile(
    r"(?:https?://|www\.)[^ \t\n\r\f\v]+|(^|[^A-Za-z0-9_.@äöüÄÖÜß])@[A-Za-z0-9_äöüÄÖÜß]+"
)
# emoji variation selectors, zero-width joiners and skin tones (the emoji itself is kept)
_EMOJI_MODIFIERS = re.compile("[\ufe0f\u200d\U0001f3fb-\U0001f3ff]")
# a letter written three or more times ("suuuper", "niiicht") is read once
_ELONGATION = re.compile(r"([^\W\d_])\1{2,}")
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# an ellipsis glued to the next word ends the word before it ("nicht...hab", "Ok....gut")
_ELLIPSIS = re.compile(r"(?<=[^\W\d_])(\.{2,}|…)(?=[^\W\d_])")
# punctuation after a word of one or two letters ("Hut ab!", "ok.") is set apart: the
# engine, like VADER, strips punctuation only when three characters remain
_SHORT_WORD_PUNCT = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2})([!?.,;:]+)$")
_LONG_WORD = re.compile(r"\b[^\W\d_]{6,}\b")
#: the rest of a compound must have at least this many letters
_MIN_REST = 3
#: verb prefixes, not compound parts ("Zerstörung" is no "Störung")
_PREFIXES = frozenset({"zer", "ver", "ent", "emp", "miss", "über", "unter", "wider", "hinter"})

# The same rules as Arrow (RE2) rewrites, run over the distinct tokens in this order;
# Python's regex runs only for elongations (backreferences) and possible compounds.
_ARROW_REWRITES: tuple[tuple[tuple[str, ...] | None, str, str], ...] = (
    # (cheap filter: literals one of which the token must contain, pattern, replacement)
    (("@", "http", "www."),
     r"(?:https?://|www\.)[^ \t\n\r\f\v]+|(^|[^A-Za-z0-9_.@äöüÄÖÜß])@[A-Za-z0-9_äöüÄÖÜß]+",
     r"\1 "),
    ((), r"[\x{fe0f}\x{200d}\x{1f3fb}-\x{1f3ff}]", ""),  # () = the tokens that are not ASCII
    (None, "", ""),  # elongation, in Python on the tokens the prefilter below finds
    (("-",), r"(\pL)-(\pL)", r"\1 \2"),
    (("-",), r"(\pL)-(\pL)", r"\1 \2"),  # again for "a-b-c" (matches do not overlap)
    (("..", "…"), r"(\pL)(\.{2,}|…)(\pL)", r"\1\2 \3"),
    (("..", "…"), r"(\pL)(\.{2,}|…)(\pL)", r"\1\2 \3"),  # "a..b..c"
)
_TRIPLED = "(?i:" + "|".join(f"{c}{c}{c}" for c in "abcdefghijklmnopqrstuvwxyzäöüß") + ")"
# any token one of _ARROW_REWRITES may change (a superset: their filters and elongations)
_TOUCHED = (r"@|https?://|www\.|-|\.\.|…|[\x{fe0f}\x{200d}\x{1f3fb}-\x{1f3ff}]|"
            + _TRIPLED)
_SHORT_WORD_RE2 = (r"(^|[^\pL])(\pL{1,2})([!?.,;:]+)$", r"\1\2 \3")  # on each piece
# punctuation around a word; a piece that is such a word of 6+ letters may be a compound
_AROUND = "".join(sorted(set(string.punctuation) | set("«»„“”‘’‚…–—·")))
_LONG_RUN = r"\pL{6,}"


def _split_word(word: str) -> str:
    """``word`` split at its strongest valenced head or modifier (marked), else unchanged.

    The longest head that ends the word (the rest at least three letters, not a verb
    prefix, not ending in the head's exclusions) and the longest modifier that
    starts it (the rest not starting with the modifier's exclusions) compete; the
    stronger valence wins.
    """
    from ._german import _all_forms, _compounds

    lower = word.lower()
    if lower in _all_forms()[0]:
        return word
    heads, modifiers, exclusions = _compounds()
    best: tuple[float, str] = (0.0, word)
    for i in range(_MIN_REST, len(lower) - 2):  # longest head first
        head = lower[i:]
        if head in heads:
            rest = lower[:i]
            if rest not in _PREFIXES and not rest.endswith(exclusions.get(head, ("\0",))):
                best = (abs(heads[head]), f"{word[:i]} {COMPOUND_MARK}{word[i:]}")
            break
    for j in range(len(lower) - _MIN_REST, 2, -1):  # longest modifier first
        modifier = lower[:j]
        if modifier in modifiers:
            if not lower[j:].startswith(exclusions.get(modifier, ("\0",))):
                if abs(modifiers[modifier]) > best[0]:
                    best = (abs(modifiers[modifier]), f"{COMPOUND_MARK}{word[:j]} {word[j:]}")
            break
    return best[1]


def _rewrite_one(token: str) -> str:
    """Every token rule on one token, in order (the result may hold spaces)."""
    token = _NOT_PROSE.sub(r"\1 ", token)
    token = _EMOJI_MODIFIERS.sub("", token)
    token = _ELONGATION.sub(r"\1", token)
    token = _HYPHEN.sub(" ", token)
    token = _ELLIPSIS.sub(r"\1 ", token)
    token = " ".join(_SHORT_WORD_PUNCT.sub(r"\1 \2", part) for part in token.split())
    token = " ".join(_NEG_PUNCT.sub(r"\1 \2", part) for part in token.split())
    return _LONG_WORD.sub(lambda m: _split_word(m.group(0)), token)


@cache
def _compound_pattern(anchored: bool = True) -> str:
    """RE2 pattern of lower-case words that start with a modifier or end with a head.

    ``anchored=False``: such a word anywhere in a string (between non-letters).
    """
    from ._german import _compounds

    heads, modifiers, _ = _compounds()

    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    start, end = ("^", "$") if anchored else (r"(?:^|[^\pL])", r"(?:$|[^\pL])")
    return (rf"{start}(?:{alternation(modifiers)})\pL{{3,}}{end}"
            rf"|{start}\pL{{3,}}(?:{alternation(heads)}){end}")


@cache
def _lexicon_forms() -> pa.Array:
    from ._german import _all_forms

    return pa.array(sorted(_all_forms()[0]), pa.string())


def _mask(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False).astype(bool)


#: below this many distinct tokens the token rules run in Python (Arrow compiles each of
#: its regular expressions anew on every call, which costs more than a few hundred tokens)
_SMALL = 1000


def _resplit(tokens: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """Tokens split on the spaces the rules inserted: the pieces, and how many per token."""
    lists = pc.utf8_split_whitespace(pc.utf8_trim_whitespace(tokens))
    flat = pc.list_flatten(lists)
    counts = pc.list_value_length(lists).to_numpy().astype(np.int64)
    empty = _mask(pc.equal(pc.binary_length(flat), 0))
    if empty.any():  # an emptied token ("@anna") splits into one empty string: no pieces
        owner = np.repeat(np.arange(counts.size), counts)
        flat = flat.filter(pa.array(~empty))
        counts = np.bincount(owner[~empty], minlength=counts.size).astype(np.int64)
    return flat, counts


def _resplit_at(tokens: pa.Array, at: np.ndarray, new: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """:func:`_resplit` of ``tokens`` with the tokens at ``at`` replaced by ``new``.

    The other tokens must hold no whitespace and not be empty (pieces of a
    split): each stays one piece, and only ``new`` is split.
    """
    counts = np.ones(len(tokens), dtype=np.int64)
    if not at.size:
        return tokens, counts
    parts, n_parts = _resplit(new)
    counts[at] = n_parts
    # the pieces in order: a gather over [tokens, parts]
    start = np.cumsum(counts) - counts
    order = np.empty(int(counts.sum()), dtype=np.int64)
    kept = np.ones(len(tokens), dtype=bool)
    kept[at] = False
    kept = np.flatnonzero(kept)
    order[start[kept]] = kept
    owner = np.repeat(at, n_parts)
    rank = np.arange(owner.size) - np.repeat(np.cumsum(n_parts) - n_parts, n_parts)
    order[start[owner] + rank] = len(tokens) + np.arange(owner.size)
    return pa.concat_arrays([tokens, parts]).take(pa.array(order)), counts


def _replaced(tokens: pa.Array, where: np.ndarray, pattern: str, replacement: str
              ) -> tuple[np.ndarray, pa.Array]:
    """Positions where ``where`` is True and ``replace_substring_regex`` of those tokens."""
    at = np.flatnonzero(where)
    return at, pc.replace_substring_regex(tokens.take(pa.array(at)), pattern, replacement)


def _compose(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Pieces per token after two splits (``second`` counts per piece of the first)."""
    owner = np.repeat(np.arange(first.size), first)
    return np.bincount(owner, weights=second, minlength=first.size).astype(np.int64)


def _python_at(tokens: pa.Array, at: np.ndarray, fn: Callable[[str], str]) -> pa.Array:
    """``tokens`` with ``fn`` applied to the tokens at positions ``at``."""
    if not at.size:
        return tokens
    mask = np.zeros(len(tokens), dtype=bool)
    mask[at] = True
    new = pa.array([fn(t) for t in tokens.take(pa.array(at)).to_pylist()], pa.string())
    return pc.replace_with_mask(tokens, pa.array(mask), new)


def _contains_any(tokens: pa.Array, needles: tuple[str, ...]) -> np.ndarray:
    """Whether each token contains one of the literal ``needles`` (a cheap prefilter);
    no needles: whether it is not plain ASCII."""
    if not needles:
        return ~_mask(pc.string_is_ascii(tokens))
    found = np.zeros(len(tokens), dtype=bool)
    for needle in needles:
        found |= _mask(pc.match_substring(tokens, needle))
    return found


def _replace_where(tokens: pa.Array, where: np.ndarray, pattern: str, replacement: str
                   ) -> pa.Array:
    """``replace_substring_regex`` on the tokens where ``where`` is True only."""
    at = np.flatnonzero(where)
    if not at.size:
        return tokens
    new = pc.replace_substring_regex(tokens.take(pa.array(at)), pattern, replacement)
    return pc.replace_with_mask(tokens, pa.array(where), new)


def _split_compounds(pieces: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """Positions of the pieces that may hold a compound, and those pieces with it split.

    ``_split_word`` in Python, on the few pieces that Arrow cannot rule out.
    """
    # a run of six letters needs six characters: the regex runs on the long pieces only
    long = np.flatnonzero(_mask(pc.greater_equal(pc.utf8_length(pieces), 6)))
    long = long[_mask(pc.match_substring_regex(pieces.take(pa.array(long)), _LONG_RUN))]
    core = pc.utf8_trim(pieces.take(pa.array(long)), characters=_AROUND)
    pure = _mask(pc.match_substring_regex(core, r"^\pL+$"))
    maybe = np.zeros(len(pieces), dtype=bool)
    at = np.flatnonzero(pure)
    if at.size:
        lower = pc.utf8_lower(core.take(pa.array(at)))
        hit = _mask(pc.match_substring_regex(lower, _compound_pattern()))
        hit &= ~_mask(pc.is_in(lower, value_set=_lexicon_forms()))
        maybe[long[at[hit]]] = True
    # pieces with a long word among other characters ("Chaos/Katastrophe")
    at = long[~pure]
    if at.size:
        lower = pc.utf8_lower(pieces.take(pa.array(at)))
        maybe[at[_mask(pc.match_substring_regex(lower, _compound_pattern(False)))]] = True
    at = np.flatnonzero(maybe)
    return at, pa.array([_LONG_WORD.sub(lambda m: _split_word(m.group(0)), t)
                         for t in pieces.take(pa.array(at)).to_pylist()], pa.string())


def rewrite_tokens(dictionary: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """The tokens that replace each distinct token, and how many replace each.

    The spec's ``token_rewrite``: links and mentions dropped, emoji modifiers
    removed, elongations read once, hyphens between letters, ellipses glued to
    a word and the punctuation after one- or two-letter words set apart,
    compounds not in the lexicon split at a valenced head or modifier
    (``COMPOUND_MARK`` on the valenced part). The rules of :func:`_rewrite_one`,
    as Arrow kernels over the distinct tokens.

    Examples
    --------
    >>> tokens = pa.array(["Kundendienstwüste!", "suuuper", "@anna", "gut"])
    >>> pieces, counts = rewrite_tokens(tokens)
    >>> pieces.to_pylist(), counts.tolist()
    (['Kundendienst', '·wüste!', 'super', 'gut'], [2, 1, 0, 1])
    """
    tokens = dictionary.cast(pa.string()) if dictionary.type != pa.string() else dictionary
    if len(tokens) < _SMALL:  # Arrow compiles each pattern per call: Python is quicker here
        new = [_rewrite_one(t).split() for t in tokens.to_pylist()]
        return (pa.array([p for parts in new for p in parts], pa.string()),
                np.array([len(parts) for parts in new], dtype=np.int64))
    # the rules before the split touch few tokens: find them in one pass, rewrite only them
    touched = np.flatnonzero(_mask(pc.match_substring_regex(tokens, _TOUCHED)))
    if touched.size:
        some = tokens.take(pa.array(touched))
        for needles, pattern, replacement in _ARROW_REWRITES:
            if needles is None:
                tripled = np.flatnonzero(_mask(pc.match_substring_regex(some, _TRIPLED)))
                some = _python_at(some, tripled, lambda t: _ELONGATION.sub(r"\1", t))
            else:
                some = _replace_where(some, _contains_any(some, needles), pattern, replacement)
        mask = np.zeros(len(tokens), dtype=bool)
        mask[touched] = True
        tokens = pc.replace_with_mask(tokens, pa.array(mask), some)
    pieces, counts = _resplit(tokens)
    # the punctuation after a one- or two-letter word: only pieces ending in it
    ending = _mask(pc.match_substring_regex(pieces, r"[!?.,;:]$"))
    # (the pieces hold no whitespace now: only the rewritten ones are split again)
    pieces, more = _resplit_at(pieces, *_replaced(pieces, ending, *_SHORT_WORD_RE2))
    counts = _compose(counts, more)
    # a negation's punctuation is set apart: it ends the clause, the negation may move
    negation = _mask(pc.match_substring_regex(pieces, _NEG_PUNCT.pattern))
    pieces, more = _resplit_at(pieces, *_replaced(pieces, negation, _NEG_PUNCT.pattern,
                                                  r"\1 \2"))
    counts = _compose(counts, more)
    pieces, more = _resplit_at(pieces, *_split_compounds(pieces))
    return pieces, _compose(counts, more)


# --------------------------------------------------------------------------- negation order
#: negations that, ending their clause, move to its start ("Gut war es nicht")
FINAL_NEGATIONS = (
    "nicht", "nichts", "nie", "niemals", "nimmer", "kaum", "nirgends", "nirgendwo",
    "keineswegs", "keinesfalls",
)  # fmt: skip
# particles that open a clause but are not what a clause-final "nicht" negates
_OPENERS = (
    "leider", "aber", "und", "doch", "auch", "dann", "jetzt", "heute", "also", "denn",
    "wieder", "echt", "wirklich", "halt", "eben", "natürlich", "trotzdem", "dennoch",
    "jedoch", "allerdings", "oder", "sondern", "nur", "schon", "immer", "noch",
)  # fmt: skip
# a negation with punctuation glued to it ("nicht.", "nie!", "nicht:/"): the punctuation
# is set apart, so the negation can move and what follows the punctuation is out of reach
_NEG_PUNCT = re.compile(rf"(?i)^({'|'.join(FINAL_NEGATIONS)})([.!?;,:)].*)$")
#: at most this many words between the clause's openers and its final negation
MAX_CLAUSE_WORDS = 4
_NEG_CORE = rf"^(?:{'|'.join(FINAL_NEGATIONS)})(?:[.!?;,:)].*)?$"
_OWN_CLOSE = rf"^(?:{'|'.join(FINAL_NEGATIONS)}|mehr)[.!?;:)]"  # "nicht.", "nicht:/"
_OWN_COMMA = rf"^(?:{'|'.join(FINAL_NEGATIONS)}|mehr),"
_ENDS_CLAUSE = r"[.!?;,:][\"'\)\]»«“”„’]*$"  # a token after which a clause starts
_INNER_START = r"[.!?;,:][^.!?;,:]*\pL[^.!?;,:]*$"  # "...gut", "Ja.Gut": a clause starts inside
_CLOSES = r"^[.!?;:)]"  # a token (or a negation's own ending) that closes the clause
_BLOCKERS = r"^(?:dass|daß|ob|wie|wenn|weil)\b"  # ", dass ...": the negation belongs to it


#: what the clause-final negation rule needs to know of each distinct token:
#: (flag, kind, value, on the lower-case token); kinds: RE2 "regex", "in" a set, "prefix"
_FLAG_RULES: tuple[tuple[str, str, Any, bool], ...] = (
    ("negation", "regex", _NEG_CORE, True),
    ("bare", "in", FINAL_NEGATIONS, True),
    ("mehr", "regex", r"^mehr(?:[.!?;,:)].*)?$", True),
    ("own_close", "regex", _OWN_CLOSE, True),
    ("own_comma", "regex", _OWN_COMMA, True),
    ("starts_close", "regex", _CLOSES, True),
    ("starts_comma", "prefix", ",", True),
    ("comma_only", "in", (",",), True),
    ("blocker", "regex", _BLOCKERS, True),
    ("comma_blocker", "regex", "^," + _BLOCKERS[1:], True),
    ("ends", "regex", _ENDS_CLAUSE, False),
    ("inner_start", "regex", _INNER_START, False),
    ("opener", "in", _OPENERS, True),
    ("comparative", "in", ("besser", "schöner", "mehr"), True),
    ("geht", "prefix", "geht", True),
    ("bringt", "in", ("bringt", "brachte"), True),
)
_BIT = {name: 1 << i for i, (name, *_) in enumerate(_FLAG_RULES)}  # 16 flags: uint16
# a token of letters and digits only matches a regex rule only as one of these whole words
_PUNCT = r"[^\pL\pN_]"
_BARE_WORDS = {
    "negation": list(FINAL_NEGATIONS),
    "mehr": ["mehr"],
    "blocker": ["dass", "daß", "ob", "wie", "wenn", "weil"],
}


@cache
def _word_bits() -> tuple[pa.Array, np.ndarray]:
    """The words of the "in" rules and ``_BARE_WORDS``, and the flags each word sets."""
    bits: dict[str, int] = {}
    for name, kind, value, on_lower in _FLAG_RULES:
        assert kind != "in" or on_lower  # looked up on the lower-case token
        for word in value if kind == "in" else _BARE_WORDS.get(name, ()):
            bits[word] = bits.get(word, 0) | _BIT[name]
    return pa.array(list(bits), pa.string()), np.array(list(bits.values()), dtype=np.uint16)


@cache
def _python_rules() -> list[tuple[int, str, Any, bool]]:
    """``_FLAG_RULES`` for Python: compiled patterns (``\\pL`` as ``[^\\W\\d_]``), sets."""
    out = []
    for name, kind, value, on_lower in _FLAG_RULES:
        if kind == "regex":
            value = re.compile(value.replace(r"\pL", r"[^\W\d_]"))
        elif kind == "in":
            value = frozenset(value)
        out.append((_BIT[name], kind, value, on_lower))
    return out


def _python_flags(token: str) -> int:
    """The flags of one token, as :meth:`ClauseFinalNegation.flags` computes them."""
    lower = token.lower()
    bits = 0
    for bit, kind, value, on_lower in _python_rules():
        string = lower if on_lower else token
        if kind == "regex":
            hit = value.search(string) is not None
        elif kind == "in":
            hit = string in value
        else:
            hit = string.startswith(value)
        bits |= bit if hit else 0
    return bits


class ClauseFinalNegation:
    """Moves each clause-final negation to the start of its clause (``token_reorder``).

    A clause starts a text or follows a token that ends in ``. ! ? ; , :``. Its
    final negation ("nicht", "nie", "kaum", ..., optionally followed by "mehr")
    is followed by the end of the text or by ``. ! ? ; : )``, or by a comma that
    does not open a "dass/ob/wie/wenn/weil" clause. It moves in front of the
    clause's first word after the opening particles ("leider", "aber", "und",
    ...), when one to four words precede it, so the engine's forward negation
    scope covers them: "Leider funktioniert es nicht mehr." reads "Leider nicht
    funktioniert es mehr." Not in "besser (schöner, mehr) geht's nicht" (praise)
    or "(das) bringt nichts" (a phrase).

    :meth:`flags` describes each distinct token once (the engine keeps them per
    column); calling the object with a batch's tokens and those flags returns
    the new order of the token positions.
    """

    def flags(self, dictionary: pa.Array) -> np.ndarray:
        """Bit flags (``_BIT``) of each distinct token, uint16."""
        out = np.zeros(len(dictionary), dtype=np.uint16)
        if len(dictionary) < _SMALL:  # Python's regex, compiled once, is quicker here
            for i, token in enumerate(dictionary.to_pylist()):
                out[i] = _python_flags(token)
            return out
        lower = pc.utf8_lower(dictionary)
        # a pattern matches a bare word (negation, "mehr", a blocker) or needs punctuation:
        # the patterns run on the tokens with punctuation, the words are looked up
        punct = np.flatnonzero(_mask(pc.match_substring_regex(dictionary, _PUNCT)))
        some = dictionary.take(pa.array(punct))
        some_lower = lower.take(pa.array(punct))
        for name, kind, value, on_lower in _FLAG_RULES:
            if kind == "regex":
                found = np.zeros(len(dictionary), dtype=bool)
                found[punct] = _mask(pc.match_substring_regex(
                    some_lower if on_lower else some, value))
                out[found] |= np.uint16(_BIT[name])
            elif kind == "prefix":
                hit = pc.starts_with(lower if on_lower else dictionary, value)
                out[_mask(hit)] |= np.uint16(_BIT[name])
        # the word sets and the bare words, all on the lower-case token: one lookup
        words, bits = _word_bits()
        index = pc.index_in(lower, value_set=words)
        listed = index.is_valid()
        out[_mask(listed)] |= bits[index.filter(listed).to_numpy()]
        return out

    def __call__(self, tok: Tokens, flags: np.ndarray) -> np.ndarray:
        n = tok.codes.size
        order = np.arange(n, dtype=np.int64)
        if n == 0 or not (flags & _BIT["negation"]).any():
            return order
        codes = tok.codes

        def has(name: str, index: np.ndarray) -> np.ndarray:
            return (flags[codes[np.minimum(index, n - 1)]] & np.uint16(_BIT[name])) != 0

        def where(name: str) -> np.ndarray:  # a table per distinct token, gathered once
            return np.flatnonzero(((flags & np.uint16(_BIT[name])) != 0)[codes])

        p = where("negation")
        if not p.size:
            return order
        text = tok.text
        last = tok.first[text[p]] + tok.n_tokens[text[p]] - 1  # last token of p's text
        # the clause of a negation ends with it, or with a "mehr" right after a bare one
        tail = p + (has("bare", p) & (p < last) & has("mehr", p + 1))
        at_end = tail == last
        nxt = tail + 1
        next_closes = has("starts_close", nxt) | (
            has("starts_comma", nxt) & ~has("comma_blocker", nxt)
            & ~(has("comma_only", nxt) & (nxt < last) & has("blocker", nxt + 1))
        )
        own_close, own_comma = has("own_close", tail), has("own_comma", tail)
        closed = (
            own_close
            | (own_comma & (at_end | ~has("blocker", nxt)))
            | (~own_close & ~own_comma & (at_end | next_closes))
        )
        p = p[closed]
        if not p.size:
            return order
        # the clause start of each negation: the last token at or before it that starts one
        starts = np.zeros(n, dtype=bool)
        starts[where("inner_start")] = True
        starts[tok.first[tok.n_tokens > 0]] = True
        ends = where("ends")
        ends = ends[ends + 1 < n]
        starts[ends[text[ends + 1] == text[ends]] + 1] = True  # after a clause end
        start_at = np.flatnonzero(starts)
        s = start_at[np.searchsorted(start_at, p, side="right") - 1]
        words = p - s
        ok = words >= 1
        # opening particles, greedy, leaving at least one word
        g = np.zeros(p.size, dtype=np.int64)
        alive = np.ones(p.size, dtype=bool)
        for k in range(int(words.max(initial=0))):
            alive &= (k < words - 1) & has("opener", s + k)
            if not alive.any():
                break
            g += alive
        w = s + g
        ok &= (p - w) <= MAX_CLAUSE_WORDS
        # praise ("besser geht's nicht") and "bringt nichts" stay as they are
        ok &= ~((w + 1 < p) & has("comparative", w) & has("geht", w + 1))
        for k in range(MAX_CLAUSE_WORDS):
            ok &= ~((w + k < p) & has("bringt", w + k))
        p, w = p[ok], w[ok]
        # move: the negation to w, the words w .. p-1 one place on
        order[w] = p
        for d in range(1, MAX_CLAUSE_WORDS + 1):
            sel = p - w >= d
            order[w[sel] + d] = w[sel] + d - 1
        return order


#: the spec's ``token_reorder``
reorder_tokens = ClauseFinalNegation()


# --------------------------------------------------------------------------- as text
def preprocess_german(texts: pd.Series) -> pd.Series:
    """What the German rules make of each text: the text the engine reads, tokens joined.

    The text rules (:func:`preprocess_texts`), then per token
    (:func:`rewrite_tokens`) and the clause-final negation (:func:`reorder_tokens`);
    tokens are joined by single spaces. The engine applies the same functions
    through ``german_spec()``'s hooks without building this text.

    Parameters
    ----------
    texts : pandas.Series of str
        The texts; missing values stay missing.

    Returns
    -------
    pandas.Series
        The rewritten texts, same index.

    Examples
    --------
    >>> s = pd.Series(["Gut war es nicht.", "Eine Kundendienstwüste!", "Top-Service",
    ...                "Liebes Team, danke @anna!"])
    >>> preprocess_german(s).tolist()
    ['nicht Gut war es .', 'Eine Kundendienst ·wüste!', 'Top Service', 'Team, danke !']
    """
    from ..text._whitespace import batch_array
    from ._tokens import tokenize

    prepared = preprocess_texts(texts)
    array = batch_array(as_arrow(prepared), 0, len(prepared))
    split = split_texts(array)
    tok = tokenize(array, None, split)
    pieces, counts = rewrite_tokens(tok.dictionary)
    from ._engine import _expand

    tok = _expand(tok, pieces, counts)
    codes = tok.codes[reorder_tokens(tok, reorder_tokens.flags(tok.dictionary))]
    words = np.asarray(tok.dictionary.take(pa.array(codes)).to_pylist(), dtype=object)
    bounds = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(tok.n_tokens, out=bounds[1:])
    out = [" ".join(words[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    result = pd.Series(out, index=texts.index, dtype="string")
    return result.where(texts.notna())
