"""``make fuzz``: run the fuzz targets for a set time and save every crash.

    python -m fuzz.run --seconds 300            # both targets, half the time each
    python -m fuzz.run --target decode --seconds 60 --seed 7

Hypothesis drives the search in rounds of fresh random examples until the time is up; a failing
example is shrunk to its smallest form and written to ``fuzz/crashes/<target>-<hash>.json``. Turn each
into a regression by moving the file to ``fuzz/regressions/`` (tests replay that folder) once fixed.
The last line printed is a JSON summary: executions, crashes, timeouts per target.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from fuzz.targets import (
    BYTES,
    REFERENCE_DATES,
    TEXTS,
    USER_ENCODINGS,
    check_decode,
    check_parse,
)

CRASHES = Path(__file__).resolve().parent / "crashes"
ROUND_EXAMPLES = 200


def _parse_case(example: tuple[str, str | None]) -> str:
    return check_parse(*example)


def _decode_case(example: tuple[bytes, str | None]) -> str:
    return check_decode(*example)


TARGETS: dict[str, tuple[Any, Callable[[Any], str]]] = {
    "parse": (st.tuples(TEXTS, REFERENCE_DATES), _parse_case),
    "decode": (st.tuples(BYTES, USER_ENCODINGS), _decode_case),
}


def as_fixture(target: str, example: Any, error: BaseException) -> dict[str, Any]:
    """A crash as a JSON regression fixture (bytes as hex, so any input survives the round trip)."""
    first, second = example
    case = {"text": first, "reference_date": second} if target == "parse" else {"data_hex": first.hex(), "encoding": second}
    return {"target": target, **case, "error": f"{type(error).__name__}: {error}"[:500]}


def fuzz(target: str, seconds: float, seed: int) -> dict[str, Any]:
    """Run one target for ``seconds``; returns its figures."""
    strategy, check = TARGETS[target]
    figures: dict[str, Any] = {"executions": 0, "timeouts": 0, "crashes": 0, "rounds": 0}
    last: list[Any] = [None]

    def body(example: Any) -> None:
        last[0] = example
        figures["executions"] += 1
        if check(example) == "timeout":
            figures["timeouts"] += 1

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        test = settings(max_examples=ROUND_EXAMPLES, deadline=None, database=None,
                        suppress_health_check=list(HealthCheck))(given(strategy)(body))
        try:
            hypothesis_seed(seed + figures["rounds"])(test)()
        except Exception as exc:  # noqa: BLE001 - a crash is what we are looking for
            figures["crashes"] += 1
            _save_crash(target, last[0], exc)
        figures["rounds"] += 1
    return figures


def _save_crash(target: str, example: Any, error: BaseException) -> None:
    fixture = as_fixture(target, example, error)
    digest = hashlib.sha1(json.dumps(fixture, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"{target}-{digest}.json"
    path.write_text(json.dumps(fixture, ensure_ascii=True, indent=2) + "\n", encoding="utf-8")
    print(f"fuzz: CRASH in {target}: {fixture['error']} -> {path}", file=sys.stderr)
    traceback.print_exception(error, limit=-4, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300.0, help="total time, split over the targets")
    ap.add_argument("--target", choices=sorted(TARGETS), action="append", help="default: all")
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    args = ap.parse_args(argv)
    targets = args.target or sorted(TARGETS)
    started = time.monotonic()
    report = {t: fuzz(t, args.seconds / len(targets), args.seed) for t in targets}
    summary = {"seed": args.seed, "seconds": round(time.monotonic() - started, 1), "targets": report}
    print(json.dumps(summary))
    return 1 if any(r["crashes"] for r in report.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
