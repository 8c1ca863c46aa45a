"""Page date stamps: complete calendar dates in every shape pages print, found anywhere in a line.

The story grammar (:mod:`.grammar`, :mod:`.scan`) reads expressions that begin at a word, in the
languages whose relative words it knows. A page's own date stamp is another matter: it comes in
shapes stories never use ("2024年2月7日", "2024.02.07", "07.02.24") and in any language, and copying
a page glues it to its neighbours ("By Ann Lee2024-02-07", "Updated07.02.2024", "Feb. 7, 20249:30
AM", "7. Februar 20248. Februar 2024"). This module finds those, for the published date only; the
TimeML tags still come from the story grammar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

from .. import lexicon, rx
from .words import date_words, key, page_months, weekdays

# Years a page stamp can carry: wider than any news archive, narrow enough that a product code or
# a page count glued to a dot is not taken for one.
_Y4 = r"(?:19[7-9]\d|20[0-6]\d)"
# A year ends at a non-digit, or where the copy glued a clock time or the next date to it.
_YEAR_END = r"(?:(?!\d)|(?=[0-2]?\d:[0-5]\d|[0-3]?\d\.\s?\p{L}|[0-3]?\d[./-][01]?\d[./-]\d))"
# What may stand before a day number: no digit (letters may: the copy glues words to dates), or a
# year that a glued date ended with.
_DAY_START = r"(?:(?<![\d.])|(?<=(?<!\d)(?:19|20)\d\d))"


# A month name is any word here, looked up afterwards: a regex alternation of every name in every
# language would cost more than the rest of the pattern together.
_MONTH_WORD = r"\p{L}{3,13}"


@cache
def _pattern() -> rx.Pattern:
    months = _MONTH_WORD
    words = date_words()["stamp_words"]
    ordinal = lexicon.alternation(words["ordinal_suffixes"])
    day_mark = lexicon.alternation(words["ordinal_suffixes"] + words["day_first_suffixes"])
    of_month = lexicon.alternation(words["before_month"])
    of_year = lexicon.alternation(words["before_year"])
    marks = {part: lexicon.alternation(words[f"{part}_marks"]) for part in ("year", "month", "day")}
    return rx.compile(
        rf"""
          (?<!\d)(?P<year>{_Y4})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)
        | (?<!\d)(?P<year>{_Y4})\s?(?:{marks["year"]})\s?(?P<month>[01]?\d)\s?(?:{marks["month"]})\s?(?P<day>[0-3]?\d)\s?(?:{marks["day"]})
        | (?<!\d)(?P<year>{_Y4})(?P<ysep>[/.])\s?(?P<month>[01]?\d)(?P=ysep)\s?(?P<day>[0-3]?\d)(?![\d/])
        | {_DAY_START}(?P<day>[0-3]?\d)\.\s?(?P<month>[0-3]?\d)\.\s?(?:(?P<year>{_Y4}){_YEAR_END}|(?P<yy>\d\d)(?![\d.]))
        | {_DAY_START}(?P<either>[0-3]?\d)(?P<sep>[/-])(?P<other>[0-3]?\d)(?P=sep)(?:(?P<year>{_Y4}){_YEAR_END}|(?P<yy>\d\d)(?![\d/.-]))
        | (?<!\p{{L}})(?P<mon>{months})(?!\p{{L}})\.?,?\s{{0,2}}(?P<day>[0-3]?\d)(?:{ordinal})?(?!\d)\.?,?\s{{0,2}}
          (?P<year>{_Y4}){_YEAR_END}
        | {_DAY_START}(?P<day>[0-3]?\d)(?:\.|{day_mark})?\s{{0,2}}(?:(?:{of_month})\s)?(?P<mon>{months})(?!\p{{L}})\.?,?\s{{0,2}}
          (?:(?:{of_year})\s)?(?P<year>{_Y4}){_YEAR_END}
        """,
        rx.I | rx.X,
    )


@cache
def _weekday_before() -> rx.Pattern:
    """A weekday right before a date belongs to it: "Wednesday, Feb. 7, 2024"."""
    return rx.compile(rf"(?<!\p{{L}})(?:{lexicon.alternation(weekdays())})\.?,?\s{{1,2}}$", rx.I)


@cache
def _set_off() -> tuple[rx.Pattern, rx.Pattern]:
    """What stands before a page's stamp (the line's start, a separator, a "published" or
    "updated" word, a weekday or a linking word, each with spaces; or a word the copy glued to it)
    and after it (the line's end, a separator, or a clock time, "at" or "um" before it)."""
    cues = lexicon.table("date_cues")
    words = lexicon.alternation(cues["published"] + cues["updated"] + cues["before_stamp"] + list(weekdays()))
    links = lexicon.alternation(cues["clock_links"])
    before = rx.compile(rf"(?:(?:^|[|/•·,:;–—(\[-]|(?<!\p{{L}})(?:{words})\.?)\s*|\p{{L}})$", rx.I)
    after = rx.compile(rf"\s*(?:$|[|/•·,;–—)\]-]|(?:(?:{links})\s+)?[0-2]?\d[:h][0-5]\d)", rx.I)
    return before, after


# How far before a stamp :func:`is_set_off` looks for what sets it off ("Veröffentlicht am ").
_SET_OFF_REACH = 32


def is_set_off(line: str, start: int, end: int) -> bool:
    """Whether the date at ``line[start:end]`` stands as a page's stamp, set off on both sides. A
    date with a two-digit year ("07.02.24", "3/5/24") is read only there: in running text such
    numbers are as likely scores, versions or sections.

    >>> is_set_off("Party, 07.02.24", 7, 15), is_set_off("Posted 3/5/24 at 9:30", 7, 13)
    (True, True)
    >>> is_set_off("Rule 7.02.24 applies", 5, 12), is_set_off("Final score 3-1-24, a great night", 12, 18)
    (False, False)
    """
    before, after = _set_off()
    if after.match(line, end) is None:
        return False
    return before.search(line, max(0, start - _SET_OFF_REACH), start) is not None


@dataclass(frozen=True, slots=True)
class Stamp:
    """A complete date in a line: offsets into the line; ``either`` when the page's habit decides
    which number is the day ("06/10/2020")."""

    start: int
    end: int
    year: int
    month: int
    day: int
    either: bool = False
    day_first: bool | None = None  # how the shape orders day and month, where it says so

    def date(self, day_first: bool) -> dt.date | None:
        """The calendar date, reading an ambiguous one day first when the page does."""
        month, day = (self.day, self.month) if self.either and day_first else (self.month, self.day)
        try:
            return dt.date(self.year, month, day)
        except ValueError:
            return None


def _two_digit_year(m: rx.regex.Match, line: str) -> int | None:
    if not is_set_off(line, m.start(), m.end()):
        return None
    yy = int(m["yy"])
    return 2000 + yy if yy < 70 else 1900 + yy


def _stamp(m: rx.regex.Match, line: str) -> Stamp | None:
    stamp = _read(m, line)
    if stamp is None:
        return None
    if stamp.date(False) is None and stamp.date(True) is None:  # "31.31.2024", "Feb. 30, 2024"
        return None
    wd = _weekday_before().search(line, max(0, stamp.start - 16), stamp.start)
    return replace(stamp, start=wd.start()) if wd else stamp


def _read(m: rx.regex.Match, line: str) -> Stamp | None:
    year = int(m["year"]) if m["year"] else _two_digit_year(m, line)
    if year is None:
        return None
    if m["either"]:
        first, second = int(m["either"]), int(m["other"])
        if first > 12 >= second:
            return Stamp(m.start(), m.end(), year, second, first, day_first=True)
        if second > 12 >= first:
            return Stamp(m.start(), m.end(), year, first, second, day_first=False)
        return Stamp(m.start(), m.end(), year, first, second, either=True)
    month = page_months().get(key(m["mon"])) if m["mon"] else int(m["month"])
    if month is None:
        return None
    day = int(m["day"])
    if not m["mon"] and m.group()[:4] != m["year"] and month > 12 >= day:  # "01.21.2024": month first after all
        return Stamp(m.start(), m.end(), year, day, month, day_first=False)
    return Stamp(m.start(), m.end(), year, month, day, day_first=_order(m))


def _order(m: rx.regex.Match) -> bool | None:
    """Whether the shape itself writes the day before the month (a European habit) or after."""
    if m["mon"]:
        return m.start("day") < m.start("mon")
    return None if m.group()[:4] == m["year"] else True  # "2024-02-07" says nothing; "07.02.2024" does


# Every stamp holds a year: four digits, or two at the end of a numeric date. The full pattern is
# tried only around these, so a line of prose with a few numbers costs one quick scan.
_ANCHOR = rx.compile(r"(?<!\d)(?:19[7-9]|20[0-6])\d|(?<![\d.])\d{1,2}[./-]\d{1,2}[./-]\d\d(?![\d.])", 0)
# How far a stamp reaches before and after its year ("Wednesday, 7 de febrero de 2024" is the longest).
_REACH_BEFORE = 48
_REACH_AFTER = 16


def find_stamps(line: str) -> list[Stamp]:
    """Every complete date in ``line``, left to right.

    >>> [(s.year, s.month, s.day) for s in find_stamps("By Ann Lee2024-02-07 | 2024年2月7日")]
    [(2024, 2, 7), (2024, 2, 7)]
    >>> [(s.year, s.month, s.day) for s in find_stamps("7. Februar 20248. Februar 2024")]
    [(2024, 2, 7), (2024, 2, 8)]
    >>> [s.date(True) for s in find_stamps("Posted 06/10/24 | Rule 7.02.24 applies")]
    [datetime.date(2024, 10, 6)]
    """
    if not any(map(line.__contains__, "0123456789")):
        return []
    out: list[Stamp] = []
    done = 0
    for anchor in _ANCHOR.finditer(line):
        if anchor.end() <= done:
            continue
        start = max(done, anchor.start() - _REACH_BEFORE)
        end = min(len(line), anchor.end() + _REACH_AFTER)
        if anchor.group().isdigit() and not _digit_beside(line, start, anchor, end):
            continue  # a year alone ("in 2019, the"): no day number, no date
        for m in _pattern().finditer(line, start, end):
            if m.end() > anchor.start() and m.start() < anchor.end() and (stamp := _stamp(m, line)):
                out.append(stamp)
                done = m.end()
                break
    return out


def _digit_beside(line: str, start: int, anchor: rx.regex.Match, end: int) -> bool:
    """Whether ``line[start:end]`` holds a digit outside the year ``anchor``: every stamp writes its
    day in digits apart from its year, so a window with none holds no stamp."""
    before, after = line[start:anchor.start()], line[anchor.end():end]
    return _has_number(before) or _has_number(after)


_DIGIT = rx.compile(r"\d")


def _has_number(text: str) -> bool:
    """Any digit, ASCII or not (the pattern's ``\\d`` reads every script's digits)."""
    return any(map(text.__contains__, "0123456789")) or (not text.isascii() and _DIGIT.search(text) is not None)


def reads_day_first(stamps: list[Stamp], language_prior: float = 0.0) -> bool:
    """Whether the page writes ambiguous dates day first ("06/10/2020" is 6 October): the dates
    that can be read one way only vote ("16/06/2020", "16.06.2020", "16 June 2020" for day first;
    "06/16/2020", "June 16, 2020" against), and ``language_prior`` tips a tie (English writers
    outside the US put the day first too, so only the page's other dates can tell).

    >>> reads_day_first(find_stamps("Posted 16/06/2020, updated 06/07/2020"))
    True
    >>> reads_day_first(find_stamps("June 16, 2020 | 06/07/2020"))
    False
    """
    votes = language_prior
    for stamp in stamps:
        if stamp.day_first is not None:
            votes += 1 if stamp.day_first else -1
    return votes > 0


@cache
def _relative_pattern() -> rx.Pattern:
    table = date_words()["relative_stamps"]
    one = lexicon.alternation(table["one"])
    units = lexicon.alternation(table["units"])
    return rx.compile(
        rf"""(?<!\p{{L}})(?:(?P<pre>{lexicon.alternation(table["before"])})\s+)?
        (?P<n>\d{{1,3}}|{one})\s+(?P<unit>{units})(?!\p{{L}})
        (?:\s+(?P<post>{lexicon.alternation(table["after"])})(?!\p{{L}}))?""",
        rx.I | rx.X,
    )


@cache
def _relative_cue() -> rx.Pattern:
    """A "before" word ("vor", "il y a") or an "after" word ("ago") as :func:`_relative_pattern`
    reads them: a line without one holds no stamp counted back, and this is cheaper to look for."""
    table = date_words()["relative_stamps"]
    before, after = lexicon.alternation(table["before"]), lexicon.alternation(table["after"])
    return rx.compile(rf"(?<!\p{{L}})(?:{before})\s|\s(?:{after})(?!\p{{L}})", rx.I)


# How far back a page counts its own stamp: "3 weeks ago" is a stamp; beyond a few weeks a page
# prints the date itself, and an amount that large is the story's ("vor 300 Tagen").
MAX_DAYS_BACK = 42
_DAYS = {"m": 1 / 1440, "h": 1 / 24, "d": 1, "w": 7}


def _days_back(amount: int, unit: str) -> int:
    """Whole days ``amount`` units make: "90 minutes ago" is today, "25 hours ago" yesterday."""
    return int(amount * _DAYS[unit])


@cache
def _stamp_cue() -> rx.Pattern:
    """A "published" or "updated" word ("Updated 2 hours ago", "Aktualisiert vor 3 Tagen")."""
    cues = lexicon.table("date_cues")
    return rx.compile(rf"(?<!\p{{L}})(?:{lexicon.alternation(cues['published'] + cues['updated'])})(?!\p{{L}})", rx.I)


_SENTENCE_END = frozenset(".!?。！？…")


def _stamp_like(line: str) -> bool:
    """Whether a line can be a page's stamp counted back: a "published"/"updated" word says so; a
    line that ends a sentence ("Vor 3 Tagen fiel der Strom aus.") is the story's."""
    return line.rstrip("\"'\u201d\u2019) ")[-1:] not in _SENTENCE_END or _stamp_cue().search(line) is not None


def find_relative(line: str, ref: dt.date) -> list[Stamp]:
    """A page's stamp counted back from when it was read ("Updated 2 hours ago", "vor 3 Tagen",
    "il y a 2 jours"), as dates against ``ref``, the reference date the caller gives.

    >>> [str(s.date(False)) for s in find_relative("Updated 2 hours ago | vor 3 Tagen", dt.date(2024, 2, 7))]
    ['2024-02-07', '2024-02-04']
    >>> find_relative("He spent 3 days in town.", dt.date(2024, 2, 7))
    []
    >>> find_relative("Vor 30 Jahren fiel die Mauer.", dt.date(2024, 2, 7))  # months and years: the story's
    []
    """
    if _relative_cue().search(line) is None or not _stamp_like(line):
        return []  # each stamp needs one of these words, and most lines have none
    table = date_words()["relative_stamps"]
    out = []
    for m in _relative_pattern().finditer(line):
        if bool(m["pre"]) == bool(m["post"]):  # one of "vor 3 Tagen" and "3 days ago", not both or neither
            continue
        days = _days_back(int(m["n"]) if m["n"].isdigit() else 1, table["units"][key(m["unit"])])
        if days > MAX_DAYS_BACK:
            continue
        when = ref - dt.timedelta(days=days)
        out.append(Stamp(m.start(), m.end(), when.year, when.month, when.day))
    return out
