"""``actionability()``: does a text need an answer, carry an idea, praise, or say nothing?"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._dask import rowwise
from ..emotions._common import count_table, evidence_lists, prepare
from ..exceptions import DataQualityWarning
from ..text._cues import column_hits

__all__ = ["ACTIONS", "actionability"]

#: categories of ``action``, in the order they win when several apply
ACTIONS = ("response_needed", "suggestion", "praise", "other", "not_meaningful")
_LABELS = ("qword", "request", "rhetorical", "problem", "resolved", "churn", "suggestion",
           "praise")
#: a whole answer that carries no content ("n/a", "-", "nichts", "keine Angaben", "ok")
_FILLER = re.compile(
    r"^\W*(?:n/?a|na|none|nothing|no comments?|nope|nix|nichts|keine?|kein kommentar|"
    r"keine angaben?|k\.?\s?a\.?|ok(?:ay)?|test|asdf\w*|xxx+|\.+|-+|\?+|!+)\W*$",
    re.IGNORECASE,
)
#: sentiment ``compound`` below which a text is a complaint (chosen on the bundled samples)
COMPLAINT_BELOW = -0.2
_LETTER = re.compile(r"[^\W\d_]")


def _not_meaningful(series: pd.Series) -> np.ndarray:
    """Blank texts, texts without letters, and stock fillers."""
    text = series.astype(object).where(series.notna(), "").astype(str)
    no_letters = ~text.str.contains(_LETTER, regex=True)
    filler = text.str.match(_FILLER)
    return (no_letters | filler).to_numpy(bool)


@rowwise
def actionability(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    complaint_below: float | None = COMPLAINT_BELOW,
) -> pd.DataFrame:
    """Route feedback: does it need an answer, carry a suggestion, praise, or say nothing?

    A text needs a response when it asks a question (a sentence ending in ``?`` that
    is not rhetorical: "Warum immer ich?", "Is this a joke?" are not questions), asks
    for an answer or action without a question mark ("Bitte um Rückmeldung",
    "please call me"), describes a problem it does not also call resolved, or
    threatens to leave ("ich kündige", "I'll take my business elsewhere", a lawyer),
    or is a complaint: its sentiment (:func:`empathylab.sentiment`) is clearly
    negative, and it calls nothing resolved and makes no suggestion. The cues
    (``actionability/data/actionability.tsv``) were written for this project.

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Feedback texts, German and English mixed.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        As in :func:`empathylab.sentiment`.
    complaint_below : float or None, default=-0.2
        A text whose sentiment ``compound`` is below this is a complaint that needs a
        response. The default was chosen on the bundled samples (BENCHMARKS.md:
        macro-F1 0.823 without, 0.846 with it, before the suggestion cues were
        extended). None leaves sentiment out (faster).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts``, with

        ``action`` (str)
            ``response_needed``, ``suggestion``, ``praise``, ``other`` or
            ``not_meaningful`` (blank, no letters, or a filler such as "n/a",
            "nichts", "-"): the first that applies in this order.
        ``response_needed``, ``question``, ``problem``, ``churn_threat``, (bool)
        ``complaint``, ``suggestion``, ``praise``, ``not_meaningful`` (bool)
            The signals behind it; ``problem`` is an unresolved problem (a cue),
            ``complaint`` a clearly negative text that calls nothing resolved and
            makes no suggestion.
        ``action_evidence`` (list of str)
            ``"signal: span"`` for every cue, and ``"question: ...?"`` for the
            question sentences.
        ``language`` (str)
            As in :func:`empathylab.emotions`.

    Examples
    --------
    >>> out = actionability(["Wann kommt mein Paket?", "Warum immer ich?! Unfassbar.",
    ...                      "Es wäre schön, wenn man Termine wählen könnte.",
    ...                      "Super Service!", "n/a"])
    >>> out["action"].tolist()
    ['response_needed', 'response_needed', 'suggestion', 'praise', 'not_meaningful']
    >>> out["question"].tolist(), out["complaint"].tolist()[1]
    ([True, False, False, False, False], True)
    """
    series, reported, cue_lang, tokens = prepare(texts, lang)
    n = len(series)
    hits = column_hits(series, cue_lang, "empathylab.actionability", "actionability.tsv",
                       tokens=tokens)
    label = hits["label"].to_numpy(dtype=object).copy()
    negated = hits["negated"].to_numpy(bool)
    # a negated praise word ("nicht zufrieden", "not good") is a complaint; a negated
    # "resolved" ("nicht gelöst") an open problem; other negated cues do not count
    flip_praise = negated & (label == "praise")
    flip_resolved = negated & (label == "resolved")
    label[flip_praise | flip_resolved] = "problem"
    drop = negated & np.isin(label, ["churn", "suggestion"]) & ~(flip_praise | flip_resolved)
    drop |= negated & (label == "problem") & ~(flip_praise | flip_resolved)
    keep = ~drop
    row = hits["row"].to_numpy(np.int64)[keep]
    start = hits["start"].to_numpy(np.int64)[keep]
    label = label[keep]
    span = hits["span"].to_numpy(dtype=object).copy()
    span[negated] = span[negated] + " (negated)"
    span = span[keep]
    # questions: sentences with a "?" token and no rhetorical cue
    sentence = np.cumsum(tokens.sentence_start) - 1 if len(tokens.raw) else np.zeros(0, int)
    n_sent = int(sentence[-1]) + 1 if len(sentence) else 0
    has_q = np.zeros(n_sent, dtype=bool)
    has_q[sentence[tokens.raw == "?"]] = True
    rhetorical = np.zeros(n_sent, dtype=bool)
    hit_sentence = sentence[start] if len(start) else np.zeros(0, dtype=np.int64)
    rhetorical[hit_sentence[label == "rhetorical"]] = True
    question_sentence = has_q & ~rhetorical
    sent_row = np.zeros(n_sent, dtype=np.int64)
    if len(sentence):
        sent_row[sentence] = tokens.row
    scored = np.array([c is not None for c in cue_lang], dtype=bool)
    question = np.zeros(n, dtype=bool)
    q_rows = sent_row[question_sentence]
    q_rows = q_rows[scored[q_rows]] if len(q_rows) else q_rows
    question[q_rows] = True
    # evidence of questions: the question sentence (its first eight tokens)
    in_q = question_sentence[sentence] & scored[tokens.row] if len(sentence) else np.zeros(
        0, dtype=bool)
    q_text = pd.Series(tokens.raw[in_q], dtype=object).groupby(sentence[in_q]).agg(
        lambda x: " ".join(x.iloc[:8]))
    q_items = np.array(["question: " + t for t in q_text.to_numpy(dtype=object)], dtype=object)
    q_item_rows = sent_row[q_text.index.to_numpy(dtype=np.int64)]
    counts = count_table(n, row, label, _LABELS) > 0
    col = {name: counts[:, i] for i, name in enumerate(_LABELS)}
    problem = col["problem"] & ~col["resolved"]
    complaint = np.zeros(n, dtype=bool)
    if complaint_below is not None and n:
        from ..sentiment import sentiment

        with warnings.catch_warnings():  # other languages were reported by prepare()
            warnings.simplefilter("ignore", DataQualityWarning)
            compound = sentiment(series, lang=pd.Series(reported, index=series.index,
                                                        dtype=object))["compound"]
        complaint = (compound < float(complaint_below)).to_numpy(bool) & ~col["resolved"]
        complaint &= ~col["suggestion"]  # a wish phrased as a lack ("leider fehlt ...")
    churn = col["churn"]
    request = col["request"]
    response = (question | request | problem | churn | complaint) & scored
    not_meaningful = _not_meaningful(series) & ~response
    suggestion = col["suggestion"]
    praise = col["praise"] & ~problem & ~complaint
    action = np.full(n, "other", dtype=object)
    action[not_meaningful] = "not_meaningful"
    action[praise & ~not_meaningful] = "praise"
    action[suggestion & ~not_meaningful] = "suggestion"
    action[response] = "response_needed"
    shown = ~np.isin(label, ["qword", "rhetorical", "resolved"]) | (label == "rhetorical")
    names = {"churn": "churn_threat", "request": "request"}
    items = np.array([f"{names.get(a, a)}: {b}" for a, b in zip(label, span, strict=True)],
                     dtype=object)
    ev_rows = np.concatenate([row[shown], q_item_rows])
    ev_items = np.concatenate([items[shown], q_items])
    ev_start = np.concatenate([start[shown], np.full(len(q_items), -1)])
    order = np.lexsort((ev_start, ev_rows))
    out = pd.DataFrame(index=series.index)
    out["action"] = pd.array(action, dtype="str")
    out["response_needed"] = response
    out["question"] = question
    out["problem"] = problem & scored
    out["churn_threat"] = churn & scored
    out["complaint"] = complaint & scored
    out["suggestion"] = suggestion & scored
    out["praise"] = praise & scored
    out["not_meaningful"] = not_meaningful
    out["action_evidence"] = pd.Series(
        evidence_lists(n, ev_rows[order], ev_items[order]), index=series.index, dtype=object
    )
    out["language"] = pd.array(reported, dtype="str")
    return out
