"""Finding the NPS, CSAT, CES, rating and free-text questions of a survey export.

Survey tools name their columns after the questions (Typeform, SurveyMonkey)
or number them (Qualtrics ``Q1``, ``Q2_1``) and put the question text in a
second header row. A question is recognised by its text (German or English)
*and* its answers: a score needs at least 80 % of its answers to read as
numbers (``"10 - Äußerst wahrscheinlich"`` counts; Likert labels such as
``"Sehr zufrieden"`` or ``"Stimme eher zu"`` are translated first), a free
text needs answers that mostly do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

import pandas as pd

from ..schema import normalize_header
from ..values import is_blank, parse_scores
from ._common import add_column, lookup_labels

__all__ = ["CES_LABELS", "CSAT_LABELS", "QUESTION_PATTERNS", "add_survey_columns", "find_questions"]

#: Question-text patterns, matched against ``normalize_header(question)`` (ASCII, lower case).
QUESTION_PATTERNS: dict[str, re.Pattern[str]] = {
    "nps": re.compile(r"empfehl|recommend|\bnps\b|net promoter"),
    "ces": re.compile(
        r"\bleicht|einfach|aufwand|aufwaendig|muehe|muehelos|unkompliziert|schwierig"
        r"|\b(?:easy|ease|effort|simple|difficult)\b"
    ),
    "csat": re.compile(r"zufrieden|satisf|\bcsat\b"),
    "rating": re.compile(r"bewert|sterne|benot|punkte|\b(?:rate|rating|stars?|note|score)\b"),
    # German stems match inside compounds ("Hauptgrund", "Verbesserungsvorschlag").
    "text": re.compile(
        r"warum|wieso|weshalb|grund|kommentar|anmerk|mitteil|verbesser|erlaeuter|beschreib"
        r"|vorschlaeg|vorschlag|wuensch|begruend|sonst noch|was koennten|was koennen|was hat"
        r"|\b(?:why|comments?|feedback|reasons?|tell us|improve\w*|explain|describe"
        r"|anything else|suggest\w*|what could|what did|wish)\b"
    ),
}

#: Satisfaction labels -> 1-5 (German and English; Qualtrics' and SurveyMonkey's defaults).
CSAT_LABELS: dict[str, tuple[str, ...]] = {
    "5": (
        "extremely satisfied",
        "very satisfied",
        "completely satisfied",
        "sehr zufrieden",
        "aeusserst zufrieden",
        "voll und ganz zufrieden",
        "vollkommen zufrieden",
    ),
    "4": ("satisfied", "somewhat satisfied", "mostly satisfied", "zufrieden", "eher zufrieden"),
    "3": (
        "neither satisfied nor dissatisfied",
        "neutral",
        "weder zufrieden noch unzufrieden",
        "teils teils",
        "teilweise zufrieden",
    ),
    "2": ("dissatisfied", "somewhat dissatisfied", "unzufrieden", "eher unzufrieden"),
    "1": (
        "extremely dissatisfied",
        "very dissatisfied",
        "sehr unzufrieden",
        "aeusserst unzufrieden",
        "ueberhaupt nicht zufrieden",
        "voellig unzufrieden",
    ),
}

#: Agreement labels -> 1-7: agreement with a statement such as "The company made it easy
#: for me to handle my issue", on the seven-point scale the canonical ``ces`` column uses.
CES_LABELS: dict[str, tuple[str, ...]] = {
    "7": (
        "strongly agree",
        "stimme voll und ganz zu",
        "stimme voll zu",
        "trifft voll und ganz zu",
        "trifft voll zu",
    ),
    "6": ("agree", "stimme zu", "trifft zu"),
    "5": ("somewhat agree", "stimme eher zu", "trifft eher zu"),
    "4": ("neither agree nor disagree", "weder noch", "teils teils", "neutral"),
    "3": ("somewhat disagree", "stimme eher nicht zu", "trifft eher nicht zu"),
    "2": ("disagree", "stimme nicht zu", "trifft nicht zu"),
    "1": (
        "strongly disagree",
        "stimme ueberhaupt nicht zu",
        "stimme gar nicht zu",
        "trifft ueberhaupt nicht zu",
        "trifft gar nicht zu",
    ),
}

_LABELS: dict[str, Mapping[str, tuple[str, ...]]] = {"csat": CSAT_LABELS, "ces": CES_LABELS}
_SCORE_ORDER = ("nps", "ces", "csat", "rating")


def _translated(values: pd.Series, kind: str) -> pd.Series:
    table = _LABELS.get(kind)
    return lookup_labels(values, table) if table is not None else values


def _numeric_share(values: pd.Series) -> float:
    """Share of the non-empty answers that read as numbers (0 when all are empty)."""
    present = ~is_blank(values)
    if not present.any():
        return 0.0
    parsed, _ = parse_scores(values[present])
    return float(parsed.notna().mean())


def _mean_length(values: pd.Series) -> float:
    text = values.astype("string").str.strip()
    text = text[text.notna() & (text != "")]
    return float(text.str.len().mean()) if len(text) else 0.0


def find_questions(
    raw: pd.DataFrame,
    questions: Mapping[str, str],
    *,
    skip: Collection[str] = (),
    free_text: Callable[[str], bool] | None = None,
) -> dict[str, str]:
    """Canonical column (``nps, ces, csat, rating, text``) -> the column answering it.

    Parameters
    ----------
    raw : pandas.DataFrame
        The export's answers.
    questions : mapping of str to str
        Column -> question text (the header itself when there is no question row).
    skip : collection of str, default=()
        Columns that are not questions (ids, dates, metadata).
    free_text : callable, optional
        ``free_text(column) -> bool`` for columns the tool marks as open answers
        (Qualtrics' ``_TEXT`` suffix, SurveyMonkey's "Open-Ended Response"); used
        when no question text asks for a comment. The longest answers win.

    Returns
    -------
    dict
        One entry per kind found; each column is used once. Scores are tried
        in the order NPS, CES, CSAT, rating.
    """
    candidates = [c for c in raw.columns if c not in skip and not _is_group(c)]
    texts = {c: normalize_header(questions.get(c, c)) for c in candidates}
    found: dict[str, str] = {}
    used: set[str] = set()
    shares: dict[tuple[str, str], float] = {}

    def share(col: str, kind: str) -> float:
        key = (col, kind if kind in _LABELS else "")
        if key not in shares:
            shares[key] = _numeric_share(_translated(raw[col], kind))
        return shares[key]

    for kind in _SCORE_ORDER:
        pattern = QUESTION_PATTERNS[kind]
        for col in candidates:
            if col in used or not pattern.search(texts[col]):
                continue
            if share(col, kind) >= 0.8:
                found[kind] = col
                used.add(col)
                break
    open_answers = [c for c in candidates if c not in used and share(c, "") < 0.5]
    asked = [c for c in open_answers if QUESTION_PATTERNS["text"].search(texts[c])]
    marked = [c for c in open_answers if free_text is not None and free_text(c)]
    for pool in (asked, marked):
        if raw.empty and pool:  # an export without responses: the question text decides
            found["text"] = pool[0]
            break
        lengths = {c: _mean_length(raw[c]) for c in pool}
        lengths = {c: n for c, n in lengths.items() if n > 0}
        if lengths:
            found["text"] = max(lengths, key=lambda c: lengths[c])
            break
    return found


def _is_group(column: str) -> bool:
    """Qualtrics' derived NPS category column (``Q1_NPS_GROUP``): not a score."""
    return normalize_header(column).endswith("nps group")


def add_survey_columns(
    raw: pd.DataFrame, out: pd.DataFrame, found: Mapping[str, str]
) -> pd.DataFrame:
    """Copy the questions found into canonical columns of ``out`` (labels translated).

    Answers that still do not read as numbers are reported by the reader.
    """
    for kind, col in found.items():
        out = add_column(out, kind, _translated(raw[col], kind))
    return out
