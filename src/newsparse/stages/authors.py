"""Authors: names from the byline, merged with an author box at the end of the article.

A byline carries more than names: a prefix ("By", "Von"), a date, a job title, an e-mail or handle,
the site or the agency ("| Reuters", ", CNN"). Only the people are authors; an agency is kept as the
author's ``organization``, never as a person. An author box repeats the byline's name, then gives a
role and a bio; it is the same person, so it adds to that author rather than creating another.

Many pages put the byline where the header stage does not look for one: inside a dateline ("May 3,
2024 by Ana Ruiz"), beside a date or a handle ("18/03/2024 | Ana Ruiz", "Ana Ruiz • 8h"), under a
CJK label ("文：", "記者"), or only at the end ("Written by" / "Ana Ruiz", "Ana Ruiz is a staff
writer …"). Names alone are the weakest cue: a menu is made of capitalised words too, so a name
needs the company of a header (a date, a "By", a job title) and words that can be a name.
"""

from __future__ import annotations

from functools import cache
from itertools import islice, pairwise

from .. import lexicon, rx
from ..document import Author, Document, Line
from ..pipeline import stage
from . import blocks as bk
from .header import (
    _NAME_START,
    _byline_prefix,
    _is_bare_prefix,
    _job_words,
    is_byline,
    is_name_line,
    is_paragraph,
)

MAX_BYLINES = 3
HEADER_BELOW = 14  # non-blank lines under the headline searched for a byline the header missed
BODY_TOP = 3  # and lines of the body's top, where some layouts put it
HEADER_ABOVE = 4  # and lines above the headline (a name over the title)
NO_HEADLINE_ABOVE = 12  # lines above the first paragraph searched when there is no headline
INLINE_MAX_CHARS = 200  # a header line longer than this is prose, unless it opens with "By"
END_LINES = 25  # last lines of the kept text where an article is signed when its header is not
END_AFTER = 15  # lines after the kept text where an author box ("Written by" / name) may sit
END_BIO_LINES = 50  # last kept lines where a bio sentence ("Ana Ruiz is a staff writer …") signs it
END_ROLE_CHARS = 80
BIO_MIN_CHARS = 30
HEADER_DATELINE_REACH = 8  # lines under the headline where a "Name - date" line still counts
AUTHOR_BOX_LINES = 10  # how far from the end of the kept text an author box may start
MAX_NAME_WORDS = 5


def _words(key: str) -> frozenset[str]:
    """The ``@key:`` list of ``byline_words``: the small words that join and end a byline's names."""
    return lexicon.tagged("byline_words", key)


def _alt(*keys: str) -> str:
    return lexicon.alternation(w for key in keys for w in _words(key))


def _joins(*keys: str) -> str:
    """Joining words for a pattern compiled case-insensitively, except one-letter ones ("e", "y"),
    which join names only in lower case: "John E Smith" holds a middle initial, not two people."""
    found = [w for key in keys for w in _words(key)]
    long = lexicon.alternation(w for w in found if len(w) > 1)
    short = lexicon.alternation(w for w in found if len(w) == 1)
    return f"{long}|(?-i:{short})" if short else long


_ARTICLES = _words("articles")
# A brand's capital inside a word ("TechRepublic"), unless a name's prefix puts it there ("McKay").
_CAMEL = rx.compile(rf"^(?!{lexicon.alternation(w.capitalize() for w in _words('camel_prefixes'))})\p{{L}}+\p{{Ll}}\p{{Lu}}")
# Where a byline stops being names: a separator, an e-mail or handle, a place or section word, a digit.
_CUT = rx.compile(
    rf"\s[|·•–—-]\s|\s?[|·•/／，、]\s?|\s[\p{{Ll}}\d][\w.+-]*@|@|＠|\s?[(（]|\s(?:{_alt('stops')})(?:\s|$)|\d"
    rf"|\s(?:{lexicon.alternation(w.capitalize() for w in _words('stops_cased'))})(?:\s|$)"
    r"|\s\p{L}+\s?:(?:\s|$)"  # a label after the names: "Ana Ruiz Kategorien: Mode", "… Foto: …"
)
# A lead-in before the names: "Eine Kolumne von Ana Ruiz", "Текст: Ана Руис".
_LEAD_IN = rx.compile(rf"(?i:(?:{_alt('lead_ins')})\s){{0,2}}(?i:{_alt('lead_ins')})(?:\s(?i:{_alt('inline_by')})\s|\s?:\s?)(?=\p{{Lu}})")
# Between two names: a comma, "and" (perhaps after a comma), "&", "with".
_SPLIT = rx.compile(rf"\s?(?:,\s?(?:{_joins('and')}|&)\s|,|;|&|\s(?:{_joins('and', 'with')})\s)\s?", rx.I)


@cache
def _roles() -> tuple[str, ...]:
    return tuple(sorted(lexicon.words("author_roles"), key=len, reverse=True))


@cache
def _not_first() -> frozenset[str]:
    """Words that never open a name ("Our Programs", "Alle Artikel"): ``@not_first:``."""
    return lexicon.tagged("author_roles", "not_first")


@cache
def _not_inside() -> frozenset[str]:
    """Small words that never stand inside a name, capitalised or not ("Face The Nation"): ``@not_inside:``."""
    return lexicon.tagged("author_roles", "not_inside")


@cache
def _desks() -> frozenset[str]:
    """Words that make a byline a group ("Metro Desk", "Reader Submissions"): ``@desks:``."""
    return lexicon.tagged("author_roles", "desks")


def cut_title_words(name: str) -> tuple[str, str | None]:
    """``Ana Ruiz Senior Politics Editor`` -> (``Ana Ruiz``, ``Senior Politics Editor``).

    >>> cut_title_words("Ana Ruiz Senior Politics Editor")
    ('Ana Ruiz', 'Senior Politics Editor')
    """
    words = name.split()
    for k, word in enumerate(words):
        if word.casefold() in _job_words():
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
    for _ in range(3):  # "作者：责任编辑：李明": a label may follow a label
        label = _cjk_label().match(rest)
        if label is None:
            break
        rest = rest[label.end():]
    lead = _LEAD_IN.match(rest)
    if lead is not None:
        rest = rest[lead.end():]
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
    glue = _GLUED.search(rest)
    if glue is not None and glue.group(1).casefold() in _glued_words():
        rest = rest[: glue.start()]  # "Ana RuizTwitterStaff Writer": a link or a role glued to the name
    rest = rest.split("  ", 1)[0].strip(" ,;:-–—|·•")
    return rest[:-1] if rest.endswith(".") and not _stop_is_the_names(rest.rsplit(" ", 1)[-1]) else rest


def _stop_is_the_names(last: str) -> bool:
    """A full stop closing a byline belongs to its last word only after a suffix or an initial:
    "Tom Lee Jr.", "Ana R.", but "Bo Li." ends a sentence.

    >>> _stop_is_the_names("Jr."), _stop_is_the_names("R."), _stop_is_the_names("Li.")
    (True, True, False)
    """
    return last.casefold() in _SUFFIXES or (len(last) == 2 and last[0].isupper())


_GLUED = rx.compile(r"(?<=\p{Lu}\p{Ll}{2,})(?=(\p{Lu}\p{Ll}+))")


@cache
def _glued_words() -> frozenset[str]:
    """What markup glues to a name: a link ("Twitter", "Email": ``@links:``) or a job word."""
    return lexicon.tagged("author_roles", "links") | _job_words()


def looks_like_person(part: str) -> bool:
    """A name: one to five words, starting with a capital (or a CJK character), no digits."""
    words = part.split()
    if not words or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in part):
        return False
    if part.casefold() in _agencies() or part.casefold() in _roles() or words[0].casefold() in _ARTICLES:
        return False
    first = part[0]
    if bk.cjk_count(first) == 1:
        return _CJK_PERSON.fullmatch(part) is not None
    if any(_CAMEL.search(w) or _CAPS_CAMEL.match(w) for w in words):
        return False  # "TechRepublic", "iPhone", "QCon": brands, not names
    if len(words) > 1 and _ACRONYM.fullmatch(words[0]) and not words[1].isupper():
        return False  # "ABC Roadshow", "XYZ Berlin": an acronym heading cased words is an organization or an event
    if _not_name_words(words):
        return False
    return first.isupper() and len(words) >= 2 and part.casefold() not in lexicon.words("boilerplate_lines")


# A CJK name: a few characters, maybe a space between family and given name ("中村 真子").
_CJK_PERSON = rx.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]{2,8}(?:\s[\p{Han}\p{Hiragana}\p{Katakana}ー]{1,5})?")
_CAPS_CAMEL = rx.compile(r"\p{Lu}{2}\p{Ll}|\p{Lu}-\p{Lu}")  # "QCon", "Z-Score"
_SUFFIXES = _words("suffixes")
_ACRONYM = rx.compile(r"\p{Lu}{3,}")


def _not_name_words(words: list[str]) -> bool:
    """Words no person's name holds: a product code in capitals closing cased words ("Watch SE"), an
    organization word ("Project", "House"), a desk ("Submissions"), a date label first ("Published")."""
    folded = [w.casefold().strip(",.:") for w in words]
    if folded[0] in lexicon.words("date_labels") or folded[0] in _not_first() or any(w in _desks() for w in folded):
        return True
    if any(w in _not_inside() for w in folded[1:]):
        return True  # "Face The Nation": a title
    if any(_ends_a_sentence(w) for w in words[:-1]):
        return True  # "RUIN. WAHRE LIEBE": sentences, not a name
    if any(w in lexicon.words("org_words") for w in folded):
        return True
    if any(w[:1].islower() and w.casefold() not in lexicon.words("name_particles") for w in words):
        return True  # "Thema des Tages", "Posted under News": a phrase, not a name
    if any(w.endswith(("'s", "’s")) for w in words):
        return True  # "Today's Rundown": a possessive heads a title
    last = words[-1]
    code = last.isupper() and 1 < len(last) <= 3 and "." not in last and last.casefold() not in _SUFFIXES
    return code and not all(w.isupper() for w in words)  # "Watch SE", not "Ana RUIZ" or "DJ Summers"


def _ends_a_sentence(word: str) -> bool:
    """A word and a full stop, not an initial, an abbreviation ("St.") or a title ("Prof.")."""
    return word.endswith(".") and word[:-1].isalpha() and len(word) > 4 and word.casefold() not in lexicon.words("titles")


def byline_names(text: str) -> list[tuple[str, int, str | None]]:
    """People in a byline: (name, offset in ``text``, role).

    >>> [n for n, _, _ in byline_names("By Ana Ruiz and Tom Lee, Reuters")]
    ['Ana Ruiz', 'Tom Lee']
    """
    names = clean_byline(text)
    base = text.find(names) if names else -1
    if base < 0:
        return []
    out: list[tuple[str, int, str | None]] = []
    pos = 0
    after_role = False
    for part in _SPLIT.split(names):
        idx = names.find(part, pos)
        if after_role and not _JOINED.search(names[pos:idx]):
            break  # "Ana Ruiz, Staff Technologist, Civil Rights Union": the role's employer, no one new
        pos = idx + len(part)
        agency = _agency_role(part)
        if agency is not None and out:  # "Ana Ruiz, AP Sports Writer": the role of the name before
            job = " ".join([agency, *part.split()[1:]])
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] or job)
            after_role = True
            continue
        part = _strip_agency(part)
        part, lead_role = _strip_compound_role(part)
        name, role = (part.strip(), None) if part.strip().casefold() in _roles() else strip_role(part.strip())
        if name.casefold() not in _roles():
            name, title = cut_title_words(name)
            if title is not None and title.casefold() in _desks():
                continue  # "Smart Shopping Team", "Metro Desk": a group, not a person
            role = " ".join(filter(None, (title, role))) or None
        if (name.casefold() in _roles() or (not name and role)) and out:  # "Jane Doe, Staff Writer"
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] or name or role)  # the role of the name before
            after_role = True
        elif looks_like_person(name):
            out.append((name, base + max(names.find(name, idx), idx), role or lead_role))
    return out + _names_with(text, base + len(names)) if out else out


_JOINED = rx.compile(rf"\s(?:{_joins('and', 'with')})\s|&", rx.I)
_WITH = rx.compile(rf"\((?:{_alt('with_in_parentheses')})\s(?P<names>[^()]{{3,120}})\)", rx.I)


def _names_with(text: str, after: int) -> list[tuple[str, int, str | None]]:
    """"Ana Ruiz (with Tom Lee and Mia Roth)": the writers the parenthesis adds after the byline's names."""
    m = _WITH.search(text, after)
    if m is None or text[after:m.start()].strip(" ,"):
        return []
    inner = m.group("names")
    return [(n, m.start("names") + off, role) for n, off, role in byline_names(inner)]


def _agency_role(part: str) -> str | None:
    """The agency of a job title that opens with it ("AP Sports Writer" -> "AP"), None for anything else.

    >>> _agency_role("AP Sports Writer"), _agency_role("Ana Ruiz")
    ('AP', None)
    """
    words = part.split()
    if len(words) < 2 or words[0].casefold() not in _agencies() or words[-1].casefold() not in _job_words():
        return None
    return _agency_spelling(words[0])


def _agency_spelling(word: str) -> str:
    """The agency as ``news_agencies`` spells it ("Ap" -> "AP"): pages print a byline in any case."""
    return next((e for e in lexicon.entries("news_agencies") if e.casefold() == word.casefold()), word)


@cache
def _compound_roles() -> tuple[str, ...]:
    return tuple(sorted(lexicon.tagged("author_roles", "compound_roles"), key=len, reverse=True))


def _strip_compound_role(part: str) -> tuple[str, str | None]:
    """``Online-Experte Ana Ruiz`` -> (``Ana Ruiz``, ``Online-Experte``): a hyphenated compound that
    ends in a role word is the writer's job, never the first word of a name.

    >>> _strip_compound_role("Online-Experte Ana Ruiz")
    ('Ana Ruiz', 'Online-Experte')
    """
    head, _, rest = part.strip().partition(" ")
    if "-" in head and rest and head.rsplit("-", 1)[1].casefold() in _compound_roles():
        return rest, head
    return part, None


def _strip_agency(part: str) -> str:
    """``Daniel Frost Associated Press`` -> ``Daniel Frost``: an agency glued after the last name."""
    stripped = part.rstrip()
    folded = stripped.casefold()
    for agency in _agencies_longest_first():
        if folded.endswith(" " + agency) and len(folded) > len(agency) + 3:
            return stripped[: len(stripped) - len(agency)].rstrip(" ,")  # by the original's length: "ß" folds to "ss"
    return part


@cache
def _agencies_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_agencies(), key=len, reverse=True))


def organization_of(text: str) -> str | None:
    """An agency named in the byline ("…, Reuters", "| dpa"), kept apart from the people."""
    for token in _SPLIT.split(text.replace("|", ",").replace("·", ",")):
        token = token.strip(" .()")
        if token.casefold() in _agencies():
            return token
        agency = _agency_role(token)
        if agency is not None:
            return agency
        stripped = _strip_agency(token)
        if stripped != token:
            return token[len(stripped):].strip(" ,")
    return None


def _has_separator(text: str) -> bool:
    return any(sep in text for sep in (",", "|", "·", "•", " - ", " – ", " — "))


def _add_byline(doc: Document, line: Line, by_name: dict[str, Author], skip: int = 0, end: int | None = None) -> None:
    """Add the people of one byline (read from ``skip`` characters into the line, up to ``end``)."""
    text = line.text[skip:end]
    org = organization_of(text)
    bare = _byline_prefix().match(text) is None
    for name, off, role in byline_names(text):
        if bare and role is not None and text.find(role, off) >= 0 and not _has_separator(line.text):
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


_INLINE_BY = rx.compile(
    rf"(?<=[\s|·•])(?i:{_alt('inline_by')})\s(?=\p{{Lu}})|(?i:{_alt('by_verbs')})\sby\s(?=\p{{Lu}})"
)
# "18/03/2019 | Ana Ruiz": a name after the date and a separator, closing the line.
_AFTER_DATE = rx.compile(r"^\s?[|·•,–—-]+\s?(?P<name>[^\d|·•]{4,60})$")
_CJK_NAME = rx.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]{2,6}")
_CJK_NAME_DATE = rx.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]{2,6}(?=\d{4}\s?[年/.-])")  # "李明2017-03-01"


def _first_paragraph(doc: Document, after: int) -> int:
    """Index of the first body paragraph at or after line ``after`` (the last line when none)."""
    for line in doc.lines[after:]:
        if doc.labels[line.index] in ("body", None) and is_paragraph(line) and not is_byline(line.text):
            return line.index
    return len(doc.lines) - 1


def _header_window(doc: Document) -> list[Line]:
    """Lines where a byline the header did not label may sit: under the headline down to the
    body's first paragraph and a little into it, then the few lines above the headline.

    Nearest the headline first: a page's byline follows its title, and the farther from it a
    name-like line is, the likelier it belongs to a teaser or a menu.
    """
    headline = doc.headline is not None
    if headline:
        top = next(ln.index for ln in doc.lines if ln.content_start == doc.headline.start)
    else:
        body = [ln.index for ln in doc.lines if doc.labels[ln.index] in ("body", None) and is_paragraph(ln)]
        if not body:
            return []
        top = body[0] - 1
    para = _first_paragraph(doc, top + 1)
    own = [doc.lines[top]] if headline and _inline_by(doc.lines[top].text) is not None else []
    below = [ln for ln in doc.lines[top + 1:para] if not ln.is_blank][:HEADER_BELOW]
    below += [ln for ln in doc.lines[para:para + 2 * BODY_TOP] if not ln.is_blank][:BODY_TOP]
    above = [ln for ln in reversed(doc.lines[:top + (0 if headline else 1)]) if not ln.is_blank]
    return own + below + above[: HEADER_ABOVE if headline else NO_HEADLINE_ABOVE]


def _byline_in(doc: Document, line: Line) -> int | None:
    """Where the byline inside a header line starts (characters into it), None when it has none.

    A "By" line of any length (the header labels only short ones), a "by" after a date or a
    separator ("March 3, 2024 by Ana Ruiz", "Le Monde | Par Luc Martin"), a CJK label
    ("文：", "投稿者"), a name next to a date ("18/03/2019 | Ana Ruiz", "Ana Ruiz / Wire / Updated
    …"), a name with a handle or an age ("Ana Ruiz@anaruiz", "Ana Ruiz • 8h").
    """
    text = line.text
    if len(text) > INLINE_MAX_CHARS and not _byline_prefix().match(text):
        return None
    if is_byline(text) or _opens_with_by(text):
        return 0
    if is_paragraph(line):
        return None
    inline = _inline_by(text)
    if inline is not None:
        return inline
    cjk = _cjk_label().search(text)
    if cjk is not None:
        return cjk.start()
    if _CJK_NAME_DATE.match(text):
        return 0
    date = bk.find_date(text)
    if date is not None:
        return _name_around_date(text, date)
    return 0 if _named_with_tail(text) else None


def _opens_with_by(text: str) -> bool:
    """``By Ana Ruiz, a deputy editor …``: a "By" line too long for :func:`.header.is_byline`."""
    m = _byline_prefix().match(text)
    return m is not None and _NAME_START.match(text, m.end()) is not None


def _inline_by(text: str) -> int | None:
    """Where a "by" inside a dateline starts: "March 3, 2024 by Ana Ruiz", "Le Monde | Par Luc
    Martin", "Metro Edited by Ana Ruiz" (a two-word prefix needs no date before it)."""
    m = _INLINE_BY.search(text)
    if m is not None and (m.group().count(" ") > 1 or _dated_or_split(text[: m.start()])):
        return m.start()
    return None


def _dated_or_split(head: str) -> bool:
    """The text before an inline "by" holds a date, ends in a separator or is no words ("// By")."""
    if not any(ch.isalpha() for ch in head):
        return True
    return bk.find_date(head) is not None or head.rstrip().endswith(("|", "·", "•", "—", "–")) or bk.has_date_label(head)


def _name_around_date(text: str, date: rx.regex.Match) -> int | None:
    """A name set off before a date ("Ana Ruiz - May 3"), a name closing the line after the date
    and a separator ("18/03/2024 | Ana Ruiz"), or a name before a separator that a date follows
    ("Ana Ruiz / Wire / Updated: May 3"). A name glued to the date with no separator is too often
    a section ("Politik 03.05.2024", "2024-04-26 Deutsche Sprache") to count."""
    head = text[: date.start()]
    name = head.rstrip(" |·•,–—-/")
    if name != head.rstrip() and looks_like_person(name):
        return 0
    m = _AFTER_DATE.match(text[date.end():])
    if m is not None and looks_like_person(m.group("name").strip()):
        return date.end() + m.start("name")
    cut = _SEPARATED.search(head)
    if cut is not None and looks_like_person(head[: cut.start()].strip()):
        return 0
    return None


_SEPARATED = rx.compile(r"\s[|/·•–—-]\s")
_NAME_THEN_AGO = rx.compile(rf"^(?P<name>[^|·•–—\d]{{4,60}}?)\s?[|·•–—-]\s?\d{{1,2}}\s?(?:{_alt('age_units')})\b", rx.I)


def _named_with_tail(text: str) -> bool:
    """``Ana Ruiz@anaruiz``, ``Ana Ruiz • 8h``: a name glued to a handle or followed by an age."""
    at = text.find("@")
    if at > 0 and text[at - 1].isalpha() and looks_like_person(text[:at].strip()) and " " not in text[at:].strip():
        return True
    m = _NAME_THEN_AGO.match(text)
    return m is not None and looks_like_person(m.group("name").strip())


@cache
def _cjk_labels() -> frozenset[str]:
    """CJK byline labels ("文", "作者", "記者"): the ``@cjk:`` line of ``byline_prefixes``."""
    return lexicon.tagged("byline_prefixes", "cjk")


@cache
def _cjk_label() -> rx.Pattern:
    """A CJK byline label and what parts it from the name: "文● ", "作者：", "投稿者 " at the start
    (or after a separator), a label with a colon anywhere ("…来源：某网作者：李明")."""
    words = lexicon.alternation(_cjk_labels())
    return rx.compile(
        rf"(?:^|(?<=[\s|·•]))(?:{words})(?:\s?[：:●■/／]\s?|\s)(?=\p{{L}})|(?:{words})\s?[：:]\s?(?=\p{{L}})"
    )


def _scan_header(doc: Document, by_name: dict[str, Author]) -> None:
    """The first line of the header window that carries a byline, whatever the header labelled it;
    a bare label ("By", "作者：") takes the name on the line after it, and a second label just
    under the first (a translator, a co-author) adds its name too."""
    window = [ln for ln in _header_window(doc) if doc.labels[ln.index] != "caption"]  # a credit is no byline
    for line in window:
        if _is_label(line.text):
            _add_labelled(doc, _down_from(doc, line, 4), by_name)
            if by_name:
                return
            continue
        skip = _byline_in(doc, line)
        if skip is None:
            continue
        _add_byline(doc, line, by_name, skip)
        if by_name:
            return


def _down_from(doc: Document, line: Line, count: int) -> list[Line]:
    """``line`` and the next non-blank, non-caption lines in page order, ``count`` in all. The
    header window cannot pair a label with its name: above the headline it runs upwards."""
    lines = (ln for ln in doc.lines[line.index:] if not ln.is_blank and doc.labels[ln.index] != "caption")
    return list(islice(lines, count))


def _is_label(text: str) -> bool:
    """A byline label alone on its line: ``By``, ``Written by``, ``作者：``."""
    return _is_bare_prefix(text) or text.rstrip(" :：●■/／") in _cjk_labels()


def _add_labelled(doc: Document, lines: list[Line], by_name: dict[str, Author]) -> None:
    """Label, name, label, name: each label's name is the line after it."""
    for label, name in pairwise(lines):
        if _is_label(label.text) and not _is_label(name.text) and _is_name_alone(name.text):
            _add_byline(doc, name, by_name)


def _is_name_alone(text: str) -> bool:
    """A Latin name or a short run of CJK characters (one space allowed: "中村 真子")."""
    return is_name_line(text) or (_CJK_NAME.fullmatch(text.replace(" ", "")) is not None and text.count(" ") <= 1)


def _end_signature(doc: Document, by_name: dict[str, Author]) -> None:
    """No byline in the header: an article signed at its end. A label then the name ("Written by" /
    "Ana Ruiz", "Text: Ana Ruiz"), or an author box: the name, then a line that opens with that name
    (the bio) or names a job ("Staff Writer"), or a bio sentence alone ("Ana Ruiz is a reporter …"),
    which may sit higher, above the related stories that a page keeps beside the article."""
    kept = [ln for ln in doc.lines if not ln.is_blank and doc.labels[ln.index] in ("body", None, "dateline")]
    if not kept:
        return
    after = [ln for ln in doc.lines[kept[-1].index + 1:] if not ln.is_blank][:END_AFTER]
    tail = kept[-END_LINES:] + after  # the kept lines first, then ``after``
    if _signed_at_end(doc, tail, len(after), by_name) or _bio_sentence(doc, kept, by_name):
        return
    _job_name_bio(doc, tail, {ln.index for ln in kept}, by_name)


def _signed_at_end(doc: Document, tail: list[Line], outside: int, by_name: dict[str, Author]) -> bool:
    """A label and the name under it anywhere in ``tail``; a "By" line or a name that a bio or a
    job title follows only in its first lines (the last ``outside`` ones lie past the article)."""
    for k, line in enumerate(tail):
        nxt = tail[k + 1] if k + 1 < len(tail) else None
        text = line.text
        if nxt is not None and (_is_label(text) or _ends_with_by(text)) and _is_name_alone(nxt.text):
            _add_byline(doc, nxt, by_name)
        elif k >= len(tail) - outside:
            continue  # past the article only a label and its name sign it; the rest is the site's
        elif _signs(text, nxt):
            _add_byline(doc, line, by_name)
        if by_name:
            return True
    return False


def _ends_with_by(text: str) -> bool:
    """``… Written by`` closing a line (only its last characters are read, and only when the line
    ends with a letter, as "by" does)."""
    if not text.removesuffix("\n")[-1:].isalpha():
        return False
    return _ENDS_WITH_BY.search(text, max(0, len(text) - _BY_REACH)) is not None


def _bio_sentence(doc: Document, kept: list[Line], by_name: dict[str, Author]) -> bool:
    """"Ana Ruiz is a staff writer …" among the last kept lines: the name it opens with signs them."""
    for line in kept[-END_BIO_LINES:]:
        bio = _BIO.match(line.text)
        if bio is not None and _job_words() & set(line.text[: bio.end() + 60].casefold().split()):
            _add_byline(doc, line, by_name, 0, bio.end("name"))
            return True
    return False


def _job_name_bio(doc: Document, tail: list[Line], inside: set[int], by_name: dict[str, Author]) -> None:
    """The weakest signature: a job title, the name, a bio, on three lines of the article."""
    for line, nxt, bio in zip(tail, tail[1:], tail[2:]):
        if line.index in inside and _is_job_line(line.text) and is_name_line(_HANDLE_AFTER.sub("", nxt.text)) and _is_bio(bio.text):
            _add_byline(doc, nxt, by_name)
            return


def _is_bio(text: str) -> bool:
    """A sentence or two about the author: long enough, ending like prose (any script)."""
    return len(text) >= BIO_MIN_CHARS and text.rstrip().endswith((".", "。", "!", "）", ")"))


_ENDS_WITH_BY = rx.compile(rf"\s(?i:{_alt('inline_by')})$")
_BY_REACH = 1 + max(map(len, _words("inline_by"))) + 1  # the space, the word, a final newline
_BIO = rx.compile(
    r"(?P<name>\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){1,3})(?:\s\(@?\w{2,30}\))?"
    rf"\s(?:{_alt('bio_verbs')})\s(?:{_alt('bio_articles')})\s"
)


def _signs(text: str, nxt: Line | None) -> bool:
    """A short "By" line ("Text: Ana Ruiz"), or a name that a bio or a job title follows."""
    if len(text) <= END_ROLE_CHARS and is_byline(text):
        return True
    return nxt is not None and is_name_line(text) and _introduces(text, nxt.text)


def _introduces(name: str, nxt: str) -> bool:
    """The line under a name is its bio (it opens with the name) or a short job title."""
    if nxt.startswith(name + " ") and nxt[len(name) + 1:][:1].islower():
        return True  # "Ana Ruiz covers the city hall …"
    return _is_job_line(nxt)


def _is_job_line(text: str) -> bool:
    """A short capitalised line naming a job ("Senior Editor", "Journaliste au Monde")."""
    words = set(text.casefold().split())
    return len(text) <= END_ROLE_CHARS and not text.endswith(".") and bool(words & _job_words()) and text[:1].isupper()


_HANDLE_AFTER = rx.compile(r"\s?[(（]@?[\w.]{2,30}[)）]$")  # "Ana Ruiz (anaruiz)": the handle after a name


def _one_cluster(doc: Document, bylines: list[Line]) -> list[Line]:
    """The first byline and those right under it: a "By" line farther down, past a title or a menu
    item, signs another article (a teaser, a related story)."""
    out = bylines[:1]
    for line in bylines[1:]:
        between = doc.lines[out[-1].index + 1:line.index]
        if any(not ln.is_blank and doc.labels[ln.index] not in ("byline", "dateline", "caption") for ln in between):
            break
        out.append(line)
    return out


@stage("authors", requires=("lines", "labels", "headline"), assigns=("authors",))
def authors(doc: Document) -> None:
    """The header's bylines; failing them, a byline the header left in a dateline, a dek or the
    furniture around the headline; failing that, the article's signature at its end. Each later
    source is tried only when the earlier ones named nobody, so a weak cue never adds a second
    (wrong) author to a page whose byline was found."""
    by_name: dict[str, Author] = {}
    bylines = [ln for ln in doc.lines_labelled("byline") if not _in_menu(doc, ln)]
    prefixed = [ln for ln in bylines if _byline_prefix().match(ln.text)]
    for line in _one_cluster(doc, prefixed or bylines)[:MAX_BYLINES]:  # with a "By" line, names alone are something else
        _add_byline(doc, line, by_name)
    if not by_name:
        for line in _header_datelines(doc):
            _add_byline(doc, line, by_name)
    if not by_name:
        _scan_header(doc, by_name)
    if not by_name:
        _end_signature(doc, by_name)
    merge_author_box(doc, by_name)
    doc.authors = list(by_name.values())


MENU_ITEM_CHARS = 30


def _in_menu(doc: Document, line: Line) -> bool:
    """A name alone on its line between two short menu items ("World" / "Ana Ruiz Show" / "Sports"):
    a section, a show or an event of the site's menu, not the article's byline. A real lone-name byline
    sits under the headline or next to a date, a job title or a profile button."""
    if _byline_prefix().match(line.text) or not is_name_line(line.text):
        return False
    before = next((ln for ln in reversed(doc.lines[:line.index]) if not ln.is_blank), None)
    after = next((ln for ln in doc.lines[line.index + 1:] if not ln.is_blank), None)
    return all(n is not None and _menu_item(doc, n) for n in (before, after))


def _menu_item(doc: Document, line: Line) -> bool:
    """A short capitalised line with no time or date, no link, job or profile word, no sentence end
    ("60 Minutes", "Sports")."""
    text = line.text.strip()
    if not text or len(text) > MENU_ITEM_CHARS or not text[0].isupper() or text.endswith((".", ":", "!", "?")):
        return False
    if _CLOCK_OR_DATE.search(text) or bk.find_date(text) is not None:
        return False  # "Today 9:44" beside a name dates a byline
    folded = text.casefold()
    if any(link in folded for link in lexicon.tagged("author_roles", "links")):
        return False  # "FacebookTwitter": the author's share or profile links
    return not set(folded.split()) & (_job_words() | lexicon.tagged("author_roles", "profile"))


_CLOCK_OR_DATE = rx.compile(r"\d[:./]\d")


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
    elif author.role is None and len(text) < 60 and not text.endswith(".") and _is_job_line(text):
        author.role = text  # "Senior Editor"; not the box's links, e-mail or the site's motto
    elif author.bio is None and text.startswith(author.name.split()[0]):
        author.bio = text
    else:
        return False
    doc.labels[line.index] = "author_box"
    return True
