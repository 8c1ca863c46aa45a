"""Dates: find time expressions, pick the reference date, normalize to TimeML values."""

from __future__ import annotations

import datetime as dt

from .. import lexicon, rx
from ..document import DateValue, Document, ReferenceDate, Span, Timex
from ..pipeline import stage


def _month_alternation() -> str:
    names = {name for table in lexicon.table("months").values() for name in table}
    return "|".join(sorted(names, key=len, reverse=True))


_PATTERNS: rx.Pattern | None = None


def patterns() -> rx.Pattern:
    global _PATTERNS
    if _PATTERNS is None:
        months = _month_alternation()
        _PATTERNS = rx.compile(
            rf"""\b(?:
              (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))
            | (?P<mdy>(?P<mon>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?)
            | (?P<rel>yesterday|today|tomorrow|last\s+week|this\s+week|next\s+week)
            )\b""",
            rx.I | rx.X,
        )
    return _PATTERNS


def _month_number(name: str) -> int:
    key = name.casefold().rstrip(".")
    for table in lexicon.table("months").values():
        if key in table:
            return table[key]
    raise KeyError(name)


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def normalize(m: rx.regex.Match, ref: dt.date | None) -> tuple[str, str] | None:
    """TimeML (type, value) for one match, resolved against ``ref`` when it needs one."""
    if m.group("iso"):
        try:
            return "DATE", dt.date(int(m["iy"]), int(m["im"]), int(m["id"])).isoformat()
        except ValueError:
            return None
    if m.group("mdy"):
        month, day = _month_number(m["mon"]), int(m["day"])
        if not 1 <= day <= 31:
            return None
        if m["year"]:
            year = int(m["year"])
        elif ref is not None:
            year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
        else:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        try:
            return "DATE", dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    word = " ".join(m["rel"].casefold().split())
    if ref is None:
        return ("DATE", "PRESENT_REF") if word in ("today", "this week") else None
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}
    if word in shift:
        return "DATE", (ref + dt.timedelta(days=shift[word])).isoformat()
    weeks = {"last week": -7, "this week": 0, "next week": 7}[word]
    return "DATE", _week(ref + dt.timedelta(days=weeks))


def _full_date(m: rx.regex.Match) -> dt.date | None:
    kind = normalize(m, None)
    if kind and len(kind[1]) == 10 and not kind[1].startswith("X"):
        return dt.date.fromisoformat(kind[1])
    return None


@stage("dates", requires=("lines", "labels", "body", "headline", "images"), assigns=("dates", "published", "reference_date"))
def dates(doc: Document) -> None:
    scan = [ln for ln in doc.lines if not ln.is_blank and doc.labels[ln.index] not in ("boilerplate",)]
    matches = [(ln, m) for ln in scan for m in patterns().finditer(ln.text)]
    # Published: a full date on a dateline/byline line in the header.
    for ln, m in matches:
        if doc.labels[ln.index] in ("dateline", "byline") and (d := _full_date(m)):
            doc.published = DateValue(d.isoformat(), doc.span(ln.content_start + m.start(), ln.content_start + m.end()))
            break
    if doc.reference_date_given is not None:
        ref = doc.reference_date_given
        doc.reference_date = ReferenceDate(ref.isoformat(), "given")
    elif doc.published is not None:
        ref = dt.date.fromisoformat(doc.published.value)
        doc.reference_date = ReferenceDate(ref.isoformat(), "published", doc.published.span)
    else:
        full = [(d, ln, m) for ln, m in matches if (d := _full_date(m))]
        if full:
            d, ln, m = max(full, key=lambda t: t[0])
            ref = d
            evidence = doc.span(ln.content_start + m.start(), ln.content_start + m.end())
            doc.reference_date = ReferenceDate(d.isoformat(), "inferred", evidence)
        else:
            ref = None
    for ln, m in matches:
        norm = normalize(m, ref)
        if norm is None:
            continue
        span: Span = doc.span(ln.content_start + m.start(), ln.content_start + m.end())
        doc.dates.append(Timex(span, norm[0], norm[1]))
