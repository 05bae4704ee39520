"""Taxonomy loading and validation: dict, YAML file, the bundled default, clear errors."""

from __future__ import annotations

import re

import pytest
import yaml

from empathylab.touchpoints import (
    Taxonomy,
    TaxonomyError,
    default_taxonomy_path,
    load_taxonomy,
)

ISSUE_TOUCHPOINTS = [
    "discovery", "website_app", "product", "price", "checkout", "delivery", "returns",
    "billing", "hotline", "chat", "email", "store", "staff", "waiting_time", "contract",
]


def test_default_taxonomy_has_the_journey_touchpoints():
    tax = load_taxonomy("default")
    assert isinstance(tax, Taxonomy)
    assert set(ISSUE_TOUCHPOINTS) <= set(tax.keys)
    for tp in tax.touchpoints:
        assert set(tp.label) == {"de", "en"}, tp.key
        assert tp.keywords or tp.phrases, tp.key
        # German and English terms for every touchpoint
        groups = set(tp.keywords) | set(tp.phrases)
        assert groups & {"de", "all"} and groups & {"en", "all"}, tp.key
    assert tax.labels("de")["delivery"].startswith("Lieferung")


def test_default_round_trips_through_to_dict():
    tax = load_taxonomy()
    again = load_taxonomy(tax.to_dict())
    assert again.keys == tax.keys
    assert again.touchpoints == tax.touchpoints


def test_dict_forms_and_yaml_file(tmp_path):
    flat = {"delivery": {"label": "Lieferung", "keywords": ["liefer"]}}
    nested = {"touchpoints": flat, "version": 1, "name": "mine"}
    assert load_taxonomy(flat).keys == ["delivery"]
    assert load_taxonomy(nested).name == "mine"
    path = tmp_path / "tax.yaml"
    path.write_text(yaml.safe_dump(nested, allow_unicode=True), encoding="utf-8")
    tax = load_taxonomy(path)
    assert tax.keys == ["delivery"]
    assert load_taxonomy(str(path)).touchpoints == tax.touchpoints
    assert tax["delivery"].label == {"de": "Lieferung", "en": "Lieferung"}
    assert tax["delivery"].keywords == {"all": ("liefer",)}


def test_language_groups_and_lang_field():
    tax = load_taxonomy({
        "x": {"keywords": {"de": ["liefer"], "en": ["deliver"]}, "phrases": ["dhl"]},
        "y": {"keywords": ["abc"], "lang": "de"},
    })
    assert tax["x"].keywords == {"de": ("liefer",), "en": ("deliver",)}
    assert tax["y"].keywords == {"de": ("abc",)}
    assert tax["x"].label["en"] == "X"
    assert tax.has_language_terms()
    assert not load_taxonomy({"x": {"keywords": ["a"]}}).has_language_terms()


def test_default_file_is_packaged():
    path = default_taxonomy_path()
    assert path.name == "default.yaml" and path.is_file()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"delivery": {"keyword": ["liefer"]}},
         "touchpoint 'delivery': unknown field 'keyword'; did you mean 'keywords'?"),
        ({"Delivery Time": {"keywords": ["x"]}}, "must be snake_case.*'delivery_time'"),
        ({"delivery": {"regexes": ["(unclosed"]}},
         "touchpoint 'delivery', field 'regexes', item 0: '\\(unclosed' is not a valid"),
        ({"delivery": {"regexes": {"de": ["a*"]}}},
         "field 'regexes.de', item 0: 'a\\*' matches the empty text"),
        ({"delivery": {"keywords": "liefer"}}, "a single str was given; write \\['liefer'\\]"),
        ({"delivery": {"keywords": ["ok", ""]}}, "field 'keywords', item 1: must be a non-empty"),
        ({"delivery": {"keywords": {"fr": ["livr"]}}}, "language group must be one of"),
        ({"delivery": {"label": "Lieferung"}}, "has no keywords, phrases or regexes"),
        ({"delivery": {"keywords": ["x"], "lang": "fr"}}, "field 'lang': must be 'de', 'en'"),
        ({"delivery": {"keywords": ["x"], "label": {"fr": "livraison"}}},
         "field 'label': languages must be"),
        ({"delivery": ["liefer"]}, "must be a mapping of fields"),
        ({"touchpoints": {"a": {"keywords": ["x"]}}, "nmae": "x"},
         "unknown top-level field 'nmae'; did you mean 'name'?"),
        ({}, "no touchpoints"),
        ({"delivery": {"regexes": ["(?P<x>a)"]}}, "uses named groups"),
    ],
)
def test_validation_errors_name_touchpoint_and_field(spec, message):
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy(spec)


def test_yaml_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("delivery: {keywords: [liefer]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=re.escape(str(bad))):
        load_taxonomy(bad)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("delivery:\n  keywords: [liefer]\n  exclusion: [x]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="wrong.yaml.*unknown field 'exclusion'"):
        load_taxonomy(wrong)
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="must hold a mapping"):
        load_taxonomy(listing)
    with pytest.raises(FileNotFoundError, match="no taxonomy file"):
        load_taxonomy(tmp_path / "missing.yaml")
    with pytest.raises(TypeError, match="`taxonomy` must be"):
        load_taxonomy(42)
    with pytest.raises(TaxonomyError):  # a TaxonomyError is a ValueError
        load_taxonomy({"a": {}})
    assert issubclass(TaxonomyError, ValueError)
