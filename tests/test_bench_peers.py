"""The quotes peer of `make bench`: textacy's output turned into our prediction shape, scored by our
scorer, and the bench's partial runs recorded without touching the other parts.

spaCy and textacy live only in `.venv-bench`, so these tests drive the conversion with tiny stand-ins
for spaCy's tokens and spans (they have ``idx``/``text``, ``start_char``/``end_char``)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsparse.evaluate import quotes as quote_scorer

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def peer() -> Any:
    return _load("textacy_peer")


@pytest.fixture(scope="module")
def bench() -> Any:
    return _load("run")


@dataclass
class Tok:
    text: str
    idx: int
    i: int = 0
    is_space: bool = False


@dataclass
class Content:
    start_char: int
    end_char: int


def tokens(text: str, words: list[str]) -> list[Tok]:
    """Stand-in tokens for ``words`` found left to right in ``text``."""
    out, cursor = [], 0
    for i, w in enumerate(words):
        at = text.index(w, cursor)
        out.append(Tok(w, at, i, w.isspace()))
        cursor = at + len(w)
    return out


TEXT = 'The council met.\n\n"We will fix the bridge by spring," said Mayor Ana Ruiz.'


def test_speaker_mention_spans_all_speaker_tokens(peer: Any) -> None:
    speaker = tokens(TEXT, ["Mayor", "Ana", "Ruiz"])
    assert TEXT[slice(*peer.char_span(speaker))] == "Mayor Ana Ruiz"


def test_triple_becomes_a_quote_in_our_shape_with_offsets_into_the_article(peer: Any) -> None:
    start = TEXT.index('"We')
    end = TEXT.index(',"') + 2
    quote = peer.to_quote(TEXT, tokens(TEXT, ["Mayor", "Ana", "Ruiz"]), Content(start, end))
    assert quote["text"] == TEXT[quote["start"]:quote["end"]] == '"We will fix the bridge by spring,"'
    mention = quote["speaker"]["mention"]
    assert TEXT[mention["start"]:mention["end"]] == mention["text"] == "Mayor Ana Ruiz"


def test_triple_from_a_paragraph_doc_is_shifted_by_the_paragraph_offset(peer: Any) -> None:
    para_start = TEXT.index('"We')
    para = TEXT[para_start:]
    quote = peer.to_quote(TEXT, tokens(para, ["Ruiz"]), Content(0, para.index(',"') + 2), para_start)
    assert quote["text"].startswith('"We will')
    assert quote["speaker"]["mention"]["text"] == "Ruiz"


def test_paragraphs_split_at_line_break_tokens(peer: Any) -> None:
    doc = tokens(TEXT, ["The", "council", "met", ".", "\n\n", '"', "We", "will"])
    parts = peer.paragraphs(doc)
    assert [[t.text for t in p] for p in parts] == [["The", "council", "met", "."], ['"', "We", "will"]]


def test_converted_quote_scores_as_a_match_with_the_right_speaker(peer: Any) -> None:
    start, end = TEXT.index('"We'), TEXT.index(',"') + 2
    gold = {"id": "d1", "text": TEXT, "meta": {"publisher": "x"},
            "quotes": [{"start": start + 1, "end": end - 1, "text": TEXT[start + 1:end - 1],
                        "speaker": "Mayor Ana Ruiz", "speaker_start": TEXT.index("Mayor"),
                        "speaker_end": TEXT.index("Mayor") + len("Mayor Ana Ruiz")}]}
    pred = peer.to_quote(TEXT, tokens(TEXT, ["Ana", "Ruiz"]), Content(start, end))
    score = quote_scorer.score([gold], {"d1": [pred]})
    assert score["quotes"]["f1"] == 1.0
    assert score["end_to_end"]["f1"] == 1.0


def test_quote_row_gives_the_speed_ratio_by_cpu_seconds(bench: Any) -> None:
    score = {"quotes": {"p": 1.0, "r": 0.5, "f1": 2 / 3}, "speaker_accuracy": 0.75, "speaker_scored": 4,
             "end_to_end": {"p": 0.75, "r": 0.375, "f1": 0.5}}
    row = bench.quote_row("peer", score, 10, wall=5.0, cpu=4.0, reference_cpu=0.4, remark="")
    assert row[1:4] == ["1.000/0.500/0.667", "0.750 (4)", "0.750/0.375/0.500"]
    assert row[4:7] == ["2.0", "2.5", "0.100× (1/10)"]
    assert bench.quote_row("us", score, 10, 1.0, 0.4, 0.4, "")[6] == "1.00 (reference)"


def test_missing_bench_venv_gives_a_not_run_row(bench: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(bench, "BENCH_VENV", tmp_path / "absent")
    record = {"id": "d1", "text": TEXT, "quotes": [], "meta": {"publisher": "x"}}
    rows = bench.quote_peer_rows([record])
    assert rows[0][0].startswith("newsparse")
    assert rows[1][-1] == bench.NO_PEER_VENV


def test_partial_record_replaces_only_its_own_block(bench: Any) -> None:
    doc = ("# R\n<!-- bench:begin -->\nhead\n<!-- bench-speed:begin -->\nspeed\n<!-- bench-speed:end -->\n"
           "<!-- bench:end -->\ntail\n")
    added = bench.record_part(doc, "bench-quotes", "quotes v1")
    assert added.index("speed") < added.index("quotes v1") < added.index("<!-- bench:end -->")
    again = bench.record_part(added, "bench-quotes", "quotes v2")
    assert "quotes v1" not in again and "quotes v2" in again and "speed" in again and again.endswith("tail\n")
