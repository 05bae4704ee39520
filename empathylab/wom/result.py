"""``WOMResult``: the per-segment table, the assumptions, a waterfall and a tornado."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._results import Result
from .._validation import check_argument
from .parameters import Fixed, Parameter, assumptions_table

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["WOMResult"]

# Okabe-Ito, colour-blind safe
COLOURS = {"positive": "#0072B2", "negative": "#D55E00", "net": "#009E73", "grey": "#999999"}

LABELS = {
    "en": {"won": "Positive WOM", "lost": "Negative WOM", "net": "Net value",
           "value": "Value", "title": "Value of word of mouth", "tornado": "Sensitivity of {}",
           "low": "parameter at {:.0%} quantile", "high": "parameter at {:.0%} quantile"},
    "de": {"won": "Positive\nMundpropaganda", "lost": "Negative\nMundpropaganda",
           "net": "Netto-Wert", "value": "Wert", "title": "Wert der Mundpropaganda",
           "tornado": "Sensitivität: {}", "low": "Parameter am {:.0%}-Quantil",
           "high": "Parameter am {:.0%}-Quantil"},
}

OUTPUTS = ("value", "customers_net", "reach_net", "value_won", "value_lost", "reach_positive",
           "reach_negative", "customers_won", "customers_lost")


def _combine(out: Mapping[str, np.ndarray], name: str) -> np.ndarray:
    if name == "reach_net":
        return out["reach_positive"] - out["reach_negative"]
    if name == "customers_net":
        return out["customers_won"] - out["customers_lost"]
    if name == "value_won":
        return out["customers_won"] * out["unit_value"]
    if name == "value_lost":
        return out["customers_lost"] * out["unit_value"]
    if name == "value":
        return (out["customers_won"] - out["customers_lost"]) * out["unit_value"]
    return np.asarray(out[name])


class WOMResult(Result):
    """Result of :func:`empathylab.wom.estimate`.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per segment (see :func:`~empathylab.wom.estimate`).
    assumptions : pandas.DataFrame
        ``parameter, value, distribution, source, verification, note`` for
        every parameter used.
    draws : pandas.DataFrame
        The Monte Carlo draws of the parameters, one row per simulation.
    counts : pandas.DataFrame
        The experiences per segment the estimate was built on.
    """

    _title = "Word of mouth"

    def __init__(self, *, counts: pd.DataFrame, keys: list[str], params: dict[str, Parameter],
                 draws: pd.DataFrame, n_point: np.ndarray, n_draws: np.ndarray, ci: float,
                 preset: str, customers: np.ndarray | None) -> None:
        self.counts = counts
        self.keys = keys
        self.params = params
        self.draws = draws
        self.n_point = n_point
        self.n_draws = n_draws
        self.ci = ci
        self.preset = preset
        self.customers = customers

    # ----------------------------------------------------------------- computation
    @property
    def n_sims(self) -> int:
        return len(self.draws)

    def _point_values(self) -> dict[str, float]:
        from .model import point_values

        return point_values(self.params)

    def _point(self) -> dict[str, np.ndarray]:
        cached = self.__dict__.get("_point_cache")
        if cached is None:
            from .model import evaluate

            cached = evaluate(self._point_values(), self.n_point[:, 0], self.n_point[:, 2])
            self.__dict__["_point_cache"] = cached
        return cached

    def _mc(self) -> dict[str, np.ndarray]:
        cached = self.__dict__.get("_mc_cache")
        if cached is None:
            from .model import evaluate

            values = {c: self.draws[c].to_numpy()[:, None] for c in self.draws.columns}
            cached = evaluate(values, self.n_draws[..., 0], self.n_draws[..., 2])
            self.__dict__["_mc_cache"] = cached
        return cached

    def segment_labels(self) -> list[str]:
        """One text label per segment ("all" without ``by``)."""
        if not self.keys:
            return ["all"]
        return [" / ".join(map(str, r)) for r in self.counts[self.keys].itertuples(index=False)]

    def simulations(self, output: str = "value") -> pd.DataFrame:
        """Monte Carlo draws of an output, one column per segment plus ``total``."""
        check_argument("output", OUTPUTS, output)
        sims = np.broadcast_to(_combine(self._mc(), output), (self.n_sims, len(self.counts)))
        frame = pd.DataFrame(sims, columns=self.segment_labels())
        frame["total"] = sims.sum(axis=1)
        return frame

    def _bounds(self, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        a = (1 - self.ci) / 2
        return np.quantile(sims, a, axis=0), np.quantile(sims, 1 - a, axis=0)

    def _summary(self) -> pd.DataFrame:
        pt, mc = self._point(), self._mc()
        out = self.counts[[*self.keys, "n_responses"]].copy()
        out["n_positive"] = self.n_point[:, 0]
        out["n_negative"] = self.n_point[:, 2]
        for name in ("reach_positive", "reach_negative"):
            out[name] = _combine(pt, name)
        out["reach_net"] = _combine(pt, "reach_net")
        with np.errstate(divide="ignore", invalid="ignore"):
            out["reach_ratio"] = out["reach_negative"] / out["reach_positive"]
        for name in ("customers_won", "customers_lost", "customers_net"):
            out[name] = _combine(pt, name)
        out["clv"] = float(pt["unit_value"])
        for name in ("value_won", "value_lost", "value"):
            out[name] = _combine(pt, name)
        shape = (self.n_sims, len(self.counts))
        value = np.broadcast_to(_combine(mc, "value"), shape)
        reach = np.broadcast_to(_combine(mc, "reach_net"), shape)
        out["value_ci_low"], out["value_ci_high"] = self._bounds(value)
        out["reach_net_ci_low"], out["reach_net_ci_high"] = self._bounds(reach)
        out["prob_value_positive"] = (value > 0).mean(axis=0)
        return out.reset_index(drop=True)

    def total(self) -> pd.DataFrame:
        """One row: the sums over all segments, with the Monte Carlo interval of the sum."""
        s = self.summary
        cols = ["n_responses", "n_positive", "n_negative", "reach_positive", "reach_negative",
                "reach_net", "customers_won", "customers_lost", "customers_net", "value_won",
                "value_lost", "value"]
        row = s[cols].sum().to_frame().T
        with np.errstate(divide="ignore", invalid="ignore"):
            row["reach_ratio"] = row["reach_negative"] / row["reach_positive"]
        value = self.simulations("value")["total"].to_numpy()
        reach = self.simulations("reach_net")["total"].to_numpy()
        lo, hi = self._bounds(value[:, None])
        row["value_ci_low"], row["value_ci_high"] = lo, hi
        lo, hi = self._bounds(reach[:, None])
        row["reach_net_ci_low"], row["reach_net_ci_high"] = lo, hi
        row["prob_value_positive"] = float((value > 0).mean())
        return row

    @property
    def assumptions(self) -> pd.DataFrame:
        """Every parameter used: value, distribution, source, verification, note."""
        table = assumptions_table(self.params)
        clv_row = table["parameter"] == "clv"
        if self.params["clv"].value is None:
            table.loc[clv_row, "value"] = self._point_values()["clv"]
        else:
            unused = table["parameter"].isin(["margin", "retention", "discount"])
            table.loc[unused, "note"] = "not used: clv given directly"
        data = pd.DataFrame([{
            "parameter": "n_positive, n_negative",
            "value": np.nan,
            "distribution": ("fixed (the counts)" if self.customers is None else
                             "dirichlet(counts + 0.5) × customers"),
            "source": "own data",
            "verification": "data",
            "note": "customers with a positive / negative experience; passives tell no one. "
                    "East, Romaniuk & Lomax (2011): about 77% of negative WOM comes from ex- "
                    "and never-customers, whom a survey of current customers does not sample, "
                    "so negative reach is under-counted",
        }])
        return pd.concat([table, data], ignore_index=True)

    # ----------------------------------------------------------------- sensitivity
    def _varied(self) -> list[str]:
        names = [k for k, p in self.params.items()
                 if not isinstance(p.distribution, Fixed) and p.value is not None]
        if self.params["clv"].value is not None:
            names = [n for n in names if n not in ("margin", "retention", "discount")]
        return names

    def _output_at(self, values: dict[str, float], output: str, segment: int | None) -> float:
        from .clv import clv
        from .model import evaluate

        vals = dict(values)
        if self.params["clv"].value is None:
            vals["clv"] = float(clv(vals["margin"], vals["retention"], vals["discount"]))
        res = _combine(evaluate(vals, self.n_point[:, 0], self.n_point[:, 2]), output)
        res = np.broadcast_to(res, (len(self.counts),))
        return float(res.sum() if segment is None else res[segment])

    def _segment_index(self, segment: Any) -> int | None:
        if segment is None:
            return None
        labels = self.segment_labels()
        if isinstance(segment, (int, np.integer)) and not isinstance(segment, bool):
            if not 0 <= segment < len(labels):
                raise IndexError(f"`segment` {segment} out of range 0..{len(labels) - 1}.")
            return int(segment)
        text = " / ".join(map(str, segment)) if isinstance(segment, tuple) else str(segment)
        if text not in labels:
            raise KeyError(f"`segment` {segment!r} not found; segments are {labels[:10]}.")
        return labels.index(text)

    def sensitivity(self, output: str = "value", *, q: tuple[float, float] = (0.05, 0.95),
                    segment: Any = None) -> pd.DataFrame:
        """One-at-a-time sensitivity (tornado table) of an output.

        Each uncertain parameter is set to the ``q`` quantiles of its
        distribution while all others stay at their values.

        Parameters
        ----------
        output : str, default="value"
            ``value``, ``customers_net``, ``reach_net`` or another output.
        q : (float, float), default=(0.05, 0.95)
        segment : int, str or tuple, optional
            A segment (position or label); default the total over segments.

        Returns
        -------
        pandas.DataFrame
            ``parameter``, ``value`` (point value), ``input_low``,
            ``input_high`` (the quantiles), ``output_low``, ``output_high``
            (the output with the parameter at them), ``output_point``,
            ``swing`` (|high - low|), ``rank_correlation`` (Spearman between
            the parameter's Monte Carlo draws and the output's); sorted by
            ``swing``, largest first.
        """
        from scipy import stats

        check_argument("output", OUTPUTS, output)
        lo_q, hi_q = q
        if not 0 < lo_q < hi_q < 1:
            raise ValueError(f"`q` must be two quantiles 0 < low < high < 1, but {q!r} was passed.")
        idx = self._segment_index(segment)
        base = self._point_values()
        point = self._output_at(base, output, idx)
        sims = self.simulations(output)
        target = sims["total"] if idx is None else sims.iloc[:, idx]
        rows = []
        for name in self._varied():
            p = self.params[name]
            lo_in, hi_in = p.quantile(lo_q), p.quantile(hi_q)
            out_lo = self._output_at({**base, name: lo_in}, output, idx)
            out_hi = self._output_at({**base, name: hi_in}, output, idx)
            draw = self.draws[name].to_numpy()
            if np.ptp(draw) == 0 or np.ptp(target.to_numpy()) == 0:
                rho = np.nan
            else:
                rho = float(stats.spearmanr(draw, target.to_numpy()).statistic)
            rows.append({"parameter": name, "value": float(p.value or 0.0), "input_low": lo_in,
                         "input_high": hi_in, "output_low": out_lo, "output_high": out_hi,
                         "output_point": point, "swing": abs(out_hi - out_lo),
                         "rank_correlation": rho})
        cols = ["parameter", "value", "input_low", "input_high", "output_low", "output_high",
                "output_point", "swing", "rank_correlation"]
        table = pd.DataFrame(rows, columns=cols)
        return table.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)

    # ----------------------------------------------------------------- plots
    def plot(self, ax: Axes | None = None, *, segment: Any = None, lang: str = "en",
             **kwargs: Any) -> Axes:
        """Waterfall of value: positive WOM, minus negative WOM, equals net (with its interval).

        Parameters
        ----------
        ax : matplotlib Axes, optional
        segment : int, str or tuple, optional
            A segment; default the total over segments.
        lang : {"en", "de"}, default="en"
            Language of the labels.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import matplotlib.pyplot as plt

        check_argument("lang", list(LABELS), lang)
        text = LABELS[lang]
        idx = self._segment_index(segment)
        if idx is None:
            row = self.total().iloc[0]
        else:
            row = self.summary.iloc[idx]
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4))
        won, lost, net = float(row["value_won"]), float(row["value_lost"]), float(row["value"])
        ax.bar([0], [won], bottom=[0], color=COLOURS["positive"], label=text["won"], **kwargs)
        ax.bar([1], [-lost], bottom=[won], color=COLOURS["negative"], label=text["lost"],
               **kwargs)
        ax.bar([2], [net], bottom=[0], color=COLOURS["net"], label=text["net"], **kwargs)
        err = np.array([[net - float(row["value_ci_low"])], [float(row["value_ci_high"]) - net]])
        ax.errorbar([2], [net], yerr=np.clip(err, 0, None), color="black", capsize=6, lw=1)
        ax.plot([0.4, 1.6], [won, won], color=COLOURS["grey"], lw=0.8, ls=":")
        ax.axhline(0, color="black", lw=0.8)
        for x, top, val in ((0, won, won), (1, won - lost, -lost), (2, net, net)):
            label = f"{val:,.0f}" if lang == "en" else f"{val:,.0f}".replace(",", ".")
            ax.annotate(label, (x, top), xytext=(0, 3 if top >= 0 else -3),
                        textcoords="offset points", ha="center",
                        va="bottom" if top >= 0 else "top", fontsize="small")
        lo = min(0.0, won - lost, float(row["value_ci_low"]))
        hi = max(0.0, won, float(row["value_ci_high"]))
        pad = 0.1 * (hi - lo) if hi > lo else 1.0
        ax.set_ylim(lo - pad, hi + pad)  # the bars' sticky edges would cut the margins
        ax.set_xticks([0, 1, 2], [text["won"], text["lost"], text["net"]])
        ax.set_ylabel(text["value"])
        title = text["title"] + ("" if idx is None else f": {self.segment_labels()[idx]}")
        ax.set_title(f"{title} ({self.preset})")
        return ax

    def plot_tornado(self, ax: Axes | None = None, *, output: str = "value",
                     q: tuple[float, float] = (0.05, 0.95), segment: Any = None,
                     lang: str = "en") -> Axes:
        """Tornado plot of :meth:`sensitivity`: one horizontal bar per parameter.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import matplotlib.pyplot as plt

        check_argument("lang", list(LABELS), lang)
        text = LABELS[lang]
        table = self.sensitivity(output, q=q, segment=segment).iloc[::-1]
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 0.45 * max(len(table), 2) + 1))
        y = np.arange(len(table))
        point = float(table["output_point"].iloc[0]) if len(table) else 0.0
        ax.barh(y, table["output_low"] - point, left=point, color=COLOURS["negative"],
                label=text["low"].format(q[0]))
        ax.barh(y, table["output_high"] - point, left=point, color=COLOURS["positive"],
                label=text["high"].format(q[1]))
        ax.axvline(point, color="black", lw=0.8)
        ax.set_yticks(y, table["parameter"].tolist())
        ax.set_xlabel(output)
        ax.set_title(text["tornado"].format(output))
        ax.legend(loc="best", fontsize="small")
        return ax

    # ----------------------------------------------------------------- display
    def _headline(self) -> str:
        t = self.total().iloc[0]
        return (f"net value {t['value']:,.0f} ({self.ci:.0%} MC interval "
                f"{t['value_ci_low']:,.0f} to {t['value_ci_high']:,.0f}); net reach "
                f"{t['reach_net']:,.0f}; preset {self.preset}; {len(self.counts)} segment(s), "
                f"{self.n_sims} draws")

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return [("Assumptions", self.assumptions)]
