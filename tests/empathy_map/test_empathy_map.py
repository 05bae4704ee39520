"""empathy_map(): classification rules, ranking, segments, the plot and the views."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes

import empathylab as el
from empathylab.empathy_map import QUADRANTS, EmpathyMap, classify_sentences, empathy_map


@pytest.mark.parametrize(
    ("sentence", "lang", "quadrant"),
    [
        ("I think the new app is confusing", "en", "thinks"),
        ("In my opinion the price is too high", "en", "thinks"),
        ("Ich finde das Angebot zu teuer", "de", "thinks"),
        ("Meiner Meinung nach ist der Versand zu langsam", "de", "thinks"),
        ("I called the hotline twice", "en", "does"),
        ("We returned the parcel last week", "en", "does"),
        ("I have already cancelled the order", "en", "does"),
        ("Ich habe gestern angerufen", "de", "does"),
        ("Ich habe das Paket zurückgeschickt", "de", "does"),
        ("I'm so frustrated with this", "en", "feels"),
        ("Ich bin total enttäuscht", "de", "feels"),
        ("Ich fühle mich veräppelt", "de", "feels"),
        ("The parcel is at the depot", "en", "says"),
        ("Die Lieferung kam am Montag", "de", "says"),
        # a question is no opinion
        ("Wo finde ich die Rechnung?", "de", "says"),
    ],
)
def test_quadrant_rules(sentence, lang, quadrant):
    out = classify_sentences(pd.Series([sentence]), pd.Series([lang]))
    assert out.loc[0, "quadrant"] == quadrant


def test_pains_and_gains():
    s = pd.Series(["The app crashes every day", "I wish there was a dark mode",
                   "Es wäre schön, wenn man Termine online buchen könnte",
                   "Die Lieferung ist beschädigt angekommen", "Thanks, all good"])
    out = classify_sentences(s, pd.Series(["en", "en", "de", "de", "en"]),
                             pd.Series(["neutral", "neutral", "neutral", "neutral",
                                        "positive"]))
    assert out["pains"].tolist() == [True, False, False, True, False]
    assert out["gains"].tolist() == [False, True, True, False, False]
    negated = classify_sentences(pd.Series(["No hassle at all", "Kein Problem, danke",
                                            "No problem, but the app is broken"]),
                                 pd.Series(["en", "de", "en"]))
    assert negated["pains"].tolist() == [False, False, True]
    negative = classify_sentences(pd.Series(["Meh."]), pd.Series(["en"]),
                                  pd.Series(["negative"]))
    assert bool(negative.loc[0, "pains"])


def _hand_made() -> pd.DataFrame:
    texts = [
        "I think the app is slow. I called support twice. I'm so frustrated!",
        "I called support twice!! I wish you had a chat.",
        "Ich finde den Versand zu teuer. Ich habe zweimal angerufen.",
        "Ich finde den Versand zu teuer! Es wäre schön, wenn es Abholstationen gäbe.",
        "Hallo Team, die Lieferung ist kaputt angekommen.",
        "Thank you for the quick reply.",
    ]
    return pd.DataFrame({
        "text": texts,
        "author_role": ["customer"] * 6,
        "segment": ["en", "en", "de", "de", "de", "en"],
    })


def test_ranking_groups_near_identical_statements():
    m = empathy_map(_hand_made(), lang="auto")
    assert isinstance(m, EmpathyMap)
    items = m.items
    does = items[items["quadrant"] == "does"]
    # "I called support twice." and "I called support twice!!" are one item, in 2 texts
    top = does.iloc[0]
    assert top["count"] == 2 and top["quote"].startswith("I called support twice")
    assert top["share"] == pytest.approx(2 / 6)
    thinks = items[items["quadrant"] == "thinks"]
    versand = thinks[thinks["quote"].str.contains("Versand")].iloc[0]
    assert versand["count"] == 2
    # the salutation is not a statement; the rest of its sentence is
    assert not m.sentences["sentence"].str.fullmatch("Hallo Team,?").any()
    gains = items[items["quadrant"] == "gains"]["quote"].tolist()
    assert any("wish" in q for q in gains) and any("wäre schön" in q for q in gains)


def test_to_frame_and_segments():
    m = empathy_map(_hand_made(), segment="segment", top=2)
    frame = m.to_frame()
    assert frame.columns.tolist() == ["segment", "quadrant", "item", "count", "share", "quote"]
    assert m.segments == ["en", "de"]
    assert frame.groupby(["segment", "quadrant"]).size().max() <= 2
    order = [QUADRANTS.index(q) for q in frame[frame["segment"] == "en"]["quadrant"]]
    assert order == sorted(order)
    de = m.items[m.items["segment"] == "de"]
    assert de["share"].max() <= 1 and (de["count"] <= 3).all()
    assert m.n_texts.to_dict() == {"en": 3, "de": 3}
    assert len(m.to_frame(top=10)) >= len(frame)


def test_customer_rows_only_and_errors():
    df = _hand_made()
    replies = pd.DataFrame({"text": ["I think we can help. I called the depot."],
                            "author_role": ["agent"], "segment": ["en"]})
    m = empathy_map(pd.concat([df, replies], ignore_index=True))
    assert 6 not in set(m.sentences["row"])
    with pytest.raises(el.InsufficientDataError, match="no customer text"):
        empathy_map(replies)
    with pytest.raises(el.MissingColumnError, match="Segment"):
        empathy_map(df, segment="Segmnt".replace("mnt", "ment").title())
    with pytest.raises(ValueError, match="`top`"):
        empathy_map(df, top=0)
    with_na = df.assign(segment=[None, *df["segment"].tolist()[1:]])
    with pytest.warns(el.DataQualityWarning, match="'\\(missing\\)'"):
        m = empathy_map(with_na, segment="segment")
    assert "(missing)" in m.segments


def test_plot_draws_the_classic_layout():
    m = empathy_map(_hand_made(), segment="segment")
    ax = m.plot(segment="de", lang="de")
    assert isinstance(ax, Axes)
    gids = {t.get_gid() for t in ax.texts}
    assert {f"label-{q}" for q in QUADRANTS} <= gids
    labels = {t.get_gid(): t.get_text() for t in ax.texts}
    assert labels["label-thinks"] == "DENKT" and labels["label-pains"] == "PROBLEME"
    assert "Versand" in labels["items-thinks"]
    patches = {p.get_gid() for p in ax.patches}
    assert "customer" in patches and {f"box-{q}" for q in QUADRANTS} <= patches
    # pains and gains lie below the four quadrants
    boxes = {p.get_gid(): p for p in ax.patches if str(p.get_gid()).startswith("box-")}
    assert boxes["box-pains"].get_y() < boxes["box-does"].get_y()
    assert any(t.get_text() == "de" for t in ax.texts)
    with pytest.raises(ValueError, match="`segment` must be one of"):
        m.plot(segment="fr")


def test_plot_on_given_axes_and_views():
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    m = empathy_map(_hand_made())
    assert m.plot(ax=ax) is ax
    assert repr(m).startswith("<EmpathyMap: 6 texts")
    html = m._repr_html_()
    assert "THINKS" in html and "GAINS" in html and "I called support twice" in html
    assert "| segment | quadrant |" in m.to_markdown()
    pd.testing.assert_frame_equal(m.summary, m.to_frame())


def test_bundled_sample_by_channel():
    from empathylab.datasets import load_sample

    df = load_sample("feedback_de")
    m = empathy_map(df, segment="channel")
    frame = m.to_frame()
    # the synthetic sample's customers state few opinions: THINKS may stay empty
    assert set(QUADRANTS) - {"thinks"} <= set(frame["quadrant"]) <= set(QUADRANTS)
    assert set(m.segments) == set(df.loc[df["author_role"] == "customer", "channel"].dropna())
    # every quote is a sentence of a customer text of its segment
    customers = df[df["author_role"] == "customer"]
    for row in frame.head(30).itertuples():
        texts = customers.loc[customers["channel"] == row.segment, "text"]
        assert texts.str.contains(row.quote, regex=False).any()
    assert (frame["count"] >= 1).all() and frame["share"].between(0, 1).all()


def test_accessor_delegates():
    df = _hand_made()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = df.cx.empathy_map(segment="segment")
    b = empathy_map(df, segment="segment")
    pd.testing.assert_frame_equal(a.to_frame(), b.to_frame())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=120)), min_size=1, max_size=6))
def test_arbitrary_text_never_crashes(values):
    df = pd.DataFrame({"text": pd.Series(values, dtype=object)})
    usable = [v for v in values if v is not None and v.strip()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if not usable:
            with pytest.raises(el.InsufficientDataError):
                empathy_map(df)
            return
        m = empathy_map(df)
    frame = m.to_frame()
    assert set(frame["quadrant"]) <= set(QUADRANTS)
    assert (frame["count"] >= 1).all() and frame["share"].between(0, 1).all()
