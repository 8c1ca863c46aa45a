"""Turning input bytes into text, or into a clear reason why not.

Scraped files come as UTF-8 with or without a BOM, sometimes UTF-16, and sometimes are not text at
all. Guessing wrong silently corrupts every offset, so the rules are strict and the failure is named:
``binary`` (NUL bytes that are not UTF-16 text), ``decode`` (not valid in the chosen encoding),
``too_large`` (over the byte limit), ``io`` (cannot be read). :func:`decode_bytes` and
:func:`read_path` raise nothing but :class:`InputError`, whatever the bytes or the ``--encoding``.

Detection, with no ``--encoding``, in this order:

1. a BOM: UTF-8 (dropped), UTF-32 or UTF-16 (LE/BE);
2. NUL bytes in every other position and nowhere else (mostly-ASCII text saved as UTF-16 without a
   BOM, as some Windows tools do): UTF-16-LE or -BE, accepted only when the decoded start is
   printable text;
3. any other NUL byte: ``binary``;
4. otherwise UTF-8, strictly: Latin-1 or cp1252 files fail with a ``decode`` error that names
   ``--encoding``.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # ten times the longest article in the corpora, and then some

_BOMS = (  # longest first: the UTF-32-LE BOM begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 4096
# Control characters a text file may hold; any other C0 control (or DEL) in the sniffed start of a
# NUL-patterned file means it is binary data that merely looks like UTF-16.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


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
    """Decode one input; the decoded text is what every offset refers to.

    >>> decode_bytes(b"\\xef\\xbb\\xbfCaf\\xc3\\xa9")
    'Café'
    >>> decode_bytes(b"\\xff\\xfeH\\x00i\\x00")
    'Hi'
    >>> decode_bytes(b"H\\x00i\\x00")  # UTF-16-LE without a BOM
    'Hi'
    >>> decode_bytes(b"Caf\\xe9", "latin-1")
    'Café'
    """
    if encoding is not None:
        return _reject_nul(data, _decode(data, _text_codec(encoding)))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _reject_nul(data, _decode(data, codec))
    if b"\x00" not in data:
        return _decode(data, "utf-8")
    guess = utf16_by_nul_pattern(data)
    if guess is None:
        raise _binary(data)
    return _reject_nul(data, _decode(data, guess))


def utf16_by_nul_pattern(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the bytes look like BOM-less UTF-16 text, else ``None``.

    Mostly-ASCII text in UTF-16 has a NUL in every other byte and (almost) none in between; binary
    data rarely keeps that rhythm *and* decodes to printable characters.

    >>> utf16_by_nul_pattern("Hello".encode("utf-16-be"))
    'utf-16-be'
    >>> utf16_by_nul_pattern(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR") is None
    True
    """
    if len(data) % 2:
        return None
    sample = data[:_SNIFF_BYTES]
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    if odd_nul >= 0.6 * pairs and even_nul <= 0.05 * pairs:
        codec = "utf-16-le"
    elif even_nul >= 0.6 * pairs and odd_nul <= 0.05 * pairs:
        codec = "utf-16-be"
    else:
        return None
    head = sample.decode(codec, "replace")
    if any(ch < " " and ch not in _TEXT_CONTROLS or ch == "\x7f" for ch in head):
        return None
    return codec


def _text_codec(encoding: str) -> str:
    """The codec for ``--encoding``, refusing bytes-to-bytes codecs such as ``base64`` or ``rot13``.

    ``utf-8`` becomes ``utf-8-sig`` so that a BOM never becomes a character that shifts offsets.
    """
    try:
        info = codecs.lookup(encoding)
    except (LookupError, TypeError, ValueError):
        raise InputError("decode", f"unknown encoding {encoding!r} (--encoding)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError("decode", f"{encoding!r} is not a text encoding (--encoding)")
    return "utf-8-sig" if info.name == "utf-8" else info.name


def _reject_nul(data: bytes, text: str) -> str:
    if "\x00" in text:
        raise InputError("binary", f"NUL character at offset {text.index(chr(0))} of the decoded text: "
                                   "this looks like a binary file, not text")
    return text


def _binary(data: bytes) -> InputError:
    nul = data.index(b"\x00")
    return InputError("binary", f"NUL byte at offset {nul}: this looks like a binary file, not text")


def _decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            "decode",
            f"not valid {exc.encoding} at byte {exc.start}; re-encode the file as UTF-8 "
            f"or pass --encoding (e.g. --encoding cp1252 or --encoding latin-1)",
        ) from None
    except Exception as exc:  # noqa: BLE001 - a codec's own failure (idna, punycode, …) is still a decode error
        raise InputError("decode", f"cannot decode as {codec}: {type(exc).__name__}: {exc}") from None


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None) -> str:
    """Read and decode one file, refusing what is not a regular file or is over ``max_bytes``.

    The file is opened without blocking (a FIFO with no writer must not hang the batch) and checked
    with ``fstat`` on the open descriptor, so a file swapped for something else between the walk
    and the read is judged by what is actually read.
    """
    data = _read_limited(path, max_bytes)
    return decode_bytes(data, encoding)


def _read_limited(path: str, max_bytes: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise InputError("io", f"cannot open: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("io", f"not a regular file ({_file_kind(st.st_mode)}); skipped")
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
    if len(data) > max_bytes:  # it grew after fstat
        raise InputError("too_large", f"over the limit of {max_bytes} bytes (--max-bytes)")
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")
