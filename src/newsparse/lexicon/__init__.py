"""Language knowledge as data: word lists live in the JSON and text files beside this module.

A ``.txt`` list has one entry per line (``#`` starts a comment); a line ``@key: w1 w2 …`` keeps a
short word list beside the phrases it qualifies (read with :func:`tagged`, never an entry itself); a
``.json`` file holds a mapping, usually keyed by language code. Adding a language or a site's furniture is a data change, not code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import regex


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``<name>.txt``, casefolded, as a set."""
    return frozenset(e.casefold() for e in entries(name))


@cache
def cased(name: str) -> frozenset[str]:
    """The entries of ``<name>.txt`` as a set with case kept (for lists where "May" and "may" differ)."""
    return frozenset(entries(name))


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``<name>.txt`` in file order, case kept (``@key:`` lines left out)."""
    return tuple(line for line in _lines(name) if not line.startswith("@"))


@cache
def tagged(name: str, key: str) -> frozenset[str]:
    """The casefolded words of the ``@key:`` line of ``<name>.txt`` (empty when it has none)."""
    prefix = f"@{key}:"
    return frozenset(w.casefold() for line in _lines(name) if line.startswith(prefix) for w in line[len(prefix):].split())


@cache
def _lines(name: str) -> tuple[str, ...]:
    raw = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("\\#") else line.strip()[1:]
        if line:
            out.append(line)
    return tuple(out)


@cache
def table(name: str) -> Any:
    """The parsed content of ``<name>.json``."""
    raw = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(raw)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation matching any of ``words`` literally, longest first (so "Sept" beats "Sep").

    >>> alternation(["Sep", "Sept.", "a|b"])
    'Sept\\\\.|Sep|a\\\\|b'
    """
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
