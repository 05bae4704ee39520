"""Word tokens of :class:`~empathylab.sentiment.SentimentModel` for social-media texts.

``social_tokens`` splits a text into the tokens of the word n-grams
(``word_tokenizer="social"``), where scikit-learn's default pattern (``\\b\\w\\w+\\b``)
drops everything that is not a word of two or more characters:

* runs of ``!`` and ``?``, emoticons (``:)``, ``:-(``, ``<3``), emoji and the clause
  punctuation ``. , ; :`` are tokens; one-letter words ("I", "a") are kept;
* ``#hashtags`` stay a token and, when written in CamelCase or with digits, add their
  parts ("#CustomerService" -> ``#customerservice``, ``customer``, ``service``);
* elongations are shortened to two letters and flagged ("sooooo" -> ``<ELONG>``,
  ``soo``); words in capitals of three or more letters are flagged (``<CAPS>``);
* everything is lower-cased except the placeholders ``URL`` and ``@USER`` of
  :func:`~empathylab.sentiment.model.normalize_texts`;
* ``negation=True``: tokens after a negation get the suffix ``_NEG`` up to the end
  of the clause (punctuation or a contrast word), a common scheme for bag-of-words
  sentiment, so "not helpful" and "helpful" are different features. The negations
  and contrast words are those of the English and German lexicon specs
  (:func:`~empathylab.sentiment.english_spec`, :func:`~empathylab.sentiment.german_spec`),
  both languages at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["ngram_analyzer", "social_tokens"]

_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
_TOKEN = re.compile(
    r"[:;=8][\-o*'^]?[)\](\[dDpP/\\|3]+(?![\w])"  # emoticons
    r"|<3"
    r"|@USER|URL"
    r"|#?\w+(?:['’]\w+)*"
    r"|[!?]+"
    rf"|[{_EMOJI}]"
    r"|[.,;:]"
)
_ELONGATION = re.compile(r"(\w)\1{2,}")
_CAMEL = re.compile(
    r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])|(?<=[A-ZÄÖÜ])(?=[A-ZÄÖÜ][a-zäöüß])"
    r"|(?<=[^\W\d])(?=\d)|(?<=\d)(?=[^\W\d])"
)
_PLACEHOLDERS = frozenset({"URL", "@USER"})
_BREAK_PUNCT = frozenset(".,;:")


@cache
def _negation_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(negations, negation substrings, contrast words) of the English and German specs."""
    from ._english import english_spec
    from ._german import german_spec

    english, german = english_spec(), german_spec()
    negations = english.negations | english.determiner_negations | german.negations
    substrings = tuple(english.negation_substrings) + tuple(german.negation_substrings)
    contrasts = frozenset(english.contrasts) | frozenset(german.contrasts)
    return frozenset(w.lower() for w in negations), substrings, contrasts


def _split_hashtag(tag: str) -> list[str]:
    parts = _CAMEL.sub(" ", tag[1:]).split()
    lowered = tag.lower()
    if len(parts) > 1:
        return [lowered, *(p.lower() for p in parts)]
    return [lowered]


def social_tokens(text: str, negation: bool = True) -> list[str]:
    """Tokens of one text for the word n-grams (see the module docstring).

    Examples
    --------
    >>> social_tokens("@USER I'm NOT happy, sooo late!! #CustomerService :(")
    ['@USER', "i'm", '<CAPS>', 'not', 'happy_NEG', ',', '<ELONG>', 'soo', 'late', '!!', \
'#customerservice', 'customer', 'service', ':(']
    """
    negations, substrings, contrasts = _negation_words()
    out: list[str] = []
    scope = False
    for raw in _TOKEN.findall(text):
        pieces = _split_hashtag(raw) if raw.startswith("#") and len(raw) > 1 else [raw]
        for piece in pieces:
            if piece in _PLACEHOLDERS:
                out.append(piece)
                continue
            token = piece
            if _ELONGATION.search(token):
                token = _ELONGATION.sub(r"\1\1", token)
                out.append("<ELONG>")
            if len(token) > 2 and token.isalpha() and token.isupper():
                out.append("<CAPS>")
            token = token.lower()
            if not negation:
                out.append(token)
                continue
            if token in _BREAK_PUNCT or token[0] in "!?" or token in contrasts:
                scope = False
                out.append(token)
                continue
            out.append(f"{token}_NEG" if scope else token)
            if token in negations or any(s in token for s in substrings):
                scope = True
    return out


def ngram_analyzer(ngram_range: tuple[int, int], negation: bool) -> Callable[[str], list[str]]:
    """A scikit-learn ``analyzer``: the word n-grams (joined by a space) of one text."""
    low, high = ngram_range

    def analyze(text: str) -> list[str]:
        tokens = social_tokens(text, negation)
        if low == 1 and high == 1:
            return tokens
        grams: list[str] = tokens.copy() if low == 1 else []
        for n in range(max(low, 2), high + 1):
            grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return grams

    return analyze
