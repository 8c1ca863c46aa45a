"""The patterns: one per kind of time expression, built from the word lists in ``lexicon/``.

Each kind of expression (``date``, ``weekday``, ``duration`` ...) has its own pattern; the scan
(:mod:`.scan`) tries them at each word that can begin an expression, in :data:`KINDS` order, the
first match winning, as in one big alternation. Kinds that can start at the same place are ordered longest first:
"Wednesday, Feb. 7, 2024" is tried as a ``date`` before ``weekday`` takes "Wednesday" alone, and
"a year ago" as ``ago`` before ``duration`` takes "a year". Group names (``mon``, ``day``,
``year``, ``pmod`` ...) mean the same in every pattern and repeat across the branches of one
pattern: only one branch takes part in a match.

No quantifier is nested over the same characters, so no input can make the scan backtrack badly.
"""

from __future__ import annotations

from functools import cache

from .. import rx
from .words import (
    alternation,
    date_words,
    months,
    number_words_pattern,
    numbers,
    weekdays,
)

KINDS = (
    "clock", "date", "numeric", "monthyear", "yearago", "quarter", "set", "ago", "duration",
    "decade", "century", "relunit", "season", "dayword", "weekday", "holiday", "relmon", "year", "ref",
)


def _alt(words: object) -> str:
    """An alternation that also accepts a curly apostrophe wherever the list has a straight one."""
    return alternation(words).replace("'", "['\u2019]").replace(r"\'", "['\u2019]")


@cache
def pieces() -> dict[str, str]:
    """The building blocks, by name, each a regex fragment (no capturing groups)."""
    dw = date_words()
    nums = numbers()
    number_words = number_words_pattern()
    tens = alternation(nums["tens"])
    ones = alternation(nums["cardinals"])
    p = {
        "MON": _alt(months()),
        "WDF": _alt(w for w in weekdays() if len(w) > 4),
        "WDA": _alt(weekdays()),
        "UNIT": _alt(list(dw["units"]) + list(dw["trading_units"])),
        "QTY": rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{number_words}|{_alt(nums['vague_amounts'])}|a\s+(?:{_alt(nums['multipliers'])})|an|a)",
        "ORD": rf"(?:{_alt(nums['ordinals'])}|\d{{1,2}}(?:st|nd|rd|th))",
        "APPROX": _alt(dw["approximators"]),
        "PMOD": rf"(?:{_alt(k for k in dw['position_mods'] if not k.endswith('-'))})",
        "SEASON": _alt(dw["seasons"]),
        "PART": _alt(dw["day_parts"]),
        "TZ": f"(?-i:{_alt(dw['timezones'])})",  # upper case only: French "et" is no time zone
        "YEAR4": r"(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,:/-]\d|\s*(?:percent|per\s+cent)\b)",
        "SPOKEN_YEAR": rf"(?:(?:nineteen|eighteen)[-\s]+(?:(?:{tens})(?:[-\s](?:{ones}))?|hundred|oh[-\s](?:{ones}))"
                       rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{ones}))?)",
        "DAY": r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d)",
        "SHIFT": r"(?:this\s+past|this\s+coming|last|next|this|past|coming|previous|following|current)",
        "REFS": _alt(dw["present_refs"] + dw["past_refs"] + dw["future_refs"]),
        "REFADJ": _alt(dw["present_adjectives"] + dw["past_adjectives"] + dw["future_adjectives"]),
        "HOLIDAY": _alt(list(dw["fixed_holidays"]) + list(dw["floating_holidays"])),
        "SETWORD": _alt(dw["sets"]),
        "SETQ": _alt(dw["set_quantifiers"]),
        "YEAREND": _alt(dw["year_end"]),
    }
    p["YEAR"] = rf"(?:{p['YEAR4']}|{p['SPOKEN_YEAR']}(?!\w))"
    return p


def _productions(p: dict[str, str]) -> dict[str, str]:
    """The pattern of every kind (see :data:`KINDS` for their order in the scan)."""
    return {**_calendar_productions(p), **_relative_productions(p), **_period_productions(p)}


def _calendar_productions(p: dict[str, str]) -> dict[str, str]:
    """Expressions that name their date: "Feb. 7, 2024", "2024-02-07", "5 p.m.", "March 1996"."""
    return {
        "clock": rf"""
            (?:(?P<qual>about|around|approximately|shortly\s+(?:after|before)|just\s+(?:after|before))\s+)?
            (?:(?P<hour>[0-2]?\d)(?::(?P<minute>[0-5]\d))?\s?(?P<ampm>[ap]\.m\b\.?|[ap]m\b)
              |(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?=\s+(?:{p['TZ']})\b)
              |(?P<cword>noon|midnight|midday)
              |(?P<hour>\d{{1,2}}|{number_words_pattern()})\s+(?:o['\u2019]clock|in\s+the\s+(?P<part>morning|afternoon|evening)))
            (?:\s+(?P<tz>{p['TZ']})\b)?
            (?:,?\s+(?:on\s+)?(?:(?P<wd>{p['WDF']})\b|(?P<dw>today|tonight|yesterday|tomorrow)\b
               |(?P<mon>{p['MON']})\b\.?\s+(?P<day>{p['DAY']})(?:,?\s+(?P<year>{p['YEAR4']}))?))?""",
        "date": rf"""
            (?:(?P<wd>{p['WDA']})\b\.?,?\s+)?
            (?:(?P<mon>{p['MON']})\b\.?\s+(?P<day>{p['DAY']})\b(?:,?\s+(?P<year>{p['YEAR']}))?
              |(?:the\s+)?(?P<day>{p['DAY']})(?:\.|er\b|\s+de\b|\s+of\b)?\s*(?P<mon>{p['MON']})\b\.?
               (?:,?\s+(?:de\s+|del\s+)?(?P<year>{p['YEAR4']}))?)""",
        "numeric": r"""
            (?<![\d.\-/])
            (?:(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?
              |(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d{4})
              |(?P<month>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4})
              |(?P<year>\d{4})/(?P<month>[01]\d)/(?P<day>[0-3]\d)
              |(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d\d)
              |(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d\d))
            (?![\d/]|\.\d)""",
        "monthyear": rf"""
            (?:(?P<pmod>{p['PMOD']})(?:-|\s+))?
            (?P<mon>{p['MON']})\b\.?,?\s+(?:of\s+)?(?P<year>{p['YEAR']})""",
    }


def _relative_productions(p: dict[str, str]) -> dict[str, str]:
    """Expressions counted from the reference: "last week", "a year ago", "the third quarter"."""
    return {
        "yearago": r"""
            (?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?
            (?P<ya>year-ago|year-earlier|year-before|prior-year|year\s+earlier)(?![-\w])
            (?:\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?P<pu>quarter|period|half|nine\s+months|six\s+months))?\b""",
        "quarter": rf"""
            (?:(?P<anchor>the\s+latest|the\s+last|the\s+current|the\s+same|the\s+recent|the\s+most\s+recent|the\s+previous
                |the\s+final|this\s+year['\u2019]s|last\s+year['\u2019]s|next\s+year['\u2019]s
                |fiscal\s+(?P<year>{p['YEAR4']})['\u2019]s|fiscal\s+(?P<year>{p['YEAR4']})
                |the\s+(?P<year>{p['YEAR4']})|(?P<year>{p['YEAR4']})['\u2019]s|the|this|last|next|that)\s+)?
            (?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:-|\s+))?
            (?P<q>quarter|half|period)(?![-\w])
            (?:\s+of\s+(?:fiscal\s+)?(?P<year>{p['YEAR4']})|\s+of\s+(?P<yref>the|this|next|last)\s+year\b)?""",
        "set": rf"""
            (?:(?P<setq>{p['SETQ']})\s+(?:other\s+)?(?:(?P<qty>{p['QTY']})\s+)?
               (?P<sunit>{p['UNIT']}|{p['WDF']}|{p['MON']}|{p['PART']}|{p['SEASON']})\b
              |(?P<sword>{p['SETWORD']})\b
              |(?P<wd>{p['WDF']})s\b
              |(?P<wd>{p['WDF']})\s+(?P<part>nights|mornings|evenings|afternoons)\b
              |(?<=\w[\w%]*\s)(?P<per>a|an)\s+(?P<sunit>day|week|month|year|night)(?![-\w])(?!\s+(?:ago|earlier|later|or|and)\b))""",
        "ago": rf"""
            (?:(?P<qual>{p['APPROX']})\s+)?(?P<qty>{p['QTY']})\s+(?P<unit>{p['UNIT']})
            (?:\s+or\s+so)?\s+(?P<ago>ago|earlier|from\s+now|hence)\b""",
        "duration": rf"""
            (?:(?P<qual>{p['APPROX']})\s+(?!the\b))?
            (?:(?P<open>the\s+(?:past|last|next|first|coming|previous|final|remaining|following|latest|same|other)
                |the|another|an\s+additional|each\s+of\s+the\s+(?:past|last|next))\s+)?
            (?P<qty>{p['QTY']})(?P<half>\s+(?:1/2|and\s+a\s+half))?
            (?:\s+(?:more|additional|straight|consecutive|full|long))?
            (?:\s+|-)(?P<unit>{p['UNIT']})(?P<old>-old|-long)?\b(?!-\w)
          |(?P<vague>(?:the\s+(?:past|last|next|coming)\s+(?:few|several)|the\s+coming|recent|several)\s+(?P<vunit>{p['UNIT']}))\b
          |(?P<vague>(?P<vunit>{p['UNIT']})\s+ahead)\b
          |(?<=\b(?:for|within|over|in)\s)(?P<bare>years|months|weeks|days|decades|centuries|hours|minutes)\b(?!\s+(?:ago|of|later|earlier))
          |(?<=\b(?:over|through|in|during)\s)the\s+(?P<bare>years|decades|centuries)\b(?!\s+(?:ago|of|later|earlier|\d))
          |(?P<long>(?P<lunit>{p['UNIT']})-long)\b
          |(?P<while>a\s+while)\b""",
    }


def _period_productions(p: dict[str, str]) -> dict[str, str]:
    """Spans, sets and vague times: "the 1990s", "Friday", "November", "1990", "now"."""
    return {
        "decade": r"""
            (?:the\s+)?(?:(?P<pmod>early|mid|late)(?:-|\s+))?
            (?:(?P<dec>(?:1[5-9]|20)\d0)['\u2019]?s\b|['\u2019](?P<dec2>\d0)s\b
              |(?:(?P<cent>nineteen|eighteen)[-\s]+)?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)""",
        "century": rf"""
            (?:the\s+)?(?:(?P<pmod>early|mid|late)(?:-|\s+))?(?P<ord>{p['ORD']})[-\s]+century\b""",
        "relunit": rf"""
            (?:(?P<pmod>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)(?:-|\s+))?
            (?P<shift>(?:the\s+)?{p['SHIFT']}|the\s+latest|the\s+same)\s+
            (?P<ru>fiscal\s+year|week|month|year|decade|century|weekend|{p['SEASON']})(?![-\w])
          |(?P<pmod>the\s+(?:end|beginning|start|middle)\s+of|earlier\s+in|later\s+in)\s+the\s+(?P<ru>day|week|month|year)\b
           (?!['\u2019-]|\s+(?:of|in|before|after|ago|earlier|later|ended|ending|that|when)\b|\s+\d)
          |(?P<nextday>(?:the\s+(?:following|next|previous|prior|same)|(?:earlier|later)\s+that)\s+(?P<dpart>day|morning|afternoon|evening|night))\b
           (?!['\u2019-]|\s+of\b)
          |(?P<theweekend>the\s+weekend)\b
          |(?P<theyear>the\s+(?:fiscal\s+)?year)(?![-\w'\u2019])(?!\s+(?:of|in|before|after|earlier|ago|that|when|two|\d)\b)
          |(?:(?P<pmod>around|by|about)\s+)?(?P<yearend>{p['YEAREND']})\b""",
        "season": rf"""
            (?:(?P<pmod>early|late|mid)(?:-|\s+))?(?:the\s+)?(?P<season>{p['SEASON']})(?:\s+of)?\s+(?P<year>{p['YEAR']})
          |(?<=\b(?:in|during|over|through|since|until|by)\s)the\s+(?P<bare>{p['SEASON']})\b(?!['\u2019-]|\s+of\b)""",
        "dayword": r"""
            (?:(?P<pmod>early|late|earlier|later)\s+)?
            (?:(?P<dw>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?
              |(?P<dw>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night)\b)""",
        "weekday": rf"""
            (?:(?P<shift>this\s+past|this\s+coming|last|next|this|early|late|earlier|later)\s+)?
            (?P<wd>{p['WDF']})\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?""",
        "holiday": rf"""(?P<hol>{p['HOLIDAY']})\b""",
        "relmon": rf"""
            (?:(?P<pmod>{p['PMOD']})(?:-|\s+))?(?:(?P<shift>this\s+past|this\s+coming|last|next|this|past|coming)\s+)?
            (?P<mon>{p['MON']})\b\.?(?:\s+(?P<yshift>last|this|next)\s+year\b)?""",
        "year": rf"""
            (?<![$£€#.,:/\-\d])
            (?:(?P<pmod>{p['PMOD']})(?:-|\s+))?(?:(?P<fiscal>fiscal)\s+(?:year\s+)?)?(?:the\s+(?:year\s+)?)?
            (?:(?P<prepost>pre|post)-)?(?P<year>{p['YEAR4']}|{p['SPOKEN_YEAR']})(?!\w)(?:\s+(?P<yper>period|season))?""",
        "ref": rf"""
            (?:(?P<deg>more|most|very)\s+)?(?P<ref>{p['REFS']})\b
          |(?P<refadj>{p['REFADJ']})\b(?!['\u2019\-])""",
    }


@cache
def patterns() -> dict[str, rx.Pattern]:
    """One compiled pattern per kind (case-insensitive; case is checked by the normalizers).

    ``(?-f)`` turns off the ``regex`` module's full Unicode case folding, which costs a third of
    the time and buys nothing for these words.
    """
    return {
        kind: rx.compile(rf"(?-f)(?<![\w'\u2019])(?:{prod})", rx.I | rx.X)
        for kind, prod in _productions(pieces()).items()
    }
