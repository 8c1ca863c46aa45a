"""The versioned output contract, shipped as a JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any


@cache
def article_schema_text() -> str:
    return resources.files(__package__).joinpath("article.schema.json").read_text(encoding="utf-8")


def article_schema() -> dict[str, Any]:
    return json.loads(article_schema_text())


def iter_spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every span-shaped object (``{"text", "start", "end"}``) anywhere in an output record."""
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys() and isinstance(node["start"], int):
            yield node
        for value in node.values():
            yield from iter_spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from iter_spans(value)


def span_errors(record: dict[str, Any], text: str) -> list[str]:
    """Spans in ``record`` that do not slice back to their text in ``text`` (empty when all do).

    The contract's central promise, checkable by any consumer of the JSON:

    >>> span_errors({"headline": {"text": "Hi", "start": 0, "end": 2}}, "Hi there")
    []
    >>> span_errors({"headline": {"text": "Ho", "start": 0, "end": 2}}, "Hi there")
    ["text[0:2] is 'Hi', not 'Ho'"]
    """
    problems = []
    for span in iter_spans(record):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            problems.append(f"offsets {start}:{end} outside a text of {len(text)} characters")
        elif text[start:end] != span["text"]:
            problems.append(f"text[{start}:{end}] is {text[start:end]!r}, not {span['text']!r}")
    return problems
