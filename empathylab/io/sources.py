"""Where an export comes from: paths, file-like objects, compression, format.

URLs are never fetched: analysts' data stays on their machine.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exceptions import FeedbackFormatError

__all__ = ["FORMATS", "RawSource", "detect_format", "open_source"]

FORMATS: tuple[str, ...] = ("csv", "excel", "json", "jsonl", "parquet")

_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".tab": "csv",
    ".xlsx": "excel",
    ".xlsm": "excel",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_COMPRESSED = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bz2", ".xz": "xz", ".zip": "zip"}
_URL_PREFIXES = ("http://", "https://", "ftp://", "s3://", "gs://", "az://", "abfs://")


@dataclass
class RawSource:
    """The bytes of one export (after decompression) and the name to report it by."""

    name: str
    data: bytes
    suffix: str  # lower-case extension of the inner file, '' if unknown
    text: str | None = None  # set when a text-mode file object was passed


def _suffixes(name: str) -> list[str]:
    return [s.lower() for s in Path(name).suffixes]


def _decompress(name: str, data: bytes) -> list[RawSource]:
    """Unpack gzip/bz2/xz/zip; an .xlsx (itself a zip) is left alone."""
    inner = name[: -len(Path(name).suffix)] if Path(name).suffix.lower() in _COMPRESSED else name
    try:
        if data[:2] == b"\x1f\x8b":
            return [RawSource(name, gzip.decompress(data), _inner_suffix(inner))]
        if data[:3] == b"BZh":
            return [RawSource(name, bz2.decompress(data), _inner_suffix(inner))]
        if data[:6] == b"\xfd7zXZ\x00":
            return [RawSource(name, lzma.decompress(data), _inner_suffix(inner))]
    except (OSError, EOFError, ValueError, lzma.LZMAError) as err:
        raise FeedbackFormatError(
            f"{name}: the file is compressed but cannot be unpacked ({err}); it may be "
            "truncated. Unpack it by hand or download it again."
        ) from None
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            raise FeedbackFormatError(
                f"{name}: the file starts like a zip archive but cannot be opened ({err})."
            ) from None
        if "[Content_Types].xml" in names:  # an Office document such as .xlsx
            return [RawSource(name, data, ".xlsx")]
        members = [
            m
            for m in names
            if not m.endswith("/")
            and not Path(m).name.startswith((".", "__MACOSX"))
            and "__MACOSX/" not in m
        ]
        if not members:
            raise FeedbackFormatError(f"{name}: the zip archive holds no files.")
        out = []
        for member in members:
            try:
                payload = archive.read(member)
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as err:
                raise FeedbackFormatError(
                    f"{name}: member {member!r} of the zip archive cannot be read ({err}); "
                    "encrypted archives are not supported, unpack it by hand."
                ) from None
            out.append(RawSource(f"{name}:{member}", payload, _inner_suffix(member)))
        return out
    return [RawSource(name, data, _inner_suffix(name))]


def _inner_suffix(name: str) -> str:
    for suffix in reversed(_suffixes(name)):
        if suffix in _EXTENSIONS:
            return suffix
    return ""


def open_source(source: object) -> list[RawSource]:
    """Read a path or file-like object into one or more :class:`RawSource` (zip members).

    Raises
    ------
    FeedbackFormatError
        For URLs (never fetched), missing files, directories and unreadable objects.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return _decompress("<bytes>", bytes(source))
    if isinstance(source, str) and source.lower().startswith(_URL_PREFIXES):
        raise FeedbackFormatError(
            f"{source}: URLs are not fetched (feedback data stays on your machine); download "
            "the file and pass its path."
        )
    if isinstance(source, str | os.PathLike):
        path = Path(os.fspath(source)).expanduser()
        if path.is_dir():
            raise FeedbackFormatError(
                f"{path}: is a folder; pass one export file (or loop over the files in it)."
            )
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise FeedbackFormatError(
                f"{path}: no such file; check the path (the working directory is {Path.cwd()})."
            ) from None
        except OSError as err:
            raise FeedbackFormatError(f"{path}: cannot be read ({err.strerror}).") from None
        return _decompress(path.name, data)
    read = getattr(source, "read", None)
    if read is None:
        raise FeedbackFormatError(
            f"`source` must be a file path or a file-like object, but a "
            f"{type(source).__name__} was passed. For a DataFrame you already have, skip "
            "read_feedback and select the columns you need."
        )
    name = str(getattr(source, "name", "<file>"))
    content = _read_all(source)
    if isinstance(content, str):
        return [RawSource(name, b"", _inner_suffix(name), text=content)]
    return _decompress(name, content)


def _read_all(handle: Any) -> bytes | str:
    try:
        content = handle.read()
    except (OSError, ValueError) as err:
        raise FeedbackFormatError(f"the file object cannot be read ({err}).") from None
    if isinstance(content, bytes | bytearray | memoryview):
        return bytes(content)
    if isinstance(content, str):
        return content
    raise FeedbackFormatError(
        f"the file object's read() returned {type(content).__name__}, not bytes or str."
    )


def detect_format(raw: RawSource) -> str:
    """``csv``, ``excel``, ``json``, ``jsonl`` or ``parquet`` from content, then extension."""
    data = raw.data
    if raw.text is None:
        if data[:4] == b"PAR1":
            return "parquet"
        if data[:4] == b"PK\x03\x04":
            return "excel"
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise FeedbackFormatError(
                f"{raw.name}: this is an old binary Excel file (.xls), which is not supported; "
                "open it in Excel or LibreOffice and save it as .xlsx or CSV."
            )
    by_extension = _EXTENSIONS.get(raw.suffix)
    head = raw.text[:2000] if raw.text is not None else data[:2000].decode("latin-1")
    head = head.lstrip("\ufeff\x00 \t\r\n").replace("\x00", "")
    if by_extension in ("json", "jsonl"):
        return by_extension
    if by_extension is None and head[:1] in ("{", "["):
        lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
        if (
            head[:1] == "{"
            and len(lines) > 1
            and all(ln.startswith("{") for ln in lines[1:-1] or lines[1:])
            and lines[0].endswith("}")
        ):
            return "jsonl"
        return "json"
    if by_extension in ("excel", "parquet"):
        return by_extension
    return "csv"
