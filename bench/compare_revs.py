"""`make bench-compare REV=<commit>`: is this tree faster or slower than another revision?

Bare seconds on a shared machine say little; a ratio measured in one run says more. This script checks
out ``--base`` (default ``HEAD``) into a temporary folder with ``git archive`` and then times
``newsparse.parse`` over the same article texts, alternating base and working tree round after round,
each round in a fresh interpreter (so neither side inherits the other's imports or caches). It prints
each side's median docs/s and CPU-seconds, and the ratio of the medians, as a markdown table.

The working tree's ``src`` is measured as it is, uncommitted changes included.

Usage:
    python bench/compare_revs.py --base 4e24a42 [--rounds 5] [--share 0.25]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Runs inside a fresh interpreter whose sys.path starts with the measured ``src``: parse every text
# once to warm up caches (lexicons, compiled patterns), then time one full pass.
_PROBE = """
import json, sys, time
import newsparse
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for t in texts[:20]:
    newsparse.parse(t)
t0, c0 = time.perf_counter(), time.process_time()
for t in texts:
    newsparse.parse(t)
print(json.dumps({"docs": len(texts), "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "module": newsparse.__file__}))
"""


def export_rev(rev: str, into: Path) -> Path:
    """``src/`` of ``rev`` unpacked under ``into``; returns the path to put on ``PYTHONPATH``."""
    archive = into / "src.tar"
    subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), rev, "src"], check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def write_sample(corpus: Path, share: float, into: Path) -> Path:
    """An even ``share`` of the corpus's records, written as JSONL for both sides to read."""
    records = [line for line in corpus.read_text(encoding="utf-8").split("\n") if line.strip()]  # not splitlines: JSON may hold U+2028
    step = max(1, round(1 / share)) if share < 1 else 1
    path = into / "sample.jsonl"
    path.write_text("\n".join(records[::step]) + "\n", encoding="utf-8")
    return path


def probe(src: Path, sample: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(sample)], check=False, env=env, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise SystemExit(f"the probe failed on {src}:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["module"].startswith(str(src)):
        raise SystemExit(f"measured the wrong package: {result['module']} is not under {src}")
    return result


def summary(runs: list[dict[str, Any]]) -> dict[str, float]:
    return {"docs_per_s": statistics.median(r["docs"] / r["seconds"] for r in runs),
            "cpu_s": statistics.median(r["cpu"] for r in runs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="HEAD", help="the revision to compare against (default HEAD)")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds per side (default 5)")
    ap.add_argument("--share", type=float, default=0.25, help="share of the articles corpus to parse (default 0.25)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "articles" / "articles.jsonl")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsparse-compare-") as tmp:
        base_src = export_rev(args.base, Path(tmp))
        sample = write_sample(args.corpus, args.share, Path(tmp))
        sides: dict[str, list[dict[str, Any]]] = {"base": [], "tree": []}
        for i in range(args.rounds):
            order = (("base", base_src), ("tree", ROOT / "src"))
            for name, src in order if i % 2 == 0 else reversed(order):
                sides[name].append(probe(src, sample))
            print(f"round {i + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    base, tree = summary(sides["base"]), summary(sides["tree"])
    docs = sides["tree"][0]["docs"]
    print(f"In-process `newsparse.parse` over {docs} article pages, {args.rounds} alternating rounds per side, "
          f"medians (`python bench/compare_revs.py --base {args.base} --rounds {args.rounds} --share {args.share}`):\n")
    print("| side | docs/s | CPU s per pass |\n|---|---:|---:|")
    print(f"| base `{args.base}` | {base['docs_per_s']:.1f} | {base['cpu_s']:.2f} |")
    print(f"| working tree | {tree['docs_per_s']:.1f} | {tree['cpu_s']:.2f} |")
    print(f"| tree / base | {tree['docs_per_s'] / base['docs_per_s']:.2f}× | {tree['cpu_s'] / base['cpu_s']:.2f}× |")


if __name__ == "__main__":
    main()
