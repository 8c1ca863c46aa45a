"""Temporal tagging: find time expressions in text and normalize them to TimeML TIMEX3 values.

The pieces, each small enough to read on its own:

- :mod:`.words`     the vocabulary (from ``lexicon/``) as lookup tables and regex alternations;
- :mod:`.grammar`   one combined pattern that finds every kind of expression in a single scan;
- :mod:`.calendar`  date arithmetic in TimeML terms (ISO weeks, quarters, shifts, tense);
- :mod:`.normalize` one function per kind of expression, from a match to ``(type, value, mod)``;
- :mod:`.stamps`    a page's own date stamps, in every shape and language pages print them;
- :mod:`.reference` the published date and the reference date, with their evidence.
"""

from __future__ import annotations

from .normalize import (
    Context,
    Found,
    scan_line,
    tag_line,
    tag_matches,
)

__all__ = ["Context", "Found", "scan_line", "tag_line", "tag_matches"]
