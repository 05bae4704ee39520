"""Boilerplate: the share of a reply that is canned text, by near-duplicate sentences.

Each reply is split into sentences (:func:`empathylab.text.sentences.split_sentences`).
A sentence is normalised (lower case, digits as ``0``, punctuation dropped) and
described by the MinHash signature of its word bigrams (:data:`N_HASHES` hash
functions); the signature is cut into :data:`BANDS` bands of ``r = 4`` values. Two
sentences that share a band are near-duplicate candidates: the chance of sharing one
is ``1 - (1 - J**r)**b`` for word-bigram Jaccard similarity ``J``, about 0.6 at
``J = 0.7`` and 0.93 at ``J = 0.8``. A sentence is canned when one of its bands occurs
in at least ``min_replies`` different replies of the same group (agent, team), or
when candidates with a MinHash similarity of at least :data:`MIN_SIMILARITY` come
from that many replies; a reply's ``boilerplate`` is the share of its characters in
canned sentences.
Everything runs on whole arrays (pandas, NumPy); no Python loop per sentence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..text.sentences import split_sentences

__all__ = ["BANDS", "MIN_SIMILARITY", "N_HASHES", "boilerplate"]

N_HASHES = 20
BANDS = 5
#: Near-duplicates found through different bands count when their MinHash estimate of
#: word-bigram Jaccard similarity is at least this.
MIN_SIMILARITY = 0.6
_SEED = 20261201


def _hash(values: pd.Series) -> np.ndarray:
    return pd.util.hash_pandas_object(values, index=False).to_numpy(np.uint64)


def boilerplate(replies: pd.Series, groups: pd.Series, min_replies: int = 3) -> np.ndarray:
    """Share (0..1) of each reply's characters in sentences canned within its group.

    ``replies`` and ``groups`` are aligned by position. NaN for missing replies and
    for replies whose group has fewer than ``min_replies`` replies (nothing to
    compare with).
    """
    n = len(replies)
    out = np.full(n, np.nan)
    texts = pd.Series(replies.to_numpy(dtype=object), index=pd.RangeIndex(n))
    present = texts.notna() & (texts.astype(str).str.strip() != "")
    group_codes = pd.Series(pd.factorize(groups.astype(object).fillna("\x00missing"))[0])
    sizes = group_codes[present].map(group_codes[present].value_counts())
    judged = present & (sizes.reindex(texts.index).fillna(0) >= min_replies)
    if not judged.any():
        return out
    out[judged.to_numpy()] = 0.0
    sent = split_sentences(texts[judged], contrast=False)
    if sent.empty:
        return out
    sent = sent.reset_index(drop=True)
    norm = (sent["sentence"].str.lower().str.replace(r"\d", "0", regex=True)
            .str.replace(r"[^\w\s]", " ", regex=True).str.split())
    words = norm.explode()
    words = words[words.notna()]
    sid = words.index.to_numpy()
    w = words.to_numpy(dtype=object)
    same = np.r_[sid[1:] == sid[:-1], False]
    # shingles: word bigrams, and the single word of one-word sentences
    nwords = np.bincount(sid, minlength=len(sent))
    single = nwords[sid] == 1
    pair_idx = np.flatnonzero(same)
    shingles = pd.Series(np.concatenate([w[pair_idx] + " " + w[pair_idx + 1], w[single]]))
    owner = np.concatenate([sid[pair_idx], sid[single]])
    if not len(owner):
        return out
    base = _hash(shingles)
    order = np.argsort(owner, kind="stable")
    owner, base = owner[order], base[order]
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    rng = np.random.default_rng(_SEED)
    salts = rng.integers(0, 2**63, N_HASHES, dtype=np.uint64)
    mult = rng.integers(0, 2**63, N_HASHES, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    with np.errstate(over="ignore"):
        sig = np.stack([np.minimum.reduceat((base ^ salts[k]) * mult[k], starts)
                        for k in range(N_HASHES)], axis=1)
    has = owner[starts]
    rows = sent["row"].to_numpy()[has]
    group = group_codes.to_numpy()[rows]
    r = N_HASHES // BANDS
    canned = np.zeros(len(has), dtype=bool)
    keys = []
    for b in range(BANDS):
        band = pd.DataFrame(sig[:, b * r:(b + 1) * r]).astype("uint64")
        keys.append(pd.DataFrame({"g": group, "b": b, "h": _hash(pd.Series(_hash(band))),
                                  "row": rows, "s": np.arange(len(has))}))
    table = pd.concat(keys, ignore_index=True)
    per_key = table.groupby(["g", "b", "h"])["row"].transform("nunique").to_numpy()
    # a band shared by enough replies: canned
    canned[table["s"].to_numpy()[per_key >= min_replies]] = True
    # sentences whose near-duplicates are spread over several bands: count the distinct
    # replies among their candidates whose MinHash estimate of Jaccard similarity is high
    small = table[(per_key > 1) & (per_key < min_replies)]
    if len(small):
        pairs = small.merge(small, on=["g", "b", "h"], suffixes=("", "_o"))
        pairs = pairs[pairs["row"] != pairs["row_o"]].drop_duplicates(["s", "s_o"])
        a, o = pairs["s"].to_numpy(), pairs["s_o"].to_numpy()
        similar = (sig[a] == sig[o]).mean(axis=1) >= MIN_SIMILARITY
        near = pairs[similar].drop_duplicates(["s", "row_o"])
        others = near.groupby("s").size()
        canned[others.index[others.to_numpy() + 1 >= min_replies].to_numpy()] = True
    length = sent["sentence"].str.len().to_numpy(float)
    total = np.bincount(sent["row"].to_numpy(), weights=length, minlength=n)
    canned_len = np.bincount(rows[canned], weights=length[has][canned], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, canned_len / total, 0.0)
    out[judged.to_numpy()] = share[judged.to_numpy()]
    return out
