"""Boilerplate: lines that are page furniture, not the article.

The lines are classified as blocks (see :mod:`.blocks`): prose-like or not, smoothed by their
neighbours, and the article is the densest run of prose. Everything before that run, except a window
of lines just above it where the headline, dek, byline and date live (the ``header`` stage decides
those), and everything after it is furniture; so are lines inside it that a cue condemns (a share
row, a timer, "Advertisement"), but not short or repeated lines there: they are the article's lists.
Each dropped line is recorded in ``Document.boilerplate`` with a ``kind`` saying why, so nothing is
lost silently. Short lines that carry the date near the article are labelled ``dateline`` for the
dates stage instead, unless they are items of a list of dates inside the article.
"""

from __future__ import annotations

from .. import rx
from ..document import Document, Line
from ..pipeline import stage
from . import blocks as bk

HEADER_WINDOW = 30  # non-furniture lines above the article body left for the header stage
DATE_TRAILER = 5  # blocks after the article where a bare date line still dates it
EMPTY_STAMP_MAX = 20  # "Zuletzt aktualisiert:" is the longest label alone

_EMPTY_STAMP = rx.compile(
    r"(?:updated|published|posted|last updated|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado)\s*:?",
    rx.I,
)


def is_empty_stamp(line: Line) -> bool:
    """A date label whose date did not survive the copy, e.g. ``Updated:`` alone."""
    text = line.text
    return len(text) <= EMPTY_STAMP_MAX and text[:1].casefold() in "upalvm" and _EMPTY_STAMP.fullmatch(text) is not None


def _header_window_start(blocks: list[bk.Block], first: int) -> int:
    """Index of the first block of the header window above the body's first block ``first``."""
    seen = 0
    i = first
    while i > 0 and seen < HEADER_WINDOW:
        i -= 1
        if blocks[i].cue is None:
            seen += 1
    return i


def _outside_kind(block: bk.Block, before_body: bool) -> str:
    if block.cue is not None:
        return block.cue
    return "navigation" if before_body else "footer"


def _mark_block(doc: Document, block: bk.Block, kind: str, *, near: bool = False) -> None:
    """A line outside the article: furniture, unless it is a labelled date ("Published …") or a
    date line right next to the article (``near``); teaser dates further away stay furniture.
    The caller has already dropped an empty date label (``is_empty_stamp``)."""
    text = block.line.text
    if bk.is_dateline(text) and (near or bk.has_date_label(text)):
        doc.labels[block.line.index] = "dateline"
    else:
        doc.mark_boilerplate(block.line, kind)


def _mark_inside(doc: Document, block: bk.Block) -> None:
    """A line inside the header window or the body: dropped only on a cue."""
    if is_empty_stamp(block.line):
        doc.mark_boilerplate(block.line, "empty_date_label")
    elif bk.is_dateline(block.line.text) and not bk.looks_like_prose(block.line.text):
        return  # the header stage decides whether it is the article's date
    elif block.cue in ("timer", "counter", "share_or_navigation", "repeated_line") or (
        block.cue is not None and block.cls == bk.BAD and not bk.is_dateline(block.line.text)
    ):
        doc.mark_boilerplate(block.line, block.cue)


@stage("boilerplate", requires=("lines", "labels"), assigns=("boilerplate", "layout"))
def boilerplate(doc: Document) -> None:
    blocks, region = doc.layout = bk.classify(doc.lines)
    if region is None:
        for block in blocks:
            _mark_inside(doc, block)
        return
    first, last = region
    window = _header_window_start(blocks, first)
    dated = {i for i in range(first, last + 1) if bk.is_dateline(blocks[i].line.text)}
    listed = _date_lists(blocks, dated, first, last)
    for i, block in enumerate(blocks):
        if doc.labels[block.line.index] is not None:
            continue
        if is_empty_stamp(block.line):
            doc.mark_boilerplate(block.line, "empty_date_label")
        elif i < window:
            _mark_block(doc, block, _outside_kind(block, before_body=True))
        elif i < first:
            _mark_inside(doc, block)
        elif i <= last:
            _mark_body_line(doc, block, dated=i in dated, in_date_list=i in listed)
        else:
            _mark_block(doc, block, _outside_kind(block, before_body=False), near=i <= last + DATE_TRAILER)


DATE_LIST_MIN = 3  # date lines in a row inside the article that make a list (tour dates, a timeline)


def _date_lists(blocks: list[bk.Block], dated: set[int], first: int, last: int) -> set[int]:
    """The date lines (indexes in ``dated``) that stand in a list of several (tour dates, a
    timeline): runs of lines with no blank line between them, inside the article ``first..last``.
    Its items are the article's text, not its dateline (which may sit next to one other date line).
    Each run is walked once, so a page with no blank lines costs one pass, not one per date line.

    >>> from newsparse.stages.normalize import split_lines
    >>> blocks = bk.measure(split_lines("Intro\\nMay 3, 2024\\nMay 9, 2024\\nMay 12, 2024\\n\\nMay 20, 2024"), "en")
    >>> sorted(_date_lists(blocks, {1, 2, 3, 4}, 0, len(blocks) - 1))
    [1, 2, 3]
    """
    listed: set[int] = set()
    start = first
    for i in range(first, last + 1):
        if i == last or blocks[i + 1].line.blank_before:  # the run ``start..i`` ends here
            run = [k for k in range(start, i + 1) if k in dated]
            if len(run) >= DATE_LIST_MIN:
                listed.update(run)
            start = i + 1
    return listed


def _mark_body_line(doc: Document, block: bk.Block, *, dated: bool, in_date_list: bool = False) -> None:
    """Inside the article: cue-condemned lines go; a short line that is mostly a date is the
    article's dateline. Short lines the smoothing judged not prose stay, and so do lines the page
    repeats: inside the region they are list items, table rows and the steps of a recipe far more
    often than furniture (a menu or a share row there carries a cue)."""
    if in_date_list:
        return
    if dated and not bk.looks_like_prose(block.line.text):  # ``dated``: ``bk.is_dateline``, worked out once
        doc.labels[block.line.index] = "dateline"
        return
    if block.cue is not None and block.cue != "repeated_line":
        _mark_inside(doc, block)
