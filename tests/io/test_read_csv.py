"""read_feedback on delimited text: German Excel exports, quarantine, line numbers."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pandas as pd
import pytest

import empathylab as el
from empathylab import DataQualityWarning, FeedbackFormatError
from empathylab.io.schema import CANONICAL_COLUMNS

GERMAN_EXPORT = (
    "Datum;Kundennummer;Kanal;Kontaktpunkt;Kommentar;NPS;Zufriedenheit;Bestellwert\r\n"
    "22.11.2026 14:35;00481;E-Mail;Lieferung;Paket kam zwei Tage zu spät, Fahrer unfreundlich;"
    "3;2;49,90\r\n"
    "23.11.2026 09:02;00482;Telefon;Hotline;Sehr kulant, danke für die schnelle Hilfe!;10;5;"
    "1.299,00\r\n"
    '24.11.2026 17:45;00483;Filiale;Kasse;"Lange Schlange; aber nette Beratung";7;4;15,5\r\n'
)


def _read(data: bytes | str, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        return el.read_feedback(io.BytesIO(data) if isinstance(data, bytes) else data, **kwargs)


def test_german_excel_csv_cp1252_in_one_call(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(GERMAN_EXPORT.encode("cp1252"))
    df = el.read_feedback(path)
    report = df.attrs["load_report"]
    assert list(df.columns[: len(CANONICAL_COLUMNS)]) == list(CANONICAL_COLUMNS)
    assert report.encoding == "cp1252"
    assert report.delimiter == ";"
    assert report.rows_read == report.rows_loaded == 3
    assert df["text"].iloc[0] == "Paket kam zwei Tage zu spät, Fahrer unfreundlich"
    assert df["text"].iloc[2] == "Lange Schlange; aber nette Beratung"
    assert df["timestamp"].iloc[0] == pd.Timestamp("2026-11-22 14:35")
    assert df["nps"].tolist() == [3.0, 10.0, 7.0]
    assert df["csat"].tolist() == [2.0, 5.0, 4.0]
    assert df["channel"].tolist() == ["email", "phone", "store"]
    assert df["touchpoint"].tolist() == ["Lieferung", "Hotline", "Kasse"]
    # ids keep their leading zeros; an extra column with decimal commas becomes numbers
    assert df["customer_id"].tolist() == ["00481", "00482", "00483"]
    assert df["Bestellwert"].tolist() == [49.9, 1299.0, 15.5]
    assert df["source"].unique().tolist() == ["export.csv"]
    assert df["source_line"].tolist() == [2, 3, 4]
    assert (df["author_role"] == "customer").all()
    assert report.columns["text"] == "Kommentar"


def _export_with_bad_lines(n: int = 10_000) -> tuple[str, dict[int, str]]:
    rng = np.random.default_rng(7)
    lines = ["Datum;Kunde;Kommentar;NPS"]
    for i in range(n):
        lines.append(
            f"{1 + i % 28:02d}.{1 + i % 12:02d}.2026;K{i:05d};"
            f"Kommentar Nummer {i}: {'gut' if rng.random() < 0.5 else 'schlecht'};{i % 11}"
        )
    # 1-based file line -> kind of damage (line 1 is the header, line k holds record k-1)
    first, middle, late = n // 100 + 1, n // 2 + 3, 4 * n // 5
    bad = {first: "too many fields", middle: "too few fields", late: "unclosed quote"}
    lines[first - 1] = "05.05.2026;K00099;Text mit; Semikolon; ohne Anführungszeichen;4"
    lines[middle - 1] = "06.06.2026;K05001"
    lines[late - 1] = '07.07.2026;K07998;"Das Zitat endet nie;5'
    return "\n".join(lines) + "\n", bad


def test_three_malformed_lines_among_ten_thousand_are_quarantined():
    text, bad = _export_with_bad_lines()
    df = _read(text.encode("utf-8"))
    report = df.attrs["load_report"]
    assert report.rows_read == 10_000
    assert report.rows_loaded == 9_997
    assert report.n_quarantined == 3
    assert report.rows_read == report.rows_loaded + report.n_quarantined
    assert report.quarantined["line"].tolist() == sorted(bad) == [101, 5003, 8000]
    reasons = dict(zip(report.quarantined["line"], report.quarantined["reason"], strict=True))
    assert "found 6" in reasons[101]
    assert "found 2" in reasons[5003]
    assert "not closed" in reasons[8000]
    # the records around the damage are intact and keep their own line numbers
    lines = df.set_index("source_line")
    assert lines.loc[8001, "customer_id"] == "K07999"
    assert lines.loc[100, "customer_id"] == "K00098"
    assert df["source_line"].is_monotonic_increasing


def test_quarantine_warns_once_with_the_counts():
    text, _ = _export_with_bad_lines(200)
    with pytest.warns(DataQualityWarning, match="3 row\\(s\\) quarantined"):
        el.read_feedback(io.StringIO(text))


def test_strict_raises_naming_file_and_line(tmp_path):
    text, _ = _export_with_bad_lines(300)
    path = tmp_path / "umfrage.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FeedbackFormatError, match=r"umfrage\.csv, line 4: expected 4 fields"):
        el.read_feedback(path, strict=True)


def test_multiline_quoted_fields_keep_line_numbers_in_both_engines():
    text = (
        "id,text,score\n"
        '1,"first line\nsecond line",4\n'
        "\n"
        '2,"comma, inside",5\n'
        '3,"quote ""inside"" and\n\nblank line inside",1\n'
        "4,plain,3\n"
    )
    from empathylab.io.delimited import parse_delimited

    fast = parse_delimited(text, source="t.csv")
    slow = parse_delimited(text, source="t.csv", engine="python")
    assert fast.frame.index.tolist() == slow.frame.index.tolist() == [2, 5, 6, 9]
    pd.testing.assert_frame_equal(fast.frame, slow.frame, check_dtype=False)
    assert fast.frame.loc[6, "text"] == 'quote "inside" and\n\nblank line inside'
    assert fast.blank_lines == slow.blank_lines == 1


def test_preamble_sep_hint_and_blank_lines_are_not_rows():
    text = (
        "sep=;\nKundenfeedback Export 2026\n\nDatum;Kommentar\n01.10.2026;gut\n\n;\n02.10.2026;ok\n"
    )
    df = _read(text.encode())
    report = df.attrs["load_report"]
    assert report.rows_read == 2
    assert report.preamble_lines == 2  # the sep=; hint and the title
    assert report.blank_lines == 3
    assert df["source_line"].tolist() == [5, 8]


def test_tsv_and_comma_with_english_dates_and_dot_decimals():
    tsv = "Date\tComment\tScore\n2026-11-22\tGreat service\t4.5\n2026-11-23\tSlow reply\t2\n"
    df = _read(tsv.encode())
    assert df.attrs["load_report"].delimiter == "\t"
    assert df["rating"].tolist() == [4.5, 2.0]
    csv_text = 'Date,Comment,NPS\n11/02/2026,"Fast, friendly",9\n11/23/2026,Rude agent,2\n'
    df = _read(csv_text.encode())
    assert df["timestamp"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-02", "2026-11-23"]


def test_headerless_file_gets_numbered_columns_and_a_guessed_text_column():
    text = (
        "http://example.org/a\tDie Bahn war wieder zu spät und keiner hat es angesagt\ttrue\n"
        "http://example.org/b\tKlimaanlage defekt, im Zug waren es 35 Grad\ttrue\n"
    )
    df = _read(text.encode())
    report = df.attrs["load_report"]
    assert report.rows_read == 2
    assert set(report.warnings["kind"]) >= {"no_header", "guessed_column"}
    assert df["text"].iloc[1].startswith("Klimaanlage")


def test_trailing_empty_fields_left_out_by_convention_are_padded():
    rows = ["a\tb\tc\tlabel"] + [f"{i}\ttext {i}\tx" + ("\ty" if i % 2 else "") for i in range(20)]
    df = _read(("\n".join(rows) + "\n").encode(), columns={"text": "b"})
    report = df.attrs["load_report"]
    assert report.rows_loaded == 20
    assert "short_rows" in set(report.warnings["kind"])
    assert df["label"].isna().sum() == 10


def test_scores_out_of_range_and_invalid_are_reported_not_lost():
    text = "Kommentar;NPS;CSAT\nA;11;5\nB;abc;3\nC;7;9\nD;;\n"
    df = _read(text.encode())
    report = df.attrs["load_report"]
    assert df["nps"].isna().tolist() == [True, True, False, True]
    assert df["csat"].isna().tolist() == [False, False, True, True]
    kinds = report.warnings.set_index(["kind", "column"])["lines"]
    assert kinds[("out_of_range", "NPS")] == [2]
    assert kinds[("invalid_value", "NPS")] == [3]
    assert kinds[("out_of_range", "CSAT")] == [4]
    assert report.rows_loaded == 4


def test_score_ranges_can_be_overridden():
    df = _read(b"Comment;Rating\nok;8\n", score_ranges={"rating": (1, 10)})
    assert df["rating"].tolist() == [8.0]


def test_duplicate_ids_and_empty_texts_are_warnings():
    text = "ID;Kommentar;NPS\n1;gut;9\n1;schlecht;2\n2;;8\n"
    df = _read(text.encode())
    report = df.attrs["load_report"]
    warn = report.warnings.set_index("kind")
    assert warn.loc["duplicate_id", "count"] == 2
    assert warn.loc["empty_text", "lines"] == [4]
    assert len(df) == 3 and df["nps"].tolist() == [9.0, 2.0, 8.0]


def test_columns_override_and_errors():
    text = "Freitext;Note;Kommentar intern\nsuper Service;1;x\n"
    df = _read(text.encode(), columns={"text": "Freitext", "rating": None})
    assert df["text"].tolist() == ["super Service"]
    assert df["rating"].isna().all()
    with pytest.raises(FeedbackFormatError, match="did you mean 'Freitext'"):
        _read(text.encode(), columns={"text": "Freitxt"})
    with pytest.raises(FeedbackFormatError, match="`columns` keys must be canonical"):
        _read(text.encode(), columns={"txt": "Freitext"})


def test_no_text_column_is_a_clear_error():
    with pytest.raises(FeedbackFormatError, match="no column with the feedback text"):
        _read(b"a;b\n1;2\n3;4\n")


def test_empty_file_is_a_clear_error(tmp_path):
    path = tmp_path / "leer.csv"
    path.write_bytes(b"")
    with pytest.raises(FeedbackFormatError, match=r"leer\.csv: the file is empty"):
        el.read_feedback(path)


def test_roles_are_normalised_and_unknown_ones_reported():
    text = "Absender;Nachricht\nKunde;Wo bleibt mein Paket?\nMitarbeiter;Wir prüfen das.\n"
    text += "Chatbot;Ich leite Sie weiter.\nMarsmensch;???\n"
    df = _read(text.encode())
    assert df["author_role"].tolist()[:3] == ["customer", "agent", "bot"]
    assert pd.isna(df["author_role"].iloc[3])
    assert "unknown_value" in set(df.attrs["load_report"].warnings["kind"])


def test_language_values_normalised():
    df = _read(b"Kommentar;Sprache\nok;Deutsch\nfine;en-GB\n")
    assert df["language"].tolist() == ["de", "en"]


def test_load_report_views():
    df = _read(GERMAN_EXPORT.encode("cp1252"))
    report = df.attrs["load_report"]
    assert "3 rows read" in repr(report)
    assert "<table" in report._repr_html_()
    assert "| item | value |" in report.to_markdown()
    summary = report.summary
    assert summary.set_index("item").loc["rows_loaded", "value"] == "3"


def test_epoch_times_are_utc():
    df = _read(b"Kommentar;Zeitstempel\nok;1700000000000\nfine;1700003600000\n")
    assert str(df["timestamp"].dt.tz) == "UTC"
    assert df["timestamp"].iloc[0] == pd.Timestamp("2023-11-14 22:13:20", tz="UTC")
