"""Customer lifetime value: the standard geometric formula (SOURCES.md §3.6)."""

from __future__ import annotations

from typing import Any, overload

import numpy as np

__all__ = ["clv"]


@overload
def clv(margin: float, retention: float, discount: float = ...) -> float: ...
@overload
def clv(margin: np.ndarray, retention: np.ndarray | float, discount: np.ndarray | float = ...
        ) -> np.ndarray: ...


def clv(margin: Any, retention: Any, discount: Any = 0.1) -> float | np.ndarray:
    """Customer lifetime value with constant margin, retention and discount rate.

    ``CLV = sum_{t>=0} m r^t / (1+i)^t = m (1+i) / (1+i-r)``: the first margin
    is received at t = 0 (the convention of SOURCES.md §3.6, after Gupta &
    Lehmann; Gupta, Lehmann & Stuart 2004, "Valuing Customers", JMR 41(1)).

    Parameters
    ----------
    margin : float or array
        Margin per customer and period (m), in your currency.
    retention : float or array
        Share of customers kept from one period to the next (r), in [0, 1).
    discount : float or array, default=0.1
        Discount rate per period (i), > -1 and with 1 + i > r.

    Returns
    -------
    float or numpy.ndarray
        The lifetime value (an array when any input is one).

    Raises
    ------
    ValueError
        When retention is outside [0, 1) or 1 + discount <= retention.

    Notes
    -----
    Reichheld & Sasser's "5 points more retention, 25-95% more profit" needs
    margins that rise with tenure; with constant margins the formula gives the
    smaller gains of the test vectors below (SOURCES.md §3.6).

    Examples
    --------
    >>> round(clv(100, 0.80, 0.10), 1), round(clv(100, 0.85, 0.10), 1)
    (366.7, 440.0)
    >>> round(clv(100, 0.95, 0.10) / clv(100, 0.90, 0.10) - 1, 3)
    0.333
    """
    m = np.asarray(margin, dtype=float)
    r = np.asarray(retention, dtype=float)
    i = np.asarray(discount, dtype=float)
    if np.any(~np.isfinite(r)) or np.any((r < 0) | (r >= 1)):
        raise ValueError(f"`retention` must be in [0, 1), but {retention!r} was passed.")
    if np.any(~np.isfinite(i)) or np.any(i <= -1) or np.any(1 + i - r <= 0):
        raise ValueError(
            f"`discount` must be > -1 with 1 + discount > retention, but discount={discount!r}, "
            f"retention={retention!r} were passed."
        )
    out = m * (1 + i) / (1 + i - r)
    if out.ndim == 0:
        return float(out)
    return out
