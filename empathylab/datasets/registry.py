"""The bundled sample files: what each is, how it was made, and loaders that fix dtypes.

All samples come from one simulated universe (``make_feedback`` with a fixed seed,
see :mod:`empathylab.datasets._build_samples`), split over four export formats, so
the customers in ``customers.csv`` are the customers of the four exports and the
ground truth of every exported row is in ``truth.csv``. Regenerate them with
``python -m empathylab.datasets._build_samples``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from .._validation import close_matches

__all__ = ["SAMPLES", "Sample", "list_samples", "load_sample", "sample_path"]


@dataclass(frozen=True)
class Sample:
    """One bundled file: its registry name, file name, format and documentation."""

    name: str
    file: str
    format: str
    description: str
    columns: tuple[str, ...]
    how_made: str


_CANONICAL = ("feedback_id, timestamp, customer_id, conversation_id, author_role, agent_id, "
              "channel, touchpoint, text, language, rating, nps, csat, ces, source, source_line")
SAMPLES: dict[str, Sample] = {
    s.name: s
    for s in (
        Sample(
            "feedback_de", "feedback_de.csv", "csv (;, cp1252)",
            "German survey and help-desk tool export (Excel CSV): customer messages, agent and "
            "bot replies, post-contact and relationship surveys, reviews; German and a few "
            "English texts.",
            ("ID", "Datum", "Kundennummer", "Ticket", "Absender", "Mitarbeiter", "Team", "Kanal",
             "Kontaktpunkt", "Kommentar", "Sprache", "Bewertung", "NPS", "Zufriedenheit", "CES",
             "Bestellnummer", "Bestellwert"),
            "Rows of the sample universe not in the other exports, written with ';', cp1252 "
            "(emoji become '?', as in Excel), CRLF, dates dd.mm.yyyy HH:MM, decimal commas, "
            "German channel, touchpoint and sender labels.",
        ),
        Sample(
            "feedback_en", "feedback_en.xlsx", "xlsx",
            "English survey export: relationship and post-contact survey answers and reviews "
            "of the English-speaking customers (customer rows only).",
            ("Response ID", "Date", "Customer ID", "Ticket ID", "Channel", "Touchpoint",
             "Comment", "Rating", "NPS", "CSAT", "CES", "Language"),
            "Survey and review rows of English customers, one sheet 'Responses', Excel dates.",
        ),
        Sample(
            "helpdesk", "helpdesk.jsonl", "jsonl",
            "Help-desk ticket comments, one JSON object per line with nested author and via "
            "fields, German and English: e-mail, chat and web-form tickets, English phone and "
            "app contacts, replies to English surveys and reviews.",
            ("id", "ticket_id", "created_at", "author.id", "author.role", "via.channel", "body",
             "public", "locale", "requester_id", "group", "custom_fields.touchpoint"),
            "Rows of the sample universe routed to the help desk; times converted from "
            "Europe/Berlin to UTC ISO 8601.",
        ),
        Sample(
            "twitter_support", "twitter_support.csv", "csv (twcs layout)",
            "Customer-support threads on social media in the public twcs.csv layout, English "
            "and German; brand accounts ShopCare and ShopCare_DE, agents sign with ^initials.",
            ("tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id",
             "in_response_to_tweet_id"),
            "Social-media conversations of the sample universe; replies addressed with "
            "@customer_id, times in UTC in Twitter's format.",
        ),
        Sample(
            "customers", "customers.csv", "csv",
            "Customers of the four exports with loyalty outcomes (repurchase within 90 days, "
            "churn, spend in the next 12 months) and the planted mechanism (true_* columns).",
            ("customer_id", "segment", "tenure_months", "signup_date", "lang", "repurchase_90d",
             "churned", "churn_date", "spend_next_12m", "n_conversations", "first_contact",
             "last_contact", "true_empathy_exposure", "true_n_replies", "true_n_empathic",
             "true_mean_severity", "true_repurchase_logit", "true_churn_hazard",
             "true_years_to_churn"),
            "make_feedback(return_customers=True) for the sample universe; plain UTF-8 CSV.",
        ),
        Sample(
            "truth", "truth.csv", "csv",
            "Ground truth of every row of the four exports: sample and source_id (the row's "
            "id in its file: ID, Response ID, id, tweet_id), then the true_* columns of "
            "make_feedback (sentiment, emotion, effort, touchpoints, aspects, reply style, "
            "empathy components, personal data, noise).",
            ("sample", "source_id", "feedback_id", "conversation_id", "customer_id",
             "author_role", "agent_id", "channel", "touchpoint_true", "language", "true_kind",
             "true_intent", "true_sentiment", "true_valence", "true_emotion", "true_effort",
             "true_severity", "true_touchpoints", "true_aspects", "true_churn_threat",
             "true_reply_style", "true_empathy", "true_empathy_feeling",
             "true_empathy_restate", "true_empathy_question", "true_empathy_ownership",
             "true_satisfaction", "true_survey_invited", "true_survey_responded", "true_pii",
             "true_noise"),
            "The true_* columns of the sample universe, rows in file order per sample.",
        ),
        Sample(
            "planted", "planted.json", "json",
            "The planted effects and trends (effect sizes per empathy level, outcome models, "
            "confounding, delivery-crisis quarter, seasonality) and how the universe was "
            "split into the files, as a two-column table (parameter, value).",
            ("parameter", "value"),
            "planted_truth() plus the build settings (seed, channel mix, split rules, rows).",
        ),
    )
}


def _unknown(name: object) -> ValueError:
    known = sorted(SAMPLES)
    hint = close_matches(str(name), known, n=1)
    suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
    return ValueError(f"unknown sample {name!r}; known samples are {known}.{suggestion}")


def sample_path(name: str) -> Path:
    """Path of the bundled file of sample ``name``.

    Raises
    ------
    ValueError
        When ``name`` is not a registered sample (the message lists the known names).

    Examples
    --------
    >>> sample_path("customers").name
    'customers.csv'
    """
    if name not in SAMPLES:
        raise _unknown(name)
    ref = resources.files("empathylab.datasets").joinpath("data", SAMPLES[name].file)
    with resources.as_file(ref) as path:
        return Path(path)


def _manifest() -> dict[str, dict[str, object]]:
    ref = resources.files("empathylab.datasets").joinpath("data", "manifest.json")
    manifest: dict[str, dict[str, object]] = json.loads(ref.read_text(encoding="utf-8"))
    return manifest


def list_samples() -> pd.DataFrame:
    """Table of the bundled samples.

    Returns
    -------
    pandas.DataFrame
        One row per sample: ``name``, ``description``, ``file``, ``format``,
        ``rows`` (data rows in the file), ``bytes``, ``columns`` (the file's
        columns, comma-separated), ``how_made``.

    Examples
    --------
    >>> table = list_samples()
    >>> table["name"].tolist()
    ['feedback_de', 'feedback_en', 'helpdesk', 'twitter_support', 'customers', 'truth', 'planted']
    """
    manifest = _manifest()
    rows = []
    for s in SAMPLES.values():
        info = manifest.get(s.name, {})
        rows.append({
            "name": s.name, "description": s.description, "file": s.file, "format": s.format,
            "rows": info.get("rows"), "bytes": info.get("bytes"), "columns": ", ".join(s.columns),
            "how_made": s.how_made,
        })
    table = pd.DataFrame(rows)
    return table.astype({"rows": "Int64", "bytes": "Int64"})


def load_sample(name: str) -> pd.DataFrame:
    """Load a bundled sample with fixed dtypes.

    The four exports (``feedback_de``, ``feedback_en``, ``helpdesk``,
    ``twitter_support``) are read with :func:`empathylab.read_feedback` and come
    back in the canonical schema (columns ``{canonical}``, then the file's
    other columns); touchpoint labels are mapped to the canonical lower-case
    names and times are local (Europe/Berlin, tz-naive) as in the simulation.
    ``customers``, ``truth`` and ``planted`` are plain tables.

    Parameters
    ----------
    name : str
        One of :func:`list_samples`'s names.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        For an unknown name; the message lists the known names and the closest one.

    Examples
    --------
    >>> customers = load_sample("customers")
    >>> customers[["repurchase_90d", "churned"]].dtypes.tolist()
    [dtype('bool'), dtype('bool')]
    >>> truth = load_sample("truth")
    >>> sorted(truth["sample"].unique())
    ['feedback_de', 'feedback_en', 'helpdesk', 'twitter_support']
    """
    if name not in SAMPLES:
        raise _unknown(name)
    path = sample_path(name)
    if name == "customers":
        return _load_customers(path)
    if name == "truth":
        return _load_truth(path)
    if name == "planted":
        return _load_planted(path)
    return _load_export(name, path)


load_sample.__doc__ = (load_sample.__doc__ or "").replace("{canonical}", _CANONICAL)


def _load_customers(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype={"customer_id": "str", "segment": "str", "lang": "str"},
                     encoding="utf-8")
    for col in ("signup_date", "churn_date", "first_contact", "last_contact"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[s]")
    return df.astype({"repurchase_90d": bool, "churned": bool, "tenure_months": "int64",
                      "spend_next_12m": "float64"})


_TRUTH_STR = ("sample", "source_id", "feedback_id", "conversation_id", "customer_id",
              "agent_id", "channel", "touchpoint_true", "language", "true_kind", "true_intent",
              "true_emotion", "true_touchpoints", "true_aspects", "true_reply_style", "true_pii",
              "true_noise")
_TRUTH_BOOL = ("true_churn_threat", "true_empathy_feeling", "true_empathy_restate",
               "true_empathy_question", "true_empathy_ownership", "true_survey_invited",
               "true_survey_responded")


def _load_truth(path: Path) -> pd.DataFrame:
    dtypes: dict[str, str] = dict.fromkeys(_TRUTH_STR, "str")
    dtypes.update(dict.fromkeys(_TRUTH_BOOL, "boolean"))
    dtypes.update({"true_sentiment": "Int8", "true_severity": "Int8"})
    df = pd.read_csv(path, dtype=dtypes, encoding="utf-8")
    df["author_role"] = pd.Categorical(df["author_role"], categories=["customer", "agent", "bot"])
    return df


def _flatten(prefix: str, value: object, out: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, out)
    else:
        out.append((prefix, json.dumps(value, ensure_ascii=False)
                    if isinstance(value, list | bool) or value is None else str(value)))


def _load_planted(path: Path) -> pd.DataFrame:
    pairs: list[tuple[str, str]] = []
    _flatten("", json.loads(path.read_text(encoding="utf-8")), pairs)
    return pd.DataFrame(pairs, columns=["parameter", "value"]).astype("str")


#: Touchpoint labels used in the exports -> canonical names.
_TOUCHPOINT_LABELS = {
    "onlineshop": "webshop", "kasse": "checkout", "lieferung": "delivery", "hotline": "hotline",
    "chat": "chat", "e-mail": "email", "filiale": "store", "app": "app", "rechnung": "billing",
    "retoure": "returns", "webshop": "webshop", "checkout": "checkout", "delivery": "delivery",
    "email": "email", "store": "store", "billing": "billing", "returns": "returns",
}
_EXPORT_COLUMNS: dict[str, dict[str, str | None]] = {
    "helpdesk": {"touchpoint": "custom_fields.touchpoint"},
}
_LOCAL_TZ = "Europe/Berlin"


def _load_export(name: str, path: Path) -> pd.DataFrame:
    from ..io import read_feedback  # the io layer sits beside datasets; imported when needed

    df = read_feedback(path, columns=_EXPORT_COLUMNS.get(name))
    ts = df["timestamp"]
    if getattr(ts.dt, "tz", None) is not None:
        df["timestamp"] = ts.dt.tz_convert(_LOCAL_TZ).dt.tz_localize(None)
    label = df["touchpoint"].str.strip().str.lower()
    df["touchpoint"] = label.map(_TOUCHPOINT_LABELS).fillna(label).astype("str")
    # Every row of a conversation carries its customer, as in make_feedback.
    first = df["customer_id"].groupby(df["conversation_id"]).transform("first")
    customer = df["customer_id"].fillna(first)
    if "requester_id" in df:
        customer = customer.fillna(df["requester_id"].astype("str"))
    df["customer_id"] = customer.astype("str")
    for col in ("feedback_id", "conversation_id", "agent_id", "channel", "text", "language",
                "source"):
        df[col] = df[col].astype("str")
    for col in ("rating", "nps", "csat", "ces"):
        df[col] = df[col].astype("float64")
    return df
