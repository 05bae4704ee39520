"""``empathy_score()``: how empathic each agent reply is, mechanism by mechanism."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from .._dask import rowwise
from .._validation import as_series, as_texts, check_argument
from ..exceptions import DataQualityWarning
from ..io.values import normalize_language
from ..text._whitespace import as_arrow
from ..text.language import detect_language
from ._boilerplate import boilerplate as _boilerplate
from ._lexicon import CATEGORIES, lexicon
from ._match import Column, find_cues, find_questions, noisy_or
from ._personal import personalization as _personalization
from ._tone import SHOUT_WEIGHT, address, shouting

__all__ = [
    "COLUMNS", "HARSHNESS_PENALTY", "MECHANISMS", "MECHANISM_WEIGHTS", "POLITENESS_SHARE",
    "SYMPATHY_THRESHOLD", "TARGETED_QUESTION", "empathy_score",
]  # fmt: skip

#: The five mechanisms, in the order of the output columns.
MECHANISMS = ("emotional_reaction", "interpretation", "exploration", "personalization",
              "ownership")
#: Weights of the mechanisms in ``empathy`` (they sum to 1).
MECHANISM_WEIGHTS: dict[str, float] = {
    "emotional_reaction": 0.25, "interpretation": 0.2, "exploration": 0.2,
    "personalization": 0.15, "ownership": 0.2,
}
#: Share of ``empathy`` that comes from politeness (the rest from the mechanisms); chosen
#: on LEAD (German ratings) from 0.1, 0.2, ..., 0.5 (Spearman 0.48 at 0.1, 0.52 at 0.3).
POLITENESS_SHARE = 0.3
#: ``empathy`` is multiplied by ``1 - HARSHNESS_PENALTY * harshness``.
HARSHNESS_PENALTY = 0.5
#: A mechanism counts as shown from this score on (``sympathy_only``).
SYMPATHY_THRESHOLD = 0.4
#: Exploration weight of a question about the customer's situation without a stronger cue.
TARGETED_QUESTION = 0.55
#: Output columns, in order.
COLUMNS = [*MECHANISMS, "sympathy_only", "boilerplate", "politeness", "harshness", "empathy",
           "evidence", "language", "address"]
_LISTENING_STRICT = ("emotional_reaction", "interpretation_strict", "exploration",
                     "personalization")


# --------------------------------------------------------------------------- inputs
def _as_series(values: Any, param: str) -> pd.Series:
    return as_series(values, param=param)


def _aligned(values: Any, replies: pd.Series, param: str) -> pd.Series:
    """``values`` as a Series in the order of ``replies`` (by index when it is a Series)."""
    series = _as_series(values, param)
    if len(series) != len(replies):
        raise ValueError(f"`{param}` has {len(series)} values but `replies` has {len(replies)}; "
                         f"pass one {param} value per reply (None where there is none).")
    if isinstance(values, pd.Series) and not series.index.equals(replies.index):
        if series.index.is_unique and replies.index.isin(series.index).all():
            return series.reindex(replies.index)
        raise ValueError(f"the index of `{param}` does not match the index of `replies`; "
                         f"align them, or pass `{param}` as a list in the order of the replies.")
    return pd.Series(series.to_numpy(dtype=object), index=replies.index)


def _texts(series: pd.Series) -> pd.Series:
    """Texts as object strings; non-strings other than missing values raise."""
    return as_texts(series, param="replies")


def _languages(texts: pd.Series, lang: str | Sequence[str] | pd.Series) -> np.ndarray:
    if isinstance(lang, str):
        if lang == "auto":
            out = detect_language(texts)["language"].to_numpy(dtype=object)
        else:
            check_argument("lang", ["auto", "de", "en"], lang)
            out = np.full(len(texts), lang, dtype=object)
    else:
        given = _aligned(lang, texts, "lang")
        norm = normalize_language(given.astype("string")).astype(object)
        out = norm.to_numpy(dtype=object, copy=True)
        known = norm.notna().to_numpy()
        out[known & ~np.isin(out, ["de", "en", "und"])] = "other"
        if not known.all():
            out[~known] = detect_language(texts[~known])["language"].to_numpy(dtype=object)
    blank = (texts.isna() | (texts.fillna("").astype(str).str.strip() == "")).to_numpy()
    out = out.astype(object)
    out[blank] = np.nan
    return out


def _check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    if weights is None:
        return dict(MECHANISM_WEIGHTS)
    unknown = set(weights) - set(MECHANISMS)
    if unknown:
        raise ValueError(f"`weights` has unknown mechanisms {sorted(unknown)}; allowed: "
                         f"{list(MECHANISMS)}.")
    out = {m: float(weights.get(m, 0.0)) for m in MECHANISMS}
    if any(v < 0 for v in out.values()) or sum(out.values()) <= 0:
        raise ValueError(f"`weights` must be non-negative and not all zero, but {out} was "
                         "passed.")
    return out


# --------------------------------------------------------------------------- scoring
def _in_questions(cues: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """``cues`` with ``q``: the index of the question each cue starts in (-1: none)."""
    out = cues.assign(q=-1)
    if not len(cues) or not len(questions):
        return out
    q = questions.assign(q=np.arange(len(questions)), end=questions["start"]
                         + questions["span"].str.len())[["row", "start", "end", "q"]]
    pairs = cues[["row", "start"]].reset_index().merge(q, on="row", suffixes=("", "_q"))
    pairs = pairs[(pairs["start"] >= pairs["start_q"]) & (pairs["start"] < pairs["end"])]
    out.loc[pairs["index"].to_numpy(), "q"] = pairs["q"].to_numpy()
    return out


def _explorations(cues: pd.DataFrame, arr: pa.ChunkedArray) -> tuple[pd.DataFrame,
                                                                      pd.DataFrame]:
    """Cues with question sentences judged: targeted questions become exploration.

    A question with a generic cue ("anything else I can help with") is generic; one
    with a harshness cue is a reproach (counted in harshness); any other question is
    exploration with the weight of its strongest question or exploration cue, at least
    :data:`TARGETED_QUESTION`. Question cues outside questions are dropped; generic and
    exploration cues inside a question count with the question.
    """
    questions = find_questions(arr)
    judged = _in_questions(cues, questions)
    inq = judged[judged["q"] >= 0]
    kinds = inq.groupby("q")["category"].agg(set) if len(inq) else pd.Series(dtype=object)
    generic = np.zeros(len(questions), dtype=bool)
    harsh = np.zeros(len(questions), dtype=bool)
    if len(kinds):
        idx = kinds.index.to_numpy(np.int64)
        generic[idx] = kinds.map(lambda k: "generic_question" in k).to_numpy(bool)
        harsh[idx] = kinds.map(lambda k: "harshness" in k).to_numpy(bool)
    weight = np.full(len(questions), TARGETED_QUESTION)
    strong = inq[inq["category"].isin(["question_cue", "exploration"])]
    if len(strong):
        best = strong.groupby("q")["weight"].max()
        weight[best.index.to_numpy(np.int64)] = np.maximum(TARGETED_QUESTION, best.to_numpy())
    targeted = ~generic & ~harsh
    found = pd.DataFrame({"row": questions["row"].to_numpy(np.int64)[targeted],
                          "category": "exploration", "weight": weight[targeted],
                          "span": questions["span"].to_numpy(object)[targeted],
                          "start": questions["start"].to_numpy(np.int64)[targeted]})
    gen = questions[generic][["row", "span", "start"]].reset_index(drop=True)
    drop = (judged["category"] == "question_cue") | (
        (judged["q"] >= 0) & judged["category"].isin(["exploration", "generic_question"]))
    rest = cues[~drop.to_numpy()]
    return pd.concat([rest, found], ignore_index=True), gen


def _score_language(texts: pd.Series, context: pd.Series | None, lang: str
                    ) -> tuple[dict[str, np.ndarray], pd.DataFrame]:
    """Scores of the texts of one language (aligned by position) and their evidence."""
    n = len(texts)
    arr = as_arrow(texts)
    lex = lexicon(lang)
    cues, generic = _explorations(find_cues(Column(arr), lex, CATEGORIES), arr)
    # self-disclosure ("I was", "my family") counts as interpretation (EPITOME's shared
    # experience), except where the "I" starts another cue: a commitment ("I will
    # check") is ownership, "I can imagine" an emotional reaction
    disc = (cues["category"] == "disclosure").to_numpy()
    if disc.any() and (~disc).any():
        other = cues[~disc]
        starts = pd.MultiIndex.from_arrays([other["row"], other["start"]])
        at = pd.MultiIndex.from_arrays([cues["row"], cues["start"]]).isin(starts)
        cues = cues[~(disc & at)]
    strict = cues[cues["category"] == "interpretation"]
    cues = cues.assign(category=cues["category"].replace({"disclosure": "interpretation"}))
    scores: dict[str, np.ndarray] = {}
    # for sympathy_only, interpretation without self-disclosure: an agent's "I" and "my"
    # are no sign of listening
    scores["interpretation_strict"] = noisy_or(strict["row"].to_numpy(np.int64),
                                               strict["weight"].to_numpy(), n)
    for name in ("emotional_reaction", "interpretation", "exploration", "ownership",
                 "politeness"):
        part = cues[cues["category"] == name]
        scores[name] = noisy_or(part["row"].to_numpy(np.int64), part["weight"].to_numpy(), n)
    harsh = cues[cues["category"].isin(["harshness", "imperative"])]
    shout = shouting(arr)
    shout_rows = np.flatnonzero(shout)
    scores["harshness"] = noisy_or(
        np.concatenate([harsh["row"].to_numpy(np.int64), shout_rows]),
        np.concatenate([harsh["weight"].to_numpy(), np.full(len(shout_rows), SHOUT_WEIGHT)]), n)
    scores["apology"] = np.bincount(cues.loc[cues["category"] == "apology", "row"]
                                    .to_numpy(np.int64), minlength=n) > 0
    labels = cues["category"].replace({"imperative": "harshness",
                                       "generic_question": "generic"}) + ": " + cues["span"]
    evidence = [pd.DataFrame({"row": cues["row"], "label": labels, "start": cues["start"]}),
                pd.DataFrame({"row": generic["row"], "label": "generic question: "
                              + generic["span"].astype(str), "start": generic["start"]})]
    evidence.append(pd.DataFrame({"row": shout_rows, "label": "harshness: !!", "start": 10**9}))
    if lang == "de":
        addr = address(arr)
        scores["address"] = addr
        mixed = np.flatnonzero(addr == "mixed")
        scores["politeness"][mixed] *= 0.5
        evidence.append(pd.DataFrame({"row": mixed, "label": "politeness: Sie and du mixed",
                                      "start": 10**9}))
    else:
        scores["address"] = np.full(n, None, dtype=object)
    if context is None:
        scores["personalization"] = np.full(n, np.nan)
    else:
        pers, pev = _personalization(texts, context, lang)
        scores["personalization"] = pers
        evidence.append(pd.DataFrame({"row": pev["row"], "label": "personalization: "
                                      + pev["span"].astype(str), "start": 10**9 + 1}))
    return scores, pd.concat(evidence, ignore_index=True)


def _overall(frame: pd.DataFrame, weights: dict[str, float]) -> np.ndarray:
    mech = frame[list(MECHANISMS)].to_numpy(float)
    w = np.array([weights[m] for m in MECHANISMS])
    avail = ~np.isnan(mech)
    total = (np.where(avail, mech, 0.0) * w).sum(axis=1)
    norm = (avail * w).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        core = np.where(norm > 0, total / norm, np.nan)
    polite = frame["politeness"].to_numpy(float)
    harsh = frame["harshness"].to_numpy(float)
    raw = ((1 - POLITENESS_SHARE) * core + POLITENESS_SHARE * polite) * (
        1 - HARSHNESS_PENALTY * harsh)
    return np.round(100 * np.clip(raw, 0.0, 1.0), 1)


@rowwise
def empathy_score(
    replies: Any,
    *,
    context: Any = None,
    lang: str | Sequence[str] | pd.Series = "auto",
    group: Any = None,
    boilerplate_min: int = 3,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Score the empathy of agent replies: five mechanisms, tone, boilerplate, overall.

    Empathy is not sympathy: an empathic reply names the customer's feeling, shows
    it understood the situation, asks targeted questions, picks up the customer's
    specifics and owns the next step; a sympathetic one apologises and offers the
    standard fix. The mechanisms follow EPITOME (Sharma et al. 2020: emotional
    reactions, interpretations, explorations), extended for customer service by
    personalization and ownership. Works without training data: cue lexicons in
    German and English written for empathylab (``empathylab/empathy/data/``,
    provenance in their headers); :class:`~empathylab.EmpathyModel` learns from
    labelled replies instead.

    Parameters
    ----------
    replies : pandas.Series or list of str
        Agent replies, one per row; missing or blank replies give missing scores.
    context : pandas.Series or list of str, optional
        The customer message each reply answers, aligned with ``replies`` (by index
        for a Series with the same labels, else by position). Needed for
        ``personalization``; without it that column is NaN and ``empathy`` is
        computed from the other four mechanisms.
    lang : {"auto", "de", "en"} or list-like, default="auto"
        Language of the replies; ``"auto"`` detects it per row with
        :func:`empathylab.text.detect_language`. Undetermined rows use the English
        cues; rows in another language are not scored (a DataQualityWarning says
        how many).
    group : pandas.Series or list, optional
        Agent or team of each reply: ``boilerplate`` compares a reply with the other
        replies of its group. None treats all replies as one group.
    boilerplate_min : int, default=3
        A sentence is canned when a near-duplicate of it occurs in at least this
        many replies of the group.
    weights : dict, optional
        Weights of the mechanisms in ``empathy`` (default :data:`MECHANISM_WEIGHTS`).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``replies``, with columns

        ``emotional_reaction``, ``interpretation``, ``exploration``,
        ``personalization``, ``ownership`` (float, 0..1)
            Mechanism scores. Each is ``1 - prod(1 - w)`` over the cues found, ``w``
            the cue's weight (0..1): one strong cue gives about 0.8, two weak ones
            about 0.5. *emotional_reaction*: names or acknowledges the customer's
            feeling ("I can imagine how annoying that is", "Das ist wirklich
            ärgerlich"); a routine apology ("sorry for the inconvenience") is not
            one. *interpretation*: shows it understood the situation (restates,
            validates, "if I understand correctly", "Sie haben völlig recht"), and
            shares a similar experience (EPITOME counts self-disclosure here: "when I
            was", "my family"; weakly any first-person statement that does not start
            a commitment).
            *exploration*: targeted questions about the customer's situation (each
            question sentence weighs :data:`TARGETED_QUESTION`, more with an open
            question cue); generic ones ("Is there anything else I can help with?",
            "Kann ich sonst noch etwas für Sie tun?") do not count.
            *personalization*: overlap with the customer's specifics in
            ``context``: order numbers, dates, amounts (0.8 each), the customer's
            content words (0.25, long words 0.4), not stop words or greetings.
            *ownership*: first-person commitments and actions taken ("I'll refund",
            "ich habe veranlasst"), time frames, owning an error.
        ``sympathy_only`` (boolean)
            An apology or thanks routine, and none of emotional_reaction,
            interpretation (without self-disclosure), exploration, personalization
            reaches :data:`SYMPATHY_THRESHOLD` (ownership of a standard fix may be
            there).
        ``boilerplate`` (float, 0..1)
            Share of the reply's characters in sentences that are near-duplicates
            of sentences in at least ``boilerplate_min`` replies of its group
            (MinHash of word bigrams); NaN when its group has fewer replies.
        ``politeness`` (float, 0..1)
            Please, thanks, greetings, closings, conditional requests; halved for a
            German reply that mixes *Sie* and *du*.
        ``harshness`` (float, 0..1)
            Blame, "as I already said", policy walls, reproachful questions,
            bare sentence-initial imperatives, ``!!``.
        ``empathy`` (float, 0..100)
            ``100 * (0.7 * core + 0.3 * politeness) * (1 - 0.5 * harshness)``, where
            ``core`` is the weighted mean of the available mechanisms
            (:data:`MECHANISM_WEIGHTS`: emotional reaction 0.25, interpretation,
            exploration and ownership 0.2 each, personalization 0.15).
        ``evidence`` (list of str)
            The matched spans as ``"mechanism: span"``, in reading order (also
            ``"generic question: ..."`` and ``"apology: ..."``, which do not count
            as empathy).
        ``language`` (str)
            ``"de"``, ``"en"``, ``"und"`` or ``"other"``; NaN for missing replies.
        ``address`` (str)
            German replies: ``"Sie"``, ``"du"``, ``"mixed"``; else missing.

    See Also
    --------
    empathylab.EmpathyModel : the same features plus n-grams, learned from labels.

    Examples
    --------
    >>> out = empathy_score(
    ...     ["I can imagine how annoying that is. I have sent a new charger today; "
    ...      "which address should it go to?",
    ...      "We apologize for the inconvenience. Please contact our hotline."],
    ...     context=["My charger broke after two days, really annoying.",
    ...              "Where is my parcel?"], lang="en")
    >>> out[["emotional_reaction", "exploration", "ownership", "sympathy_only"]].round(2)
       emotional_reaction  exploration  ownership  sympathy_only
    0                0.94          0.6        0.8          False
    1                0.00          0.0        0.0           True
    >>> out.loc[0, "evidence"][:2]
    ['emotional_reaction: I can imagine', 'emotional_reaction: how annoying']
    """
    series = _texts(_as_series(replies, "replies"))
    n = len(series)
    if isinstance(boilerplate_min, bool) or not isinstance(boilerplate_min, int) or \
            boilerplate_min < 2:
        raise ValueError(f"`boilerplate_min` must be an int >= 2, but {boilerplate_min!r} "
                         "was passed.")
    mech_weights = _check_weights(weights)
    ctx = None if context is None else _texts(_aligned(context, series, "context"))
    groups = (pd.Series("all", index=series.index, dtype=object) if group is None
              else _aligned(group, series, "group"))
    language = _languages(series, lang)
    frame = pd.DataFrame(np.nan, index=series.index,
                         columns=[*MECHANISMS, "boilerplate", "politeness", "harshness"])
    sympathy = pd.array([pd.NA] * n, dtype="boolean")
    addr = np.full(n, None, dtype=object)
    evidence: list[list[str]] = [[] for _ in range(n)]
    others = int(np.sum(language == "other"))
    if others:
        warnings.warn(f"{others} of {n} replies are neither German nor English and were not "
                      "scored (their scores are NaN); pass `lang=` if the detection is wrong.",
                      DataQualityWarning, stacklevel=2)
    for lang_code, codes in (("de", ["de"]), ("en", ["en", "und"])):
        pos = np.flatnonzero(np.isin(language, codes))
        if not len(pos):
            continue
        texts = series.iloc[pos]
        part_ctx = None if ctx is None else ctx.iloc[pos]
        scores, ev = _score_language(texts, part_ctx, lang_code)
        for name in (*MECHANISMS, "politeness", "harshness"):
            frame.iloc[pos, frame.columns.get_loc(name)] = scores[name]
        listening = np.column_stack([np.nan_to_num(scores[m]) for m in _LISTENING_STRICT])
        sympathy[pos] = scores["apology"] & (listening.max(axis=1) < SYMPATHY_THRESHOLD)
        addr[pos] = scores["address"]
        ev = ev.sort_values(["row", "start"], kind="stable")
        ev_rows = ev["row"].to_numpy(np.int64)
        cuts = np.flatnonzero(np.diff(ev_rows)) + 1
        if len(ev_rows):
            groups_ = np.split(ev["label"].to_numpy(object), cuts)
            for row, labels in zip(ev_rows[np.r_[0, cuts]], groups_, strict=True):
                evidence[pos[row]] = labels.tolist()
    frame["boilerplate"] = _boilerplate(series.where(pd.notna(language)), groups,
                                        boilerplate_min)
    scored = np.isin(language, ["de", "en", "und"])
    frame.loc[~scored, "boilerplate"] = np.nan
    frame["sympathy_only"] = sympathy
    frame["empathy"] = _overall(frame, mech_weights)
    frame["evidence"] = pd.Series(evidence, index=series.index, dtype=object)
    frame["language"] = pd.array(language, dtype="str")
    frame["address"] = pd.array(addr, dtype="str")
    return frame[COLUMNS]

