"""split_sentences: sentences and contrastive clauses, German and English."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from empathylab.text.sentences import split_sentences


def _units(text: str, **kwargs) -> list[str]:
    return split_sentences(pd.Series([text]), **kwargs)["sentence"].tolist()


def test_mixed_review_splits_at_aber_and_but():
    assert _units("Lieferung schnell, aber der Support war eine Katastrophe") == [
        "Lieferung schnell",
        "aber der Support war eine Katastrophe",
    ]
    assert _units("Great staff; however, the app crashes.") == [
        "Great staff",
        "however, the app crashes.",
    ]
    assert _units("Lieferung schnell, aber der Support war mies", contrast=False) == [
        "Lieferung schnell, aber der Support war mies"
    ]


def test_abbreviations_dates_numbers_and_urls_do_not_end_sentences():
    text = (
        "Bestellt am 3. Oktober, geliefert am 28.09. um 14 Uhr, z. B. für 49.90 EUR bzw. "
        "ca. 50 Euro. Siehe www.shop.de/faq.html. Danke!"
    )
    assert _units(text) == [
        "Bestellt am 3. Oktober, geliefert am 28.09. um 14 Uhr, z. B. für 49.90 EUR bzw. ca. "
        "50 Euro.",
        "Siehe www.shop.de/faq.html.",
        "Danke!",
    ]
    assert _units("Mr. Brown, e.g. the manager, helped. Thanks!!") == [
        "Mr. Brown, e.g. the manager, helped.",
        "Thanks!!",
    ]


def test_rows_units_and_missing_texts():
    texts = pd.Series(["Eins. Zwei!", None, "  ", "Drei\nVier"], index=["a", "b", "c", "d"])
    out = split_sentences(texts)
    assert out["row"].tolist() == ["a", "a", "d", "d"]
    assert out["unit"].tolist() == [0, 1, 0, 1]
    assert out["sentence"].tolist() == ["Eins.", "Zwei!", "Drei", "Vier"]
    empty = split_sentences(pd.Series([None, ""], dtype="str"))
    assert list(empty.columns) == ["row", "unit", "sentence"] and empty.empty


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=5))
def test_arbitrary_text_keeps_every_letter_and_digit(texts):
    out = split_sentences(pd.Series(texts, dtype="str"))
    assert out["sentence"].str.len().gt(0).all()
    for i, text in enumerate(texts):
        kept = "".join(out.loc[out["row"] == i, "sentence"])
        assert [c for c in kept if c.isalnum()] == [c for c in text if c.isalnum()]
