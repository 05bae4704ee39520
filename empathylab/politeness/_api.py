"""Politeness strategies of (agent) texts after Danescu-Niculescu-Mizil et al. (2013)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._dask import rowwise
from ..emotions._common import count_table, prepare
from ..text._cues import column_hits

__all__ = ["FEATURES", "WEIGHTS", "politeness_features", "politeness_score"]

#: the feature columns of :func:`politeness_features`, in order
FEATURES = (
    "gratitude", "deference", "greeting", "apologizing", "please", "please_start",
    "indirect_btw", "direct_question", "direct_start", "counterfactual_modal",
    "indicative_modal", "first_person_start", "first_person_plural", "first_person",
    "second_person", "second_person_start", "hedges", "factuality", "subjunctive",
    "positive_lexicon", "negative_lexicon",
)  # fmt: skip

#: signs of the features in :func:`politeness_score`: the direction in which each
#: strategy moves perceived politeness as Danescu-Niculescu-Mizil et al. (2013) describe
#: their strategies (polite: gratitude, deference, greetings, apologising, "please"
#: inside a sentence, "by the way", counterfactual "could/would you", first person
#: plural, hedges, positive words; impolite: "please" opening a sentence, direct
#: questions, a sentence opened by "so/and/but" or by "you", factuality, negative
#: words). Features whose direction we do not rely on weigh 0. Signs only: nothing
#: was fitted on the (research-licensed) Stanford Politeness Corpus.
WEIGHTS = {
    "gratitude": 1, "deference": 1, "greeting": 1, "apologizing": 1, "please": 1,
    "please_start": -1, "indirect_btw": 1, "direct_question": -1, "direct_start": -1,
    "counterfactual_modal": 1, "indicative_modal": 0, "first_person_start": 0,
    "first_person_plural": 1, "first_person": 0, "second_person": 0,
    "second_person_start": -1, "hedges": 1, "factuality": -1, "subjunctive": 0,
    "positive_lexicon": 1, "negative_lexicon": -1,
}  # fmt: skip
# table labels that count only at a sentence start, and the feature they count for
_START = {"please_start": "please_start", "first_person_start": "first_person_start",
          "second_person_start": "second_person_start", "greeting_start": "greeting",
          "deference_start": "deference", "direct_start": "direct_start",
          "direct_question_start": "direct_question"}
# features that count only away from a sentence start (the start has its own feature)
_NOT_START = ("please", "first_person", "second_person")
# German pronouns that are "you" only when capitalised (Sie, Ihnen, Ihre ...)
_DE_FORMAL = frozenset({"sie", "ihnen", "ihre", "ihren", "ihrem", "ihrer", "ihres"})


@functools.cache
def _valences(lang: str) -> dict[str, float]:
    """Valence of the sentiment lexicon's words, without negators (not a polarity word)."""
    from ..text._cues import modifiers

    if lang == "de":
        from ..sentiment._german import german_spec

        spec = german_spec()
    else:
        from ..sentiment._english import english_spec

        spec = english_spec()
    negators = set(spec.negations) | set(modifiers().get(lang, {}).get("negator", ()))
    return {w: v for w, v in spec.lexicon.items() if w not in negators}


@rowwise
def politeness_features(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
) -> pd.DataFrame:
    """Counts of politeness strategies per text (Danescu-Niculescu-Mizil et al. 2013).

    The strategies of the paper, with German equivalents: gratitude ("thanks",
    "danke"), deference ("great question", "gute Idee"), greetings ("hi", "Guten Tag"),
    apologising ("sorry", "Entschuldigung", "leider", "tut mir leid"), "please" /
    "bitte" (inside a sentence, and opening one), indirect "by the way" /
    "übrigens", direct questions (a sentence opened by a question word and ending in
    "?"), a sentence opened by "so/and/but" / "also/und/aber", counterfactual modals
    ("could/would you", "könnten/würden Sie"), indicative modals ("can/will you",
    "können Sie"), first person (at a sentence start, plural, other), second person
    (other, at a sentence start; German "Sie/Ihnen/Ihr..." only capitalised), hedges
    ("maybe", "I think", "vielleicht", "eventuell"), factuality ("actually", "in fact",
    "eigentlich", "tatsächlich"), subjunctive forms ("would", "könnte", "wäre"), and
    positive and negative words of the sentiment lexicons
    (:func:`empathylab.sentiment`). Word lists: ``politeness/data/politeness.tsv``.

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Texts, typically agent replies, German and English mixed.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        As in :func:`empathylab.sentiment`.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts``: one float column per feature of :data:`FEATURES` (the
        count of its cues; NaN for blank texts and other languages), and ``language``.

    Examples
    --------
    >>> f = politeness_features(["Could you please check this? Thanks!",
    ...                          "Why did you not answer?"])
    >>> f[["gratitude", "please", "counterfactual_modal", "direct_question"]]
       gratitude  please  counterfactual_modal  direct_question
    0        1.0     1.0                   1.0              0.0
    1        0.0     0.0                   0.0              1.0
    """
    series, reported, cue_lang, tokens = prepare(texts, lang)
    n = len(series)
    hits = column_hits(series, cue_lang, "empathylab.politeness", "politeness.tsv",
                       negate=False, per_label=True, tokens=tokens)
    label = hits["label"].to_numpy(dtype=object).copy()
    start = hits["start"].to_numpy(np.int64)
    row = hits["row"].to_numpy(np.int64)
    at_start = tokens.sentence_start[start] if len(start) else np.zeros(0, dtype=bool)
    keep = np.ones(len(label), dtype=bool)
    for table_label, feature in _START.items():
        mine = label == table_label
        keep &= ~mine | at_start
        label[mine] = feature
    keep &= ~(np.isin(label, _NOT_START) & at_start)
    if len(start):  # German "sie/ihnen/ihre" lower-case are third person
        first = tokens.raw[start]
        lower = tokens.lower[start]
        de = cue_lang[row] == "de"
        pronoun = np.isin(lower, list(_DE_FORMAL)) & np.isin(
            label, ["second_person", "second_person_start", "counterfactual_modal",
                    "indicative_modal"])
        small = np.array([not str(t)[:1].isupper() for t in first], dtype=bool)
        keep &= ~(de & pronoun & small & ~at_start)
    # direct questions: only in sentences that end in "?"
    if len(tokens.raw):
        sentence = np.cumsum(tokens.sentence_start) - 1
        has_q = np.zeros(int(sentence[-1]) + 1, dtype=bool)
        has_q[sentence[tokens.raw == "?"]] = True
        keep &= ~(label == "direct_question") | has_q[sentence[start]]
    table = count_table(n, row[keep], label[keep], FEATURES)
    # positive and negative words of the sentiment lexicons
    if len(tokens.raw):
        for lang in ("de", "en"):
            valence = _valences(lang)
            score = np.fromiter((valence.get(w, 0.0) for w in tokens.vocab), dtype=float,
                                count=len(tokens.vocab))[tokens.code]
            mine = cue_lang[tokens.row] == lang
            pos = mine & (score > 0)
            neg = mine & (score < 0)
            np.add.at(table[:, FEATURES.index("positive_lexicon")], tokens.row[pos], 1.0)
            np.add.at(table[:, FEATURES.index("negative_lexicon")], tokens.row[neg], 1.0)
    scored = np.array([c is not None for c in cue_lang], dtype=bool)
    table[~scored] = np.nan
    out = pd.DataFrame(table, index=series.index, columns=list(FEATURES))
    out["language"] = pd.array(reported, dtype="str")
    return out


@rowwise
def politeness_score(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    weights: dict[str, float] | None = None,
) -> pd.Series:
    """A zero-shot politeness score: the signed sum of :func:`politeness_features`.

    ``score = sum(WEIGHTS[f] * count[f])`` with the signs of :data:`WEIGHTS` (+1
    for strategies the paper describes as polite, -1 for impolite ones, 0 where we do
    not rely on a direction). Higher is more polite; 0 is neutral. No weight was fitted
    on data; see BENCHMARKS.md for its agreement with the Stanford Politeness Corpus.

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Texts, typically agent replies.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        As in :func:`empathylab.sentiment`.
    weights : dict, optional
        Your own weights per feature (missing features weigh 0), e.g. from a model
        fitted on your own labelled replies.

    Returns
    -------
    pandas.Series
        ``politeness_score`` (float) indexed like ``texts``; NaN for blank texts and
        other languages.

    Examples
    --------
    >>> politeness_score(["Thanks! Could you please check it?", "Why didn't you answer?"])
    0    4.0
    1   -1.0
    Name: politeness_score, dtype: float64
    """
    used = WEIGHTS if weights is None else weights
    unknown = sorted(set(used) - set(FEATURES))
    if unknown:
        raise ValueError(
            f"`weights` has unknown features {unknown}; the features are {list(FEATURES)}."
        )
    features = politeness_features(texts, lang=lang)
    w = np.array([float(used.get(f, 0.0)) for f in FEATURES])
    values = features[list(FEATURES)].to_numpy(dtype=float)
    return pd.Series(values @ w, index=features.index, name="politeness_score")
