"""Dates: find time expressions, pick the reference date, normalize to TimeML values.

The work is in :mod:`newsparse.temporal`; this stage decides which lines to read, which date is
the page's own (published), which one relative expressions are resolved against (reference), and
turns line offsets into document spans.
"""

from __future__ import annotations

import bisect
import datetime as dt

from .. import rx
from ..document import DateValue, Document, Line, ReferenceDate, Timex
from ..pipeline import stage
from ..temporal import Context, scan_line, tag_matches
from ..temporal.reference import Candidate, FullDate, Layout, pick_inferred, pick_published
from ..temporal.stamps import Stamp, find_relative, find_stamps, reads_day_first
from .blocks import cjk_count, guess_language, has_digit

# Labels whose lines are page furniture: read for the published date, never for the story's dates.
FURNITURE = frozenset({"boilerplate"})

# A line of at least this many words that ends a sentence is read as prose even when labelled
# furniture: dropping a real paragraph's dates costs more than keeping a stray furniture date.
PROSE_WORDS = 3


def _is_prose(line: Line) -> bool:
    """"The vote was held on Monday in the town hall." rather than "Updated Feb. 7 | Share"."""
    text = line.text.rstrip("\"'\u201d\u2019) ")
    return text[-1:] in ".?!:" and len(text.split()) >= PROSE_WORDS


# One scanned story line: the line and its matches.
Scanned = list[tuple[Line, list[tuple[str, rx.regex.Match]]]]


def _digit_lines(doc: Document) -> frozenset[int]:
    """The lines that hold an ASCII digit: only these can hold a page's stamp written out."""
    return frozenset(ln.index for ln in doc.lines if not ln.is_blank and has_digit(ln.text))


def _is_story(doc: Document, line: Line) -> bool:
    """A line whose dates are tagged: any but furniture, and furniture that reads as prose."""
    return doc.labels[line.index] not in FURNITURE or _is_prose(line)


def _scan(doc: Document) -> Scanned:
    """The scan of every line whose dates are tagged; furniture is read for the published date
    only (:func:`_page_stamps`), so it is not scanned here at all."""
    out = []
    for ln in doc.lines:
        if not ln.is_blank and _is_story(doc, ln):
            out.append((ln, scan_line(ln.text)))
    return out


# Every line's page stamps, found once: they give both the page's day order and its published date.
PageStamps = list[tuple[Line, list[Stamp]]]


def _page_stamps(doc: Document, digits: frozenset[int]) -> PageStamps:
    """Every complete date in the page, in any shape a page prints (see :mod:`..temporal.stamps`).
    With a reference date given, a stamp counted back from it ("Updated 2 hours ago") is one more."""
    given = doc.reference_date_given
    # Without a given date only a line with a digit can hold a stamp; with one, "vor drei Tagen" too.
    lines = [ln for ln in doc.lines if not ln.is_blank and (given is not None or ln.index in digits)]
    return [(ln, _stamps(ln.text, given, ln.index in digits)) for ln in lines]


def _page_day_first(doc: Document, found: PageStamps) -> bool:
    """Whether the page writes an ambiguous "06/10/2020" day first. Decided once per page, so the
    published date and the TimeML tag of the same span never read it two ways."""
    stamps = [s for _, line_stamps in found for s in line_stamps]
    return reads_day_first(stamps, _language_prior(doc) if any(s.either for s in stamps) else 0.0)


def _full_dates(doc: Document, ranks: dict[int, int], found: PageStamps, day_first: bool) -> list[Candidate]:
    """The page's stamps as dates, with their line's label and rank among non-blank lines."""
    out = []
    for ln, line_stamps in found:
        for stamp in line_stamps:
            date = stamp.date(day_first)
            if date is not None:
                full = FullDate(date, ln.content_start + stamp.start, ln.content_start + stamp.end, ln)
                out.append(Candidate(full, doc.labels[ln.index], ranks[ln.index]))
    return out


def _stamps(line: str, given: dt.date | None, digit: bool) -> list[Stamp]:
    stamps = find_stamps(line) if digit else []
    if given is None:
        return stamps
    return sorted(stamps + find_relative(line, given), key=lambda s: s.start)


def _ranks(doc: Document) -> dict[int, int]:
    """Each non-blank line's position among the non-blank lines."""
    return {ln.index: rank for rank, ln in enumerate(ln for ln in doc.lines if not ln.is_blank)}


def _layout(doc: Document, ranks: dict[int, int]) -> Layout:
    """Where the headline and the body stand, as ranks (the published date sits between them)."""
    starts = [ln.start for ln in doc.lines]

    def rank_at(offset: int) -> int | None:
        return ranks.get(bisect.bisect_right(starts, offset) - 1)

    return Layout(
        headline=rank_at(doc.headline.start) if doc.headline else None,
        body_start=rank_at(doc.body[0].start) if doc.body else None,
        body_end=rank_at(doc.body[-1].start) if doc.body else None,
        first_prose=next((ranks[ln.index] for ln in doc.lines if _is_paragraph(ln)), None),
    )


# A paragraph of prose: a sentence end and this many words (or CJK characters, two to a word).
PARAGRAPH_WORDS = 20


def _is_paragraph(line: Line) -> bool:
    """"The harbor bridge reopened on Monday after three weeks of repairs, ..." (a whole sentence or
    more): the first one on a page is where an article starts, whatever the layout stages found."""
    text = line.text.rstrip()
    if text[-1:] not in ".!?。！？":
        return False
    return len(text.split()) >= PARAGRAPH_WORDS or cjk_count(text) >= 2 * PARAGRAPH_WORDS


# How much the page's language tips an ambiguous "06/10/2020" towards day first: outside English,
# pages write the day first; English pages are read month first unless their other dates say not.
DAY_FIRST_PRIOR = 0.5


def _language_prior(doc: Document) -> float:
    return 0.0 if guess_language(doc.lines) in ("en", "cjk") else DAY_FIRST_PRIOR


def _reference(doc: Document, found: PageStamps, day_first: bool) -> dt.date | None:
    """Set ``published`` and ``reference_date``; return the date to resolve against."""
    ranks = _ranks(doc)
    dates = _full_dates(doc, ranks, found, day_first)
    published = pick_published(dates, _layout(doc, ranks))
    if published:
        doc.published = DateValue(published.date.isoformat(), doc.span(published.start, published.end))
    if doc.reference_date_given is not None:
        doc.reference_date = ReferenceDate(doc.reference_date_given.isoformat(), "given")
        return doc.reference_date_given
    if published:
        doc.reference_date = ReferenceDate(published.date.isoformat(), "published", doc.published.span)
        return published.date
    story = [c.date for c in dates if c.label not in FURNITURE]
    inferred = pick_inferred(story)
    if inferred:
        doc.reference_date = ReferenceDate(
            inferred.date.isoformat(), "inferred", doc.span(inferred.start, inferred.end)
        )
        return inferred.date
    doc.reference_date = ReferenceDate()
    return None


@stage("dates", requires=("lines", "labels", "body", "headline", "images"), assigns=("dates", "published", "reference_date"))
def dates(doc: Document) -> None:
    digits = _digit_lines(doc)
    scanned = _scan(doc)
    found = _page_stamps(doc, digits)
    day_first = _page_day_first(doc, found)
    ctx = Context(ref=_reference(doc, found, day_first), day_first=day_first)
    for ln, matches in scanned:
        for tag in tag_matches(matches, ln.text, ctx) if matches else ():
            span = doc.span(ln.content_start + tag.start, ln.content_start + tag.end)
            doc.dates.append(Timex(span, tag.type, tag.value, tag.mod))
