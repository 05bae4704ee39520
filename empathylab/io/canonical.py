"""From a raw table with the vendor's headers to the canonical schema.

Two steps: :func:`resolve_columns` decides which source column feeds which
canonical column (exact canonical names, the caller's ``columns=``, the
preset's aliases, the German/English synonyms, and for the generic preset
similarity), then :func:`to_canonical` parses and checks the values and
records every problem with its lines.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .._validation import did_you_mean
from ..exceptions import FeedbackFormatError
from .presets import Preset, PresetContext
from .presets.generic import SYNONYMS
from .schema import (
    CANONICAL_COLUMNS,
    ID_COLUMNS,
    SCORE_COLUMNS,
    SCORE_RANGES,
    normalize_header,
)
from .values import (
    infer_extra,
    normalize_channel,
    normalize_language,
    normalize_role,
    parse_datetimes,
    parse_scores,
)

__all__ = ["resolve_columns", "to_canonical"]

# Columns a similarity match may fill (ids are too easy to confuse).
_FUZZY = (
    "text",
    "timestamp",
    "nps",
    "csat",
    "ces",
    "rating",
    "channel",
    "touchpoint",
    "customer_id",
    "conversation_id",
    "agent_id",
    "language",
)
# Extra question-style phrases only used by similarity matching (survey question headers).
_PHRASES: dict[str, tuple[str, ...]] = {
    "nps": ("weiterempfehlen", "empfehlen", "recommend", "wahrscheinlich empfehlen"),
    "csat": ("zufrieden", "satisfied", "how satisfied", "wie zufrieden"),
    "ces": ("einfach", "easy", "how easy", "wie einfach", "aufwand", "effort", "muehelos"),
    "text": (
        "kommentar",
        "comment",
        "anmerkung",
        "feedback",
        "warum",
        "why",
        "grund",
        "reason",
        "verbesser",
        "improve",
        "tell us",
        "mitteilen",
        "sagen",
        "freitext",
        "erlaeuter",
    ),
}


def _pick(canonical: str, names: Sequence[str], available: dict[str, str]) -> str | None:
    for alias in names:
        hit = available.get(normalize_header(alias))
        if hit is not None:
            return hit
    return None


def _similar(canonical: str, available: dict[str, str]) -> str | None:
    """A header that contains a synonym as a word, as the head of a German compound, or
    that is a near-spelling of one."""
    words = tuple(
        normalize_header(w) for w in (*SYNONYMS.get(canonical, ()), *_PHRASES.get(canonical, ()))
    )
    for norm, original in available.items():
        tokens = norm.split()
        padded = f" {norm} "
        for word in words:
            if len(word) < 3:
                continue
            if f" {word} " in padded:
                return original
            if len(word) >= 5 and any(t.endswith(word) or t.startswith(word) for t in tokens):
                return original
    close = difflib.get_close_matches(canonical, list(available), n=1, cutoff=0.85) or [
        m
        for w in words
        if len(w) >= 5
        for m in difflib.get_close_matches(w, list(available), n=1, cutoff=0.88)
    ]
    return available[close[0]] if close else None


def resolve_columns(
    columns: Sequence[str],
    preset: Preset,
    overrides: Mapping[str, str | None] | None,
    *,
    source: str,
) -> dict[str, str]:
    """Canonical column -> source column.

    Raises
    ------
    FeedbackFormatError
        When ``overrides`` names a canonical column that does not exist or a
        source column that is not in the file.
    """
    mapping: dict[str, str] = {}
    skipped: set[str] = set()
    for canonical, column in (overrides or {}).items():
        if canonical not in CANONICAL_COLUMNS:
            raise FeedbackFormatError(
                f"`columns` keys must be canonical column names {list(CANONICAL_COLUMNS)}, but "
                f"{canonical!r} was passed{did_you_mean(canonical, CANONICAL_COLUMNS)}"
            )
        if column is None:
            skipped.add(canonical)
            continue
        if column not in columns:
            raise FeedbackFormatError(
                f"{source}: column {column!r} (from columns={{{canonical!r}: {column!r}}}) not "
                f"found{did_you_mean(column, columns)} The file's columns are: "
                f"{', '.join(map(str, columns[:40]))}."
            )
        mapping[canonical] = column
    used = set(mapping.values())

    def free() -> dict[str, str]:
        return {normalize_header(c): c for c in columns if c not in used}

    # 1. columns that already carry canonical names (a preset's prepare() may add them)
    for canonical in CANONICAL_COLUMNS:
        if canonical in mapping or canonical in skipped:
            continue
        if canonical in columns and canonical not in used:
            mapping[canonical] = canonical
            used.add(canonical)
    # 2. the preset's aliases, 3. the German/English synonyms, 4. similarity
    tables: list[Mapping[str, Sequence[str]]] = [preset.aliases, SYNONYMS]
    for table in tables:
        for canonical in CANONICAL_COLUMNS:
            if canonical in mapping or canonical in skipped or canonical not in table:
                continue
            hit = _pick(canonical, table[canonical], free())
            if hit is not None:
                mapping[canonical] = hit
                used.add(hit)
    if preset.fuzzy:
        for canonical in _FUZZY:
            if canonical in mapping or canonical in skipped:
                continue
            hit = _similar(canonical, free())
            if hit is not None:
                mapping[canonical] = hit
                used.add(hit)
    return {c: mapping[c] for c in CANONICAL_COLUMNS if c in mapping}


def _guess_text_column(frame: pd.DataFrame, used: set[str]) -> str | None:
    best, best_len = None, 15.0
    for col in frame.columns:
        if col in used or frame[col].dtype.kind in "biufcmM":
            continue
        text = frame[col].astype("string").dropna()
        text = text[text.str.strip() != ""]
        if len(text) == 0:
            continue
        mean_len = float(text.str.len().mean())
        spaced = float(text.str.contains(" ", regex=False).mean())
        if mean_len > best_len and spaced >= 0.5:
            best, best_len = col, mean_len
    return best


def _warn(
    warnings: list[dict[str, object]],
    kind: str,
    column: str | None,
    mask: pd.Series,
    message: str,
) -> None:
    lines = [int(v) for v in mask.index[mask.to_numpy()][:20]]
    warnings.append(
        {
            "kind": kind,
            "column": column,
            "count": int(mask.sum()),
            "lines": lines,
            "message": message,
        }
    )


def _ids(values: pd.Series) -> pd.Series:
    if values.dtype.kind == "f":
        whole = values.dropna()
        if len(whole) and np.all(np.mod(whole, 1) == 0):
            values = values.astype("Int64")
    text = values.astype("string").str.strip().str.replace(r"^([0-9]+)\.0$", r"\1", regex=True)
    return text.where(text != "").astype("str")


def to_canonical(
    raw: pd.DataFrame,
    mapping: dict[str, str],
    *,
    preset: Preset,
    ctx: PresetContext,
    source: str,
    score_ranges: Mapping[str, tuple[float, float]] | None = None,
    dayfirst: bool = True,
    decimal: str | None = None,
) -> tuple[pd.DataFrame, dict[str, str], list[dict[str, object]]]:
    """Build the canonical DataFrame; return it, the final mapping and the warnings."""
    warnings: list[dict[str, object]] = list(ctx.warnings)
    mapping = dict(mapping)
    if "text" not in mapping:
        guess = _guess_text_column(raw, set(mapping.values()))
        if guess is None:
            raise FeedbackFormatError(
                f"{source}: no column with the feedback text found among "
                f"{', '.join(map(str, raw.columns[:40]))}; name it with "
                "columns={'text': '<header>'} (or preset=... for a vendor export)."
            )
        mapping["text"] = guess
        warnings.append(
            {
                "kind": "guessed_column",
                "column": guess,
                "count": 0,
                "lines": [],
                "message": f"no header names the text column; using {guess!r}, the column with "
                "the longest free texts (pass columns={'text': ...} to choose)",
            }
        )
    ranges = {**SCORE_RANGES, **(score_ranges or {})}
    index = raw.index
    out: dict[str, pd.Series] = {}
    empty_str = pd.Series(pd.NA, index=index, dtype="str")

    for col in ID_COLUMNS:
        out[col] = _ids(raw[mapping[col]]) if col in mapping else empty_str
    if "feedback_id" not in mapping:
        stem = source.rsplit("/", 1)[-1]
        out["feedback_id"] = pd.Series(index.to_numpy(), index=index).astype("str").radd(f"{stem}:")
    else:
        ids = out["feedback_id"]
        dup = ids.duplicated(keep=False) & ids.notna()
        if dup.any():
            _warn(
                warnings,
                "duplicate_id",
                mapping["feedback_id"],
                dup,
                f"{int(dup.sum())} rows share a feedback id with another row; both are kept",
            )

    if "timestamp" in mapping:
        stamps, bad = parse_datetimes(raw[mapping["timestamp"]], dayfirst=dayfirst)
        if bad.any():
            _warn(
                warnings,
                "invalid_value",
                mapping["timestamp"],
                bad,
                f"{int(bad.sum())} value(s) of {mapping['timestamp']!r} are not dates; left empty",
            )
        out["timestamp"] = stamps
    else:
        out["timestamp"] = pd.Series(pd.NaT, index=index, dtype="datetime64[us]")

    if "author_role" in mapping:
        roles, bad = normalize_role(raw[mapping["author_role"]])
        if bad.any():
            unknown = sorted(raw.loc[bad, mapping["author_role"]].astype(str).unique())[:5]
            _warn(
                warnings,
                "unknown_value",
                mapping["author_role"],
                bad,
                f"{int(bad.sum())} author role(s) not recognised ({', '.join(unknown)}); use "
                "customer/agent/bot (or Kunde/Mitarbeiter/Bot); left empty",
            )
        out["author_role"] = roles
    else:
        out["author_role"] = pd.Series(
            pd.Categorical(["customer"] * len(index), categories=["customer", "agent", "bot"]),
            index=index,
        )

    if "channel" in mapping:
        out["channel"] = normalize_channel(raw[mapping["channel"]])
    else:
        out["channel"] = pd.Series(preset.defaults.get("channel", pd.NA), index=index, dtype="str")
    if "touchpoint" in mapping:
        labels = raw[mapping["touchpoint"]].astype("string").str.strip()
        out["touchpoint"] = labels.where(labels != "").astype("str")
    else:
        out["touchpoint"] = pd.Series(
            preset.defaults.get("touchpoint", pd.NA), index=index, dtype="str"
        )

    text = raw[mapping["text"]].astype("string").str.strip()
    empty = (text.isna() | (text == "")).fillna(True).astype(bool)
    if empty.any():
        _warn(
            warnings,
            "empty_text",
            mapping["text"],
            empty,
            f"{int(empty.sum())} row(s) have no text; kept (their scores still count)",
        )
    out["text"] = text.where(~empty).astype("str")

    if "language" in mapping:
        out["language"] = normalize_language(raw[mapping["language"]])
    else:
        out["language"] = pd.Series(
            preset.defaults.get("language", pd.NA), index=index, dtype="str"
        )

    for col in SCORE_COLUMNS:
        if col not in mapping:
            out[col] = pd.Series(np.nan, index=index, dtype="float64")
            continue
        scores, bad = parse_scores(raw[mapping[col]])
        if bad.any():
            examples = raw.loc[bad, mapping[col]].astype(str).unique()[:3]
            _warn(
                warnings,
                "invalid_value",
                mapping[col],
                bad,
                f"{int(bad.sum())} value(s) of {mapping[col]!r} are not numbers "
                f"(e.g. {', '.join(map(repr, examples))}); left empty",
            )
        low, high = ranges[col]
        outside = (scores < low) | (scores > high)
        if outside.any():
            _warn(
                warnings,
                "out_of_range",
                mapping[col],
                outside,
                f"{int(outside.sum())} value(s) of {mapping[col]!r} lie outside {col}'s range "
                f"{low:g}-{high:g}; left empty (pass score_ranges={{{col!r}: (lo, hi)}} for "
                "another scale)",
            )
            scores = scores.mask(outside)
        out[col] = scores

    out["source"] = pd.Series(source, index=index, dtype="str")
    frame = pd.DataFrame(out, index=index)[list(CANONICAL_COLUMNS)]
    frame["source_line"] = pd.Series(index.to_numpy(), index=index, dtype="int64")

    used = set(mapping.values())
    extras = {
        (f"{col}_original" if col in frame.columns else col): infer_extra(raw[col], decimal=decimal)
        for col in raw.columns
        if col not in used
    }
    if extras:
        frame = pd.concat([frame, pd.DataFrame(extras, index=index)], axis=1)
    return frame.reset_index(drop=True), mapping, warnings
