"""The published date and the reference date, each with the words that support it.

A published date comes only from the page's own furniture. A copied page holds many dates: the
site's "today" widget, teaser lists, comment stamps, embedded posts, the story's own dates. Each
complete date is weighed by what the page says about it (a "Published" word before it, a byline
or a clock time beside it, a line that is little else) and by where it stands: the article's
own stamp sits in its header, between the headline and the first paragraph, or just above the
headline. Dates far from that header, in a run of other dates (a teaser list, a comment thread),
after the article or inside its sentences weigh less or nothing. A date inside the story ("the
attack on Oct. 7, 2023") is never the published date; it can only be the *inferred* reference
when nothing better exists, and the output says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from .. import lexicon, rx
from ..document import Line
from .words import alternation

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

    def before(self, width: int = 60) -> str:
        """The text of its line just before the date."""
        at = self.start - self.line.content_start
        return self.line.text[max(0, at - width):at]

    def after(self, width: int = 60) -> str:
        """The text of its line just after the date."""
        at = self.end - self.line.content_start
        return self.line.text[at:at + width]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A complete date with where it stands: its line's label and rank among non-blank lines."""

    date: FullDate
    label: str | None
    rank: int


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the article sits, as ranks among the page's non-blank lines (``None``: not found)."""

    headline: int | None = None
    body_start: int | None = None
    body_end: int | None = None
    first_prose: int | None = None  # the first paragraph of prose on the page, wherever it stands

    def header(self) -> tuple[int, int]:
        """The ranks where the article's own stamp stands: from a few lines above the headline
        down to the first paragraph; near whichever of the two is known when they disagree."""
        head, body = self.headline, self.body_start
        if head is not None and body is not None and head < body <= head + HEADER_SPAN:
            return head - ABOVE_HEADLINE, body
        if body is not None:
            return body - ABOVE_BODY, body
        if head is not None:
            return head - ABOVE_HEADLINE, head + ABOVE_HEADLINE
        return 0, TOP_LINES

    def lines_away(self, rank: int) -> int:
        """How many lines ``rank`` stands outside the header; the lines just above the page's first
        paragraph of prose count as a header too, for when the layout stages found the article
        elsewhere (a teaser taken for the headline)."""
        away = _outside(rank, *self.header())
        if self.first_prose is not None:
            away = min(away, _outside(rank, self.first_prose - ABOVE_BODY, self.first_prose))
        return away

    def between(self, rank: int) -> bool:
        """Below the headline and not below the first paragraph: where bylines and stamps sit."""
        head, body = self.headline, self.body_start
        return head is not None and body is not None and head < rank <= body <= head + HEADER_SPAN

    def after_article(self, rank: int) -> bool:
        return self.body_end is not None and rank > self.body_end


def _outside(rank: int, low: int, high: int) -> int:
    return low - rank if rank < low else rank - high if rank > high else 0


# The header: lines above the headline (kickers, "today" widgets, breadcrumbs) and the longest
# gap between headline and first paragraph (deks, bylines, captions) read as one header.
ABOVE_HEADLINE = 6
ABOVE_BODY = 8
HEADER_SPAN = 25
TOP_LINES = 12  # with neither headline nor body found, the top of the page is the header

# Weights of the evidence, in one scale. What the page says about a date is worth a few points;
# every line between the date and the header costs a little, up to a cap, so a strong stamp far
# away can still beat a bare date nearby, but a bare date far away cannot.
PUBLISHED_CUE = 4.0  # "Published", "Veröffentlicht am", "公開日"
BYLINE = 1.5  # "By Ann Lee | Feb. 7, 2024", or a line the layout calls a byline
DATELINE = 1.0  # a line the layout calls a dateline
WIRE_DATELINE = 1.5  # "WASHINGTON, March 12 (Wire) --"
DATE_LINE = 1.0  # a short line that is mostly the date
CLOCK = 1.0  # "Feb. 7, 2024, 10:35": pages stamp their own time
BETWEEN = 0.5  # below the headline, above the first paragraph
PER_LINE_AWAY = 0.15
MAX_LINES_AWAY = 20
IN_A_LIST = 1.0  # several other dates within a few lines: teasers, archives, comments
LIST_REACH = 4
LIST_SIZE = 2
AFTER_ARTICLE = 2.0  # below the last paragraph: comments, related stories, footers
# Lines this short that hold a full date are date lines, not sentences; so are longer ones with
# few words besides the date.
SHORT_LINE = 60
DATE_LINE_MAX = 120
DATE_LINE_WORDS = 8
# A date with this many words before it, in a sentence this long, is the story's.
PROSE_WORDS = 8
PROSE_WORDS_BEFORE = 4


@cache
def _cue_patterns() -> tuple[rx.Pattern, rx.Pattern]:
    cues = lexicon.table("date_cues")
    before = alternation(cues["published"] + cues["updated"] + cues["deadline"])
    after = alternation(cues["after_published"] + cues["after_updated"])
    before_day = lexicon.alternation(cues["before_day"])
    # The cue, then at most a linking word ("on", "am:", "le"), a weekday ("Monday,") and a word before
    # the day ("den").
    return (
        rx.compile(
            rf"(?<!\p{{L}})({before})(?!\p{{L}})\W{{0,3}}(?-i:\p{{Ll}}{{1,4}}[\s:,]{{1,3}})?(?:\p{{L}}{{2,12}}\.?,?\s+)?(?:(?:{before_day})\s+)?$", rx.I
        ),
        rx.compile(rf"^[^|•·\n]{{0,40}}?(?<!\p{{L}})({after})", rx.I),
    )


@cache
def _words(*lists: str) -> frozenset[str]:
    cues = lexicon.table("date_cues")
    return frozenset(" ".join(w.casefold().split()) for name in lists for w in cues[name])


def _cue(date: FullDate) -> str | None:
    """The kind of word beside the date: ``published``, ``updated`` or ``deadline``."""
    before, after = _cue_patterns()
    m = before.search(date.before()) or after.match(date.after(48))
    if m is None:
        return None
    word = " ".join(m[1].casefold().split())
    if word in _words("published", "after_published"):
        return "published"
    return "deadline" if word in _words("deadline") else "updated"


def cue_says_published(date: FullDate) -> bool | None:
    """What the word beside the date says: ``True`` for published ("Published: Feb. 7, 2024",
    "7. Februar 2024 veröffentlicht"), ``False`` for updated ("Updated Feb. 7, 2024"), ``None``
    when no such word stands beside it. The word before the date wins over one after it.

    >>> from newsparse.stages.normalize import split_lines
    >>> line = split_lines("Published Feb. 5, 2024 | Updated Feb. 7, 2024")[0]
    >>> cue_says_published(FullDate(dt.date(2024, 2, 5), 10, 22, line))
    True
    >>> cue_says_published(FullDate(dt.date(2024, 2, 7), 33, 45, line))
    False
    """
    cue = _cue(date)
    return None if cue is None else cue == "published"


_BY_WORDS = alternation(lexicon.table("date_cues")["byline"])
_BY = rx.compile(rf"(?:^|\W)(?i:{_BY_WORDS})\s+\p{{Lu}}", 0)  # "By Ann Lee | Feb. 7, 2024"
_BY_AFTER = rx.compile(rf"^\W{{0,3}}(?i:{_BY_WORDS})\s+\p{{Lu}}", 0)  # "Feb. 7, 2024 by Ann Lee"
# An embedded post signs off with its author's handle and date: "— Ann Lee (@annlee) February 7,
# 2024", "A post shared by Ann (@ann) on Feb 7, 2024". Its date is the post's, never the page's.
_EMBED = rx.compile(r"(?:\(@\w+\)|\s@\w+)\s*(?:\p{L}{1,3}\s*)?$", 0)
_WORD = rx.compile(r"\p{L}[\p{L}'\u2019-]*", 0)


def _is_embed(date: FullDate) -> bool:
    return _EMBED.search(date.before()) is not None


# A date that ends or opens a range ("14. - 20. Januar 2024", "2024/7/11-12") dates an event.
_RANGE_BEFORE = rx.compile(r"\d\.(?:\d{1,2}\.)?\s?[-\u2013~\uff5e]\s?$", 0)
_HOUR_MARK = lexicon.alternation(lexicon.table("date_words")["stamp_words"]["hour_marks"])  # "13時"
_RANGE_AFTER = rx.compile(rf"^\s?[-\u2013~\uff5e]\s?\d{{1,2}}(?![\d:.]|{_HOUR_MARK})", 0)


def _in_range(date: FullDate) -> bool:
    return _RANGE_BEFORE.search(date.before(12)) is not None or _RANGE_AFTER.match(date.after(8)) is not None


def _in_prose(date: FullDate) -> bool:
    """Inside a sentence: "The bridge that opened on March 3, 1990, reopened on Monday." A
    byline or a teaser that runs on ("Ann Lee, Bo Park * 07.02.2024, 10:35") ends no sentence."""
    text = date.line.text.rstrip("\"'\u201d\u2019\u00bb) ")
    if text[-1:] not in _SENTENCE_END or len(text.split()) < PROSE_WORDS:
        return False
    return len(_WORD.finditer(date.before(200))) >= PROSE_WORDS_BEFORE


_SENTENCE_END = frozenset(".!?。！？…")


def _is_date_line(date: FullDate) -> bool:
    """A line that is little more than its date: "Posted Feb. 7, 2024 10:35 AM | Updated Feb. 8"."""
    size = date.line.content_end - date.line.content_start
    if size <= SHORT_LINE or (date.end - date.start) * 2 >= size:
        return True
    rest = date.before(DATE_LINE_MAX) + " " + date.after(DATE_LINE_MAX)
    return size <= DATE_LINE_MAX and len(_WORD.finditer(rest)) <= DATE_LINE_WORDS


# A clock time right after a full date: "Jan. 13, 2020 / 1:39 PM", "19.10.2019, 11:29 Uhr",
# "8. Mai 2021 um 10:56", "2019年3月1日 13時16分". Pages stamp their own date that way; stories rarely do.
_CLOCK_LINKS = lexicon.alternation(lexicon.table("date_cues")["clock_links"])  # one space in "a las", as written
_CLOCK_AFTER = rx.compile(
    rf"^[\s,/|·•-]{{0,4}}(?:[(\uff08]\p{{L}}{{1,3}}[)\uff09]\s?)?(?:(?:{_CLOCK_LINKS})\s+)?(?:[0-2]?\d[:.h][0-5]\d(?!\d)|[0-2]?\d(?:{_HOUR_MARK}))",
    rx.I,
)


def is_timestamp(date: FullDate) -> bool:
    """Whether ``date`` is followed by a clock time, as a page's own time stamp is."""
    return _CLOCK_AFTER.match(date.after(24)) is not None


def evidence(date: FullDate, label: str | None, cue: str | None) -> float | None:
    """What the page says about ``date`` (see the weights above); ``None``: it is not the page's.
    ``cue`` is the kind of word beside it (:func:`_cue`).

    A caption dates its photo, an embedded post its post, a range an event, a deadline ("until
    Feb. 7, 2024") an end; a date inside a sentence is the story's, unless a "published" or
    "updated" word stands beside it ("Dieser Beitrag wurde am 7. Februar 2024 veröffentlicht",
    "This page was last updated on 7 Feb 2024.").
    """
    if label == "caption" or cue == "deadline" or _is_embed(date) or _in_range(date):
        return None
    if cue is None and _in_prose(date):
        return None
    score = PUBLISHED_CUE if cue == "published" else 0.0
    if label == "byline" or _BY.search(date.before()) or _BY_AFTER.match(date.after(30)):
        score += BYLINE
    elif label == "dateline":
        score += DATELINE
    if is_dateline_date(date.line.text, date.start - date.line.content_start, date.end - date.line.content_start):
        score += WIRE_DATELINE
    if _is_date_line(date):
        score += DATE_LINE
    if is_timestamp(date):
        score += CLOCK
    return score


def placement(rank: int, layout: Layout, in_list: bool) -> float:
    """What the date's position says: near the article's header, alone rather than in a list,
    above the end of the article."""
    score = -PER_LINE_AWAY * min(layout.lines_away(rank), MAX_LINES_AWAY)
    if layout.between(rank):
        score += BETWEEN
    if in_list:
        score -= IN_A_LIST
    if layout.after_article(rank):
        score -= AFTER_ARTICLE
    return score


def _listed(candidates: list[Candidate]) -> list[bool]:
    """For each candidate, whether other dates stand on several lines around it."""
    by_rank: dict[int, set[dt.date]] = {}
    for c in candidates:
        by_rank.setdefault(c.rank, set()).add(c.date.date)
    out = []
    for c in candidates:
        others = sum(
            1 for rank in range(c.rank - LIST_REACH, c.rank + LIST_REACH + 1)
            if rank != c.rank and by_rank.get(rank, set()) - {c.date.date}
        )
        out.append(others >= LIST_SIZE)
    return out


def weigh(cand: Candidate, layout: Layout, in_list: bool) -> float | None:
    """The weight of one candidate: what the page says about it and where it stands. A date the
    page calls published keeps its weight wherever it stands ("Der Beitrag wurde am ...
    veröffentlicht" closes many a blog post, below the article, among the comments' dates)."""
    if cand.label == "caption":
        return None  # a caption dates its photo (see :func:`evidence`); no need to read its words
    cue = _cue(cand.date)
    says = evidence(cand.date, cand.label, cue)
    if says is None:
        return None
    if cue == "published":
        return says + placement(cand.rank, layout, False) + (AFTER_ARTICLE if layout.after_article(cand.rank) else 0.0)
    return says + placement(cand.rank, layout, in_list)


def pick_published(candidates: list[Candidate], layout: Layout) -> FullDate | None:
    """The date with the most weight; the first in page order among equals."""
    best: float | None = None
    chosen = None
    for cand, in_list in zip(candidates, _listed(candidates)):
        score = weigh(cand, layout, in_list)
        if score is not None and (best is None or score > best):
            best, chosen = score, cand.date
    return chosen


def pick_inferred(candidates: list[FullDate]) -> FullDate | None:
    """The latest full date in the text: a story is written after the events it dates."""
    return max(candidates, key=lambda d: d.date, default=None)
