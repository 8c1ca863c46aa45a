"""Running many inputs: walking them, parsing in worker processes, and writing results safely.

Three promises shape this module. One bad input never stops a batch: it becomes an error record
``{"path"|"id": …, "error": {"kind", "message"}}`` and the batch goes on. Memory does not grow with
the input: inputs are streamed and at most a small window of documents is in flight. Nothing is
half-written: every output file is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
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
                yield Task({"path": display_path(inp)}, error=InputError("io", f"cannot read: {exc.strerror or exc}"))
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
    """Every non-hidden file below ``root``, sorted, without following symlinks out of it.

    A directory that cannot be listed becomes an ``io`` error record instead of vanishing silently;
    symlinked directories are not descended into (so a symlink loop cannot trap the walk).
    """
    real_root = os.path.realpath(root)
    walk_errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=walk_errors.append, followlinks=False):
        yield from _walk_error_tasks(walk_errors, root)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        names = sorted(n for n in filenames if not n.startswith("."))
        for name, out_name in zip(names, output_names(names)):
            full = os.path.join(dirpath, name)
            rel = os.path.join(os.path.relpath(dirpath, root), out_name)
            yield _file_task(full, os.path.normpath(rel), real_root, opts)
    yield from _walk_error_tasks(walk_errors, root)


def _file_task(full: str, out_rel: str, real_root: str, opts: Options) -> Task:
    key = {"path": display_path(full)}
    if os.path.islink(full) and not _inside(os.path.realpath(full), real_root):
        return Task(key, out_rel=out_rel,
                    error=InputError("io", "symlink points outside the input directory; not followed"))
    return Task(key, path=full, reference_date=opts.reference_date, out_rel=out_rel)


def _walk_error_tasks(errors: list[OSError], root: str) -> Iterator[Task]:
    """Error records for directories the walk could not list (their output: ``<dir>.error.json``)."""
    while errors:
        exc = errors.pop(0)
        where = exc.filename if isinstance(exc.filename, str) else root
        rel = os.path.normpath(os.path.relpath(where, root))
        out_rel = "_root.json" if rel == "." else rel + ".json"
        yield Task({"path": display_path(where)}, out_rel=out_rel,
                   error=InputError("io", f"cannot list directory: {exc.strerror or exc}"))


def output_names(names: list[str]) -> list[str]:
    """Output file names for the files of one directory, never two alike.

    ``a.txt`` and ``a`` would both become ``a.json``; the ``.txt`` one then keeps its full name.

    >>> output_names(["a", "a.txt", "b.txt"])
    ['a.json', 'a.txt.json', 'b.json']
    """
    short = [output_name(n) for n in names]
    taken = {out for name, out in zip(names, short) if not name.endswith(".txt")}
    return [name + ".json" if name.endswith(".txt") and out in taken else out for name, out in zip(names, short)]


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def iter_records(fh: IO[bytes], name: str, opts: Options) -> Iterator[Task]:
    """One task per line of a JSONL stream; a bad line becomes an error record, not a stop.

    Lines are read with a length cap, so one giant line (or a file with no newline at all) costs
    at most the cap in memory before it is refused as ``too_large``.
    """
    cap = record_line_cap(opts.max_bytes)
    for lineno, raw in enumerate(_capped_lines(fh, cap), 1):
        key: dict[str, Any] = {"id": f"{display_path(name)}:{lineno}"}
        if raw is None:
            yield Task(key, error=InputError("too_large", f"line {lineno}: over {cap} bytes (--max-bytes)"))
            continue
        if not raw.strip():
            continue
        yield _record_task(raw, key, lineno, opts)


def record_line_cap(max_bytes: int) -> int:
    """The longest JSONL line read: the text limit, room for JSON escapes and other fields."""
    return 2 * max_bytes + 64 * 1024


def _capped_lines(fh: IO[bytes], cap: int) -> Iterator[bytes | None]:
    """Lines of ``fh``; ``None`` in place of a line longer than ``cap`` (whose rest is skipped)."""
    while True:
        raw = fh.readline(cap + 1)
        if not raw:
            return
        if len(raw) <= cap or raw.endswith(b"\n"):
            yield raw
            continue
        while raw and not raw.endswith(b"\n"):  # drain the rest of the long line, a chunk at a time
            raw = fh.readline(1 << 20)
        yield None


def _record_task(raw: bytes, key: dict[str, Any], lineno: int, opts: Options) -> Task:
    try:
        rec = json.loads(raw)
        if not isinstance(rec, dict):
            raise ValueError("a record must be a JSON object")  # noqa: TRY004 - caught just below
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        return Task(key, error=InputError("bad_record", f"line {lineno}: not a JSON object ({exc})"))
    if opts.id_field and opts.id_field in rec:
        key = {"id": rec[opts.id_field]}
    text = rec.get(opts.text_field)
    if not isinstance(text, str):
        return Task(key, error=InputError("bad_record", f"line {lineno}: no string field {opts.text_field!r}"))
    if len(text) > opts.max_bytes:
        return Task(key, error=InputError("too_large", f"line {lineno}: text over {opts.max_bytes} characters"))
    ref = rec.get(opts.reference_date_field) if opts.reference_date_field else None
    return Task(key, text=text, reference_date=ref or opts.reference_date)


# --- parsing one task (runs in a worker) ---------------------------------------------------------

def process(task: Task, opts: Options) -> Result:
    """Parse one task; never raises: every failure is an error record.

    Two limits bound the time: the soft deadline inside :func:`newsparse.parse` (every pattern call
    and stage boundary checks it) and, as a backstop for plain Python loops, a hard timer a little
    later (:func:`newsparse.rx.hard_limit`).
    """
    try:
        with rx.hard_limit(hard_seconds(opts.doc_timeout)):
            return Result(task, {**task.key, **_parse_task(task, opts).to_dict()})
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


def hard_seconds(doc_timeout: float | None) -> float | None:
    """When the backstop timer fires: after the soft deadline, with room to read the file."""
    return None if doc_timeout is None else doc_timeout * 1.2 + 1.0


def _parse_task(task: Task, opts: Options) -> Any:
    if task.error is not None:
        raise task.error
    text = task.text if task.text is not None else read_path(task.path or "", opts.max_bytes, opts.encoding)
    try:
        return parse(text, task.reference_date, timeout=opts.doc_timeout)
    except ValueError as exc:  # a malformed reference date in the record
        if "reference date" in str(exc):
            raise InputError("bad_record", str(exc)) from None
        raise


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


class _WorkerLost(Exception):
    """A worker died (``hung`` false) or hung; the pool is gone and the tasks in flight need rerunning."""

    def __init__(self, hung: bool) -> None:
        super().__init__("worker hung" if hung else "worker died")
        self.hung = hung


def _run_pool(tasks: Iterable[Task], opts: Options, jobs: int) -> Iterator[Result]:
    """Keep at most ``4 * jobs`` tasks in flight; yield their results in input order.

    When a worker dies (killed, out of memory, a crash in C code) or hangs past the watchdog, every
    task in flight loses its result: each is rerun alone in a fresh pool so that only the culprit
    becomes a ``worker_died`` (or ``timeout``) error record and the batch goes on.
    """
    window = jobs * 4
    pool = _new_pool(jobs)
    pending: deque[tuple[Task, cf.Future[Result]]] = deque()
    it = iter(tasks)
    try:
        while True:
            while len(pending) < window and (task := next(it, None)) is not None:
                pending.append((task, _submit(pool, task, opts)))
            if not pending:
                return
            task, fut = pending.popleft()
            try:
                yield _result(task, fut, opts)
            except _WorkerLost:
                _kill_pool(pool)
                pool = _new_pool(jobs)
                in_flight = [(task, fut)] + list(pending)
                pending.clear()
                for t, f in in_flight:
                    salvaged = _finished_result(f)
                    if salvaged is None:
                        salvaged, pool = _run_alone(t, opts, pool, jobs)
                    yield salvaged
    finally:
        if pending:  # abandoned early (the consumer failed or stopped): do not wait for stragglers
            _kill_pool(pool)
        else:
            pool.shutdown(wait=False, cancel_futures=True)


def _submit(pool: cf.ProcessPoolExecutor, task: Task, opts: Options) -> cf.Future[Result]:
    """Submit ``task``; a pool already broken by a dead worker gives a future that says so.

    (``submit`` itself raises once the pool has noticed the death, which may happen before any of
    our futures reports it.)
    """
    try:
        return pool.submit(process, task, opts)
    except BrokenProcessPool as exc:
        failed: cf.Future[Result] = cf.Future()
        failed.set_exception(exc)
        return failed


def watchdog_seconds(doc_timeout: float | None) -> float | None:
    """How long to wait for one result before calling its worker hung (past the hard limit)."""
    return None if doc_timeout is None else doc_timeout * 2 + 10.0


def _result(task: Task, fut: cf.Future[Result], opts: Options) -> Result:
    """The task's result; :class:`_WorkerLost` when its worker died or hung.

    ``process`` never raises, but getting its result back can (a result that fails to pickle):
    that too costs one ``internal`` record, not the batch.
    """
    try:
        return fut.result(timeout=watchdog_seconds(opts.doc_timeout))
    except BrokenProcessPool:
        raise _WorkerLost(hung=False) from None
    except cf.TimeoutError:
        raise _WorkerLost(hung=True) from None
    except Exception as exc:  # noqa: BLE001 - see the docstring
        err = {"kind": "internal", "message": f"{type(exc).__name__}: {exc}"}
        return Result(task, {**task.key, "error": err})


def _finished_result(fut: cf.Future[Result]) -> Result | None:
    """The result of a task that completed before its pool broke, else ``None``."""
    if fut.done() and not fut.cancelled() and fut.exception() is None:
        return fut.result()
    return None


def _kill_pool(pool: cf.ProcessPoolExecutor) -> None:
    """Stop a pool now, killing its workers: a hung worker would otherwise block shutdown forever."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError):
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _run_alone(task: Task, opts: Options, pool: cf.ProcessPoolExecutor, jobs: int) -> tuple[Result, cf.ProcessPoolExecutor]:
    try:
        return _result(task, _submit(pool, task, opts), opts), pool
    except _WorkerLost as lost:
        _kill_pool(pool)
        if lost.hung:
            msg = f"no result after {watchdog_seconds(opts.doc_timeout)}s; the worker was stopped"
            err = {"kind": "timeout", "message": msg}
        else:
            err = {"kind": "worker_died", "message": "the worker process died while parsing this input"}
        return Result(task, {**task.key, "error": err}), _new_pool(jobs)


# --- writing results -----------------------------------------------------------------------------

def dumps(record: dict[str, Any], pretty: bool = False) -> str:
    """One record as JSON text that always encodes as UTF-8.

    A JSONL record may carry lone surrogates (``"\\ud800"`` is legal JSON); written raw they would
    make the UTF-8 write fail, so such a record falls back to ASCII escapes.
    """
    text = json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(record, ensure_ascii=True, indent=2 if pretty else None)
    return text


TEMP_SUFFIX = ".tmp"


def temp_prefix(name: str) -> str:
    """Temporary files are hidden siblings: ``.out.jsonl.<random>.tmp`` while ``out.jsonl`` is written."""
    return f".{name}."


def remove_stale_temps(directory: Path, name: str | None = None) -> int:
    """Delete temporary files a killed run left in ``directory`` (for ``name`` only, if given).

    Returns how many were removed. Only names this module creates are touched.
    """
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(temp_prefix(name) if name else ".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        if name is None and not entry.name[:-len(TEMP_SUFFIX)].rsplit(".", 1)[0].endswith((".json", ".jsonl")):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` so that ``path`` is either absent or complete, never partial."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class SinkError(Exception):
    """An output that could not be written; the batch reports it and goes on."""


class DirectorySink:
    """Mirror the input tree under ``out``: ``a/b.txt`` → ``out/a/b.json`` (``.error.json`` on error).

    Every target stays inside ``out``: an output name is never absolute and never climbs with
    ``..``, and a directory under ``out`` that is a symlink pointing elsewhere is not written
    through. Temporary files a killed run left behind are removed when the sink opens.
    """

    def __init__(self, out: Path, skip_existing: bool = False) -> None:
        self.out = out
        self.skip_existing = skip_existing
        self.real_out = os.path.realpath(out)
        self.stale_temps_removed = sum(remove_stale_temps(Path(d)) for d, _, _ in os.walk(out))

    def target(self, task: Task, ok: bool = True) -> Path:
        rel = task.out_rel or output_name(os.path.basename(task.path or "stdin"))
        rel = safe_relative(rel)
        if not ok:
            rel = rel[: -len(".json")] + ".error.json"
        return self.out / rel

    def wants(self, task: Task) -> bool:
        if task.path is not None and _inside(os.path.realpath(task.path), self.real_out):
            return False  # our own output, met again because -o lies inside the input directory
        return not (self.skip_existing and self.target(task).exists())

    def write(self, result: Result) -> None:
        ok_path = self.target(result.task)
        err_path = self.target(result.task, ok=False)
        if not _inside(os.path.realpath(ok_path.parent), self.real_out):
            raise SinkError(f"{display_path(str(ok_path))}: a symlink leads out of the output directory; not written")
        try:
            write_atomic(ok_path if result.ok else err_path, dumps(result.record, pretty=True) + "\n")
            if result.ok and err_path.exists():  # a resumed run fixed an earlier failure
                err_path.unlink()
        except OSError as exc:
            raise SinkError(f"{display_path(str(ok_path))}: cannot write: {exc.strerror or exc}") from None

    def close(self) -> None:
        return None


def safe_relative(rel: str) -> str:
    """``rel`` made a path that cannot leave the output directory.

    >>> safe_relative("../../etc/passwd.json"), safe_relative("/tmp/x.json"), safe_relative("a/./b.json")
    ('etc/passwd.json', 'tmp/x.json', 'a/b.json')
    """
    parts = [p for p in rel.replace(os.sep, "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "_.json"


class OutputFailed(Exception):
    """The output stream itself failed (disk full, reader gone): the batch cannot go on."""


class StreamSink:
    """JSON Lines (or one pretty object) on a text stream: stdout carries JSON and nothing else."""

    def __init__(self, stream: IO[str], pretty: bool = False) -> None:
        self.stream = stream
        self.pretty = pretty

    def wants(self, task: Task) -> bool:
        return True

    def write(self, result: Result) -> None:
        try:
            self.stream.write(dumps(result.record, self.pretty) + "\n")
            self.stream.flush()
        except OSError as exc:
            _silence_stdout(self.stream)
            raise OutputFailed(f"cannot write output: {exc.strerror or exc}") from None

    def close(self) -> None:
        return None


def _silence_stdout(stream: IO[str]) -> None:
    """Point a failed stdout at /dev/null, so Python's flush at exit does not fail a second time."""
    try:
        fd = stream.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's buffer)
        pass


class FileSink(StreamSink):
    """JSON Lines into one file, written under a temporary name and renamed when the run completes."""

    def __init__(self, path: Path, pretty: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path.parent, path.name)
        fd, self.tmp = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=TEMP_SUFFIX, dir=path.parent)
        self.path = path
        super().__init__(os.fdopen(fd, "w", encoding="utf-8"), pretty)

    def write(self, result: Result) -> None:
        try:
            self.stream.write(dumps(result.record, self.pretty) + "\n")
        except OSError as exc:
            raise OutputFailed(f"cannot write {display_path(str(self.path))}: {exc.strerror or exc}") from None

    def close(self) -> None:
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise OutputFailed(f"cannot write {display_path(str(self.path))}: {exc.strerror or exc}") from None

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def _write(sink: DirectorySink | StreamSink, result: Result, summary: Summary) -> None:
    """Write one result; an output that cannot be written is counted and told on stderr, not fatal."""
    try:
        sink.write(result)
    except SinkError as exc:
        print(f"newsparse: {exc}", file=sys.stderr)
        result = Result(result.task, {**result.task.key, "error": {"kind": "io", "message": str(exc)}})
    summary.add(result)


class OutputPlanError(ValueError):
    """The inputs and ``-o`` do not fit together (a usage error, not a bad input)."""


def is_single(inputs: Sequence[str], opts: Options) -> bool:
    """One plain file, or ``-`` read as one article: the output is one JSON object, not JSON Lines."""
    if len(inputs) != 1:
        return False
    only = inputs[0]
    if only == "-":
        return not (opts.id_field or opts.reference_date_field or opts.text_field != "text")
    return not os.path.isdir(only) and not is_jsonl(only)


def choose_sink(inputs: Sequence[str], output: Path | None, stdout: IO[str], pretty: bool,
                skip_existing: bool) -> DirectorySink | StreamSink:
    """Where a batch's results go: stdout, one JSONL file (JSONL/stdin inputs), or a mirrored directory."""
    streams = [i for i in inputs if i == "-" or is_jsonl(i)]
    if output is None:
        return StreamSink(stdout, pretty=pretty)
    if len(streams) == len(inputs):
        if output.is_dir():
            raise OutputPlanError(f"{str(output)!r} is a directory; JSONL input writes one JSONL file")
        return FileSink(output, pretty=pretty)
    if streams:
        raise OutputPlanError("mix of JSONL/stdin and files with -o: run them separately "
                              "(JSONL writes a file, files a directory)")
    if output.exists() and not output.is_dir():
        raise OutputPlanError(f"{str(output)!r} exists and is not a directory")
    return DirectorySink(output, skip_existing)


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
            _write(sink, result, summary)
            if on_result:
                on_result(result, summary)
    except BaseException:
        if isinstance(sink, FileSink):
            sink.abort()
        raise
    sink.close()
    return summary
