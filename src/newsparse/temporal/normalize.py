"""From a match of the combined pattern to a TimeML ``(type, value, mod)``, one function per kind.

Each normalizer gets the match, the line it is in and the document's :class:`Context` (the
reference date and the quarter the story last talked about). It returns a :class:`Found`, or
``None`` when the words are not a time expression after all ("may" the verb, "April Smith").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .. import lexicon, rx
from . import calendar as cal
from .scan import scan
from .stamps import is_set_off
from .words import (
    alternation,
    date_words,
    key,
    month_number,
    number_value,
    number_words_pattern,
    ordinal_value,
    tense_cues,
    unit_code,
    weekday_number,
)

Match = rx.regex.Match


@dataclass(frozen=True, slots=True)
class Found:
    """One time expression, offsets relative to the scanned line."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class Context:
    """What the normalizers know about the document: its reference date and the quarter it is
    about (earnings news says "the third quarter" once, then "the quarter", "a year ago")."""

    ref: dt.date | None = None
    quarter: tuple[int, int] | None = None
    # The last calendar date the story named ("in May 1995", "in March") and the line it was in:
    # "the following year" and "the previous month" count from it, not from the reference.
    anchor: str | None = None
    anchor_line: str | None = None
    day_first: bool = False  # "06/05/2020" is 6 May on this page (see :func:`reads_day_first`)


# --- shared helpers -----------------------------------------------------------------------------

_FUTURE = rx.compile(rf"(?<!\w)(?:{alternation(tense_cues()['future'])})(?!\w)", rx.I)
_PAST = rx.compile(rf"(?<!\w)(?:{alternation(tense_cues()['past_after_future'])})(?!\w)", rx.I)
_RATE_BEFORE = rx.compile(
    rf"(?:\d[\d,.]*%?|{number_words_pattern()}|twice|once|times|million|billion|thousand|hundred|dozens?"
    r"|percent|cents?)(?:\s+[\w%$-]+){0,2}\s+$",
    rx.I,
)
_PREP_BEFORE = rx.compile(
    r"(?<!\w)(?:in|since|until|till|by|from|through|during|before|after|to|of|between|and|or|early|late"
    r"|mid|last|next|this|on|for|into|throughout|around|about|past)[\s-]+$",
    rx.I,
)
_FORWARD_BEFORE = rx.compile(
    rf"(?<!\w)(?:{alternation(tense_cues()['month_forward_prepositions'])})(?:\s+(?:early|late|mid))?[\s-]+$", rx.I
)
_CAP_WORD_AFTER = rx.compile(r"^\s+\p{Lu}", 0)
_ABBREVIATIONS = frozenset(date_words()["month_abbreviations"])
_ENGLISH_MONTHS = frozenset(lexicon.table("months")["en"])
_STREET_AFTER = rx.compile(
    rf"^(?:\s+\p{{Lu}}[\w.]*){{1,2}}\s+(?:{alternation(date_words()['street_words'])})\b\.?", rx.I
)
_AMBIGUOUS_MONTHS = frozenset(date_words()["ambiguous_lowercase"])

PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    table = {**date_words()["position_mods"], **date_words()["approximators"], "earlier": "START", "later": "END",
             "earlier in": "START", "later in": "END"}
    return table.get(key(word))


_SENTENCE_END = rx.compile(r"(?<=[\p{Ll}\d)\"'\u201d][\p{Ll}\d)\"'\u201d][.!?][\"'\u201d\u2019]?)\s+")


def _sentence_start(line: str, start: int) -> int:
    """Where the sentence holding ``start`` begins, looking back at most 200 characters. A period
    after a capital ("P. Davison", "U.S.") is an abbreviation, not an end."""
    left = max(0, start - 200)
    ends = _SENTENCE_END.finditer(line, left, start)
    return ends[-1].end() if ends else left


def _looks_ahead(line: str, start: int) -> bool:
    """"by May", "until June": the words just before a month point forward. (Before a weekday
    they do not: "had filed by Wednesday", "until Thursday, they had not".)"""
    return _FORWARD_BEFORE.search(line, max(0, start - 20), start) is not None


def _direction(line: str, start: int, end: int) -> int:
    """FUTURE when the sentence speaks of the future before the expression ("will meet on
    Monday"), else NEAREST. Only the words before count: in "said Monday that it will", the
    future belongs to the clause after the date, and in "X will happen, Cuba predicted Monday"
    the past verb right before the date wins."""
    if _is_deadline(line, start, end):
        return cal.FUTURE
    cues = [c for c in _FUTURE.finditer(line, _sentence_start(line, start), start)
            if not _is_adjective(line, c) and not _is_past_perfect(line, c)]
    if not cues or _PAST.search(line, cues[-1].end(), start) or _past_verb_before(line, start):
        return cal.NEAREST
    return cal.FUTURE


_ADJECTIVE_OPENER = rx.compile(rf"(?<!\w)(?:{alternation(tense_cues()['adjective_openers'])})\s+$", rx.I)


def _is_adjective(line: str, cue: Match) -> bool:
    """"all planned surgeries", "the scheduled vote": a participle after a determiner describes a
    noun; it does not put the clause in the future as "planned a rally" or "is scheduled" do."""
    return cue.group().endswith("ed") and _ADJECTIVE_OPENER.search(line, max(0, cue.start() - 12), cue.start()) is not None


_HAD_BEFORE = rx.compile(r"(?<!\w)had\s+(?:been\s+)?$", rx.I)


def _is_past_perfect(line: str, cue: Match) -> bool:
    """"had been scheduled to expire Friday", "had planned to leave Monday": a plan made before a
    past time, reported after it; the date is behind the reference, not ahead of it."""
    return _HAD_BEFORE.search(line, max(0, cue.start() - 12), cue.start()) is not None


_UNTIL_BEFORE = rx.compile(r"(?<!\w)(?:(not|up)\s+)?(?:until|till)\s+$", rx.I)
_COMMA_AFTER = rx.compile(r"\s*,", 0)


def _is_deadline(line: str, start: int, end: int) -> bool:
    """"postponed until Tuesday", "has until 9 a.m. Friday to sign": a deadline lies ahead even
    when the verb is past. Not "it was not until Tuesday that" nor "Up until Thursday, they had"."""
    m = _UNTIL_BEFORE.search(line, max(0, start - 12), start)
    return m is not None and not m[1] and _COMMA_AFTER.match(line, end) is None


_VERB_BEFORE = rx.compile(r"(?<!\w)(\p{Ll}+ed)(?:\s+on)?\s+$", 0)
_FUTURE_PARTICIPLES = frozenset(tense_cues()["future_participles"])


_BACKSHIFT_OPENER = rx.compile(rf"(?<!\w)(?:{alternation(tense_cues()['backshift_openers'])})\s+[^,;.]*$", rx.I)


def _past_verb_before(line: str, start: int) -> bool:
    """"announced Wednesday", "predicted on Friday": a past-tense verb right before the date dates
    it, whatever came earlier in the sentence. "is scheduled Friday" points ahead instead, and so
    may a verb in an "as soon as" or "once" clause ("will buy as soon as trading opened Monday")."""
    m = _VERB_BEFORE.search(line, max(0, start - 30), start)
    if m is None or m[1] in _FUTURE_PARTICIPLES:
        return False
    return _BACKSHIFT_OPENER.search(line, max(0, m.start() - 40), m.start()) is None


def _start_after_about(m: Match, line: str, start: int) -> int:
    """Where the expression starts when "about" qualifies it: after the word. TimeML annotators
    leave "about" outside the extent ("at about [10:35 a.m.]", "for about [two weeks]") while
    keeping "nearly", "more than" or "at least" inside; the mod still says APPROX."""
    if not m["qual"] or key(m["qual"]) != "about" or m.start("qual") != start:
        return start
    end = m.end("qual")
    return end + len(line[end:end + 8]) - len(line[end:end + 8].lstrip())


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _year_value(text: str) -> int | None:
    """A year written in digits or spoken ("nineteen ninety-four", "the year two thousand")."""
    k = key(text).replace("the year ", "")
    if k.isdigit():
        return int(k)
    words = k.replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + rest if isinstance(rest, int) else None
    head = number_value(words[0])
    if not isinstance(head, int):
        return None
    tail_words = [w for w in words[1:] if w != "oh"]
    tail = 0 if tail_words == ["hundred"] else number_value(" ".join(tail_words))
    return head * 100 + tail if isinstance(tail, int) and tail < 100 else None


def _is_lower_ambiguous(word: str) -> bool:
    """"may" and "march" in lower case are a verb, not a month."""
    return word[:1].islower() and key(word) in _AMBIGUOUS_MONTHS


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- calendar dates -----------------------------------------------------------------------------


def norm_date(m: Match, line: str, ctx: Context) -> Found | None:
    """"Wednesday, Feb. 7, 2024", "Feb. 5", "7. Februar 2024", "7 de febrero de 2024"."""
    if _is_lower_ambiguous(m["mon"]):
        return None
    month, day = month_number(m["mon"]), int(m["day"].rstrip("stndrh"))
    if month is None or not 1 <= day <= 31:
        return None
    if m["year"]:
        year = _year_value(m["year"])
    elif ctx.ref is None:
        return Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}")
    else:
        year = _year_for_month_day(m, line, ctx.ref, month, day)
    d = _date(year, month, day) if year else None
    return Found(m.start(), m.end(), "DATE", _iso(d)) if d else None


def _year_for_month_day(m: Match, line: str, ref: dt.date, month: int, day: int) -> int:
    """The year of a date written without one; a weekday beside it picks the year it fits."""
    weekday = weekday_number(m["wd"]) if m["wd"] else None
    if weekday:
        for year in (ref.year, ref.year - 1, ref.year + 1):
            d = _date(year, month, day)
            if d and d.isoweekday() == weekday:
                return year
    return cal.month_day_year(ref, month, day, _direction(line, m.start(), m.end()))


def norm_numeric(m: Match, line: str, ctx: Context) -> Found | None:
    """"2024-02-07", "07.02.2024", "2/7/2024" (month first unless the first number is over 12),
    and a page's own stamp with a two-digit year, "07.02.24, 10:35" (see :func:`.stamps.is_set_off`)."""
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    if len(m["year"]) == 2:
        if not is_set_off(line, m.start(), m.end()):
            return None
        year += 2000 if year < 70 else 1900
    slashed = "/" in m.group() and not m.group().startswith(m["year"])
    if slashed and (month > 12 >= day or ctx.day_first and day <= 12):
        month, day = day, month
    d = _date(year, month, day) if 1500 <= year <= 2100 else None
    if d is None:
        return None
    if m["hour"]:
        return Found(m.start(), m.end(), "TIME", f"{_iso(d)}T{m['hour']}:{m['minute']}")
    return Found(m.start(), m.end(), "DATE", _iso(d))


def norm_monthyear(m: Match, line: str, ctx: Context) -> Found | None:
    """"March 1996", "January nineteen ninety-seven", "early December 1999"."""
    if _is_lower_ambiguous(m["mon"]):
        return None
    month, year = month_number(m["mon"]), _year_value(m["year"])
    if month is None or year is None:
        return None
    return Found(m.start(), m.end(), "DATE", cal.month_value(year, month), _mod(m["pmod"]))


def norm_year(m: Match, line: str, ctx: Context) -> Found | None:
    """"1990", "fiscal 1989", "mid-1996", "the 1989 period", "nineteen ninety-four"."""
    year = _year_value(m["year"])
    if year is None or not _plausible_year(m, line, year):
        return None
    start = m.start()
    if key(m.group()).startswith("the ") and not (m["yper"] or "year" in key(m.group())) and not m["pmod"]:
        start = m.start("prepost") if m["prepost"] else m.start("year")  # "the [1987] crash"
    # "post-1959 politics", "pre-1990 dollars": the year, with the side of it as the mod
    mod = {"pre": "BEFORE", "post": "AFTER"}.get(key(m["prepost"] or "")) or _mod(m["pmod"])
    return Found(start, m.end(), "DATE", f"{year:04d}", mod)


_NOT_AFTER_YEAR = rx.compile(r"^\s*(?:[a-z]+s\b(?<!['\u2019]s)|to\s+\d|-\s*\d|[x×]\s*\d|\+|hours\b)", 0)


def _plausible_year(m: Match, line: str, year: int) -> bool:
    """A four-digit number is a year unless a count noun follows ("1500 troops") or it is far off."""
    if not m["year"][:1].isdigit():
        return True
    if m["pmod"] or m["fiscal"] or m["yper"] or m.group().lower().startswith("the"):
        return True
    if not 1600 <= year <= 2099:
        return False
    if _STREET_AFTER.match(line[m.end():m.end() + 40]):
        return False  # "1600 Elm Street": a house number
    return _NOT_AFTER_YEAR.match(line, m.end()) is None


def norm_holiday(m: Match, line: str, ctx: Context) -> Found | None:
    """"Christmas", "Thanksgiving Day": the nearest one to the reference date."""
    if not m["hol"][:1].isupper():
        return None
    k = key(m["hol"])
    fixed = date_words()["fixed_holidays"].get(k)
    floating = date_words()["floating_holidays"].get(k)
    if ctx.ref is None:
        return Found(m.start(), m.end(), "DATE", f"XXXX-{fixed}") if fixed else None
    candidates = []
    for year in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        if fixed:
            candidates.append(dt.date.fromisoformat(f"{year}-{fixed}"))
        elif floating:
            candidates.append(cal.nth_weekday(year, *floating))
    if not candidates:
        return None
    best = min(candidates, key=lambda d: abs((d - ctx.ref).days))
    return Found(m.start(), m.end(), "DATE", _iso(best))


def norm_relmon(m: Match, line: str, ctx: Context) -> Found | None:
    """"November", "last April", "early December", "June last year"."""
    word = m["mon"]
    bare = not (m["pmod"] or m["shift"] or m["yshift"])
    if bare and not _bare_month_is_date(m, line, word):
        return None
    if _is_lower_ambiguous(word):
        return None
    month = month_number(word)
    if month is None:
        return None
    end = m.end() - (m.group().endswith(".") and key(word) not in _ABBREVIATIONS)  # "in May." ends a sentence
    if ctx.ref is None:
        return Found(m.start(), end, "DATE", f"XXXX-{month:02d}", _mod(m["pmod"]))
    year = _month_year(m, line, ctx.ref, month)
    return Found(m.start(), end, "DATE", cal.month_value(year, month), _mod(m["pmod"]))


def _bare_month_is_date(m: Match, line: str, word: str) -> bool:
    """A month name alone is a date when it is an English name written in full and capitalized,
    and not a first name ("April Smith") or the verb ("May I ...", "March on"): those need a
    preposition before them. ("Mars Inc." is no French March.)"""
    k = key(word)
    if not word[:1].isupper() or word.endswith(".") or k in _ABBREVIATIONS or k not in _ENGLISH_MONTHS:
        return False
    after_prep = _PREP_BEFORE.search(line, max(0, m.start() - 20), m.start()) is not None
    if after_prep:
        return True
    if key(word) in _AMBIGUOUS_MONTHS:
        return False
    return _CAP_WORD_AFTER.match(line[m.end():m.end() + 3]) is None


def _month_year(m: Match, line: str, ref: dt.date, month: int) -> int:
    shift = key(m["shift"] or "")
    if m["yshift"]:
        return ref.year + {"last": -1, "this": 0, "next": 1}[key(m["yshift"])]
    if shift in ("last", "past", "this past"):
        return ref.year if month < ref.month else ref.year - 1
    if shift in ("next", "coming", "this coming"):
        return ref.year if month > ref.month else ref.year + 1
    if shift == "this":
        return ref.year
    direction = _direction(line, m.start(), m.end())
    if _looks_ahead(line, m.start()) or month == ref.month % 12 + 1:
        direction = cal.FUTURE  # "by May", "until June", or next month: it is still ahead
    return cal.month_year(ref, month, direction)


# --- days, weekdays and times of day ------------------------------------------------------------

_DAY_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}
_NO_REF_VALUE = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def norm_dayword(m: Match, line: str, ctx: Context) -> Found | None:
    """"yesterday", "tonight", "this morning", "last night", "late yesterday"."""
    word = key(m["dw"])
    part = PARTS.get(key(m["part"] or ""))
    if word == "tonight":
        part = "NI"
    if word == "last" and part != "NI":
        return None
    shift = _DAY_SHIFT[word]
    if ctx.ref is None:
        return Found(m.start(), m.end(), "DATE", _NO_REF_VALUE[shift])
    day = _iso(ctx.ref + dt.timedelta(days=shift))
    if part:
        return Found(m.start(), m.end(), "TIME", f"{day}T{part}", _mod(m["pmod"]))
    return Found(m.start(), m.end(), "DATE", day, _mod(m["pmod"]))


def norm_weekday(m: Match, line: str, ctx: Context) -> Found | None:
    """"Friday", "last Friday", "Thursday evening": the weekday the tense points to."""
    weekday = weekday_number(m["wd"])
    if weekday is None:
        return None
    part = PARTS.get(key(m["part"] or ""))
    shift = key(m["shift"] or "")
    if ctx.ref is None:
        value = f"XXXX-WXX-{weekday}"
    else:
        value = _iso(_weekday_date(ctx.ref, weekday, shift, _direction(line, m.start(), m.end())))
    # "earlier Friday": the adverb is outside the expression in TimeML; "last Friday" is inside
    start = m.start("wd") if shift in ("earlier", "later") else m.start()
    if part:
        # TimeML annotators type "Friday night" as a DATE far more often than the other parts of a day
        return Found(start, m.end(), "DATE" if part == "NI" else "TIME", f"{value}T{part}")
    return Found(start, m.end(), "DATE", value, _mod(shift if shift in ("early", "late") else None))


def _weekday_date(ref: dt.date, weekday: int, shift: str, direction: int) -> dt.date:
    if shift in ("last", "this past"):
        return cal.weekday_date(ref - dt.timedelta(days=1), weekday, cal.PAST)
    if shift in ("next", "this coming"):
        return cal.weekday_date(ref + dt.timedelta(days=1), weekday, cal.FUTURE)
    return cal.weekday_date(ref, weekday, cal.FUTURE if direction == cal.FUTURE else cal.PAST)


def norm_clock(m: Match, line: str, ctx: Context) -> Found | None:
    """"10:35 a.m.", "5 p.m. EST, Nov. 6", "noon Thursday", "4 in the morning"."""
    clock = _clock_value(m)
    if clock is None or _is_high_noon(m, line):
        return None
    day = _clock_day(m, line, ctx)
    return Found(_start_after_about(m, line, m.start()), m.end(), "TIME", f"{day}T{clock}", _mod(m["qual"]))


_HIGH_BEFORE = rx.compile(r"(?<!\w)high\s+$", rx.I)


def _is_high_noon(m: Match, line: str) -> bool:
    """"high noon" is the idiom (a showdown, the film), not twelve o'clock."""
    return bool(m["cword"]) and key(m["cword"]) == "noon" and _HIGH_BEFORE.search(line, max(0, m.start() - 6), m.start()) is not None


def _clock_value(m: Match) -> str | None:
    if m["cword"]:
        return date_words()["clock_words"][key(m["cword"])]
    hour = number_value(m["hour"])
    if not isinstance(hour, int):
        return None
    minute = int(m["minute"] or 0)
    ampm = key(m["ampm"] or "").replace(".", "")
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm == "pm" and hour < 12 or m["part"] in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 else None


def _clock_day(m: Match, line: str, ctx: Context) -> str:
    """The day a clock time is on: the one written beside it, else the reference date."""
    if m["mon"] and not _is_lower_ambiguous(m["mon"]):
        found = norm_date(m, line, ctx)
        if found:
            return found.value
    if ctx.ref is None:
        return "XXXX-XX-XX"
    if m["wd"]:
        return _iso(_weekday_date(ctx.ref, weekday_number(m["wd"]) or 1, "", _direction(line, m.start(), m.end())))
    if m["dw"]:
        return _iso(ctx.ref + dt.timedelta(days=_DAY_SHIFT[key(m["dw"])]))
    return _iso(ctx.ref)


# --- weeks, months, years, seasons relative to the reference --------------------------------------

_SHIFTS = {"last": -1, "past": -1, "previous": -1, "this past": -1, "the latest": -1, "this": 0, "current": 0,
           "the same": 0, "next": 1, "coming": 1, "following": 1, "this coming": 1}


def norm_relunit(m: Match, line: str, ctx: Context) -> Found | None:
    """"last week" (the ISO week before), "this year", "earlier this month", "the past year"."""
    if m["nextday"]:
        return _next_day(m, ctx)
    if m["theweekend"]:
        return _the_weekend(m, line, ctx)
    if m["theyear"]:
        return _the_year(m, line, ctx)
    if m["yearend"]:
        start = m.start("yearend") if key(m["pmod"] or "") == "by" else m.start()
        value = f"{ctx.ref.year:04d}" if ctx.ref else "XXXX"
        return Found(start, m.end(), "DATE", value, "END")
    shift_word = key(m["shift"] or "this")  # "the end of the month": the reference's own month
    offset = _SHIFTS.get(shift_word.removeprefix("the "), _SHIFTS.get(shift_word))
    if offset is None:
        return None
    unit = key(m["ru"])
    mod = _mod(m["pmod"])
    if unit == "day":
        return _in_the_day(m, ctx)
    anaphoric = _from_anchor(shift_word, unit, line, ctx)
    if anaphoric:
        return Found(m.start(), m.end(), "DATE", anaphoric, mod)
    if unit in _SPAN_UNITS and shift_word in ("the past", "the last", "the next", "the coming") and not m["pmod"]:
        return Found(m.start(), m.end(), "DURATION", _SPAN_UNITS[unit])
    if ctx.ref is None:
        return Found(m.start(), m.end(), "DATE", _NO_REF_VALUE[offset], mod)
    value = _shifted_unit(ctx.ref, unit, offset)
    return Found(m.start(), m.end(), "DATE", value, mod) if value else None


# "over the past decade", "within the next decade": the stretch of time up to (or from) now, not
# the calendar decade before or after this one (TimeML types it a DURATION); "early last century"
# and "last decade" without the article still name the calendar period.
_SPAN_UNITS = {"decade": "P10Y", "century": "P100Y"}


_ANAPHORIC = {"the following": 1, "the previous": -1, "the prior": -1}


def _from_anchor(shift: str, unit: str, line: str, ctx: Context) -> str | None:
    """"In May 1995 he was promoted, and the following year ...": "the following" and "the
    previous" count from the date the story last named, not from the reference ("the previous
    year" only when that date is in the same paragraph: alone, it means last year).

    >>> ctx = Context(ref=dt.date(2024, 2, 7))
    >>> [f.value for f in tag_line("The dam opened in March 2019, and the following year it failed.", ctx)]
    ['2019-03', '2020']
    """
    offset = _ANAPHORIC.get(shift)
    if offset is None or ctx.anchor is None or offset < 0 and ctx.anchor_line is not line:
        return None
    parts = [int(p) for p in ctx.anchor.split("-")]
    if unit == "year":
        return f"{parts[0] + offset:04d}"
    if unit == "month" and len(parts) > 1:
        return cal.month_value(*cal.shift_month(parts[0], parts[1], offset))
    return None


def _next_day(m: Match, ctx: Context) -> Found | None:
    """"He was charged on Monday and freed the next day": the day after the date last named
    (the day before, the same day, or that day: "the previous day", "later that day").
    With no such date the day is unknown, and a guess from the reference would be wrong more
    often than right, so the words are left untagged.

    >>> ctx = Context(ref=dt.date(2024, 2, 7))
    >>> [f.value for f in tag_line("The pier shut on Jan. 9 and reopened the next morning.", ctx)]
    ['2024-01-09', '2024-01-10TMO']
    """
    if ctx.anchor is None or len(ctx.anchor) != 10:
        return None
    word = key(m["nextday"]).split()[1]
    offset = {"previous": -1, "prior": -1, "same": 0, "that": 0}.get(word, 1)
    day = _iso(dt.date.fromisoformat(ctx.anchor) + dt.timedelta(days=offset))
    part = PARTS.get(key(m["dpart"]))
    mod = _mod(key(m["nextday"]).split()[0])  # "later that day": END
    return Found(m.start(), m.end(), "TIME" if part else "DATE", f"{day}T{part}" if part else day, mod)


def _in_the_day(m: Match, ctx: Context) -> Found | None:
    """"Later in the day", "earlier in the day": the day the story last named ("On Monday the
    talks began; later in the day they broke down"), else the reference date. "At the end of
    the day" is the idiom ("in the end"), not a time."""
    if key(m["pmod"]).split()[0] not in ("earlier", "later"):
        return None
    if ctx.anchor is not None and len(ctx.anchor) == 10:
        day = ctx.anchor
    elif ctx.ref is not None:
        day = _iso(ctx.ref)
    else:
        return None
    return Found(m.start(), m.end(), "DATE", day, _mod(m["pmod"]))


_ANCHOR_KINDS = frozenset({"date", "numeric", "monthyear", "year", "relmon", "weekday", "dayword"})
_CALENDAR_VALUE = rx.compile(r"\d{4}(?:-\d\d){0,2}", 0)


def _remember_anchor(kind: str, found: Found, line: str, ctx: Context) -> None:
    """Keep the last calendar date the story names, for :func:`_from_anchor`."""
    if kind in _ANCHOR_KINDS and _CALENDAR_VALUE.fullmatch(found.value):
        ctx.anchor, ctx.anchor_line = found.value, line


def _shifted_unit(ref: dt.date, unit: str, offset: int) -> str | None:
    """The calendar value of the ``unit`` (week, month ...) ``offset`` units from ``ref``."""
    if unit == "week":
        return cal.iso_week(ref + dt.timedelta(weeks=offset))
    if unit == "weekend":
        return cal.weekend(ref + dt.timedelta(weeks=offset))
    if unit == "month":
        return cal.month_value(*cal.shift_month(ref.year, ref.month, offset))
    if unit in ("year", "fiscal year"):
        return f"{ref.year + offset:04d}"
    if unit == "decade":
        return f"{ref.year // 10 + offset}"
    if unit == "century":
        return f"{ref.year // 100 + offset}"
    season = date_words()["seasons"].get(unit)
    return f"{ref.year + offset:04d}-{season}" if season else None


_PERIOD_ENDED = rx.compile(r"\s+(?:ended|ending|ends|to\s+date)\b", rx.I)


def _the_year(m: Match, line: str, ctx: Context) -> Found | None:
    """"the year ended June 30" is a span of a year; "a high for the year" is this year."""
    if _PERIOD_ENDED.match(line, m.end()):
        return Found(m.start(), m.end(), "DURATION", "P1Y")
    if ctx.ref is None:
        return None
    return Found(m.start(), m.end(), "DATE", f"{ctx.ref.year:04d}")


def _the_weekend(m: Match, line: str, ctx: Context) -> Found | None:
    """"the weekend": the one just past, unless the sentence is about the future."""
    if ctx.ref is None:
        return Found(m.start(), m.end(), "DATE", "XXXX-WXX-WE")
    direction = _direction(line, m.start(), m.end())
    saturday = cal.weekday_date(ctx.ref, 6, cal.FUTURE if direction == cal.FUTURE else cal.PAST)
    return Found(m.start(), m.end(), "DATE", cal.weekend(saturday))


def norm_season(m: Match, line: str, ctx: Context) -> Found | None:
    """"the winter of 1994", "summer 2023", "over the summer"."""
    if m["bare"]:
        return _bare_season(m, line, ctx)
    year = _year_value(m["year"])
    season = date_words()["seasons"].get(key(m["season"]))
    if year is None or season is None:
        return None
    return Found(m.start(), m.end(), "DATE", f"{year:04d}-{season}", _mod(m["pmod"]))


# The months each season spans; winter is labelled with the year it is reached from (TimeML's
# "this winter" is the reference year's), so a bare "the winter" is always the reference year's.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _bare_season(m: Match, line: str, ctx: Context) -> Found | None:
    """"in the spring", "over the summer": the season the tense points to, the latest one begun
    unless the sentence speaks of the future ("will open in the fall" is this fall or next).
    "The fall of the city" and "prices fall" are no seasons: the pattern asks for "in the",
    "during the", "over the" ... before the word and no "of" after it.

    >>> ctx = Context(ref=dt.date(2024, 2, 7))
    >>> [f.value for f in tag_line("Sales slowed over the summer.", ctx)]
    ['2023-SU']
    """
    word = m["bare"]
    code = date_words()["seasons"].get(key(word))
    if code is None:
        return None
    if ctx.ref is None:
        return Found(m.start(), m.end(), "DATE", f"XXXX-{code}")
    year = ctx.ref.year
    if code in _SEASON_MONTHS:
        first, last = _SEASON_MONTHS[code]
        if _direction(line, m.start(), m.end()) == cal.FUTURE:
            year += ctx.ref.month > last
        else:
            year -= ctx.ref.month < first
    return Found(m.start(), m.end(), "DATE", f"{year:04d}-{code}")


def norm_ago(m: Match, line: str, ctx: Context) -> Found | None:
    """"two weeks ago", "a year earlier", "five months from now": a date at the unit's grain."""
    amount, unit = number_value(m["qty"]), unit_code(m["unit"])
    if amount is None or unit is None:
        return None
    sign = 1 if key(m["ago"]) in ("from now", "hence") else -1
    mod = _mod(m["qual"])
    start = _start_after_about(m, line, m.start())
    if ctx.ref is None:
        return Found(start, m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if amount == 1 and unit == "Y" and sign < 0 and ctx.quarter:
        year, q = cal.last_completed_quarter(ctx.ref)
        return Found(start, m.end(), "DATE", f"{year - 1}-Q{q}", mod)
    return Found(start, m.end(), "DATE", _ago_value(_ago_base(m, line, ctx), amount, unit, sign), mod)


def _ago_base(m: Match, line: str, ctx: Context) -> dt.date:
    """What "ago" and "earlier" count back from. "Two days ago" counts from the reference;
    "two days earlier" from the day the paragraph last named ("The dam burst on May 9. Two days
    earlier, engineers had warned ...")."""
    assert ctx.ref is not None
    if key(m["ago"]) == "earlier" and ctx.anchor_line is line and ctx.anchor and len(ctx.anchor) == 10:
        return dt.date.fromisoformat(ctx.anchor)
    return ctx.ref


def _ago_value(ref: dt.date, amount: int | str, unit: str, sign: int) -> str:
    if amount == "X":
        return {"Y": f"{str(ref.year)[:3]}X", "DE": f"{str(ref.year)[:2]}XX", "M": f"{ref.year}-XX"}.get(
            unit, "PAST_REF" if sign < 0 else "FUTURE_REF")
    n = sign * int(amount)
    if unit in ("D", "W", "WE", "FN"):
        days = {"D": 1, "W": 7, "WE": 7, "FN": 14}[unit] * n
        return _iso(ref + dt.timedelta(days=days))
    if unit == "M":
        return cal.month_value(*cal.shift_month(ref.year, ref.month, n))
    if unit == "Q":
        year, month = cal.shift_month(ref.year, ref.month, 3 * n)
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if unit in ("Y", "DE", "CE"):
        year = f"{ref.year + n * {'Y': 1, 'DE': 10, 'CE': 100}[unit]:04d}"
        return f"{year}-XX" if _is_round_years(int(amount), unit) else year
    return _iso(ref)


def _is_round_years(amount: int, unit: str) -> bool:
    """"a decade ago", "50 years ago": a round count of years is an estimate, so TimeML keeps the
    year but marks the month unknown (``1989-XX``); "two years ago" and "41 years ago" are counted
    and stay ``1996``, ``1959``.

    >>> _is_round_years(50, "Y"), _is_round_years(41, "Y"), _is_round_years(1, "DE")
    (True, False, True)
    """
    return unit == "DE" or unit == "Y" and amount >= 10 and amount % 10 == 0


def norm_yearago(m: Match, line: str, ctx: Context) -> Found | None:
    """"the year-ago quarter", "year-earlier": the same period one year before."""
    if ctx.ref is None:
        return Found(m.start(), m.end(), "DATE", "PAST_REF")
    ordinal = ordinal_value(m["ord"]) if m["ord"] else None
    period = key(m["pu"] or "")
    if ordinal and period == "quarter":
        year = ctx.quarter[0] if ctx.quarter else ctx.ref.year
        return Found(m.start(), m.end(), "DATE", f"{year - 1}-Q{ordinal}")
    start = m.start() if period else m.start("ya")  # "the [year-ago] results"
    if ctx.quarter and period in ("", "quarter", "period"):
        year, q = cal.last_completed_quarter(ctx.ref)
        return Found(start, m.end(), "DATE", f"{year - 1}-Q{q}")
    return Found(start, m.end(), "DATE", f"{ctx.ref.year - 1}")


# --- quarters and halves --------------------------------------------------------------------------

_ANCHOR_YEAR = {"this year's": 0, "last year's": -1, "next year's": 1}
_FINAL_ANCHORS = frozenset({"the last", "last", "the final"})


def norm_quarter(m: Match, line: str, ctx: Context) -> Found | None:
    """"the third quarter", "third-quarter", "the latest quarter", "fiscal 1990's first quarter"."""
    ordinal = ordinal_value(m["ord"]) if m["ord"] else None
    anchor = key(m["anchor"] or "")
    half = key(m["q"]) == "half"
    if ordinal is None and anchor in _FINAL_ANCHORS and (m["year"] or m["yref"]):
        ordinal = 2 if half else 4  # "the last half of 1989", "the final quarter of the year"
    if key(m["q"]) == "period" and (ordinal or not ctx.quarter or anchor not in ("the latest", "the same", "the")):
        return None  # "the latest period" is the quarter only in a story about quarters
    if ordinal is None and (half or not anchor or m["q"][:1].isupper()):
        return None
    if ordinal is not None and not 1 <= ordinal <= (2 if half else 4):
        return None
    if ctx.ref is None and not (m["year"] and ordinal):
        year_part = m["year"] if m["year"] else "XXXX"
        return Found(m.start(), m.end(), "DATE", f"{year_part}-{'H' if half else 'Q'}{ordinal or 'X'}")
    year = _quarter_year(m, line, ctx, ordinal, anchor, half)
    if ordinal is None:
        year, ordinal = _unnumbered_quarter(ctx, anchor, year if m["year"] else None)
    if not half:
        ctx.quarter = (year, ordinal)
    start = m.start()
    if anchor == "the" and m["ord"] and line[m.end("ord"):m.end("ord") + 1] == "-":
        start = m.start("ord")  # "the [third-quarter] loss": an adjective, the article is the noun's
    return Found(start, m.end(), "DATE", f"{year:04d}-{'H' if half else 'Q'}{ordinal}")


def _quarter_year(m: Match, line: str, ctx: Context, ordinal: int | None, anchor: str, half: bool) -> int:
    """The year of a numbered quarter: the one named, else the latest one that has begun (a later
    one only when the sentence speaks of the future)."""
    if m["year"]:
        return int(m["year"])
    assert ctx.ref is not None
    if m["yref"]:  # "the second half of the year", "the first quarter of next year"
        return ctx.ref.year + {"next": 1, "last": -1}.get(key(m["yref"]), 0)
    anchor = anchor.replace("\u2019", "'")
    if anchor in _ANCHOR_YEAR:
        return ctx.ref.year + _ANCHOR_YEAR[anchor]
    if ordinal is None:
        return ctx.ref.year
    start_month = (ordinal - 1) * (6 if half else 3) + 1
    began = start_month <= ctx.ref.month
    if began or anchor in ("next",) or _direction(line, m.start(), m.end()) == cal.FUTURE:
        return ctx.ref.year
    return ctx.ref.year - 1


def _unnumbered_quarter(ctx: Context, anchor: str, year: int | None) -> tuple[int, int]:
    """"the quarter" is the one the story is about; "this quarter" the reference's own."""
    assert ctx.ref is not None
    if anchor in ("this", "the current"):
        return ctx.ref.year, cal.quarter_of(ctx.ref)
    if anchor == "next":
        y, mo = cal.shift_month(ctx.ref.year, ctx.ref.month, 3)
        return y, (mo - 1) // 3 + 1
    if ctx.quarter and anchor in ("that", "the same"):
        return ctx.quarter
    last = cal.last_completed_quarter(ctx.ref)
    return (year, last[1]) if year else last


# --- durations and recurrences ----------------------------------------------------------------

_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
_HALF = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "H": "30M", "MIN": "30S"}
_SCALE = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "FN": (2, "W"), "WE": (2, "D")}


def period(amount: int | str, unit: str, half: bool = False) -> str:
    """An ISO-8601 period: ``period(3, "Y")`` is ``P3Y``; hours are ``PT..H``; decades are years.

    >>> period(2, "H"), period("X", "Y"), period(5, "H", half=True), period(3, "Q")
    ('PT2H', 'PXY', 'PT5H30M', 'P9M')
    """
    if unit in _SCALE:
        factor, base = _SCALE[unit]
        if amount == "X":
            return "PXC" if unit == "CE" else f"PX{base}"
        amount, unit = int(amount) * factor, base
    lead = "PT" if unit in _TIME_UNITS else "P"
    tail = _HALF.get(unit, "") if half and amount != "X" else ""
    return f"{lead}{amount}{_TIME_UNITS.get(unit, unit)}{tail}"


def norm_duration(m: Match, line: str, ctx: Context) -> Found | None:
    """"three years", "the past two months", "a five-year plan", "more than four hours", "for years"."""
    if m["while"]:
        return Found(m.start(), m.end(), "DURATION", "PXX")
    if m["vague"] or m["bare"]:
        return _vague_duration(m)
    if m["long"]:
        return _long_duration(m, "lunit")
    if m["old"] == "-long" and key(m["qty"]) in ("a", "an"):
        return _long_duration(m, "unit")  # "a [day-long] meeting": the article is the noun's
    amount, unit = number_value(m["qty"]), unit_code(m["unit"])
    if amount is None or unit is None or amount == 0:
        return None
    if unit == "S" and key(m["qty"]) in ("a", "an", "one"):
        return None  # "a second round", not one second
    if m["old"] == "-old" or line[m.end():m.end() + 4].lower() == " old":
        return None  # an age ("a 6-year-old", "52 years old"), not a period of time
    if unit == "Q" and "-" in m.group() and key(m["unit"]) == "quarters":
        return None  # "three-quarters", a fraction
    value = period(amount, unit, half=bool(m["half"]))
    start = m.start()
    if key(m["open"] or "") == "the" and "-" in m.group():
        start = m.start("qty")  # "the [two-week] crisis": an adjective, the article is the noun's
    return Found(_start_after_about(m, line, start), m.end(), "DURATION", value, _mod(m["qual"]))


def _long_duration(m: Match, group: str) -> Found | None:
    """"a day-long meeting" lasts one day (``P1D``); "a decades-long feud" an unknown number of
    decades (``PXY``): the plural leaves the count open."""
    unit = unit_code(m[group])
    if unit is None:
        return None
    amount = "X" if key(m[group]).endswith("s") else 1
    return Found(m.start(group), m.end(), "DURATION", period(amount, unit))


def _vague_duration(m: Match) -> Found | None:
    unit = unit_code(m["vunit"] or m["bare"])
    if unit is None:
        return None
    if m["vague"] and key(m["vague"]).startswith("recent") and unit == "Y":
        return Found(m.start(), m.end(), "DATE", "PAST_REF")
    return Found(m.start(), m.end(), "DURATION", period("X", unit))


def norm_set(m: Match, line: str, ctx: Context) -> Found | None:
    """"every day", "weekly", "each Thursday", "Tuesday nights", "$5 million a year"."""
    if m["sword"]:
        return Found(m.start(), m.end(), "SET", date_words()["sets"][key(m["sword"])])
    if m["wd"]:
        part = PARTS.get(key(m["part"] or "").rstrip("s"))
        weekday = weekday_number(m["wd"])
        return Found(m.start(), m.end(), "SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
    if m["per"]:
        return _per_unit(m, line)
    return Found(m.start(), m.end(), "SET", _every_value(m))


def _per_unit(m: Match, line: str) -> Found | None:
    """"a year" is a rate after an amount ("$5 a year", "twice a week"), else a plain duration."""
    unit = unit_code(m["sunit"]) or "D"
    value = period(1, unit)
    if _RATE_BEFORE.search(line, max(0, m.start() - 40), m.start()):
        return Found(m.start(), m.end(), "SET", value)
    return Found(m.start(), m.end(), "DURATION", value)


def _every_value(m: Match) -> str:
    word = m["sunit"]
    k = key(word)
    if weekday_number(word):
        return f"XXXX-WXX-{weekday_number(word)}"
    if month_number(word) and not unit_code(word):
        return f"XXXX-{month_number(word):02d}"
    if k.rstrip("s") in PARTS:
        return f"XXXX-XX-XXT{PARTS[k.rstrip('s')]}"
    if k in date_words()["seasons"]:
        return f"XXXX-{date_words()['seasons'][k]}"
    amount = number_value(m["qty"]) if m["qty"] else 1
    if m.group().lower().split()[1:2] == ["other"]:
        amount = 2
    return period(amount if amount is not None else 1, unit_code(word) or "D")


# --- decades, centuries, vague references -----------------------------------------------------

_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def norm_decade(m: Match, line: str, ctx: Context) -> Found | None:
    """"the 1990s" and "the nineties" are ``199``; "the '80s" is ``198``."""
    if m["dec"]:
        value = m["dec"][:3]
    else:
        century = 19 if not m["cent"] else {"nineteen": 19, "eighteen": 18}[key(m["cent"])]
        if m["dec2"]:
            tens = int(m["dec2"][0])
        else:
            tens = _DECADE_WORDS[key(m["decw"])]
        if ctx.ref is not None and not m["cent"]:
            century = ctx.ref.year // 100 - (tens * 10 > ctx.ref.year % 100)
        value = f"{century}{tens}"
    return Found(m.start(), m.end(), "DATE", value, _mod(m["pmod"]))


def norm_century(m: Match, line: str, ctx: Context) -> Found | None:
    """"the 20th century" is ``19``."""
    n = ordinal_value(m["ord"])
    if not n or n > 21:
        return None
    return Found(m.start(), m.end(), "DATE", f"{n - 1:02d}", _mod(m["pmod"]))


def norm_ref(m: Match, line: str, ctx: Context) -> Found | None:
    """"now", "currently", "recently", "the future", "soon", "current", "future"."""
    dw = date_words()
    if m["refadj"]:
        word = m["refadj"]
        if not word.islower():
            return None
        k = key(word)
        value = ("PRESENT_REF" if k in dw["present_adjectives"]
                 else "PAST_REF" if k in dw["past_adjectives"] else "FUTURE_REF")
        return Found(m.start(), m.end(), "DATE", value)
    k = key(m["ref"])
    if k == "soon" and _is_as_soon_as(m, line) or k == "now" and _is_discourse_now(m, line):
        return None
    start = m.start() if m["deg"] and key(m["deg"]) in ("more", "most") else m.start("ref")
    value = ("PRESENT_REF" if k in dw["present_refs"] else "PAST_REF" if k in dw["past_refs"] else "FUTURE_REF")
    return Found(start, m.end(), "DATE", value)


_DISCOURSE_AFTER = rx.compile(r"[ \t]*(?:,|for\b)", rx.I)
_OPENING_PUNCT = frozenset("\"'`\u201c\u2018( ")


def _is_discourse_now(m: Match, line: str) -> bool:
    """"Now, he says, ..." and "Now for the weather": a sentence-opening "now" set off by a comma
    (or leading into "for") turns the talk; it names no time, and TimeML leaves it untagged. "For
    now," and "Now officials are ..." still refer to the present."""
    before = line[_sentence_start(line, m.start("ref")):m.start("ref")]
    if any(ch not in _OPENING_PUNCT for ch in before):
        return False
    return _DISCOURSE_AFTER.match(line, m.end("ref")) is not None


def _is_as_soon_as(m: Match, line: str) -> bool:
    return line[max(0, m.start() - 3):m.start()].lower() == "as " or line[m.end():m.end() + 3].lower() == " as"


# --- the scan ---------------------------------------------------------------------------------

NORMALIZERS: dict[str, Callable[[Match, str, Context], Found | None]] = {
    "clock": norm_clock, "date": norm_date, "numeric": norm_numeric, "monthyear": norm_monthyear,
    "yearago": norm_yearago, "quarter": norm_quarter, "set": norm_set, "ago": norm_ago,
    "duration": norm_duration, "decade": norm_decade, "century": norm_century, "relunit": norm_relunit,
    "season": norm_season, "dayword": norm_dayword, "weekday": norm_weekday, "holiday": norm_holiday,
    "relmon": norm_relmon, "year": norm_year, "ref": norm_ref,
}


def scan_line(line: str) -> list[tuple[str, Match]]:
    """The candidate matches in one line: the single scan, before any normalizing."""
    return scan(line)


def tag_matches(matches: list[tuple[str, Match]], line: str, ctx: Context) -> list[Found]:
    """Normalize a line's matches in order (order matters: quarters set the story's quarter)."""
    out = []
    for kind, m in matches:
        found = NORMALIZERS[kind](m, line, ctx)
        if found is not None and found.end > found.start:
            out.append(found)
            _remember_anchor(kind, found, line, ctx)
    return out


def tag_line(line: str, ctx: Context) -> list[Found]:
    """Every time expression in one line (a paragraph), in order, offsets relative to the line.

    >>> ctx = Context(ref=dt.date(2024, 2, 7))
    >>> [(f.type, f.value) for f in tag_line("Talks resumed last week and will end in March.", ctx)]
    [('DATE', '2024-W05'), ('DATE', '2024-03')]
    """
    return tag_matches(scan_line(line), line, ctx)
