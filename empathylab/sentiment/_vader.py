"""VADER's English resources, read from the installed ``vaderSentiment`` package.

Nothing of VADER's lexicon is copied into empathylab: :func:`vader_spec` reads
``vader_lexicon.txt`` and ``emoji_utf8_lexicon.txt`` from the installed
package (MIT licence, C.J. Hutto) with :mod:`importlib.resources` and takes
``BOOSTER_DICT``, ``NEGATE``, ``SPECIAL_CASES``, ``SENTIMENT_LADEN_IDIOMS``,
``C_INCR`` and ``N_SCALAR`` from ``vaderSentiment.vaderSentiment``. The rule
words that vaderSentiment writes inline in its code ("no", "or"/"nor",
"but", "never so/this", "without doubt", "least" after "at"/"very", "kind
of") are stated here.
"""

from __future__ import annotations

import functools
import importlib
import importlib.resources

from ._spec import LexiconSpec

__all__ = ["vader_spec"]

_PACKAGE = "vaderSentiment"


def _read(resource: str) -> str:
    try:
        files = importlib.resources.files(_PACKAGE)
    except ModuleNotFoundError as err:  # pragma: no cover - it is a dependency
        raise ImportError(
            "vader_spec() needs the 'vaderSentiment' package (MIT); install it with "
            "`pip install vaderSentiment`."
        ) from err
    return (files / resource).read_text(encoding="utf-8")


def _parse_lexicon(text: str) -> dict[str, float]:
    # as SentimentIntensityAnalyzer.make_lex_dict: token<TAB>mean<TAB>sd<TAB>ratings
    lexicon: dict[str, float] = {}
    for line in text.rstrip("\n").split("\n"):
        if line:
            word, measure = line.strip().split("\t")[0:2]
            lexicon[word] = float(measure)
    return lexicon


def _parse_emoji(text: str) -> dict[str, str]:
    # as SentimentIntensityAnalyzer.make_emoji_dict: emoji<TAB>description
    emoji: dict[str, str] = {}
    for line in text.rstrip("\n").split("\n"):
        parts = line.strip().split("\t")
        if len(parts) >= 2:
            emoji[parts[0]] = parts[1]
    return emoji


def vader_spec(*, idioms: bool = False) -> LexiconSpec:
    """VADER's English lexicon and rules as a :class:`LexiconSpec`.

    Loaded from the installed ``vaderSentiment`` package (Hutto & Gilbert
    2014, ICWSM-14; version 3.3.2) on first use and cached, so repeated calls
    return the same object.

    Parameters
    ----------
    idioms : bool, default=False
        Also score vaderSentiment's ``SENTIMENT_LADEN_IDIOMS`` ("under the
        weather": -2, "cut the mustard": 2, ...) as ``phrases``. vaderSentiment
        lists them but never applies them ("future work"), so the default
        keeps parity with it.

    Returns
    -------
    LexiconSpec
        7,506 lexicon entries, VADER's boosters, negations, special cases and
        1,212 single-character emoji descriptions.

    Examples
    --------
    >>> spec = vader_spec()
    >>> spec.lexicon["good"], spec.boosters["very"], spec.negation_scalar
    (1.9, 0.293, -0.74)
    >>> spec.contrasts["but"]
    (0.5, 1.5)
    """
    return _load(bool(idioms))


@functools.cache
def _load(idioms: bool) -> LexiconSpec:
    module = importlib.import_module(f"{_PACKAGE}.vaderSentiment")
    emoji = _parse_emoji(_read("emoji_utf8_lexicon.txt"))
    return LexiconSpec(
        name="vader-en+idioms" if idioms else "vader-en",
        lexicon=_parse_lexicon(_read("vader_lexicon.txt")),
        boosters=module.BOOSTER_DICT,
        negations=frozenset(module.NEGATE),
        negation_substrings=("n't",),
        negation_scalar=module.N_SCALAR,
        determiner_negations=frozenset({"no"}),
        determiner_conjunctions=frozenset({"or", "nor"}),
        contrasts={"but": (0.5, 1.5)},
        emphatic_negations=frozenset({"never"}),
        emphatic_words=frozenset({"so", "this"}),
        emphatic_scalar=1.25,
        negation_exceptions={"without": frozenset({"doubt"})},
        comparative_negations={"least": frozenset({"at", "very"})},
        modifier_pairs=frozenset({("kind", "of")}),
        special_cases=module.SPECIAL_CASES,
        phrases=dict(module.SENTIMENT_LADEN_IDIOMS) if idioms else {},
        # vaderSentiment replaces character by character: longer keys never match
        emoji={k: v for k, v in emoji.items() if len(k) == 1},
        caps_emphasis=True,
        caps_increment=module.C_INCR,
    )
