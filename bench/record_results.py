"""Re-measure newsparse on the three dev corpora and record the numbers in docs/results.md.

    .venv/bin/python bench/record_results.py            # all three corpora, about half a minute on 2 cores
    .venv/bin/python bench/record_results.py --jobs 1

It rewrites only the section between ``<!-- eval:begin -->`` and ``<!-- eval:end -->``: the tables that
``newsparse eval <task>`` prints, the biggest error classes, and the JSON block that
tests/test_results_ratchet.py guards (a headline number may not drop more than 0.01 below it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsparse import evaluate
from newsparse.evaluate import report, results

RESULTS = ROOT / "docs" / "results.md"
TOP_CLASSES = 5


def corpus_path(task: str) -> Path:
    root = os.environ.get("NEWSPARSE_CORPORA") or str(ROOT.parent / "shared" / "corpora")
    return Path(root) / task / f"{task}.jsonl"


def commit() -> str:
    """The commit measured, and whether the tree had changes on top of it (read-only git calls)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes" if dirty else "")


def section(reports: dict[str, dict[str, Any]], jobs: int) -> str:
    """The markdown of the eval section: tables, error classes, and the machine-readable block."""
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [f"## Dev corpora, recorded {now} (commit {commit()})", "",
             ("Produced by `.venv/bin/python bench/record_results.py`, which runs the same code as "
             f"`newsparse eval <task> --jobs {jobs}` on each full dev corpus (`../shared/corpora/<task>/<task>.jsonl`).")]
    for task, rep in reports.items():
        speed = rep["speed"]
        parts += ["", f"### {task}: `newsparse eval {task}`", "",
                  (f"{rep['docs']} documents, {speed['seconds']} s with {jobs} jobs, "
                  f"{rep['failures']['count']} failed."), "", report.markdown(rep), ""]
        if task == "articles":
            parts += ["By language (`--lang`; `?` = not declared), the largest groups:", "",
                      report.markdown(rep, "by_lang", top=6), ""]
        classes = "; ".join(f"{c['class']} ({c['count']})" for c in rep["error_classes"][:TOP_CLASSES])
        parts += [f"Biggest error classes (`newsparse eval {task} --errors N` shows examples): {classes}."]
    block = {"recorded": now, "commit": commit(), "tolerance": results.TOLERANCE,
             "lower_is_better": sorted(results.LOWER_IS_BETTER),
             "tasks": {t: {"command": f"newsparse eval {t}", "docs": r["docs"],
                           "guarded": {k: r["summary"][k] for k in results.GUARDED[t]}, "summary": r["summary"]}
                       for t, r in reports.items()}}
    parts += ["", "The numbers the ratchet test guards:", "", "```json", json.dumps(block, indent=2), "```"]
    return "\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--tasks", nargs="*", default=list(evaluate.TASKS))
    args = ap.parse_args()
    reports = {}
    for task in args.tasks:
        print(f"evaluating {task} …", file=sys.stderr)
        reports[task] = evaluate.evaluate(task, corpus_path(task), jobs=args.jobs)
        print(f"  {reports[task]['summary']}", file=sys.stderr)
    doc = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Results\n"
    RESULTS.write_text(results.replace_section(doc, "eval", section(reports, args.jobs)), encoding="utf-8")
    print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
