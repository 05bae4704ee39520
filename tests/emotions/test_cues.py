"""The token cue engine behind emotions, effort, actionability and politeness."""

from __future__ import annotations

import numpy as np
import pandas as pd

from empathylab.text._cues import CueTable, hits, tokenize


def test_tokens_keep_rows_even_with_separator_characters():
    tokens = tokenize(pd.Series(["a \ue000 b", None, "c\x1ed. E", ""]))
    assert tokens.n_rows == 4
    rows = dict(zip(tokens.raw.tolist(), tokens.row.tolist(), strict=True))
    assert rows["a"] == 0 and rows["b"] == 0 and rows["c"] == 2 and rows["E"] == 2
    assert tokens.sentence_start[tokens.raw.tolist().index("E")]
    assert tokens.sentence_start[tokens.raw.tolist().index("c")]


def test_cue_syntax_optional_stems_alternatives_numbers():
    table = CueTable.from_rows([("x", 1, "very? angr*"), ("y", 2, "# times; twice"),
                                ("z", 1, "a|b _ c")])
    tokens = tokenize(pd.Series(["angry", "very angrily", "3 times", "twice", "b q c", "b c"]))
    found = hits(tokens, table, "en")
    assert dict(zip(found["row"], found["label"], strict=True)) == {
        0: "x", 1: "x", 2: "y", 3: "y", 4: "z"}
    assert found.loc[found["row"] == 1, "span"].item() == "very angrily"


def test_longest_hit_wins_unless_per_label():
    table = CueTable.from_rows([("short", 1, "thank"), ("long", 3, "thank you so much")])
    tokens = tokenize(pd.Series(["Thank you so much"]))
    assert hits(tokens, table, "en")["label"].tolist() == ["long"]
    both = hits(tokens, table, "en", per_label=True)
    assert sorted(both["label"]) == ["long", "short"]


def test_negation_boost_caps_and_clause_breaks():
    table = CueTable.from_rows([("anger", 2, "angry|wütend")])
    tokens = tokenize(pd.Series(["not very angry", "not good, but angry", "VERY ANGRY",
                                 "I don't feel angry"]))
    found = hits(tokens, table, "en").set_index("row")
    assert found.loc[0, "negated"] and not found.loc[1, "negated"]
    assert found.loc[0, "boost"] == 1 and found.loc[2, "caps"]
    assert found.loc[3, "negated"]
    de = hits(tokenize(pd.Series(["Wütend bin ich nicht.", "Wütend, nicht traurig"])),
              table, "de").set_index("row")
    assert de.loc[0, "negated"] and not de.loc[1, "negated"]
    assert np.issubdtype(de["start"].dtype, np.integer)
