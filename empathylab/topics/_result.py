"""The topic table, labels, aspect-level sentiment and the plot of a fitted TopicModel."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import Result
from ..exceptions import DataQualityWarning
from ._features import Vocabulary, doc_term_matrix
from ._text import tokenize

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ._model import TopicModel

__all__ = ["TopicsResult", "aspect_sentiment", "label_topics"]

_LABEL_TERMS = 2  # terms in a label; a third when the label is short
_SHORT_LABEL = 24  # characters below which a third term is added


def label_topics(top_terms: list[np.ndarray], vocabulary: Vocabulary) -> list[str]:
    """Readable, unique labels: the strongest terms' written forms joined by " / ".

    A bigram replaces its own word ("Wartezeit" becomes "lange Wartezeit"), two
    bigrams that chain join into one phrase ("zwei Minuten" and "Minuten
    erledigt" become "zwei Minuten erledigt"), and a word already inside a
    chosen phrase is skipped.

    Examples
    --------
    >>> from empathylab.topics._features import Vocabulary
    >>> vocabulary = Vocabulary(
    ...     ("erledigt", "hotlin", "minut", "minut erledigt", "zwei minut"),
    ...     ("erledigt", "Hotline", "Minuten", "Minuten erledigt", "zwei Minuten"),
    ...     frozenset({("minut", "erledigt"), ("zwei", "minut")}),
    ... )
    >>> label_topics([np.array([2, 4, 3, 0, 1])], vocabulary)
    ['zwei Minuten erledigt / Hotline']
    >>> label_topics([np.array([2, 0, 4, 3, 1])], vocabulary)
    ['zwei Minuten erledigt / Hotline']
    """
    labels: list[str] = []
    for terms in top_terms:
        chosen: list[tuple[tuple[str, ...], str]] = []  # (stems in order, written form)
        for t in terms:
            stems = vocabulary.stems(int(t))
            text = vocabulary.readable[int(t)]
            if any(set(stems) <= set(c[0]) for c in chosen):
                continue  # already said by a chosen term
            covered = [i for i, c in enumerate(chosen) if set(c[0]) <= set(stems)]
            chain = [i for i, c in enumerate(chosen)
                     if len(stems) == 2 and len(c[0]) >= 2 and c[0][-1] == stems[0]]
            if chain and len(text.split(" ")) == 2:  # "zwei Minuten" + "Minuten erledigt"
                old = chosen[chain[0]]
                chosen[chain[0]] = ((*old[0], stems[1]), f"{old[1]} {text.split(' ')[1]}")
                chosen = [c for i, c in enumerate(chosen) if i not in covered]
                continue
            if covered:  # the bigram replaces its word(s)
                chosen[covered[0]] = (stems, text)
                chosen = [c for i, c in enumerate(chosen) if i not in covered[1:]]
                continue
            joined = " / ".join(c[1] for c in chosen)
            full = len(chosen) > _LABEL_TERMS or len(joined) >= _SHORT_LABEL
            if len(chosen) >= _LABEL_TERMS and full:
                break
            chosen.append((stems, text))
        labels.append(" / ".join(c[1] for c in chosen) or "(no terms)")
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return unique


def aspect_sentiment(
    model: TopicModel,
    texts: pd.Series,
    languages: np.ndarray,
    shares: np.ndarray,
) -> pd.DataFrame:
    """Per topic: mean compound and negative share of the sentences that mention it.

    Sentences (and contrastive clauses) of the fitted texts are scored once with
    :func:`empathylab.sentiment` at ``level="sentence"``. Each sentence belongs
    to the topic its terms weigh most in (the sum of the terms' shares of each
    topic's weight), and counts for it when its text has at least
    ``min_topic_weight`` of that topic. "Die Lieferung war super. Die Hotline
    war eine Katastrophe." gives a positive sentence to a delivery topic and a
    negative one to a hotline topic.
    """
    from ..sentiment import sentiment

    k = shares.shape[1]
    empty = pd.DataFrame(
        {"mean_sentiment": np.full(k, np.nan), "negative_share": np.full(k, np.nan),
         "n_sentences": np.zeros(k, dtype=np.int64)}
    )
    blank = texts.isna().to_numpy() | (texts.fillna("").str.strip() == "").to_numpy()
    positions = np.flatnonzero(~blank)
    if not len(positions):
        return empty
    subset = pd.Series(texts.to_numpy(dtype=object)[positions], dtype="str")
    langs = pd.Series([lang if lang in ("de", "en") else "und" for lang in languages[positions]],
                      dtype="str")
    with warnings.catch_warnings():  # other languages were reported by fit already
        warnings.simplefilter("ignore", category=DataQualityWarning)
        units = sentiment(subset, lang=langs, level="sentence")
    if not len(units):
        return empty
    doc = positions[units["row"].to_numpy(dtype=np.int64)]
    unit_tokens = tokenize(
        units["sentence"].tolist(), languages[doc], filler=model.filler_words,
        extra_stop_words=model.stop_words or (), count_surface=False,
    )
    present = (doc_term_matrix(unit_tokens, model.vocabulary_) > 0).tocsc()
    compound = units["compound"].to_numpy(dtype=float)
    negative = (units["label"] == "negative").to_numpy()
    scored = np.isfinite(compound)
    # each sentence belongs to the topic its terms weigh most in (weights relative to the
    # topic's total, so a large topic does not take every sentence)
    relative = _relative(model.components_)
    score = np.asarray(present @ relative.T)
    best = score.argmax(axis=1)
    mentions_any = score.max(axis=1) > 0
    for topic in range(k):
        mask = (mentions_any & (best == topic) & scored
                & (shares[doc, topic] >= model.min_topic_weight))
        n = int(mask.sum())
        empty.loc[topic, "n_sentences"] = n
        if n:
            empty.loc[topic, "mean_sentiment"] = float(compound[mask].mean())
            empty.loc[topic, "negative_share"] = float(negative[mask].mean())
    return empty


def _relative(components: np.ndarray) -> np.ndarray:
    """Term weights of each topic as shares of the topic's total weight."""
    totals = components.sum(axis=1, keepdims=True)
    return components / np.where(totals > 0, totals, 1.0)


@dataclass(repr=False)
class TopicsResult(Result):
    """Topics of a fitted :class:`TopicModel`: ``summary`` (the topic table), examples, plot."""

    topics: pd.DataFrame
    examples: pd.DataFrame
    coherence_table: pd.DataFrame
    method: str
    criterion: str
    n_texts: int

    _title = "Topics"

    @classmethod
    def build(
        cls,
        *,
        model: TopicModel,
        texts: pd.Series,
        languages: np.ndarray,
        weights: np.ndarray,
        shares: np.ndarray,
        top_terms: list[np.ndarray],
        coherence: np.ndarray,
        sentiment: pd.DataFrame | None,
    ) -> TopicsResult:
        vocabulary = model.vocabulary_
        assigned = model.assignments_["topic"]
        k = shares.shape[1]
        n_texts = int((texts.fillna("").astype(str).str.strip() != "").sum())
        sizes = assigned.value_counts().reindex(range(k), fill_value=0).to_numpy(dtype=np.int64)
        example_rows = []
        first_example: list[object] = []
        dominant = assigned.to_numpy(dtype="float64", na_value=np.nan)
        values = texts.to_numpy(dtype=object)
        for topic in range(k):
            mine = np.flatnonzero(dominant == topic)
            order = mine[np.lexsort((-weights[mine, topic], -shares[mine, topic]))]
            picked = order[: model.n_examples]
            for rank, pos in enumerate(picked, start=1):
                example_rows.append({
                    "topic": topic, "rank": rank, "row": texts.index[pos],
                    "text": values[pos], "topic_weight": float(shares[pos, topic]),
                })
            first_example.append(values[picked[0]] if len(picked) else None)
        table = pd.DataFrame({
            "topic": np.arange(k, dtype=np.int64),
            "label": pd.array(model.labels_, dtype="str"),
            "top_terms": pd.array(
                [", ".join(vocabulary.readable[t] for t in terms) for terms in top_terms],
                dtype="str",
            ),
            "size": sizes,
            "share": sizes / n_texts if n_texts else np.full(k, np.nan),
            "coherence": coherence,
        })
        if sentiment is None:
            table["mean_sentiment"] = np.nan
            table["negative_share"] = np.nan
            table["n_sentences"] = np.zeros(k, dtype=np.int64)
        else:
            table = pd.concat([table, sentiment.reset_index(drop=True)], axis=1)
        table["example"] = pd.array(first_example, dtype="str")
        examples = pd.DataFrame(
            example_rows, columns=["topic", "rank", "row", "text", "topic_weight"]
        )
        return cls(
            topics=table, examples=examples, coherence_table=model.coherence_.copy(),
            method=model.method, criterion=model.coherence, n_texts=n_texts,
        )

    def _summary(self) -> pd.DataFrame:
        return self.topics.copy()

    def _headline(self) -> str:
        tried = self.coherence_table["n_topics"]
        how = (
            f"chosen by {self.criterion.upper()} coherence from {tried.min()}..{tried.max()}"
            if len(tried) > 1 else "fixed"
        )
        assigned = int(self.topics["size"].sum())
        return (
            f"{len(self.topics)} topics ({self.method.upper()}, {how}); {assigned:,} of "
            f"{self.n_texts:,} texts assigned"
        )

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return [("Example texts", self.examples), ("Coherence by number of topics",
                                                   self.coherence_table)]

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Horizontal bars of topic sizes, coloured by mean aspect sentiment (-1 red, +1 blue).

        Keyword arguments go to :meth:`matplotlib.axes.Axes.barh`.
        """
        import matplotlib.pyplot as plt
        from matplotlib import colors

        table = self.topics.sort_values("size", kind="stable")
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.35 * len(table) + 1.2))
        sentiment = table["mean_sentiment"].to_numpy(dtype=float)
        cmap = plt.get_cmap("RdBu")  # ColorBrewer diverging, readable with colour-vision deficiency
        finite = np.isfinite(sentiment)
        limit = max(0.1, float(np.abs(sentiment[finite]).max())) if finite.any() else 1.0
        norm = colors.Normalize(vmin=-limit, vmax=limit)
        face = [cmap(norm(s)) if np.isfinite(s) else "#999999" for s in sentiment]
        ax.barh(table["label"].astype(str), table["size"], color=face, edgecolor="#333333",
                linewidth=0.5, **kwargs)
        ax.set_xlabel("texts (dominant topic)")
        ax.set_title("Topics by size and aspect sentiment", fontsize=10)
        if finite.any():
            mappable = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
            ax.figure.colorbar(mappable, ax=ax, label="mean sentiment of its sentences")
        return ax
