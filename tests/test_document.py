from __future__ import annotations

import newsparse
from newsparse.document import make_view
from newsparse.stages.normalize import split_lines

from conftest import assert_valid_output


def test_view_keeps_length_and_maps_odd_spaces() -> None:
    text = "A\u00a0B\u200bC\r\nD\ufeff"
    view = make_view(text)
    assert len(view) == len(text)
    assert view == "A B C\r\nD "


def test_lines_carry_offsets_into_the_original() -> None:
    text = "\ufeffTitle line\r\n\r\n  Body\u00a0text here.  \rLast"
    for line in split_lines(make_view(text)):
        assert text[line.content_start:line.content_end].replace("\u00a0", " ") == line.text


def test_crlf_bom_and_nbsp_do_not_shift_offsets() -> None:
    plain = "Harbor Bridge Reopens\n\nBy Ana Ruiz\n\n“We are done,” Ruiz said on Monday.\n"
    crlf = "\ufeff" + plain.replace("\n", "\r\n").replace("Ana Ruiz", "Ana\u00a0Ruiz")
    for text in (plain, crlf):
        art = newsparse.parse(text, reference_date="2024-02-07")
        out = art.to_dict()
        assert_valid_output(out, text)
        assert out["headline"]["text"] == "Harbor Bridge Reopens"
        assert out["quotes"][0]["text"] == "We are done,"


def test_parse_rejects_bytes_and_bad_reference_dates() -> None:
    import pytest

    with pytest.raises(TypeError):
        newsparse.parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO date"):
        newsparse.parse("x", reference_date="last Tuesday")
