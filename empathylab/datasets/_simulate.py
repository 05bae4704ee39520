"""The data-generating process behind make_feedback, vectorised with numpy.

Structure only (who writes what, when, in which style, with which scores and
outcomes); the texts are rendered afterwards by :mod:`._render`. All constants
that define the planted effects live here and are documented in
:func:`empathylab.datasets.make_feedback`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _catalog as cat
from ._replies import COMPONENTS

#: Empathy level of each reply style: the unit of the planted effects.
STYLE_LEVEL: dict[str, float] = {"cold": 0.0, "bot": 0.5, "sympathetic": 1.0, "empathic": 2.0}
STYLES: tuple[str, ...] = ("cold", "sympathetic", "empathic")
#: Coefficients of the customer outcome models (multiplied by ``empathy_effect`` where marked).
REPURCHASE = {"intercept": -0.2, "premium": 0.45, "business": 0.25, "log_tenure": 0.2,
              "severity": -0.45, "empathy": 0.8}
CHURN = {"base_per_year": 0.25, "premium": -0.3, "business": -0.15, "log_tenure": -0.15,
         "severity": 0.35, "empathy": -0.5}
SPEND = {"base_eur": 350.0, "premium": 0.5, "business": 0.9, "log_tenure": 0.1, "severity": -0.1,
         "empathy": 0.15, "sigma": 0.7}
#: Effect of reply empathy on the contact's end satisfaction (latent, -1..1 scale).
SATISFACTION_EMPATHY = 0.35
#: Confounding: how severity and tenure shift an agent's style log-odds.
STYLE_SEVERITY = {"empathic": 0.45, "cold": -0.2}
STYLE_TENURE = 0.2
#: Survey response: P(respond) = sigmoid(a + b * end satisfaction) (Bolo et al. 2023: angry
#: customers answer less often; the numbers are this generator's assumption).
RESPONSE = {"intercept": -1.1, "satisfaction": 1.4}
P_INVITE = 0.7
P_REPLY = {"email": 0.97, "phone": 1.0, "chat": 1.0, "web": 0.96, "app": 0.95, "store": 0.9,
           "social": 0.92, "survey": 0.08, "review": 0.35}
P_BOT = {"chat": 0.6, "app": 0.45}
P_HANDOVER = 0.7
FOLLOW_UP_CHANNELS = ("email", "web", "chat", "app", "social", "store", "phone")
SEGMENTS = ("standard", "premium", "business")
SEGMENT_P = (0.65, 0.22, 0.13)
MONTH_VOLUME = np.array([1.15, 0.85, 0.9, 0.9, 0.95, 0.9, 0.9, 0.9, 0.95, 1.0, 1.35, 1.45])
WEEKDAY_VOLUME = np.array([1.2, 1.1, 1.05, 1.0, 1.0, 0.8, 0.6])
HOUR_VOLUME = np.array([0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 0.9, 1.4, 1.6, 1.6, 1.5, 1.4,
                        1.4, 1.4, 1.4, 1.4, 1.5, 1.6, 1.7, 1.8, 1.5, 1.0, 0.5])
CRISIS_QUARTER = 4  # index of the planted delivery crisis (the last quarter if fewer)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _sample_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category per row of a (rows x categories) probability matrix."""
    cum = np.cumsum(probs / probs.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(len(probs))[:, None]
    return np.minimum((cum < u).sum(axis=1), probs.shape[1] - 1)


@dataclass
class World:
    """Arrays describing customers, agents and conversations (one entry per conversation)."""

    start: pd.Timestamp
    quarters: int
    crisis_quarter: int
    customers: dict[str, np.ndarray] = field(default_factory=dict)
    agents: dict[str, np.ndarray] = field(default_factory=dict)
    conv: dict[str, np.ndarray] = field(default_factory=dict)


def simulate(n: int, *, lang: str, de_share: float, start: pd.Timestamp, quarters: int,
             theta: float, channel_shares: dict[str, float], rng: np.random.Generator) -> World:
    world = World(start=start, quarters=quarters, crisis_quarter=min(CRISIS_QUARTER, quarters - 1))
    _customers(world, n, lang, de_share, rng)
    _conversations(world, n, channel_shares, rng)
    _agents(world, n, rng)
    _replies(world, theta, rng)
    _outcomes(world, theta, rng)
    return world


def _customers(w: World, n: int, lang: str, de_share: float, rng: np.random.Generator) -> None:
    m = max(1, round(n / 2.2))
    share = {"de": 1.0, "en": 0.0}.get(lang, de_share)
    c = w.customers
    c["id"] = (1_000_000 + np.cumsum(rng.integers(1, 40, m))).astype(str)
    c["lang"] = np.where(rng.random(m) < share, "de", "en")
    c["segment"] = rng.choice(np.array(SEGMENTS), m, p=SEGMENT_P)
    tenure = rng.gamma(1.5, 18.0, m) * np.where(c["segment"] == "premium", 1.5, 1.0)
    c["tenure"] = np.clip(np.round(tenure), 0, 240).astype(np.int64)
    offset = (c["tenure"] * 30.44 + rng.integers(0, 30, m)).astype("timedelta64[D]")
    c["signup"] = np.asarray(np.datetime64(w.start.strftime("%Y-%m-%d"), "D") - offset)
    c["female"] = rng.random(m) < 0.5
    c["activity"] = rng.gamma(1.0, 1.0, m) * np.where(c["segment"] == "business", 1.5, 1.0)
    c["name_i"] = rng.integers(0, 10_000, m)  # picks first and last names in each language
    c["last_i"] = rng.integers(0, 10_000, m)
    c["city"] = rng.integers(0, len(cat.DE_CITIES), m)
    c["contact_i"] = rng.integers(0, 10_000_000, m)  # digits of phone, mail, IBAN


def _timeline(w: World) -> tuple[pd.DatetimeIndex, np.ndarray]:
    end = w.start + pd.DateOffset(months=3 * w.quarters)
    days = pd.date_range(w.start, end - pd.Timedelta(days=1), freq="D")
    years = (days - w.start).days.to_numpy() / 365.25
    weight = (MONTH_VOLUME[days.month - 1] * WEEKDAY_VOLUME[days.day_of_week] * (1 + 0.1 * years))
    return days, weight / weight.sum()


def _conversations(w: World, n: int, shares: dict[str, float], rng: np.random.Generator) -> None:
    c, v = w.customers, w.conv
    m = len(c["id"])
    first = rng.permutation(m)[: min(n, m)]
    rest = rng.choice(m, n - len(first), p=c["activity"] / c["activity"].sum())
    v["cust"] = rng.permutation(np.concatenate([first, rest]))
    days, day_p = _timeline(w)
    day = rng.choice(len(days), n, p=day_p)
    seconds = (rng.choice(24, n, p=HOUR_VOLUME / HOUR_VOLUME.sum()) * 3600
               + rng.integers(0, 3600, n))
    v["time"] = days.to_numpy()[day] + seconds.astype("timedelta64[s]")
    v["month"] = days.month.to_numpy()[day]
    months = (days.year.to_numpy()[day] - w.start.year) * 12 + v["month"] - w.start.month
    v["quarter"] = months // 3
    v["frac"] = day / max(len(days) - 1, 1)
    names = list(cat.CHANNELS)
    p = np.array([shares.get(ch, 0.0) for ch in names], dtype=float)
    ch = rng.choice(len(names), n, p=p / p.sum())
    v["channel"] = ch
    # Touchpoint: channel affinity times seasonal and planted modifiers.
    tp_p = cat.TOUCHPOINT_BY_CHANNEL[ch].copy()
    tp = {name: i for i, name in enumerate(cat.TOUCHPOINTS)}
    crisis = v["quarter"] == w.crisis_quarter
    tp_p[v["month"] == 1, tp["returns"]] *= 1.8
    peak = np.isin(v["month"], (11, 12))
    tp_p[peak, tp["delivery"]] *= 1.4
    tp_p[peak, tp["hotline"]] *= 1.2
    tp_p[crisis, tp["delivery"]] *= 2.0
    v["tp"] = _sample_rows(rng, tp_p)
    intent = _sample_rows(rng, cat.INTENT_BY_CHANNEL[ch])
    names_i = {name: i for i, name in enumerate(cat.INTENTS)}
    delivery = v["tp"] == tp["delivery"]
    worse = crisis & delivery & (intent != names_i["complaint"]) & (rng.random(n) < 0.5)
    intent[worse] = names_i["complaint"]
    app_better = (v["tp"] == tp["app"]) & (intent == names_i["complaint"])
    app_better &= rng.random(n) < 0.5 * v["frac"]
    intent[app_better] = names_i["praise"]
    v["intent"] = intent
    _issues(w, rng, crisis & delivery)
    _message_state(w, rng, peak)
    v["product"] = rng.integers(0, len(cat.PRODUCTS), n)
    price = np.array([p.price for p in cat.PRODUCTS])[v["product"]]
    extra = np.where(rng.random(n) < 0.3, rng.lognormal(3.3, 0.7, n), 0.0)
    v["order_value"] = np.round(price * rng.uniform(0.9, 1.0, n) + extra, 2)
    v["order_no"] = rng.integers(40_000_000, 49_999_999, n)
    v["order_days"] = rng.integers(2, 22, n)


def _issues(w: World, rng: np.random.Generator, crisis_delivery: np.ndarray) -> None:
    v = w.conv
    n = len(v["tp"])
    polarity_of = {"complaint": "neg", "mixed": "neg", "praise": "pos", "question": "question",
                   "suggestion": "suggestion"}
    main = np.zeros(n, dtype=np.int64)
    polarity = np.array([polarity_of[cat.INTENTS[i]] for i in range(len(cat.INTENTS))])[
        v["intent"]]
    for t, tp_name in enumerate(cat.TOUCHPOINTS):
        for pol in ("neg", "pos", "question", "suggestion"):
            rows = np.flatnonzero((v["tp"] == t) & (polarity == pol))
            if not len(rows):
                continue
            pool = [cat.ISSUE_INDEX[i.key] for i in cat.ISSUES
                    if i.touchpoint == tp_name and i.polarity == pol]
            weights = np.ones(len(pool))
            main[rows] = rng.choice(pool, len(rows), p=weights / weights.sum())
            if tp_name == "delivery" and pol == "neg":
                hit = rows[crisis_delivery[rows]]
                keys = [cat.ISSUES[i].key for i in pool]
                weights = np.array([3.0 if k == "delivery.late" else 2.0 if k == "delivery.lost"
                                    else 1.0 for k in keys])
                main[hit] = rng.choice(pool, len(hit), p=weights / weights.sum())
    v["issue"] = main
    v["polarity"] = polarity
    # Second issue: a positive one for mixed messages, another complaint for 20% of complaints.
    second = np.full(n, -1, dtype=np.int64)
    pos_pool = [cat.ISSUE_INDEX[i.key] for i in cat.ISSUES if i.polarity == "pos"]
    pos_w = np.array([3.0 if cat.ISSUES[i].touchpoint in ("webshop", "delivery") else 1.0
                      for i in pos_pool])
    mixed = v["intent"] == cat.INTENTS.index("mixed")
    second[mixed] = rng.choice(pos_pool, int(mixed.sum()), p=pos_w / pos_w.sum())
    neg_pool = [cat.ISSUE_INDEX[i.key] for i in cat.ISSUES
                if i.polarity == "neg" and i.touchpoint in ("hotline", "email", "chat", "billing",
                                                             "returns", "delivery")]
    extra = (v["intent"] == cat.INTENTS.index("complaint")) & (rng.random(n) < 0.2)
    pick = rng.choice(neg_pool, n)
    same = np.array([cat.ISSUES[i].touchpoint for i in pick]) == np.array(cat.TOUCHPOINTS)[v["tp"]]
    extra &= ~same
    second[extra] = pick[extra]
    v["issue2"] = second


def _message_state(w: World, rng: np.random.Generator, peak: np.ndarray) -> None:
    v = w.conv
    n = len(v["tp"])
    intent = np.array(cat.INTENTS)[v["intent"]]
    base_sev = np.array([i.severity for i in cat.ISSUES])[v["issue"]]
    base_eff = np.array([i.effort for i in cat.ISSUES])[v["issue"]]
    has2 = v["issue2"] >= 0
    eff2 = np.where(has2, np.array([i.effort for i in cat.ISSUES])[np.maximum(v["issue2"], 0)], 0)
    complaint = intent == "complaint"
    crisis_del = (v["quarter"] == w.crisis_quarter) & (v["tp"] == cat.TOUCHPOINTS.index("delivery"))
    sev = base_sev + (rng.random(n) < 0.3) - (rng.random(n) < 0.15)
    sev = sev + (crisis_del & (rng.random(n) < 0.5)) + (has2 & complaint & (rng.random(n) < 0.4))
    sev = np.where(complaint, np.clip(sev, 1, 3), np.where(intent == "mixed", 1, 0))
    v["severity"] = sev.astype(np.int64)
    threat = complaint & (sev >= 2) & (rng.random(n) < 0.2 + 0.15 * (sev == 3))
    v["threat"] = threat
    issue_eff = base_eff + np.where(complaint, eff2, 0)
    talky = np.isin(intent, ("complaint", "mixed", "question"))
    v["effort_stmt"] = talky & (rng.random(n) < 0.1 + 0.15 * issue_eff)
    season = peak & ((v["tp"] == cat.TOUCHPOINTS.index("hotline"))
                     | (v["channel"] == cat.CHANNELS.index("phone")))
    effort = (1 + issue_eff + sev / 2 + 2.5 * v["effort_stmt"] + season
              + rng.normal(0, 0.6, n) - 0.8 * (intent == "praise"))
    v["effort"] = np.clip(np.round(effort), 1, 7)
    noise = rng.normal(0, 0.08, n)
    valence = np.select(
        [complaint, intent == "mixed", intent == "praise"],
        [np.clip(-(0.25 + 0.22 * sev) - 0.1 * threat - 0.05 * v["effort_stmt"] + noise, -1, -0.21),
         rng.uniform(-0.35, 0.1, n),
         rng.uniform(0.5, 1.0, n)],
        np.clip(rng.normal(-0.03, 0.08, n), -0.19, 0.19),
    )
    v["valence"] = valence
    # Emotion, by intent and severity; worry for money and lost-parcel issues.
    emo = np.empty(n, dtype=object)
    u = rng.random(n)
    emo[:] = "neutral"
    emo[intent == "question"] = np.where(u[intent == "question"] < 0.3, "confusion", "neutral")
    emo[intent == "praise"] = np.where(u[intent == "praise"] < 0.5, "joy", "gratitude")
    emo[intent == "mixed"] = np.where(u[intent == "mixed"] < 0.6, "disappointment", "neutral")
    for s, (a, b) in {1: ("disappointment", "frustration"), 2: ("frustration", "anger"),
                      3: ("anger", "frustration")}.items():
        rows = complaint & (sev == s)
        emo[rows] = np.where(u[rows] < 0.55, a, b)
    worry = np.isin(np.array([i.key for i in cat.ISSUES])[v["issue"]], list(cat.WORRY_ISSUES))
    emo[complaint & worry & (rng.random(n) < 0.4)] = "worry"
    emo[complaint & (sev == 1) & (u > 0.93)] = "confusion"
    v["emotion"] = emo.astype(str)
    channel = np.array(cat.CHANNELS)[v["channel"]]
    p_pii = np.select([np.isin(channel, ("email", "web")), channel == "chat",
                       channel == "phone"], [0.12, 0.08, 0.05], 0.025)
    has_pii = rng.random(n) < p_pii
    money = np.isin(v["tp"], (cat.TOUCHPOINTS.index("billing"), cat.TOUCHPOINTS.index("returns")))
    kinds = np.array(["email", "phone", "iban", "card", "address"])
    probs = np.where(money[:, None], [0.25, 0.25, 0.35, 0.1, 0.05], [0.35, 0.35, 0.1, 0.05, 0.15])
    v["pii"] = np.where(has_pii, kinds[_sample_rows(rng, probs)], "")


def _agents(w: World, n: int, rng: np.random.Generator) -> None:
    total = int(np.clip(round(n / 80), 15, 150))
    a: dict[str, list[object]] = {k: [] for k in ("id", "team", "archetype", "probs", "female",
                                                  "name_i", "last_i", "workload")}
    number = 101
    for team, (share, arche_w) in cat.TEAMS.items():
        size = max(2, round(share * total))
        arche = rng.choice(np.array(list(cat.ARCHETYPES)), size, p=np.array(arche_w))
        for kind in arche:
            a["id"].append(f"A{number}")
            number += 1
            a["team"].append(team)
            a["archetype"].append(kind)
            a["probs"].append(rng.dirichlet(40 * np.array(cat.ARCHETYPES[str(kind)])))
            a["female"].append(bool(rng.random() < 0.6))
            a["name_i"].append(int(rng.integers(0, 10_000)))
            a["last_i"].append(int(rng.integers(0, 10_000)))
            a["workload"].append(float(rng.gamma(2.0, 1.0)))
    w.agents = {k: np.array(val) for k, val in a.items()}
    w.agents["favourites"] = rng.integers(0, 1_000, (len(a["id"]), len(COMPONENTS)))
    # Routing of each conversation to a team and an agent.
    v, c = w.conv, w.customers
    channel = np.array(cat.CHANNELS)[v["channel"]]
    seg = c["segment"][v["cust"]]
    routed = np.char.add("service-", c["lang"][v["cust"]].astype(str)).astype(object)
    premium = np.isin(seg, ("premium", "business")) & (rng.random(n) < 0.7)
    routed[premium] = "premium"
    routed[channel == "store"] = "stores"
    routed[channel == "social"] = "social"
    v["team"] = routed.astype(str)
    agent = np.zeros(n, dtype=np.int64)
    for name in cat.TEAMS:
        rows = np.flatnonzero(v["team"] == name)
        members = np.flatnonzero(w.agents["team"] == name)
        weight = w.agents["workload"][members]
        agent[rows] = rng.choice(members, len(rows), p=weight / weight.sum())
    v["agent"] = agent


def _style(w: World, rows: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Reply style index (0 cold, 1 sympathetic, 2 empathic) for conversations ``rows``."""
    v, c = w.conv, w.customers
    logits = np.log(w.agents["probs"][v["agent"][rows]])
    sev = v["severity"][rows] - 1.5
    tenure = np.log1p(c["tenure"][v["cust"][rows]]) - 2.5
    logits[:, 2] += STYLE_SEVERITY["empathic"] * sev + STYLE_TENURE * tenure
    logits[:, 0] += STYLE_SEVERITY["cold"] * sev
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    return _sample_rows(rng, probs)


def _replies(w: World, theta: float, rng: np.random.Generator) -> None:
    v = w.conv
    n = len(v["tp"])
    channel = np.array(cat.CHANNELS)[v["channel"]]
    p_reply = np.array([P_REPLY[ch] for ch in cat.CHANNELS])[v["channel"]]
    replied = rng.random(n) < p_reply
    p_bot = np.array([P_BOT.get(ch, 0.0) for ch in cat.CHANNELS])[v["channel"]]
    v["bot"] = replied & (rng.random(n) < p_bot)
    v["agent1"] = replied & (~v["bot"] | (rng.random(n) < P_HANDOVER))
    level = np.array([STYLE_LEVEL[s] for s in STYLES])
    v["style1"] = np.where(v["agent1"], _style(w, np.arange(n), rng), -1)
    e1 = np.where(v["agent1"], level[np.maximum(v["style1"], 0)],
                  np.where(v["bot"], STYLE_LEVEL["bot"], 1.0))
    s1 = (0.55 * v["valence"] + theta * SATISFACTION_EMPATHY * (e1 - 1)
          - 0.3 * ~replied + rng.normal(0, 0.2, n))
    can_follow = replied & np.isin(channel, FOLLOW_UP_CHANNELS)
    p_follow = np.clip(0.22 + 0.08 * (v["severity"] >= 2) + theta * 0.1 * (1 - e1)
                       + 0.25 * (v["bot"] & ~v["agent1"]), 0, 0.9)
    v["follow"] = can_follow & (rng.random(n) < p_follow)
    v["follow_valence"] = np.clip(s1 + rng.normal(0, 0.15, n), -1, 1)
    v["agent2"] = v["follow"] & (rng.random(n) < 0.8)
    v["style2"] = np.where(v["agent2"], _style(w, np.arange(n), rng), -1)
    e2 = level[np.maximum(v["style2"], 0)]
    s_end = np.where(v["agent2"], s1 + theta * 0.2 * (e2 - 1) + 0.1, s1)
    v["satisfaction"] = np.clip(s_end, -1, 1)
    v["conv_effort"] = np.clip(v["effort"] + v["follow"], 1, 7)
    # Post-contact survey: invitation, selective response, scores.
    surveyed = np.isin(channel, cat.SURVEYED_CHANNELS) & replied
    v["invited"] = surveyed & (rng.random(n) < P_INVITE)
    p_resp = _sigmoid(RESPONSE["intercept"] + RESPONSE["satisfaction"] * v["satisfaction"])
    v["responded"] = v["invited"] & (rng.random(n) < p_resp)
    s = v["satisfaction"]
    answered = (rng.random((n, 3)) > 0.04) & (rng.random((n, 3)) < [1.0, 0.8, 0.5])
    csat = np.clip(np.round(3.1 + 1.6 * s + rng.normal(0, 0.5, n)), 1, 5)
    ces = np.clip(np.round(8 - v["conv_effort"] + 0.6 * s + rng.normal(0, 0.6, n)), 1, 7)
    nps = np.clip(np.round(7.0 + 3.2 * s + rng.normal(0, 1.1, n)), 0, 10)
    v["pc_csat"] = np.where(answered[:, 0], csat, np.nan)
    v["pc_ces"] = np.where(answered[:, 1], ces, np.nan)
    v["pc_nps"] = np.where(answered[:, 2], nps, np.nan)
    # Scores on relationship surveys and reviews, from the text's valence.
    val = v["valence"]
    is_survey, is_review = channel == "survey", channel == "review"
    nps_r = np.clip(np.round(6.6 + 3.4 * val + rng.normal(0, 1.0, n)), 0, 10)
    csat_r = np.clip(np.round(3.2 + 1.7 * val + rng.normal(0, 0.5, n)), 1, 5)
    rating = np.clip(np.round(3.1 + 2.0 * val + rng.normal(0, 0.45, n)), 1, 5)
    v["msg_nps"] = np.where(is_survey & (rng.random(n) < 0.97), nps_r, np.nan)
    v["msg_csat"] = np.where(is_survey & (rng.random(n) < 0.5), csat_r, np.nan)
    v["msg_rating"] = np.where(is_review, rating, np.nan)
    v["e_sum"] = (np.where(v["bot"], STYLE_LEVEL["bot"], 0.0)
                  + np.where(v["agent1"], e1 * v["agent1"], 0.0) + np.where(v["agent2"], e2, 0.0))
    v["e_count"] = v["bot"].astype(int) + v["agent1"] + v["agent2"]
    v["n_empathic"] = (v["style1"] == 2).astype(int) + (v["style2"] == 2)


def _outcomes(w: World, theta: float, rng: np.random.Generator) -> None:
    c, v = w.customers, w.conv
    m = len(c["id"])
    e_sum = np.bincount(v["cust"], weights=v["e_sum"], minlength=m)
    e_cnt = np.bincount(v["cust"], weights=v["e_count"], minlength=m)
    c["n_replies"] = e_cnt.astype(np.int64)
    c["n_empathic"] = np.bincount(v["cust"], weights=v["n_empathic"], minlength=m).astype(np.int64)
    c["exposure"] = np.where(e_cnt > 0, e_sum / np.maximum(e_cnt, 1), 1.0)
    n_conv = np.bincount(v["cust"], minlength=m)
    c["n_conversations"] = n_conv
    c["mean_severity"] = (np.bincount(v["cust"], weights=v["severity"], minlength=m)
                          / np.maximum(n_conv, 1))
    prem = (c["segment"] == "premium").astype(float)
    bus = (c["segment"] == "business").astype(float)
    lt = np.log1p(c["tenure"])
    x = c["exposure"] - 1.0
    r = REPURCHASE
    logit = (r["intercept"] + r["premium"] * prem + r["business"] * bus + r["log_tenure"] * lt
             + r["severity"] * c["mean_severity"] + theta * r["empathy"] * x)
    c["repurchase_logit"] = logit
    c["repurchase"] = rng.random(m) < _sigmoid(logit)
    h = CHURN
    hazard = h["base_per_year"] * np.exp(
        h["premium"] * prem + h["business"] * bus + h["log_tenure"] * lt
        + h["severity"] * c["mean_severity"] + theta * h["empathy"] * x)
    c["hazard"] = hazard
    years = rng.exponential(1.0 / hazard)
    c["years_to_churn"] = years
    c["churned"] = years < 1.0
    s = SPEND
    log_spend = (np.log(s["base_eur"]) + s["premium"] * prem + s["business"] * bus
                 + s["log_tenure"] * lt + s["severity"] * c["mean_severity"]
                 + theta * s["empathy"] * x + rng.normal(-s["sigma"] ** 2 / 2, s["sigma"], m))
    c["spend"] = np.round(np.exp(log_spend) * np.minimum(years, 1.0), 2)
