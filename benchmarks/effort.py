"""Effort and actionability on the bundled samples (synthetic data with known truth).

Run: ``/work/main/.venv/bin/python benchmarks/effort.py``

Effort: every customer text of the four samples (``feedback_de``, ``feedback_en``,
``helpdesk``, ``twitter_support``) scored with :func:`empathylab.effort`, joined to
the ``truth`` sample: Spearman with ``true_effort`` (1-7, higher = more effort; so a
good score correlates negatively) over the texts with an effort cue, and per
conversation (the customer texts joined) with the survey's CES answer (1-7, 7 = very
easy; positive is good). Coverage = share of texts with a cue.

Actionability: :func:`empathylab.actionability` against ``true_intent`` mapped to our
categories (complaint, churn_threat, question, follow_up -> response_needed;
suggestion -> suggestion; praise, thanks -> praise; mixed and feedback stay out of the
F1 but are shown in the table).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.metrics import f1_score

from empathylab.actionability import actionability
from empathylab.datasets import registry
from empathylab.effort import effort

SAMPLES = ("feedback_de", "feedback_en", "helpdesk", "twitter_support")
INTENT_TO_ACTION = {
    "complaint": "response_needed", "churn_threat": "response_needed",
    "question": "response_needed", "follow_up": "response_needed",
    "suggestion": "suggestion", "praise": "praise", "thanks": "praise",
}  # fmt: skip


def customer_texts() -> pd.DataFrame:
    truth = registry.load_sample("truth")
    parts = []
    for name in SAMPLES:
        data = registry.load_sample(name)
        data = data.assign(sample=name)
        parts.append(data[["sample", "feedback_id", "conversation_id", "author_role", "text",
                           "ces"]])
    rows = pd.concat(parts, ignore_index=True)
    rows = rows.merge(truth[["sample", "feedback_id", "true_intent", "true_effort"]],
                      on=["sample", "feedback_id"], how="left")
    return rows


def main() -> None:
    rows = customer_texts()
    customers = rows[rows["author_role"].astype(str) == "customer"].reset_index(drop=True)
    scored = effort(customers["text"])
    customers["effort"] = scored["effort"]
    has = customers["effort"].notna() & customers["true_effort"].notna()
    rho = spearmanr(customers.loc[has, "effort"], customers.loc[has, "true_effort"])[0]
    print(f"customer texts: {len(customers)}; with an effort cue: "
          f"{customers['effort'].notna().mean():.1%}")
    print(f"Spearman(effort, true_effort) on {int(has.sum())} texts with a cue: {rho:.3f}")
    filled = customers["effort"].fillna(0.0)
    known = customers["true_effort"].notna()
    rho0 = spearmanr(filled[known], customers.loc[known, "true_effort"])[0]
    print(f"Spearman(effort with no cue = 0, true_effort) on {int(known.sum())} texts: "
          f"{rho0:.3f}")
    # per conversation: the customer texts joined, against the conversation's CES answer
    ces = rows.groupby(["sample", "conversation_id"])["ces"].max()
    joined = customers.groupby(["sample", "conversation_id"])["text"].agg(" \n".join)
    conv = pd.DataFrame({"text": joined}).join(ces)
    conv = conv[conv["ces"].notna()]
    conv["effort"] = effort(conv["text"])["effort"].to_numpy()
    cue = conv["effort"].notna()
    rho_c = spearmanr(conv.loc[cue, "effort"], conv.loc[cue, "ces"])[0]
    rho_c0 = spearmanr(conv["effort"].fillna(0.0), conv["ces"])[0]
    print(f"conversations with a CES answer: {len(conv)}; with an effort cue: {cue.mean():.1%}")
    print(f"Spearman(effort, CES) on {int(cue.sum())} conversations with a cue: {rho_c:.3f}; "
          f"all {len(conv)} (no cue = 0): {rho_c0:.3f}")

    acted = actionability(customers["text"])
    customers["action"] = acted["action"].to_numpy()
    labelled = customers[customers["true_intent"].notna()]
    table = pd.crosstab(labelled["true_intent"], labelled["action"])
    print("\nactionability: true_intent (rows) x action (columns)")
    print(table.to_string())
    mapped = labelled["true_intent"].map(INTENT_TO_ACTION)
    ok = mapped.notna()
    classes = ["response_needed", "suggestion", "praise"]
    pred = labelled.loc[ok, "action"]
    f1 = f1_score(mapped[ok], pred, labels=classes, average=None)
    print(f"\nF1 per class on {int(ok.sum())} texts: "
          + ", ".join(f"{c} {v:.3f}" for c, v in zip(classes, f1, strict=True))
          + f"; macro-F1 {np.mean(f1):.3f}")
    acc = float((mapped[ok] == pred).mean())
    print(f"accuracy {acc:.3f}")
    need = mapped[ok] == "response_needed"
    recall = float((pred[need] == "response_needed").mean())
    precision = float((mapped[ok][pred == "response_needed"] == "response_needed").mean())
    print(f"response_needed: recall {recall:.3f}, precision {precision:.3f}")


if __name__ == "__main__":
    main()
