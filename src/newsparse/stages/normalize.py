"""Normalize and segment: the view of the text and its lines, with offsets into the original.

Scraped text arrives with CRLF or lone CR line ends, a BOM, non-breaking and zero-width spaces. None
of that may shift an offset, so the text itself is never changed: the view is a same-length copy with
space-like characters made plain spaces, and lines split on ``\\n``, ``\\r\\n`` or ``\\r``.
"""

from __future__ import annotations

from .. import rx
from ..document import Document, Line, make_view
from ..pipeline import stage

_LINE_BREAK = rx.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def split_lines(view: str) -> list[Line]:
    """Split the view into lines with content offsets.

    >>> [(ln.text, ln.blank_before) for ln in split_lines("A\\r\\n\\n B \\rC")]
    [('A', True), ('', False), ('B', True), ('C', False)]
    """
    lines: list[Line] = []
    pos = 0
    prev_blank = True
    breaks = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(view)]
    breaks.append((len(view), len(view)))
    for idx, (brk_start, brk_end) in enumerate(breaks):
        start, end = pos, brk_start
        raw = view[start:end]
        lead = len(raw) - len(raw.lstrip())
        content_start = start + lead
        content_end = max(content_start, start + len(raw.rstrip()))
        lines.append(Line(idx, start, end, content_start, content_end, view[content_start:content_end], prev_blank))
        prev_blank = content_start == content_end
        pos = brk_end
    return lines


@stage("normalize", requires=("text",), assigns=("view", "lines", "labels"))
def normalize(doc: Document) -> None:
    doc.view = make_view(doc.text)
    doc.lines = split_lines(doc.view)
    doc.labels = [None] * len(doc.lines)
