"""Emotions: per-emotion ROC AUC on EmpatheticDialogues, and throughput.

Run: ``/work/main/.venv/bin/python benchmarks/emotions.py [n_texts]`` (default 100,000).

Accuracy: ``../shared/data/empathetic_dialogues/fixed_valid.csv`` (validation split,
12,078 utterances of 2,770 conversations; labels are ints 0..31 without a label list,
so each id was named by reading its prompts, see ``ED_LABELS``). Each conversation's
situation ``prompt`` (written by the speaker who felt the emotion) is scored once; the
first utterance is scored too, as a second reading. The 32 labels are mapped to ours
(``ED_TO_OURS``); labels without a counterpart are left out of the positives but stay
in as negatives. ROC AUC is one-vs-rest with the emotion's intensity as the score.

Throughput: ``n_texts`` prompts drawn with replacement; ``emotions`` against a naive
baseline measured in the same run: one compiled regular expression per cue, searched in
every text with a Python loop (no negation or intensity), on 5,000 of them.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from empathylab.emotions import EMOTIONS, emotions
from empathylab.text._cues import load_cue_table

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
ED = SHARED / "empathetic_dialogues" / "fixed_valid.csv"

#: label ids of this file, named by reading their prompts (the file has no label list)
ED_LABELS = (
    "sad", "trusting", "terrified", "caring", "disappointed", "faithful", "joyful",
    "jealous", "disgusted", "surprised", "ashamed", "afraid", "impressed", "sentimental",
    "devastated", "excited", "anticipating", "annoyed", "anxious", "furious", "content",
    "lonely", "angry", "confident", "apprehensive", "guilty", "embarrassed", "grateful",
    "hopeful", "proud", "prepared", "nostalgic",
)  # fmt: skip
#: ED label -> our emotion; confusion and relief have no counterpart in ED
ED_TO_OURS = {
    "angry": "anger", "furious": "anger",
    "annoyed": "frustration",
    "disappointed": "disappointment", "devastated": "disappointment",
    "afraid": "worry", "anxious": "worry", "apprehensive": "worry", "terrified": "worry",
    "joyful": "joy", "excited": "joy", "content": "joy",
    "grateful": "gratitude",
    "surprised": "surprise",
}  # fmt: skip


def load_ed() -> pd.DataFrame:
    data = pd.read_csv(ED)
    conv = data.sort_values(["conv_id", "utterance_idx"]).groupby("conv_id").first()
    conv["emotion_ed"] = [ED_LABELS[i] for i in conv["label"]]
    conv["prompt"] = conv["prompt"].str.replace("_comma_", ",", regex=False)
    conv["utterance"] = conv["utterance"].str.replace("_comma_", ",", regex=False)
    return conv


def aucs(texts: pd.Series, label: pd.Series) -> pd.DataFrame:
    scores = emotions(texts, lang="en")
    ours = label.map(ED_TO_OURS)
    rows = []
    for emotion in EMOTIONS:
        truth = (ours == emotion).to_numpy()
        if not truth.any():
            continue
        score = scores[emotion].astype(float).to_numpy()
        rows.append({"emotion": emotion, "positives": int(truth.sum()),
                     "auc": roc_auc_score(truth, score),
                     "recall_any": float((score[truth] > 0).mean()),
                     "fired_on_others": float((score[~truth] > 0).mean())})
    return pd.DataFrame(rows)


def sample_aucs() -> pd.DataFrame:
    """The same AUCs on the bundled samples' customer texts against ``true_emotion``
    (synthetic German and English feedback; neutral texts are negatives only)."""
    from empathylab.datasets import registry

    truth = registry.load_sample("truth")
    parts = [registry.load_sample(n).assign(sample=n)[["sample", "feedback_id", "text"]]
             for n in ("feedback_de", "feedback_en", "helpdesk", "twitter_support")]
    rows = pd.concat(parts, ignore_index=True).merge(
        truth[["sample", "feedback_id", "true_emotion", "language"]],
        on=["sample", "feedback_id"])
    rows = rows[rows["true_emotion"].notna()].reset_index(drop=True)
    scores = emotions(rows["text"])
    out = []
    for lang in ("de", "en", None):
        mine = (rows["language"] == lang).to_numpy() if lang else np.ones(len(rows), bool)
        for emotion in EMOTIONS:
            truth_e = (rows["true_emotion"] == emotion).to_numpy()[mine]
            if truth_e.sum() < 10:
                continue
            score = scores[emotion].astype(float).fillna(0).to_numpy()[mine]
            out.append({"language": lang or "all", "emotion": emotion,
                        "positives": int(truth_e.sum()), "auc": roc_auc_score(truth_e, score)})
    return pd.DataFrame(out).pivot(index="emotion", columns="language", values="auc")


def naive(texts: list[str]) -> list[list[str]]:
    table = load_cue_table("empathylab.emotions", "emotions.tsv")["en"]
    compiled = []
    for label, cue in zip(table.labels, table.cues, strict=True):
        parts = []
        for pid in cue:
            alts = [re.escape(p[:-1]) + r"\w*" if p.endswith("*") else re.escape(p)
                    for p in table.patterns[pid].split("|")]
            parts.append("(?:" + "|".join(alts) + ")")
        compiled.append((label, re.compile(r"\b" + r"\s+".join(parts) + r"\b", re.I)))
    return [[lab for lab, rx in compiled if rx.search(t)] for t in texts]


def main(n: int) -> None:
    conv = load_ed()
    for column in ("prompt", "utterance"):
        table = aucs(conv[column], conv["emotion_ed"])
        print(f"\nEmpatheticDialogues valid, {len(conv)} conversations, text = {column}")
        print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        print(f"mean AUC {table['auc'].mean():.3f}")
    print("\nbundled samples (synthetic), customer texts vs true_emotion, AUC:")
    print(sample_aucs().to_string(float_format=lambda x: f"{x:.3f}"))
    rng = np.random.default_rng(0)
    texts = pd.Series(rng.choice(conv["prompt"].to_numpy(), size=n), dtype="str")
    t0 = time.perf_counter()
    emotions(texts, lang="en")
    ours = time.perf_counter() - t0
    m = 5_000
    t0 = time.perf_counter()
    naive(texts.iloc[:m].tolist())
    base = (time.perf_counter() - t0) * n / m
    print(f"\nthroughput on {n:,} texts: emotions {ours:.1f} s ({n / ours:,.0f} texts/s); naive "
          f"per-row regex loop {base:.1f} s (timed on {m:,}, scaled); ratio {base / ours:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
