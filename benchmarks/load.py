"""Loading speed: read_feedback against pandas.read_csv on the same German export.

Run: ``.venv/bin/python benchmarks/load.py [n_rows]`` (default 200,000).

Writes a German Excel-style CSV (``;``, cp1252, decimal commas, ``dd.mm.yyyy
HH:MM`` dates) made from ``make_feedback``, then times, in the same run:

* baseline: ``pandas.read_csv(path, sep=";", decimal=",", encoding="cp1252")``,
  which only reads (no header mapping, date parsing, checks or accounting);
* ``read_feedback(path)`` on the clean file (pyarrow fast path);
* ``read_feedback(path)`` on the same file with 3 malformed lines (line-by-line
  path that quarantines them).

Prints each time and its ratio to the baseline, and the loaded DataFrame's
memory next to pandas'. Best of 3 runs each.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import empathylab as el
from empathylab.datasets import make_feedback

GERMAN_HEADERS = {
    "feedback_id": "Nr",
    "timestamp": "Datum",
    "customer_id": "Kundennummer",
    "conversation_id": "Ticket",
    "author_role": "Absender",
    "agent_id": "Mitarbeiter",
    "channel": "Kanal",
    "touchpoint": "Kontaktpunkt",
    "text": "Kommentar",
    "language": "Sprache",
    "rating": "Bewertung",
    "nps": "NPS",
    "csat": "Zufriedenheit",
    "ces": "Aufwand",
}


def write_export(n: int, folder: Path) -> tuple[Path, Path]:
    df = make_feedback(n, lang="mixed", random_state=1)
    df = df[list(GERMAN_HEADERS)].rename(columns=GERMAN_HEADERS)
    df["Absender"] = df["Absender"].map({"customer": "Kunde", "agent": "Mitarbeiter",
                                         "bot": "Bot"})
    clean = folder / "export.csv"
    text = df.to_csv(sep=";", decimal=",", index=False, date_format="%d.%m.%Y %H:%M")
    clean.write_bytes(text.encode("cp1252", errors="replace"))
    lines = text.split("\n")
    # damage three records that fit on one line (a quoted text may span lines)
    starts = el.read_feedback(clean)["source_line"].to_numpy()
    single = starts[:-1][(starts[1:] - starts[:-1]) == 1]
    for k in (single[len(single) // 10], single[len(single) // 2], single[9 * len(single) // 10]):
        lines[k - 1] = lines[k - 1] + ";zu viele;Felder"
    broken = folder / "export_broken.csv"
    broken.write_bytes("\n".join(lines).encode("cp1252", errors="replace"))
    return clean, broken


def best_of(fn, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clean, broken = write_export(n, Path(tmp))
        size_mb = clean.stat().st_size / 1e6
        base, plain = best_of(
            lambda: pd.read_csv(clean, sep=";", decimal=",", encoding="cp1252")
        )
        warnings.simplefilter("ignore", el.DataQualityWarning)
        fast, loaded = best_of(lambda: el.read_feedback(clean))
        slow, damaged = best_of(lambda: el.read_feedback(broken))
    report = damaged.attrs["load_report"]  # type: ignore[union-attr]
    mem_pandas = plain.memory_usage(deep=True).sum() / 1e6  # type: ignore[union-attr]
    mem_loaded = loaded.memory_usage(deep=True).sum() / 1e6  # type: ignore[union-attr]
    print(f"rows: {len(loaded):,} ({size_mb:.1f} MB CSV)")  # type: ignore[arg-type]
    print(f"pandas.read_csv (baseline)            {base:7.2f} s   1.00x")
    print(f"read_feedback, clean file             {fast:7.2f} s  {fast / base:5.2f}x")
    print(f"read_feedback, 3 malformed lines      {slow:7.2f} s  {slow / base:5.2f}x"
          f"   (quarantined {report.n_quarantined})")
    print(f"memory of the DataFrame: pandas {mem_pandas:.0f} MB, read_feedback "
          f"{mem_loaded:.0f} MB ({mem_loaded / mem_pandas:.2f}x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
