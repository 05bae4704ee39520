"""Language detection: ``detect_language`` against ``py3langid`` itself, speed and accuracy.

Run: ``.venv/bin/python benchmarks/language.py [n_texts]`` (default 200,000).

Both use the same byte n-gram model (py3langid's, BSD-3). The baseline is
py3langid's ``LanguageIdentifier.classify`` per text, restricted to the same 35
Latin-script candidates and folded into German / English / other the same way.
``detect_language`` adds word lists, URL/handle cleaning, a prior for German and
English and scores each distinct word once (module docstring of
``empathylab.text.language``).

Accuracy: on each labelled dev set in ``../shared/data`` the share of texts
reported as the set's language (every set is monolingual by construction, so
the share bounds the error; tweets include some texts in other languages, so
100% is not the ceiling), for both detectors. Speed: ``n_texts`` texts drawn
with replacement from all those sets, py3langid timed on 20,000 of them,
``detect_language`` on all (best of 3).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentiment_speed import SHARED, _tsv, draw  # noqa: E402

from empathylab.text.language import OTHER_LANGUAGES, detect_language  # noqa: E402


def dev_sets() -> dict[str, tuple[str, pd.Series]]:
    root = SHARED / "german_sentiment"
    epitome = SHARED / "epitome" / "emotional-reactions-reddit.csv"
    return {
        "GermEval 2017 dev": ("de", _tsv(SHARED / "germeval2017_dev" / "dev_v1.4.tsv",
                                         ["url", "text", "relevance", "label", "aspects"])["text"]),
        "SB10k": ("de", _tsv(root / "sb10k_corpus_v1.0.cgsa.tsv", ["id", "label", "text"])["text"]),
        "PotTS": ("de", _tsv(root / "PotTS.tsv", ["label", "text"])["text"]),
        "HolidayCheck": ("de", _tsv(root / "holidaycheck.china.sampled.edited.tsv",
                                    ["url", "label", "text"], header=0)["text"]),
        "airline tweets": ("en", pd.read_csv(SHARED / "airline_dev" /
                                             "tweets_american_usairways.csv")["text"]),
        "EPITOME responses": ("en", pd.read_csv(epitome)["response_post"]),
        "Stanford politeness": ("en", pd.read_csv(
            SHARED / "stanford_politeness" / "wikipedia.annotated.csv")["Request"]),
    }


def py3langid_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["de", "en", *OTHER_LANGUAGES])
    return identifier


def py3langid_labels(identifier, texts: list[str]) -> np.ndarray:
    out = []
    for text in texts:
        lang, _ = identifier.classify(text)
        out.append(lang if lang in ("de", "en") else "other")
    return np.array(out, dtype=object)


def main(n: int) -> None:
    if not SHARED.is_dir():
        print(f"needs the shared dev data at {SHARED}; skipped")
        return
    identifier = py3langid_identifier()
    sets = dev_sets()
    print(f"{'set':22s} {'n':>6s} {'language':>8s} {'detect_language':>16s} {'py3langid':>10s}")
    for name, (lang, texts) in sets.items():
        texts = texts.dropna().astype(str)
        ours = detect_language(texts)["language"].eq(lang).mean()
        theirs = np.mean(py3langid_labels(identifier, texts.tolist()) == lang)
        print(f"{name:22s} {len(texts):6d} {lang:>8s} {ours:16.3f} {theirs:10.3f}")

    pool = pd.concat([t for _, t in sets.values()]).dropna().astype(str).drop_duplicates()
    texts = draw(pool, n, seed=0)
    sample = texts.iloc[:20_000].tolist()
    start = time.perf_counter()
    py3langid_labels(identifier, sample)
    baseline = len(sample) / (time.perf_counter() - start)
    detect_language(texts.iloc[:1000])  # load the model first
    best = np.inf
    for _ in range(3):
        start = time.perf_counter()
        detect_language(texts)
        best = min(best, time.perf_counter() - start)
    rate = n / best
    print(f"speed on {n:,} texts (mean {texts.str.len().mean():.0f} characters): py3langid "
          f"{baseline:,.0f} texts/s, detect_language {rate:,.0f} texts/s "
          f"({rate / baseline:.1f}x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
