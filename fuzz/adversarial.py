"""Full-size adversarial inputs: each must end in bounded time with a valid result or a timeout record.

    python -m fuzz.adversarial              # `make fuzz` runs it; --doc-timeout to try other budgets

The CI versions in tests/test_reliability.py are smaller. Here every input goes through the batch
runner's ``process`` with the CLI's default limits, and one 50 MB file goes through the CLI to show
``too_large``. Prints one line per input (outcome, seconds) and a JSON summary; exits 1 when an input
crashed or overran the hard limit.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fuzz.memory import cli_command
from fuzz.targets import check_parse
from newsparse import batch

MB = 1_000_000
INPUTS: dict[str, Callable[[], str]] = {
    "10MB_single_line": lambda: "a" * 10 * MB,
    "10MB_words_one_line": lambda: "word " * (2 * MB),
    "1M_straight_quotes": lambda: '"' * MB,
    "1M_curly_quotes": lambda: "“" * (MB // 2) + "”" * (MB // 2),
    "100k_said": lambda: "said " * 100_000,
    "1M_said": lambda: "said " * MB,
    "by_by_by": lambda: "By " * 1_000_000,
    "100k_byline_lines": lambda: "By Ana Ruiz\n" * 100_000,
    "100k_quotes_one_line": lambda: '"a b" said he. ' * 100_000,
    "unclosed_quote": lambda: "“" + "word " * MB,
    "1M_short_lines": lambda: "x\n" * MB,
    "1M_blank_lines": lambda: "\n" * MB,
    "month_soup": lambda: "Feb. 3, 2024 last week on Monday " * 100_000,
    "nested_brackets": lambda: "(" * 500_000 + ")" * 500_000,
    "odd_spaces": lambda: "\u00a0\u200b\ufeff\u2028\x85" * 400_000,
}


def run_one(name: str, make: Callable[[], str], doc_timeout: float) -> dict[str, object]:
    text = make()
    started = time.monotonic()
    result = batch.process(batch.Task({"id": name}, text=text), batch.Options(doc_timeout=doc_timeout))
    seconds = time.monotonic() - started
    outcome = "ok" if result.ok else result.record["error"]["kind"]
    if result.ok:
        check_parse(text, timeout=doc_timeout)  # the same input again, with every span checked
    bounded = seconds <= (batch.hard_seconds(doc_timeout) or 0) + 2
    return {"input": name, "chars": len(text), "outcome": outcome, "seconds": round(seconds, 2),
            "bounded": bounded}


def too_large_via_cli() -> dict[str, object]:
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        with open(big, "wb") as fh:
            fh.truncate(50 * MB)
        started = time.monotonic()
        res = subprocess.run(cli_command("extract", str(big)), capture_output=True, text=True, timeout=120, check=False)
    kind = json.loads(res.stdout)["error"]["kind"]
    return {"input": "50MB_file_cli", "outcome": kind, "seconds": round(time.monotonic() - started, 2),
            "bounded": kind == "too_large"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doc-timeout", type=float, default=batch.Options().doc_timeout)
    args = ap.parse_args(argv)
    rows = []
    for name, make in INPUTS.items():
        row = run_one(name, make, args.doc_timeout)
        rows.append(row)
        print(f"{name:24s} {row['outcome']:9s} {row['seconds']:7.2f}s", flush=True)
    rows.append(too_large_via_cli())
    bad = [r for r in rows if not r["bounded"] or r["outcome"] == "internal"]
    print(json.dumps({"doc_timeout": args.doc_timeout, "inputs": len(rows), "ok": sum(r["outcome"] == "ok" for r in rows),
                      "timeouts": sum(r["outcome"] == "timeout" for r in rows), "failures": bad}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
