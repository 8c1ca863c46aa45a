"""Quotation marks: find what is quoted in one paragraph, whatever the typography.

News text mixes conventions: straight ``"``, curly ``“ ”``, two apostrophes ``''`` for a double
mark (NYT), ````like this''`` (LDC), «guillemets», and single marks ``‘…’`` as outer marks in
headlines. Glyphs often point the wrong way, and ``’`` is also the apostrophe (``Iraq’s``,
``forces’ safety``). So a mark's role (opens, closes, either, nothing) is read from what stands on
each side of it, never from the glyph alone; double marks are paired first, and single marks only
outside them. Only the outermost quotation counts: a quote nested in another is not returned.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from .. import rx

# Longest first, so that ``''`` is one double mark and ``'''`` splits in two (see _mark_tokens).
_MARK = rx.compile(r"'''|''|``|[“”\"«»„‘’'‚]")
_TWEET_TAG = rx.compile(r"</?tweet\b[^<>]{0,600}>")

_DOUBLE_OPENERS = frozenset({"“", "„", "«", "``"})
_DOUBLE_CLOSERS = frozenset({"”", "»"})
_NEUTRAL_DOUBLES = frozenset({'"', "''"})
_MARK_CHARS = frozenset("“”\"«»„‘’'‚`")
_OPEN_BEFORE = frozenset("([{—–-―/:;,>…")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-―/<…")
_STRONG_CLOSE_BEFORE = frozenset(".,!?;:…")


@dataclass(slots=True)
class Quoted:
    """One quotation in a paragraph; offsets are into the paragraph's text.

    ``start``/``end`` bound the quoted words without marks; ``open_at`` is where the opening mark
    starts and ``close_end`` where the closing mark ends (``end`` when the paragraph ends first).
    """

    open_at: int
    start: int
    end: int
    close_end: int
    closed: bool
    single: bool


# not frozen, like Tok: made once per mark, and a frozen dataclass is slow to make
@dataclass(slots=True)
class _Mark:
    start: int
    end: int
    glyph: str


def _can_open(text: str, m: _Mark) -> bool:
    """Space or punctuation before, a non-space after: `` "Yes`` or ``("Yes``."""
    before = text[m.start - 1] if m.start > 0 else " "
    after = text[m.end] if m.end < len(text) else " "
    return (before.isspace() or before in _OPEN_BEFORE or before in _MARK_CHARS) and not after.isspace()


def _can_close(text: str, m: _Mark) -> bool:
    """A non-space before, space or punctuation after: ``yes,"`` or ``yes" said``."""
    before = text[m.start - 1] if m.start > 0 else " "
    after = text[m.end] if m.end < len(text) else " "
    return not before.isspace() and (after.isspace() or after in _CLOSE_AFTER or after in _MARK_CHARS)


def double_role(text: str, m: _Mark) -> str:
    """``open``, ``close`` or ``either`` for a double mark, by glyph and then by context.

    A curly mark keeps its glyph's role unless only the other role fits its context (``word“ next``
    closes); a straight mark takes whichever role its context allows.
    """
    if m.glyph in ("«", "»"):
        return "open" if m.glyph == "«" else "close"  # French sets them off with spaces: « Oui »
    opens, closes = _can_open(text, m), _can_close(text, m)
    if m.glyph in _DOUBLE_OPENERS:
        return "close" if closes and not opens else "open"
    if m.glyph in _DOUBLE_CLOSERS:
        return "open" if opens and not closes else "close"
    if opens != closes:
        return "open" if opens else "close"
    return "either"


def _mark_tokens(text: str) -> list[_Mark]:
    """Every quotation mark in ``text``, with ``'''`` split into a single and a double mark.

    ``''`` is read as one double mark: ``'''`` after a word closes a single then a double
    (``word.'''`` = ``'`` + ``''``); before a word it opens a double then a single.
    """
    if not any(map(text.__contains__, _MARK_CHARS)):
        return []  # most lines hold no quotation mark: a few substring searches say so
    masked = _masked_ranges(text)
    marks: list[_Mark] = []
    for m in _MARK.finditer(text):
        s, e, g = m.start(), m.end(), m.group()
        if masked and _inside(masked, s):
            continue
        if g == "'''":
            after_word = s > 0 and not text[s - 1].isspace()
            parts = [(s, s + 1), (s + 1, e)] if after_word else [(s, s + 2), (s + 2, e)]
            marks.extend(_Mark(a, b, text[a:b]) for a, b in parts)
        else:
            marks.append(_Mark(s, e, g))
    return marks


def _masked_ranges(text: str) -> list[tuple[int, int]]:
    """Pseudo-markup whose attribute quotes are not quotation marks: ``<tweet id="1">``."""
    if "<" not in text:
        return []
    return [(m.start(), m.end()) for m in _TWEET_TAG.finditer(text)]


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    """``at`` falls in one of the sorted, disjoint ``ranges`` (a binary search, not a scan)."""
    k = bisect.bisect_right(ranges, (at, math.inf)) - 1
    return k >= 0 and ranges[k][0] <= at < ranges[k][1]


def _is_double(m: _Mark) -> bool:
    return m.glyph in _DOUBLE_OPENERS or m.glyph in _DOUBLE_CLOSERS or m.glyph in _NEUTRAL_DOUBLES


def _make(text: str, opener: _Mark, closer: _Mark | None, single: bool) -> Quoted:
    """A quotation whose words exclude the spaces just inside its marks (French ``« Oui »``)."""
    start = opener.end
    inner_end = closer.start if closer is not None else len(text)
    while start < inner_end and text[start].isspace():
        start += 1
    end = inner_end
    while end > start and text[end - 1].isspace():
        end -= 1
    if closer is None:
        return Quoted(opener.start, start, end, end, False, single)
    return Quoted(opener.start, start, end, closer.end, True, single)


def pair_doubles(text: str, marks: list[_Mark]) -> list[Quoted]:
    """Pair double marks left to right, keeping only the outermost pair of a nest.

    A quote still open at the paragraph's end runs to the end (its closing mark is missing, or the
    quote continues in the next paragraph).

    >>> text = '"Go," she said. “Now.”'
    >>> [text[q.start:q.end] for q in pair_doubles(text, _mark_tokens(text))]
    ['Go,', 'Now.']
    """
    out: list[Quoted] = []
    opener: _Mark | None = None
    depth = 0
    for m in marks:
        role = double_role(text, m)
        if opener is None:
            if role != "close":
                opener = m
        elif role == "open":
            depth += 1
        elif depth:
            depth -= 1
        else:
            out.append(_make(text, opener, m, single=False))
            opener = None
    if opener is not None:
        out.append(_make(text, opener, None, single=False))
    return out


def single_role(text: str, m: _Mark) -> str:
    """``open``, ``close``, ``weak_close`` or ``none`` for a single mark.

    An apostrophe inside a word (``Iraq’s``, ``don't``) is ``none``; so is an elided year (``’90s``).
    A mark after *s* followed by a word (``forces’ safety``) may be a plural possessive: ``weak_close``.
    """
    before = text[m.start - 1] if m.start > 0 else " "
    after = text[m.end] if m.end < len(text) else " "
    if before.isalnum() and after.isalnum():
        return "none"
    if _can_open(text, m) and (after.isalpha() or after in "“\"$(["):
        if m.glyph == "’" and not after.isupper():
            return "none"
        return "open"
    if not _can_close(text, m):
        return "none"
    if before in "sSzZ" and after == " " and m.end + 1 < len(text) and text[m.end + 1].isalpha():
        return "weak_close"
    if before.isalnum() or before in _STRONG_CLOSE_BEFORE or before in "”\"?!)":
        return "close"
    return "none"


def pair_singles(text: str, marks: list[_Mark], taken: list[Quoted]) -> list[Quoted]:
    """Pair single marks outside double quotations: each opener takes the first sure closer after it,
    else the first possible one (``‘… our forces’ safety,’`` closes at the second ``’``)."""
    spans = [(q.open_at, q.close_end) for q in taken]
    free = [m for m in marks if not _is_double(m) and not _inside(spans, m.start)]
    roles = [single_role(text, m) for m in free]
    sure, weak = _next_role(roles, "close"), _next_role(roles, "weak_close")
    out: list[Quoted] = []
    i = 0
    while i < len(free):
        if roles[i] != "open":
            i += 1
            continue
        close = sure[i + 1] if sure[i + 1] is not None else weak[i + 1]
        if close is None:
            break
        out.append(_make(text, free[i], free[close], single=True))
        i = close + 1
    return out


def _next_role(roles: list[str], role: str) -> list[int | None]:
    """For each position ``i``, the first index ``j >= i`` whose role is ``role`` (one backward
    pass, so that many openers with no closer do not each rescan the rest of the paragraph)."""
    out: list[int | None] = [None] * (len(roles) + 1)
    for j in range(len(roles) - 1, -1, -1):
        out[j] = j if roles[j] == role else out[j + 1]
    return out


def _nested_in(spans: list[tuple[int, int]], d: Quoted) -> bool:
    """``d`` lies inside one of the sorted, disjoint single quotations ``spans`` (opening before it)."""
    k = bisect.bisect_left(spans, (d.open_at, -1)) - 1
    return k >= 0 and spans[k][0] < d.open_at and d.close_end <= spans[k][1]


def find_quoted(text: str) -> list[Quoted]:
    """The outermost quotations of one paragraph, in order.

    >>> [text[q.start:q.end] for text in ["‘We guard our forces’ safety,’ it read of Iraq’s “war.”"]
    ...  for q in find_quoted(text)]
    ['We guard our forces’ safety,', 'war.']
    """
    marks = _mark_tokens(text)
    if not marks:
        return []
    doubles = pair_doubles(text, [m for m in marks if _is_double(m)])
    singles = pair_singles(text, marks, doubles)
    spans = [(s.open_at, s.close_end) for s in singles]
    kept = [d for d in doubles if not _nested_in(spans, d)]
    return sorted(kept + singles, key=lambda q: q.open_at)
