"""studies.table() / get() / figures(): every listed entry, with caveats and limits."""

from __future__ import annotations

import pytest

from empathylab import studies

REQUIRED = ["amex2011", "amex2012", "amex2017", "reichheld_sasser1990", "pwc2018", "gei2015",
            "gei2016", "businessolver2018", "reichheld2003", "keiningham2007", "east2007"]


def test_table_has_all_listed_entries_with_text():
    t = studies.table()
    assert set(REQUIRED) <= set(t["key"])
    assert t["key"].is_unique
    for col in ("citation", "sample", "method", "finding", "caveats", "can_support",
                "cannot_support", "verification"):
        assert t[col].str.strip().str.len().gt(0).all(), col
    assert t["year"].between(1980, 2030).all()
    assert t["verification"].str.match(r"^(V|S|X)").all()


def test_every_entry_says_what_it_can_and_cannot_support():
    for key in studies.keys():
        s = studies.get(key)
        assert s.caveats and s.can_support and s.cannot_support, key
        assert all(x.strip() for x in (*s.caveats, *s.can_support, *s.cannot_support))
        assert s.key in s.to_markdown() or s.title in s.to_markdown()


# the figures as SOURCES.md gives them
@pytest.mark.parametrize(("key", "figure", "value", "status"), [
    ("amex2011", "told_good", 9, "V"),
    ("amex2011", "told_bad", 16, "V"),
    ("amex2011", "n_us", 1018, "V"),
    ("amex2012", "told_good", 15, "S"),
    ("amex2012", "told_bad", 24, "S"),
    ("amex2012", "share_tell_good", 0.47, "S"),
    ("amex2012", "share_tell_bad", 0.56, "S"),
    ("amex2017", "told_good", 11, "S"),
    ("amex2017", "told_bad", 15, "S"),
    ("east2007", "ratio_positive_to_negative", 3, "V"),
    ("east2007", "n_studies", 15, "V"),
    ("pwc2018", "share_cx_important", 0.73, "V"),
    ("businessolver2018", "employees_empathy_important", 0.96, "S"),
    ("businessolver2018", "ceos_performance_tied_to_empathy", 0.87, "S"),
    ("reichheld_sasser1990", "profit_gain_low", 0.25, "V"),
    ("reichheld_sasser1990", "profit_gain_high", 0.95, "V"),
    ("reichheld_sasser1990", "retention_points", 5, "V"),
    ("keiningham2007", "n_firms", 21, "V"),
    ("gei2015", "earnings_more", 0.50, None),
    ("gei2015", "value_growth_ratio_more_than", 2, None),
])
def test_figures_match_sources(key, figure, value, status):
    s = studies.get(key)
    assert s.figures[figure] == pytest.approx(value)
    if status is not None:
        assert s.verification == status


def test_caveats_carry_the_key_warnings():
    assert "5 percentage points" in studies.get("reichheld_sasser1990").caveats[0]
    assert any("sector" in c for c in studies.get("gei2015").caveats)
    assert any("misreads" in c for c in studies.get("businessolver2018").caveats)
    assert any("low power" in c for c in studies.get("keiningham2007").caveats)
    assert any("instances" in c for c in studies.get("east2007").caveats)
    assert any("right-skewed" in c for c in studies.get("amex2011").caveats)
    idc = studies.get("idc_webber2020")
    assert "X" in idc.verification
    assert any("not traced" in c for c in idc.caveats)
    gei = studies.get("gei2015").method
    for component in ("ethics", "leadership", "company culture", "brand perception",
                      "social media"):
        assert component in gei


def test_figures_table_and_unknown_key():
    f = studies.figures()
    assert list(f.columns) == ["key", "figure", "value", "verification"]
    assert len(studies.figures("amex2011")) == len(studies.get("amex2011").figures)
    with pytest.raises(KeyError, match="unknown study 'amex2013'.*amex201"):
        studies.get("amex2013")


def test_wom_presets_agree_with_the_catalogue():
    from empathylab import wom

    for year in (2011, 2012, 2017):
        s = studies.get(f"amex{year}")
        p = wom.preset(f"amex{year}")
        assert p["told_positive"].value == s.figures["told_good"]
        assert p["told_negative"].value == s.figures["told_bad"]
        assert p["told_positive"].verification == s.verification
    p = wom.preset("amex2012")
    assert p["tell_share_positive"].value == studies.get("amex2012").figures["share_tell_good"]
