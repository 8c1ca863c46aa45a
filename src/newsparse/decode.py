"""Turning input bytes into text, or into a clear reason why not.

Scraped files come as UTF-8 with or without a BOM, sometimes UTF-16, and sometimes are not text at
all. Guessing wrong silently corrupts every offset, so the rules are strict and the failure is named:
``binary`` (NUL bytes without a UTF-16 BOM), ``decode`` (not valid in the chosen encoding),
``too_large`` (over the byte limit), ``io`` (cannot be read).
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # ten times the longest article in the corpora, and then some


@dataclass
class InputError(Exception):
    """An input that cannot become a Document; ``kind`` is one of the error record kinds."""

    kind: str  # binary | decode | io | too_large | bad_record | timeout | worker_died | internal
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode one input.

    With no ``encoding``: a UTF-16 BOM means UTF-16; otherwise UTF-8 (a UTF-8 BOM is dropped).
    The decoded text is what every offset refers to.

    >>> decode_bytes(b"\\xef\\xbb\\xbfCaf\\xc3\\xa9")
    'Café'
    >>> decode_bytes(b"\\xff\\xfeH\\x00i\\x00")
    'Hi'
    """
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return _decode(data, "utf-16")
        if b"\x00" in data:
            return _raise_binary(data)
        return _decode(data, "utf-8-sig")
    text = _decode(data, encoding)
    if "\x00" in text:
        _raise_binary(data)
    return text


def _raise_binary(data: bytes) -> str:
    nul = data.index(b"\x00")
    raise InputError("binary", f"NUL byte at offset {nul}: this looks like a binary file, not text")


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            "decode",
            f"not valid {exc.encoding} at byte {exc.start}; re-encode the file as UTF-8 "
            f"or pass --encoding (e.g. --encoding cp1252)",
        ) from None
    except LookupError:
        raise InputError("decode", f"unknown encoding {encoding!r}") from None


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> str:
    """Read and decode one file, refusing what is not a regular file or is over ``max_bytes``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError("io", f"cannot open: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("io", "not a regular file (a FIFO, device or socket); skipped")
        if st.st_size > max_bytes:
            raise InputError("too_large", f"{st.st_size} bytes is over the limit of {max_bytes} (--max-bytes)")
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError("io", f"cannot read: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise InputError("too_large", f"over the limit of {max_bytes} bytes (--max-bytes)")
    return decode_bytes(data, encoding)
