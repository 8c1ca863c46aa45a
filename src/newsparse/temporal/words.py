"""The temporal vocabulary as lookup tables and regex alternations, built once from ``lexicon/``.

Keeping the words in data means a new language or a new set of holidays is a data change; this
module only turns the tables into the shapes the grammar and the normalizers need.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .. import lexicon, rx


def alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first, with spaces matching any run of spaces.

    >>> alternation(["a b", "ab", "a"])
    'a\\\\s+b|ab|a'
    """
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(rx.regex.escape(p) for p in w.split()) for w in parts)


def _merged(name: str, languages: Any = None) -> dict[str, int]:
    """A per-language table flattened to one mapping (the languages do not disagree); keys that
    start with ``_`` are notes, not languages."""
    out: dict[str, int] = {}
    for lang, table in lexicon.table(name).items():
        if not lang.startswith("_") and (languages is None or lang in languages):
            out.update(table)
    return out


@cache
def months() -> dict[str, int]:
    """The month names the story grammar reads: only its own languages, so that "Mart" or "Mei"
    in an English sentence stays a name."""
    return _merged("months", frozenset(lexicon.table("months")["_story_languages"]))


@cache
def page_months() -> dict[str, int]:
    """Month names of every listed language: a page's own date stamp may be in any of them."""
    return _merged("months")


@cache
def weekdays() -> dict[str, int]:
    return _merged("weekdays")


@cache
def date_words() -> dict[str, Any]:
    return lexicon.table("date_words")


@cache
def numbers() -> dict[str, Any]:
    return lexicon.table("numbers")


@cache
def tense_cues() -> dict[str, list[str]]:
    return lexicon.table("tense_cues")


def key(text: str) -> str:
    """A lookup key: casefolded, single spaces, curly apostrophes straightened, no trailing dot."""
    return " ".join(text.casefold().replace("\u2019", "'").split()).rstrip(".")


def month_number(text: str) -> int | None:
    return months().get(key(text))


def weekday_number(text: str) -> int | None:
    return weekdays().get(key(text))


def unit_code(text: str) -> str | None:
    k = key(text)
    return date_words()["units"].get(k) or date_words()["trading_units"].get(k)


_VAGUE = "X"


def number_value(text: str) -> int | str | None:
    """The number a quantity phrase names, ``"X"`` for a vague one, ``None`` when it is no number.

    >>> number_value("twenty-four"), number_value("a few"), number_value("180"), number_value("an")
    (24, 'X', 180, 1)
    """
    k = key(text).replace(",", "")
    if k.isdigit():
        return int(k)
    nums = numbers()
    if k in nums["indefinite_one"]:
        return 1
    if k in ("a couple of", "a couple"):
        return 2  # TimeML counts "a couple of years" as P2Y, though the word sits with the vague amounts
    if k in nums["vague_amounts"]:
        return _VAGUE
    total, current = 0, 0
    for tok in k.replace("-", " ").split():
        if tok == "and":
            continue
        if tok in nums["cardinals"]:
            current += nums["cardinals"][tok]
        elif tok in nums["tens"]:
            current += nums["tens"][tok]
        elif tok in nums["multipliers"]:
            current = max(current, 1) * nums["multipliers"][tok]
            if nums["multipliers"][tok] >= 1000:
                total, current = total + current, 0
        elif tok in ("a", "an"):
            current += 1
        else:
            return None
    return total + current if (total or current) else None


def ordinal_value(text: str) -> int | None:
    """``"third"`` -> 3, ``"21st"`` -> 21."""
    k = key(text)
    digits = k.rstrip("stndrhe")
    if digits.isdigit():
        return int(digits)
    return numbers()["ordinals"].get(k)


@cache
def number_words_pattern() -> str:
    """Spelled-out numbers up to the thousands ("twenty-four", "two hundred", "nineteen")."""
    nums = numbers()
    ones = alternation(nums["cardinals"])
    tens = alternation(nums["tens"])
    mult = alternation(nums["multipliers"])
    small = rf"(?:(?:{tens})(?:[-\s](?:{ones}))?|(?:{ones}))"
    return rf"(?:{small}(?:\s+(?:{mult})(?:\s+(?:and\s+)?{small})?)?)"
