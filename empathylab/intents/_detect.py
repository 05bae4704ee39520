"""``detect_intents()``: churn, escalation, word-of-mouth and repeat-contact intents.

The cues are package data (``data/intents_en.tsv``, ``data/intents_de.tsv``), each
file documenting its provenance and format. All patterns of a language are one
compiled regular expression run once over the column joined into a single string;
only the (few) matches are looked at in Python, to check for negation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._dask import rowwise
from .._validation import check_argument

__all__ = ["INTENTS", "detect_intents", "intent_rules"]

INTENTS: tuple[str, ...] = (
    "churn", "escalation", "negative_wom", "positive_wom", "repeat_contact",
)
LANGUAGES = ("en", "de")
_MODES = ("fixed", "ability", "negatable", "flip")
_SPACE = "[ \\t]+"
_BOUNDARY = re.compile(r"[.!?;:,()\[\]\"„“”]")
# a clause also turns at these words: a negation before them does not reach the match
_TURN = {"but", "however", "though", "although", "aber", "sondern", "doch", "jedoch",
         "allerdings", "trotzdem", "if", "unless", "because", "when", "until", "and", "or",
         "wenn", "falls", "weil", "dass", "ob", "sobald", "bis", "und", "oder", "sonst"}
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class IntentRule:
    """One cue line of a lexicon file."""

    lang: str
    intent: str
    mode: str
    pattern: str
    anchor: str
    line: int


def _read(lang: str) -> list[IntentRule]:
    text = resources.files("empathylab.intents").joinpath(f"data/intents_{lang}.tsv").read_text(
        encoding="utf-8"
    )
    rules = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4:  # pragma: no cover - guarded by the tests of the files
            raise ValueError(f"intents_{lang}.tsv line {number}: expected 4 tab-separated fields")
        intent, mode, pattern, anchor = parts
        rules.append(IntentRule(lang, intent, mode, pattern, anchor, number))
    return rules


def intent_rules() -> pd.DataFrame:
    """The shipped cue table: ``lang, intent, mode, pattern, anchor, line`` (one row per cue).

    Examples
    --------
    >>> rules = intent_rules()
    >>> sorted(rules["intent"].unique())[:3]
    ['_inability', '_negation', 'churn']
    """
    rows = [r.__dict__ for lang in LANGUAGES for r in _read(lang)]
    return pd.DataFrame(rows, columns=["lang", "intent", "mode", "pattern", "anchor", "line"])


def _spaced(pattern: str) -> str:
    return pattern.replace(" ", _SPACE)


@dataclass(frozen=True)
class _Compiled:
    regex: re.Pattern[str]
    groups: dict[str, tuple[str, str]]  # group name -> (intent, mode)
    negation: re.Pattern[str]
    inability: re.Pattern[str]
    prefilter: str  # alternation of the anchors: every match contains one


@cache
def _compiled(lang: str) -> _Compiled:
    rules = _read(lang)
    # fixed cues first: at the same start they win ("can't recommend them enough")
    ordered = sorted((r for r in rules if not r.intent.startswith("_")),
                     key=lambda r: _MODES.index(r.mode))
    groups: dict[str, tuple[str, str]] = {}
    parts = []
    for i, rule in enumerate(ordered):
        name = f"g{i}"
        groups[name] = (rule.intent, rule.mode)
        parts.append(f"(?P<{name}>{_spaced(rule.pattern)})")
    regex = re.compile(r"(?<![\w'])(?:" + "|".join(parts) + ")", re.IGNORECASE | re.MULTILINE)

    def cues(kind: str) -> re.Pattern[str]:
        body = "|".join(_spaced(r.pattern) for r in rules if r.intent == kind)
        return re.compile(r"(?<![\w'])(?:" + body + ")", re.IGNORECASE)

    anchors = sorted({a for r in ordered for a in r.anchor.split("|")})
    prefilter = "|".join(re.sub(r"([\\.^$*+?()\[\]{}|])", r"\\\1", a) for a in anchors)
    return _Compiled(regex, groups, cues("_negation"), cues("_inability"), prefilter)


def anchor_text(clean: pd.Series) -> pd.Series:
    """Texts as the anchors are matched on: lower case, each run of characters other
    than letters, digits, ``'``, ``_`` and ``-`` one space, a space in front."""
    return pd.Series(_anchor_array(clean).to_pylist(), index=clean.index, dtype="str")


def _anchor_array(clean: pd.Series) -> pa.Array:
    array = pa.array(clean.astype("str").tolist(), type=pa.large_string())
    folded = pc.replace_substring_regex(pc.utf8_lower(array), r"[^\p{L}\p{N}_'-]+", " ")
    return pc.utf8_replace_slice(folded, start=0, stop=0, replacement=" ")


def _candidates(values: pd.Series, comp: _Compiled) -> np.ndarray:
    """Mask of the texts that contain an anchor (one pass of Arrow's RE2 engine over a
    plain alternation of strings, linear in the text)."""
    hit = pc.match_substring_regex(_anchor_array(values), comp.prefilter)
    return np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)


def _clause_before(text: str) -> list[str]:
    """Words of the clause that ends where ``text`` ends (after its last boundary)."""
    cut = max((m.end() for m in _BOUNDARY.finditer(text)), default=0)
    words = _WORD.findall(text[cut:])
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in _TURN:
            return words[i + 1:]
    return words


def _clause_after(text: str) -> list[str]:
    m = _BOUNDARY.search(text)
    words = _WORD.findall(text[: m.start()] if m else text)
    for i, w in enumerate(words):
        if w.lower() in _TURN:
            return words[:i]
    return words


def _scan(
    joined: str, starts: np.ndarray, comp: _Compiled
) -> list[tuple[int, str, str, int]]:
    """(row position, intent, span, offset in the row) of every match that survives the
    negation check."""
    found: list[tuple[int, str, str, int]] = []
    ends = np.r_[starts[1:] - 1, len(joined)]
    for m in comp.regex.finditer(joined):
        group = m.lastgroup
        if group is None:  # pragma: no cover - every alternative is a named group
            continue
        intent, mode = comp.groups[group]
        span = m.group(0)
        row = int(np.searchsorted(starts, m.start(), side="right") - 1)
        if mode != "fixed":
            lo, hi = int(starts[row]), int(ends[row])
            before = _clause_before(joined[max(lo, m.start() - 120): m.start()])
            after = _clause_after(joined[m.end(): min(hi, m.end() + 80)])[:3]
            window = " ".join([*before[-3:], span, *after])
            negated = comp.negation.search(window) is not None
            if negated and mode == "ability":
                wide = " ".join([*before[-6:], span, *after])
                negated = comp.inability.search(wide) is None
            if negated:
                if mode != "flip":
                    continue
                intent = "negative_wom"
        found.append((row, intent, span, m.start() - int(starts[row])))
    return found


def _languages(texts: pd.Series, lang: str | Sequence[str] | pd.Series) -> dict[str, np.ndarray]:
    """Rows (positions) each language's cues run on."""
    n = len(texts)
    everything = np.arange(n)
    if isinstance(lang, str):
        if lang == "auto":
            return dict.fromkeys(LANGUAGES, everything)
        check_argument("lang", ["auto", *LANGUAGES], lang)
        return {lang: everything}
    given = lang if isinstance(lang, pd.Series) else pd.Series(list(lang))
    if len(given) != n:
        raise ValueError(
            f"`lang` has {len(given)} values but `texts` has {n}; pass one language per "
            "text, or 'auto', 'de' or 'en'."
        )
    codes = (given.astype("string").str.strip().str.lower().str[:2].fillna("")
             .to_numpy(dtype=object))
    unknown = ~np.isin(codes, list(LANGUAGES))
    return {code: np.flatnonzero((codes == code) | unknown) for code in LANGUAGES}


def _clean(series: pd.Series) -> pd.Series:
    """Texts with each whitespace run as one space and typographic apostrophes plain."""

    array = pa.array(series.astype("string").fillna("").tolist(), type=pa.large_string())
    array = pc.replace_substring_regex(array, r"[\s\x{00a0}\x{2028}\x{2029}]+", " ")
    array = pc.replace_substring(array, "’", "'")
    return pd.Series(array.to_pylist(), index=series.index, dtype="str")


@rowwise
def detect_intents(
    texts: pd.Series | Sequence[str],
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    prefilter: bool = True,
) -> pd.DataFrame:
    """Churn, escalation, word-of-mouth and repeat-contact intents in customer texts.

    Cues are German and English phrases (package data written from domain
    knowledge; :func:`intent_rules` lists them). A cue is negation-aware: a
    negation in the three words before it, in the cue itself or in up to three
    words after it within the same clause drops it ("I will not cancel",
    "ich werde nicht kündigen"), except when the negation states a barrier
    ("I can't cancel my contract" is churn). A negated recommendation counts as
    negative word of mouth ("würde nicht empfehlen", "would not recommend").

    Parameters
    ----------
    texts : pandas.Series of str (or list-like)
        Customer messages; NA and empty texts have no intents.
    lang : {"auto", "de", "en"} or a Series of language codes, default="auto"
        ``"auto"`` runs the cues of both languages on every text (they do not
        overlap, and short messages are often mixed); ``"de"`` or ``"en"``
        only that language's; a Series gives the language per row (rows in
        other or unknown languages get both).
    prefilter : bool, default=True
        Run the full rules only on texts that contain one of the rules' anchor
        strings (found in one linear pass of Arrow's RE2 engine). The result is
        the same either way; False is slower.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts``: bool columns ``churn`` (announces or asks to
        cancel, switch or leave), ``escalation`` (lawyer, court, regulator,
        consumer body, press, manager), ``negative_wom`` (warns or tells others,
        bad reviews, negated recommendations), ``positive_wom`` (recommends,
        referral), ``repeat_contact`` (writes again about the same matter), and
        ``intent_evidence``: a list of ``"intent: span"`` strings, in text order.

    Examples
    --------
    >>> out = detect_intents(pd.Series([
    ...     "Ich kündige meinen Vertrag und wechsle zur Konkurrenz!",
    ...     "I will not cancel, but this is the third time I'm writing.",
    ...     "Würde ich nicht weiterempfehlen.",
    ... ]))
    >>> out[["churn", "repeat_contact", "negative_wom", "positive_wom"]]
       churn  repeat_contact  negative_wom  positive_wom
    0   True           False         False         False
    1  False            True         False         False
    2  False           False          True         False
    >>> out.loc[1, "intent_evidence"]
    ["repeat_contact: third time I'm writing"]
    """
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="str")
    n = len(series)
    clean = _clean(series)
    values = clean.tolist()
    lengths = np.fromiter((len(v) for v in values), dtype=np.int64, count=n)
    flags = {name: np.zeros(n, dtype=bool) for name in INTENTS}
    evidence: list[list[tuple[int, str]]] = [[] for _ in range(n)]
    for code, rows in _languages(series, lang).items():
        comp = _compiled(code)
        if prefilter and len(rows):
            rows = rows[_candidates(clean.iloc[rows], comp)]
        if not len(rows):
            continue
        sub = rows
        joined = "\n".join(values[i] for i in rows)
        starts = np.r_[0, np.cumsum(lengths[rows] + 1)[:-1]]
        if not joined:
            continue
        for pos, intent, span, offset in _scan(joined, starts, comp):
            row = int(sub[pos])
            flags[intent][row] = True
            evidence[row].append((offset, f"{intent}: {span.strip()}"))
    listed = []
    for ev in evidence:
        items = [item for _, item in sorted(ev)]
        listed.append(list(dict.fromkeys(items)))
    out = pd.DataFrame(flags, index=series.index)
    out["intent_evidence"] = pd.Series(listed, index=series.index, dtype=object)
    return out
