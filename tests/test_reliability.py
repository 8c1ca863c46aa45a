"""No input can crash newsparse, hang it, make it write outside -o, or lose output.

Each promise in README's "Reliability" section has a test here, sized to run in seconds; the long
versions (minutes of fuzzing, full-size adversarial inputs, a 1 GB JSONL memory run) are `make fuzz`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from newsparse import batch, decode
from newsparse.cli import main

from conftest import ROOT, assert_valid_output, iter_spans

sys.path.insert(0, str(ROOT))
from fuzz import memory, targets

ARTICLE = "Council Approves New Budget\n\nBy Ana Ruiz\n\n“It is a fair budget,” Ruiz said on Monday.\n"


def invented_article(i: int, paragraphs: int = 4) -> str:
    """A small made-up article, different for each ``i``."""
    paras = [f"The council met on Monday, March {i % 28 + 1}, 2024, to debate plan number {i}.",
             f"“We will build bridge {i} by next year,” said Mayor Ana Ruiz.",
             "Opponents said the plan was rushed. “It is too soon,” Tom Lee told reporters."]
    body = "\n\n".join((paras * paragraphs)[:paragraphs])
    return f"Council Weighs Bridge Plan {i}\n\nBy Ana Ruiz\n\n{body}\n"


def span_texts(record: dict[str, Any]) -> str:
    """All span texts of a record, joined: checks what was decoded without depending on the layout."""
    return "\n".join(span["text"] for span in iter_spans(record))


def cli(args: list[str], stdin: bytes | None = None) -> Any:
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


# --- fuzzing: a short bounded pass of the `make fuzz` targets ------------------------------------

@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(targets.TEXTS, targets.REFERENCE_DATES)
def test_fuzz_parse_short_pass(text: str, ref: str | None) -> None:
    assert targets.check_parse(text, ref) == "ok"


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(targets.BYTES, targets.USER_ENCODINGS)
def test_fuzz_decode_short_pass(data: bytes, encoding: str | None) -> None:
    targets.check_decode(data, encoding)


def _regressions() -> list[Path]:
    return sorted((ROOT / "fuzz" / "regressions").glob("*.json"))


@pytest.mark.parametrize("path", _regressions(), ids=lambda p: p.stem)
def test_fuzz_regressions_stay_fixed(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    if case["target"] == "parse":
        assert targets.check_parse(case["text"], case.get("reference_date")) == "ok"
    else:
        targets.check_decode(bytes.fromhex(case["data_hex"]), case.get("encoding"))


# --- bounded time on adversarial input -----------------------------------------------------------

ADVERSARIAL = {
    "10MB_single_line": lambda: "a" * 10_000_000,
    "100k_straight_quotes": lambda: '"' * 100_000,
    "100k_curly_quotes": lambda: "“" * 50_000 + "”" * 50_000,
    "100k_said": lambda: "said " * 100_000,
    "by_by_by": lambda: "By " * 100_000,
    "by_lines": lambda: "By Ana\n" * 20_000,
    "many_short_quotes_one_line": lambda: '"a b" ' * 20_000,
    "unclosed_quote_then_text": lambda: "“" + "word " * 200_000,
    "200k_short_lines": lambda: "x\n" * 200_000,
    "month_names": lambda: "Feb. 3 " * 50_000,
}


# The hard limit's alarm may land in a callback that cannot raise (hypothesis's gc hook); it repeats.
_ALARM_NOISE = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@_ALARM_NOISE
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_finishes_in_bounded_time(name: str) -> None:
    text = ADVERSARIAL[name]()
    opts = batch.Options(doc_timeout=1.0)
    started = time.monotonic()
    result = batch.process(batch.Task({"id": name}, text=text), opts)
    elapsed = time.monotonic() - started
    assert elapsed < batch.hard_seconds(1.0) + 3, f"{name} took {elapsed:.1f}s"  # + a slow last pattern call
    if result.ok:
        assert_valid_output(result.record, text)
    else:
        assert result.record["error"]["kind"] == "timeout", result.record


# Inputs that a linear pipeline parses in well under a second. A stage that is quadratic on them is
# still stopped by the time limits above, but it turns a real (if odd) document into a timeout.
LINEAR_TIME = {
    "100k_straight_quotes": lambda: '"' * 100_000,
    "20k_byline_lines": lambda: "By Ana\n" * 20_000,
    "100k_said": lambda: "said " * 100_000,
    "by_by_by": lambda: "By " * 100_000,
}


@_ALARM_NOISE
@pytest.mark.parametrize("make_text", LINEAR_TIME.values(), ids=list(LINEAR_TIME))
def test_stages_stay_linear_on_repetitive_input(make_text: Any) -> None:
    text = make_text()
    result = batch.process(batch.Task({"id": 0}, text=text), batch.Options(doc_timeout=3.0))
    assert result.ok, result.record["error"]
    assert_valid_output(result.record, text)


def _spin(*args: Any, **kw: Any) -> None:
    while True:  # a stage's loop that never checks the deadline
        pass


def test_hard_limit_stops_a_pure_python_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "parse", _spin)
    started = time.monotonic()
    result = batch.process(batch.Task({"id": "x"}, text="anything"), batch.Options(doc_timeout=0.2))
    assert result.record["error"]["kind"] == "timeout"
    assert time.monotonic() - started < 3
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse 50 MB
    res = cli(["extract", str(big)])
    assert res.exit_code == 1
    assert json.loads(res.stdout)["error"]["kind"] == "too_large"
    res = cli(["extract", "-", "--max-bytes", "1000"], stdin=b"x" * 1001)
    assert json.loads(res.stdout)["error"]["kind"] == "too_large"


def test_jsonl_giant_line_is_refused_and_the_next_record_parsed(tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    with open(src, "wb") as fh:
        fh.write(b'{"text": "' + b"x" * 300_000 + b'"}\n')
        fh.write(b'{"text": "' + b"y" * 300_000)  # no closing quote and no newline before the next
        fh.write(b"\n" + json.dumps({"text": ARTICLE}).encode() + b"\n")
    res = cli(["extract", str(src), "--max-bytes", "100000"])
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r.get("error", {}).get("kind") for r in out] == ["too_large", "too_large", None]
    assert "Council Approves New Budget" in span_texts(out[2])


def test_jsonl_oddities_become_records(tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    lines = ['{"text": "\\ud800 said the \\udfff"}', "[" * 100_000, '{"text": 5}', "null", "\x00\x01",
             json.dumps({"text": ARTICLE, "dct": "not a date"})]
    src.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    res = cli(["extract", str(src), "--reference-date-field", "dct"])
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(out) == 6
    assert "error" not in out[0] and out[0]["schema_version"] == "1"  # lone surrogates survive, escaped
    assert [r["error"]["kind"] for r in out[1:]] == ["bad_record"] * 5


# --- bad inputs in a directory: each a record, and the batch goes on -----------------------------

def _bad_tree(root: Path) -> dict[str, str | None]:
    """Write awkward inputs; return each output name and the error kind expected (None: parses)."""
    root.mkdir()
    files: dict[str, tuple[bytes, str | None]] = {
        "empty.txt": (b"", None),
        "blank.txt": (b" \n\t\r\n   \n", None),
        "nul.txt": (b"Title\x00\x00body", "binary"),
        "bad-utf8.txt": (b"Title\n\n\xc3\x28 broken", "decode"),
        "latin1.txt": ("Café reopens\n\nIt is open.".encode("latin-1"), "decode"),
        "utf16-bom.txt": (ARTICLE.encode("utf-16"), None),
        "utf16-nobom.txt": (ARTICLE.encode("utf-16-le"), None),
        "mixed-eol.txt": (b"Title here\r\n\rBy Ana Ruiz\n\r\n\xe2\x80\x9cYes,\xe2\x80\x9d she said.\r", None),
        "controls.txt": (b"Ti\x01tle\x1b[0m\n\x0b\x0c\x1c\x1d\x1e\x7f body \xc2\x85 more\xe2\x80\xa8x", None),
        "two\nlines.txt": (ARTICLE.encode(), None),
    }
    expected: dict[str, str | None] = {}
    for name, (data, kind) in files.items():
        (root / name).write_bytes(data)
        expected[batch.output_name(name)] = kind
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "wb") as fh:  # a name that is not UTF-8
        fh.write(ARTICLE.encode())
    expected[batch.output_name(os.fsdecode(b"caf\xe9.txt"))] = None
    os.mkfifo(root / "pipe.txt")
    expected["pipe.json"] = "io"
    os.symlink("loop.txt", root / "loop.txt")
    expected["loop.json"] = "io"
    return expected


def test_bad_inputs_each_give_a_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    expected = _bad_tree(tmp_path / "in")
    out = tmp_path / "out"
    started = time.monotonic()
    res = cli(["extract", str(tmp_path / "in"), "-o", str(out), "--jobs", "2"])
    assert time.monotonic() - started < 30
    assert res.exit_code == 1
    for name, kind in expected.items():
        if kind is None:
            record = json.loads((out / name).read_text(encoding="utf-8"))
            assert record["schema_version"] == "1", name
        else:
            record = json.loads((out / (name[:-5] + ".error.json")).read_text(encoding="utf-8"))
            assert record["error"]["kind"] == kind, (name, record)
            assert record["error"]["message"]
    utf16 = json.loads((out / "utf16-nobom.json").read_text(encoding="utf-8"))
    assert_valid_output(utf16, ARTICLE)
    assert "Council Approves New Budget" in span_texts(utf16)


def test_latin1_decodes_with_encoding_option(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    text = "Café Reopens Downtown\n\nIt is open again, the owner said."
    f.write_bytes(text.encode("latin-1"))
    out = json.loads(cli(["extract", str(f), "--encoding", "latin-1"]).stdout)
    assert_valid_output(out, text)
    assert "Café Reopens Downtown" in span_texts(out)
    bad = json.loads(cli(["extract", str(f), "--encoding", "rot13"]).stdout)
    assert bad["error"]["kind"] == "decode"


def test_unreadable_file_and_directory_are_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    (root / "locked-dir").mkdir(parents=True)
    (root / "locked-dir" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "fine.txt").write_text(ARTICLE, encoding="utf-8")
    if os.geteuid() != 0:
        (root / "locked.txt").chmod(0)
        (root / "locked-dir").chmod(0)
    else:  # root reads everything: simulate the permission errors instead
        real_open, real_scandir = os.open, os.scandir

        def fake_open(path: Any, *a: Any, **kw: Any) -> int:
            if str(path).endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", path)
            return real_open(path, *a, **kw)

        def fake_scandir(path: Any = ".") -> Any:
            if str(path).endswith("locked-dir"):
                raise PermissionError(13, "Permission denied", path)
            return real_scandir(path)

        monkeypatch.setattr(decode.os, "open", fake_open)
        monkeypatch.setattr(os, "scandir", fake_scandir)
    try:
        res = cli(["extract", str(root)])
    finally:
        (root / "locked.txt").chmod(0o644)
        (root / "locked-dir").chmod(0o755)
    records = {Path(r["path"]).name: r for r in map(json.loads, res.stdout.splitlines())}
    assert records["locked.txt"]["error"]["kind"] == "io"
    assert "Permission denied" in records["locked.txt"]["error"]["message"]
    assert records["locked-dir"]["error"]["kind"] == "io"
    assert records["fine.txt"]["schema_version"] == "1"


# --- nothing lost: kills, resumes, dying workers -------------------------------------------------

def _wait_then_kill(proc: subprocess.Popen[bytes], ready: Any, limit: float = 60) -> None:
    end = time.monotonic() + limit
    while proc.poll() is None and not ready() and time.monotonic() < end:
        time.sleep(0.01)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its workers: the session we started
    proc.wait()


def _outputs(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.json"))}


def test_killed_directory_run_resumes_to_the_same_outputs(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for i in range(100):
        (root / f"d{i % 4}").mkdir(parents=True, exist_ok=True)
        (root / f"d{i % 4}" / f"a{i:03d}.txt").write_text(invented_article(i), encoding="utf-8")
    out, ref = tmp_path / "out", tmp_path / "ref"
    proc = subprocess.Popen(memory.cli_command("extract", str(root), "-o", str(out), "--jobs", "2"),
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_then_kill(proc, lambda: len(list(out.rglob("*.json"))) >= 8)
    assert proc.returncode == -signal.SIGKILL, "the run ended before the kill: make the corpus bigger"
    partial = _outputs(out)
    assert 0 < len(partial) < 100
    for name, text in partial.items():  # every file present is complete JSON
        assert json.loads(text)["schema_version"] == "1", name
    resumed = subprocess.run(memory.cli_command("extract", str(root), "-o", str(out), "--jobs", "2", "--skip-existing"),
                             capture_output=True, text=True, timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(partial)} skipped" in resumed.stderr
    subprocess.run(memory.cli_command("extract", str(root), "-o", str(ref), "--jobs", "2"), check=True,
                   capture_output=True, timeout=300)
    assert _outputs(out) == _outputs(ref)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")], "stale temp files were not cleaned"


def test_killed_jsonl_run_leaves_no_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": invented_article(i)}) + "\n" for i in range(100)),
                   encoding="utf-8")
    dest, ref = tmp_path / "res" / "out.jsonl", tmp_path / "ref.jsonl"
    args = ("extract", str(src), "--id-field", "id", "--jobs", "2", "-o")
    proc = subprocess.Popen(memory.cli_command(*args, str(dest)), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    temps = lambda: [p for p in dest.parent.glob(".out.jsonl.*.tmp") if p.stat().st_size > 20_000]
    _wait_then_kill(proc, lambda: dest.parent.exists() and bool(temps()))
    assert proc.returncode == -signal.SIGKILL
    assert not dest.exists(), "a killed run must not leave a partial out.jsonl"
    assert temps(), "the hidden temp file is where a killed run's partial output stays"
    subprocess.run(memory.cli_command(*args, str(dest)), check=True, capture_output=True, timeout=300)
    subprocess.run(memory.cli_command(*args, str(ref)), check=True, capture_output=True, timeout=300)
    assert dest.read_text(encoding="utf-8") == ref.read_text(encoding="utf-8")
    assert sorted(p.name for p in dest.parent.iterdir()) == ["out.jsonl"], "stale temp file not cleaned"


_ORIGINAL_PROCESS = batch.process


def _dying_process(task: batch.Task, opts: batch.Options) -> batch.Result:
    """batch.process, except that a worker meeting DIE-HERE exits on the spot (like a segfault)."""
    if task.text and "DIE-HERE" in task.text:
        os._exit(3)
    return _ORIGINAL_PROCESS(task, opts)


def _hanging_process(task: batch.Task, opts: batch.Options) -> batch.Result:
    """batch.process, except that HANG-HERE blocks every signal and sleeps (stuck C code)."""
    if task.text and "HANG-HERE" in task.text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return _ORIGINAL_PROCESS(task, opts)


def _unpicklable_process(task: batch.Task, opts: batch.Options) -> batch.Result:
    """batch.process, except that BAD-RESULT gives a result that cannot travel back from the worker."""
    if task.text and "BAD-RESULT" in task.text:
        return batch.Result(task, {**task.key, "oops": lambda: None})
    return _ORIGINAL_PROCESS(task, opts)


def _tasks(marker_at: int | set[int], marker: str, n: int = 10) -> list[batch.Task]:
    at = marker_at if isinstance(marker_at, set) else {marker_at}
    return [batch.Task({"id": i}, text=marker if i in at else invented_article(i, 2)) for i in range(n)]


def test_worker_death_costs_one_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "process", _dying_process)
    dying = {3, 4, 13}  # two in a row: the pool breaks again while the first is rerun
    results = list(batch.run(_tasks(dying, "DIE-HERE", 16), batch.Options(), jobs=2))
    assert [r.record["id"] for r in results] == list(range(16))
    assert all(results[i].record["error"]["kind"] == "worker_died" for i in dying)
    assert all(r.ok for i, r in enumerate(results) if i not in dying)


def test_a_result_that_cannot_come_back_costs_one_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "process", _unpicklable_process)
    results = list(batch.run(_tasks(4, "BAD-RESULT", 6), batch.Options(), jobs=2))
    assert results[4].record["error"]["kind"] == "internal"
    assert all(r.ok for i, r in enumerate(results) if i != 4)


def test_hung_worker_is_stopped_by_the_watchdog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "process", _hanging_process)
    monkeypatch.setattr(batch, "watchdog_seconds", lambda t: 2.5)  # parsing one small article takes ~0.1 s
    started = time.monotonic()
    results = list(batch.run(_tasks(2, "HANG-HERE", 6), batch.Options(), jobs=2))
    assert time.monotonic() - started < 20
    assert results[2].record["error"]["kind"] == "timeout"
    assert all(r.ok for i, r in enumerate(results) if i != 2)


# --- nothing written where it does not belong ----------------------------------------------------

def test_safe_relative_never_leaves_the_output_dir() -> None:
    for rel in ("../x.json", "/etc/x.json", "a/../../x.json", "..", "./.././a.json"):
        assert not batch.safe_relative(rel).startswith(("/", ".."))


def test_outputs_stay_under_o(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "link.txt")  # a file link out of the root
    os.symlink(outside, root / "linkdir")  # a directory link out of the root
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(outside, out / "sub")  # an output dir someone pointed elsewhere
    res = cli(["extract", str(root), "-o", str(out)])
    assert res.exit_code == 1
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"], "wrote outside -o"
    link = json.loads((out / "link.error.json").read_text(encoding="utf-8"))
    assert "outside the input directory" in link["error"]["message"]
    assert (out / "b.json").exists()
    assert "symlink leads out of the output directory" in res.stderr
    files = [p for p in out.rglob("*") if p.is_file()]
    assert all(os.path.realpath(p).startswith(os.path.realpath(out)) for p in files)


def test_files_from_anywhere_land_directly_under_o(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    a, b = tmp_path / "deep" / "er" / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "deep" / "out"
    rel_b = os.path.relpath(b, Path.cwd())  # a "../.."-style input path
    res = cli(["extract", str(a), rel_b, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_output_inside_the_input_tree_is_not_reparsed(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "a").write_text(ARTICLE, encoding="utf-8")  # a.txt and a would both be a.json
    for _ in range(2):
        res = cli(["extract", str(root), "-o", str(root / "out")])
        assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (root / "out").iterdir()) == ["a.json", "a.txt.json"]


# --- memory does not grow with the input ---------------------------------------------------------

@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_memory_does_not_grow_with_input(tmp_path: Path) -> None:
    """Peak RSS of a --jobs 2 run over 2.5 MB vs 25 MB of JSONL (`make fuzz` does 1 GB)."""
    peaks = []
    for records in (50, 500):
        src = tmp_path / f"records-{records}.jsonl"
        memory.write_records(src, records)
        peaks.append(memory.peak_rss_kib(src, tmp_path / f"out-{records}.jsonl"))
    small, big = peaks
    assert big - small < 10 * 1024, f"peak RSS grew from {small} KiB to {big} KiB; reading all would add ~24 MB"


# --- the output itself failing ---------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_on_stdout_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    with open("/dev/full", "w") as full:
        res = subprocess.run(memory.cli_command("extract", str(tmp_path)), stdout=full, stderr=subprocess.PIPE,
                             text=True, timeout=120, check=False)
    assert res.returncode == 1
    assert "No space left on device" in res.stderr and "Traceback" not in res.stderr


def test_single_input_with_o_directory_writes_inside_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    assert cli(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")]).exit_code == 0
    assert json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))["schema_version"] == "1"
