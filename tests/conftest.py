"""Shared test helpers: schema validation and the span invariant, and the ../shared corpora."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsparse.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", ROOT.parent / "shared"))
FIXTURES = ROOT / "fixtures"

_VALIDATOR = jsonschema.Draft202012Validator(article_schema())


def iter_spans(node: Any) -> Any:
    """Every span-shaped object anywhere in an output record."""
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys() and isinstance(node["start"], int):
            yield node
        for value in node.values():
            yield from iter_spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from iter_spans(value)


def assert_valid_output(record: dict[str, Any], text: str) -> None:
    """The record validates against the shipped schema and every span slices back to its text."""
    _VALIDATOR.validate(record)
    for span in iter_spans(record):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone has none)")
    return SHARED
