"""The fast paths of the layout stages give exactly what the plain versions they replace give."""

from __future__ import annotations

import itertools

import pytest

from newsparse import rx
from newsparse.document import _SPACE_LIKE, make_view
from newsparse.stages import blocks as bk
from newsparse.stages.header import _PARAGRAPH_END, _ends_paragraph
from newsparse.stages.normalize import _LINE_BREAK, split_lines

PIECES = ["a", "B c", " ", "\u00a0", "\t", "\n", "\r", "\r\n", "\u2028", "\x85", "\x1c", "\u3000", "."]


def _split_lines_by_pattern(view: str) -> list[tuple[int, int, int, int, str, bool]]:
    """The plain version: every break found by the pattern."""
    out, pos, prev_blank = [], 0, True
    breaks = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(view)] + [(len(view), len(view))]
    for brk_start, brk_end in breaks:
        raw = view[pos:brk_start]
        cs = pos + len(raw) - len(raw.lstrip())
        ce = max(cs, pos + len(raw.rstrip()))
        out.append((pos, brk_start, cs, ce, view[cs:ce], prev_blank))
        prev_blank = cs == ce
        pos = brk_end
    return out


def _texts() -> list[str]:
    return ["".join(p) for n in range(4) for p in itertools.product(PIECES, repeat=n)]


def test_split_lines_matches_the_pattern_split() -> None:
    for text in _texts():
        view = make_view(text)
        got = [(ln.start, ln.end, ln.content_start, ln.content_end, ln.text, ln.blank_before) for ln in split_lines(view)]
        assert got == _split_lines_by_pattern(view), repr(text)
        assert [ln.index for ln in split_lines(view)] == list(range(len(got)))


def test_make_view_matches_translate() -> None:
    for text in _texts() + ["x\ufeffy\u200bz\u2060", "\u202f\u205f\u1680\u2009"]:
        assert make_view(text) == text.translate(_SPACE_LIKE)
        assert len(make_view(text)) == len(text)


@pytest.mark.parametrize("text", ["Done.", "Done. ", "Done.\x1c", "Done", "", " ", "«Oui»", "Fin\u3000", "Why?\u2028"])
def test_ends_paragraph_matches_the_pattern(text: str) -> None:
    assert _ends_paragraph(text) == (_PARAGRAPH_END.search(text) is not None)


def test_cjk_chars_keeps_only_cjk_in_order() -> None:
    assert bk.cjk_chars("a東b京c") == "東京"
    assert bk.cjk_chars("plain text") == ""
    assert bk.cjk_count("a東b京c서") == 3


def test_plain_words_cuts_edge_punctuation() -> None:
    assert bk._plain_words("«Share» this, (now) -- !") == ["share", "this", "now"]


def test_timer_needs_no_pattern_call_without_a_colon() -> None:
    assert bk.cue_kind("1:05 / 3:20") == "timer"
    assert bk.cue_kind("105") != "timer"


@pytest.mark.parametrize("method", ["search", "match", "fullmatch", "finditer", "split"])
def test_every_pattern_call_checks_the_budget(method: str) -> None:
    pattern = rx.compile(r"a\w*")
    assert getattr(pattern, method)("abc")
    with rx.deadline(-1.0), pytest.raises(rx.DocumentTimeout):
        getattr(pattern, method)("abc")


def test_sub_checks_the_budget() -> None:
    pattern = rx.compile(r"b")
    assert pattern.sub("x", "abc") == "axc"
    with rx.deadline(-1.0), pytest.raises(rx.DocumentTimeout):
        pattern.sub("x", "abc")


DATE_LINES = [
    "Updated Feb. 7, 2024 at 10:00", "Posted 3 March 2021", "MÄRZ 12, 2020", "am 12. märz 2020",
    "2024-03-01 09:00", "7.2.2024, 14:30 Uhr", "12/05/21 update", "Scores 3-4-21 then 12 4 0.5",
    "Season 2024 preview", "Marchers 12, 2020", "x/jan 5, 2021", "Rooms 12 and 14", "2024年3月1日",
    "on 5 de mayo de 2021", "Septembers 4", "maybe 5 of 6", "Ref. 12.10.", "sept. 4, 2019",
]


@pytest.mark.parametrize("text", DATE_LINES)
def test_find_date_prefilter_matches_the_full_pattern(text: str) -> None:
    """A line naming no month goes to the numeric-only pattern: it must find what the full one finds."""
    full = bk._date_pattern().search(text)
    got = bk.find_date(text)
    assert (got and got.span()) == (full and full.span())


def test_names_a_month_sees_every_case() -> None:
    assert bk.names_a_month("ON 3 SEPTEMBER") and bk.names_a_month("ein Tag im März")
    assert not bk.names_a_month("Rooms 12 and 14")


def test_opens_menu_matches_the_longest_run() -> None:
    """The short-circuit test equals the plain one: the longest menu run of the next four blocks."""
    lines = ["Local News", "Sport", "It rained all day in the valley.", "World", "Opinion", "Weather",
             "Video", "12 4 0.5", "Arts", "Books"]
    for n in range(len(lines) + 1):
        blocks = bk.measure(split_lines("\n".join(lines[:n])), "en")
        for i in range(len(blocks)):
            assert bk._opens_menu(blocks, i) == (bk._longest_menu_run(blocks[i:i + bk.MENU_RUN]) >= bk.MENU_RUN)


@pytest.mark.parametrize("limit", [0, 1, 3, 5, 100])
def test_leading_chars_matches_the_whole_join(limit: int) -> None:
    lines = split_lines("東京 の 橋\n\nab  c\nd e f g h")
    assert bk._leading_chars(lines, limit) == "".join(ln.text for ln in lines).replace(" ", "")[:limit]


@pytest.mark.parametrize("text", ["", "abc", "東京の橋", "Привет мир", "é à ü", "😀 ok", "한국어 text", "\ud800x"])
def test_wide_char_bound_never_undercounts_cjk(text: str) -> None:
    assert bk._most_wide_chars(text) >= bk.cjk_count(text)


def test_mostly_cjk_matches_the_plain_count() -> None:
    for text in ["The bridge reopened.", "東京の新しい橋が開通した", "Мост открыт снова", "橋 bridge bridge bridge"]:
        lines = split_lines(text)
        sample = "".join(ln.text for ln in lines).replace(" ", "")[:bk.CJK_SAMPLE]
        assert bk._mostly_cjk(lines) == (bool(sample) and bk.cjk_count(sample) > bk.CJK_SHARE * len(sample))


def test_prefix_regions_match_main_region_of_each_prefix() -> None:
    text = "Home\nNews\n" + "The council met on Monday and voted to close the old bridge for a year.\n" * 3 + "Share\n© 2024 Daily"
    blocks = bk.measure(split_lines(text), "en")
    assert bk._prefix_regions(blocks) == [bk.main_region(blocks[:i]) for i in range(len(blocks) + 1)]


def test_month_prefilter_keeps_a_name_for_every_month() -> None:
    folded = bk._folded_month_names()
    assert all(any(short in name.casefold() for short in folded) for name in bk._month_names())


@pytest.mark.parametrize("text", [
    "this website uses cookies to improve your experience while you navigate the site.",
    "the council met on monday and voted to close the old bridge for repairs until may, the mayor said.", "",
])
def test_notice_prefilter_matches_the_phrase_scan(text: str) -> None:
    plain = next((kind for phrase, kind in bk._notice_phrases() if phrase in text), None)
    assert bk.notice_kind(text) == plain
