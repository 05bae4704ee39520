"""``empathy_map()``: customer statements sorted into SAYS, THINKS, DOES, FEELS and
PAINS / GAINS, ranked by frequency with representative quotes."""

from __future__ import annotations

import html
import re
import textwrap
import warnings
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._results import Result
from .._validation import check_argument, check_columns
from ..exceptions import DataQualityWarning, InsufficientDataError
from ._keys import key_phrases

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["QUADRANTS", "EmpathyMap", "classify_sentences", "empathy_map"]

#: the four quadrants around the customer, then the two boxes below
QUADRANTS: tuple[str, ...] = ("says", "thinks", "does", "feels", "pains", "gains")
_CUES = ("thinks", "does", "feels", "pains", "gains")
#: salutations and closings ("Hallo Team,", "Kind regards"): letter formulas, not statements
_FORMULA = re.compile(
    r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|guten (?:morgen|tag|abend)"
    r"|hallo|servus|moin|grüß gott|grüezi|liebe[sr]?|sehr geehrte[rs]?|(?:mit )?(?:freundlichen|"
    r"besten|herzlichen|vielen|viele|liebe|beste) grüßen?|(?:kind|best|warm) regards|regards"
    r"|cheers|to whom it may concern|thanks in advance|danke im voraus"
    r"|vielen dank(?: im voraus| vorab)?|mfg|lg|vg)"
    r"\b(?:\W+\S+){0,2}\W*$",
    re.IGNORECASE,
)
#: labels of the plot, in English and German
LABELS: dict[str, dict[str, str]] = {
    "en": {"says": "SAYS", "thinks": "THINKS", "does": "DOES", "feels": "FEELS",
           "pains": "PAINS", "gains": "GAINS", "customer": "Customer", "texts": "texts"},
    "de": {"says": "SAGT", "thinks": "DENKT", "does": "TUT", "feels": "FÜHLT",
           "pains": "PROBLEME", "gains": "WÜNSCHE", "customer": "Kunde", "texts": "Texte"},
}
#: Okabe-Ito colours (colour-blind safe), one per quadrant
_COLOURS = {"says": "#0072B2", "thinks": "#009E73", "does": "#E69F00", "feels": "#CC79A7",
            "pains": "#D55E00", "gains": "#56B4E9"}


@cache
def _cues(lang: str) -> dict[str, re.Pattern[str]]:
    text = resources.files("empathylab.empathy_map").joinpath(f"data/cues_{lang}.tsv")
    found: dict[str, list[str]] = {c: [] for c in _CUES}
    for raw in text.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        category, pattern = raw.split("\t")
        found[category].append(pattern.replace(" ", r"\s+"))
    out = {c: re.compile(r"(?<![\w'])(?:" + "|".join(p) + ")", re.IGNORECASE)
           for c, p in found.items()}
    # "no hassle", "kein Problem": a negated problem word is no pain
    out["_no_pain"] = re.compile(
        r"(?<![\w'])(?:no|not|never|without|zero|kein\w*|nicht|ohne|nie)\s+(?:[\w'-]+\s+)?"
        r"(?:" + "|".join(found["pains"]) + ")",
        re.IGNORECASE,
    )
    return out


def classify_sentences(
    sentences: pd.Series, languages: pd.Series, labels: pd.Series | None = None
) -> pd.DataFrame:
    """Quadrant (says/thinks/does/feels) and pains/gains flags of each sentence.

    Rules, in this order: an opinion cue ("I think", "ich finde") in a sentence
    that is not a question makes THINKS;
    a first-person action ("I called", "ich habe angerufen") DOES; an emotion
    word ("frustrated", "enttäuscht"), a strongly polar exclamation or a feeling
    that :func:`empathylab.emotions` finds (not in a wish) FEELS;
    every other sentence is something the customer SAYS (quoted speech
    included). Independently, a problem cue (not a negated one: "no hassle",
    "kein Problem") or a negative sentiment label marks
    PAINS, and a wish, want or hope ("I wish", "wäre schön", "ich hoffe") GAINS.

    Parameters
    ----------
    sentences : pandas.Series of str
    languages : pandas.Series
        ``de`` or ``en`` per sentence (others use the English cues).
    labels : pandas.Series, optional
        Sentiment label per sentence (``positive``/``neutral``/``negative``).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``sentences``: ``quadrant``, ``pains`` (bool), ``gains`` (bool).

    Examples
    --------
    >>> s = pd.Series(["Ich finde den Preis zu hoch", "I called twice", "So frustrated!",
    ...                "Es wäre schön, wenn es eine App gäbe"])
    >>> classify_sentences(s, pd.Series(["de", "en", "en", "de"]))["quadrant"].tolist()
    ['thinks', 'does', 'feels', 'says']
    """
    text = sentences.astype("str")
    lang = languages.astype("string").fillna("en").to_numpy(dtype=object)
    hits = {c: np.zeros(len(text), dtype=bool) for c in _CUES}
    for code in ("en", "de"):
        rows = (lang == "de") if code == "de" else (lang != "de")
        if not rows.any():
            continue
        part = text[rows]
        cues = _cues(code)
        for category in _CUES:
            hits[category][rows] = part.str.contains(cues[category]).to_numpy(bool)
        negated = part.str.contains(cues["_no_pain"]).to_numpy(bool)
        # a negated problem word does not count; another, plain one in the sentence would
        plain = part.str.replace(cues["_no_pain"], " ", regex=True).str.contains(
            cues["pains"]).to_numpy(bool)
        hits["pains"][rows] = np.where(negated, plain, hits["pains"][rows])
    label = (labels.astype("string").fillna("").to_numpy(dtype=object) if labels is not None
             else np.full(len(text), None, dtype=object))
    # a feeling that empathylab.emotions finds makes FEELS too, unless the sentence is a
    # wish ("Es wäre schön, wenn ...": GAINS, not joy)
    from ..emotions import EMOTIONS, emotions

    felt = emotions(text, lang=pd.Series(lang, index=text.index))[list(EMOTIONS)]
    hits["feels"] |= felt.fillna(0).gt(0).any(axis=1).to_numpy(bool) & ~hits["gains"]
    # a question asks, it states no opinion ("Wo finde ich ...?", "Do you think ...?")
    hits["thinks"] &= ~text.str.contains("?", regex=False).to_numpy(bool)
    quadrant = np.select([hits["thinks"], hits["does"], hits["feels"]],
                         ["thinks", "does", "feels"], default="says")
    return pd.DataFrame({
        "quadrant": quadrant,
        "pains": hits["pains"] | (label == "negative"),
        "gains": hits["gains"],
    }, index=sentences.index)


@dataclass(repr=False)
class EmpathyMap(Result):
    """Customer statements per segment, sorted into the empathy map's quadrants.

    Attributes
    ----------
    items : pandas.DataFrame
        Every grouped statement: ``segment, quadrant, item, count, share, quote,
        key`` (``count``: texts with a sentence of this key; ``share``: count over
        the segment's texts).
    sentences : pandas.DataFrame
        The classified sentences: ``row, segment, sentence, quadrant, pains,
        gains, compound, label, language, key``.
    n_texts : pandas.Series
        Texts per segment.
    top : int
        Items per quadrant in :meth:`to_frame`, the plot and the HTML view.
    """

    items: pd.DataFrame
    sentences: pd.DataFrame
    n_texts: pd.Series
    top: int = 5
    segment_column: str | None = None
    _title = "Empathy map"

    @property
    def segments(self) -> list[str]:
        """Segment names, in order (``["all"]`` without a segment column)."""
        return [str(s) for s in self.n_texts.index]

    def to_frame(self, top: int | None = None) -> pd.DataFrame:
        """Tidy table of the ``top`` items per segment and quadrant.

        Returns
        -------
        pandas.DataFrame
            ``segment, quadrant, item, count, share, quote``, quadrants in the order
            says, thinks, does, feels, pains, gains, most frequent items first.
        """
        n = self.top if top is None else top
        ranked = self.items.groupby(["segment", "quadrant"], sort=False, observed=True).head(n)
        return ranked[["segment", "quadrant", "item", "count", "share", "quote"]].reset_index(
            drop=True
        )

    def _summary(self) -> pd.DataFrame:
        return self.to_frame()

    def _headline(self) -> str:
        n = int(self.n_texts.sum())
        return (f"{n} texts, {len(self.sentences)} sentences, "
                f"{len(self.n_texts)} segment(s), top {self.top} per quadrant")

    def plot(  # type: ignore[override]
        self,
        ax: Axes | None = None,
        *,
        segment: str | None = None,
        top: int | None = None,
        lang: str = "en",
        width: int = 38,
    ) -> Axes:
        """Draw the classic map: four quadrants around the customer, pains and gains below.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Drawn on (its axis is switched off); a new 11 x 8.5 inch figure when None.
        segment : str, optional
            The segment to draw; default the first (or the only) one.
        top : int, optional
            Items per quadrant; default the map's ``top``.
        lang : {"en", "de"}, default="en"
            Language of the labels.
        width : int, default=38
            Characters per line of a quote before it wraps.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import matplotlib.pyplot as plt
        from matplotlib.patches import Ellipse, FancyBboxPatch

        check_argument("lang", list(LABELS), lang)
        labels = LABELS[lang]
        name = self.segments[0] if segment is None else str(segment)
        if name not in self.segments:
            raise ValueError(
                f"`segment` must be one of {self.segments}, but {segment!r} was passed."
            )
        n = self.top if top is None else top
        table = self.items[self.items["segment"] == name]
        if ax is None:
            _, ax = plt.subplots(figsize=(11, 8.5))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_axis_off()
        # four quadrants: y from 0.3 to 1, split at x = 0.5 and y = 0.65
        boxes = {"says": (0.0, 0.65), "thinks": (0.5, 0.65), "does": (0.0, 0.3),
                 "feels": (0.5, 0.3)}
        for quadrant, (x, y) in boxes.items():
            ax.add_patch(FancyBboxPatch((x + 0.005, y + 0.005), 0.49, 0.34,
                                        boxstyle="round,pad=0,rounding_size=0.01",
                                        facecolor=_COLOURS[quadrant], alpha=0.12,
                                        edgecolor=_COLOURS[quadrant], gid=f"box-{quadrant}"))
        below = {"pains": (0.0, 0.0), "gains": (0.5, 0.0)}
        for quadrant, (x, y) in below.items():
            ax.add_patch(FancyBboxPatch((x + 0.005, y + 0.005), 0.49, 0.27,
                                        boxstyle="round,pad=0,rounding_size=0.01",
                                        facecolor=_COLOURS[quadrant], alpha=0.12,
                                        edgecolor=_COLOURS[quadrant], gid=f"box-{quadrant}"))
        frames = {**{q: (x, y, 0.34) for q, (x, y) in boxes.items()},
                  **{q: (x, y, 0.27) for q, (x, y) in below.items()}}
        for quadrant, (x, y, h) in frames.items():
            # the right-hand quadrants' items start clear of the customer in the centre
            left = x + (0.08 if quadrant in ("thinks", "feels") else 0.02)
            if quadrant in ("does", "feels"):  # labels on the outer edges of the map
                ax.text(x + 0.02, y + 0.02, labels[quadrant], fontsize=12, fontweight="bold",
                        color=_COLOURS[quadrant], va="bottom", ha="left",
                        gid=f"label-{quadrant}")
            else:
                ax.text(x + 0.02, y + h - 0.02, labels[quadrant], fontsize=12,
                        fontweight="bold", color=_COLOURS[quadrant], va="top", ha="left",
                        gid=f"label-{quadrant}")
            top_of_items = y + h - (0.03 if quadrant in ("does", "feels") else 0.065)
            rows = table[table["quadrant"] == quadrant].head(n)
            lines = []
            for row in rows.itertuples(index=False):
                quote = textwrap.shorten(str(row.quote), width=width * 2, placeholder=" …")
                wrapped = textwrap.fill(f"“{quote}” ({row.count})", width=width,
                                        subsequent_indent="  ")
                lines.append("• " + wrapped)
            ax.text(left, top_of_items, "\n".join(lines) if lines else "–", fontsize=7.5,
                    va="top", ha="left", linespacing=1.25, gid=f"items-{quadrant}")
        box = ax.get_window_extent()
        ratio = box.width / box.height if box.height else 1.0
        ax.add_patch(Ellipse((0.5, 0.65), 0.14, 0.14 * ratio, facecolor="white",
                             edgecolor="#333333", linewidth=1.5, zorder=3, gid="customer"))
        title = labels["customer"] if name == "all" else name
        ax.text(0.5, 0.66, title, ha="center", va="center", fontsize=11, fontweight="bold",
                zorder=4)
        ax.text(0.5, 0.625, f"{int(self.n_texts.get(name, 0))} {labels['texts']}",
                ha="center", va="center", fontsize=8, zorder=4)
        return ax

    def _repr_html_(self) -> str:
        parts = [f"<div class='empathylab-result'><strong>{html.escape(self._title)}</strong>",
                 f"<p>{html.escape(self._headline())}</p>"]
        for name in self.segments[:6]:
            table = self.items[self.items["segment"] == name]

            def cell(quadrant: str, table: pd.DataFrame = table) -> str:
                rows = table[table["quadrant"] == quadrant].head(self.top)
                items = "".join(
                    f"<li>{html.escape(str(r.quote))} <small>({r.count})</small></li>"
                    for r in rows.itertuples(index=False)
                )
                colour = _COLOURS[quadrant]
                return (f"<td style='vertical-align:top;border:1px solid {colour};"
                        f"padding:4px'><b style='color:{colour}'>{quadrant.upper()}</b>"
                        f"<ul style='margin:2px 0 0 14px;padding:0'>{items}</ul></td>")

            parts.append(f"<p><em>{html.escape(name)}</em> "
                         f"({int(self.n_texts.get(name, 0))} texts)</p>")
            parts.append("<table style='width:100%;table-layout:fixed'>"
                         f"<tr>{cell('says')}{cell('thinks')}</tr>"
                         f"<tr>{cell('does')}{cell('feels')}</tr>"
                         f"<tr>{cell('pains')}{cell('gains')}</tr></table>")
        parts.append("</div>")
        return "\n".join(parts)


def empathy_map(
    df: pd.DataFrame,
    segment: str | None = None,
    *,
    text: str = "text",
    lang: str | pd.Series = "auto",
    top: int = 5,
    role: str | None = "author_role",
) -> EmpathyMap:
    """Empathy map of customer texts: SAYS, THINKS, DOES, FEELS, PAINS and GAINS.

    Texts are split into sentences (:func:`empathylab.text.split_sentences`),
    scored with :func:`empathylab.sentiment`, and each sentence is sorted by
    German and English cue rules (:func:`classify_sentences`; the cue lists are
    package data written from domain knowledge). Near-identical statements are
    grouped by their content words' stems (salutations, closings and sentences
    of function words only are left out), and the groups are ranked by the
    number of texts that make them, each with its most frequent wording as the
    quote.

    Parameters
    ----------
    df : pandas.DataFrame
        Feedback, one row per text.
    segment : str, optional
        Column of segments or personas (``"segment"``, ``"channel"``,
        ``"touchpoint"``); one map per value. None: one map, segment ``"all"``.
    text : str, default="text"
        Text column.
    lang : {"auto", "de", "en"} or Series, default="auto"
        Passed to :func:`empathylab.sentiment`; the detected language picks the cues.
    top : int, default=5
        Items per quadrant shown by :meth:`EmpathyMap.to_frame` and the plot.
    role : str or None, default="author_role"
        When this column exists, only rows with role ``customer`` are used
        (agent and bot replies are not the customer's voice).

    Returns
    -------
    EmpathyMap
        ``.items``, ``.to_frame()``, ``.plot()``, ``.summary`` and a Jupyter view.

    Raises
    ------
    InsufficientDataError
        When no customer text is left.

    Examples
    --------
    >>> from empathylab.datasets import load_sample
    >>> m = empathy_map(load_sample("feedback_de"), segment="channel", top=3)
    >>> m.to_frame().columns.tolist()
    ['segment', 'quadrant', 'item', 'count', 'share', 'quote']
    >>> m.segments[:3]
    ['app', 'survey', 'phone']
    """
    from ..sentiment import sentiment

    check_columns(df, [text], param="text")
    if segment is not None:
        check_columns(df, [segment], param="segment")
    if not isinstance(top, int | np.integer) or top < 1:
        raise ValueError(f"`top` must be a positive integer, but {top!r} was passed.")
    data = df
    if role is not None and role in df.columns:
        is_customer = df[role].astype("string").str.lower() == "customer"
        data = df[is_customer.fillna(False).to_numpy(bool)]
    texts = data[text]
    usable = texts.notna() & (texts.astype("string").str.strip() != "")
    if not usable.any():
        raise InsufficientDataError(
            f"no customer text to map: column {text!r} has no non-empty text"
            + (f" in the rows whose {role!r} is 'customer'" if role in df.columns else "")
            + "."
        )
    data = data[usable.to_numpy(bool)]
    if isinstance(lang, pd.Series):
        lang = lang.loc[data.index]
    seg = (data[segment].astype("string").fillna("(missing)") if segment is not None
           else pd.Series("all", index=data.index, dtype="string"))
    if segment is not None and data[segment].isna().any():
        warnings.warn(
            f"{int(data[segment].isna().sum())} text(s) have no {segment!r}; they form the "
            "segment '(missing)'",
            DataQualityWarning,
            stacklevel=2,
        )
    positional = data[text].astype("str").reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)  # other languages: no label
        units = sentiment(positional, lang=lang if isinstance(lang, str)
                          else lang.reset_index(drop=True), level="sentence")
    units = units.reset_index(drop=True)
    position = units["row"].to_numpy(dtype=np.int64)
    units["segment"] = seg.to_numpy(dtype=object)[position]
    units["row"] = data.index.to_numpy()[position]
    kinds = classify_sentences(units["sentence"], units["language"], units["label"])
    units = pd.concat([units, kinds], axis=1)
    units = units[~units["sentence"].str.contains(_FORMULA).to_numpy(bool)]
    units["key"], units["item"] = key_phrases(units["sentence"], units["language"])
    units = units[units["key"] != ""]
    n_texts = seg.value_counts(sort=False)
    order = list(dict.fromkeys(seg.tolist()))
    n_texts = n_texts.reindex(order)
    long = pd.concat([
        units.assign(quadrant_=units["quadrant"]),
        units[units["pains"]].assign(quadrant_="pains"),
        units[units["gains"]].assign(quadrant_="gains"),
    ], ignore_index=True)
    items = _rank(long, n_texts)
    sentences = units[["row", "segment", "sentence", "quadrant", "pains", "gains", "compound",
                       "label", "language", "key"]].reset_index(drop=True)
    return EmpathyMap(items=items, sentences=sentences, n_texts=n_texts, top=top,
                      segment_column=segment)


def _rank(long: pd.DataFrame, n_texts: pd.Series) -> pd.DataFrame:
    """Group sentences by (segment, quadrant, key); count texts; pick a quote."""
    cols = ["segment", "quadrant", "item", "count", "share", "quote", "key"]
    if long.empty:
        return pd.DataFrame(columns=cols)
    g = long.groupby(["segment", "quadrant_", "key"], sort=False)
    count = g["row"].nunique()
    # the quote: the group's most frequent wording, the shortest among equals
    wording = long.assign(_len=long["sentence"].str.len())
    wording = (wording.groupby(["segment", "quadrant_", "key", "sentence"], sort=False)
               .agg(_n=("row", "size"), _len=("_len", "first")).reset_index())
    wording = wording.sort_values(["_n", "_len"], ascending=[False, True], kind="stable")
    quote = wording.drop_duplicates(["segment", "quadrant_", "key"]).set_index(
        ["segment", "quadrant_", "key"])["sentence"]
    item = (long.groupby(["segment", "quadrant_", "key", "item"], sort=False).size()
            .rename("_n").reset_index().sort_values("_n", ascending=False, kind="stable")
            .drop_duplicates(["segment", "quadrant_", "key"])
            .set_index(["segment", "quadrant_", "key"])["item"])
    out = pd.DataFrame({"count": count, "quote": quote.reindex(count.index),
                        "item": item.reindex(count.index)}).reset_index()
    out = out.rename(columns={"quadrant_": "quadrant"})
    out["share"] = out["count"] / out["segment"].map(n_texts).astype(float)
    out["quadrant"] = pd.Categorical(out["quadrant"], categories=list(QUADRANTS))
    seg_order = {s: i for i, s in enumerate(n_texts.index)}
    out["_seg"] = out["segment"].map(seg_order)
    out = out.sort_values(["_seg", "quadrant", "count", "item"],
                          ascending=[True, True, False, True], kind="stable")
    out["quadrant"] = out["quadrant"].astype("str")
    out["count"] = out["count"].astype(np.int64)
    return out[cols].reset_index(drop=True)
