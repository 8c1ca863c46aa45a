"""``newsparse eval``: score newsparse (or any system's output) against the gold corpora.

The scorers (:mod:`.articles`, :mod:`.quotes`, :mod:`.dates`) are pure functions over plain dicts, the
gold records as the corpus files hold them and predictions in newsparse's output shape, so the same
code scores peers in ``bench/run.py``. :func:`evaluate` runs newsparse over a corpus and builds the
report that the CLI prints; its JSON keys are stable (hooks and the results ratchet read them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import articles, dates, quotes
from .cases import Case, class_counts, compare, pick
from .corpus import TASKS, CorpusMissing, Run, default_corpus, load, run_newsparse

__all__ = [
    "TASKS",
    "CorpusMissing",
    "articles",
    "compare_errors",
    "dates",
    "default_corpus",
    "error_cases",
    "evaluate",
    "quotes",
    "save_errors",
    "score",
    "summary",
]

MAX_CLASSES = 30


def predictions(task: str, outputs: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """What each scorer takes from a newsparse output record: the whole record, or one field."""
    if task == "articles":
        return dict(outputs)
    return {doc_id: rec.get(task) or [] for doc_id, rec in outputs.items()}


def score(task: str, golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Any], **options: Any) -> dict[str, Any]:
    """Score ``preds`` against ``golds``; ``options`` go to the task's scorer (dates: lenient, types)."""
    scorer: Callable[..., dict[str, Any]] = {"articles": articles.score, "quotes": quotes.score,
                                             "dates": dates.score}[task]
    return scorer(golds, preds, **options)


def error_cases(task: str, golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Any], **options: Any) -> list[Case]:
    finder: Callable[..., list[Case]] = {"articles": articles.cases, "quotes": quotes.cases,
                                         "dates": dates.cases}[task]
    return finder(golds, preds, **options)


def scorer_options(task: str, lenient: bool = False, types: str | None = None) -> dict[str, Any]:
    """Scorer options from the command line: ``types`` is a comma-separated list ("DATE,TIME").

    >>> opts = scorer_options("dates", True, "date, time")
    >>> opts["lenient"], sorted(opts["types"])
    (True, ['DATE', 'TIME'])
    """
    if (lenient or types) and task != "dates":
        raise ValueError("--lenient-values and --types apply to `eval dates` only")
    options: dict[str, Any] = {"lenient": True} if lenient else {}
    if types:
        options["types"] = frozenset(t.strip().upper() for t in types.split(",") if t.strip())
    return options


def summary(task: str, scores: Mapping[str, Any]) -> dict[str, float | None]:
    """The headline numbers of a task, flat: what docs/results.md records and the ratchet guards."""
    if task == "articles":
        return {"headline_accuracy": scores["headline"]["accuracy"], "authors_f1": scores["authors"]["f1"],
                "false_byline_rate": scores["authors"]["false_byline_rate"],
                "published_accuracy": scores["published"]["accuracy"],
                "published_accuracy_in_text": scores["published"]["accuracy_in_text"],
                "body_f1": scores["body"]["f1"], "body_start_accuracy": scores["body_start"]["accuracy"]}
    if task == "quotes":
        return {"quote_f1": scores["quotes"]["f1"], "speaker_accuracy": scores["speaker_accuracy"],
                "end_to_end_f1": scores["end_to_end"]["f1"]}
    return {"strict_f1": scores["strict"]["f1"], "relaxed_f1": scores["relaxed"]["f1"],
            "type_accuracy": scores["type_accuracy"], "value_accuracy": scores["value_accuracy"],
            "value_f1": scores["value"]["f1"]}


def evaluate(task: str, corpus: Path | None = None, *, lang: str | None = None, limit: int | None = None,
             only: str | None = None,
             jobs: int = 1, errors: int = 0, on_doc: Callable[[], None] | None = None,
             records: Sequence[dict[str, Any]] | None = None, options: Mapping[str, Any] | None = None,
             all_errors: bool = False) -> dict[str, Any]:
    """Run newsparse over a gold corpus and score it; the report behind ``newsparse eval``.

    ``options`` go to the task's scorer: for dates ``lenient`` (ignore case and week zero-padding in
    values) and ``types`` (keep only these gold and predicted types before matching). ``all_errors``
    adds every error case under ``all_errors`` (for ``--save-errors`` / ``--compare-errors``).
    """
    path = corpus or default_corpus(task)
    golds = list(records) if records is not None else load(path, lang, limit, only)
    run = run_newsparse(task, golds, jobs, on_doc=on_doc)
    preds = predictions(task, run.outputs)
    scores = score(task, golds, preds, **(options or {}))
    all_cases = error_cases(task, golds, preds, **(options or {}))
    report = {
        "task": task,
        "corpus": str(path),
        "filters": {"lang": lang, "limit": limit, "only": only},
        "docs": len(golds),
        "summary": summary(task, scores),
        "scores": scores,
        "failures": _failures(run),
        "speed": {"seconds": round(run.seconds, 2), "jobs": jobs,
                  "docs_per_s": round(len(golds) / run.seconds, 1) if run.seconds else None,
                  "chars": run.chars},
        "error_classes": class_counts(all_cases)[:MAX_CLASSES],
        "errors": [c.to_dict() for c in pick(all_cases, errors)],
    }
    if all_errors:
        report["all_errors"] = [c.to_dict() for c in all_cases]
    return report


def save_errors(path: Path, report: Mapping[str, Any]) -> None:
    """Write every error case of ``report`` as JSON Lines, for a later ``--compare-errors``."""
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in report["all_errors"]), encoding="utf-8")


def compare_errors(path: Path, report: Mapping[str, Any]) -> dict[str, Any]:
    """What changed since the cases saved at ``path``: ``{"fixed", "new", "classes"}``."""
    with path.open(encoding="utf-8") as fh:
        before = [json.loads(line) for line in fh if line.strip()]
    return compare(before, report["all_errors"])


def _failures(run: Run) -> dict[str, Any]:
    """Documents newsparse failed on (scored as empty output), a few of them named."""
    shown = dict(list(run.failures.items())[:10])
    return {"count": len(run.failures), "examples": shown}
