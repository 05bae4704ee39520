"""Cell values of exports: numbers with decimal commas, dates, scores, roles, channels.

Every parser takes a Series of strings (or of native values, from Excel and
Parquet) and returns the parsed Series plus a boolean mask of the non-empty
cells it could not parse, so the loader can report them by line.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "is_blank",
    "normalize_channel",
    "normalize_language",
    "normalize_role",
    "parse_datetimes",
    "parse_numbers",
    "parse_scores",
]


def _via_uniques(values: pd.Series, func: Any) -> Any:
    """Apply ``func`` (Series -> Series or tuple of Series) to the distinct values only.

    Scores, roles, channels and languages repeat a handful of values over
    millions of rows; parsing each distinct value once and broadcasting the
    result back is what keeps these parsers vectorised.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    distinct = pd.concat(
        [pd.Series(uniques, dtype=values.dtype), pd.Series([pd.NA], dtype=values.dtype)],
        ignore_index=True,
    )
    codes = np.where(codes < 0, len(distinct) - 1, codes)
    result = func(distinct)

    def spread(part: pd.Series) -> pd.Series:
        taken = part.take(codes)
        taken.index = values.index
        return taken

    if isinstance(result, tuple):
        return tuple(spread(part) for part in result)
    return spread(result)


def is_blank(values: pd.Series) -> pd.Series:
    """True for NA and for strings that are empty or only whitespace."""
    if values.dtype.kind in "biufcmM":
        return values.isna()
    text = values.astype("string")
    return (text.isna() | (text.str.strip() == "")).fillna(True).astype(bool)


# Plain-string patterns (RE2 syntax) so that pandas runs them in pyarrow, not per cell in Python.
_UNIT = r"(?i)[ \t]*(?:€|eur|euro|\$|usd|chf|£|gbp|%|punkte|points|pkt\.?)[ \t]*$"
_COMMA_DECIMAL = r"[+-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]+"
_DOT_DECIMAL = r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]+"


def parse_numbers(values: pd.Series, *, decimal: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Numbers written as German or English text: ``49,90``, ``1.299,00 €``, ``1,299.00``.

    ``decimal`` is ``","`` or ``"."``; None decides per column: a comma decimal
    when some value has the form ``12,5`` and none has ``12.5``.

    Returns
    -------
    (values, invalid) : (Series of float64, Series of bool)

    >>> v, bad = parse_numbers(pd.Series(["49,90", "1.299,00 €", "", "abc"]))
    >>> v.tolist()[:2], bad.tolist()
    ([49.9, 1299.0], [False, False, False, True])
    """
    if values.dtype.kind in "biuf":
        return values.astype("float64"), pd.Series(False, index=values.index)
    if values.dtype.kind == "b":
        return values.astype("float64"), pd.Series(False, index=values.index)
    text = values.astype("string").str.strip().str.replace("\u00a0", "", regex=False)
    text = text.str.replace(_UNIT, "", regex=True).str.replace(" ", "", regex=False)
    blank = text.isna() | (text == "")
    if decimal is None:
        comma = text.str.fullmatch(_COMMA_DECIMAL).fillna(False).any()
        dot = text.str.fullmatch(_DOT_DECIMAL).fillna(False).any()
        decimal = "," if comma and not dot else "."
    if decimal == ",":
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        for _ in range(2):  # 1,299,000: matches overlap, so twice
            text = text.str.replace(r"([0-9]),([0-9]{3})", r"\1\2", regex=True)
    parsed = pd.to_numeric(text.where(~blank), errors="coerce").astype("float64")
    invalid = (parsed.isna() & ~blank).fillna(False).astype(bool)
    return parsed, invalid


_LEADING_NUMBER = r"^[ \t]*([+-]?[0-9]+(?:[.,][0-9]+)?)"
_STARS = r"[ \t★☆⭐✩✪✫✬✭✮✯✰*]+"


def parse_scores(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Survey answers as numbers: ``9``, ``"10 - Extremely likely"``, ``"4 von 5"``, ``"★★★★☆"``.

    >>> answers = ["9", "10 - Äußerst wahrscheinlich", "4/5", "★★★☆☆", "k.A."]
    >>> v, bad = parse_scores(pd.Series(answers))
    >>> v.tolist()[:4], bad.tolist()
    ([9.0, 10.0, 4.0, 3.0], [False, False, False, False, True])
    """
    if values.dtype.kind in "biuf":
        return values.astype("float64"), pd.Series(False, index=values.index)
    return _via_uniques(values.astype("string"), _parse_distinct_scores)


def _parse_distinct_scores(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = values.str.strip()
    blank = (text.isna() | (text == "")).fillna(True).astype(bool)
    parsed = pd.to_numeric(text.where(~blank), errors="coerce").astype("float64")
    if (parsed.isna() & ~blank).any():  # "10 - Extremely likely", "4,5", "4 von 5"
        number = text.str.extract(_LEADING_NUMBER, expand=False)
        number = number.str.replace(",", ".", regex=False)
        parsed = pd.to_numeric(number, errors="coerce").astype("float64")
    stars = text.str.fullmatch(_STARS).fillna(False).astype(bool) & parsed.isna()
    if stars.any():
        filled = text[stars].str.count("[★⭐✪✫✬✭✮✯✰*]").astype("float64")
        parsed = parsed.mask(stars, filled)
    invalid = (parsed.isna() & ~blank).fillna(False).astype(bool)
    return parsed, invalid


_DATE_FORMATS: tuple[str, ...] = (
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%y %H:%M",
    "%d.%m.%y",
    "%a %b %d %H:%M:%S %z %Y",  # Twitter: Tue Oct 31 22:10:47 +0000 2017
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d/%m/%y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%d %b %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%B %d, %Y",
)
_HAS_ZONE = r"(?:[+-][0-9]{2}:?[0-9]{2}|Z|UTC|GMT)$"


_ARROW_FORMATS = frozenset(
    f for f in _DATE_FORMATS if not any(d in f for d in ("%a", "%b", "%B", "%p", "%z", "%y"))
)


def _arrow_strptime(text: pd.Series, fmt: str, utc: bool) -> pd.Series | None:
    """pyarrow's C++ strptime: ten times faster than pandas' for fixed formats."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        arr = pa.array(
            text.astype("string").to_numpy(dtype=object, na_value=None), type=pa.string()
        )
        parsed = pc.strptime(arr, format=fmt, unit="us", error_is_null=True)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    out = pd.Series(parsed.to_numpy(zero_copy_only=False), index=text.index).astype(
        "datetime64[us]"
    )
    return out.dt.tz_localize("UTC") if utc else out


def _to_datetime(text: pd.Series, fmt: str, utc: bool) -> pd.Series:
    if fmt in _ARROW_FORMATS:
        fast = _arrow_strptime(text, fmt, utc)
        if fast is not None:
            return fast
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        if fmt == "ISO8601":
            return pd.to_datetime(text, format="ISO8601", errors="coerce", utc=utc)
        if fmt == "epoch":
            digits = pd.to_numeric(text, errors="coerce")
            unit = "ms" if digits.dropna().abs().median() > 1e11 else "s"
            return pd.to_datetime(digits, unit=unit, errors="coerce", utc=utc)
        return pd.to_datetime(text, format=fmt, errors="coerce", utc=utc)


def parse_datetimes(values: pd.Series, *, dayfirst: bool = True) -> tuple[pd.Series, pd.Series]:
    """Dates and times as exports write them, one format chosen per column.

    German ``22.11.2026 14:35``, ISO 8601, Twitter's ``Tue Oct 31 22:10:47 +0000 2017``,
    US ``11/22/2026 2:35 PM``, epoch seconds or milliseconds. The format that
    parses most of a sample wins; the rest are tried with pandas' mixed parser
    (``dayfirst`` decides ``01/02``). Values with a time zone, and epoch
    times, become UTC; naive times stay naive.

    >>> v, bad = parse_datetimes(pd.Series(["22.11.2026 14:35", "23.11.2026 08:00", "nie"]))
    >>> v.dt.strftime("%Y-%m-%d %H:%M").tolist()[:2], bad.tolist()
    (['2026-11-22 14:35', '2026-11-23 08:00'], [False, False, True])
    """
    if values.dtype.kind == "M":
        out = values
        if getattr(out.dt, "tz", None) is not None:
            out = out.dt.tz_convert("UTC")
        return out, pd.Series(False, index=values.index)
    if values.dtype.kind in "iuf":
        values = values.astype("Int64").astype("string")
    text = values.astype("string").str.strip()
    blank = text.isna() | (text == "")
    present = text[~blank]
    utc = bool(present.str.contains(_HAS_ZONE, na=False).any())
    if present.empty:
        empty = pd.Series(
            pd.NaT, index=values.index, dtype="datetime64[ns, UTC]" if utc else "datetime64[ns]"
        )
        return empty, pd.Series(False, index=values.index)
    sample = present.drop_duplicates().head(500)
    candidates = ["ISO8601", *_DATE_FORMATS]
    if sample.str.fullmatch(r"[0-9]{9,13}").all():
        candidates.insert(0, "epoch")
        utc = True  # epoch seconds count from 1970-01-01 00:00 UTC
    if not dayfirst:
        candidates.sort(key=lambda f: 0 if f.startswith("%m/") else 1)
    best_fmt, best_hits = "ISO8601", -1
    for fmt in candidates:
        hits = int(_to_datetime(sample, fmt, utc).notna().sum())
        if hits > best_hits:
            best_fmt, best_hits = fmt, hits
        if hits == len(sample):
            break
    parsed = _to_datetime(text.where(~blank), best_fmt, utc)
    missing = parsed.isna() & ~blank
    if missing.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            rest = pd.to_datetime(
                text[missing], format="mixed", dayfirst=dayfirst, errors="coerce", utc=utc
            )
        parsed = parsed.where(~missing, rest)
    if utc and getattr(parsed.dt, "tz", None) is None:
        parsed = parsed.dt.tz_localize("UTC")
    invalid = (parsed.isna() & ~blank).fillna(False).astype(bool)
    return parsed, invalid


def _lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {alias: canon for canon, aliases in table.items() for alias in (canon, *aliases)}


_ROLES = _lookup(
    {
        "customer": (
            "kunde",
            "kundin",
            "kunden",
            "client",
            "end-user",
            "end_user",
            "enduser",
            "end user",
            "user",
            "requester",
            "consumer",
            "verbraucher",
            "reviewer",
            "contact",
            "lead",
            "visitor",
            "besucher",
            "anrufer",
            "caller",
            "absender kunde",
            "kd",
            "member",
            "lead",
        ),
        "agent": (
            "mitarbeiter",
            "mitarbeiterin",
            "support",
            "staff",
            "admin",
            "employee",
            "berater",
            "beraterin",
            "sachbearbeiter",
            "sachbearbeiterin",
            "teammate",
            "brand",
            "company",
            "unternehmen",
            "haendler",
            "händler",
            "seller",
            "developer",
            "entwickler",
            "assignee",
            "service",
            "kundenservice",
            "kundendienst",
            "human",
            "mensch",
            "ma",
            "responder",
            "business",
            "owner",
            "merchant",
            "team",
        ),
        "bot": (
            "chatbot",
            "chat bot",
            "virtual agent",
            "virtueller agent",
            "virtueller assistent",
            "assistant",
            "assistent",
            "automation",
            "automatic",
            "automatisch",
            "system",
            "auto-reply",
            "autoreply",
            "auto reply",
            "ki",
            "ai",
            "voicebot",
            "sprachassistent",
        ),
    }
)


def normalize_role(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """``customer``/``agent``/``bot`` from German and English role names.

    >>> r, bad = normalize_role(pd.Series(["Kunde", "end-user", "Mitarbeiter", "Chatbot", "?"]))
    >>> r.tolist()[:4], bad.tolist()
    (['customer', 'customer', 'agent', 'bot'], [False, False, False, False, True])
    """
    roles, invalid = _via_uniques(values.astype("string"), _distinct_roles)
    categorical = pd.Series(
        pd.Categorical(roles, categories=["customer", "agent", "bot"]), index=values.index
    )
    return categorical, invalid.astype(bool)


def _distinct_roles(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = values.str.strip().str.lower()
    blank = (text.isna() | (text == "")).fillna(True).astype(bool)
    mapped = text.map(_ROLES, na_action="ignore").astype("object")
    invalid = (mapped.isna() & ~blank).astype(bool)
    return mapped, invalid


_CHANNELS = _lookup(
    {
        "email": ("e-mail", "mail", "e mail", "email_inbound", "web form email"),
        "phone": (
            "telefon",
            "hotline",
            "call",
            "anruf",
            "voice",
            "tel",
            "phone call",
            "telefonie",
            "callcenter",
            "call center",
            "voip",
        ),
        "chat": (
            "live chat",
            "livechat",
            "webchat",
            "web chat",
            "messenger",
            "whatsapp",
            "sms",
            "chat_transcript",
            "native_messaging",
        ),
        "web": (
            "website",
            "webseite",
            "web form",
            "webformular",
            "kontaktformular",
            "online",
            "portal",
            "web_form",
            "web_widget",
            "homepage",
            "contact form",
            "api",
        ),
        "app": (
            "mobile app",
            "ios",
            "android",
            "mobile",
            "in-app",
            "in app",
            "app store",
            "google play",
            "play store",
        ),
        "store": (
            "filiale",
            "laden",
            "geschäft",
            "geschaeft",
            "vor ort",
            "in store",
            "in-store",
            "branch",
            "shop floor",
            "markt",
        ),
        "social": (
            "twitter",
            "x",
            "facebook",
            "instagram",
            "social media",
            "linkedin",
            "tiktok",
            "youtube",
            "soziale medien",
        ),
        "survey": ("umfrage", "befragung", "feedback survey", "nps survey", "fragebogen"),
        "review": (
            "bewertungsportal",
            "bewertung",
            "trustpilot",
            "reviews",
            "rezension",
            "google reviews",
        ),
        "letter": ("brief", "post", "fax", "postal"),
    }
)


def normalize_channel(values: pd.Series) -> pd.Series:
    """Channel names mapped to ``email, phone, chat, web, app, store, social, survey, review,
    letter``; unknown names are kept in lower case.

    >>> normalize_channel(pd.Series(["E-Mail", "Telefon", "Live Chat", "Brieftaube"])).tolist()
    ['email', 'phone', 'chat', 'brieftaube']
    """
    return _via_uniques(values.astype("string"), _distinct_channels)


def _distinct_channels(values: pd.Series) -> pd.Series:
    text = values.str.strip().str.lower()
    mapped = text.map(_CHANNELS, na_action="ignore")
    return mapped.fillna(text).astype("str").where(text.notna() & (text != ""))


_LANGUAGES = _lookup(
    {
        "de": ("deutsch", "german", "ger", "deu", "allemand", "aleman", "tedesco"),
        "en": ("englisch", "english", "eng", "anglais", "ingles", "inglese"),
        "fr": ("französisch", "franzoesisch", "french", "fra", "fre", "français", "francais"),
        "it": ("italienisch", "italian", "ita", "italiano"),
        "es": ("spanisch", "spanish", "spa", "español", "espanol"),
        "nl": ("niederländisch", "niederlaendisch", "dutch", "nld", "nederlands"),
        "tr": ("türkisch", "tuerkisch", "turkish", "tur"),
        "pl": ("polnisch", "polish", "pol", "polski"),
    }
)


def normalize_language(values: pd.Series) -> pd.Series:
    """ISO 639-1 codes from names and locales: ``Deutsch``, ``de-DE``, ``en_US`` -> ``de``, ``en``.

    >>> normalize_language(pd.Series(["Deutsch", "de-AT", "en_US", "English", ""])).tolist()
    ['de', 'de', 'en', 'en', nan]
    """
    return _via_uniques(values.astype("string"), _distinct_languages)


def _distinct_languages(values: pd.Series) -> pd.Series:
    text = values.str.strip().str.lower()
    mapped = text.map(_LANGUAGES, na_action="ignore")
    locale = text.str.extract(r"^([a-z]{2})(?:[-_][a-z0-9]+)?$", expand=False)
    out = mapped.fillna(locale).fillna(text)
    return out.astype("str").where(text.notna() & (text != ""))


def infer_extra(values: pd.Series, *, decimal: str | None) -> pd.Series:
    """Give an extra (non-canonical) string column numbers or dates when every value fits.

    Columns with leading zeros (``00123``: ids, postcodes) stay strings; empty
    cells become NA.
    """
    if values.dtype.kind not in "OUT" and str(values.dtype) not in ("str", "string"):
        return values
    text = values.astype("string").str.strip()
    blank = (text.isna() | (text == "")).fillna(True).astype(bool)
    present = text[~blank]
    if present.empty:
        return values.where(~blank)
    if (
        present.str.fullmatch(r"[+-]?[0-9][0-9., ]*").all()
        and not present.str.match(r"0[0-9]").any()
    ):
        numbers, invalid = parse_numbers(values, decimal=decimal)
        if not invalid.any():
            whole = numbers.dropna()
            if len(whole) and np.all(np.mod(whole, 1) == 0) and whole.abs().max() < 2**53:
                return numbers.astype("Int64")
            return numbers
    if present.str.contains(r"[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}", regex=True).all():
        dates, invalid = parse_datetimes(values, dayfirst=decimal != ".")
        if not invalid.any():
            return dates
    return values.where(~blank) if blank.any() else values
