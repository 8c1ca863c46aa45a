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
    for idx, (raw, brk_len) in enumerate(_pieces(view)):
        start = pos
        stripped = raw.lstrip()
        content_start = start + len(raw) - len(stripped)
        content = stripped.rstrip()
        lines.append(Line(idx, start, start + len(raw), content_start, content_start + len(content), content, prev_blank))
        prev_blank = not content
        pos = start + len(raw) + brk_len
    return lines


def _pieces(view: str) -> list[tuple[str, int]]:
    """Each line's raw text and the length of the break after it (0 for the last line).

    Most texts break lines with ``\\n`` alone; ``str.split`` finds those without a pattern call.
    """
    if not any(map(view.__contains__, _OTHER_BREAKS)):
        parts = view.split("\n")
        return [(part, 1) for part in parts[:-1]] + [(parts[-1], 0)]
    pieces: list[tuple[str, int]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(view):
        pieces.append((view[pos:m.start()], m.end() - m.start()))
        pos = m.end()
    pieces.append((view[pos:], 0))
    return pieces


_OTHER_BREAKS = ("\r", "\u2028", "\u2029", "\x85")


@stage("normalize", requires=("text",), assigns=("view", "lines", "labels"))
def normalize(doc: Document) -> None:
    doc.view = make_view(doc.text)
    doc.lines = split_lines(doc.view)
    doc.labels = [None] * len(doc.lines)
