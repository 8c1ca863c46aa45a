"""Coverage-guided fuzzing with atheris (libFuzzer), for ``make fuzz FUZZ_ENGINE=atheris``.

    python -m pip install atheris
    python -m fuzz.atheris_run --seconds 300

The first input byte picks the target (even: :func:`fuzz.targets.check_parse` over the rest read as
UTF-8, bad bytes replaced; odd: :func:`fuzz.targets.check_decode` over the raw rest); libFuzzer
mutates towards new branches in newsparse, starting from the invented articles in ``fuzz/seeds/``
(new corpus entries go to a temporary folder, never into the seeds). Crashing inputs are written to
``fuzz/crashes/`` by libFuzzer itself.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["newsparse"]):
    import newsparse.decode  # noqa: F401 - instrumented for coverage
    from newsparse.pipeline import default_pipeline

    default_pipeline()  # imports the stage modules now, inside the instrumented block

from fuzz.targets import check_decode, check_parse

CRASHES = Path(__file__).resolve().parent / "crashes"
SEEDS = Path(__file__).resolve().parent / "seeds"
REFERENCE_DATES = [None, "2024-02-07"]


def one_input(data: bytes) -> None:
    if not data:
        return
    head, rest = data[0], data[1:]
    if head % 2:
        check_decode(rest, None)
        return
    check_parse(rest.decode("utf-8", "replace"), REFERENCE_DATES[(head >> 1) % 2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=300)
    args, libfuzzer_args = ap.parse_known_args()
    CRASHES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsparse-fuzz-corpus-") as corpus:
        argv = [sys.argv[0], f"-max_total_time={args.seconds}", f"-artifact_prefix={CRASHES}/", "-max_len=4096",
                "-print_final_stats=1", *libfuzzer_args, corpus, str(SEEDS)]
        atheris.Setup(argv, one_input)
        atheris.Fuzz()


if __name__ == "__main__":
    main()
