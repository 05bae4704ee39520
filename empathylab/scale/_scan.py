"""Record boundaries of a big delimited file, found in its bytes without parsing it.

A record ends at a line break outside quotes: where the number of quote characters
since the first data line is even. For ASCII-compatible encodings (UTF-8, cp1252,
ISO 8859-x, ...) the quote and the line break are single bytes, so numpy finds the
boundaries of a block of megabytes at once. UTF-16/32 files are not split (re-save
them as UTF-8 or read them whole).
"""

from __future__ import annotations

import bz2
import gzip
import lzma
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from ..exceptions import FeedbackFormatError
from ..io.delimited import _SNIFF_LINES, _find_header, sniff_dialect
from ..io.encoding import decode_bytes

__all__ = ["CsvLayout", "csv_layout", "iter_blocks", "open_binary"]

_HEAD_BYTES = 1 << 20
_BLOCK = 1 << 24
_QUOTE, _NEWLINE = ord('"'), ord("\n")


def open_binary(path: Path) -> IO[bytes]:
    """The file's (decompressed) bytes as a stream: gzip, bz2 and xz are unpacked."""
    with open(path, "rb") as handle:
        magic = handle.read(6)
    if magic[:2] == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if magic[:3] == b"BZh":
        return bz2.open(path, "rb")
    if magic[:6] == b"\xfd7zXZ\x00":
        return lzma.open(path, "rb")
    if magic[:4] == b"PK\x03\x04":
        raise FeedbackFormatError(
            f"{path.name}: zip archives and Excel files cannot be read in chunks; unpack the "
            "archive (or save the sheet as CSV), or read it without chunksize=."
        )
    return open(path, "rb")


@dataclass(frozen=True)
class CsvLayout:
    """What every chunk of a delimited file shares: its head and its dialect."""

    name: str
    header: bytes  # preamble, blank lines and the header line(s), up to the first record
    header_line_count: int
    header_blank_lines: int
    column_header: bytes  # the header line(s) alone, put in front of the later pieces
    column_header_line_count: int
    delimiter: str
    encoding: str  # detected on the head; each chunk is decoded on its own unless given


def csv_layout(path: Path, *, delimiter: str | None, encoding: str | None) -> CsvLayout:
    """Read the head of ``path`` and find where the records begin."""
    eof = False
    with open_binary(path) as handle:
        head = handle.read(_HEAD_BYTES)
        eof = len(head) < _HEAD_BYTES
        while not eof and head.count(b"\n") < 2 * _SNIFF_LINES + 2:
            more = handle.read(_HEAD_BYTES)
            eof = len(more) < _HEAD_BYTES
            head += more
    if not head.strip():
        raise FeedbackFormatError(f"{path.name}: the file is empty; export the data again.")
    text, used = decode_bytes(head, source=path.name, encoding=encoding)
    if used.replace("_", "-").lower().startswith(("utf-16", "utf-32", "utf16", "utf32")):
        raise FeedbackFormatError(
            f"{path.name}: {used} files cannot be split into chunks; save the file as UTF-8 "
            "(or read it without chunksize=)."
        )
    if b"\r" in head and b"\n" not in head:
        raise FeedbackFormatError(
            f"{path.name}: lines end in a lone CR (old Mac files); convert the line ends, or "
            "read it without chunksize=."
        )
    if delimiter is None and path.suffix.lower() == ".tsv":
        delimiter = "\t"
    norm = text.replace("\r\n", "\n").lstrip("\ufeff")
    dialect, skip = sniff_dialect(norm, delimiter)
    lines = norm.split("\n")
    if not eof:
        lines = lines[:-1]  # the last line of the head may be cut
    h_index, h_lines, _ = _find_header(lines, skip, dialect)
    first_record = h_index + h_lines  # 0-based index of the first data line
    offset = 0
    for _ in range(first_record):
        nxt = head.find(b"\n", offset)
        if nxt < 0:
            offset = len(head)
            break
        offset = nxt + 1
    header_start = 0
    for _ in range(h_index):
        header_start = head.find(b"\n", header_start) + 1
    blank = sum(1 for ln in lines[skip:h_index] if not ln.strip())
    return CsvLayout(name=path.name, header=head[:offset], header_line_count=first_record,
                     header_blank_lines=blank, column_header=head[header_start:offset],
                     column_header_line_count=h_lines, delimiter=dialect.delimiter,
                     encoding=used)


def iter_blocks(
    path: Path, layout: CsvLayout, chunksize: int, *, block: int = _BLOCK
) -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(first_line, byte_offset, data)`` of pieces of about ``chunksize`` records.

    ``first_line`` is the 0-based line index of the piece's first line in the file,
    ``byte_offset`` its position in the (decompressed) bytes. Lines inside quoted
    fields never end a piece. A quote that is opened and never closed keeps the
    piece open until the quotes balance again (the piece is then larger, the
    records are the same as read whole).
    """
    if chunksize < 1:
        raise ValueError(f"`chunksize` must be a positive number of rows, but {chunksize!r} "
                         "was passed.")
    with open_binary(path) as handle:
        handle.seek(len(layout.header)) if handle.seekable() else handle.read(len(layout.header))
        pending = b""
        parity = 0
        count = 0  # record boundaries in `pending`
        line = layout.header_line_count
        offset = len(layout.header)
        while True:
            data = handle.read(block)
            if not data:
                break
            arr = np.frombuffer(data, dtype=np.uint8)
            quotes = np.cumsum(arr == _QUOTE, dtype=np.int64) + parity
            ends = np.flatnonzero((arr == _NEWLINE) & (quotes % 2 == 0))
            parity = int(quotes[-1] % 2) if len(quotes) else parity
            start = 0
            need = chunksize - count
            while len(ends) >= need:
                cut = int(ends[need - 1]) + 1
                piece = pending + data[start:cut]
                yield line, offset, piece
                line += piece.count(b"\n")
                offset += len(piece)
                pending, start, count = b"", cut, 0
                ends = ends[need:]
                need = chunksize
            pending += data[start:]
            count += len(ends)
        if pending.strip():
            yield line, offset, pending

