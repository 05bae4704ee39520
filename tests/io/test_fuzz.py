"""Property tests: whatever the input, read_feedback returns a DataFrame or raises
FeedbackFormatError, and every row is accounted for."""

from __future__ import annotations

import csv
import io
import warnings

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import empathylab as el
from empathylab import FeedbackFormatError
from empathylab.io.delimited import parse_delimited
from empathylab.io.values import parse_numbers

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_or_format_error(data: bytes | str, **kwargs) -> pd.DataFrame | None:
    handle = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = el.read_feedback(handle, **kwargs)
    except FeedbackFormatError:
        return None
    assert isinstance(df, pd.DataFrame)
    report = df.attrs["load_report"]
    assert report.rows_read == report.rows_loaded + report.n_quarantined
    assert report.rows_loaded == len(df)
    assert "text" in df.columns
    return df


@FUZZ
@given(st.binary(max_size=2000))
@example(b"PAR1\x00\x00")
@example(b"PK\x03\x04garbage")
@example(b"\x1f\x8b\x08garbage")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe" + "text\n\u00e4\n".encode("utf-16-le"))
@example(b'[{"text": 1}, 2, null, {}]')
@example(b'{"a": ' * 3000)
@example(b"text\n" + b"\x00" * 50)
def test_arbitrary_bytes(data):
    _read_or_format_error(data)


_CELL = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab ;,\t|\"'\n\räöüß€0123456789.-:/@")), max_size=12),
    st.sampled_from(["Kommentar", "text", "NPS", "Datum", "22.11.2026", '"', '""', "\r\n"]),
)


@FUZZ
@given(
    st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=30),
    st.sampled_from([";", ",", "\t", "|"]),
)
def test_arbitrary_csv_text(rows, sep):
    text = "\n".join(sep.join(r) for r in rows)
    _read_or_format_error("text" + sep + "nps\n" + text)
    _read_or_format_error(text)


_FREE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(['"', ";", ",", "\n", "ä", "€"]),
    max_size=40,
)


@FUZZ
@given(
    st.lists(st.tuples(_FREE_TEXT, st.integers(0, 10)), min_size=1, max_size=25),
    st.sampled_from([";", ","]),
)
def test_well_formed_csv_round_trips_with_exact_lines(records, sep):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(["id", "Kommentar", "NPS"])
    for i, (text, score) in enumerate(records):
        writer.writerow([f"r{i}", text, score])
    content = buffer.getvalue()
    fast = parse_delimited(content, source="t.csv")
    slow = parse_delimited(content, source="t.csv", engine="python")
    assert fast.frame.index.tolist() == slow.frame.index.tolist()
    pd.testing.assert_frame_equal(fast.frame, slow.frame, check_dtype=False)
    assert not fast.quarantined
    df = _read_or_format_error(content, repair_encoding=False)  # 'Â\xa0' may be meant
    assert df is not None
    # every record is there, in order, with the text as written (blank texts become NA)
    by_id = df.set_index("feedback_id")
    for i, (text, score) in enumerate(records):
        expected = text.replace("\r\n", "\n").strip() or None
        got = by_id.loc[f"r{i}", "text"]
        assert (pd.isna(got) and expected is None) or got == expected
        assert by_id.loc[f"r{i}", "nps"] == score
    # source_line points at the line where each record starts
    lines = content.split("\n")
    for row in df.itertuples():
        assert lines[row.source_line - 1].startswith(str(row.feedback_id))


@FUZZ
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda v: round(v, 2)))
def test_german_number_format_round_trips(value):
    german = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    parsed, invalid = parse_numbers(pd.Series([german, "1,5"]))
    assert not invalid.any()
    assert abs(parsed.iloc[0] - value) < 1e-6
