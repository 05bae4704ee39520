"""Sentiment speed and memory: ``empathylab.sentiment`` against ``vaderSentiment`` itself.

Run: ``.venv/bin/python benchmarks/sentiment_speed.py [n_texts] [n_memory]``
(defaults 200,000 and 1,000,000; about two minutes).

Texts
    ``n_texts`` English texts drawn with replacement from the English texts of
    ``../shared/data`` (airline tweets, customer-support tweets of twcs,
    EmpatheticDialogues utterances, EPITOME posts and responses: short texts of
    the kinds feedback comes in) when it exists, else from the English texts of
    ``empathylab.datasets.make_feedback``. German: ``n_texts`` texts drawn the
    same way from SB10k, PotTS, GermEval 2017 dev and the HolidayCheck hotel
    reviews (feedback and social media, as the English pool; the film reviews
    are left out), or from the German texts of ``make_feedback``. German texts
    are longer, so German is compared in characters per second too.

Baseline
    ``SentimentIntensityAnalyzer().polarity_scores`` (vaderSentiment, one
    core) in a loop over the same ``n_texts`` English texts, timed once.

empathylab
    Each call on all ``n_texts`` texts, best of 3 after one warm-up call that
    loads the lexicons and the language model. The issue's targets: the
    default ``sentiment(texts)`` (language detected per row, ``method="lexicon"``)
    and ``sentiment(texts, method="vader")`` each >= 20x the baseline's
    throughput; German at least as fast as English. ``lang="en"`` (no
    detection) and the engine alone (``score_texts``) are shown for reference.
    German (the default, and ``lang="de"``) and the English default are timed
    in turns, best of 3 each, and compared in texts/s against vaderSentiment on
    the German texts and in characters/s against the English default.
    The engine scores batches on a thread pool (``EMPATHYLAB_THREADS``, default
    the number of cores); ``threads=1`` rows show the single-thread figure.

Memory
    In a fresh subprocess: the peak resident memory added while running the
    default ``sentiment()`` on ``n_memory`` English texts: the peak
    (``VmHWM``, reset through ``/proc/self/clear_refs`` after building the
    Series and loading the resources) minus the resident memory at that point.
"""

from __future__ import annotations

import csv
import os
import resource
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _tsv(path: Path, names: list[str], header: int | None = None) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=header, names=names, quoting=csv.QUOTE_NONE,
                       dtype=str, keep_default_na=False)


def english_pool() -> tuple[pd.Series, str]:
    if not SHARED.is_dir():
        from empathylab.datasets import make_feedback

        return make_feedback(20_000, lang="en", random_state=0)["text"], "make_feedback (en)"
    epitome = [pd.read_csv(f) for f in sorted((SHARED / "epitome").glob("*.csv"))]
    dialogues = pd.read_csv(SHARED / "empathetic_dialogues" / "fixed_valid.csv",
                            on_bad_lines="skip")["utterance"].str.replace("_comma_", ",")
    parts = [
        pd.read_csv(SHARED / "airline_dev" / "tweets_american_usairways.csv")["text"],
        pd.read_csv(SHARED / "twcs_head" / "twcs.csv")["text"],
        dialogues,
        *[e["seeker_post"] for e in epitome],
        *[e["response_post"] for e in epitome],
    ]
    source = "airline, twcs, EmpatheticDialogues, EPITOME"
    return pd.concat(parts).dropna().drop_duplicates(), source


def german_pool() -> tuple[pd.Series, str]:
    if not SHARED.is_dir():
        from empathylab.datasets import make_feedback

        return make_feedback(20_000, lang="de", random_state=0)["text"], "make_feedback (de)"
    root = SHARED / "german_sentiment"
    parts = [
        _tsv(root / "sb10k_corpus_v1.0.cgsa.tsv", ["id", "label", "text"])["text"],
        _tsv(root / "PotTS.tsv", ["label", "text"])["text"],
        _tsv(root / "holidaycheck.china.sampled.edited.tsv", ["url", "label", "text"],
             header=0)["text"],
        _tsv(SHARED / "germeval2017_dev" / "dev_v1.4.tsv",
             ["url", "text", "relevance", "label", "aspects"])["text"],
    ]
    return pd.concat(parts).dropna().drop_duplicates(), "SB10k, PotTS, GermEval dev, HolidayCheck"


def draw(pool: pd.Series, n: int, seed: int) -> pd.Series:
    values = pool.astype(str).to_numpy(dtype=object)
    rng = np.random.default_rng(seed)
    return pd.Series(values[rng.integers(0, len(values), n)], dtype="str")


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    fn()  # warm-up: loads lexicons and the language model, compiles lookup tables
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def best_of_each(fns: list[Callable[[], object]], repeat: int = 3
                 ) -> tuple[list[float], list[float]]:
    """:func:`best_of` for several calls, timed in turns (one warm-up call each).

    Returns the best wall-clock seconds and the best CPU seconds (all threads) of each.
    """
    for fn in fns:
        fn()
    best = [np.inf] * len(fns)
    cpu = [np.inf] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
            cpu[i] = min(cpu[i], time.process_time() - start_cpu)
    return best, cpu


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise KeyError(field)


def memory_child(n: int) -> None:
    """Run in a subprocess: print the peak RSS added by ``sentiment()`` on ``n`` texts."""
    from empathylab import sentiment

    pool, _ = english_pool()
    texts = draw(pool, n, seed=1)
    warnings.simplefilter("ignore")
    sentiment(texts.iloc[:1000])  # load the lexicons and the language model first
    try:  # reset the peak (VmHWM) to the current RSS: the input does not count
        Path("/proc/self/clear_refs").write_text("5")
        before = _status_mb("VmRSS")
        reset = True
    except OSError:  # no reset: fall back to the lifetime peak
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        reset = False
    out = sentiment(texts, progress=False)
    peak = _status_mb("VmHWM") if reset else resource.getrusage(
        resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak - before:.1f} {out.memory_usage(deep=True).sum() / 2**20:.1f}")


def main(n: int, n_memory: int) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from empathylab import sentiment
    from empathylab.sentiment import score_texts, vader_spec

    warnings.simplefilter("ignore")  # texts in other languages are reported, not scored
    pool, source = english_pool()
    texts = draw(pool, n, seed=0)
    print(f"English: {n:,} texts drawn from {len(pool):,} distinct ({source}), "
          f"mean {texts.str.len().mean():.0f} characters; {os.cpu_count()} cores")

    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for text in texts.tolist():
        analyzer.polarity_scores(text)
    baseline = n / (time.perf_counter() - start)
    print(f"{'vaderSentiment (baseline)':44s} {baseline:10,.0f} texts/s   1.0x")

    spec = vader_spec()
    runs: list[tuple[str, Callable[[], object]]] = [
        ("sentiment(texts)  [default]", lambda: sentiment(texts, progress=False)),
        ("sentiment(texts, method='vader')", lambda: sentiment(texts, method="vader",
                                                               progress=False)),
        ("sentiment(texts, lang='en')", lambda: sentiment(texts, lang="en", progress=False)),
        ("score_texts(texts, vader_spec())", lambda: score_texts(texts, spec)),
    ]
    for name, fn in runs:
        rate = n / best_of(fn)
        print(f"{name:44s} {rate:10,.0f} texts/s {rate / baseline:5.1f}x")
    os.environ["EMPATHYLAB_THREADS"] = "1"
    for name, fn in runs[:2]:
        rate = n / best_of(fn)
        print(f"{name + '  threads=1':44s} {rate:10,.0f} texts/s {rate / baseline:5.1f}x")
    del os.environ["EMPATHYLAB_THREADS"]

    german_source, gsource = german_pool()
    german = draw(german_source, n, seed=0)
    start = time.perf_counter()
    for text in german.tolist():
        analyzer.polarity_scores(text)
    german_baseline = n / (time.perf_counter() - start)
    # German and English timed in turns, so that both see the same load of the machine
    (seconds, de_seconds, english_seconds), cpu = best_of_each([
        lambda: sentiment(german, progress=False),
        lambda: sentiment(german, lang="de", progress=False),
        lambda: sentiment(texts, progress=False),
    ])
    print(f"German: {n:,} texts drawn from {len(german_source):,} distinct ({gsource}), "
          f"mean {german.str.len().mean():.0f} characters")
    print(f"{'vaderSentiment on the German texts':44s} {german_baseline:10,.0f} texts/s   1.0x")
    chars = {"German": german.str.len().sum(), "English": texts.str.len().sum()}
    english_rate = chars["English"] / english_seconds
    for name, secs in (("sentiment(german)  [default]", seconds),
                       ("sentiment(german, lang='de')", de_seconds)):
        rate = n / secs
        print(f"{name:44s} {rate:10,.0f} texts/s {rate / german_baseline:5.1f}x  "
              f"({rate / baseline:.1f}x vaderSentiment's English rate)")
        print(f"{'  characters/s':44s} {chars['German'] / secs / 1e6:10.1f} M        "
              f"{chars['German'] / secs / english_rate:5.2f}x the English default's "
              f"{english_rate / 1e6:.1f} M")
    # CPU time (all threads) does not count the time other processes hold the cores
    per_cpu = [chars["German"] / cpu[0], chars["German"] / cpu[1], chars["English"] / cpu[2]]
    print(f"characters per CPU-second: German default {per_cpu[0] / 1e6:.1f} M "
          f"({per_cpu[0] / per_cpu[2]:.2f}x English), lang='de' {per_cpu[1] / 1e6:.1f} M "
          f"({per_cpu[1] / per_cpu[2]:.2f}x), English default {per_cpu[2] / 1e6:.1f} M")

    out = subprocess.run([sys.executable, __file__, "--memory-child", str(n_memory)],
                         capture_output=True, text=True, check=True)
    added, result = (float(x) for x in out.stdout.split())
    print(f"memory: {added:,.0f} MB peak RSS added by sentiment() on {n_memory:,} texts "
          f"(the result frame itself {result:.0f} MB)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--memory-child":
        memory_child(int(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000,
             int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
