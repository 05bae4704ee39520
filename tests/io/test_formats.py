"""read_feedback across formats, compression, encodings and source kinds."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import warnings
import zipfile

import pandas as pd
import pytest

import empathylab as el
from empathylab import DataQualityWarning, FeedbackFormatError

ROWS = [
    {"Datum": "22.11.2026", "Kommentar": "Grüße an das freundliche Team in München", "NPS": 9},
    {"Datum": "23.11.2026", "Kommentar": "Rückerstattung dauert ewig, äußerst ärgerlich", "NPS": 2},
]
CSV_TEXT = "Datum;Kommentar;NPS\n" + "".join(
    f"{r['Datum']};{r['Kommentar']};{r['NPS']}\n" for r in ROWS
)


def _check(df: pd.DataFrame) -> None:
    assert df["text"].tolist() == [r["Kommentar"] for r in ROWS]
    assert df["nps"].tolist() == [9.0, 2.0]
    report = df.attrs["load_report"]
    assert report.rows_read == report.rows_loaded + report.n_quarantined


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp1252", "cp1252"),
        ("latin-1", "cp1252"),  # identical bytes for German letters
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, expected):
    path = tmp_path / "export.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    df = el.read_feedback(path)
    _check(df)
    assert df.attrs["load_report"].encoding == expected


def test_explicit_encoding_and_wrong_encoding_error(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(CSV_TEXT.encode("cp1252"))
    _check(el.read_feedback(path, encoding="cp1252"))
    with pytest.raises(FeedbackFormatError, match=r"export\.csv, line 2: .* not valid utf-8"):
        el.read_feedback(path, encoding="utf-8")
    with pytest.raises(FeedbackFormatError, match="unknown encoding"):
        el.read_feedback(path, encoding="klingon")


def test_mojibake_is_repaired_and_reported():
    broken = CSV_TEXT.encode("utf-8").decode("cp1252").encode("utf-8")  # 'Ã¼' for 'ü'
    assert "Ã¼" in broken.decode("utf-8")
    with pytest.warns(DataQualityWarning):
        df = el.read_feedback(io.BytesIO(broken))
    _check(df)
    assert "mojibake_repaired" in set(df.attrs["load_report"].warnings["kind"])
    untouched = el.read_feedback(io.BytesIO(broken), repair_encoding=False)
    assert "Ã" in untouched["text"].iloc[0]


def test_excel_with_title_rows_and_types(tmp_path):
    path = tmp_path / "export.xlsx"
    frame = pd.DataFrame(
        {
            "Datum": pd.to_datetime(["2026-11-22 14:35", "2026-11-23 09:00"]),
            "Kundennummer": [481, 482],
            "Kommentar": [r["Kommentar"] for r in ROWS],
            "NPS": [9, 2],
            "Bestellwert": [49.9, 1299.0],
        }
    )
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["Feedback-Export Q4/2026"], [None]]).to_excel(
            writer, header=False, index=False
        )
        frame.to_excel(writer, startrow=3, index=False)
    df = el.read_feedback(path)
    _check(df)
    report = df.attrs["load_report"]
    assert report.format == "excel"
    assert report.preamble_lines == 1
    assert df["source_line"].tolist() == [5, 6]  # Excel row numbers
    assert df["timestamp"].iloc[0] == pd.Timestamp("2026-11-22 14:35")
    assert df["customer_id"].tolist() == ["481", "482"]
    assert df["Bestellwert"].tolist() == [49.9, 1299.0]


def test_excel_sheet_name_error(tmp_path):
    path = tmp_path / "export.xlsx"
    pd.DataFrame(ROWS).to_excel(path, index=False, sheet_name="Umfrage")
    _check(el.read_feedback(path, sheet_name="Umfrage"))
    with pytest.raises(FeedbackFormatError, match="sheet 'Antworten' not found"):
        el.read_feedback(path, sheet_name="Antworten")


def test_json_list_envelope_and_nested_fields(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(ROWS, ensure_ascii=False), encoding="utf-8")
    _check(el.read_feedback(path))
    nested = {
        "tickets": [
            {
                "id": 1,
                "via": {"channel": "email"},
                "description": "Wo bleibt mein Paket?",
                "tags": ["lieferung", "dringend"],
            },
            {"id": 2, "via": {"channel": "chat"}, "description": "Danke, alles gut."},
            "kaputt",
        ]
    }
    with pytest.warns(DataQualityWarning):
        df = el.read_feedback(io.StringIO(json.dumps(nested)), format="json")
    assert df["text"].tolist() == ["Wo bleibt mein Paket?", "Danke, alles gut."]
    assert df["channel"].tolist() == ["email", "chat"]
    assert df["tags"].iloc[0] == '["lieferung", "dringend"]'
    report = df.attrs["load_report"]
    assert report.quarantined["line"].tolist() == [3]
    assert "not an object" in report.quarantined["reason"].iloc[0]


def test_invalid_json_names_line_and_column():
    with pytest.raises(FeedbackFormatError, match=r"x\.json, line 2, column \d+: invalid JSON"):
        _named(b'[{"text": "a"},\n {"text": }]', "x.json")


def _named(data: bytes, name: str) -> pd.DataFrame:
    handle = io.BytesIO(data)
    handle.name = name
    return el.read_feedback(handle)


def test_jsonl_bad_line_is_quarantined_by_line_number():
    lines = [json.dumps({"text": f"Nachricht {i}", "nps": i % 11}) for i in range(6)]
    lines[3] = '{"text": "abgeschnitten'
    lines.insert(2, "")
    with pytest.warns(DataQualityWarning):
        df = _named(("\n".join(lines) + "\n").encode(), "chat.jsonl")
    report = df.attrs["load_report"]
    assert report.format == "jsonl"
    assert report.rows_read == 6 and report.rows_loaded == 5
    assert report.quarantined["line"].tolist() == [5]  # the broken record, after the blank line
    assert report.blank_lines == 1
    assert df["source_line"].tolist() == [1, 2, 4, 6, 7]


def test_parquet_keeps_types(tmp_path):
    path = tmp_path / "export.parquet"
    frame = pd.DataFrame(ROWS).assign(Datum=pd.to_datetime(["2026-11-22", "2026-11-23"]))
    frame.to_parquet(path)
    df = el.read_feedback(path)
    _check(df)
    assert df.attrs["load_report"].format == "parquet"
    assert df["timestamp"].tolist() == list(frame["Datum"])


@pytest.mark.parametrize("packer", ["gzip", "bz2"])
def test_compressed_csv(tmp_path, packer):
    data = CSV_TEXT.encode("cp1252")
    path = tmp_path / f"export.csv.{'gz' if packer == 'gzip' else 'bz2'}"
    path.write_bytes(gzip.compress(data) if packer == "gzip" else bz2.compress(data))
    _check(el.read_feedback(path))


def test_zip_with_two_exports_is_read_member_by_member(tmp_path):
    path = tmp_path / "exports.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("q3.csv", CSV_TEXT.encode("cp1252"))
        archive.writestr("q4.jsonl", "\n".join(json.dumps(r) for r in ROWS))
        archive.writestr("__MACOSX/._q3.csv", b"junk")
    df = el.read_feedback(path)
    assert len(df) == 4
    assert df["source"].unique().tolist() == ["exports.zip:q3.csv", "exports.zip:q4.jsonl"]
    assert df.attrs["load_report"].rows_read == 4


def test_damaged_gzip_and_xls_and_binary_are_clear_errors(tmp_path):
    path = tmp_path / "export.csv.gz"
    path.write_bytes(gzip.compress(CSV_TEXT.encode())[:20])
    with pytest.raises(FeedbackFormatError, match="cannot be unpacked"):
        el.read_feedback(path)
    xls = tmp_path / "alt.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(FeedbackFormatError, match=r"\.xls.*save it as \.xlsx"):
        el.read_feedback(xls)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(FeedbackFormatError, match="fake.xlsx"):
        el.read_feedback(fake)


def test_sources_urls_missing_files_folders_and_text_handles(tmp_path):
    with pytest.raises(FeedbackFormatError, match="URLs are not fetched"):
        el.read_feedback("https://example.com/export.csv")
    with pytest.raises(FeedbackFormatError, match="no such file"):
        el.read_feedback(tmp_path / "gibtsnicht.csv")
    with pytest.raises(FeedbackFormatError, match="is a folder"):
        el.read_feedback(tmp_path)
    with pytest.raises(FeedbackFormatError, match="file path or a file-like object"):
        el.read_feedback(42)
    _check(el.read_feedback(io.StringIO(CSV_TEXT)))
    _check(el.read_feedback(CSV_TEXT.encode("cp1252")))
    with open(tmp_path / "x.csv", "w", encoding="utf-8") as handle:
        handle.write(CSV_TEXT)
    with open(tmp_path / "x.csv", encoding="utf-8") as handle:
        _check(el.read_feedback(handle))


def test_format_argument_is_checked():
    with pytest.raises(FeedbackFormatError, match="`format` must be one of"):
        el.read_feedback(io.StringIO(CSV_TEXT), format="xml")
    with pytest.raises(FeedbackFormatError, match="`preset` must be 'auto' or one of"):
        el.read_feedback(io.StringIO(CSV_TEXT), preset="zendsk")


def test_warning_points_at_the_caller():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        el.read_feedback(io.StringIO("Kommentar;NPS\nok;12\n"))
    assert caught and caught[0].filename == __file__


def test_excel_header_narrower_than_the_data_is_still_the_header(tmp_path):
    # SurveyMonkey-style: blank header cells under the parts of a multi-part question
    grid = pd.DataFrame(
        [
            ["Umfrage Q3"] + [None] * 4,
            ["Respondent ID", "Wie zufrieden waren Sie mit ...", None, None, "Kommentar"],
            ["1", "4", "5", "3", "Gut"],
            ["2", "2", "1", "2", "Schlecht"],
        ]
    )
    path = tmp_path / "umfrage.xlsx"
    grid.to_excel(path, header=False, index=False)
    df = el.read_feedback(path, columns={"text": "Kommentar"})
    assert df["text"].tolist() == ["Gut", "Schlecht"]
    assert df.attrs["load_report"].preamble_lines == 1
    assert df["source_line"].tolist() == [3, 4]
