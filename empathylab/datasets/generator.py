"""``make_feedback``: synthetic customer feedback with known ground truth.

The generator simulates a fictional German omnichannel retailer ("NordMarkt")
whose German- and English-speaking customers write e-mails, chat, call, post on
social media, answer surveys and write reviews; agents and a chatbot answer in
one of three styles. Every row carries the truth it was generated from (columns
``true_*``), and the customers table carries outcomes that depend on the empathy
of the replies each customer received, so analyses can be checked against a
known answer.

Planted effects (``empathy_effect`` = θ, default 1.0)
-----------------------------------------------------
Reply empathy is measured in *levels*: cold = 0, chatbot = 0.5, sympathetic = 1,
empathic = 2. A customer's exposure ``x`` (``true_empathy_exposure``) is the mean
level of all replies they received; customers who received none get x = 1 (the
sympathetic reference). Outcomes are measured after the customer's last contact:

* ``repurchase_90d``: logit P = -0.2 + 0.45·premium + 0.25·business
  + 0.2·log1p(tenure_months) - 0.45·mean_severity + **0.8·θ·(x - 1)**, so one
  empathic reply instead of a sympathetic one (x + 1) raises the log-odds of
  repurchase by 0.8·θ (odds ratio e^0.8 = 2.23 at θ = 1).
* ``churned`` within 365 days of the last contact: exponential time to churn with
  hazard 0.25/year · exp(-0.3·premium - 0.15·business - 0.15·log1p(tenure)
  + 0.35·mean_severity **- 0.5·θ·(x - 1)**): hazard ratio e^-0.5 = 0.61 per
  level at θ = 1. ``churn_date`` = last contact + time to churn.
* ``spend_next_12m`` (EUR): lognormal around 350 · exp(0.5·premium + 0.9·business
  + 0.1·log1p(tenure) - 0.1·mean_severity **+ 0.15·θ·(x - 1)**), σ = 0.7, times
  the share of the year before churn: a spend multiplier of e^0.15 = 1.16 per level
  for customers who stay, plus the indirect effect through churn.
* Contact level: the latent end satisfaction of a conversation rises by 0.35·θ
  per level of the first reply (and 0.2·θ for a second reply); post-contact CSAT,
  NPS and CES and the customer's follow-up message follow it. Cold replies
  trigger more follow-ups (+0.1·θ per level below sympathetic).

θ = 0 removes every one of these paths (use it for false-positive simulations).

Confounding (present at every θ): the reply style is drawn from the handling
agent's own style mix, shifted by the customer's problem: the log-odds of an
empathic reply rise by 0.45 per severity point and by 0.2 per unit of
log1p(tenure); cold replies get less likely with severity (-0.2). Premium and
business customers are routed to the "premium" team (70%), whose agents are
mostly empathic. Severity lowers, and tenure and premium segment raise, the
outcomes, so a naive comparison of customers by reply style is biased (downwards
by severity, upwards by segment and tenure); adjusting for ``segment``,
``log1p(tenure_months)`` and ``true_mean_severity`` recovers the planted
coefficients.

Planted trends and seasonality
------------------------------
* Delivery crisis in quarter index 4 (the 5th quarter; the last one if
  ``quarters`` < 5; Q4 2025 for the default start): delivery contacts double,
  half of the non-complaint delivery messages become complaints, severity rises
  and late/lost parcels dominate.
* App relaunch: app complaints turn into praise with a probability rising
  linearly from 0 at the start to 0.5 at the end, so app sentiment improves.
* Volume seasonality: November ×1.35 and December ×1.45 (delivery ×1.4 and hotline
  ×1.2 of the touchpoint mix, hotline effort +1), January ×1.15 with returns ×1.8;
  weekdays above weekends; 10% growth per year.

Survey scores
-------------
Post-contact surveys follow 70% of answered contacts in e-mail, phone, chat, web,
app and store. Whether a customer answers is selective (Bolo et al. 2023 found
fewer survey answers after calls with anger): P(answer) = sigmoid(-1.1 + 1.4·s)
with s the end satisfaction in -1..1, i.e. about 8% for furious (s = -1), 25%
for neutral and 57% for delighted (s = 1) customers. CSAT (1-5) is asked always,
CES (1-7) in 80% and NPS (0-10) in 50% of them; 4% skip a question. CES
follows the 7-point CES 2.0 wording ("the company made it easy to handle my
issue"): 7 = very easy, so high CES means low effort (``true_effort``, 1-7, is
the effort itself). Relationship surveys carry NPS (and CSAT in half of them),
reviews a 1-5 star ``rating``, all consistent with the text's valence.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from numbers import Integral, Real

import numpy as np
import pandas as pd

from .._validation import check_argument, did_you_mean
from ..io.schema import AUTHOR_ROLES
from . import _catalog as cat
from . import _simulate as sim
from ._render import render_world

__all__ = ["CUSTOMER_COLUMNS", "FEEDBACK_COLUMNS", "make_feedback", "planted_truth"]

FEEDBACK_COLUMNS: tuple[str, ...] = (
    "feedback_id", "timestamp", "customer_id", "conversation_id", "author_role", "agent_id",
    "channel", "touchpoint", "text", "language", "rating", "nps", "csat", "ces", "source",
    "team", "segment", "order_id", "product", "order_value",
    "true_kind", "true_intent", "true_sentiment", "true_valence", "true_emotion", "true_effort",
    "true_severity", "true_touchpoints", "true_aspects", "true_churn_threat", "true_reply_style",
    "true_empathy", "true_empathy_feeling", "true_empathy_restate", "true_empathy_question",
    "true_empathy_ownership", "true_satisfaction", "true_survey_invited",
    "true_survey_responded", "true_pii", "true_noise",
)
CUSTOMER_COLUMNS: tuple[str, ...] = (
    "customer_id", "segment", "tenure_months", "signup_date", "lang", "repurchase_90d",
    "churned", "churn_date", "spend_next_12m", "n_conversations", "first_contact",
    "last_contact", "true_empathy_exposure", "true_n_replies", "true_n_empathic",
    "true_mean_severity", "true_repurchase_logit", "true_churn_hazard", "true_years_to_churn",
)
_KINDS = ("message", "bot", "agent1", "follow", "agent2", "survey")
_AGENT_DELAY = {  # (kind, a, b): uniform seconds, or lognormal median seconds and sigma
    "chat": ("u", 60, 900), "app": ("u", 60, 1800), "phone": ("u", 20, 180),
    "social": ("ln", 2400, 1.0), "email": ("ln", 8 * 3600, 1.0), "web": ("ln", 8 * 3600, 1.0),
    "store": ("ln", 86400, 0.6), "review": ("ln", 3 * 86400, 0.6),
    "survey": ("ln", 2 * 86400, 0.6),
}


def planted_truth(empathy_effect: float = 1.0, *, start: str = "2024-10-01",
                  quarters: int = 8) -> dict[str, object]:
    """The planted effects and trends of :func:`make_feedback` as a plain dict.

    Examples
    --------
    >>> truth = planted_truth()
    >>> truth["repurchase_log_odds_per_level"], truth["delivery_crisis_quarter"]
    (0.8, '2025Q4')
    """
    theta = float(empathy_effect)
    crisis = min(sim.CRISIS_QUARTER, quarters - 1)
    q_start = pd.Timestamp(start) + pd.DateOffset(months=3 * crisis)
    return {
        "empathy_effect": theta,
        "empathy_levels": dict(sim.STYLE_LEVEL),
        "repurchase_log_odds_per_level": round(sim.REPURCHASE["empathy"] * theta, 6),
        "churn_hazard_ratio_per_level": round(math.exp(sim.CHURN["empathy"] * theta), 6),
        "spend_multiplier_per_level": round(math.exp(sim.SPEND["empathy"] * theta), 6),
        "satisfaction_per_level": round(sim.SATISFACTION_EMPATHY * theta, 6),
        "repurchase_model": dict(sim.REPURCHASE),
        "churn_model": dict(sim.CHURN),
        "spend_model": dict(sim.SPEND),
        "style_confounding": {"severity": dict(sim.STYLE_SEVERITY), "log_tenure": sim.STYLE_TENURE,
                              "premium_team_share": 0.7},
        "survey_response": dict(sim.RESPONSE),
        "delivery_crisis_quarter": str(pd.Period(q_start, freq="Q")),
        "delivery_crisis_start": str(q_start.date()),
        "app_trend": "P(app complaint becomes praise) rises linearly 0 -> 0.5 over the timeline",
        "seasonality": {"month_volume": sim.MONTH_VOLUME.tolist(),
                        "january_returns": 1.8, "peak_delivery": 1.4, "peak_hotline": 1.2},
    }


def _check(n: object, lang: object, quarters: object, empathy_effect: object,
           channels: Mapping[str, float] | None, de_share: object) -> dict[str, float]:
    if isinstance(n, bool) or not isinstance(n, Integral) or int(n) < 1:
        raise ValueError(f"`n` must be a positive integer, but {n!r} was passed.")
    check_argument("lang", ["de", "en", "mixed"], lang)
    if isinstance(quarters, bool) or not isinstance(quarters, Integral) or int(quarters) < 1:
        raise ValueError(f"`quarters` must be a positive integer, but {quarters!r} was passed.")
    if not isinstance(empathy_effect, Real) or not math.isfinite(float(empathy_effect)):
        raise ValueError(
            f"`empathy_effect` must be a finite number, but {empathy_effect!r} was passed.")
    if not isinstance(de_share, Real) or not 0.0 <= float(de_share) <= 1.0:
        raise ValueError(f"`de_share` must be between 0 and 1, but {de_share!r} was passed.")
    if channels is None:
        return dict(cat.DEFAULT_CHANNEL_SHARES)
    shares = dict(channels)
    for name, share in shares.items():
        if name not in cat.CHANNELS:
            raise ValueError(f"`channels` keys must be among {list(cat.CHANNELS)}, but {name!r} "
                             f"was passed{did_you_mean(name, cat.CHANNELS)}")
        if not isinstance(share, Real) or share < 0:
            raise ValueError(f"`channels[{name!r}]` must be a non-negative number, but "
                             f"{share!r} was passed.")
    if sum(shares.values()) <= 0:
        raise ValueError("`channels` must give at least one channel a positive share.")
    return shares


def make_feedback(
    n: int = 2000,
    *,
    lang: str = "mixed",
    random_state: int | np.random.Generator | None = None,
    start: str = "2024-10-01",
    quarters: int = 8,
    empathy_effect: float = 1.0,
    return_customers: bool = False,
    channels: Mapping[str, float] | None = None,
    de_share: float = 0.6,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Synthetic customer feedback with known ground truth, in the canonical schema.

    Parameters
    ----------
    n : int, default=2000
        Number of conversations, i.e. of customers' first messages. Agent and bot
        replies, customer follow-ups and post-contact survey answers are extra rows
        (about 2.2 rows per conversation with the default channel mix).
    lang : {"de", "en", "mixed"}, default="mixed"
        Language of the customers; "mixed" draws it per customer (``de_share``
        German, the rest English). Replies are in the customer's language.
    random_state : int, numpy Generator or None, default=None
        Seed for a reproducible data set.
    start : str, default="2024-10-01"
        First day of the timeline.
    quarters : int, default=8
        Length of the timeline in quarters.
    empathy_effect : float, default=1.0
        Scales every planted effect of reply empathy (see the module docstring); 0
        removes them, 2 doubles them on the log scale.
    return_customers : bool, default=False
        Also return the customers table with the loyalty outcomes.
    channels : dict, optional
        Share of conversations per channel (``email, phone, chat, web, app,
        store, social, survey, review``); missing channels get none. Default:
        :data:`empathylab.datasets._catalog.DEFAULT_CHANNEL_SHARES`.
    de_share : float, default=0.6
        Share of German-speaking customers when ``lang="mixed"``.

    Returns
    -------
    pandas.DataFrame
        One row per message, sorted by time, with the canonical columns
        ``feedback_id, timestamp, customer_id, conversation_id, author_role,
        agent_id, channel, touchpoint, text, language, rating, nps, csat, ces,
        source``; then ``team`` (the team that handled the conversation),
        ``segment`` (the customer's), ``order_id``, ``product``, ``order_value``
        (EUR, the order the conversation is about); then the truth:
        ``true_kind`` (message, reply, follow_up, survey), ``true_intent``
        (complaint, churn_threat, question, praise, suggestion, mixed, thanks,
        follow_up, feedback), ``true_sentiment`` (-1, 0, 1), ``true_valence``
        (-1..1), ``true_emotion``, ``true_effort`` (1-7, higher = more effort),
        ``true_severity`` (0-3), ``true_touchpoints`` and ``true_aspects``
        (``|``-separated, e.g. ``delivery.late:neg``), ``true_churn_threat``,
        ``true_reply_style`` (cold, sympathetic, empathic, bot),
        ``true_empathy`` (level 0-2), ``true_empathy_feeling``,
        ``true_empathy_restate``, ``true_empathy_question``,
        ``true_empathy_ownership`` (which empathy components a reply has),
        ``true_satisfaction`` (latent end satisfaction of the conversation),
        ``true_survey_invited``, ``true_survey_responded``, ``true_pii`` (email,
        phone, iban, card, address in the text) and ``true_noise`` (typo,
        umlauts, lower, caps, exclamation, emoji). Customer-only truth is NA on
        reply rows and vice versa. ``df.attrs["planted"]`` is
        :func:`planted_truth`.
    (interactions, customers) : tuple of DataFrames
        With ``return_customers=True``; the customers table has
        ``customer_id, segment, tenure_months`` (at ``start``), ``signup_date,
        lang, repurchase_90d, churned, churn_date, spend_next_12m,
        n_conversations, first_contact, last_contact`` and the mechanism:
        ``true_empathy_exposure`` (x above), ``true_n_replies``,
        ``true_n_empathic``, ``true_mean_severity``, ``true_repurchase_logit``,
        ``true_churn_hazard`` (per year), ``true_years_to_churn``.

    Raises
    ------
    ValueError
        For an invalid ``n``, ``lang``, ``quarters``, ``empathy_effect``,
        ``channels`` or ``de_share``.

    Examples
    --------
    >>> df = make_feedback(200, random_state=1)
    >>> df.columns[:6].tolist()
    ['feedback_id', 'timestamp', 'customer_id', 'conversation_id', 'author_role', 'agent_id']
    >>> sorted(df["author_role"].unique().tolist())
    ['agent', 'bot', 'customer']
    >>> int((df["true_kind"] == "message").sum())
    200
    >>> df2, customers = make_feedback(200, random_state=1, return_customers=True)
    >>> df2.equals(df), customers["customer_id"].isin(df["customer_id"]).all()
    (True, np.True_)
    """
    shares = _check(n, lang, quarters, empathy_effect, channels, de_share)
    rng = np.random.default_rng(random_state)
    start_ts = pd.Timestamp(start).normalize()
    theta = float(empathy_effect)
    world = sim.simulate(int(n), lang=lang, de_share=float(de_share), start=start_ts,
                         quarters=int(quarters), theta=theta, channel_shares=shares, rng=rng)
    order = np.argsort(world.conv["time"], kind="stable")
    ticket = np.empty(int(n), dtype=np.int64)
    ticket[order] = 500_001 + np.arange(int(n))
    world.conv["ticket"] = ticket
    texts = render_world(world, random.Random(int(rng.integers(2**62))))
    df = _assemble(world, texts, rng)
    df.attrs["planted"] = planted_truth(theta, start=str(start_ts.date()), quarters=int(quarters))
    if not return_customers:
        return df
    return df, _customers_table(world, df)


def _delays(rng: np.random.Generator, channel: np.ndarray,
            table: Mapping[str, tuple[str, float, float]]) -> np.ndarray:
    out = np.zeros(len(channel))
    for name, (kind, a, b) in table.items():
        rows = channel == name
        k = int(rows.sum())
        if kind == "u":
            out[rows] = rng.uniform(a, b, k)
        else:
            out[rows] = np.minimum(a * rng.lognormal(0.0, b, k), 6 * 86400)
    return out.astype("timedelta64[s]")


def _assemble(w: sim.World, texts: dict[str, list[object]], rng: np.random.Generator
              ) -> pd.DataFrame:
    v, c, a = w.conv, w.customers, w.agents
    n = len(v["tp"])
    channel = np.array(cat.CHANNELS)[v["channel"]]
    t_msg = v["time"].astype("datetime64[s]")
    t_bot = t_msg + rng.integers(3, 30, n).astype("timedelta64[s]")
    t_a1 = np.where(v["bot"], t_bot, t_msg) + _delays(rng, channel, _AGENT_DELAY)
    t_prev = np.where(v["agent1"], t_a1, t_bot)
    quick = np.isin(channel, ("chat", "app", "phone"))
    cust_delay = np.where(quick, rng.uniform(30, 300, n),
                          np.minimum(5 * 3600 * rng.lognormal(0, 1.0, n), 5 * 86400))
    t_fol = t_prev + cust_delay.astype("timedelta64[s]")
    t_a2 = t_fol + _delays(rng, channel, _AGENT_DELAY)
    t_last = np.where(v["agent2"], t_a2, np.where(v["follow"], t_fol, t_prev))
    t_sur = t_last + (600 + 6 * 3600 * rng.lognormal(0, 1.0, n)).astype("timedelta64[s]")
    present = {"message": np.ones(n, bool), "bot": v["bot"], "agent1": v["agent1"],
               "follow": v["follow"], "agent2": v["agent2"], "survey": v["responded"]}
    times = {"message": t_msg, "bot": t_bot, "agent1": t_a1, "follow": t_fol, "agent2": t_a2,
             "survey": t_sur}
    seq = np.cumsum(np.stack([present[k] for k in _KINDS]), axis=0)
    tp_names = np.array(cat.TOUCHPOINTS)[v["tp"]]
    hide_tp = ((channel == "social") & (rng.random(n) < 0.7)) | (
        (channel == "review") & (rng.random(n) < 0.6))
    source_tp = _masked(tp_names, ~hide_tp)
    cust_ids = c["id"][v["cust"]]
    has_order = np.array([i.order for i in cat.ISSUES])[v["issue"]]
    with_product = has_order | np.isin(tp_names, ("webshop", "returns"))
    product_name = np.where(c["lang"][v["cust"]] == "de",
                            np.array([p.de for p in cat.PRODUCTS])[v["product"]],
                            np.array([p.en for p in cat.PRODUCTS])[v["product"]])
    parts: dict[str, list[np.ndarray]] = {}
    for k, kind in enumerate(_KINDS):
        rows = np.flatnonzero(present[kind])
        m = len(rows)
        frame: dict[str, object] = {
            "conv": rows, "seq": seq[k][rows], "timestamp": times[kind][rows],
            "customer_id": cust_ids[rows], "channel": channel[rows],
            "touchpoint": source_tp[rows], "language": c["lang"][v["cust"][rows]],
            "team": v["team"][rows], "segment": c["segment"][v["cust"][rows]],
            "order_id": _masked(v["order_no"][rows].astype(str), has_order[rows]),
            "product": _masked(product_name[rows], with_product[rows]),
            "order_value": np.where(has_order[rows], v["order_value"][rows], np.nan),
        }
        frame.update(_kind_columns(kind, rows, w, texts, a))
        for col in (*_BUILT, "conv", "seq", "timestamp"):
            parts.setdefault(col, []).append(_fill(col, frame.get(col), m))
    cols = {col: np.concatenate(p) for col, p in parts.items()}
    order = np.lexsort((cols["seq"], cols["conv"], cols["timestamp"].astype(np.int64)))
    cols = {col: x[order] for col, x in cols.items()}
    tickets = v["ticket"][cols["conv"]].tolist()
    data: dict[str, object] = {
        "feedback_id": [f"{t}-{q}" for t, q in zip(tickets, cols["seq"].tolist(), strict=True)],
        "timestamp": cols["timestamp"],
        "conversation_id": [str(t) for t in tickets],
        "source": np.full(len(order), "make_feedback", dtype=object),
    }
    data.update({col: cols[col] for col in _BUILT})
    return _dtypes(data)


_STR = ("feedback_id", "customer_id", "conversation_id", "agent_id", "channel", "touchpoint",
        "text", "language", "source", "team", "segment", "order_id", "product", "true_kind",
        "true_intent", "true_emotion", "true_touchpoints", "true_aspects", "true_reply_style",
        "true_pii", "true_noise")
_FLOAT = ("rating", "nps", "csat", "ces", "order_value", "true_valence", "true_effort",
          "true_empathy", "true_satisfaction")
_BOOL = ("true_churn_threat", "true_empathy_feeling", "true_empathy_restate",
         "true_empathy_question", "true_empathy_ownership", "true_survey_invited",
         "true_survey_responded")
_INT = ("true_sentiment", "true_severity")
_BUILT = tuple(c for c in FEEDBACK_COLUMNS
               if c not in ("feedback_id", "timestamp", "conversation_id", "source"))


def _fill(col: str, value: object, m: int) -> np.ndarray:
    """The column's values for ``m`` rows as a numpy array: NaN or None where absent."""
    if col in _FLOAT or col in _INT:
        if value is None:
            return np.full(m, np.nan)
        return np.broadcast_to(np.asarray(value, dtype=float), (m,))
    if col == "timestamp":
        return np.asarray(value).astype("datetime64[s]")
    if col in ("conv", "seq"):
        return np.asarray(value, dtype=np.int64)
    out = np.empty(m, dtype=object)
    if value is None:
        return out
    if isinstance(value, str | bool | float | int):
        out[:] = value
        return out
    seq = np.asarray(value, dtype=object)
    out[:] = seq
    return out


def _dtypes(data: dict[str, object]) -> pd.DataFrame:
    columns: dict[str, object] = {}
    for col in FEEDBACK_COLUMNS:
        values = data[col]
        if col in _STR:
            columns[col] = pd.array(np.asarray(values, dtype=object), dtype="str")
        elif col in _FLOAT:
            columns[col] = np.asarray(values, dtype="float64")
        elif col in _BOOL:
            columns[col] = pd.array(np.asarray(values, dtype=object), dtype="boolean")
        elif col in _INT:
            columns[col] = pd.array(np.asarray(values, dtype="float64"), dtype="Int8")
        elif col == "author_role":
            columns[col] = pd.Categorical(np.asarray(values, dtype=object),
                                          categories=list(AUTHOR_ROLES))
        else:
            columns[col] = np.asarray(values).astype("datetime64[s]")
    return pd.DataFrame(columns)


def _masked(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """``values`` as an object array with None where ``keep`` is False."""
    out = values.astype(object)
    out[~keep] = None
    return out


def _noise(flags: list[object], rows: np.ndarray) -> list[str | None]:
    out: list[str | None] = []
    for i in rows:
        done = flags[i]
        out.append("|".join(done) if isinstance(done, list) and done else None)
    return out


def _sentiment(valence: np.ndarray) -> np.ndarray:
    return np.where(valence < -0.2, -1, np.where(valence > 0.2, 1, 0))


def _kind_columns(kind: str, rows: np.ndarray, w: sim.World, texts: dict[str, list[object]],
                  a: dict[str, np.ndarray]) -> dict[str, object]:
    v = w.conv
    m = len(rows)
    pick = [texts["msg" if kind == "message" else kind][i] for i in rows]
    if kind == "message":
        intent = np.array(cat.INTENTS)[v["intent"][rows]].astype(object)
        intent[v["threat"][rows]] = "churn_threat"
        keys = np.array([i.key for i in cat.ISSUES])
        pol = np.array([i.polarity for i in cat.ISSUES])
        main, second = v["issue"][rows], v["issue2"][rows]
        aspects = [f"{keys[i]}:{pol[i]}" + (f"|{keys[j]}:{pol[j]}" if j >= 0 else "")
                   for i, j in zip(main, second, strict=True)]
        tps = [keys[i].split(".")[0] + (f"|{keys[j].split('.')[0]}" if j >= 0 else "")
               for i, j in zip(main, second, strict=True)]
        surveyed = np.isin(np.array(cat.CHANNELS)[v["channel"][rows]], cat.SURVEYED_CHANNELS)
        return {
            "author_role": "customer", "agent_id": None, "text": pick,
            "rating": v["msg_rating"][rows], "nps": v["msg_nps"][rows],
            "csat": v["msg_csat"][rows], "ces": np.nan,
            "true_kind": "message", "true_intent": intent,
            "true_sentiment": _sentiment(v["valence"][rows]), "true_valence": v["valence"][rows],
            "true_emotion": v["emotion"][rows], "true_effort": v["effort"][rows],
            "true_severity": v["severity"][rows], "true_touchpoints": tps,
            "true_aspects": aspects, "true_churn_threat": v["threat"][rows],
            "true_satisfaction": v["satisfaction"][rows],
            "true_survey_invited": _masked(v["invited"][rows], surveyed),
            "true_survey_responded": _masked(v["responded"][rows], surveyed),
            "true_pii": _masked(v["pii"][rows], v["pii"][rows] != ""),
            "true_noise": _noise(texts["msg_noise"], rows),
        }
    if kind == "bot":
        bot_ids = np.array([cat.BOTS["de"][0], cat.BOTS["en"][0]])
        lang_en = (w.customers["lang"][v["cust"][rows]] == "en").astype(int)
        return {"author_role": "bot", "agent_id": bot_ids[lang_en], "text": pick,
                "true_kind": "reply", "true_reply_style": "bot",
                "true_empathy": sim.STYLE_LEVEL["bot"]}
    if kind in ("agent1", "agent2"):
        style_idx = v["style1" if kind == "agent1" else "style2"][rows]
        flags = np.array([texts["flags1" if kind == "agent1" else "flags2"][i] for i in rows],
                         dtype=bool).reshape(m, 4)
        return {
            "author_role": "agent", "agent_id": a["id"][v["agent"][rows]], "text": pick,
            "true_kind": "reply", "true_reply_style": np.array(sim.STYLES)[style_idx],
            "true_empathy": np.array([sim.STYLE_LEVEL[s] for s in sim.STYLES])[style_idx],
            "true_empathy_feeling": flags[:, 0], "true_empathy_restate": flags[:, 1],
            "true_empathy_question": flags[:, 2], "true_empathy_ownership": flags[:, 3],
        }
    if kind == "follow":
        val = v["follow_valence"][rows]
        sent = _sentiment(val)
        intent = np.array(["complaint", "follow_up", "thanks"])[sent + 1]
        emotion = np.array(["frustration", "neutral", "gratitude"])[sent + 1]
        return {"author_role": "customer", "agent_id": None, "text": pick,
                "true_kind": "follow_up", "true_intent": intent, "true_sentiment": sent,
                "true_valence": val, "true_emotion": emotion,
                "true_noise": _noise(texts["follow_noise"], rows)}
    val = v["satisfaction"][rows]
    return {"author_role": "customer", "agent_id": None, "text": pick,
            "nps": v["pc_nps"][rows], "csat": v["pc_csat"][rows], "ces": v["pc_ces"][rows],
            "true_kind": "survey", "true_intent": "feedback", "true_sentiment": _sentiment(val),
            "true_valence": val, "true_effort": v["conv_effort"][rows],
            "true_satisfaction": val,
            "true_noise": _noise(texts["survey_noise"], rows)}


def _customers_table(w: sim.World, df: pd.DataFrame) -> pd.DataFrame:
    c = w.customers
    span = df.groupby("customer_id", sort=False)["timestamp"].agg(["min", "max"])
    ids = pd.Index(c["id"])
    first = span["min"].reindex(ids).to_numpy()
    last = span["max"].reindex(ids).to_numpy()
    churn_delay = pd.to_timedelta(np.round(c["years_to_churn"] * 365.25 * 86400), unit="s")
    churn_date = pd.Series(last + churn_delay.to_numpy()).where(c["churned"])
    table = pd.DataFrame({
        "customer_id": pd.array(c["id"], dtype="str"),
        "segment": pd.array(c["segment"], dtype="str"),
        "tenure_months": c["tenure"].astype("int64"),
        "signup_date": pd.to_datetime(c["signup"]).astype("datetime64[s]"),
        "lang": pd.array(c["lang"], dtype="str"),
        "repurchase_90d": c["repurchase"].astype(bool),
        "churned": c["churned"].astype(bool),
        "churn_date": churn_date.astype("datetime64[s]").dt.floor("D"),
        "spend_next_12m": c["spend"].astype("float64"),
        "n_conversations": c["n_conversations"].astype("int64"),
        "first_contact": pd.Series(first).astype("datetime64[s]"),
        "last_contact": pd.Series(last).astype("datetime64[s]"),
        "true_empathy_exposure": c["exposure"].astype("float64"),
        "true_n_replies": c["n_replies"].astype("int64"),
        "true_n_empathic": c["n_empathic"].astype("int64"),
        "true_mean_severity": c["mean_severity"].astype("float64"),
        "true_repurchase_logit": c["repurchase_logit"].astype("float64"),
        "true_churn_hazard": c["hazard"].astype("float64"),
        "true_years_to_churn": c["years_to_churn"].astype("float64"),
    })
    return table[list(CUSTOMER_COLUMNS)]
