"""Shared test helpers: schema validation and the span invariant, and the ../shared corpora."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsparse.schema import article_schema, iter_spans, span_errors  # noqa: F401 (re-exported)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSPARSE_SHARED", ROOT.parent / "shared"))
FIXTURES = ROOT / "fixtures"

_VALIDATOR = jsonschema.Draft202012Validator(article_schema())


def assert_valid_output(record: dict[str, Any], text: str) -> None:
    """The record validates against the shipped schema and every span slices back to its text."""
    _VALIDATOR.validate(record)
    assert span_errors(record, text) == []


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone has none)")
    return SHARED
