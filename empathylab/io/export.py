"""Writing tables for spreadsheets: CSV as German Excel reads it, Excel, Parquet; no formulas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..exceptions import EmpathyLabError

__all__ = ["neutralize_formulas", "write_table"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
    ``@``, tab, CR) with an apostrophe, so a CSV/Excel export cannot inject formulas.

    >>> cells = pd.DataFrame({"text": ["=HYPERLINK(1)", "ok", "-5 Sterne"]})
    >>> neutralize_formulas(cells)["text"].tolist()
    ["'=HYPERLINK(1)", 'ok', "'-5 Sterne"]
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype.kind in "biufcmM" or isinstance(out[col].dtype, pd.CategoricalDtype):
            continue
        text = out[col].astype("string")
        risky = text.str.startswith(_FORMULA_START).fillna(False).astype(bool)
        if risky.any():
            out[col] = text.mask(risky, "'" + text).astype("str")
    return out


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` as .csv (German Excel: ``;``, decimal comma, UTF-8 with BOM), .xlsx or
    .parquet; text cells that a spreadsheet would run as formulas are neutralised."""
    path = Path(path)
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".parquet":
        df.to_parquet(path, index=False)
    elif suffix == ".xlsx":
        neutralize_formulas(_naive(df)).to_excel(path, index=False)
    elif suffix in (".csv", ".txt"):
        neutralize_formulas(df).to_csv(
            path, index=False, sep=";", decimal=",", encoding="utf-8-sig"
        )
    else:
        raise EmpathyLabError(
            f"{path}: cannot write {suffix or 'a file without extension'}; use .csv, .xlsx "
            "or .parquet"
        )
    return path.resolve()


def _naive(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_localize(None)
    return out
