"""Speed of assign_touchpoints against a naive per-row Python loop, in the same run.

Texts: the customer and agent texts of the bundled samples (feedback_de,
feedback_en, helpdesk; German and English), repeated to ``--rows`` rows. The naive
loop is what one would write by hand: for every row, every touchpoint, every
term of the default taxonomy, one ``re.search`` (exclusions checked per match);
it runs on ``--naive-rows`` rows and its throughput is compared per text.

Run: ``python benchmarks/touchpoints.py [--rows 100000] [--naive-rows 2000]``
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def sample_texts(rows: int) -> pd.Series:
    from empathylab.datasets.registry import load_sample

    texts = pd.concat([load_sample(n)["text"] for n in ("feedback_de", "feedback_en",
                                                         "helpdesk")]).dropna()
    reps = rows // len(texts) + 1
    return pd.concat([texts] * reps, ignore_index=True).iloc[:rows]


def naive_compile(taxonomy):
    from empathylab.touchpoints._taxonomy import _body

    def keyword(t: str) -> str:
        lead = r"\w*" if t.startswith("*") else r"(?<!\w)"
        return lead + _body(t.lstrip("*")) + r"\w*"

    compiled = []
    for tp in taxonomy.touchpoints:
        terms = [keyword(t) for g in tp.keywords.values() for t in g]
        terms += [r"(?<!\w)" + _body(t) + r"(?!\w)" for g in tp.phrases.values() for t in g]
        terms += [t for g in tp.regexes.values() for t in g]
        excl = [keyword(t) for g in tp.exclusions.values() for t in g]
        compiled.append((tp.key, [re.compile(t, re.I) for t in terms],
                         [re.compile(t, re.I) for t in excl]))
    return compiled


def naive(texts: pd.Series, compiled) -> list[list[str]]:
    out = []
    for text in texts:
        found = []
        if isinstance(text, str):
            for key, terms, excl in compiled:
                spans = [m.span() for rx in excl for m in rx.finditer(text)]
                for rx in terms:
                    m = rx.search(text)
                    if m and not any(s < m.end() and m.start() < e for s, e in spans):
                        found.append(key)
                        break
        out.append(found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--naive-rows", type=int, default=2_000)
    args = parser.parse_args()

    from empathylab.touchpoints import assign_touchpoints, load_taxonomy

    tax = load_taxonomy("default")
    texts = sample_texts(args.rows)
    small = texts.iloc[: args.naive_rows]
    compiled = naive_compile(tax)
    assign_touchpoints(small.iloc[:50])  # warm-up: compile patterns, import detection

    t0 = time.perf_counter()
    slow = naive(small, compiled)
    t_naive = time.perf_counter() - t0
    t0 = time.perf_counter()
    fast_small = assign_touchpoints(small, lang="all")
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    assign_touchpoints(texts, lang="all")
    t_all = time.perf_counter() - t0
    t0 = time.perf_counter()
    assign_touchpoints(texts)
    t_auto = time.perf_counter() - t0

    agree = sum(set(a) == set(b) for a, b in zip(slow, fast_small["touchpoints"], strict=True))
    chars = int(texts.str.len().sum())
    print(f"texts: {len(texts):,} ({chars / len(texts):.0f} characters on average)")
    print(f"naive per-row loop      {args.naive_rows:>7,} rows {t_naive:7.2f} s "
          f"{args.naive_rows / t_naive:>9,.0f} texts/s")
    print(f"assign_touchpoints      {args.naive_rows:>7,} rows {t_small:7.2f} s "
          f"{args.naive_rows / t_small:>9,.0f} texts/s")
    print(f"assign_touchpoints      {len(texts):>7,} rows {t_all:7.2f} s "
          f"{len(texts) / t_all:>9,.0f} texts/s  (lang='all')")
    print(f"assign_touchpoints      {len(texts):>7,} rows {t_auto:7.2f} s "
          f"{len(texts) / t_auto:>9,.0f} texts/s  (lang='auto', with language detection)")
    naive_rate = args.naive_rows / t_naive
    print(f"speed-up over the naive loop, per text: {len(texts) / t_all / naive_rate:.1f}x "
          f"(lang='all'), {len(texts) / t_auto / naive_rate:.1f}x (auto)")
    print(f"same touchpoint set as the naive loop: {agree / len(slow):.4f} of rows")


if __name__ == "__main__":
    main()
