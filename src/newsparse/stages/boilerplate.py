"""Boilerplate: lines that are page furniture, not the article.

Each dropped line is recorded in ``Document.boilerplate`` with a ``kind`` saying why, so nothing is
lost silently.
"""

from __future__ import annotations

from .. import lexicon, rx
from ..document import Document, Line
from ..pipeline import stage

_TIMER = rx.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_EMPTY_STAMP = rx.compile(r"(?:updated|published|posted|last updated|aktualisiert|mis à jour)\s*:?", rx.I)


def is_timer(line: Line) -> bool:
    """A media player's clock, e.g. ``0:00`` or ``1:05 / 3:20``."""
    return _TIMER.fullmatch(line.text) is not None


def is_empty_stamp(line: Line) -> bool:
    """A date label whose date did not survive the copy, e.g. ``Updated:`` alone."""
    return _EMPTY_STAMP.fullmatch(line.text) is not None


def is_furniture_phrase(line: Line) -> bool:
    """A share/follow/navigation word standing alone, from the ``boilerplate_lines`` lexicon."""
    return line.text.casefold().rstrip(":") in lexicon.words("boilerplate_lines")


@stage("boilerplate", requires=("lines", "labels"), assigns=("boilerplate",))
def boilerplate(doc: Document) -> None:
    seen: set[str] = set()
    for line in doc.lines:
        if line.is_blank:
            continue
        if is_timer(line):
            doc.mark_boilerplate(line, "timer")
        elif is_empty_stamp(line):
            doc.mark_boilerplate(line, "empty_date_label")
        elif is_furniture_phrase(line):
            doc.mark_boilerplate(line, "share_or_navigation")
        elif line.text in seen and len(line.text) > 20:
            doc.mark_boilerplate(line, "repeated_line")
        seen.add(line.text)
