"""Date arithmetic in TimeML terms: ISO weeks, quarters, month shifts and the tense-driven choice
of which "Monday" or "November" a sentence means."""

from __future__ import annotations

import datetime as dt

PAST, NEAREST, FUTURE = -1, 0, 1
# A date without a year this close ahead of the reference is upcoming ("expires Nov. 16"); farther
# ahead it is last year's ("the year ended March 31" in a November story).
NEAR_FUTURE_DAYS = 60


def iso_week(d: dt.date) -> str:
    """TimeML week value, ISO numbering, zero-padded.

    >>> iso_week(dt.date(2024, 1, 31))
    '2024-W05'
    """
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def weekend(d: dt.date) -> str:
    """The weekend of the ISO week ``d`` falls in: ``2024-W05-WE``."""
    return iso_week(d) + "-WE"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``by`` months.

    >>> shift_month(2024, 1, -2)
    (2023, 11)
    """
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def last_completed_quarter(d: dt.date) -> tuple[int, int]:
    """The quarter before the one ``d`` falls in: what "the latest quarter" means in earnings news."""
    q = quarter_of(d) - 1
    return (d.year, q) if q >= 1 else (d.year - 1, 4)


def weekday_date(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ``weekday`` (ISO 1-7) nearest ``ref`` in ``direction``; ``ref`` itself counts.

    News mostly reports what happened, so the past is the default: "Monday" in a story from a
    Wednesday is two days before, unless the sentence is about the future.

    >>> weekday_date(dt.date(2024, 2, 7), 1, PAST), weekday_date(dt.date(2024, 2, 7), 1, FUTURE)
    (datetime.date(2024, 2, 5), datetime.date(2024, 2, 12))
    """
    delta = weekday - ref.isoweekday()
    if direction == FUTURE:
        return ref + dt.timedelta(days=delta % 7)
    return ref - dt.timedelta(days=(-delta) % 7)


def month_year(ref: dt.date, month: int, direction: int) -> int:
    """The year of a bare month name: the latest one that has begun, unless the tense asks for the
    next one (news reports the past: "in November" in a February story is last November).

    >>> month_year(dt.date(2024, 2, 7), 11, NEAREST), month_year(dt.date(2024, 2, 7), 3, FUTURE)
    (2023, 2024)
    """
    if direction == FUTURE:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def month_day_year(ref: dt.date, month: int, day: int, direction: int) -> int:
    """The year of a month and day without one: this year's when it is past or near, else last
    year's; the next one when the tense is future.

    >>> month_day_year(dt.date(2024, 2, 7), 10, 7, NEAREST)
    2023
    """
    if direction == FUTURE:
        return ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    ahead = (_safe(ref.year, month, day) - ref).days
    if ahead <= 0:
        return ref.year if -ahead <= 300 or direction == PAST else ref.year + 1
    return ref.year if ahead <= NEAR_FUTURE_DAYS and direction != PAST else ref.year - 1


def _safe(year: int, month: int, day: int) -> dt.date:
    """A date, with 29 February moved to the 28th in other years (only for distances)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` of a month (``nth`` -1 = the last): Thanksgiving, Labor Day."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return nxt - dt.timedelta(days=(nxt.isoweekday() - weekday) % 7)
