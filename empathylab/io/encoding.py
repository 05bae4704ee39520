"""Text encodings of exports: detection, decoding, and repair of mojibake.

German exports come as UTF-8 (with or without BOM), as Windows-1252 from
Excel's "CSV (Trennzeichen-getrennt)", or as UTF-16 from "Unicode-Text" and
from Google Play. Text that went through a wrong decode once shows as
mojibake (``Ã¼`` for ``ü``); :func:`repair_mojibake` undoes that with ftfy.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

import pandas as pd

from ..exceptions import FeedbackFormatError

__all__ = ["decode_bytes", "repair_mojibake"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Single-byte encodings a German or English export can plausibly use, most likely first.
_CANDIDATES = ("cp1252", "iso8859_15", "cp1250", "cp850", "mac_roman", "latin_1")
# Non-ASCII characters that are common in German, English and other Western European text.
_PLAUSIBLE = frozenset(
    "äöüÄÖÜßéèêëàáâçñóòôúùûíìîïÿœŒ€„“”‚‘’–—…«»°§²³µ·×ÉÈÀÁÇÑÓÒÚÙÍÌÅåæøØšžŠŽłŁ\u00a0"
)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _plausibility(text: str) -> int:
    """Common Western letters count +1 each, any other non-ASCII character -3."""
    found = Counter(_NON_ASCII.findall(text))
    return sum(n if ch in _PLAUSIBLE else -3 * n for ch, n in found.items())


def _guess_single_byte(data: bytes) -> tuple[str, str]:
    """Decode with the candidate whose result looks most like Western text."""
    sample = data[:200_000]
    best: tuple[int, int] | None = None
    choice = "latin_1"
    for rank, name in enumerate(_CANDIDATES):
        try:
            decoded = sample.decode(name)
        except UnicodeDecodeError:
            continue
        score = (_plausibility(decoded), -rank)
        if best is None or score > best:
            best, choice = score, name
    try:
        return data.decode(choice), codecs.lookup(choice).name
    except UnicodeDecodeError:  # the sample decoded, a later byte did not
        return data.decode("latin_1"), "iso8859-1"


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode an export's bytes; return ``(text, encoding_used)``.

    Order: the caller's ``encoding``; a byte-order mark; strict UTF-8; UTF-16
    without BOM (recognised by its zero bytes); otherwise the single-byte
    encoding (cp1252, ISO 8859-15, cp1250, cp850, Mac Roman, latin-1) whose
    decoded text has the most common Western letters (``ä``, ``ß``, ``é``,
    ``€``, typographic quotes) and the fewest unusual symbols; ties go to
    cp1252, which German Excel writes. (charset-normalizer was tried first and
    chose Mac Roman for short German cp1252 files.)

    >>> decode_bytes("Grüße".encode("cp1252"), source="x.csv")
    ('Grüße', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfok", source="x.csv")
    ('ok', 'utf-8-sig')
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise FeedbackFormatError(
                f"{source}: unknown encoding {encoding!r}; use a Python codec name such as "
                "'utf-8', 'cp1252' or 'utf-16'."
            ) from None
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            raise FeedbackFormatError(
                f"{source}, line {line}: the bytes {data[err.start : err.end]!r} are not valid "
                f"{encoding}; pass encoding=None to detect the encoding, or the right one "
                "(German Excel writes 'cp1252')."
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if data.count(0) > max(8, len(data) // 100):
        raise FeedbackFormatError(
            f"{source}: the file looks binary (it has {data.count(0)} zero bytes) and is not a "
            "CSV/JSON text export; pass format='excel' or format='parquet' if it is one of those, "
            "or export the data again as CSV."
        )
    return _guess_single_byte(data)


# UTF-8 lead byte decoded as cp1252/latin-1 followed by a continuation byte decoded likewise.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161"
    "\u203a\u0153\u017e\u0178]"
)


def repair_mojibake(values: pd.Series) -> tuple[pd.Series, int]:
    """Repair UTF-8 text that was decoded as cp1252/latin-1 (``Ã¼`` -> ``ü``).

    Only cells that contain a mojibake pattern are handed to ``ftfy.fix_encoding``;
    returns the repaired Series and the number of cells changed.

    >>> s, n = repair_mojibake(pd.Series(["Grüße", "GrÃ¼ÃŸe aus MÃ¼nchen"]))
    >>> s.tolist(), n
    (['Grüße', 'Grüße aus München'], 1)
    """
    text = values.astype("string")
    # the pattern's text (real characters, no escapes) lets pandas run it in pyarrow
    candidates = text.str.contains(_MOJIBAKE.pattern, na=False, regex=True)
    if not candidates.any():
        return values, 0
    import ftfy

    fixed = text[candidates].map(ftfy.fix_encoding)
    changed = fixed != text[candidates]
    n_changed = int(changed.sum())
    if not n_changed:
        return values, 0
    out = values.copy()
    out.loc[fixed.index[changed.to_numpy()]] = fixed[changed.to_numpy()].astype(object).to_numpy()
    return out, n_changed
