"""The file decoder: every byte string becomes text or an InputError that says what to do."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.decode import InputError, decode_bytes, read_path, utf16_by_nul_pattern

TEXT = "Café reopens\r\n\nIt is “open,” she said.\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with a BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-16-le"),  # no BOM: found by the NUL rhythm
    TEXT.encode("utf-16-be"),
    TEXT.encode("utf-32"),
])
def test_every_unicode_form_gives_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n "])
def test_empty_and_whitespace_decode(data: bytes) -> None:
    assert decode_bytes(data) == data.decode()


def test_nul_bytes_are_binary_with_the_offset() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert err.value.kind == "binary" and "offset 8" in err.value.message


def test_utf16_lookalike_binary_is_still_binary() -> None:
    # Little-endian 16-bit numbers: a NUL in every other byte, but the "text" is control characters.
    data = bytes(b for n in range(1, 200) for b in (n % 20, 0))
    assert utf16_by_nul_pattern(data) is None
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.kind == "binary"


def test_utf16_text_with_a_nul_character_is_binary() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes("ab\x00cd".encode("utf-16"))
    assert err.value.kind == "binary"


def test_latin1_fails_clearly_and_decodes_with_encoding() -> None:
    data = "Caf\xe9 reopens".encode("latin-1")
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.kind == "decode"
    assert "--encoding" in err.value.message and "byte 3" in err.value.message
    assert decode_bytes(data, "latin-1") == "Café reopens"
    assert decode_bytes(data, "cp1252") == "Café reopens"


def test_explicit_utf8_still_drops_the_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"Hi", "utf-8") == "Hi"
    assert decode_bytes(codecs.BOM_UTF8 + b"Hi", "UTF8") == "Hi"


@pytest.mark.parametrize("encoding", ["rot13", "base64", "hex", "zlib", "no-such-codec", "", "utf-8\x00"])
def test_bad_encoding_names_are_decode_errors(encoding: str) -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(b"abc", encoding)
    assert err.value.kind == "decode"


@pytest.mark.parametrize("encoding", ["idna", "punycode", "utf-7", "unicode_escape", "ascii", "utf-16", "utf-32"])
def test_codec_failures_are_decode_errors(encoding: str) -> None:
    for data in (b"\xff\xfe\x00", b"abc\\x", b"\x80\x81+-", b"xn--\xff" * 30):
        try:
            assert isinstance(decode_bytes(data, encoding), str)
        except InputError as err:
            assert err.kind in {"decode", "binary"}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "utf-16", "latin-1", "cp1252", "idna", "utf-7"]))
def test_decoder_raises_only_input_error(data: bytes, encoding: str | None) -> None:
    try:
        text = decode_bytes(data, encoding)
    except InputError:
        return
    assert "\x00" not in text


def test_read_path_refuses_large_files_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(InputError) as err:
        read_path(str(big), max_bytes=10 * 1024 * 1024)
    assert err.value.kind == "too_large" and "--max-bytes" in err.value.message


def test_read_path_refuses_fifos_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as err:
        read_path(str(fifo))
    assert err.value.kind == "io" and "FIFO" in err.value.message


def test_read_path_refuses_directories_and_bad_names(tmp_path: Path) -> None:
    for path in (str(tmp_path), str(tmp_path / "no-such.txt"), "bad\x00name.txt"):
        with pytest.raises(InputError) as err:
            read_path(path)
        assert err.value.kind == "io"
