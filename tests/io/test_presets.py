"""Vendor presets: each export auto-detects to its own preset and maps onto the canonical schema.

The fixtures under ``fixtures/presets/`` are small hand-written exports in the
vendors' layouts (German and English content); the expected values below are
read off those files by hand.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import empathylab as el
from empathylab import DataQualityWarning, FeedbackFormatError
from empathylab.io.presets import PRESETS, detect_preset, list_presets
from empathylab.io.presets._common import (
    channel_from_via,
    join_title_body,
    lookup_labels,
    strip_html,
)
from empathylab.io.presets._survey import CSAT_LABELS
from empathylab.io.presets.qualtrics import header_rows as qualtrics_header_rows
from empathylab.io.presets.surveymonkey import header_rows as surveymonkey_header_rows
from empathylab.io.schema import CANONICAL_COLUMNS
from empathylab.io.sources import open_source
from empathylab.io.tables import read_table

FIXTURES = Path(__file__).parent / "fixtures" / "presets"
UTC = "UTC"

# fixture -> preset it must be detected as
EXPECTED_PRESET = {
    "zendesk_tickets.csv": "zendesk",
    "zendesk_comments.json": "zendesk",
    "zendesk_ticket_events.json": "zendesk",
    "intercom_conversations.csv": "intercom",
    "intercom_conversation.json": "intercom",
    "qualtrics_export.csv": "qualtrics",
    "qualtrics_numeric.csv": "qualtrics",
    "surveymonkey_export.csv": "surveymonkey",
    "typeform_export.csv": "typeform",
    "trustpilot_reviews.csv": "trustpilot",
    "google_play_reviews.csv": "google_play",
    "app_store_reviews.csv": "app_store",
    "app_store_scraper.json": "app_store",
    "app_store_connect.json": "app_store",
}

GERMAN_SURVEY = (
    "Datum;Kundennummer;Kanal;Kontaktpunkt;Kommentar;NPS;Zufriedenheit\r\n"
    "22.11.2026 14:35;00481;E-Mail;Lieferung;Paket kam zwei Tage zu spät;3;2\r\n"
    "23.11.2026 09:02;00482;Telefon;Hotline;Sehr kulant, danke!;10;5\r\n"
)


def _read(source: object, **kwargs: object) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        return el.read_feedback(source, **kwargs)


def _kinds(df: pd.DataFrame) -> list[str]:
    return df.attrs["load_report"].warnings["kind"].tolist()


def _warning(df: pd.DataFrame, kind: str) -> pd.Series:
    table = df.attrs["load_report"].warnings
    return table[table["kind"] == kind].iloc[0]


def _utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=UTC)


def _values(series: pd.Series) -> list[object]:
    """Values with every kind of missing value as None (for exact list comparisons)."""
    return [None if pd.isna(v) else v for v in series.tolist()]


def _check_report(df: pd.DataFrame, preset: str, rows: int) -> None:
    report = df.attrs["load_report"]
    assert report.preset == preset
    assert report.rows_read == report.rows_loaded + len(report.quarantined)
    assert report.rows_loaded == len(df) == rows
    assert list(df.columns[: len(CANONICAL_COLUMNS)]) == list(CANONICAL_COLUMNS)


# --- registry and detection -----------------------------------------------------------------


def test_list_presets_lists_every_vendor():
    table = list_presets()
    names = table["preset"].tolist()
    assert set(EXPECTED_PRESET.values()) | {"twitter", "generic"} == set(names)
    assert names[-1] == "generic"
    vendors = table[table["preset"] != "generic"]
    assert (vendors["signature"].str.len() > 0).all()
    assert (table["description"].str.len() > 20).all()
    assert "Qualtrics" in table.set_index("preset").loc["qualtrics", "description"]


@pytest.mark.parametrize("name", sorted(EXPECTED_PRESET))
def test_fixture_detected_as_its_preset_and_same_when_named(name):
    path = FIXTURES / name
    auto = _read(path)
    named = _read(path, preset=EXPECTED_PRESET[name])
    assert auto.attrs["load_report"].preset == EXPECTED_PRESET[name]
    pd.testing.assert_frame_equal(auto, named)
    report = auto.attrs["load_report"]
    assert report.rows_read == report.rows_loaded + len(report.quarantined)
    assert report.n_quarantined == 0
    # every record is kept, once (the Intercom JSON adds one row per message of its thread)
    lines = auto["source_line"].nunique()
    assert lines == (1 if name == "intercom_conversation.json" else len(auto))
    assert not (auto["text"].astype("string").str.strip() == "").any()


@pytest.mark.parametrize("name", sorted(EXPECTED_PRESET))
def test_no_other_preset_claims_the_fixture(name):
    (raw,) = open_source(FIXTURES / name)
    fmt = {".csv": "csv", ".json": "json"}[Path(name).suffix]
    columns = list(read_table(raw, fmt).frame.columns)
    claims = {p.name for p in PRESETS.values() if p.match_score(columns) > 0}
    assert claims == {EXPECTED_PRESET[name]}


@pytest.mark.parametrize("preset", sorted(set(EXPECTED_PRESET.values()) | {"twitter"}))
def test_each_signature_detects_its_own_preset(preset):
    assert detect_preset(list(PRESETS[preset].signature)).name == preset


def test_plain_german_survey_stays_generic():
    df = _read(io.BytesIO(GERMAN_SURVEY.encode("cp1252")))
    _check_report(df, "generic", 2)
    assert df["nps"].tolist() == [3.0, 10.0]


def test_plain_english_review_table_stays_generic():
    text = "Date,Customer ID,Title,Comment,Rating,Country,Version\n"
    text += "2026-11-22,C1,Nice,Fast delivery and friendly staff,5,DE,2\n"
    df = _read(io.StringIO(text))
    assert df.attrs["load_report"].preset == "generic"
    assert df["text"].tolist() == ["Fast delivery and friendly staff"]


def test_unknown_preset_name_lists_the_known_ones():
    with pytest.raises(FeedbackFormatError, match=r"one of \[.*'qualtrics'.*\], but 'qualtrix'"):
        el.read_feedback(FIXTURES / "qualtrics_export.csv", preset="qualtrix")


def test_override_naming_a_missing_column_fails_with_suggestion():
    with pytest.raises(FeedbackFormatError, match="'Review Contnt'.*not found.*Review Content"):
        el.read_feedback(FIXTURES / "trustpilot_reviews.csv", columns={"text": "Review Contnt"})


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED_PRESET if n.endswith(".csv")))
def test_export_without_responses_gives_empty_frame(name):
    data = (FIXTURES / name).read_bytes()
    text = data.decode("utf-16" if data[:2] == b"\xff\xfe" else "utf-8")
    n_header = {"qualtrics": 3, "surveymonkey": 2}.get(EXPECTED_PRESET[name], 1)
    head = "\n".join(text.splitlines()[:n_header]) + "\n"
    df = _read(io.StringIO(head))
    _check_report(df, EXPECTED_PRESET[name], 0)


# --- Zendesk --------------------------------------------------------------------------------


def test_zendesk_ticket_csv():
    df = _read(FIXTURES / "zendesk_tickets.csv")
    _check_report(df, "zendesk", 5)
    ids = ["4711", "4712", "4713", "4714", "4715"]
    assert df["feedback_id"].tolist() == ids
    assert df["conversation_id"].tolist() == ids
    assert df["customer_id"].tolist()[:2] == ["361234567890", "361234567891"]
    assert _values(df["agent_id"]) == [
        "Jonas Weber",
        "Sarah Klein",
        "Jonas Weber",
        None,
        "Sarah Klein",
    ]
    # Good -> 5, Bad -> 1, Offered / Unoffered -> empty, and no warning for them
    assert _values(df["csat"]) == [5.0, 1.0, None, None, 5.0]
    assert df.attrs["load_report"].warnings.empty
    assert df["channel"].tolist() == ["web", "email", "phone", "app", "chat"]
    assert (df["author_role"] == "customer").all()
    assert df["timestamp"].iloc[0] == _utc("2026-11-22 13:35:10")  # +0100 in the file
    assert df["text"].iloc[0].startswith("Hallo, mein Paket (Bestellung 55120) ist seit")
    assert df["text"].iloc[1].endswith("payments,\nand tell me when I can expect the money back.")
    assert df["source_line"].tolist() == [2, 3, 5, 6, 7]  # ticket 4712 spans lines 3-4
    assert df["Satisfaction Score"].tolist()[:3] == ["Good", "Bad", "Offered"]
    assert df["Subject"].iloc[2] == "Rücksendung"


def test_zendesk_unknown_satisfaction_is_reported_and_numbers_are_kept():
    text = (
        "Id,Requester id,Subject,Description,Via,Created at,Satisfaction Score\n"
        "1,10,Frage,Wo ist mein Paket?,Mail,2026-11-22 10:00:00,Not sure\n"
        "2,11,Lob,Alles super!,Mail,2026-11-22 11:00:00,4\n"
        "3,12,Frage,Wann kommt die Rechnung?,Mail,2026-11-22 12:00:00,GoodWithComment\n"
    )
    with pytest.warns(DataQualityWarning, match="1 data-quality warning"):
        df = el.read_feedback(io.StringIO(text))
    assert df.attrs["load_report"].preset == "zendesk"
    assert _values(df["csat"]) == [None, 4.0, 5.0]
    found = _warning(df, "unknown_value")
    assert found["column"] == "Satisfaction Score"
    assert found["lines"] == [2]
    assert "'Not sure'" in found["message"]


def test_zendesk_comments_json_infers_requester_from_first_comment():
    df = _read(FIXTURES / "zendesk_comments.json")
    _check_report(df, "zendesk", 6)
    assert df["feedback_id"].tolist() == ["90011", "90012", "90013", "90014", "90021", "90022"]
    assert df["conversation_id"].tolist() == ["4711"] * 4 + ["4712"] * 2
    roles = ["customer", "agent", "agent", "customer", "customer", "agent"]
    assert df["author_role"].tolist() == roles
    customer = df["author_role"] == "customer"
    assert df.loc[customer, "customer_id"].tolist() == ["361234567890"] * 2 + ["361234567891"]
    assert df.loc[customer, "agent_id"].isna().all()
    assert df.loc[~customer, "agent_id"].tolist() == ["372000000101"] * 2 + ["372000000102"]
    assert df.loc[~customer, "customer_id"].isna().all()
    assert df["text"].iloc[3] == "Vielen Dank, das Paket ist heute angekommen!"
    assert df["text"].iloc[4].startswith("I was charged twice")
    assert df["channel"].tolist() == ["web", "web", "web", "email", "email", "web"]
    assert df["timestamp"].iloc[1] == _utc("2026-11-22 14:05:00")
    assert _kinds(df) == ["inferred_role"]
    assert df["public"].tolist() == [True, True, False, True, True, True]  # 3rd: internal note


def test_zendesk_comments_requester_id_decides_the_role(tmp_path):
    data = json.loads((FIXTURES / "zendesk_comments.json").read_text(encoding="utf-8"))
    comments = data["comments"][1:4]  # the ticket now starts with the agent's comment
    for comment in comments:
        comment["requester_id"] = 361234567890
    path = tmp_path / "comments.json"
    path.write_text(json.dumps({"comments": comments}), encoding="utf-8")
    df = _read(path)
    assert df["author_role"].tolist() == ["agent", "agent", "customer"]
    assert "inferred_role" not in _kinds(df)


def test_zendesk_role_field_and_html_body(tmp_path):
    lines = [
        {
            "id": 1,
            "ticket_id": 7,
            "author": {"id": "55", "role": "end-user"},
            "html_body": "<p>Hallo &amp; guten Tag,</p><p>mein Z&auml;hler ist kaputt.</p>",
            "public": True,
            "created_at": "2026-11-22T08:00:00Z",
        },
        {
            "id": 2,
            "ticket_id": 7,
            "author": {"id": "A9", "role": "agent"},
            "html_body": "<div>Wir schicken morgen einen Techniker.<br/>Viele Grüße</div>",
            "public": True,
            "created_at": "2026-11-22T09:00:00Z",
        },
    ]
    path = tmp_path / "comments.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    df = _read(path, preset="zendesk")
    assert df["author_role"].tolist() == ["customer", "agent"]
    assert df["text"].tolist() == [
        "Hallo & guten Tag,\nmein Zähler ist kaputt.",
        "Wir schicken morgen einen Techniker.\nViele Grüße",
    ]
    assert _values(df["customer_id"]) == ["55", None]
    assert _values(df["agent_id"]) == [None, "A9"]
    assert df["conversation_id"].tolist() == ["7", "7"]


def test_zendesk_ticket_events_take_the_comment_of_each_event():
    df = _read(FIXTURES / "zendesk_ticket_events.json")
    _check_report(df, "zendesk", 3)  # the event without a comment is kept
    assert _values(df["author_role"]) == ["customer", None, "agent"]
    assert df["text"].iloc[0] == "Die Rechnung für November ist doppelt so hoch wie sonst. Warum?"
    assert pd.isna(df["text"].iloc[1])
    assert df["conversation_id"].tolist() == ["4716"] * 3
    assert df["timestamp"].tolist()[0] == _utc("2026-11-23 12:35:00")
    assert df["timestamp_original"].tolist()[0] == 1795437300
    assert _values(df["customer_id"]) == ["361234567895", None, None]
    assert df["channel"].tolist() == ["email", "web", "web"]
    empty = _warning(df, "empty_text")
    assert empty["lines"] == [2]


# --- Intercom -------------------------------------------------------------------------------


def test_intercom_conversations_csv():
    df = _read(FIXTURES / "intercom_conversations.csv")
    _check_report(df, "intercom", 4)
    assert df["feedback_id"].tolist() == df["conversation_id"].tolist()
    assert df["conversation_id"].iloc[0] == "215468843001"
    assert df["text"].tolist() == [
        "Hallo, wo bleibt meine Bestellung 55120?\nViele Grüße",
        "I was charged twice for my subscription & nobody replies.",
        "Kann ich meinen Tarif online wechseln?",
        "Danke, der Bot hat mir direkt weitergeholfen.",
    ]
    assert _values(df["csat"]) == [5.0, 2.0, None, 5.0]  # 5, "Bad", empty, the 🤩 emoji
    assert _values(df["remark"]) == [
        "Super schnelle Hilfe!",
        "Took two days to get an answer.",
        None,
        None,
    ]
    assert df["channel"].tolist() == ["chat", "email", "chat", "chat"]
    assert df["customer_id"].tolist() == ["cus_1001", "cus_1002", "cus_1003", "cus_1004"]
    assert df["timestamp"].iloc[1] == _utc("2026-11-22 16:02:45")
    assert df["First message"].iloc[0].startswith("<p>")  # the vendor column is kept


def test_intercom_conversation_json_one_row_per_message():
    df = _read(FIXTURES / "intercom_conversation.json")
    _check_report(df, "intercom", 4)  # opening message + 3 parts with a body
    assert df["feedback_id"].tolist() == ["2021764520", "30001", "30003", "30004"]
    assert df["conversation_id"].unique().tolist() == ["215468843001"]
    assert df["author_role"].tolist() == ["customer", "bot", "agent", "customer"]
    assert df["part_type"].tolist() == ["source", "comment", "comment", "comment"]
    assert df["source_line"].tolist() == [1, 1, 1, 1]
    assert df["text"].tolist() == [
        "Hallo, wo bleibt meine Bestellung 55120?\nSie sollte schon am Montag da sein.",
        "Hi! Ich bin Fin, der KI-Assistent. Ich schaue mir Ihre Bestellung an.",
        "Liebe Frau Becker,\ndas tut mir leid! Die Sendung hängt im Verteilzentrum, sie kommt "
        "morgen.",
        "Super, danke für die schnelle Antwort!",
    ]
    assert _values(df["csat"]) == [5.0, None, None, None]
    assert _values(df["remark"]) == ["Super schnelle Hilfe!", None, None, None]
    user = "64f1c2a9e1b2c3d4e5f60718"
    assert _values(df["customer_id"]) == [user, None, None, user]
    assert _values(df["agent_id"]) == [None, "6120001", "5017801", None]
    assert df["timestamp"].tolist() == [
        _utc("2026-11-22 13:35:10"),
        _utc("2026-11-22 13:35:30"),
        _utc("2026-11-22 13:45:00"),
        _utc("2026-11-22 13:50:00"),
    ]
    assert (df["channel"] == "chat").all()


def test_intercom_several_conversations_keep_their_order(tmp_path):
    first = json.loads((FIXTURES / "intercom_conversation.json").read_text(encoding="utf-8"))
    second = json.loads(json.dumps(first))
    second["id"] = "215468843999"
    second["source"]["id"] = "2021769999"
    second["source"]["body"] = "<p>Is there a student discount?</p>"
    del second["conversation_parts"]["conversation_parts"][1:]
    second["conversation_rating"] = None
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps({"type": "conversation.list", "conversations": [first, second]}))
    df = _read(path)
    assert df["conversation_id"].tolist() == ["215468843001"] * 4 + ["215468843999"] * 2
    assert df["source_line"].tolist() == [1, 1, 1, 1, 2, 2]
    assert df["text"].iloc[4] == "Is there a student discount?"
    assert _values(df["csat"]) == [5.0] + [None] * 5


# --- Qualtrics ------------------------------------------------------------------------------


def test_qualtrics_choice_text_export():
    df = _read(FIXTURES / "qualtrics_export.csv")
    _check_report(df, "qualtrics", 5)
    report = df.attrs["load_report"]
    assert report.header_lines == 3  # question texts and import ids are not rows
    assert df["source_line"].tolist() == [4, 5, 6, 7, 8]
    assert df["feedback_id"].iloc[0] == "R_1a2B3c4D5e6F7g8"
    assert _values(df["nps"]) == [10.0, 3.0, 8.0, 0.0, 9.0]
    assert _values(df["csat"]) == [5.0, 2.0, 4.0, 3.0, None]  # Likert labels translated
    assert _values(df["ces"]) == [7.0, 2.0, 5.0, 4.0, None]
    assert df["text"].iloc[0].startswith("Die Mitarbeiterin am Telefon war sehr freundlich")
    assert df["text"].iloc[2] == (
        "Good service overall, but the customer portal keeps logging me out."
    )
    assert df["language"].tolist() == ["de", "de", "en", "de", "de"]
    assert df["customer_id"].iloc[1] == "K-10057"
    assert (df["channel"] == "survey").all()
    # RecordedDate in the export's time zone (Europe/Berlin, CET) -> UTC
    assert df["timestamp"].iloc[0] == _utc("2026-11-20 08:17:09")
    assert df["Q1_NPS_GROUP"].tolist()[:3] == ["Promoter", "Detractor", "Passive"]
    assert df["Q5_4_TEXT"].iloc[1] == "Brief"
    assert _warning(df, "test_response")["lines"] == [7]
    assert _warning(df, "empty_text")["lines"] == [8]
    assert report.columns["nps"] == "nps" and report.columns["feedback_id"] == "ResponseId"


def test_qualtrics_numeric_export_with_text_fallback():
    df = _read(FIXTURES / "qualtrics_numeric.csv")
    _check_report(df, "qualtrics", 3)
    assert df["nps"].tolist() == [9.0, 4.0, 7.0]
    assert df["csat"].tolist() == [5.0, 2.0, 4.0]
    assert df["ces"].isna().all()
    # no question asks for a comment: the _TEXT column with the longest answers
    assert df["text"].tolist() == df["Q3_TEXT"].tolist()
    assert df["NPS_NPS_GROUP"].tolist() == [3, 1, 2]  # the category, not a score
    assert df["timestamp"].iloc[0] == _utc("2026-11-22 14:03:00")  # America/New_York, EST
    assert df["language"].tolist() == ["en", "en", "de"]
    assert df.attrs["load_report"].warnings.empty


def test_qualtrics_excel_export(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    with open(FIXTURES / "qualtrics_export.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "qualtrics.xlsx"
    book.save(path)
    df = _read(path)
    _check_report(df, "qualtrics", 5)
    assert df.attrs["load_report"].header_lines == 3
    assert _values(df["nps"]) == [10.0, 3.0, 8.0, 0.0, 9.0]
    assert df["text"].iloc[1].startswith("Seit drei Wochen warte ich")


def test_qualtrics_named_nps_column_without_question_rows():
    text = (
        "StartDate,EndDate,Status,ResponseId,Finished,Q_NPS,Q2_TEXT\n"
        "2026-11-22 10:00:00,2026-11-22 10:02:00,IP Address,R_1,True,9,Alles bestens.\n"
        "2026-11-22 11:00:00,2026-11-22 11:04:00,IP Address,R_2,True,2,Viel zu teuer.\n"
    )
    df = _read(io.StringIO(text))
    _check_report(df, "qualtrics", 2)
    assert df.attrs["load_report"].header_lines == 1
    assert df["nps"].tolist() == [9.0, 2.0]
    assert df["text"].tolist() == ["Alles bestens.", "Viel zu teuer."]
    assert df["timestamp"].iloc[0] == pd.Timestamp("2026-11-22 10:02:00")  # no zone known


def test_qualtrics_header_rows():
    raw = pd.DataFrame(
        {
            "StartDate": ["Start Date", '{"ImportId":"startDate"}', "2026-11-20"],
            "Status": ["Response Type", '{"ImportId":"status"}', "IP Address"],
            "Q1": ["Wie zufrieden?", '{"ImportId":"QID1"}', "5"],
        }
    )
    assert qualtrics_header_rows(raw) == 2
    assert qualtrics_header_rows(raw.iloc[[0, 2]]) == 1  # older two-row exports
    assert qualtrics_header_rows(raw.iloc[[2]]) == 0


# --- SurveyMonkey ---------------------------------------------------------------------------


def _check_surveymonkey(df: pd.DataFrame) -> None:
    _check_report(df, "surveymonkey", 4)
    assert df.attrs["load_report"].header_lines == 2
    assert df["feedback_id"].tolist()[0] == "114325167890"
    assert df["nps"].tolist() == [10.0, 2.0, 7.0, 9.0]
    assert _values(df["csat"]) == [5.0, 2.0, 4.0, None]
    assert _values(df["text"]) == [
        "Nichts, die Beraterin hat mir super geholfen.",
        "Die Hotline war 40 Minuten besetzt, als meine Karte gestohlen wurde. Das geht gar nicht.",
        "The new online banking app is fine but the login with the TAN generator is clumsy.",
        None,
    ]
    assert _values(df["customer_id"]) == [
        "anna.becker@example.de",
        "p.schulz@example.de",
        None,
        None,
    ]
    assert (df["channel"] == "survey").all()
    topic = "Zu welchen Themen hatten Sie Kontakt mit uns?"
    assert _values(df[f"{topic} - Karte"]) == [None, "Karte", None, None]
    assert _values(df[f"{topic} - Other (please specify)"])[1] == "Kartensperre dauerte zu lange"


def test_surveymonkey_csv_export():
    df = _read(FIXTURES / "surveymonkey_export.csv")
    _check_surveymonkey(df)
    assert df["source_line"].tolist() == [3, 4, 5, 6]
    assert df["timestamp"].iloc[0] == pd.Timestamp("2026-11-22 14:38:55")  # 02:38:55 PM
    assert _warning(df, "empty_text")["lines"] == [6]


def test_surveymonkey_xlsx_export(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    with open(FIXTURES / "surveymonkey_export.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([cell if cell else None for cell in row])
    path = tmp_path / "surveymonkey.xlsx"
    book.save(path)
    _check_surveymonkey(_read(path))


def test_surveymonkey_header_rows():
    raw = pd.DataFrame(
        {
            "Respondent ID": ["", "1"],
            "Start Date": ["", "x"],
            "Kommentar": ["Open-Ended Response", "y"],
        }
    )
    assert surveymonkey_header_rows(raw) == 1
    assert surveymonkey_header_rows(raw.iloc[[1]]) == 0


def test_surveymonkey_standard_nps_question_as_header():
    question = "How likely is it that you would recommend this company to a friend or colleague?"
    text = (
        f'Respondent ID,Collector ID,Start Date,End Date,IP Address,"{question}",Comments\n'
        ",,,,,Response,Open-Ended Response\n"
        "1,2,11/22/2026 02:35:10 PM,11/22/2026 02:38:55 PM,192.0.2.1,9,Great service!\n"
    )
    df = _read(io.StringIO(text))
    assert df.attrs["load_report"].preset == "surveymonkey"
    assert df["nps"].tolist() == [9.0]


# --- Typeform -------------------------------------------------------------------------------


def test_typeform_export():
    df = _read(FIXTURES / "typeform_export.csv")
    _check_report(df, "typeform", 4)
    assert df["feedback_id"].iloc[0] == "0f2f8ha2c7u3wbm0f2f8oqzavr5ai6ia"
    assert df["nps"].tolist() == [10.0, 4.0, 8.0, 9.0]
    assert _values(df["rating"]) == [5.0, 2.0, 4.0, None]  # "Wie bewerten Sie ...?" 1-5
    assert _values(df["text"]) == [
        "Schnelle Lieferung und der Support hat sofort geantwortet.",
        "The parcel arrived damaged and the return label did not work.",
        "Gute Preise. Die Website könnte übersichtlicher sein.",
        None,
    ]
    # the partial response has no submit date: its stage date
    assert df["timestamp"].tolist() == [
        _utc("2026-11-22 14:31:40"),
        _utc("2026-11-22 16:07:55"),
        _utc("2026-11-23 08:47:30"),
        _utc("2026-11-23 12:00:40"),
    ]
    assert df["customer_id"].tolist() == ["100234", "100235", "100236", "100237"]  # kundennr
    assert (df["channel"] == "survey").all()
    assert df["Response Type"].tolist()[-1] == "partial"


def test_typeform_override_text_column():
    question = "Wie sind Sie auf uns aufmerksam geworden?"
    df = _read(FIXTURES / "typeform_export.csv", columns={"text": question})
    assert _values(df["text"]) == ["Instagram", "Google", "Freunde", None]
    assert df.attrs["load_report"].columns["text"] == question
    assert df["nps"].tolist() == [10.0, 4.0, 8.0, 9.0]  # the rest is still found


# --- Trustpilot -----------------------------------------------------------------------------


def test_trustpilot_reviews():
    df = _read(FIXTURES / "trustpilot_reviews.csv")
    _check_report(df, "trustpilot", 4)
    assert df["text"].tolist() == [
        "Sehr schnelle Lieferung. Bestellt am Montag, am Dienstag war alles da. Gerne wieder!",
        "Never again! Waited 3 weeks for a refund, customer service does not answer emails.",
        "Ware gut Versand langsam. Die Qualität ist top aber der Versand hat eine Woche gedauert",
        "Alles bestens.",
    ]
    assert df["rating"].tolist() == [5.0, 1.0, 3.0, 4.0]
    assert df["language"].tolist() == ["de", "en", "de", "de"]
    assert df["feedback_id"].iloc[0] == "6740a1b2c3d4e5f6a7b8c9d0"
    assert df["customer_id"].iloc[1] == "5f8e7d6c5b4a39281706f5e5"
    assert df["timestamp"].iloc[0] == _utc("2026-11-22 14:35:10")
    assert (df["channel"] == "review").all()
    assert _values(df["reply_text"]) == [
        "Vielen Dank für Ihre tolle Bewertung!",
        "We are sorry to hear that. Please send us your order number so we can check the refund.",
        None,
        None,
    ]
    assert _values(df["reply_timestamp"]) == [
        _utc("2026-11-23 08:02:00"),
        _utc("2026-11-24 09:15:00"),
        None,
        None,
    ]
    assert df["Review Title"].iloc[0] == "Sehr schnelle Lieferung"  # vendor columns kept


def test_trustpilot_override_text_column():
    df = _read(FIXTURES / "trustpilot_reviews.csv", columns={"text": "Review Content"})
    assert df["text"].iloc[0] == "Bestellt am Montag, am Dienstag war alles da. Gerne wieder!"
    assert df.attrs["load_report"].columns["text"] == "Review Content"


def test_trustpilot_bad_reply_date_is_reported():
    text = (
        "Review Created (UTC),Review Title,Review Content,Review Stars,"
        "Company Reply Date (UTC),Company Reply Content\n"
        "2026-11-22 10:00:00,Gut,Schnell da.,5,gestern,Danke!\n"
    )
    with pytest.warns(DataQualityWarning):
        df = el.read_feedback(io.StringIO(text))
    assert df["reply_timestamp"].isna().all()
    found = _warning(df, "invalid_value")
    assert found["column"] == "Company Reply Date (UTC)" and found["lines"] == [2]


def test_trustpilot_api_json():
    reviews = {
        "reviews": [
            {
                "id": "6740a1b2",
                "stars": 2,
                "title": "Zu langsam",
                "text": "Lieferung hat 10 Tage gedauert.",
                "language": "de",
                "createdAt": "2026-11-22T14:35:10Z",
                "consumer": {"id": "5f8e", "displayName": "Anna B."},
                "companyReply": {"text": "Das tut uns leid!", "createdAt": "2026-11-23T08:00:00Z"},
            },
            {
                "id": "6740a1b3",
                "stars": 5,
                "title": "Great",
                "text": "Fast and friendly.",
                "language": "en",
                "createdAt": "2026-11-22T18:00:00Z",
                "consumer": {"id": "5f8f", "displayName": "Tom"},
            },
        ]
    }
    df = _read(io.BytesIO(json.dumps(reviews).encode()), format="json")
    _check_report(df, "trustpilot", 2)
    assert df["text"].tolist() == [
        "Zu langsam. Lieferung hat 10 Tage gedauert.",
        "Great. Fast and friendly.",
    ]
    assert df["text_original"].tolist() == ["Lieferung hat 10 Tage gedauert.", "Fast and friendly."]
    assert df["rating"].tolist() == [2.0, 5.0]
    assert df["customer_id"].tolist() == ["5f8e", "5f8f"]
    assert _values(df["reply_text"]) == ["Das tut uns leid!", None]
    assert _values(df["reply_timestamp"]) == [_utc("2026-11-23 08:00:00"), None]


# --- Google Play ----------------------------------------------------------------------------


def _check_google_play(df: pd.DataFrame) -> None:
    _check_report(df, "google_play", 3)
    assert df["feedback_id"].tolist() == [
        "gp:AOqpTOGx1c2d3e4f5g6h7i8j9k0",
        "gp:AOqpTOHz9y8x7w6v5u4t3s2r1q0",
        "google_play_reviews.csv:4",  # a rating without text has no link
    ]
    assert _values(df["text"]) == [
        "App stürzt seit dem Update beim Öffnen der Rechnung ab, bitte schnell beheben.",
        "Great app. Meter reading by photo works perfectly.",
        None,
    ]
    assert df["rating"].tolist() == [1.0, 5.0, 4.0]
    assert df["language"].tolist() == ["de", "en", "de"]
    assert df["timestamp"].iloc[1] == _utc("2026-11-22 20:10:00")
    assert (df["channel"] == "app").all()
    assert df["customer_id"].isna().all()
    assert _values(df["reply_text"])[0].startswith("Das tut uns leid!")
    assert _values(df["reply_timestamp"]) == [_utc("2026-11-23 08:02:00"), None, None]
    assert df["Device"].tolist() == ["a52q", "OnePlus8T", "starqlte"]


def test_google_play_utf16_csv():
    df = _read(FIXTURES / "google_play_reviews.csv")
    assert df.attrs["load_report"].encoding.replace("-", "").startswith("utf16")
    _check_google_play(df)


def test_google_play_utf16_without_bom(tmp_path):
    data = (FIXTURES / "google_play_reviews.csv").read_bytes()
    assert data[:2] == b"\xff\xfe"
    path = tmp_path / "google_play_reviews.csv"
    path.write_bytes(data[2:])
    _check_google_play(_read(path))


def test_google_play_scraper_json():
    reviews = [
        {
            "reviewId": "gp:AOqp1",
            "userName": "Max M.",
            "userImage": "https://play-lh.googleusercontent.com/a/x",
            "content": "Stürzt ständig ab.",
            "score": 1,
            "thumbsUpCount": 3,
            "reviewCreatedVersion": "4.12.0",
            "at": "2026-11-22 14:35:10",
            "replyContent": "Sorry! Version 4.12.1 behebt das.",
            "repliedAt": "2026-11-23 08:00:00",
            "appVersion": "4.12.0",
        },
        {
            "reviewId": "gp:AOqp2",
            "userName": "Eva",
            "userImage": "https://play-lh.googleusercontent.com/a/y",
            "content": "Super App",
            "score": 5,
            "thumbsUpCount": 0,
            "reviewCreatedVersion": None,
            "at": "2026-11-22 18:00:00",
            "replyContent": None,
            "repliedAt": None,
            "appVersion": None,
        },
    ]
    df = _read(io.BytesIO(json.dumps(reviews).encode()), format="json")
    _check_report(df, "google_play", 2)
    assert df["feedback_id"].tolist() == ["gp:AOqp1", "gp:AOqp2"]
    assert df["text"].tolist() == ["Stürzt ständig ab.", "Super App"]
    assert df["rating"].tolist() == [1.0, 5.0]
    assert df["customer_id"].tolist() == ["Max M.", "Eva"]
    assert df["timestamp"].iloc[0] == pd.Timestamp("2026-11-22 14:35:10")
    assert _values(df["reply_timestamp"]) == [pd.Timestamp("2026-11-23 08:00:00"), None]


# --- App Store ------------------------------------------------------------------------------


def test_app_store_tool_csv():
    df = _read(FIXTURES / "app_store_reviews.csv")
    _check_report(df, "app_store", 3)
    assert df["text"].tolist() == [
        "Abstürze. Die App stürzt beim Hochladen des Zählerstands ab. Bitte beheben!",
        "Love it. Paying my bills has never been easier.",
        "Praktisch. Übersichtlich, nur die Push-Nachrichten kommen doppelt.",
    ]
    assert df["rating"].tolist() == [2.0, 5.0, 4.0]
    assert df["customer_id"].tolist() == ["Anna_B", "tomm88", "Lena F."]
    assert df["timestamp"].iloc[0] == pd.Timestamp("2026-11-22 14:35:10")
    assert _values(df["reply_text"]) == [
        "Danke für den Hinweis, Version 4.12.1 behebt das Problem.",
        None,
        None,
    ]
    assert _values(df["reply_timestamp"]) == [pd.Timestamp("2026-11-23 08:02:00"), None, None]
    assert (df["channel"] == "app").all()
    assert df["Territory"].tolist() == ["DEU", "GBR", "AUT"]


def test_app_store_scraper_json():
    df = _read(FIXTURES / "app_store_scraper.json")
    _check_report(df, "app_store", 2)
    assert df["text"].tolist() == [
        "Abstürze. Die App stürzt beim Hochladen des Zählerstands ab. Bitte beheben!",
        "Love it. Paying my bills has never been easier.",
    ]
    assert df["rating"].tolist() == [2.0, 5.0]
    assert df["customer_id"].tolist() == ["Anna_B", "tomm88"]
    assert _values(df["reply_timestamp"]) == [_utc("2026-11-23 08:02:00"), None]
    assert _values(df["reply_text"]) == [
        "Danke für den Hinweis! Version 4.12.1 behebt das Problem.",
        None,
    ]


def test_app_store_connect_api_json():
    df = _read(FIXTURES / "app_store_connect.json")
    _check_report(df, "app_store", 2)
    assert df["feedback_id"].iloc[0] == "00000012-3456-7890-abcd-ef0123456789"
    assert df["timestamp"].tolist() == [_utc("2026-11-22 14:35:10"), _utc("2026-11-23 09:00:00")]
    assert df["text"].iloc[0] == "Login kaputt. Seit dem Update komme ich nicht mehr in mein Konto."
    assert df["rating"].tolist() == [1.0, 5.0]
    assert df["customer_id"].tolist() == ["Kunde_4711", "happy_user"]


# --- helpers --------------------------------------------------------------------------------


def test_strip_html_keeps_plain_text_untouched():
    values = pd.Series(["<p>Hallo</p>", "a < b und c > d", None, "Tom &amp; Jerry", "x&y"])
    assert _values(strip_html(values)) == ["Hallo", "a < b und c > d", None, "Tom & Jerry", "x&y"]


def test_join_title_body_punctuation():
    title = pd.Series(["Top", "Wow!", "", None, "Naja…"])
    body = pd.Series(["Schnell.", "Great.", "Nur Text", None, ""])
    assert _values(join_title_body(title, body)) == [
        "Top. Schnell.",
        "Wow! Great.",
        "Nur Text",
        None,
        "Naja…",
    ]


def test_channel_from_via_covers_zendesk_channels():
    via = pd.Series(["Mail", "voice", "Web Widget", "native_messaging", "Twitter DM", "api", None])
    expected = ["email", "phone", "web", "chat", "social", "web", None]
    assert _values(channel_from_via(via)) == expected


def test_lookup_labels_translates_german_and_english():
    answers = pd.Series(["Sehr zufrieden", "Extremely dissatisfied", "Äußerst zufrieden", "3", ""])
    assert lookup_labels(answers, CSAT_LABELS).tolist() == ["5", "1", "5", "3", ""]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=40)), min_size=1, max_size=8))
def test_text_helpers_never_crash(cells):
    values = pd.Series(cells, dtype=object)
    assert len(strip_html(values)) == len(values)
    assert len(join_title_body(values, values[::-1].reset_index(drop=True))) == len(values)
    assert len(channel_from_via(values)) == len(values)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.just(""), st.text(max_size=12)), min_size=3, max_size=3),
        min_size=0,
        max_size=4,
    )
)
def test_header_row_detection_never_crashes(rows):
    raw = pd.DataFrame(rows, columns=["StartDate", "Respondent ID", "Q1"], dtype="str")
    assert 0 <= qualtrics_header_rows(raw) <= 2
    assert surveymonkey_header_rows(raw) in (0, 1)


def test_override_of_a_column_the_preset_builds_leaves_no_leftover():
    df = _read(FIXTURES / "trustpilot_reviews.csv", columns={"text": "Review Content"})
    assert "text_original" not in df.columns
    assert df.attrs["load_report"].columns["text"] == "Review Content"
