"""What every input must satisfy, as plain functions a fuzzer (or a test) can call.

Two targets. :func:`check_parse`: :func:`newsparse.parse` on any text either returns an article whose
JSON validates against the shipped schema and whose every span slices back to its text, or stops
with ``DocumentTimeout`` within its budget; anything else is a crash. :func:`check_decode`:
:func:`newsparse.decode.decode_bytes` on any bytes (and any ``--encoding``) returns text without NUL
characters or raises ``InputError``; anything else is a crash.

The strategies build inputs from the pieces that matter to the stages (quote marks, "said", "By",
month names, line breaks of every kind, odd spaces), so hypothesis reaches the edges fast.
"""

from __future__ import annotations

import json
import time

import jsonschema
from hypothesis import strategies as st

import newsparse
from newsparse.decode import InputError, decode_bytes
from newsparse.schema import article_schema, span_errors

PARSE_TIMEOUT = 5.0  # seconds: a fuzz input is small; over this is a finding in itself
_VALIDATOR = jsonschema.Draft202012Validator(article_schema())

PIECES = [
    *"abcXYZéß .,:;!?()[]-—–/\n\r\t\"'“”‘’«»„‚‹›0123456789",
    "\r\n", "\u2028", "\x85", "\x0b", "\x0c", "\x1c", "\u00a0", "\u200b", "\ufeff", "\u202f", "\x00", "\x7f",
    "said ", "says ", " said.", "told ", "according to ", "By ", "by ", "and ", "By Ana Ruiz", "Dr. ",
    "Mr. ", "Sen. ", "he ", "she ", "Updated: ", "Published ", "Feb. ", "February ", "March 3, 2024",
    "2024-02-07", "12:30 p.m.", "last week", "yesterday", "on Monday", "0:00", "AP Photo/", "(Reuters)",
    "Getty Images", "Photo: ", "Share", "Advertisement", "WASHINGTON — ", "\n\n", "  ", "\t\t",
]

NEWSY_TEXT = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)
ANY_TEXT = st.text(max_size=400)
# Whole lines of the kinds an article has, so the layout stages see headers, bylines and quotes.
_LINE = st.one_of(
    NEWSY_TEXT,
    st.builds(lambda a, b: f"“{a},” {b} said.", NEWSY_TEXT, NEWSY_TEXT),
    st.builds(lambda a: f"By {a}", NEWSY_TEXT),
    st.builds(lambda a, b: f"{a} (AP Photo/{b})", NEWSY_TEXT, NEWSY_TEXT),
)
ARTICLE_TEXT = st.lists(_LINE, max_size=30).map("\n".join)
TEXTS = st.one_of(NEWSY_TEXT, ANY_TEXT, ARTICLE_TEXT)
REFERENCE_DATES = st.sampled_from([None, "2024-02-07", "1999-12-31", "2024-02-29"])

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]
_ENCODED = st.builds(lambda t, enc: t.encode(enc, "replace"), TEXTS, st.sampled_from(ENCODINGS))


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    buf = bytearray(data)
    for pos, byte in edits:
        if buf:
            buf[pos % len(buf)] = byte
    return bytes(buf)


_MUTATED = st.builds(_mutate, _ENCODED, st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4))
BYTES = st.one_of(st.binary(max_size=600), _ENCODED, _MUTATED)
# --encoding values a user might type, including ones that are not text codecs or do not exist.
USER_ENCODINGS = st.sampled_from([None, None, None, *ENCODINGS, "ascii", "utf-7", "idna", "punycode",
                                  "unicode_escape", "raw_unicode_escape", "rot13", "base64", "hex", "zlib",
                                  "no-such-codec", "", "utf-8\x00", "mbcs", "shift_jis", "koi8-r"])


def check_parse(text: str, reference_date: str | None = None, timeout: float = PARSE_TIMEOUT) -> str:
    """Parse ``text``; return ``"ok"`` or ``"timeout"``; raise on any broken promise."""
    started = time.monotonic()
    try:
        article = newsparse.parse(text, reference_date, timeout=timeout)
    except newsparse.DocumentTimeout:
        assert time.monotonic() - started < timeout * 1.5 + 1, "timeout raised long after the budget"
        return "timeout"
    record = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
    _VALIDATOR.validate(record)
    problems = span_errors(record, text)
    assert not problems, problems
    return "ok"


def check_decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data``; return ``"ok"`` or the InputError kind; raise on any other outcome."""
    try:
        text = decode_bytes(data, encoding)
    except InputError as err:
        assert err.kind in {"binary", "decode"}, err
        return err.kind
    assert isinstance(text, str)
    assert "\x00" not in text
    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data:
        assert text == data.decode("utf-8"), "plain UTF-8 must decode unchanged"
    return "ok"
