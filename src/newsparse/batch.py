"""Running many inputs: walking them, parsing in worker processes, and writing results safely.

Three promises shape this module. One bad input never stops a batch: it becomes an error record
``{"path"|"id": …, "error": {"kind", "message"}}`` and the batch goes on. Memory does not grow with
the input: inputs are streamed and at most a small window of documents is in flight. Nothing is
half-written: every output file is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from . import parse, rx
from .decode import DEFAULT_MAX_BYTES, InputError, decode_bytes, read_path


@dataclass(frozen=True)
class Options:
    """What every document in a batch shares."""

    reference_date: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    doc_timeout: float | None = 10.0
    text_field: str = "text"
    id_field: str | None = None
    reference_date_field: str | None = None


@dataclass(frozen=True)
class Task:
    """One document to parse: a file to read, or text already read from a JSONL record."""

    key: dict[str, Any]  # {"path": …} or {"id": …}: what the output record is labelled with
    path: str | None = None
    text: str | None = None
    reference_date: str | None = None
    out_rel: str | None = None  # where a mirrored directory run writes it, relative to -o
    error: InputError | None = None  # known to be bad before parsing (unreadable record, …)


@dataclass
class Result:
    task: Task
    record: dict[str, Any]

    @property
    def ok(self) -> bool:
        return "error" not in self.record


def display_path(path: str) -> str:
    """A path as a valid JSON string, even when the file name is not valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "replace")


# --- walking the inputs --------------------------------------------------------------------------

def is_jsonl(path: str) -> bool:
    return path.endswith((".jsonl", ".ndjson", ".jsonl.txt"))


def iter_tasks(inputs: Iterable[str], opts: Options, stdin: IO[bytes] | None = None) -> Iterator[Task]:
    """Tasks for each input: ``-`` (stdin), a file, a JSONL file of records, or a directory."""
    for inp in inputs:
        if inp == "-":
            assert stdin is not None
            if opts.id_field or opts.reference_date_field or opts.text_field != "text":
                yield from iter_records(stdin, "<stdin>", opts)
            else:
                yield _stdin_task(stdin, opts)
        elif os.path.isdir(inp):
            yield from iter_directory(inp, opts)
        elif is_jsonl(inp):
            try:
                with open(inp, "rb") as fh:
                    yield from iter_records(fh, inp, opts)
            except OSError as exc:
                yield Task({"path": display_path(inp)}, error=InputError("io", f"cannot open: {exc.strerror}"))
        else:
            yield Task({"path": display_path(inp)}, path=inp, reference_date=opts.reference_date)


def _stdin_task(stdin: IO[bytes], opts: Options) -> Task:
    data = stdin.read(opts.max_bytes + 1)
    key = {"path": "-"}
    if len(data) > opts.max_bytes:
        return Task(key, error=InputError("too_large", f"over the limit of {opts.max_bytes} bytes (--max-bytes)"))
    try:
        return Task(key, text=decode_bytes(data, opts.encoding), reference_date=opts.reference_date)
    except InputError as err:
        return Task(key, error=err)


def output_name(rel: str) -> str:
    """``a/b.txt`` → ``a/b.json``; other names keep their suffix: ``a/b.html`` → ``a/b.html.json``."""
    return rel[:-4] + ".json" if rel.endswith(".txt") else rel + ".json"


def iter_directory(root: str, opts: Options) -> Iterator[Task]:
    """Every non-hidden file below ``root``, sorted, without following symlinks out of it."""
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            key = {"path": display_path(full)}
            if os.path.islink(full) and not _inside(os.path.realpath(full), real_root):
                yield Task(key, out_rel=output_name(rel),
                           error=InputError("io", "symlink points outside the input directory; not followed"))
                continue
            yield Task(key, path=full, reference_date=opts.reference_date, out_rel=output_name(rel))


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def iter_records(fh: IO[bytes], name: str, opts: Options) -> Iterator[Task]:
    """One task per line of a JSONL stream; a bad line becomes an error record, not a stop."""
    for lineno, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        key: dict[str, Any] = {"id": f"{display_path(name)}:{lineno}"}
        try:
            rec = json.loads(raw)
            if not isinstance(rec, dict):
                raise ValueError("a record must be a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            yield Task(key, error=InputError("bad_record", f"line {lineno}: not a JSON object ({exc})"))
            continue
        if opts.id_field and opts.id_field in rec:
            key = {"id": rec[opts.id_field]}
        text = rec.get(opts.text_field)
        if not isinstance(text, str):
            yield Task(key, error=InputError("bad_record", f"line {lineno}: no string field {opts.text_field!r}"))
            continue
        if len(text) > opts.max_bytes:
            yield Task(key, error=InputError("too_large", f"line {lineno}: text over {opts.max_bytes} characters"))
            continue
        ref = rec.get(opts.reference_date_field) if opts.reference_date_field else None
        yield Task(key, text=text, reference_date=ref or opts.reference_date)


# --- parsing one task (runs in a worker) ---------------------------------------------------------

def process(task: Task, opts: Options) -> Result:
    """Parse one task; never raises: every failure is an error record."""
    try:
        if task.error is not None:
            raise task.error
        text = task.text if task.text is not None else read_path(task.path or "", opts.max_bytes, opts.encoding)
        try:
            article = parse(text, task.reference_date, timeout=opts.doc_timeout)
        except ValueError as exc:  # a malformed reference date in the record
            if "reference date" in str(exc):
                raise InputError("bad_record", str(exc)) from None
            raise
        return Result(task, {**task.key, **article.to_dict()})
    except InputError as err:
        return Result(task, {**task.key, "error": err.to_dict()})
    except rx.DocumentTimeout as exc:
        msg = f"{exc}: over the --doc-timeout of {opts.doc_timeout}s"
        return Result(task, {**task.key, "error": {"kind": "timeout", "message": msg}})
    except RecursionError:
        return Result(task, {**task.key, "error": {"kind": "internal", "message": "input nested too deeply"}})
    except Exception as exc:  # noqa: BLE001 - a bug must cost one record, not the batch
        msg = f"{type(exc).__name__}: {exc}"
        return Result(task, {**task.key, "error": {"kind": "internal", "message": msg}})


# --- running many tasks --------------------------------------------------------------------------

def run(tasks: Iterable[Task], opts: Options, jobs: int = 1) -> Iterator[Result]:
    """Results in input order. ``jobs > 1`` uses worker processes with a bounded window in flight."""
    if jobs <= 1:
        for task in tasks:
            yield process(task, opts)
        return
    yield from _run_pool(tasks, opts, jobs)


def _new_pool(jobs: int) -> cf.ProcessPoolExecutor:
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    return cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)


def _run_pool(tasks: Iterable[Task], opts: Options, jobs: int) -> Iterator[Result]:
    window = jobs * 4
    pool = _new_pool(jobs)
    pending: deque[tuple[Task, cf.Future[Result]]] = deque()
    it = iter(tasks)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                task = next(it, None)
                if task is None:
                    exhausted = True
                    break
                pending.append((task, pool.submit(process, task, opts)))
            if not pending:
                return
            task, fut = pending.popleft()
            try:
                yield fut.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in C code). Every task in flight lost
                # its result; rerun each alone in a fresh pool so only the culprit becomes an error.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(jobs)
                retry = [task] + [t for t, _ in pending]
                pending.clear()
                for t in retry:
                    result, pool = _run_alone(t, opts, pool, jobs)
                    yield result
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _run_alone(task: Task, opts: Options, pool: cf.ProcessPoolExecutor, jobs: int) -> tuple[Result, cf.ProcessPoolExecutor]:
    try:
        return pool.submit(process, task, opts).result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        err = {"kind": "worker_died", "message": "the worker process died while parsing this input"}
        return Result(task, {**task.key, "error": err}), _new_pool(jobs)


# --- writing results -----------------------------------------------------------------------------

def dumps(record: dict[str, Any], pretty: bool = False) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` so that ``path`` is either absent or complete, never partial."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with _suppress_oserror():
            os.unlink(tmp)
        raise


class _suppress_oserror:
    def __enter__(self) -> None:
        return None

    def __exit__(self, et: Any, ev: Any, tb: Any) -> bool:
        return et is not None and issubclass(et, OSError)


class DirectorySink:
    """Mirror the input tree under ``out``: ``a/b.txt`` → ``out/a/b.json`` (``.error.json`` on error)."""

    def __init__(self, out: Path, skip_existing: bool = False) -> None:
        self.out = out
        self.skip_existing = skip_existing

    def target(self, task: Task, ok: bool = True) -> Path:
        rel = task.out_rel or output_name(os.path.basename(task.path or "stdin"))
        if not ok:
            rel = rel[: -len(".json")] + ".error.json"
        return self.out / rel

    def wants(self, task: Task) -> bool:
        return not (self.skip_existing and self.target(task).exists())

    def write(self, result: Result) -> None:
        ok_path = self.target(result.task)
        err_path = self.target(result.task, ok=False)
        write_atomic(ok_path if result.ok else err_path, dumps(result.record, pretty=True) + "\n")
        if result.ok and err_path.exists():  # a resumed run fixed an earlier failure
            err_path.unlink()

    def close(self) -> None:
        return None


class StreamSink:
    """JSON Lines (or one pretty object) on a text stream: stdout carries JSON and nothing else."""

    def __init__(self, stream: IO[str], pretty: bool = False) -> None:
        self.stream = stream
        self.pretty = pretty

    def wants(self, task: Task) -> bool:
        return True

    def write(self, result: Result) -> None:
        self.stream.write(dumps(result.record, self.pretty) + "\n")
        self.stream.flush()

    def close(self) -> None:
        return None


class FileSink(StreamSink):
    """JSON Lines into one file, written under a temporary name and renamed when the run completes."""

    def __init__(self, path: Path, pretty: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.path = path
        super().__init__(os.fdopen(fd, "w", encoding="utf-8"), pretty)

    def write(self, result: Result) -> None:
        self.stream.write(dumps(result.record, self.pretty) + "\n")

    def close(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.stream.close()
        with _suppress_oserror():
            os.unlink(self.tmp)


@dataclass
class Summary:
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)
    error_kinds: dict[str, int] = field(default_factory=dict)

    def add(self, result: Result) -> None:
        if result.ok:
            self.ok += 1
        else:
            self.errors += 1
            kind = result.record["error"]["kind"]
            self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    def line(self) -> str:
        secs = max(time.monotonic() - self.started, 1e-9)
        done = self.ok + self.errors
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.error_kinds.items()))
        parts = [f"{self.ok} ok", f"{self.errors} errors" + (f" ({kinds})" if kinds else "")]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (existing)")
        return f"newsparse: {', '.join(parts)}; {done / secs:.1f} docs/s"


def run_batch(
    tasks: Iterable[Task],
    sink: DirectorySink | StreamSink,
    opts: Options,
    jobs: int = 1,
    on_result: Callable[[Result, Summary], None] | None = None,
) -> Summary:
    """Parse ``tasks`` and write each result to ``sink``; returns counts for the summary line."""
    summary = Summary()

    def wanted() -> Iterator[Task]:
        for task in tasks:
            if sink.wants(task):
                yield task
            else:
                summary.skipped += 1

    try:
        for result in run(wanted(), opts, jobs):
            sink.write(result)
            summary.add(result)
            if on_result:
                on_result(result, summary)
    except BaseException:
        if isinstance(sink, FileSink):
            sink.abort()
        raise
    sink.close()
    return summary
