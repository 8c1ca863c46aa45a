"""The published date and the reference date, each with the words that support it.

A published date comes only from the page's own furniture: a dateline or byline, a line that
introduces a date ("Updated: 7 Feb 2024"), or a date standing alone on a line near the top. A date
inside the story ("the attack on Oct. 7, 2023") is never the published date; it can only be the
*inferred* reference when nothing better exists, and the output says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import lexicon, rx
from ..document import Line
from .words import alternation

# How far into the page a bare date line can be furniture rather than story.
HEADER_LINES = 12
# Lines this short that hold a full date are date lines, not sentences.
SHORT_LINE = 60

_CUE = rx.compile(rf"^\W*(?:{alternation(lexicon.entries('published_cues'))})\b", rx.I)


# A wire dateline opening the first paragraph: "WASHINGTON, March 12 (Agency) -- Talks ...".
_DATELINE_BEFORE = rx.compile(r"^\p{Lu}[\p{L} .,'\u2019-]{1,60},\s*$")
_DATELINE_AFTER = rx.compile(r"^\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|\u2014|\u2013|_|:)")


def is_dateline_date(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` is the date of a wire dateline ("WASHINGTON, March 12 (Agency)
    --"): the page's own date, like a byline's, not a time the story talks about.

    >>> is_dateline_date("WASHINGTON, March 12 (Wire) -- Talks resumed.", 12, 20)
    True
    """
    return bool(
        start <= 62
        and _DATELINE_BEFORE.match(line[:start])
        and _DATELINE_AFTER.match(line[end:end + 40])
    )


@dataclass(frozen=True, slots=True)
class FullDate:
    """A complete calendar date found in a line: offsets are into the document."""

    date: dt.date
    start: int
    end: int
    line: Line


# How strongly a line says "this is the page's date", strongest first (None: not at all).
CUE, BYLINE, WIRE_DATELINE, DATE_LINE, TIMESTAMP = range(5)

# A clock time right after a full date: "Jan. 13, 2020 / 1:39 PM", "19.10.2019, 11:29 Uhr",
# "8. Mai 2021 um 10:56". Pages stamp their own date that way; stories rarely write it.
_CLOCK_AFTER = rx.compile(r"^[\s,/|·•-]{0,4}(?:(?:um|at|à|a las|alle)\s+)?[0-2]?\d[:.h][0-5]\d(?!\d)", rx.I)


def is_timestamp(line: Line, date: FullDate) -> bool:
    """Whether ``date`` is followed by a clock time, as a page's own time stamp is ("Jan. 13,
    2020 / 1:39 PM"). Weakest evidence: it counts only where no dateline, byline or date line
    near the top says otherwise, however deep in the page menus have pushed it."""
    end = date.end - line.content_start
    return _CLOCK_AFTER.match(line.text[end:end + 24]) is not None


def published_strength(line: Line, label: str | None, rank: int, date: FullDate) -> int | None:
    """How strongly ``date`` on ``line`` states when the page was published, or ``None``.

    ``rank`` is the line's position among the non-blank lines. A line that opens with a cue
    ("Published", "Aktualisiert"), anywhere in the page, is the strongest evidence; then a
    dateline or byline; then a wire dateline ("WASHINGTON, March 12 (Wire) --"); then a short line near
    the top that is mostly the date, which may also be a site's "today" widget; last, a date with a
    clock time after it anywhere in the page. Captions never count: they date the photo.
    """
    if label == "caption":
        return None
    if _CUE.search(line.text):
        return CUE
    if label in ("dateline", "byline"):
        return BYLINE
    if is_dateline_date(line.text, date.start - line.content_start, date.end - line.content_start):
        return WIRE_DATELINE
    size = line.content_end - line.content_start
    if rank < HEADER_LINES and label != "headline" and (size <= SHORT_LINE or (date.end - date.start) * 2 >= size):
        return DATE_LINE
    return TIMESTAMP if is_timestamp(line, date) else None


def pick_published(candidates: list[tuple[FullDate, str | None, int]]) -> FullDate | None:
    """The date with the strongest evidence; the first in page order among equals."""
    best: tuple[int, int] | None = None
    chosen = None
    for order, (date, label, rank) in enumerate(candidates):
        strength = published_strength(date.line, label, rank, date)
        if strength is not None and (best is None or (strength, order) < best):
            best, chosen = (strength, order), date
    return chosen


def pick_inferred(candidates: list[FullDate]) -> FullDate | None:
    """The latest full date in the text: a story is written after the events it dates."""
    return max(candidates, key=lambda d: d.date, default=None)
