"""Token-level cue matching over a whole column: the engine behind emotions, effort,
actionability and politeness.

A *cue table* (TSV, package data of the module that uses it) has the columns
``lang``, ``label``, ``strength`` and ``cue``. A cue is a sequence of space-separated
token patterns, matched against lower-cased tokens:

``word``
    the token itself;
``stem*``
    any token starting with ``stem``;
``a|b*|c``
    any of these;
``phrase one; phrase two``
    (in the cue column) alternative cues with the same label and strength;

German cues also match their umlaut-free transcriptions ("waere", "muessen");
``_``
    any word token;
``#``
    any number;
``word?``
    an optional token (the cue is expanded into the variants with and without it).

All texts of a column are tokenised once (one regular expression per row, then flat
numpy arrays of tokens and row numbers). Every distinct token is looked up once per
pattern; a cue's hits are the positions where its first pattern matches (a sparse
token-by-pattern matrix), narrowed by the following patterns at the next positions.
There is no Python loop per row or per token: the loops run over cues and distinct
tokens. Overlapping hits keep the longest cue. Each hit records whether a negator
precedes it within three tokens of the same clause (``negated``; for German also a
clause-final ``nicht`` after it, "zufrieden bin ich nicht"), whether an intensifier or
a downtoner precedes it (``boost`` +1 / -1) and whether it is written in capitals.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pandas as pd
from scipy import sparse

__all__ = ["CueTable", "Tokens", "hits", "load_cue_table", "modifiers", "tokenize"]

#: words (with inner hyphens and apostrophes), numbers, or one other non-space character
TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]", re.UNICODE)
#: tokens that end a clause: negation and intensifiers do not reach across them
BREAKS = frozenset(". , ; : ! ? … ( ) - – — / \" “ ” „".split()) | {"but", "aber", "however",
                                                                      "jedoch", "sondern"}
SENTENCE_ENDS = frozenset(". ! ? … \n".split())
_SEP = "\ue000"  # joins the texts for tokenising (a private-use character, removed first)
NEGATION_WINDOW = 3  # as the sentiment lexicon's scope (VADER): the next three tokens


@dataclass(frozen=True)
class Tokens:
    """The tokens of a column of texts, flattened."""

    n_rows: int
    row: np.ndarray  # int64, row position of each token
    raw: np.ndarray  # object, token as written
    code: np.ndarray  # int64, index into ``vocab``
    vocab: np.ndarray  # object, distinct lower-cased tokens
    sentence_start: np.ndarray  # bool: first token of its row or after . ! ? …

    @property
    def lower(self) -> np.ndarray:
        return self.vocab[self.code]


def tokenize(texts: pd.Series) -> Tokens:
    """Tokens of every text (missing texts have none)."""
    values = texts.astype(object).where(texts.notna(), "").to_numpy(dtype=object)
    n_rows = len(values)
    # one findall over the texts joined by a record separator (a token of its own)
    joined = _SEP.join(str(v).replace(_SEP, " ") for v in values)
    found = np.array(TOKEN_RE.findall(joined), dtype=object) if n_rows else np.zeros(0, object)
    sep = found == _SEP
    row = np.cumsum(sep)[~sep].astype(np.int64)
    raw = found[~sep]
    # lower-case each distinct token once, then factorize the lower-cased forms
    raw_code, raw_vocab = pd.factorize(raw)
    lowered = pd.Series(np.asarray(raw_vocab, dtype=object), dtype=object)
    if len(lowered):
        lowered = lowered.str.lower().str.replace("’", "'", regex=False)
    low_code, vocab = pd.factorize(lowered.to_numpy(dtype=object))
    code = low_code[raw_code] if len(raw) else np.zeros(0, dtype=np.int64)
    vocab = np.asarray(vocab, dtype=object)
    start = np.ones(len(raw), dtype=bool)
    if len(raw):
        prev_end = np.isin(vocab, list(SENTENCE_ENDS))[code]
        start[1:] = (row[1:] != row[:-1]) | prev_end[:-1]
    return Tokens(n_rows, row, raw, code.astype(np.int64), vocab, start)


def _expand(cue: str) -> list[list[str]]:
    """Variants of a cue without and with its optional tokens (``word?``)."""
    variants: list[list[str]] = [[]]
    for part in cue.split():
        if part.endswith("?") and len(part) > 1:
            core = part[:-1]
            variants = [v + [core] for v in variants] + variants
        else:
            variants = [v + [part] for v in variants]
    return [v for v in variants if v]


@dataclass(frozen=True)
class CueTable:
    """Cues of one language, compiled into token patterns."""

    labels: tuple[str, ...]  # per cue
    strengths: np.ndarray  # per cue
    cues: tuple[tuple[int, ...], ...]  # per cue: pattern ids
    patterns: tuple[str, ...]  # per pattern id: "a|b*|_"

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, float, str]]) -> CueTable:
        labels, strengths, cues = [], [], []
        ids: dict[str, int] = {}
        for label, strength, cue in rows:
            for variant in (v for phrase in cue.lower().split(";") for v in _expand(phrase)):
                cues.append(tuple(ids.setdefault(p, len(ids)) for p in variant))
                labels.append(label)
                strengths.append(float(strength))
        return cls(tuple(labels), np.asarray(strengths, dtype=float), tuple(cues), tuple(ids))

    def vocab_matrix(self, vocab: np.ndarray) -> np.ndarray:
        """Boolean (patterns, vocab): does the distinct token match the pattern?"""
        words = pd.Series(vocab, dtype=object)
        is_word = words.str.match(r"^[^\W_]", na=False).to_numpy(bool)
        is_number = words.str.match(r"^\d+$", na=False).to_numpy(bool)
        out = np.zeros((len(self.patterns), len(vocab)), dtype=bool)
        for i, pattern in enumerate(self.patterns):
            exact = [p for p in pattern.split("|")
                     if p and not p.endswith("*") and p not in ("_", "#")]
            stems = tuple(p[:-1] for p in pattern.split("|") if p.endswith("*") and len(p) > 1)
            hit = np.isin(vocab, exact) if exact else np.zeros(len(vocab), dtype=bool)
            if stems:
                hit |= words.str.startswith(stems).fillna(False).to_numpy(bool)
            if "_" in pattern.split("|"):
                hit |= is_word
            if "#" in pattern.split("|"):
                hit |= is_number
            out[i] = hit
        return out


_TRANSCRIPTION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _with_transcriptions(cue: str) -> str:
    """German cues also match the umlaut-free spelling of keyboards without umlauts
    ("waere" for "wäre", "muessen" for "müssen", "gross" for "groß")."""
    phrases = []
    for phrase in cue.split(";"):
        tokens = []
        for token in phrase.split():
            optional = token.endswith("?") and len(token) > 1
            core = token[:-1] if optional else token
            alts = core.split("|")
            alts += [t for a in alts if (t := a.lower().translate(_TRANSCRIPTION)) not in alts]
            tokens.append("|".join(alts) + ("?" if optional else ""))
        phrases.append(" ".join(tokens))
    return "; ".join(phrases)


def load_cue_table(package: str, name: str) -> dict[str, CueTable]:
    """A cue table from package data, one :class:`CueTable` per language."""
    return _load(package, name)


@functools.cache
def _load(package: str, name: str) -> dict[str, CueTable]:
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    rows: dict[str, list[tuple[str, float, str]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[0] == "lang":
            if parts[0] == "lang":
                continue
            raise ValueError(f"{package}/data/{name} line {number}: expected 4 tab-separated "
                             f"fields (lang, label, strength, cue), got {len(parts)}")
        lang, label, strength, cue = (p.strip() for p in parts)
        if lang == "de":
            cue = _with_transcriptions(cue)
        rows.setdefault(lang, []).append((label, float(strength), cue))
    return {lang: CueTable.from_rows(r) for lang, r in rows.items()}


@functools.cache
def modifiers() -> dict[str, dict[str, frozenset[str]]]:
    """Negators, intensifiers and downtoners per language (``text/data/modifiers.tsv``;
    German negators from the sentiment lexicon's ``de_negations.tsv``)."""
    out: dict[str, dict[str, set[str]]] = {}
    text = resources.files("empathylab.text").joinpath("data", "modifiers.tsv")
    for line in text.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, kind, word = (p.strip() for p in line.split("\t"))
        out.setdefault(lang, {}).setdefault(kind, set()).add(word.lower())
    negations = resources.files("empathylab.sentiment").joinpath("data", "de_negations.tsv")
    for line in negations.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0].strip()
        if word and not word.startswith("#"):
            out.setdefault("de", {}).setdefault("negator", set()).add(word.lower())
    return {lang: {k: frozenset(v) for k, v in kinds.items()} for lang, kinds in out.items()}


HIT_COLUMNS = ["row", "start", "end", "label", "strength", "negated", "boost", "caps", "span"]


def _empty_hits() -> pd.DataFrame:
    return pd.DataFrame({
        "row": np.array([], dtype=np.int64), "start": np.array([], dtype=np.int64),
        "end": np.array([], dtype=np.int64), "label": np.array([], dtype=object),
        "strength": np.array([], dtype=float), "negated": np.array([], dtype=bool),
        "boost": np.array([], dtype=np.int64), "caps": np.array([], dtype=bool),
        "span": np.array([], dtype=object),
    })


def _flag(tokens: Tokens, words: Iterable[str]) -> np.ndarray:
    """Per token: is its lower-cased form one of ``words``?"""
    return np.isin(tokens.vocab, list(words))[tokens.code] if len(tokens.raw) else np.zeros(
        0, dtype=bool)


def hits(tokens: Tokens, table: CueTable, lang: str, *, rows: np.ndarray | None = None,
         negate: bool = True, per_label: bool = False) -> pd.DataFrame:
    """Every cue hit in ``tokens`` (restricted to the row positions ``rows``).

    Returns a DataFrame with ``row`` (position), ``start``/``end`` (token positions,
    end exclusive), ``label``, ``strength``, ``negated``, ``boost`` (+1 intensifier,
    -1 downtoner, 0), ``caps`` and ``span`` (the tokens as written).
    """
    n = len(tokens.raw)
    if n == 0 or not table.cues:
        return _empty_hits()
    allowed = np.ones(n, dtype=bool) if rows is None else np.isin(tokens.row, rows)
    matrix = table.vocab_matrix(tokens.vocab)  # (patterns, vocab)
    firsts = sorted({c[0] for c in table.cues})
    # positions where each first pattern matches: a sparse tokens x patterns matrix
    sub = sparse.csr_matrix(matrix[firsts].T)  # vocab x firsts
    at = sub[tokens.code].tocsc()
    at.sort_indices()
    position_of = {p: i for i, p in enumerate(firsts)}
    starts, ends, cue_ids = [], [], []
    for cue_id, cue in enumerate(table.cues):
        col = position_of[cue[0]]
        pos = at.indices[at.indptr[col]:at.indptr[col + 1]].astype(np.int64)
        pos = pos[allowed[pos]]
        for k, pattern in enumerate(cue[1:], start=1):
            if not len(pos):
                break
            nxt = pos + k
            ok = nxt < n
            pos, nxt = pos[ok], nxt[ok]
            ok = (tokens.row[nxt] == tokens.row[pos]) & matrix[pattern][tokens.code[nxt]]
            pos = pos[ok]
        if len(pos):
            starts.append(pos)
            ends.append(pos + len(cue))
            cue_ids.append(np.full(len(pos), cue_id, dtype=np.int64))
    if not starts:
        return _empty_hits()
    start = np.concatenate(starts)
    end = np.concatenate(ends)
    cue_of = np.concatenate(cue_ids)
    if per_label:
        label_id = pd.factorize(np.asarray(table.labels, dtype=object)[cue_of])[0].astype(np.int64)
    else:
        label_id = np.zeros(len(cue_of), dtype=np.int64)
    # positions shifted per label group, so that groups never overlap one another
    g_start, g_end = start + label_id * (n + 1), end + label_id * (n + 1)
    order = np.lexsort((-(end - start), g_start))
    start, end, cue_of = start[order], end[order], cue_of[order]
    g_start, g_end = g_start[order], g_end[order]
    # overlapping hits: the longest (first in this order) wins
    reach = np.maximum.accumulate(g_end)
    keep = np.ones(len(start), dtype=bool)
    keep[1:] = g_start[1:] >= reach[:-1]
    start, end, cue_of = start[keep], end[keep], cue_of[keep]
    row = tokens.row[start]
    mods = modifiers().get(lang, {})
    breaks = _flag(tokens, BREAKS)
    negated = np.zeros(len(start), dtype=bool)
    if negate:
        is_neg = _flag(tokens, mods.get("negator", ()))
        if lang == "en":  # contracted negation: don't, isn't, can't, wouldn't ...
            low = pd.Series(tokens.vocab, dtype=object)
            contracted = low.str.contains(r"n['’]t$", regex=True, na=False).to_numpy(bool)
            is_neg |= contracted[tokens.code]
        blocked = np.zeros(len(start), dtype=bool)
        for k in range(1, NEGATION_WINDOW + 1):
            p = start - k
            ok = (p >= 0) & ~blocked
            p_ok = np.where(ok, p, 0)
            same = ok & (tokens.row[p_ok] == row)
            negated |= same & is_neg[p_ok]
            blocked |= ~same | breaks[p_ok]
        if lang == "de":  # clause-final negation: "zufrieden war ich nicht"
            blocked = np.zeros(len(start), dtype=bool)
            for k in range(0, NEGATION_WINDOW):
                p = end + k
                ok = (p < n) & ~blocked
                p_ok = np.where(ok, p, 0)
                same = ok & (tokens.row[p_ok] == row)
                after = p_ok + 1
                final = (after >= n) | (tokens.row[np.minimum(after, n - 1)] != row) | breaks[
                    np.minimum(after, n - 1)]
                negated |= same & is_neg[p_ok] & final
                blocked |= ~same | breaks[p_ok]
    boost = np.zeros(len(start), dtype=np.int64)
    is_int = _flag(tokens, mods.get("intensifier", ()))
    is_down = _flag(tokens, mods.get("downtoner", ()))
    p = np.maximum(start - 1, 0)
    same = (start >= 1) & (tokens.row[p] == row)
    boost[same & is_int[p]] = 1
    boost[same & is_down[p]] = -1
    raw = tokens.raw
    first = raw[start]
    caps = np.fromiter((len(t) >= 3 and t.isupper() for t in first), dtype=bool,
                       count=len(first))
    span = np.array([" ".join(raw[a:b]) for a, b in zip(start, end, strict=True)], dtype=object)
    return pd.DataFrame({
        "row": row, "start": start, "end": end,
        "label": np.asarray(table.labels, dtype=object)[cue_of],
        "strength": table.strengths[cue_of], "negated": negated, "boost": boost, "caps": caps,
        "span": span,
    })


def column_hits(texts: pd.Series, languages: np.ndarray, package: str, name: str, *,
                negate: bool = True, per_label: bool = False,
                tokens: Tokens | None = None) -> pd.DataFrame:
    """Hits of a package's cue table in every row, each row with its language's cues."""
    tables = load_cue_table(package, name)
    tokens = tokenize(texts) if tokens is None else tokens
    parts = []
    for lang, table in tables.items():
        rows = np.flatnonzero(languages == lang)
        if len(rows):
            parts.append(hits(tokens, table, lang, rows=rows, negate=negate,
                              per_label=per_label))
    if not parts:
        return _empty_hits()
    return pd.concat(parts, ignore_index=True)
