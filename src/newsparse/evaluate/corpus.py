"""Finding and loading the gold corpora, and running newsparse over them.

This is the only part of ``newsparse.evaluate`` that parses text or touches files; the scorers beside it
are pure functions over plain dicts.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import batch

TASKS = ("articles", "quotes", "dates")


class CorpusMissing(FileNotFoundError):
    """The gold corpus is not where it was looked for."""


def default_corpus(task: str, cwd: Path | None = None) -> Path:
    """``$NEWSPARSE_CORPORA/<task>/<task>.jsonl`` when that variable is set, else
    ``../shared/corpora/<task>/<task>.jsonl`` relative to the current directory."""
    root = os.environ.get("NEWSPARSE_CORPORA")
    if root:
        return Path(root) / task / f"{task}.jsonl"
    return (cwd or Path.cwd()).parent / "shared" / "corpora" / task / f"{task}.jsonl"


def load(path: Path, lang: str | None = None, limit: int | None = None, only: str | None = None) -> list[dict[str, Any]]:
    """The gold records of ``path``: optionally only language ``lang``, only records whose id or source
    contains ``only``, and an even sample of ``limit`` of them."""
    if not path.is_file():
        raise CorpusMissing(
            f"no gold corpus at {path}; pass --corpus PATH or set NEWSPARSE_CORPORA to the folder "
            "holding <task>/<task>.jsonl")
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    if lang and any("lang" in r for r in records):  # quotes and dates carry no lang: all English
        records = [r for r in records if (r.get("lang") or "") == lang]
    if only:
        records = [r for r in records if only in _label(r)]
    return spread(records, limit)


def _label(record: dict[str, Any]) -> str:
    """What ``--only`` searches: the id, the source and (quotes) the publisher."""
    return " ".join(str(x) for x in (record.get("id"), record.get("source"), (record.get("meta") or {}).get("publisher")))


def spread(records: Sequence[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """``limit`` records spread evenly over the file, so a quick run still sees every source.

    The corpora are sorted by id, hence by source: the first N would all come from one.

    >>> spread(list(range(10)), 3)
    [0, 3, 6]
    """
    if not limit or limit >= len(records):
        return list(records)
    step = len(records) / limit
    return [records[int(i * step)] for i in range(limit)]


@dataclass
class Run:
    """Our output per document id, what failed, and how long parsing took."""

    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0
    chars: int = 0


def reference_date(task: str, record: dict[str, Any]) -> str | None:
    """Dates are resolved against the document's creation time; articles must find their own."""
    return record.get("dct") if task == "dates" else None


def run_newsparse(task: str, records: Sequence[dict[str, Any]], jobs: int = 1, doc_timeout: float = 30.0,
                  on_doc: Callable[[], None] | None = None) -> Run:
    """Parse every record (in ``jobs`` worker processes); a failure becomes an empty prediction."""
    opts = batch.Options(doc_timeout=doc_timeout)
    tasks: Iterator[batch.Task] = (batch.Task({"id": r["id"]}, text=r["text"], reference_date=reference_date(task, r))
                                   for r in records)
    run = Run(chars=sum(len(r["text"]) for r in records))
    t0 = time.perf_counter()
    for result in batch.run(tasks, opts, jobs):
        doc_id = result.task.key["id"]
        if result.ok:
            run.outputs[doc_id] = result.record
        else:
            run.failures[doc_id] = result.record["error"]
        if on_doc:
            on_doc()
    run.seconds = time.perf_counter() - t0
    return run
