"""``assign_touchpoints``: which customer-journey touchpoints a text talks about.

Vectorised: every touchpoint's keywords and phrases are one RE2 pattern that
``pyarrow.compute.replace_substring_regex`` runs over the whole column (in C++),
marking each match; only the rows with a mark go back to Python, where the marks
are turned into offsets and checked against the exact (Python) patterns.
Exclusions run the same way on the rows with a match only. The analyst's own
regexes are Python regexes, run per row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._dask import rowwise
from .._validation import check_argument
from ..text._whitespace import as_arrow
from ._taxonomy import CompiledTerms, Taxonomy, compile_touchpoint, load_taxonomy

__all__ = ["assign_touchpoints", "match_table", "touchpoints_long"]

_COLUMNS = ["touchpoints", "primary_touchpoint", "evidence"]
_MATCH_COLUMNS = ["row", "touchpoint", "start", "end", "span"]
_COMPILED: dict[int, list[tuple[CompiledTerms, CompiledTerms]]] = {}


def _as_series(texts: Any) -> pd.Series:
    if isinstance(texts, str):
        raise TypeError(
            "`texts` must be a list-like of texts, but a single str was passed; wrap it in a "
            f"list: [{texts[:30]!r}]."
        )
    if isinstance(texts, pd.DataFrame):
        raise TypeError(
            "`texts` must be one column of texts, but a DataFrame was passed; select the "
            "text column, e.g. data['text'], or use data.cx.touchpoints(column='text')."
        )
    if isinstance(texts, pd.Series):
        return texts
    return pd.Series(list(texts), dtype=object)


def _compiled(tax: Taxonomy) -> list[tuple[CompiledTerms, CompiledTerms]]:
    key = id(tax)
    cached = _COMPILED.get(key)
    if cached is None or len(cached) != len(tax):
        cached = [compile_touchpoint(tp) for tp in tax.touchpoints]
        if len(_COMPILED) > 32:
            _COMPILED.clear()
        _COMPILED[key] = cached
    return cached


def _row_languages(series: pd.Series, lang: str | Sequence[str] | pd.Series,
                   tax: Taxonomy) -> np.ndarray:
    """``de``, ``en`` or ``x`` (other/undetermined: every language's terms apply) per row."""
    n = len(series)
    if isinstance(lang, str):
        check_argument("lang", ["auto", "de", "en", "all"], lang)
        if lang == "all" or not tax.has_language_terms():
            return np.full(n, "x", dtype=object)
        if lang in ("de", "en"):
            return np.full(n, lang, dtype=object)
        from ..text.language import detect_language

        detected = detect_language(series.where(series.map(lambda v: isinstance(v, str))))[
            "language"]
        values = detected.to_numpy(dtype=object)
    else:
        from ..io.values import normalize_language

        given = lang if isinstance(lang, pd.Series) else pd.Series(list(lang), dtype=object)
        if len(given) != n:
            raise ValueError(
                f"`lang` has {len(given)} values but `texts` has {n}; pass one language per "
                "text, or 'auto', 'de', 'en' or 'all'."
            )
        values = normalize_language(given.reset_index(drop=True).astype("string")).to_numpy(
            dtype=object
        )
    out = np.full(n, "x", dtype=object)
    for code in ("de", "en"):
        out[values == code] = code
    return out


def _applies(group: str, langs: np.ndarray) -> np.ndarray:
    if group == "all":
        return np.ones(len(langs), dtype=bool)
    return (langs == group) | (langs == "x")


_MARK = re.compile("\x01([^\x02]*)\x02")
_CONTROL = "[\x01\x02\x1e\x1f]"


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _scan_terms(ct: CompiledTerms, arrow: pa.Array, strings: list[str], rows: np.ndarray,
                langs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(row, start, end)`` of every match of ``ct`` in the texts ``rows`` (positions)."""
    out_rows: list[int] = []
    out_s: list[int] = []
    out_e: list[int] = []
    if ct.re2 is not None and len(rows):
        nf = len(ct.fields)
        rewrite = "\\1\x01" + "\x1f".join(f"\\{i + 2}" for i in range(nf)) + (
            f"\x1e\\{nf + 2}\x02")
        sub = arrow if len(rows) == len(arrow) else arrow.take(pa.array(rows))
        marked = pc.replace_substring_regex(sub, ct.re2, rewrite)
        hit = np.asarray(pc.fill_null(pc.match_substring(marked, "\x01"), False))
        extra = nf + 2
        groups = [g for _, g in ct.fields]
        for row, text in zip(rows[hit].tolist(), pc.filter(marked, pa.array(hit)).to_pylist(),
                             strict=True):
            original = strings[row]
            lang = langs[row]
            for k, m in enumerate(_MARK.finditer(text)):
                body, _, trail = m.group(1).partition("\x1e")
                values = body.split("\x1f")
                f = next((i for i, v in enumerate(values) if v), None)
                if f is None:
                    continue
                group = groups[f]
                if group != "all" and lang != group and lang != "x":
                    continue
                start = m.start() - k * extra
                end = start + len(values[f]) + len(trail)
                if ct.fields[f][0] == "inner":
                    while start > 0 and _is_word(original[start - 1]):
                        start -= 1
                if ct.check[ct.fields[f]].fullmatch(original, start, end):
                    out_rows.append(row)
                    out_s.append(start)
                    out_e.append(end)
    for group, rx in ct.regexes.items():
        ok = _applies(group, langs)
        for row in rows[ok[rows]].tolist():
            for m in rx.finditer(strings[row]):
                if m.end() > m.start():
                    out_rows.append(row)
                    out_s.append(m.start())
                    out_e.append(m.end())
    return (np.asarray(out_rows, np.int64), np.asarray(out_s, np.int64),
            np.asarray(out_e, np.int64))


def match_table(texts: Any, taxonomy: Any = "default", *,
                lang: str | Sequence[str] | pd.Series = "auto") -> pd.DataFrame:
    """Every match of every touchpoint: one row per matched span.

    Parameters
    ----------
    texts, taxonomy, lang
        As in :func:`assign_touchpoints`.

    Returns
    -------
    pandas.DataFrame
        Columns ``row`` (position of the text in ``texts``), ``touchpoint`` (key),
        ``start``, ``end`` (character offsets in the text) and ``span`` (the
        matched text), sorted by row and start. Matches overlapping an exclusion
        of their touchpoint are not included.

    Examples
    --------
    >>> match_table(["Die Lieferzeit war lang, der Paketbote unfreundlich."])[
    ...     ["touchpoint", "span"]].values.tolist()
    [['delivery', 'Lieferzeit'], ['delivery', 'Paketbote'], ['staff', 'unfreundlich']]
    """
    tax = load_taxonomy(taxonomy)
    series = _as_series(texts)
    values = series.to_numpy(dtype=object)
    strings = [v if isinstance(v, str) else "" for v in values]
    langs = _row_languages(series, lang, tax)
    arrow = pc.replace_substring_regex(
        as_arrow(pd.Series(strings, dtype=object)).combine_chunks(), _CONTROL, " "
    )
    every = np.arange(len(strings), dtype=np.int64)

    frames: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]] = []
    for k, (terms, exclusions) in enumerate(_compiled(tax)):
        rows, starts, ends = _scan_terms(terms, arrow, strings, every, langs)
        if not len(rows):
            continue
        if exclusions.re2 is not None or exclusions.regexes:
            ex_rows, ex_s, ex_e = _scan_terms(exclusions, arrow, strings, np.unique(rows),
                                              langs)
            if len(ex_s):
                # one coordinate for all rows: row * stride + offset
                stride = max(map(len, strings)) + 1
                gs, ge = ex_rows * stride + ex_s, ex_rows * stride + ex_e
                order = np.argsort(gs, kind="stable")
                gs, reach = gs[order], np.maximum.accumulate(ge[order])
                ms, me = rows * stride + starts, rows * stride + ends
                idx = np.searchsorted(gs, me, side="left") - 1
                drop = (idx >= 0) & (reach[np.maximum(idx, 0)] > ms)
                rows, starts, ends = rows[~drop], starts[~drop], ends[~drop]
        frames.append((rows, starts, ends, k))

    if frames:
        rows = np.concatenate([p[0] for p in frames])
        starts = np.concatenate([p[1] for p in frames])
        ends = np.concatenate([p[2] for p in frames])
        tps = np.concatenate([np.full(len(p[0]), p[3], np.int64) for p in frames])
    else:
        rows = starts = ends = tps = np.zeros(0, np.int64)
    order = np.lexsort((tps, starts, rows))
    rows, starts, ends, tps = rows[order], starts[order], ends[order], tps[order]
    keys = np.asarray(tax.keys, dtype=object)
    spans = [strings[r][s:e] for r, s, e in zip(rows.tolist(), starts.tolist(), ends.tolist(),
                                               strict=True)]
    return pd.DataFrame({
        "row": rows,
        "touchpoint": pd.array(keys[tps] if len(tps) else [], dtype="str"),
        "start": starts,
        "end": ends,
        "span": pd.array(spans, dtype="str"),
    })


def _per_touchpoint(matches: pd.DataFrame, tax: Taxonomy) -> pd.DataFrame:
    """One row per (text, touchpoint): first span, its offsets, number of matches, rank."""
    if not len(matches):
        return pd.DataFrame({"row": np.zeros(0, np.int64), "touchpoint": pd.array([], "str"),
                             "evidence": pd.array([], "str"), "start": np.zeros(0, np.int64),
                             "end": np.zeros(0, np.int64), "n_matches": np.zeros(0, np.int64),
                             "rank": np.zeros(0, np.int64)})
    grouped = matches.groupby(["row", "touchpoint"], sort=False)
    per = grouped.agg(evidence=("span", "first"), start=("start", "first"),
                      end=("end", "first"), n_matches=("span", "size")).reset_index()
    order = {k: i for i, k in enumerate(tax.keys)}
    per["_order"] = per["touchpoint"].map(order)
    # strongest first: most matches, then the earliest, then taxonomy order
    per = per.sort_values(["row", "n_matches", "start", "_order"],
                          ascending=[True, False, True, True], kind="stable")
    per["rank"] = per.groupby("row").cumcount() + 1
    return per.drop(columns="_order").reset_index(drop=True)


@rowwise
def assign_touchpoints(
    texts: Any,
    taxonomy: Any = "default",
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    wide: bool = False,
) -> pd.DataFrame:
    """Tag every text with the customer-journey touchpoints it mentions (multi-label).

    Each touchpoint of the taxonomy is a set of keywords (matched at word starts,
    so German compounds match: ``liefer`` finds *Lieferung*, *Lieferzeit*,
    *Lieferdienst*; ``*paket`` also *Postpaket*), phrases, regexes and
    exclusions; ä/ö/ü/ß and ae/oe/ue/ss spellings match each other. The default
    taxonomy has 16 German+English touchpoints: ``discovery``, ``website_app``,
    ``product``, ``price``, ``checkout``, ``delivery``, ``returns``, ``billing``,
    ``hotline``, ``chat``, ``email``, ``store``, ``staff``, ``waiting_time``,
    ``contract``, ``network`` (see ``docs/touchpoints.md``; edit a copy of
    :func:`~empathylab.touchpoints.default_taxonomy_path` to make your own).

    Parameters
    ----------
    texts : pandas.Series or list-like of str
        Feedback texts; missing values (NaN, None) get no touchpoint.
    taxonomy : "default", dict, str or pathlib.Path, or Taxonomy, default="default"
        See :func:`~empathylab.touchpoints.load_taxonomy`.
    lang : {"auto", "de", "en", "all"} or list-like, default="auto"
        Language of the texts, which decides which language-bound terms apply:
        ``"auto"`` detects it per row (only when the taxonomy has language-bound
        terms); rows of another or undetermined language get the terms of all
        languages, and so does ``"all"``. A list-like gives one language per
        row (names and locales such as ``"Deutsch"``, ``"de-AT"`` are read).
    wide : bool, default=False
        Add one boolean column per touchpoint key (named like the key).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``texts``, with columns

        ``touchpoints`` (list of str)
            The touchpoint keys found, strongest first; an empty list when none.
        ``primary_touchpoint`` (str)
            The strongest: most matches, then the earliest match; NaN when none.
        ``evidence`` (list of str)
            ``"touchpoint: matched span"`` for every distinct match, in text order.
        one bool column per touchpoint key
            Only with ``wide=True``.

    See Also
    --------
    touchpoints_long : one row per text and touchpoint, with the span's offsets.
    TouchpointModel : a classifier trained on your own labels.

    Examples
    --------
    >>> out = assign_touchpoints(["Die Lieferung kam zu spät, die Hotline war unfreundlich.",
    ...                           "Refund still not processed after I returned the item",
    ...                           None])
    >>> out["touchpoints"].tolist()
    [['delivery', 'waiting_time', 'hotline', 'staff'], ['returns', 'waiting_time', 'product'], []]
    >>> out["primary_touchpoint"].tolist()
    ['delivery', 'returns', nan]
    >>> out["evidence"][0][:2]
    ['delivery: Lieferung', 'waiting_time: zu spät']
    """
    if not isinstance(wide, bool):
        raise TypeError(f"`wide` must be True or False, but {wide!r} was passed.")
    tax = load_taxonomy(taxonomy)
    series = _as_series(texts)
    n = len(series)
    matches = match_table(series, tax, lang=lang)
    per = _per_touchpoint(matches, tax)

    touchpoints: list[list[str]] = [[] for _ in range(n)]
    for row, key in zip(per["row"].tolist(), per["touchpoint"].tolist(), strict=True):
        touchpoints[row].append(key)
    primary = np.full(n, np.nan, dtype=object)
    first = per[per["rank"] == 1]
    primary[first["row"].to_numpy()] = first["touchpoint"].to_numpy(dtype=object)

    evidence: list[list[str]] = [[] for _ in range(n)]
    if len(matches):
        labelled = matches["touchpoint"].astype(object) + ": " + matches["span"].astype(object)
        dedup = ~pd.DataFrame({"row": matches["row"], "key": labelled.str.lower()}).duplicated()
        for row, text in zip(matches["row"][dedup].tolist(), labelled[dedup].tolist(),
                             strict=True):
            evidence[row].append(text)

    out = pd.DataFrame(
        {"touchpoints": pd.Series(touchpoints, dtype=object).to_numpy(),
         "primary_touchpoint": pd.array(primary, dtype="str"),
         "evidence": pd.Series(evidence, dtype=object).to_numpy()},
        index=series.index.copy(),
    )
    if wide:
        for k, key in enumerate(tax.keys):
            flags = np.zeros(n, dtype=bool)
            flags[per.loc[per["touchpoint"] == key, "row"].to_numpy()] = True
            out[key] = flags
            del k
    return out


def touchpoints_long(
    texts: Any,
    taxonomy: Any = "default",
    *,
    lang: str | Sequence[str] | pd.Series = "auto",
    label_lang: str = "en",
) -> pd.DataFrame:
    """Touchpoints in long form: one row per text and touchpoint found.

    Parameters
    ----------
    texts, taxonomy, lang
        As in :func:`assign_touchpoints`.
    label_lang : {"en", "de"}, default="en"
        Language of the ``label`` column.

    Returns
    -------
    pandas.DataFrame
        Indexed by the index labels of ``texts`` (repeated for several touchpoints;
        texts without a touchpoint have no row), with columns ``touchpoint``
        (key), ``label`` (display name), ``evidence`` (the first matched span),
        ``start``, ``end`` (its character offsets), ``n_matches`` (matches of
        this touchpoint in the text) and ``is_primary`` (the text's
        ``primary_touchpoint``).

    Examples
    --------
    >>> long = touchpoints_long(pd.Series(["Rechnung doppelt abgebucht!"], index=[7]))
    >>> long[["touchpoint", "evidence", "start", "end"]]
      touchpoint  evidence  start  end
    7    billing  Rechnung      0    8
    """
    check_argument("label_lang", ["en", "de"], label_lang)
    tax = load_taxonomy(taxonomy)
    series = _as_series(texts)
    per = _per_touchpoint(match_table(series, tax, lang=lang), tax)
    labels = tax.labels(label_lang)
    out = pd.DataFrame({
        "touchpoint": per["touchpoint"],
        "label": pd.array(per["touchpoint"].map(labels).to_numpy(dtype=object), dtype="str"),
        "evidence": per["evidence"],
        "start": per["start"].astype(np.int64),
        "end": per["end"].astype(np.int64),
        "n_matches": per["n_matches"].astype(np.int64),
        "is_primary": (per["rank"] == 1).to_numpy(),
    })
    out.index = series.index[per["row"].to_numpy()]
    return out
