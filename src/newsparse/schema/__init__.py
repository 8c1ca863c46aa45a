"""The versioned output contract, shipped as a JSON Schema."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def article_schema_text() -> str:
    return resources.files(__package__).joinpath("article.schema.json").read_text(encoding="utf-8")


def article_schema() -> dict[str, Any]:
    return json.loads(article_schema_text())
