"""Regenerate the bundled sample files: ``python -m empathylab.datasets._build_samples``.

One simulated universe (:func:`make_feedback` with :data:`SEED` and the channel
mix :data:`CHANNELS`) is split over four export-style files, so every row of the
universe is in exactly one file and ``customers.csv`` holds the outcomes of all
their customers:

* ``twitter_support.csv``: the social-media conversations (twcs layout);
* ``helpdesk.jsonl``: e-mail, chat and web-form tickets, the English customers'
  phone and app contacts, and the replies to English reviews and surveys;
* ``feedback_en.xlsx``: the English customers' survey answers and reviews (an
  English survey export, customer rows only);
* ``feedback_de.csv``: everything else (German phone, app, store, survey and
  review contacts with replies, German post-contact surveys, English store
  contacts): a German survey+helpdesk tool's Excel CSV export.

``truth.csv`` gives the ground truth of every row of the four files (joined by
``sample`` and ``source_id``), ``planted.json`` the planted effects and the
split rules, ``manifest.json`` the rows and columns of each file. Output is
byte-for-byte reproducible (the xlsx archive gets fixed timestamps).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from .generator import make_feedback, planted_truth
from .registry import _flatten

SEED = 20241001
N_CONVERSATIONS = 4300
START = "2024-10-01"
QUARTERS = 8
CHANNELS: dict[str, float] = {
    "email": 0.07, "chat": 0.04, "web": 0.02, "phone": 0.12, "app": 0.06, "store": 0.03,
    "social": 0.15, "survey": 0.41, "review": 0.10,
}
TZ = "Europe/Berlin"
DATA = Path(__file__).with_name("data")
FILES = {
    "feedback_de": "feedback_de.csv", "feedback_en": "feedback_en.xlsx",
    "helpdesk": "helpdesk.jsonl", "twitter_support": "twitter_support.csv",
    "customers": "customers.csv", "truth": "truth.csv",
}
BRAND_HANDLES = {"de": "ShopCare_DE", "en": "ShopCare"}
DE_CHANNELS = {"email": "E-Mail", "phone": "Telefon", "chat": "Chat", "web": "Kontaktformular",
               "app": "App", "store": "Filiale", "social": "Social Media", "survey": "Umfrage",
               "review": "Bewertungsportal"}
DE_TOUCHPOINTS = {"webshop": "Onlineshop", "checkout": "Kasse", "delivery": "Lieferung",
                  "hotline": "Hotline", "chat": "Chat", "email": "E-Mail", "store": "Filiale",
                  "app": "App", "billing": "Rechnung", "returns": "Retoure"}
DE_ROLES = {"customer": "Kunde", "agent": "Mitarbeiter", "bot": "Bot"}
EN_CHANNELS = {"email": "Email", "phone": "Phone", "chat": "Chat", "web": "Web form",
               "app": "App", "store": "Store", "survey": "Survey", "review": "Review"}
VIA = {"email": "email", "chat": "chat", "web": "web", "phone": "voice", "app": "mobile",
       "store": "store", "survey": "survey", "review": "review"}
_FIXED_ZIP_TIME = (2024, 10, 1, 0, 0, 0)


def universe() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The simulated interactions and customers behind all sample files."""
    df, customers = make_feedback(
        N_CONVERSATIONS, lang="mixed", random_state=SEED, start=START, quarters=QUARTERS,
        channels=CHANNELS, return_customers=True,
    )
    return df, customers


def split(df: pd.DataFrame) -> pd.Series:
    """Which sample file each row of the universe goes to (see the module docstring)."""
    first = df.drop_duplicates("conversation_id").set_index("conversation_id")["channel"]
    conv_channel = df["conversation_id"].map(first)
    en = df["language"] == "en"
    survey_row = df["true_kind"] == "survey"
    customer = df["author_role"] == "customer"
    out = pd.Series("feedback_de", index=df.index, dtype="str")
    helpdesk = conv_channel.isin(["email", "chat", "web"]) | (
        en & conv_channel.isin(["phone", "app"]))
    out[helpdesk] = "helpdesk"
    out[en & conv_channel.isin(["survey", "review"]) & ~customer] = "helpdesk"
    out[en & conv_channel.isin(["survey", "review"]) & customer] = "feedback_en"
    out[survey_row & en] = "feedback_en"
    out[survey_row & ~en] = "feedback_de"
    out[conv_channel == "social"] = "twitter_support"
    return out


def _score(values: pd.Series) -> pd.Series:
    return values.map(lambda x: "" if pd.isna(x) else str(int(x))).astype("str")


def write_feedback_de(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    out = pd.DataFrame({
        "ID": df["feedback_id"],
        "Datum": df["timestamp"].dt.strftime("%d.%m.%Y %H:%M"),
        "Kundennummer": df["customer_id"],
        "Ticket": df["conversation_id"],
        "Absender": df["author_role"].astype(str).map(DE_ROLES),
        "Mitarbeiter": df["agent_id"].fillna(""),
        "Team": df["team"],
        "Kanal": df["channel"].map(DE_CHANNELS),
        "Kontaktpunkt": df["touchpoint"].map(DE_TOUCHPOINTS).fillna(""),
        "Kommentar": df["text"],
        "Sprache": df["language"].map({"de": "Deutsch", "en": "Englisch"}),
        "Bewertung": _score(df["rating"]),
        "NPS": _score(df["nps"]),
        "Zufriedenheit": _score(df["csat"]),
        "CES": _score(df["ces"]),
        "Bestellnummer": df["order_id"].fillna(""),
        "Bestellwert": df["order_value"].map(
            lambda x: "" if pd.isna(x) else f"{x:.2f}".replace(".", ",")),
    })
    text = out.to_csv(sep=";", index=False, lineterminator="\r\n")
    path.write_bytes(text.encode("cp1252", errors="replace"))
    return pd.DataFrame({"source_id": out["ID"]})


def write_feedback_en(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    out = pd.DataFrame({
        "Response ID": df["feedback_id"],
        "Date": df["timestamp"],
        "Customer ID": df["customer_id"],
        "Ticket ID": df["conversation_id"],
        "Channel": df["channel"].map(EN_CHANNELS),
        "Touchpoint": df["touchpoint"].str.capitalize(),
        "Comment": df["text"],
        "Rating": df["rating"],
        "NPS": df["nps"],
        "CSAT": df["csat"],
        "CES": df["ces"],
        "Language": df["language"].str.upper(),
    })
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, sheet_name="Responses", index=False)
        props = writer.book.properties
        props.created = props.modified = pd.Timestamp(START).to_pydatetime()
    path.write_bytes(_fixed_zip(buffer.getvalue()))
    return pd.DataFrame({"source_id": out["Response ID"]})


_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fixed_zip(data: bytes) -> bytes:
    """The same xlsx archive with fixed member timestamps and document dates."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _W3CDTF.sub(rb"\g<1>2024-10-01T00:00:00Z\g<2>", content)
            dst.writestr(fixed, content)
    return buffer.getvalue()


def _utc(ts: pd.Series) -> pd.Series:
    ambiguous = np.zeros(len(ts), dtype=bool)
    local = ts.dt.tz_localize(TZ, ambiguous=ambiguous, nonexistent="shift_forward")
    return local.dt.tz_convert("UTC")


def write_helpdesk(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    created = _utc(df["timestamp"]).dt.strftime("%Y-%m-%dT%H:%M:%SZ").tolist()
    role = df["author_role"].astype(str).map({"customer": "end-user", "agent": "agent",
                                              "bot": "bot"})
    author = np.where(df["author_role"] == "customer", df["customer_id"],
                      df["agent_id"].fillna(""))
    lines = []
    for i, row in enumerate(df.itertuples(index=False)):
        record = {
            "id": row.feedback_id,
            "ticket_id": int(row.conversation_id),
            "created_at": created[i],
            "author": {"id": str(author[i]), "role": role.iloc[i]},
            "via": {"channel": VIA[row.channel]},
            "body": row.text,
            "public": True,
            "locale": "de-DE" if row.language == "de" else "en-GB",
            "requester_id": row.customer_id,
            "group": row.team,
            "custom_fields": {"touchpoint": None if pd.isna(row.touchpoint) else row.touchpoint},
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pd.DataFrame({"source_id": df["feedback_id"].to_numpy()})


def write_twitter(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    tweet_id = pd.Series(np.arange(1, len(df) + 1) * 7 + 1_180_000, index=df.index)
    prev = df.groupby("conversation_id", sort=False)["feedback_id"].shift(1)
    parent = prev.map(pd.Series(tweet_id.to_numpy(), index=df["feedback_id"].to_numpy()))
    children = parent.dropna().astype("int64")
    response = pd.Series(tweet_id[children.index].to_numpy(), index=children.to_numpy())
    response = response.groupby(level=0).agg(lambda s: ",".join(map(str, s)))
    inbound = df["author_role"] == "customer"
    brand = df["language"].map(BRAND_HANDLES)
    text = df["text"].copy()
    reply = ~inbound
    text[reply] = "@" + df.loc[reply, "customer_id"] + " " + df.loc[reply, "text"]
    no_handle = inbound & ~df["text"].str.contains("@ShopCare", case=False, regex=False)
    text[no_handle] = "@" + brand[no_handle] + " " + df.loc[no_handle, "text"]
    created = _utc(df["timestamp"]).dt.strftime("%a %b %d %H:%M:%S +0000 %Y")
    out = pd.DataFrame({
        "tweet_id": tweet_id,
        "author_id": np.where(inbound, df["customer_id"], brand),
        "inbound": np.where(inbound, "True", "False"),
        "created_at": created,
        "text": text,
        "response_tweet_id": tweet_id.map(response).fillna(""),
        "in_response_to_tweet_id": parent.map(
            lambda x: "" if pd.isna(x) else str(int(x))).astype("str"),
    })
    path.write_text(out.to_csv(index=False), encoding="utf-8")
    return pd.DataFrame({"source_id": out["tweet_id"].astype(str)})


TRUTH_COLUMNS = (
    "feedback_id", "conversation_id", "customer_id", "author_role", "agent_id", "channel",
    "touchpoint_true", "language", "true_kind", "true_intent", "true_sentiment",
    "true_valence", "true_emotion", "true_effort", "true_severity", "true_touchpoints",
    "true_aspects", "true_churn_threat", "true_reply_style", "true_empathy",
    "true_empathy_feeling", "true_empathy_restate", "true_empathy_question",
    "true_empathy_ownership", "true_satisfaction", "true_survey_invited",
    "true_survey_responded", "true_pii", "true_noise",
)


def build(directory: Path = DATA) -> dict[str, dict[str, object]]:
    """Write every sample file into ``directory``; returns the manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    df, customers = universe()
    target = split(df)
    writers = {"feedback_de": write_feedback_de, "feedback_en": write_feedback_en,
               "helpdesk": write_helpdesk, "twitter_support": write_twitter}
    truth_parts = []
    conv_tp = df.drop_duplicates("conversation_id").set_index("conversation_id")[
        "true_touchpoints"].str.split("|").str[0]
    for name, write in writers.items():
        part = df[target == name].reset_index(drop=True)
        ids = write(part, directory / FILES[name])
        truth = part.assign(touchpoint_true=part["conversation_id"].map(conv_tp))
        truth = truth[list(TRUTH_COLUMNS)].copy()
        truth.insert(0, "source_id", ids["source_id"].to_numpy())
        truth.insert(0, "sample", name)
        truth_parts.append(truth)
    truth = pd.concat(truth_parts, ignore_index=True)
    for col in ("true_valence", "true_satisfaction"):
        truth[col] = truth[col].round(3)
    truth.to_csv(directory / FILES["truth"], index=False, lineterminator="\n")
    cust = customers.copy()
    for col in ("true_empathy_exposure", "true_mean_severity", "true_repurchase_logit",
                "true_churn_hazard", "true_years_to_churn"):
        cust[col] = cust[col].round(4)
    cust.to_csv(directory / FILES["customers"], index=False, lineterminator="\n",
                date_format="%Y-%m-%d %H:%M:%S")
    counts = {k: int((target == k).sum()) for k in writers}
    planted = planted_truth(1.0, start=START, quarters=QUARTERS)
    planted["samples"] = {
        "seed": SEED, "n_conversations": N_CONVERSATIONS, "start": START, "quarters": QUARTERS,
        "channels": CHANNELS, "time_zone": TZ,
        "split": {
            "twitter_support": "conversations started on social media",
            "helpdesk": "e-mail, chat and web-form conversations; English customers' phone and "
                        "app conversations; agent replies to English surveys and reviews",
            "feedback_en": "English customers' survey answers (relationship and post-contact) "
                           "and reviews",
            "feedback_de": "all other rows: German phone, app, store, survey and review "
                           "conversations, German post-contact surveys, English store contacts",
        },
        "rows": counts,
    }
    (directory / "planted.json").write_text(
        json.dumps(planted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = {**counts, "customers": len(cust), "truth": len(truth)}
    pairs: list[tuple[str, str]] = []
    _flatten("", planted, pairs)
    rows["planted"] = len(pairs)
    manifest: dict[str, dict[str, object]] = {}
    for name, file in {**FILES, "planted": "planted.json"}.items():
        manifest[name] = {"file": file, "rows": rows[name],
                          "bytes": (directory / file).stat().st_size}
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                             encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA, help="output directory")
    args = parser.parse_args(argv)
    manifest = build(args.out)
    for name, info in manifest.items():
        print(f"{name:16s} {info['file']:22s} {info['rows']:>6d} rows {info['bytes']:>10,d} bytes")


if __name__ == "__main__":
    main()
