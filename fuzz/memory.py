"""Peak memory of a ``--jobs 2`` run over a big generated JSONL file: it must not grow with the input.

    python -m fuzz.memory --mb 1000        # `make fuzz` runs this with FUZZ_MEMORY_MB (default 1000)

Each record is ~50 KB, mostly a field newsparse does not parse, so a gigabyte is read quickly while
still holding real text to parse. The peak is VmHWM from /proc (Linux), the largest over the CLI
process and its workers. Prints one JSON line: input size, records, seconds, peak RSS.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RECORD = json.dumps({"text": "Plan Vote\n\n" + "a" * 2_000, "raw_html": "<p>" * 16_000}) + "\n"


def cli_command(*args: str) -> list[str]:
    """The installed console script when there is one, else the same entry point through -c."""
    script = Path(sys.executable).with_name("newsparse")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from newsparse.cli import main; main()", *args]


def write_records(path: Path, records: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(RECORD for _ in range(records))


def high_water_kib(pid: int) -> dict[int, int]:
    """VmHWM (peak RSS, KiB) of ``pid`` and its children, read from /proc."""
    peaks: dict[int, int] = {}
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for p in [pid, *map(int, kids)]:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[p] = int(line.split()[1])
    except (OSError, ValueError):
        pass  # a process ended between the reads
    return peaks


def peak_rss_kib(src: Path, out: Path, jobs: int = 2) -> int:
    """Run ``newsparse extract src -o out --jobs N``; the largest peak RSS of its processes, in KiB."""
    proc = subprocess.Popen(cli_command("extract", str(src), "--jobs", str(jobs), "-o", str(out)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    while proc.poll() is None:  # VmHWM only grows, so the last reading before exit is the peak
        peaks.update(high_water_kib(proc.pid))
        time.sleep(0.02)
    if proc.returncode != 0:
        raise RuntimeError(f"newsparse exited with {proc.returncode}")
    return max(peaks.values(), default=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1000.0, help="input size in MB")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    records = max(1, int(args.mb * 1e6 / len(RECORD)))
    with tempfile.TemporaryDirectory(prefix="newsparse-memory-") as tmp:
        src = Path(tmp) / "records.jsonl"
        write_records(src, records)
        started = time.monotonic()
        peak = peak_rss_kib(src, Path(tmp) / "out.jsonl", args.jobs)
        seconds = time.monotonic() - started
        size = src.stat().st_size
    print(json.dumps({"input_mb": round(size / 1e6, 1), "records": records, "jobs": args.jobs,
                      "seconds": round(seconds, 1), "peak_rss_mib": round(peak / 1024, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
