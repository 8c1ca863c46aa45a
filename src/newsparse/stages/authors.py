"""Authors: names from the byline, merged with an author box at the end of the article.

An author box repeats the byline's name, then gives a role and a bio; it is the same person, so it
adds to that author rather than creating another.
"""

from __future__ import annotations

from .. import rx
from ..document import Author, Document
from ..pipeline import stage

_BY = rx.compile(r"^(?:by|von|par|por|di|door)\s+", rx.I)
_SPLIT = rx.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")


def byline_names(text: str) -> list[tuple[str, int]]:
    """Names in a byline with their offsets in it.

    >>> byline_names("By Ana Ruiz and Tom Lee")
    [('Ana Ruiz', 3), ('Tom Lee', 16)]
    """
    m = _BY.match(text)
    pos = m.end() if m else 0
    out = []
    for part in _SPLIT.split(text[pos:]):
        idx = text.find(part, pos)
        if part.strip():
            out.append((part.strip(), idx))
        pos = idx + len(part)
    return out


@stage("authors", requires=("lines", "labels"), assigns=("authors",))
def authors(doc: Document) -> None:
    by_name: dict[str, Author] = {}
    for line in doc.lines_labelled("byline"):
        for name, off in byline_names(line.text):
            start = line.content_start + off
            author = by_name.setdefault(name.casefold(), Author(name=name))
            author.mentions.append(doc.span(start, start + len(name)))
    # An author box near the end: the name alone on a line, then a short role, then a bio sentence.
    tail = [ln for ln in doc.lines if not ln.is_blank and doc.labels[ln.index] is None][-8:]
    for i, line in enumerate(tail):
        author = by_name.get(line.text.casefold())
        if author is None or doc.labels[line.index] is not None:
            continue
        doc.labels[line.index] = "author_box"
        author.mentions.append(doc.line_span(line))
        for nxt in tail[i + 1:]:
            if doc.labels[nxt.index] is not None:
                continue
            if nxt.text.casefold() == line.text.casefold():
                doc.labels[nxt.index] = "author_box"
                author.mentions.append(doc.line_span(nxt))
            elif author.role is None and len(nxt.text) < 60 and not nxt.text.endswith("."):
                author.role = nxt.text
                doc.labels[nxt.index] = "author_box"
            elif author.bio is None and nxt.text.startswith(author.name.split()[0]):
                author.bio = nxt.text
                doc.labels[nxt.index] = "author_box"
            else:
                break
    doc.authors = list(by_name.values())
