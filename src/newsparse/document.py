"""The one document model every stage reads and writes, and the output it becomes.

Every extracted field is a :class:`Span` whose ``text`` is exactly ``original[start:end]``: offsets are
code points into the text the user gave (after decoding). Stages never edit the text; they read
``Document.view``, a same-length normalized copy (non-breaking and odd spaces become plain spaces),
so that any match in the view is also a valid offset into the original.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .stages.blocks import Block

SCHEMA_VERSION = "1"

# Characters that are spaces to a reader but not to a regex's ``\s``/`` `` in every position. Each is
# replaced one-for-one in the view, so offsets never shift.
_SPACE_LIKE = dict.fromkeys(
    map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
             "\u202f\u205f\u3000\t\f\v\ufeff\u200b\u2060"),
    " ",
)


def make_view(text: str) -> str:
    """Return a same-length copy of ``text`` with space-like characters made plain spaces.

    >>> make_view("a\\u00a0b\\r\\n")
    'a b\\r\\n'
    """
    for ch in _SPACE_LIKE_CHARS:
        if ch in text:  # one C scan per character: most texts hold none or few of them
            text = text.replace(ch, " ")
    return text  # same result as text.translate(_SPACE_LIKE), which is slow on non-ASCII text


_SPACE_LIKE_CHARS = tuple(map(chr, _SPACE_LIKE))


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the original text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class Line:
    """One line of the input. ``start``/``end`` bound the line's content without its line break;
    ``content_start``/``content_end`` bound it without leading and trailing whitespace."""

    index: int
    start: int
    end: int
    content_start: int
    content_end: int
    text: str  # the view of the content (normalized spaces), same length as the original content
    blank_before: bool  # a blank line (or the start of the text) precedes it

    @property
    def is_blank(self) -> bool:
        return self.content_start == self.content_end


@dataclass(slots=True)
class Author:
    name: str
    role: str | None = None
    bio: str | None = None
    organization: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "bio": self.bio,
            "organization": self.organization,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalized date found in the text (the published date)."""

    value: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, **self.span.to_dict()}


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The date relative expressions are resolved against, and where it came from."""

    value: str | None = None
    source: str = "none"  # given | published | inferred | none
    evidence: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "source": self.source,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(frozen=True, slots=True)
class Image:
    caption: Span
    credit: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"caption": self.caption.to_dict(), "credit": self.credit.to_dict() if self.credit else None}


@dataclass(frozen=True, slots=True)
class Boilerplate:
    span: Span
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression normalized per TimeML TIMEX3."""

    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {**self.span.to_dict(), "type": self.type, "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    mention: Span | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention.to_dict() if self.mention else None,
            "role": self.role,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span
    kind: str  # direct | partial | term
    speaker: Speaker | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
        }


@dataclass(slots=True)
class SpeakerEntry:
    """One speaker of the article: every quote credited to the same resolved name, together."""

    name: str
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)  # indices into Document.quotes

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": list(self.quotes),
        }


# Line labels written by the layout stages. A line has exactly one.
LINE_LABELS = frozenset(
    {"headline", "dek", "byline", "dateline", "caption", "author_box", "boilerplate", "body"}
)


@dataclass(slots=True)
class Document:
    """The working state of one article as it passes through the stages.

    ``text`` is the original; ``view`` its same-length normalized copy; ``lines`` its lines with
    offsets; ``labels`` one layout label per line (``None`` until a layout stage decides).
    The remaining fields are the output, filled by the stages that declare them.
    """

    text: str
    reference_date_given: dt.date | None = None
    view: str = ""
    lines: list[Line] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    # The block classification the boilerplate stage made (``stages.blocks.classify``): all blocks and
    # the article region. Kept so that later stages read it instead of classifying the page again.
    layout: tuple[list[Block], tuple[int, int] | None] | None = None

    headline: Span | None = None
    dek: Span | None = None
    authors: list[Author] = field(default_factory=list)
    published: DateValue | None = None
    reference_date: ReferenceDate = field(default_factory=ReferenceDate)
    images: list[Image] = field(default_factory=list)
    body: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    dates: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[SpeakerEntry] = field(default_factory=list)

    timings: dict[str, float] = field(default_factory=dict)

    def span(self, start: int, end: int) -> Span:
        """A span of the original text; the one way stages make output spans."""
        return Span(start, end, self.text[start:end])

    def line_span(self, line: Line) -> Span:
        """The span of a line's content, without surrounding whitespace."""
        return self.span(line.content_start, line.content_end)

    def lines_labelled(self, *labels: str) -> list[Line]:
        wanted = set(labels)
        return [ln for ln in self.lines if self.labels[ln.index] in wanted]

    def mark_boilerplate(self, line: Line, kind: str) -> None:
        """Label a line as dropped page furniture and record why."""
        self.labels[line.index] = "boilerplate"
        start, end = line.content_start, line.content_end
        self.boilerplate.append(Boilerplate(Span(start, end, self.text[start:end]), kind))  # line_span, inlined: hot

    def to_dict(self) -> dict[str, Any]:
        """The output object, schema version 1 (see ``schema/article.schema.json``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "headline": self.headline.to_dict() if self.headline else None,
            "dek": self.dek.to_dict() if self.dek else None,
            "authors": [a.to_dict() for a in self.authors],
            "published": self.published.to_dict() if self.published else None,
            "reference_date": self.reference_date.to_dict(),
            "images": [i.to_dict() for i in self.images],
            "body": [b.to_dict() for b in self.body],
            "boilerplate": [b.to_dict() for b in sorted(self.boilerplate, key=lambda b: b.span.start)],
            "dates": [d.to_dict() for d in self.dates],
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
        }


Article = Document
"""What :func:`newsparse.parse` returns: the finished :class:`Document`; ``to_dict()`` is the JSON."""
