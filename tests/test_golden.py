"""Golden fixtures: invented articles and what a careful human reader expects newsparse to make of them.

Each ``fixtures/golden/<name>.txt`` has a ``<name>.expected.json`` beside it. The expected file states
the reader's expectation, not what the code happens to output, and compares field by field with some
slack for harmless differences (case, curly vs straight quotes, surrounding whitespace and marks).
Every key is optional; a key that is absent is not checked.

Expected-file schema (one JSON object)::

    "covers":        str            free text: the patterns this fixture exercises (not checked)
    "parse":         {"reference_date": "YYYY-MM-DD"}   keyword arguments for newsparse.parse
    "headline":      str | null     the headline text (null: no headline at all)
    "dek":           str | null     the standfirst text
    "authors":       [{"name", "role"?, "bio_startswith"?}]
                                    exactly these authors, in any order, no duplicates and no others;
                                    names compare casefolded
    "published":     "YYYY-MM-DD" | null
    "reference_date": {"value": "YYYY-MM-DD" | null, "source": "given|published|inferred|none",
                       "evidence_contains"?: str}       evidence span must contain that string
    "images":        [{"caption_startswith", "credit": str | null}]  exactly these, in order; the
                                    predicted credit must contain the expected one and may add at most
                                    a short label ("Photo: ", "Photo by ")
    "body_count": N, "body_first": prefix, "body_last": prefix, "body_absent": [substring, ...]
    "boilerplate_contains": [str]   each is part of some dropped span;  "boilerplate_count": N
    "dates":         [{"text", "value", "type"?, "after"?}]
                                    the first occurrence of "text" (after the first occurrence of
                                    "after", when given) must overlap a predicted date with that TimeML
                                    value (and type);  "dates_count": N  (exact number of dates)
    "dates_absent":  [str]          no predicted DATE/TIME with a calendar value (anything but *_REF)
                                    overlaps any occurrence: these are numbers or phrases, not dates
                                    (a DURATION for an age or a SET for "every day" is allowed)
    "quotes":        [{"text_startswith", "text_endswith"?, "kind": str | [str], "speaker": str | null}]
                                    each must be found with that kind (item "quotes"; quote text
                                    compared without marks and edge punctuation) and, when found, have
                                    that speaker (item "speakers"), matched as the scorer does: titles
                                    dropped, same last token or one's tokens within the other's
    "quotes_exhaustive": bool       no other non-term quotes than those listed (item "quotes_extra")
    "quotes_terms":  [str]          quoted names/terms: not reported, or reported as kind "term"
                                    with no speaker
    "quotes_absent": [prefix]       no quote starts with this (e.g. text after an in-word apostrophe)
    "known_gaps":    [item]         items expected to fail for now: marked xfail(strict=True), so a
                                    fixed gap fails until it is removed from this list

Test items per fixture (``known_gaps`` names them): headline, dek, authors, published,
reference_date, images, body, boilerplate, dates, dates_absent, quotes, speakers, quotes_extra, terms,
quotes_absent, plus the
checks every fixture gets: schema (valid output, spans slice back), deterministic (same output twice,
and from a fresh interpreter with another hash seed),
apostrophes (no quote opens or closes at an apostrophe inside a word), crlf_bom_nbsp (the same text
with CRLF line ends, a BOM and non-breaking spaces gives the same spans, shifted only by the
inserted characters).

``NEWSPARSE_IGNORE_GAPS=1 pytest tests/test_golden.py`` runs the known gaps as plain tests, to see
what still fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Any

import pytest

import newsparse

from conftest import FIXTURES, assert_valid_output

GOLDEN = FIXTURES / "golden"
_IGNORE_GAPS = os.environ.get("NEWSPARSE_IGNORE_GAPS") == "1"  # run known gaps as plain tests
Record = dict[str, Any]
Expected = dict[str, Any]

_QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                             "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-"})
_EDGE = " \t\r\n\u00a0\u202f\"'‘’‚“”„«»‹›,.;:!?…"
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "president", "the", "judge", "mayor", "by"})


# ---------------------------------------------------------------- loading and parsing (cached)

def _fixture_names() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in GOLDEN.glob("*.expected.json"))


@cache
def _text(name: str) -> str:
    return (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")


@cache
def _expected(name: str) -> Expected:
    return json.loads((GOLDEN / f"{name}.expected.json").read_text(encoding="utf-8"))


def _parse(text: str, expected: Expected) -> Record:
    return newsparse.parse(text, **expected.get("parse", {})).to_dict()


@cache
def _output(name: str) -> str:
    """The output as JSON text, so every test gets a fresh, unshared copy."""
    return json.dumps(_parse(_text(name), _expected(name)), ensure_ascii=False)


def _record(name: str) -> Record:
    return json.loads(_output(name))


# ---------------------------------------------------------------- comparison helpers

def _norm(text: str | None) -> str:
    """Casefold, fold quote marks and dashes, collapse whitespace: 'Judge’s  Plan' -> "judge's plan"."""
    return " ".join((text or "").translate(_QUOTE_FOLD).casefold().split())


def _norm_quote(text: str) -> str:
    """Quote text without surrounding marks, spaces and edge punctuation."""
    return _norm(text.strip(_EDGE))


def _tokens(name: str) -> list[str]:
    cleaned = "".join(ch if ch.isalnum() else " " for ch in _norm(name).replace("'s ", " "))
    return [t for t in cleaned.split() if t not in _TITLES]


def _same_speaker(expected: str, predicted: str) -> bool:
    """The scorer's name rule: same last token, or one's tokens all within the other's."""
    exp, pred = _tokens(expected), _tokens(predicted)
    if not exp or not pred:
        return False
    return exp[-1] == pred[-1] or set(exp) <= set(pred) or set(pred) <= set(exp)


def _locate(text: str, needle: str, after: str | None = None) -> tuple[int, int]:
    begin = 0
    if after is not None:
        anchor = text.find(after)
        assert anchor >= 0, f"fixture lacks the anchor {after!r}"
        begin = anchor + len(after)
    start = text.find(needle, begin)
    assert start >= 0, f"fixture lacks {needle!r}"
    return start, start + len(needle)


def _occurrences(text: str, needle: str) -> Iterator[tuple[int, int]]:
    start = text.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)


def _overlaps(span: Record, start: int, end: int) -> bool:
    return span["start"] < end and start < span["end"]


def _summary(items: list[Record], *keys: str) -> list[tuple[Any, ...]]:
    """A compact view of predicted items for assertion messages."""
    return [tuple(item.get(k) for k in keys) for item in items]


# ---------------------------------------------------------------- field checks

def check_headline(out: Record, exp: Expected, text: str) -> None:
    got = out["headline"]["text"] if out["headline"] else None
    if exp["headline"] is None:
        assert got is None, f"no headline expected, got {got!r}"
    else:
        assert _norm(got) == _norm(exp["headline"]), got


def check_dek(out: Record, exp: Expected, text: str) -> None:
    got = out["dek"]["text"] if out["dek"] else None
    if exp["dek"] is None:
        assert got is None, f"no dek expected, got {got!r}"
    else:
        assert _norm(got) == _norm(exp["dek"]), got


def check_authors(out: Record, exp: Expected, text: str) -> None:
    got = {_norm(a["name"]): a for a in out["authors"]}
    assert len(got) == len(out["authors"]), f"duplicate authors: {[a['name'] for a in out['authors']]}"
    assert sorted(got) == sorted(_norm(a["name"]) for a in exp["authors"]), list(got)
    for want in exp["authors"]:
        author = got[_norm(want["name"])]
        if "role" in want:
            assert _norm(author["role"]) == _norm(want["role"]), author
        if "bio_startswith" in want:
            assert _norm(author["bio"]).startswith(_norm(want["bio_startswith"])), author


def check_published(out: Record, exp: Expected, text: str) -> None:
    got = out["published"]["value"] if out["published"] else None
    assert got == exp["published"], out["published"]


def check_reference_date(out: Record, exp: Expected, text: str) -> None:
    ref, want = out["reference_date"], exp["reference_date"]
    assert (ref["value"], ref["source"]) == (want["value"], want["source"]), ref
    if "evidence_contains" in want:
        assert ref["evidence"] is not None, ref
        assert want["evidence_contains"] in ref["evidence"]["text"], ref


def _credit_matches(predicted: Record | None, expected: str | None) -> bool:
    if expected is None or predicted is None:
        return expected is None and predicted is None
    got = _norm(predicted["text"])
    return _norm(expected) in got and len(got) <= len(_norm(expected)) + 12


def check_images(out: Record, exp: Expected, text: str) -> None:
    images = out["images"]
    shown = [(i["caption"]["text"][:40], i["credit"] and i["credit"]["text"]) for i in images]
    assert len(images) == len(exp["images"]), shown
    for image, want in zip(images, exp["images"]):
        assert _norm(image["caption"]["text"]).startswith(_norm(want["caption_startswith"])), shown
        assert _credit_matches(image["credit"], want["credit"]), (want["credit"], shown)


def check_body(out: Record, exp: Expected, text: str) -> None:
    paragraphs = [p["text"] for p in out["body"]]
    heads = [p[:30] for p in paragraphs]
    if "body_count" in exp:
        assert len(paragraphs) == exp["body_count"], heads
    if "body_first" in exp:
        assert paragraphs and _norm(paragraphs[0]).startswith(_norm(exp["body_first"])), heads[:3]
    if "body_last" in exp:
        assert paragraphs and _norm(paragraphs[-1]).startswith(_norm(exp["body_last"])), heads[-3:]
    for junk in exp.get("body_absent", []):
        hits = [p[:60] for p in paragraphs if junk in p]
        assert not hits, f"{junk!r} is in the body: {hits}"


def check_boilerplate(out: Record, exp: Expected, text: str) -> None:
    dropped = [b["text"] for b in out["boilerplate"]]
    if "boilerplate_count" in exp:
        assert len(dropped) == exp["boilerplate_count"], dropped
    missing = [s for s in exp.get("boilerplate_contains", []) if not any(s in d for d in dropped)]
    assert not missing, f"not dropped as boilerplate: {missing}; dropped: {dropped}"


def check_dates(out: Record, exp: Expected, text: str) -> None:
    dates = out["dates"]
    shown = _summary(dates, "text", "type", "value")
    if "dates_count" in exp:
        assert len(dates) == exp["dates_count"], shown
    missing = []
    for want in exp["dates"]:
        start, end = _locate(text, want["text"], want.get("after"))
        found = [d for d in dates if _overlaps(d, start, end) and d["value"] == want["value"]
                 and d["type"] == want.get("type", d["type"])]
        if not found:
            missing.append(want)
    assert not missing, f"missing {missing}; predicted {shown}"


def _is_calendar(date: Record) -> bool:
    return date["type"] in ("DATE", "TIME") and not date["value"].endswith("_REF")


def check_dates_absent(out: Record, exp: Expected, text: str) -> None:
    wrong = []
    for phrase in exp["dates_absent"]:
        for start, end in _occurrences(text, phrase):
            wrong += [(phrase, d["text"], d["value"]) for d in out["dates"]
                      if _is_calendar(d) and _overlaps(d, start, end)]
    assert not wrong, f"invented dates: {wrong}"


def _find_quote(quotes: list[Record], want: Expected) -> Record | None:
    prefix = _norm_quote(want["text_startswith"])
    for quote in quotes:
        body = _norm_quote(quote["text"])
        if body.startswith(prefix) and body.endswith(_norm_quote(want.get("text_endswith", ""))):
            return quote
    return None


def _quote_summary(quotes: list[Record]) -> list[tuple[str, str, str | None]]:
    return [(q["text"][:35], q["kind"], q["speaker"] and q["speaker"]["name"]) for q in quotes]


def check_quotes(out: Record, exp: Expected, text: str) -> None:
    """Every expected quote is found, with the right kind (speakers are their own item)."""
    problems = {}
    for want in exp["quotes"]:
        quote = _find_quote(out["quotes"], want)
        kinds = want["kind"] if isinstance(want["kind"], list) else [want["kind"]]
        if quote is None or quote["kind"] not in kinds:
            problems[want["text_startswith"]] = quote and f"kind {quote['kind']}" or "not found"
    assert not problems, f"{problems}; predicted {_quote_summary(out['quotes'])}"


def check_speakers(out: Record, exp: Expected, text: str) -> None:
    """Every expected quote that is found has the reader's speaker (or none, when none is expected)."""
    problems = {}
    for want in exp["quotes"]:
        quote = _find_quote(out["quotes"], want)
        got = quote and quote["speaker"] and quote["speaker"]["name"]
        if quote is None:
            continue
        if want["speaker"] is None and got is not None or \
                want["speaker"] is not None and (got is None or not _same_speaker(want["speaker"], got)):
            problems[want["text_startswith"]] = f"{got!r}, expected {want['speaker']!r}"
    assert not problems, problems


def check_quotes_extra(out: Record, exp: Expected, text: str) -> None:
    """No quotes beyond those the reader lists (names/terms aside)."""
    extra = [q for q in out["quotes"] if q["kind"] != "term" and not any(
        _find_quote([q], want) for want in exp["quotes"])]
    assert not extra, f"extra quotes: {_quote_summary(extra)}"


def check_terms(out: Record, exp: Expected, text: str) -> None:
    for term in exp["quotes_terms"]:
        hits = [q for q in out["quotes"] if _norm_quote(q["text"]).startswith(_norm_quote(term))]
        wrong = [(q["kind"], q["speaker"]) for q in hits if q["kind"] != "term" or q["speaker"] is not None]
        assert not wrong, f"{term!r} is a name, not speech: {wrong}"


def check_quotes_absent(out: Record, exp: Expected, text: str) -> None:
    for prefix in exp["quotes_absent"]:
        hits = [q["text"][:50] for q in out["quotes"] if _norm_quote(q["text"]).startswith(_norm(prefix))]
        assert not hits, f"a quote starts with {prefix!r}: {hits}"


FIELD_CHECKS: dict[str, tuple[str, Callable[[Record, Expected, str], None]]] = {
    # item name: (key that must be in the expected file, check)
    "headline": ("headline", check_headline),
    "dek": ("dek", check_dek),
    "authors": ("authors", check_authors),
    "published": ("published", check_published),
    "reference_date": ("reference_date", check_reference_date),
    "images": ("images", check_images),
    "body": ("body_count", check_body),
    "boilerplate": ("boilerplate_contains", check_boilerplate),
    "dates": ("dates", check_dates),
    "dates_absent": ("dates_absent", check_dates_absent),
    "quotes": ("quotes", check_quotes),
    "speakers": ("quotes", check_speakers),
    "quotes_extra": ("quotes_exhaustive", check_quotes_extra),
    "terms": ("quotes_terms", check_terms),
    "quotes_absent": ("quotes_absent", check_quotes_absent),
}
GENERIC_ITEMS = ("schema", "deterministic", "apostrophes", "crlf_bom_nbsp")


def _has_item(exp: Expected, item: str) -> bool:
    key = FIELD_CHECKS[item][0]
    if item == "quotes_extra":
        return bool(exp.get(key))
    alternatives = {"body": ("body_count", "body_first", "body_last", "body_absent"),
                    "boilerplate": ("boilerplate_contains", "boilerplate_count")}
    return any(k in exp for k in alternatives.get(item, (key,)))


def _params(items: list[str]) -> list[Any]:
    """(fixture, item) pairs; those listed in the fixture's known_gaps are strict xfails."""
    params = []
    for name in _fixture_names():
        exp = _expected(name)
        gaps = set(exp.get("known_gaps", []))
        unknown = gaps - set(FIELD_CHECKS) - set(GENERIC_ITEMS)
        assert not unknown, f"{name}: unknown known_gaps {unknown}"
        for item in items:
            if item in FIELD_CHECKS and not _has_item(exp, item):
                continue
            marks = [] if item not in gaps or _IGNORE_GAPS else \
                [pytest.mark.xfail(strict=True, reason=f"known gap listed in {name}.expected.json")]
            params.append(pytest.param(name, item, id=f"{name}-{item}", marks=marks))
    return params


def test_golden_fixtures_exist() -> None:
    names = _fixture_names()
    assert len(names) >= 12, names
    for name in names:
        assert (GOLDEN / f"{name}.txt").is_file(), name


@pytest.mark.parametrize(("name", "item"), _params(list(FIELD_CHECKS)))
def test_golden_field(name: str, item: str) -> None:
    exp = _expected(name)
    FIELD_CHECKS[item][1](_record(name), exp, _text(name))


# ---------------------------------------------------------------- checks every fixture gets

def _check_schema(name: str) -> None:
    assert_valid_output(_record(name), _text(name))


_OTHER_PROCESS = """
import json, sys
import newsparse
from pathlib import Path
golden = Path(sys.argv[1])
out = {}
for name in sys.argv[2:]:
    expected = json.loads((golden / f"{name}.expected.json").read_text(encoding="utf-8"))
    text = (golden / f"{name}.txt").read_text(encoding="utf-8")
    out[name] = json.dumps(newsparse.parse(text, **expected.get("parse", {})).to_dict(), ensure_ascii=False)
print(json.dumps(out))
"""


@lru_cache(maxsize=1)
def _outputs_in_another_process() -> dict[str, str]:
    """Every fixture parsed by a fresh interpreter with another hash seed: set and dict order in the
    stages must not leak into the output."""
    env = {**os.environ, "PYTHONHASHSEED": "271828"}
    done = subprocess.run([sys.executable, "-c", _OTHER_PROCESS, str(GOLDEN), *_fixture_names()],
                          capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(done.stdout)


def _check_deterministic(name: str) -> None:
    again = json.dumps(_parse(_text(name), _expected(name)), ensure_ascii=False)
    assert again == _output(name), "a second parse in the same process differs"
    other = json.loads(_outputs_in_another_process()[name])
    assert other == _record(name), _first_difference(_record(name), other)


def _in_word_apostrophe(text: str, pos: int) -> bool:
    """An apostrophe at ``pos`` with letters on both sides: Ma’arouf, O'Hara, l’Église."""
    return 0 < pos < len(text) - 1 and text[pos] in "’'" and text[pos - 1].isalpha() and text[pos + 1].isalpha()


def _check_apostrophes(name: str) -> None:
    text = _text(name)
    bad = [q["text"][:40] for q in _record(name)["quotes"]
           if _in_word_apostrophe(text, q["start"] - 1) or _in_word_apostrophe(text, q["end"])]
    assert not bad, f"quotes bounded by an in-word apostrophe: {bad}"


_NBSP_EVERY = 4  # every 4th space becomes a non-breaking space in the variant


def _variant(text: str) -> tuple[str, list[int]]:
    """``text`` with a BOM, CRLF line ends and some NBSPs, and a map from its offsets back to ``text``'s."""
    out, back, spaces = ["\ufeff"], [0], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append("\r")
            back.append(i)
        if ch == " ":
            spaces += 1
            ch = "\u00a0" if spaces % _NBSP_EVERY == 0 else ch
        out.append(ch)
        back.append(i)
    back.append(len(text))
    return "".join(out), back


def _fold_variant(node: Any, back: list[int] | None) -> Any:
    """Map span offsets back (when ``back`` is given) and fold the variant's inserted characters out of
    every string, so that the two outputs can be compared as wholes."""
    if isinstance(node, dict):
        folded = {k: _fold_variant(v, back) for k, v in node.items()}
        if back is not None and {"text", "start", "end"} <= node.keys() and isinstance(node["start"], int):
            folded["start"], folded["end"] = back[node["start"]], back[node["end"]]
        return folded
    if isinstance(node, list):
        return [_fold_variant(v, back) for v in node]
    if isinstance(node, str):
        return node.replace("\r", "").replace("\ufeff", "").replace("\u00a0", " ")
    return node


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a.keys() | b.keys():
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{path}.{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {a!r} != {b!r}"[:400]


def _check_crlf_bom_nbsp(name: str) -> None:
    text, exp = _text(name), _expected(name)
    variant, back = _variant(text)
    out = _parse(variant, exp)
    assert_valid_output(out, variant)
    plain, shifted = _fold_variant(_record(name), None), _fold_variant(out, back)
    assert plain == shifted, _first_difference(plain, shifted)


GENERIC_CHECKS: dict[str, Callable[[str], None]] = {
    "schema": _check_schema,
    "deterministic": _check_deterministic,
    "apostrophes": _check_apostrophes,
    "crlf_bom_nbsp": _check_crlf_bom_nbsp,
}


@pytest.mark.parametrize(("name", "item"), _params(list(GENERIC_CHECKS)))
def test_golden_invariant(name: str, item: str) -> None:
    GENERIC_CHECKS[item](name)


def test_variant_maps_offsets_back() -> None:
    """The helper itself: every original character is found at its mapped-back offset."""
    text = "Ab cd ef gh\nij kl\n"
    variant, back = _variant(text)
    assert variant.startswith("\ufeff") and "\r\n" in variant and "\u00a0" in variant
    for i2, ch in enumerate(variant):
        if ch not in "\ufeff\r":
            assert text[back[i2]] == (" " if ch == "\u00a0" else ch)
    assert back[len(variant)] == len(text)


def test_speaker_rule() -> None:
    assert _same_speaker("Helen Achterberg", "Ms. Achterberg")
    assert _same_speaker("county health department", "The county health department")
    assert not _same_speaker("Calder Water Board", "the statement")
    assert not _same_speaker("Gloria Pemberton", "she")
