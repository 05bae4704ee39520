"""Patterns and checks behind :func:`empathylab.redact_pii`, one pass per kind.

Each pass is a compiled regular expression that finds *candidates* and a
function that decides, per candidate, what to put in its place. The regexes are
deliberately a little generous; the checks that make them precise (Luhn for
cards, ISO 7064 mod-97 and the country's length for IBANs, digit counts and
context words for phone numbers, parameter names and randomness for URLs) run
only on the candidates, so their cost does not grow with the amount of text.

The texts of many rows are joined with :data:`ROW_SEP` and scanned in one go.
No pattern can match the separator or reach across it: character classes never
include a newline, and the context helpers stop at :data:`SEP_CHAR`.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "DEFAULT_KINDS",
    "KINDS",
    "PASSES",
    "PLACEHOLDERS",
    "ROW_SEP",
    "SEP_CHAR",
    "PiiPass",
    "iban_is_valid",
    "luhn_is_valid",
]

#: Kinds in the order they are applied. URLs go first, so that an e-mail address
#: or a phone number inside a tokenised link disappears with the link; IBANs and
#: cards go before phone numbers, so that their digit groups are not taken for
#: phone numbers; handles go last, after the e-mail addresses that contain "@".
KINDS: tuple[str, ...] = ("url", "email", "iban", "card", "ip", "phone", "handle")
DEFAULT_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "handle")
PLACEHOLDERS: dict[str, str] = {k: f"<{k.upper()}>" for k in KINDS}

SEP_CHAR = "\x1e"  # ASCII record separator
ROW_SEP = f"\n{SEP_CHAR}\n"

#: What a pass puts in place of a candidate: ``(start, end, text, n)`` replaces
#: ``string[start:end]`` by ``text`` and counts ``n`` items; None keeps it.
Edit = tuple[int, int, str, int]
Replacer = Callable[[re.Match[str]], Edit | None]


@dataclass(frozen=True)
class PiiPass:
    """One regex over the text and the function that decides about its candidates.

    ``prefilter`` is a regex in the common subset of Python's ``re`` and RE2 that
    matches every row in which ``pattern`` could produce a replacement (it may
    match more). It selects the rows, fast and vectorised, before ``pattern``
    scans them. ``replace(match)`` returns an :data:`Edit` or None; it may
    reach before the match start (e.g. an e-mail's local part, an IBAN's
    country code), because patterns start with a rare, fast-to-find anchor.
    """

    kind: str
    prefilter: str
    pattern: re.Pattern[str]
    replace: Replacer


# -- helpers -------------------------------------------------------------------


def _before(m: re.Match[str], width: int, start: int | None = None) -> str:
    """Up to ``width`` characters before ``start`` (the match), within the same row."""
    if start is None:
        start = m.start()
    ctx = m.string[max(0, start - width) : start]
    cut = ctx.rfind(SEP_CHAR)
    return ctx[cut + 1 :] if cut >= 0 else ctx


def _char_at(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9" if c else False


def _glued_before(m: re.Match[str]) -> bool:
    """A digit run continues a word, a ``+`` prefix or a number (``1,`` ``3.``)."""
    c = _char_at(m.string, m.start() - 1)
    if c.isalnum() or c in "_+":
        return True
    return c in ".,/:" and _is_digit(_char_at(m.string, m.start() - 2))


def _glued_after(m: re.Match[str]) -> bool:
    c = _char_at(m.string, m.end())
    if c.isalnum() or c == "_":
        return True
    return c in ".,/:" and _is_digit(_char_at(m.string, m.end() + 1))


def _whole(m: re.Match[str], kind: str) -> Edit:
    return m.start(), m.end(), PLACEHOLDERS[kind], 1


# Digits are ASCII [0-9] everywhere (not \d, which also matches Arabic-Indic or
# full-width digits): RE2 in the prefilters sees the same digits as re here.
_DIGITS = re.compile(r"[0-9]+")


# -- cards: Luhn ---------------------------------------------------------------


def luhn_is_valid(digits: str) -> bool:
    """Luhn (mod 10) check of a string of ASCII digits (ISO/IEC 7812-1, annex B)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# A run of at least 13 digits with single spaces or dashes between them. The
# lookbehinds (placed after the first digit, so that re can find candidates
# fast) make it start at the beginning of a run, never in its middle.
_CARD = re.compile(r"[0-9](?<![0-9][0-9])(?<![0-9][ -][0-9])(?:[ -]?[0-9]){12,}+")


def _card_format(lengths: Sequence[int]) -> bool:
    """One block of 13-19 digits, blocks of 4 (last 1-4), or Amex/Diners 4-6-5/4-6-4."""
    if len(lengths) == 1:
        return True
    if all(n == 4 for n in lengths[:-1]) and 1 <= lengths[-1] <= 4:
        return True
    return list(lengths) in ([4, 6, 5], [4, 6, 4])


def _replace_card(m: re.Match[str]) -> Edit | None:
    """Leftmost-longest card numbers among the digit blocks of the run.

    A block glued to a letter, a ``+`` or a number before or after the run is
    left out (``DE89 3704 ...`` is an IBAN, ``+49 ...`` a phone number).
    """
    run = m.group()
    spans = [g.span() for g in _DIGITS.finditer(run)]
    groups = [run[a:b] for a, b in spans]
    lo = 1 if _glued_before(m) else 0
    hi = len(groups) - 1 if _glued_after(m) else len(groups)
    found: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        best = -1
        total = 0
        if groups[i][0] != "0":  # no issuer number starts with 0 (ISO/IEC 7812 MII)
            for j in range(i, hi):
                total += len(groups[j])
                if total > 19:
                    break
                window = groups[i : j + 1]
                if (
                    total >= 13
                    and _card_format([len(g) for g in window])
                    and luhn_is_valid("".join(window))
                ):
                    best = j
        if best < 0:
            i += 1
        else:
            found.append((spans[i][0], spans[best][1]))
            i = best + 1
    if not found:
        return None
    parts = []
    pos = 0
    for a, b in found:
        parts += [run[pos:a], PLACEHOLDERS["card"]]
        pos = b
    parts.append(run[pos:])
    return m.start(), m.end(), "".join(parts), len(found)


# -- IBAN: country length + ISO 7064 mod 97-10 ----------------------------------

#: IBAN length per country, from the SWIFT IBAN Registry (ISO 13616), 2024
#: edition: the countries and territories it lists, with their IBAN length.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
    "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
    "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
    "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
    "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    "YE": 30,
}  # fmt: skip


def iban_is_valid(iban: str) -> bool:
    """Country length and mod-97 checksum (ISO 13616-1, ISO 7064 MOD 97-10)."""
    compact = iban.replace(" ", "").upper()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    if not (compact.isascii() and compact.isalnum() and compact[2:4].isdigit()):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


# Anchored on the check digits, which must follow the two letters of a country
# code: then 11-32 letters or digits with single spaces anywhere (people group
# in fours, or not at all). The callable takes the country's exact length.
_IBAN = re.compile(r"[0-9]{2}(?<=[A-Za-z]{2}[0-9]{2})(?: ?[A-Za-z0-9]){11,32}")


def _replace_iban(m: re.Match[str]) -> Edit | None:
    start = m.start() - 2
    c = _char_at(m.string, start - 1)
    if c.isalnum() or c == "_":
        return None
    text = m.string[start : m.end()]
    length = IBAN_LENGTHS.get(text[:2].upper())
    if length is None:
        return None
    seen = 0
    cut = -1
    for pos, ch in enumerate(text):
        if ch != " ":
            seen += 1
            if seen == length:
                cut = pos + 1
                break
    if cut < 0:
        return None
    nxt = _char_at(m.string, start + cut)
    if nxt.isalnum() or nxt == "_":  # the run goes on: not a complete IBAN
        return None
    iban = text[:cut]
    if sum(_is_digit(ch) for ch in iban[4:]) < 8 or not iban_is_valid(iban):
        return None
    return start, start + cut, PLACEHOLDERS["iban"], 1


# -- e-mail ----------------------------------------------------------------------

# Anchored on "@" or an obfuscated "(at)" / "[at]"; the domain has "." or
# "(dot)" / "[punkt]" between its labels and ends in a top-level domain of
# letters. The local part before the anchor is collected by the callable.
_DOT = r"(?:\.|[ ]?[\[(][ ]?(?i:dot|punkt)[ ]?[\])][ ]?)"
_EMAIL = re.compile(
    r"(?:@|[\[(][ ]?(?i:at|ät)[ ]?[\])][ ]?)"
    rf"(?:(?>[^\W_][\w-]*){_DOT})+(?>[^\W\d_]{{2,}})(?![\w-])"
)
_LOCAL_PART = re.compile(r"[\w.+%-]+$")


def _replace_email(m: re.Match[str]) -> Edit | None:
    start = m.start()
    if m.group()[0] != "@" and _char_at(m.string, start - 1) == " ":
        start -= 1
    local = _LOCAL_PART.search(_before(m, 64, start))
    if local is None:
        return None  # "@handle.de" with nothing before: a handle, not an address
    name = local.group().lstrip(".-")
    if not name:
        return None
    return start - len(name), m.end(), PLACEHOLDERS["email"], 1


# -- URLs with tokens or personal parameters --------------------------------------

_URL = re.compile(r"(?:h(?<![\w@./]h)ttps?://|w(?<![\w@./]w)ww\.)[^\s<>\"'`{}|\\^]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\"*…»“”’"

# Parameter names that carry secrets or personal data. Substrings for long,
# unambiguous stems; prefixes and exact names for short ones.
_KEY_SUBSTRINGS = (
    "token", "session", "passw", "passwort", "kennwort", "secret", "email", "e-mail",
    "apikey", "api_key", "signature", "jwt", "auth", "bearer",
)  # fmt: skip
_KEY_PREFIXES = (
    "user", "customer", "kunde", "phone", "telefon", "mobil", "handy", "mail", "account",
    "login", "otp", "iban", "nonce", "vorname", "nachname", "firstname", "lastname",
    "birth", "geburt", "address", "adresse", "street", "strasse", "straße",
)  # fmt: skip
_KEY_EXACT = frozenset(
    "key sid uid ssid pwd pw pass tel sig code hash name fname lname dob plz zip"
    " member memberid recipient empfaenger empfänger".split()
)
_REDACT_CONTEXT = re.compile(
    r"reset|passw|kennwort|verif|confirm|bestaetig|bestätig|activat|aktivier|unsubscribe"
    r"|abmeld|abbestell|opt-?out|magic|invite|einladung|login|anmeld|oauth|callback"
    r"|tracking|verfolg|track-?and-?trace",
    re.IGNORECASE,
)
_UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.I)
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")


def _looks_random(value: str) -> bool:
    """A token, hash or id rather than words: long, letters and digits well mixed.

    Counts the changes between digit, upper-case and lower-case letter along the
    string (separators removed). Random base-62 or hex strings change class at
    most positions; slugs like ``sommer-sale-2024`` change a few times only.
    """
    if _UUID.search(value):
        return True
    t = _NOT_ALNUM.sub("", value)
    if len(t) < 16:
        return False
    digits = sum(c.isdigit() for c in t)
    if digits < 2 or len(t) - digits < 2:
        return False
    classes = [0 if c.isdigit() else 1 if c.isupper() else 2 for c in t]
    runs = 1 + sum(a != b for a, b in zip(classes, classes[1:], strict=False))
    return runs / len(t) >= 0.3


def _sensitive_key(key: str) -> bool:
    k = key.lower().strip()
    if any(s in k for s in _KEY_SUBSTRINGS):
        return True
    parts = [p for p in re.split(r"[^a-z0-9äöüß]+", k) if p] or [k]
    return any(p in _KEY_EXACT or p.startswith(_KEY_PREFIXES) for p in parts)


@functools.lru_cache(maxsize=65_536)  # the same help pages are linked again and again
def url_is_personal(url: str) -> bool:
    """Does the URL carry a token, a personal parameter or a random id?"""
    if "@" in url or "%40" in url:
        return True  # user:password@host, an e-mail address, a profile handle
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        fragment = parse_qsl(parts.fragment, keep_blank_values=True)
    except ValueError:
        return False
    for key, value in [*query, *fragment]:
        if _sensitive_key(key) or _looks_random(value):
            return True
    segments = [s for s in parts.path.split("/") if s]
    if any(_looks_random(s) for s in segments):
        return True
    context = _REDACT_CONTEXT.search(parts.path + "?" + parts.query)
    if context is None:
        return False
    # Reset, confirmation and tracking links: any id after the keyword counts.
    tail = (parts.path + "?" + parts.query)[context.end() :]
    return any(len(t) >= 6 and any(c.isdigit() for c in t) for t in re.split(r"[/?&=#;,]", tail))


def _replace_url(m: re.Match[str]) -> Edit | None:
    url = m.group().rstrip(_URL_TRAILING)
    if not url_is_personal(url):
        return None
    return m.start(), m.start() + len(url), PLACEHOLDERS["url"], 1


# -- IP addresses ----------------------------------------------------------------

_IPV4 = re.compile(
    r"[0-9](?<![\w.][0-9])(?<![0-9][,:][0-9])[0-9]{0,2}\.(?:[0-9]{1,3}\.){2}[0-9]{1,3}"
    r"(?![\w]|\.[0-9])"
)
_VERSION_CUE = re.compile(
    r"(?:\bv|version|vers\.|ver\.|build|release|firmware|update|patch|fix\w*)[ ]?$", re.IGNORECASE
)
# Anchored on a colon followed by at most 4 hex digits and another colon; the
# callable extends the candidate both ways and lets ipaddress decide.
_IPV6 = re.compile(r":(?=[0-9A-Fa-f]{0,4}:)")
_HEX_TAIL = re.compile(r"[0-9A-Fa-f]{0,4}$")
_IPV6_BODY = re.compile(r"[0-9A-Fa-f:.]*+")


def _replace_ipv4(m: re.Match[str]) -> Edit | None:
    if _VERSION_CUE.search(_before(m, 12)):
        return None  # "Version 1.2.3.4", "v10.0.0.1"
    try:
        ipaddress.IPv4Address(m.group())  # octets <= 255, no leading zeros
    except ValueError:
        return None
    return _whole(m, "ip")


def _replace_ipv6(m: re.Match[str]) -> Edit | None:
    text = m.string
    head = _HEX_TAIL.search(_before(m, 4))
    start = m.start() - (len(head.group()) if head else 0)
    c = _char_at(text, start - 1)
    if c.isalnum() or c in "_:.":
        return None
    body = _IPV6_BODY.match(text, m.start())
    end = body.end() if body else m.end()
    c = _char_at(text, end)
    if c.isalnum() or c == "_":
        return None
    addr = text[start:end].rstrip(".")
    try:
        ipaddress.IPv6Address(addr)
    except ValueError:
        return None
    long_groups = sum(len(g) >= 3 for g in addr.split(":"))
    if long_groups < 2 and "." not in addr:
        return None  # "::1", "1:2:3:4:5:6:7:8": too little to be somebody's address
    return start, start + len(addr), PLACEHOLDERS["ip"], 1


# -- phone numbers --------------------------------------------------------------

# Lookbehinds sit after the first character, so that re can find candidates by
# their first character. (?<![\w+]X) : X does not continue a word or a "+".
# (?<![0-9][ .,:/-]X) : X is not the middle of a number written in groups.

# International: "+49 ..." or "0049 ...", then digit groups separated by a
# space, "-", "/" or "." (spaces around these allowed) and an optional "(0)".
_PHONE_INTL = re.compile(
    r"(?:\+(?<![\w+]\+)(?<![0-9][ .,:/-]\+)|00(?<![\w+]00)(?<![0-9][ .,:/-]00))"
    r"(?=[1-9])[0-9]++"
    r"(?:(?:[ ]?[./-][ ]?|[ ])?[(\[]?[0-9]++[)\]]?){0,7}+"
    r"(?![\w])"
)
# National with trunk prefix 0 (DE, AT, CH, UK, ...): "0171 2345678",
# "030-12345678", "(030) 1234567", "0171/2345678", "01712345678". No dots, so
# that dates ("01.02.2026") are never taken for phone numbers.
_PHONE_TRUNK = re.compile(
    r"(?:\((?<![\w+]\()(?<![0-9][ .,:/-]\()0[1-9][0-9]{1,4}\)"
    r"|0(?<![\w+]0)(?<![0-9][ .,:/-]0)[1-9][0-9]*+)"
    r"(?:(?:[ ]?[/-][ ]?|[ ])\(?[0-9]++\)?){0,4}+"
    r"(?![\w]|[.,/-][0-9])"
)
# North American without +1: "(415) 555-0100", "415-555-0100", "415.555.0100".
_PHONE_NANP = re.compile(
    r"(?:\((?<![\w+]\()(?<![0-9][ .,:/-]\()[2-9][0-9]{2}\)[ ]?"
    r"|[2-9](?<![\w+][2-9])(?<![0-9][ .,:/-][2-9])[0-9]{2}[ .-])"
    r"[2-9][0-9]{2}[ .-][0-9]{4}"
    r"(?![\w]|[.,/-][0-9])"
)

# Words right before a number that say what it is. The nearest one decides: a
# phone cue keeps the number a phone number, an id word (order, invoice,
# customer, tracking number, ...) in the same clause makes it an id.
_CUE_WORDS = (
    r"tel\w*|phone\w*|fon|handy\w*|mobil\w*|cell\w*|ruf\w*|anruf\w*|call\w*|whatsapp"
    r"|fax\w*|sms|hotline|erreichbar\w*|reach\w*|kontakt\w*|contact\w*|text\s+me"
)
_ID_WORDS = (
    r"bestell\w*|auftrag\w*|auftrags\w*|rechnung\w*|order\w*|invoice\w*|kunden\w*"
    r"|customer\w*|vertrag\w*|vertrags\w*|contract\w*|ticket\w*|vorgang\w*|vorgangs\w*"
    r"|sendung\w*|sendungs\w*|tracking\w*|paket\w*|parcel\w*|referenz\w*|reference\w*|ref"
    r"|artikel\w*|article\w*|item\w*|sku|serien\w*|serial\w*|imei|ean|isbn|iban|bic|blz"
    r"|konto\w*|account\w*|plz|postleitzahl|zip|transaktion\w*|transaction\w*|buchung\w*"
    r"|booking\w*|beleg\w*|receipt\w*|reklamation\w*|rma|case|fall|aktenzeichen|az"
    r"|produkt\w*|product\w*|modell\w*|model\w*|version\w*|mitglied\w*|member\w*"
    r"|steuer\w*|st(?:r)?nr|ust\w*|hrb|tax\w*|vat|versicherung\w*|policy|police\w*"
)
_CONTEXT_WORDS = re.compile(rf"\b(?:(?P<cue>{_CUE_WORDS})|(?P<id>{_ID_WORDS}))\b", re.IGNORECASE)


def _phone_context_ok(m: re.Match[str]) -> bool:
    ctx = _before(m, 40)
    last = None
    for last in _CONTEXT_WORDS.finditer(ctx):  # noqa: B007 - the last one is wanted
        pass
    if last is None or last.lastgroup == "cue":
        return True
    gap = ctx[last.end() :]
    return len(gap) > 25 or any(c in gap for c in ",;!?()\n")


def _shrink(m: re.Match[str], ok: Callable[[list[str]], bool]) -> Edit | None:
    """Redact the longest leading run of digit groups for which ``ok`` holds.

    Trailing groups are dropped when the whole candidate is too long, so that a
    year written after a number ("+49 171 2345678 2026") stays; a last group of
    one digit after a plain space is a count, not part of the number ("0171
    2345678 2 Mal"), while ``030-29021-0`` keeps its extension.
    """
    text = m.group()
    spans = [g.span() for g in _DIGITS.finditer(text)]
    groups = [text[a:b] for a, b in spans]
    for end in range(len(groups), 0, -1):
        if end > 1 and len(groups[end - 1]) == 1:
            if text[spans[end - 2][1] : spans[end - 1][0]] == " ":
                continue
        if ok(groups[:end]):
            close = spans[end - 1][1]
            if close < len(text) and text[close] in ")]" and any(b in text[:close] for b in "(["):
                close += 1
            return m.start(), m.start() + close, PLACEHOLDERS["phone"], 1
    return None


def _replace_phone_intl(m: re.Match[str]) -> Edit | None:
    double_zero = m.group().startswith("00")
    if double_zero and not _phone_context_ok(m):
        return None

    def ok(groups: list[str]) -> bool:
        n = sum(len(g) for g in groups) - (2 if double_zero else 0)
        n -= sum(1 for g in groups[1:] if g == "0")  # the "(0)" trunk digit
        return 8 <= n <= 15  # E.164: at most 15 digits

    return _shrink(m, ok)


def _replace_phone_trunk(m: re.Match[str]) -> Edit | None:
    if not _phone_context_ok(m):
        return None
    bracketed = m.group().startswith("(")

    def ok(groups: list[str]) -> bool:
        n = sum(len(g) for g in groups)
        if len(groups) == 1:
            return 10 <= n <= 12
        return (bracketed or len(groups[0]) >= 3) and 8 <= n <= 13

    return _shrink(m, ok)


def _replace_phone_nanp(m: re.Match[str]) -> Edit | None:
    if not _phone_context_ok(m):
        return None
    return _whole(m, "phone")


# -- social media handles -----------------------------------------------------------

_HANDLE = re.compile(r"@(?<![\w@./]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")


def _replace_handle(m: re.Match[str]) -> Edit | None:
    return _whole(m, "handle")


PASSES: dict[str, tuple[PiiPass, ...]] = {
    "url": (PiiPass("url", r"(?i)https?://|www\.", _URL, _replace_url),),
    "email": (PiiPass("email", r"@|[\[(] ?(?i:at|ät) ?[\])]", _EMAIL, _replace_email),),
    "iban": (PiiPass("iban", r"[A-Za-z]{2}[0-9]{2}", _IBAN, _replace_iban),),
    "card": (PiiPass("card", r"[0-9](?:[ -]?[0-9]){12}", _CARD, _replace_card),),
    "ip": (
        PiiPass("ip", r"[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:", _IPV6, _replace_ipv6),
        PiiPass("ip", r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]", _IPV4, _replace_ipv4),
    ),
    "phone": (
        PiiPass("phone", r"(?:\+|00)[1-9]", _PHONE_INTL, _replace_phone_intl),
        PiiPass(
            "phone", r"0[1-9](?:[ ()\[\]./-]{0,5}[0-9]){6}", _PHONE_TRUNK, _replace_phone_trunk
        ),
        PiiPass(
            "phone",
            r"[2-9][0-9]{2}(?:\) ?|[ .-])[2-9][0-9]{2}[ .-][0-9]{4}",
            _PHONE_NANP,
            _replace_phone_nanp,
        ),
    ),
    "handle": (PiiPass("handle", "@", _HANDLE, _replace_handle),),
}
