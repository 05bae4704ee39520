"""Word of mouth: what experiences are worth through what customers tell others.

* :func:`estimate` turns positive and negative experiences (NPS, sentiment or
  intents, per segment or period) into people reached, customers won and
  lost, and value, with a Monte Carlo interval over every parameter
  (:class:`WOMResult`: ``.summary``, ``.assumptions``, ``.plot()`` waterfall,
  ``.sensitivity()`` and ``.plot_tornado()``).
* :func:`scenario` values an uplift in reply empathy through the
  empathy-to-loyalty effect.
* :func:`clv` is the geometric customer lifetime value m(1+i)/(1+i-r).
* :mod:`empathylab.wom.parameters`: :class:`Parameter`, the distributions and
  the presets ``amex2011`` (default), ``amex2012``, ``amex2017``, ``east2007``.

The model and every figure come from SOURCES.md §3.4-3.6; see
:mod:`empathylab.studies` for the studies behind them and what they can and
cannot support.
"""

from .clv import clv
from .model import compare_presets, estimate, evaluate
from .parameters import (
    PRESETS,
    Beta,
    Distribution,
    Fixed,
    LogNormal,
    NegativeBinomial,
    Parameter,
    Uniform,
    list_presets,
    preset,
)
from .result import WOMResult
from .scenario import ScenarioResult, scenario

__all__ = [
    "PRESETS",
    "Beta",
    "Distribution",
    "Fixed",
    "LogNormal",
    "NegativeBinomial",
    "Parameter",
    "ScenarioResult",
    "Uniform",
    "WOMResult",
    "clv",
    "compare_presets",
    "estimate",
    "evaluate",
    "list_presets",
    "preset",
    "scenario",
]
