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


@dataclass(frozen=True, slots=True)
class FullDate:
    """A complete calendar date found in a line: offsets are into the document."""

    date: dt.date
    start: int
    end: int
    line: Line


def is_published_line(line: Line, label: str | None, rank: int, date: FullDate) -> bool:
    """Whether ``date`` on ``line`` states when the page was published.

    ``rank`` is the line's position among the non-blank lines. Datelines and bylines count; so
    does a line that opens with a cue ("Published", "Aktualisiert"), anywhere in the page; so does
    a short line near the top that is mostly the date. Captions never do: they date the photo.
    """
    if label == "caption":
        return False
    if label in ("dateline", "byline"):
        return True
    if _CUE.search(line.text):
        return True
    if rank >= HEADER_LINES or label == "headline":
        return False
    size = line.content_end - line.content_start
    return size <= SHORT_LINE or (date.end - date.start) * 2 >= size


def pick_published(candidates: list[tuple[FullDate, str | None, int]]) -> FullDate | None:
    """The first date that :func:`is_published_line` accepts, in page order."""
    for date, label, rank in candidates:
        if is_published_line(date.line, label, rank, date):
            return date
    return None


def pick_inferred(candidates: list[FullDate]) -> FullDate | None:
    """The latest full date in the text: a story is written after the events it dates."""
    return max(candidates, key=lambda d: d.date, default=None)
