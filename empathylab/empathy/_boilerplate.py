"""Boilerplate: the share of a reply that is canned text, by near-duplicate sentences.

Each reply is split into sentences (Arrow, at ``.!?…`` and line breaks).
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
Everything runs on whole arrays (Arrow kernels, NumPy, pandas); no Python loop per
sentence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..text._whitespace import as_arrow

__all__ = ["BANDS", "MIN_SIMILARITY", "N_HASHES", "boilerplate"]

N_HASHES = 20
BANDS = 5
#: Near-duplicates found through different bands count when their MinHash estimate of
#: word-bigram Jaccard similarity is at least this.
MIN_SIMILARITY = 0.6
_SEED = 20261201
#: Sentence ends for the comparison: runs of ``.!?…`` followed by white space or the
#: end, and line breaks (abbreviations may split a sentence; they do so in every reply
#: alike, which is what matters for near-duplicates).
_SENTENCE_END = r"[.!?…]+(?:\s+|$)|\n+"


def _hash(values: pd.Series) -> np.ndarray:
    return pd.util.hash_pandas_object(values, index=False).to_numpy(np.uint64)


def _sentences(texts: pd.Series) -> tuple[np.ndarray, pa.Array]:
    """Row positions (within ``texts``) and stripped sentences, split by Arrow (RE2)."""
    lists = pc.split_pattern_regex(as_arrow(texts), _SENTENCE_END)
    rows = np.asarray(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False), np.int64)
    flat = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    if isinstance(flat, pa.ChunkedArray):
        flat = flat.combine_chunks()
    keep = np.asarray(pc.greater(pc.utf8_length(flat), 0).to_numpy(zero_copy_only=False), bool)
    return rows[keep], flat.filter(pa.array(keep))


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
    sent_rows, sentences = _sentences(texts[judged])
    if not len(sentences):
        return out
    sent_rows = np.flatnonzero(judged.to_numpy())[sent_rows]
    norm = pc.replace_substring_regex(pc.utf8_lower(sentences), r"\d", "0")
    norm = pc.replace_substring_regex(norm, r"[^\pL\pN\s]", " ")
    lists = pc.utf8_split_whitespace(norm)
    sid = np.asarray(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False), np.int64)
    words = pc.dictionary_encode(pc.list_flatten(lists))
    word_hash = _hash(pd.Series(words.dictionary.to_numpy(zero_copy_only=False),
                                dtype=object))[np.asarray(words.indices, dtype=np.int64)]
    same = np.r_[sid[1:] == sid[:-1], False]
    # shingles: word bigrams, and the single word of one-word sentences
    nwords = np.bincount(sid, minlength=len(sentences))
    single = nwords[sid] == 1
    pair_idx = np.flatnonzero(same)
    with np.errstate(over="ignore"):
        bigram = (word_hash[pair_idx] * np.uint64(0x9E3779B97F4A7C15)) ^ (
            word_hash[pair_idx + 1] >> np.uint64(1))
    base = np.concatenate([bigram, word_hash[single]])
    owner = np.concatenate([sid[pair_idx], sid[single]])
    if not len(owner):
        return out
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
    rows = sent_rows[has]
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
    length = np.asarray(pc.utf8_length(sentences).to_numpy(zero_copy_only=False), float)
    total = np.bincount(sent_rows, weights=length, minlength=n)
    canned_len = np.bincount(rows[canned], weights=length[has][canned], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, canned_len / total, 0.0)
    out[judged.to_numpy()] = share[judged.to_numpy()]
    return out
