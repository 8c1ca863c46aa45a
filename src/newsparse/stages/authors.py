"""Authors: names from the byline, merged with an author box at the end of the article.

A byline carries more than names: a prefix ("By", "Von"), a date, a job title, an e-mail or handle,
the site or the agency ("| Reuters", ", CNN"). Only the people are authors; an agency is kept as the
author's ``organization``, never as a person. An author box repeats the byline's name, then gives a
role and a bio; it is the same person, so it adds to that author rather than creating another.
"""

from __future__ import annotations

from functools import cache

from .. import lexicon, rx
from ..document import Author, Document, Line
from ..pipeline import stage
from . import blocks as bk
from .header import _byline_prefix, is_byline, is_name_line

MAX_BYLINES = 3
FALLBACK_ABOVE = 40  # lines above the first paragraph searched for a byline the header missed
FALLBACK_BELOW = 6
BYLINE_FALLBACK_CHARS = 80
HEADER_DATELINE_REACH = 8  # lines under the headline where a "Name - date" line still counts
AUTHOR_BOX_LINES = 10  # how far from the end of the kept text an author box may start
MAX_NAME_WORDS = 5
_CAMEL = rx.compile(r"^(?!Mc|Mac|O’|O'|De|Di|La|Le|Van|Von)\p{L}+\p{Ll}\p{Lu}")
_DESKS = frozenset({"team", "desk", "staff", "newsroom", "redaktion", "rédaction", "redacción"})
_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "les", "los", "las", "il", "het", "een", "un", "une"})

# Where a byline stops being names: a separator, an e-mail or handle, a date label.
_CUT = rx.compile(r"\s[|·•–—-]\s|\s?[|·•/]\s?|@|\s?\(|\s(?:on|in|at|um|à|for|für|pour|para|per|am|le|el|il|em|op)(?:\s|$)|\d")
_SPLIT = rx.compile(r"\s?(?:,|;|&|\s(?:and|und|et|y|e|en|with|mit|avec|con|and the)\s)\s?", rx.I)
_GLUED_ROLE = rx.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll}+(?:\s\p{L}+)?$)")


@cache
def _roles() -> tuple[str, ...]:
    return tuple(sorted((r for r in lexicon.words("author_roles") if not r.startswith("@")), key=len, reverse=True))


@cache
def _role_words() -> frozenset[str]:
    """Words that open a job title ("Senior", "Editor"): the ``@words:`` line of ``author_roles``."""
    line = next((r for r in lexicon.words("author_roles") if r.startswith("@words:")), "@words:")
    return frozenset(line.split(":", 1)[1].split())


def cut_title_words(name: str) -> tuple[str, str | None]:
    """``Ana Ruiz Senior Politics Editor`` -> (``Ana Ruiz``, ``Senior Politics Editor``).

    >>> cut_title_words("Ana Ruiz Senior Politics Editor")
    ('Ana Ruiz', 'Senior Politics Editor')
    """
    words = name.split()
    for k, word in enumerate(words):
        if word.casefold() in _role_words():
            return " ".join(words[:k]), " ".join(words[k:]) or None
    return name, None


@cache
def _agencies() -> frozenset[str]:
    return lexicon.words("news_agencies")


@cache
def _label_inside() -> rx.Pattern:
    """A date label after the names: "By Ana Ruiz Published in Metro …"."""
    labels = lexicon.alternation(lexicon.words("date_labels"))
    return rx.compile(rf"\s(?i:{labels})\b")


def strip_role(name: str) -> tuple[str, str | None]:
    """Split a job title off a name: ``Jane DoeStaff Writer`` or ``Jane Doe, Staff Writer``.

    >>> strip_role("Jane DoeStaff Writer")
    ('Jane Doe', 'Staff Writer')
    """
    folded = name.casefold()
    for role in _roles():
        if folded.endswith(role) and len(folded) > len(role) + 3:
            head = name[: len(name) - len(role)].rstrip(" ,-")
            if head and (head[-1].islower() or name[len(head)] == " " or not head[-1].isalpha()):
                return head.strip(), name[len(head):].strip()
    return name, None


def clean_byline(text: str) -> str:
    """The part of a byline that holds names: no prefix, date, label, handle or site tail.

    >>> clean_byline("By Ana Ruiz | Feb. 7, 2024")
    'Ana Ruiz'
    >>> clean_byline("ByTom Lee Dec 9, 2016")
    'Tom Lee'
    """
    m = _byline_prefix().match(text)
    rest = text[m.end():] if m else text
    m2 = _byline_prefix().match(rest)  # "Byby Ana Ruiz"
    if m2 is not None and rest[:2].casefold() == "by":
        rest = rest[m2.end():]
    date = bk.find_date(rest)
    if date is not None:
        rest = rest[: date.start()]
    label = _label_inside().search(rest)
    if label is not None:
        rest = rest[: label.start()]
    cut = _CUT.search(rest)
    if cut is not None:
        rest = rest[: cut.start()]
    return rest.strip(" ,;:-–—|·•")


def looks_like_person(part: str) -> bool:
    """A name: one to five words, starting with a capital (or a CJK character), no digits."""
    words = part.split()
    if not words or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in part):
        return False
    if part.casefold() in _agencies() or part.casefold() in _roles() or words[0].casefold() in _ARTICLES:
        return False
    first = part[0]
    if bk.cjk_count(first) == 1:
        return True
    if any(_CAMEL.search(w) for w in words):
        return False  # "TechRepublic", "iPhone": brands, not names
    return first.isupper() and len(words) >= 2 and part.casefold() not in lexicon.words("boilerplate_lines")


def byline_names(text: str) -> list[tuple[str, int, str | None]]:
    """People in a byline: (name, offset in ``text``, role).

    >>> [n for n, _, _ in byline_names("By Ana Ruiz and Tom Lee, Reuters")]
    ['Ana Ruiz', 'Tom Lee']
    """
    names = clean_byline(text)
    base = text.find(names) if names else -1
    if base < 0:
        return []
    out = []
    pos = 0
    for part in _SPLIT.split(names):
        idx = names.find(part, pos)
        pos = idx + len(part)
        part = _strip_agency(part)
        name, role = (part.strip(), None) if part.strip().casefold() in _roles() else strip_role(part.strip())
        if name.casefold() not in _roles():
            name, title = cut_title_words(name)
            if title is not None and title.casefold() in _DESKS:
                continue  # "Smart Shopping Team", "Metro Desk": a group, not a person
            role = " ".join(filter(None, (title, role))) or None
        if name.casefold() in _roles() and out:  # "Jane Doe, Staff Writer": the role of the name before
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] or name)
        elif looks_like_person(name):
            out.append((name, base + idx + (len(part) - len(part.lstrip())), role))
    return out


def _strip_agency(part: str) -> str:
    """``Daniel Frost Associated Press`` -> ``Daniel Frost``: an agency glued after the last name."""
    folded = part.rstrip().casefold()
    for agency in sorted(_agencies(), key=len, reverse=True):
        if folded.endswith(" " + agency) and len(folded) > len(agency) + 3:
            return part.rstrip()[: len(folded) - len(agency)].rstrip(" ,")
    return part


def organization_of(text: str) -> str | None:
    """An agency named in the byline ("…, Reuters", "| dpa"), kept apart from the people."""
    for token in _SPLIT.split(text.replace("|", ",").replace("·", ",")):
        token = token.strip(" .()")
        if token.casefold() in _agencies():
            return token
        stripped = _strip_agency(token)
        if stripped != token:
            return token[len(stripped):].strip(" ,")
    return None


def _has_separator(text: str) -> bool:
    return any(sep in text for sep in (",", "|", "·", "•", " - ", " – ", " — "))


def _add_byline(doc: Document, line: Line, by_name: dict[str, Author], skip: int = 0) -> None:
    """Add the people of one byline (read from ``skip`` characters into the line)."""
    text = line.text[skip:]
    org = organization_of(text)
    bare = _byline_prefix().match(text) is None
    for name, off, role in byline_names(text):
        if bare and role is not None and not _has_separator(line.text):
            continue  # "Smart Shopping Team" alone on a line is a desk, not a person
        begin = line.content_start + skip + off
        author = by_name.setdefault(name.casefold(), Author(name=name, organization=org))
        author.role = author.role or role
        author.mentions.append(doc.span(begin, begin + len(name)))


def _header_datelines(doc: Document) -> list[Line]:
    """Datelines just under the headline, where "Ana Ruiz - Feb. 7, 2024" puts the author first."""
    if doc.headline is None:
        return []
    first = next(ln.index for ln in doc.lines if ln.content_start == doc.headline.start)
    near = doc.lines[first + 1:first + 1 + HEADER_DATELINE_REACH]
    return [ln for ln in near if doc.labels[ln.index] == "dateline" and _LEADING_NAME.match(ln.text)]


_LEADING_NAME = rx.compile(r"\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){1,3}\s?(?:[-|·•–—,]|\s\s)")


_INLINE_BY = rx.compile(r"(?<=\s)(?i:by|von|par|por)\s(?=\p{Lu})")


def _inline_bylines(doc: Document) -> list[tuple[Line, int]]:
    """"March 10, 2015 by Ana Ruiz": a byline inside a dateline, or a "By" line the header missed.

    Looked for only when the header gave no byline, among the short lines around the body's start.
    """
    body = [ln.index for ln in doc.lines if doc.labels[ln.index] in ("body", None) and len(ln.text) > 80]
    if not body:
        return []
    lo, hi = max(0, body[0] - FALLBACK_ABOVE), body[0] + FALLBACK_BELOW
    out = []
    for line in doc.lines[lo:hi]:
        if line.is_blank or len(line.text) > BYLINE_FALLBACK_CHARS:
            continue
        if doc.labels[line.index] in ("dateline", "body", None, "boilerplate") and is_byline(line.text):
            out.append((line, 0))
        elif doc.labels[line.index] == "dateline" and (m := _INLINE_BY.search(line.text)):
            out.append((line, m.start()))
    return out[:1]


@stage("authors", requires=("lines", "labels", "headline"), assigns=("authors",))
def authors(doc: Document) -> None:
    by_name: dict[str, Author] = {}
    bylines = doc.lines_labelled("byline")
    prefixed = [ln for ln in bylines if _byline_prefix().match(ln.text)]
    for line in (prefixed or bylines)[:MAX_BYLINES]:  # with a "By" line, names alone are something else
        _add_byline(doc, line, by_name)
    if not by_name:
        for line, start in _inline_bylines(doc):
            _add_byline(doc, line, by_name, start)
    if not by_name:
        for line in _header_datelines(doc):
            _add_byline(doc, line, by_name)
    merge_author_box(doc, by_name)
    doc.authors = list(by_name.values())


def merge_author_box(doc: Document, by_name: dict[str, Author]) -> None:
    """An author box near the end: the byline's name again (maybe twice), a short role, a bio."""
    tail = [ln for ln in doc.lines if not ln.is_blank and doc.labels[ln.index] is None][-AUTHOR_BOX_LINES:]
    for i, line in enumerate(tail):
        author = by_name.get(line.text.casefold())
        if author is None or doc.labels[line.index] is not None or not is_name_line(line.text):
            continue
        doc.labels[line.index] = "author_box"
        author.mentions.append(doc.line_span(line))
        for nxt in tail[i + 1:]:
            if not _absorb(doc, author, nxt):
                break


def _absorb(doc: Document, author: Author, line: Line) -> bool:
    """Take one author-box line (repeated name, role, bio) into ``author``; False when it is none."""
    text = line.text
    if text.casefold() == author.name.casefold():
        author.mentions.append(doc.line_span(line))
    elif author.role is None and len(text) < 60 and not text.endswith("."):
        author.role = text
    elif author.bio is None and text.startswith(author.name.split()[0]):
        author.bio = text
    else:
        return False
    doc.labels[line.index] = "author_box"
    return True
