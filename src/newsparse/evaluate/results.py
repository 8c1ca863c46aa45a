"""The recorded numbers in docs/results.md: reading them back, and the ratchet that guards them.

docs/results.md holds generated sections between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->``
markers; the ``eval`` section ends with a JSON block of the headline numbers per task, which
tests/test_results_ratchet.py compares with a fresh run. ``bench/record_results.py`` rewrites it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

TOLERANCE = 0.01
LOWER_IS_BETTER = frozenset({"false_byline_rate"})
# What the ratchet guards: scores over all gold (or all output), never an accuracy over our matches
# alone (type, value or speaker accuracy), which may rightly fall when recall rises.
GUARDED = {
    "articles": ("headline_accuracy", "authors_f1", "false_byline_rate", "published_accuracy",
                 "published_accuracy_in_text", "body_f1"),
    "quotes": ("quote_f1", "end_to_end_f1"),
    "dates": ("strict_f1", "relaxed_f1", "value_f1"),
}
_FENCE = "```json\n"


def replace_section(document: str, name: str, content: str) -> str:
    """``document`` with the ``name`` section's content replaced (appended when it has none yet).

    >>> replace_section("a\\n<!-- x:begin -->\\nold\\n<!-- x:end -->\\nb", "x", "new")
    'a\\n<!-- x:begin -->\\nnew\\n<!-- x:end -->\\nb'
    """
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = f"{begin}\n{content.strip()}\n{end}"
    if begin in document and end in document:
        head, rest = document.split(begin, 1)
        _, tail = rest.split(end, 1)
        return head + block + tail
    return document.rstrip("\n") + "\n\n" + block + "\n"


def section(document: str, name: str) -> str:
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if begin not in document or end not in document:
        return ""
    return document.split(begin, 1)[1].split(end, 1)[0]


def recorded(document: str) -> dict[str, Any]:
    """The JSON block of the ``eval`` section (``{}`` when there is none)."""
    text = section(document, "eval")
    if _FENCE not in text:
        return {}
    return json.loads(text.split(_FENCE, 1)[1].split("```", 1)[0])


def regressions(before: Mapping[str, Mapping[str, float | None]], now: Mapping[str, Mapping[str, float | None]],
                tolerance: float = TOLERANCE) -> list[str]:
    """Every headline number that got worse by more than ``tolerance``, as a readable line.

    >>> regressions({"q": {"f1": 0.80, "false_byline_rate": 0.1}}, {"q": {"f1": 0.795, "false_byline_rate": 0.2}})
    ['q false_byline_rate: 0.200, recorded 0.100 (lower is better)']
    """
    out = []
    for task, numbers in before.items():
        for key, old in numbers.items():
            new = (now.get(task) or {}).get(key)
            if old is None:
                continue
            if new is None:
                out.append(f"{task} {key}: missing now, recorded {old:.3f}")
            elif key in LOWER_IS_BETTER and new > old + tolerance:
                out.append(f"{task} {key}: {new:.3f}, recorded {old:.3f} (lower is better)")
            elif key not in LOWER_IS_BETTER and new < old - tolerance:
                out.append(f"{task} {key}: {new:.3f}, recorded {old:.3f}")
    return out
