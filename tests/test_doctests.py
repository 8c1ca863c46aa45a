"""The examples in docstrings are tests too: every module's doctests must pass."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsparse

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(newsparse.__path__, prefix="newsparse.") if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
