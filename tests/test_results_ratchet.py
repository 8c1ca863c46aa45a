"""The results ratchet: the headline numbers recorded in docs/results.md may not drop.

Each dev corpus is evaluated in full (about half a minute for all three on 2 cores) and every "guarded" number in
the JSON block of docs/results.md is compared (the F1s and accuracies over all gold; not the accuracies
over our own matches, which may fall when recall rises): one that got worse by more than its tolerance (0.01)
fails the test. After a real improvement, record the new numbers with
``.venv/bin/python bench/record_results.py``. Set NEWSPARSE_SKIP_RATCHET=1 to skip it in a quick loop.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsparse import evaluate
from newsparse.evaluate import results

from conftest import ROOT

RESULTS = ROOT / "docs" / "results.md"


def test_regressions_are_found_in_either_direction() -> None:
    before = {"articles": {"body_f1": 0.70, "false_byline_rate": 0.10, "authors_f1": None}}
    same = {"articles": {"body_f1": 0.695, "false_byline_rate": 0.105, "authors_f1": 0.2}}
    assert results.regressions(before, same) == []
    worse = {"articles": {"body_f1": 0.68, "false_byline_rate": 0.2}}
    assert len(results.regressions(before, worse)) == 2
    assert results.regressions(before, {}) == ["articles body_f1: missing now, recorded 0.700",
                                               "articles false_byline_rate: missing now, recorded 0.100"]


def test_results_md_has_a_readable_record() -> None:
    block = results.recorded(RESULTS.read_text(encoding="utf-8"))
    assert set(block["tasks"]) == set(evaluate.TASKS)
    for task, entry in block["tasks"].items():
        assert entry["command"].startswith(f"newsparse eval {task}")
        assert entry["summary"] and set(entry["guarded"]) == set(results.GUARDED[task])


@pytest.mark.skipif(os.environ.get("NEWSPARSE_SKIP_RATCHET") == "1", reason="NEWSPARSE_SKIP_RATCHET=1")
@pytest.mark.parametrize("task", evaluate.TASKS)
def test_recorded_numbers_do_not_drop(task: str, shared: Path) -> None:
    block = results.recorded(RESULTS.read_text(encoding="utf-8"))
    before = {task: block["tasks"][task]["guarded"]}
    rep = evaluate.evaluate(task, shared / "corpora" / task / f"{task}.jsonl", jobs=min(2, os.cpu_count() or 1))
    assert rep["docs"] == block["tasks"][task]["docs"], "the dev corpus changed: re-record docs/results.md"
    worse = results.regressions(before, {task: rep["summary"]}, block.get("tolerance", results.TOLERANCE))
    failed = rep["failures"]
    why = f"\n{failed['count']} documents failed (timeouts under load?): {failed['examples']}" if failed["count"] else ""
    assert not worse, "worse than docs/results.md records:\n" + "\n".join(worse) + why
