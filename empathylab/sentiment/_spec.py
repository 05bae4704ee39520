"""What a lexicon-and-rules sentiment engine needs to know about one language.

:class:`LexiconSpec` holds every word list, phrase table and constant that the
VADER algorithm (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model
for Sentiment Analysis of Social Media Text", ICWSM-14) uses. The engine in
:mod:`empathylab.sentiment._engine` is language-neutral: a German spec (German
negations, boosters, contrast words, a compound-splitting ``preprocess``) or an
English customer-service extension plugs in without touching it.

The numeric defaults are the constants of the reference implementation,
``vaderSentiment`` 3.3.2 (``vaderSentiment/vaderSentiment.py``): ``C_INCR``,
``N_SCALAR``, the look-back weights 0.95/0.9, the punctuation increments 0.292
and 0.18 (capped at 4 ``!`` and 0.96 for ``?``), the normalisation
``alpha = 15`` and the ``never so`` factor 1.25. Word lists default to empty:
they are language-specific and a spec states them explicitly.
"""

from __future__ import annotations

import dataclasses
import math
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["LexiconSpec"]


# fields holding {word: number}, {word: words}, or sets; used by validation and extend()
_FLOAT_MAPPINGS = ("lexicon", "boosters", "special_cases", "phrases")
_SET_FIELDS = (
    "negations",
    "determiner_negations",
    "determiner_conjunctions",
    "emphatic_negations",
    "emphatic_words",
)
_WORDSET_MAPPINGS = ("negation_exceptions", "comparative_negations")


@dataclass(frozen=True, eq=False)
class LexiconSpec:
    """Language resources and constants for the VADER-style sentiment engine.

    Every word is matched against a token that has been lowercased and stripped
    of leading and trailing ``strip_chars`` (see ``min_stripped_length``), so
    keys must be lowercase; a key with an upper-case letter or with whitespace
    never matches a token (vaderSentiment's own ``:D`` and ``fed up`` entries
    never match either). Multi-word keys (``boosters``, ``special_cases``,
    ``phrases``) are words separated by single spaces.

    Specs are immutable and compared by identity; the engine caches the
    lookup tables it compiles from a spec, so build a spec once and reuse it.
    Use :meth:`extend` to add entries (a domain lexicon, more negations) to an
    existing spec.

    Parameters
    ----------
    name : str
        Short label, e.g. ``"vader-en"`` or ``"de"``.
    lexicon : mapping of str to float
        Valence of single tokens, -4 (most negative) .. +4 (most positive).
        Emoticons such as ``":)"`` are tokens too.
    boosters : mapping of str to float, default={}
        Intensity modifiers: positive increments for boosters ("very",
        "sehr"), negative for dampeners ("slightly", "etwas"); VADER uses
        +-0.293. A one-word booster up to three tokens before a lexicon word
        adds its increment (in the direction of the word's valence, scaled by
        ``booster_decay`` with distance); the word itself scores 0. Two- or
        three-word boosters ("kind of", "sort of") are applied as in VADER: the
        increment is added as is when the n-gram ends right before the
        lexicon word, or one token earlier.
    negations : set of str, default=frozenset()
        Words that flip a lexicon word up to three tokens later (multiply by
        ``negation_scalar``): "not", "never", "nicht", "kein", "nie", "ohne".
        A negation that is itself in ``lexicon`` does not negate (as in VADER).
    negation_substrings : tuple of str, default=()
        A token containing one of these negates too; VADER: ``("n't",)``.
    negation_scalar : float, default=-0.74
        Factor for a negated valence (VADER's ``N_SCALAR``).
    scope_breaks : str, default=""
        Punctuation that ends a negation's reach: a negation (or "no") does not
        apply to a word when a token between them ends with one of these
        characters ("I can't log in. Great app": "can't" does not reach
        "Great"). VADER has none (its negations reach across sentences); the
        English and German lexicon specs use ``".!?;:,"``.
    determiner_negations : set of str, default=frozenset()
        Words handled like VADER's "no": they keep their own lexicon valence
        when standing alone, score 0 when the next token is a lexicon word,
        and negate a lexicon word one or two tokens later, or three tokens
        later when the token right before that word is one of
        ``determiner_conjunctions`` ("no pain or gain").
    determiner_conjunctions : set of str, default=frozenset()
        VADER: ``{"or", "nor"}``.
    contrasts : mapping of str to (float, float), default={}
        Contrast words and their weights (before, after). The first contrast
        word of a text splits it: valences before it are multiplied by the
        first weight, after it by the second. VADER: ``{"but": (0.5, 1.5)}``;
        German: ``aber``, ``jedoch``, ``trotzdem``.
    emphatic_negations : set of str, default=frozenset()
        Negations that intensify instead when followed by one of
        ``emphatic_words``: VADER's "never so good" / "never this good"
        (multiply by ``emphatic_scalar`` instead of negating).
    emphatic_words : set of str, default=frozenset()
        VADER: ``{"so", "this"}``.
    emphatic_scalar : float, default=1.25
        Factor of the emphatic case.
    negation_exceptions : mapping of str to set of str, default={}
        Negations that do not negate when followed by one of the words:
        VADER ``{"without": {"doubt"}}`` ("without a doubt, excellent").
    comparative_negations : mapping of str to set of str, default={}
        Words that negate the next lexicon word unless they follow one of the
        given words: VADER ``{"least": {"at", "very"}}`` ("the least
        compelling" is negative, "at least compelling" is not).
    modifier_pairs : set of (str, str), default=frozenset()
        Token pairs whose first token is a modifier, not a sentiment word, when
        the second follows: VADER ``{("kind", "of")}`` ("kind" alone is +2.4).
    special_cases : mapping of str to float, default={}
        Idioms of two or three words containing a lexicon word, whose valence
        replaces that word's ("the shit": 3, "bad ass": 1.5). Checked as in
        VADER: only for lexicon words with at least three tokens before them,
        in windows ending at, around or starting at the word.
    phrases : mapping of str to float, default={}
        Multi-word expressions (2-5 words) with their own valence, matched on
        the token sequence before anything else ("on hold": -1.5, "lost
        luggage": -2.0, "no reply": -1.8). The first token of a match carries
        the phrase's valence and is treated like a lexicon word (boosters,
        negation, capitals, contrast apply); the other tokens score 0. Where
        matches overlap, the longer one wins, then the leftmost. VADER itself
        has no phrase lexicon (its ``SENTIMENT_LADEN_IDIOMS`` are unused).
    emoji : mapping of str to str, default={}
        Single characters replaced by a description before tokenising, as in
        vaderSentiment (a space before the description unless one is there,
        none after). Keys of more than one character never match, as in
        vaderSentiment, which replaces character by character.
    caps_emphasis : bool, default=True
        Whether an ALL-CAPS lexicon word or booster gets ``caps_increment``
        more intensity when the text also has tokens not in capitals.
    caps_increment : float, default=0.733
        VADER's ``C_INCR``.
    booster_decay : tuple of three floats, default=(1.0, 0.95, 0.9)
        Weight of a booster one, two and three tokens before the word.
    exclamation_increment : float, default=0.292
        Added per ``!`` (up to ``exclamation_max``) to a non-zero sum.
    exclamation_max : int, default=4
    question_increment : float, default=0.18
        Added per ``?`` when a text has 2 to ``question_max`` of them.
    question_max : int, default=3
    question_cap : float, default=0.96
        Added when a text has more than ``question_max`` question marks.
    alpha : float, default=15.0
        Normalisation: ``compound = s / sqrt(s**2 + alpha)``.
    strip_chars : str, default=string.punctuation
        Characters stripped from both ends of a token ...
    min_stripped_length : int, default=3
        ... unless fewer characters than this would remain (then the token is
        kept whole, which keeps emoticons such as ``:)``).
    preprocess : callable, optional
        ``Series -> Series`` of the same length, applied to the texts first
        (German compound splitting, umlaut-free spellings, normalising "nich"
        to "nicht"). It must be vectorised and must not mutate its input.
        Text-level rewriting runs over every character; prefer the two
        token-level hooks below where a rule is about single words. It may
        also have methods ``flags(dictionary) -> numpy array`` (per distinct
        whitespace token, kept per column) and ``candidates(split, flags) ->
        bool array`` (per text of a :class:`~empathylab.text._whitespace.WordSplit`):
        then :func:`empathylab.sentiment` runs it only on the candidate texts,
        which must include every text it changes.
    token_rewrite : callable, optional
        ``pyarrow.StringArray -> (pyarrow.StringArray, numpy int array)``: given
        the distinct raw tokens of a batch (after whitespace splitting and emoji
        descriptions), the tokens that replace each of them, flat, and how many
        replace each (0 drops a token, 2 splits it: "Servicewüste" -> "Service",
        "·wüste"). Called once per distinct token, not per occurrence, so it may
        use Python per token (cache it); the engine expands the token stream.
    token_reorder : object, optional
        Reorders tokens within their texts after ``token_rewrite`` (German:
        move a clause-final "nicht" to the start of its clause). It has a
        method ``flags(dictionary) -> numpy array`` that describes each
        distinct token once (the engine keeps the result per column), and is
        called as ``token_reorder(tokens, flags)`` with a batch's
        :class:`empathylab.sentiment._tokens.Tokens` and the flags of its
        dictionary, returning a permutation of the token positions that keeps
        every text's tokens within the text.
    vader_quirks : bool, default=True
        Reproduce two accidents of vaderSentiment 3.3.2 for parity: at three
        tokens' distance its ``never so`` test also fires for a bare "so" or
        "this" right before the word (operator precedence), and its ``but``
        rule finds each valence with ``list.index``, so equal values can
        re-weight an earlier token instead. ``False`` applies the rules as
        documented by Hutto & Gilbert (2014).

    Examples
    --------
    >>> spec = LexiconSpec(
    ...     name="toy", lexicon={"good": 1.9, "bad": -2.5},
    ...     boosters={"very": 0.293}, negations={"not"}, contrasts={"but": (0.5, 1.5)})
    >>> spec.lexicon["good"]
    1.9
    >>> bigger = spec.extend(lexicon={"delayed": -1.4}, negations={"never"})
    >>> sorted(bigger.negations), len(spec.lexicon), len(bigger.lexicon)
    (['never', 'not'], 2, 3)
    """

    name: str
    lexicon: Mapping[str, float]
    boosters: Mapping[str, float] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    negation_substrings: tuple[str, ...] = ()
    negation_scalar: float = -0.74
    scope_breaks: str = ""
    determiner_negations: frozenset[str] = frozenset()
    determiner_conjunctions: frozenset[str] = frozenset()
    contrasts: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    emphatic_negations: frozenset[str] = frozenset()
    emphatic_words: frozenset[str] = frozenset()
    emphatic_scalar: float = 1.25
    negation_exceptions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    comparative_negations: Mapping[str, frozenset[str]] = field(default_factory=dict)
    modifier_pairs: frozenset[tuple[str, str]] = frozenset()
    special_cases: Mapping[str, float] = field(default_factory=dict)
    phrases: Mapping[str, float] = field(default_factory=dict)
    emoji: Mapping[str, str] = field(default_factory=dict)
    caps_emphasis: bool = True
    caps_increment: float = 0.733
    booster_decay: tuple[float, float, float] = (1.0, 0.95, 0.9)
    exclamation_increment: float = 0.292
    exclamation_max: int = 4
    question_increment: float = 0.18
    question_max: int = 3
    question_cap: float = 0.96
    alpha: float = 15.0
    strip_chars: str = string.punctuation
    min_stripped_length: int = 3
    preprocess: Callable[[pd.Series], pd.Series] | None = None
    token_rewrite: Callable[[pa.Array], tuple[pa.Array, np.ndarray]] | None = None
    token_reorder: Any = None
    vader_quirks: bool = True

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalise the containers once
        if not isinstance(self.name, str):
            raise TypeError(f"`name` must be a str, but {type(self.name).__name__} was passed.")
        for name in _FLOAT_MAPPINGS:
            set_(self, name, _float_mapping(name, getattr(self, name)))
        for name in _SET_FIELDS:
            set_(self, name, _word_set(name, getattr(self, name)))
        for name in _WORDSET_MAPPINGS:
            value = getattr(self, name)
            _check_mapping(name, value)
            set_(
                self,
                name,
                MappingProxyType({_word(name, k): _word_set(name, v) for k, v in value.items()}),
            )
        _check_mapping("contrasts", self.contrasts)
        contrasts = {}
        for word, weights in self.contrasts.items():
            pair = tuple(weights) if isinstance(weights, Iterable) else ()
            if len(pair) != 2:
                raise ValueError(
                    f"`contrasts[{word!r}]` must be a pair (weight before, weight after), "
                    f"but {weights!r} was passed; VADER uses {{'but': (0.5, 1.5)}}."
                )
            contrasts[_word("contrasts", word)] = (
                _finite("contrasts", word, pair[0]),
                _finite("contrasts", word, pair[1]),
            )
        set_(self, "contrasts", MappingProxyType(contrasts))
        _check_mapping("emoji", self.emoji)
        set_(self, "emoji", MappingProxyType({str(k): str(v) for k, v in self.emoji.items()}))
        pairs = frozenset((str(a), str(b)) for a, b in self.modifier_pairs)
        set_(self, "modifier_pairs", pairs)
        if isinstance(self.negation_substrings, str):
            set_(self, "negation_substrings", (self.negation_substrings,))
        set_(self, "negation_substrings", tuple(str(s) for s in self.negation_substrings if s))
        decay = tuple(float(x) for x in self.booster_decay)
        if len(decay) != 3:
            raise ValueError(
                f"`booster_decay` must hold 3 weights (1, 2, 3 tokens before the word), "
                f"but {self.booster_decay!r} was passed."
            )
        set_(self, "booster_decay", decay)
        for name in ("exclamation_max", "question_max", "min_stripped_length"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"`{name}` must be an int >= 0, but {value!r} was passed.")
        if not self.alpha > 0:
            raise ValueError(f"`alpha` must be > 0, but {self.alpha!r} was passed.")
        for hook in ("preprocess", "token_rewrite", "token_reorder"):
            value = getattr(self, hook)
            if value is not None and not callable(value):
                raise TypeError(
                    f"`{hook}` must be a callable or None, but {type(value).__name__} was "
                    "passed."
                )
        has = [callable(getattr(self.preprocess, m, None)) for m in ("flags", "candidates")]
        if has[0] != has[1]:
            raise TypeError(
                "`preprocess` must have both methods `flags(dictionary)` and "
                "`candidates(split, flags)` or neither, but "
                f"{type(self.preprocess).__name__} has only "
                f"{'flags' if has[0] else 'candidates'}."
            )
        if self.token_reorder is not None and not callable(
            getattr(self.token_reorder, "flags", None)
        ):
            raise TypeError(
                "`token_reorder` must also have a method `flags(dictionary)` that describes "
                f"each distinct token, but {type(self.token_reorder).__name__} has none."
            )
        for key in self.phrases:
            if not 2 <= len(key.split(" ")) <= 5:
                raise ValueError(
                    f"`phrases` keys must have 2 to 5 words, but {key!r} was passed; "
                    "put single words into `lexicon`."
                )

    def extend(self, *, name: str | None = None, **entries: Any) -> LexiconSpec:
        """Return a copy with entries added (mappings merged, sets united).

        Parameters
        ----------
        name : str, optional
            Name of the new spec; default ``"<old name>+"``.
        **entries
            Field name to the entries to add: mappings (``lexicon``,
            ``boosters``, ``special_cases``, ``phrases``, ``contrasts``,
            ``emoji``, ``negation_exceptions``, ``comparative_negations``) are
            merged, the new value winning; sets (``negations`` ...,
            ``modifier_pairs``) and ``negation_substrings`` are united; any
            other field is replaced.

        Returns
        -------
        LexiconSpec

        Examples
        --------
        >>> base = LexiconSpec(name="toy", lexicon={"lost": -1.3})
        >>> base.extend(phrases={"lost luggage": -2.0}).phrases["lost luggage"]
        -2.0
        """
        fields = {f.name for f in dataclasses.fields(self)}
        changes: dict[str, Any] = {"name": name if name is not None else f"{self.name}+"}
        for key, value in entries.items():
            if key not in fields:
                from .._validation import did_you_mean

                raise TypeError(
                    f"LexiconSpec has no field {key!r}{did_you_mean(key, sorted(fields))}"
                )
            old = getattr(self, key)
            if isinstance(old, Mapping):
                changes[key] = {**old, **dict(value)}
            elif isinstance(old, frozenset):
                changes[key] = old | frozenset(value)
            elif key == "negation_substrings":
                changes[key] = tuple(dict.fromkeys((*old, *value)))
            else:
                changes[key] = value
        return dataclasses.replace(self, **changes)

    def __repr__(self) -> str:
        return (
            f"LexiconSpec(name={self.name!r}, lexicon={len(self.lexicon)} entries, "
            f"boosters={len(self.boosters)}, negations={len(self.negations)}, "
            f"phrases={len(self.phrases)}, emoji={len(self.emoji)})"
        )


def _check_mapping(name: str, value: object) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"`{name}` must be a mapping, but {type(value).__name__} was passed.")
    return value


def _word(name: str, key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"`{name}` keys must be str, but {key!r} was passed.")
    return key


def _finite(name: str, key: str, value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise ValueError(f"`{name}[{key!r}]` must be a finite number, but {value!r} was passed.")
    return number


def _float_mapping(name: str, value: object) -> Mapping[str, float]:
    items = _check_mapping(name, value).items()
    return MappingProxyType({_word(name, k): _finite(name, k, v) for k, v in items})


def _word_set(name: str, value: object) -> frozenset[str]:
    if isinstance(value, str):
        raise TypeError(
            f"`{name}` must be a set of words, but the string {value!r} was passed; "
            f"wrap it: {{{value!r}}}."
        )
    if not isinstance(value, Iterable):
        raise TypeError(f"`{name}` must be a set of words, but {value!r} was passed.")
    return frozenset(_word(name, w) for w in value)
