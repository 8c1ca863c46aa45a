"""Dates: find time expressions, pick the reference date, normalize to TimeML values.

The work is in :mod:`newsparse.temporal`; this stage decides which lines to read, which date is
the page's own (published), which one relative expressions are resolved against (reference), and
turns line offsets into document spans.
"""

from __future__ import annotations

import datetime as dt

from .. import rx
from ..document import DateValue, Document, Line, ReferenceDate, Timex
from ..pipeline import stage
from ..temporal import Context, full_date, reads_day_first, scan_line, tag_matches
from ..temporal.reference import FullDate, pick_inferred, pick_published

# Labels whose lines are page furniture: read for the published date, never for the story's dates.
FURNITURE = frozenset({"boilerplate"})

# A line of at least this many words that ends a sentence is read as prose even when labelled
# furniture: dropping a real paragraph's dates costs more than keeping a stray furniture date.
PROSE_WORDS = 3


def _is_prose(line: Line) -> bool:
    """"The vote was held on Monday in the town hall." rather than "Updated Feb. 7 | Share"."""
    text = line.text.rstrip("\"'\u201d\u2019) ")
    return text[-1:] in ".?!:" and len(text.split()) >= PROSE_WORDS


Scanned = list[tuple[Line, list[tuple[str, rx.regex.Match]]]]


def _scan(doc: Document) -> Scanned:
    return [(ln, scan_line(ln.text)) for ln in doc.lines if not ln.is_blank]


def _full_dates(doc: Document, scanned: Scanned, page: Context) -> list[tuple[FullDate, str | None, int]]:
    """Every complete date in the page, with its line's label and rank among non-blank lines."""
    out = []
    for rank, (ln, matches) in enumerate(scanned):
        for kind, m in matches:
            found = full_date(kind, m, ln.text, page)
            if found:
                date = dt.date.fromisoformat(found.value)
                start = ln.content_start + found.start
                out.append((FullDate(date, start, ln.content_start + found.end, ln), doc.labels[ln.index], rank))
    return out


def _reference(doc: Document, dates: list[tuple[FullDate, str | None, int]]) -> dt.date | None:
    """Set ``published`` and ``reference_date``; return the date to resolve against."""
    published = pick_published(dates)
    if published:
        doc.published = DateValue(published.date.isoformat(), doc.span(published.start, published.end))
    if doc.reference_date_given is not None:
        doc.reference_date = ReferenceDate(doc.reference_date_given.isoformat(), "given")
        return doc.reference_date_given
    if published:
        doc.reference_date = ReferenceDate(published.date.isoformat(), "published", doc.published.span)
        return published.date
    story = [d for d, label, _ in dates if label not in FURNITURE]
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
    scanned = _scan(doc)
    page = Context(day_first=reads_day_first([km for _, matches in scanned for km in matches]))
    ctx = Context(ref=_reference(doc, _full_dates(doc, scanned, page)), day_first=page.day_first)
    for ln, matches in scanned:
        if not matches or doc.labels[ln.index] in FURNITURE and not _is_prose(ln):
            continue
        for found in tag_matches(matches, ln.text, ctx):
            span = doc.span(ln.content_start + found.start, ln.content_start + found.end)
            doc.dates.append(Timex(span, found.type, found.value, found.mod))
