"""Scoring TimeML time expressions, TempEval-3 style, exactly as the dates corpus README defines it.

Gold records are the corpus lines (``{"id", "source", "text", "timexes": [...]}``); predictions map a
document id to a list of ``{"start", "end", "type", "value"}``. Matching is per document and one-to-one:
exact-span pairs first, then the largest overlaps among what is left.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .cases import Case, context
from .metrics import PRF, greedy_pairs, overlap, ratio, tokens, value_shape

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class DocMatch:
    """The pairs found in one document: ``strict`` ⊆ ``relaxed``, both as (gold index, pred index)."""

    gold: list[dict[str, Any]]
    pred: list[dict[str, Any]]
    strict: list[tuple[int, int]] = field(default_factory=list)
    relaxed: list[tuple[int, int]] = field(default_factory=list)


def _span(t: Mapping[str, Any]) -> tuple[int, int]:
    return int(t["start"]), int(t["end"])


def same_value(a: Any, b: Any, lenient: bool = False) -> bool:
    """Values compare as strings without outer whitespace; ``lenient`` also ignores case and the
    zero-padding of week numbers (``2000-W7`` = ``2000-W07``), two variants the gold itself uses.

    >>> same_value(" 1998-W08", "1998-W08"), same_value("2000-w7", "2000-W07", lenient=True)
    (True, True)
    """
    sa, sb = str(a or "").strip(), str(b or "").strip()
    if lenient:
        sa, sb = _lenient(sa), _lenient(sb)
    return sa == sb


def _lenient(value: str) -> str:
    out = value.upper()
    if "-W0" in out:
        out = out.replace("-W0", "-W")
    return out


def match_doc(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> DocMatch:
    """Strict pairs (same start and end) first, then overlap pairs greedily by largest overlap."""
    m = DocMatch(list(gold), list(pred))
    used_p: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and _span(g) == _span(p):
                m.strict.append((gi, pi))
                used_p.add(pi)
                break
    used_g = {gi for gi, _ in m.strict}
    candidates = [(overlap(_span(g), _span(p)), gi, pi)
                  for gi, g in enumerate(gold) if gi not in used_g
                  for pi, p in enumerate(pred) if pi not in used_p]
    loose = greedy_pairs((c for c in candidates if c[0] > 0), used_g, used_p)
    m.relaxed = m.strict + loose
    return m


@dataclass
class Tally:
    """Summed counts over a group of documents."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, m: DocMatch, lenient: bool) -> None:
        self.gold += len(m.gold)
        self.predicted += len(m.pred)
        self.strict += len(m.strict)
        self.relaxed += len(m.relaxed)
        for gi, pi in m.relaxed:
            g, p = m.gold[gi], m.pred[pi]
            self.type_ok += str(g.get("type", "")).strip() == str(p.get("type", "")).strip()
            self.value_ok += same_value(g.get("value"), p.get("value"), lenient)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "predicted": self.predicted,
            "strict": PRF.of(self.strict, self.predicted, self.gold).to_dict(),
            "relaxed": PRF.of(self.relaxed, self.predicted, self.gold).to_dict(),
            "type_accuracy": ratio(self.type_ok, self.relaxed),
            "value_accuracy": ratio(self.value_ok, self.relaxed),
            "type": PRF.of(self.type_ok, self.predicted, self.gold).to_dict(),
            "value": PRF.of(self.value_ok, self.predicted, self.gold).to_dict(),
        }


def _restrict(timexes: Sequence[Mapping[str, Any]], types: frozenset[str] | None) -> list[dict[str, Any]]:
    """Keep the timexes of ``types`` (a prediction without a type is kept, per the README)."""
    if types is None:
        return [dict(t) for t in timexes]
    return [dict(t) for t in timexes if not t.get("type") or t["type"] in types]


def match_all(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]],
              types: frozenset[str] | None = None) -> list[DocMatch]:
    """One :class:`DocMatch` per gold document; a document without prediction found nothing."""
    return [match_doc(_restrict(g["timexes"], types), _restrict(preds.get(g["id"]) or [], types)) for g in golds]


def score(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]], *,
          lenient: bool = False, types: frozenset[str] | None = None) -> dict[str, Any]:
    """All dates scores: overall, ``by_source`` and ``by_type`` (relaxed recall, value accuracy)."""
    matches = match_all(golds, preds, types)
    overall, by_source = Tally(), defaultdict(Tally)
    for g, m in zip(golds, matches):
        overall.add(m, lenient)
        by_source[str(g.get("source"))].add(m, lenient)
    known = {g["id"] for g in golds}
    return {
        "docs": len(golds),
        **overall.to_dict(),
        "by_source": {k: v.to_dict() for k, v in sorted(by_source.items())},
        "by_type": _by_type(matches, lenient),
        "unknown_ids": sorted(set(preds) - known),
        "options": {"lenient": lenient, "types": sorted(types) if types else None},
    }


def _by_type(matches: Sequence[DocMatch], lenient: bool) -> dict[str, Any]:
    gold_n: dict[str, int] = defaultdict(int)
    found: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    for m in matches:
        for g in m.gold:
            gold_n[g["type"]] += 1
        for gi, pi in m.relaxed:
            g = m.gold[gi]
            found[g["type"]] += 1
            right[g["type"]] += same_value(g.get("value"), m.pred[pi].get("value"), lenient)
    return {t: {"gold": gold_n[t], "relaxed_recall": ratio(found[t], gold_n[t]),
                "value_accuracy": ratio(right[t], found[t])} for t in sorted(gold_n, key=_type_order)}


def _type_order(t: str) -> tuple[int, str]:
    return (TYPES.index(t) if t in TYPES else len(TYPES), t)


# --- error cases -------------------------------------------------------------------------------------

def cases(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]], *,
          lenient: bool = False, types: frozenset[str] | None = None) -> list[Case]:
    """Every mistake, classed: missed / spurious (by type and value shape), wrong value (gold shape →
    our shape), wrong type, and extent (relaxed but not strict)."""
    out: list[Case] = []
    for g, m in zip(golds, match_all(golds, preds, types)):
        out.extend(_doc_cases(str(g["id"]), str(g["text"]), m, lenient))
    return out


def _doc_cases(doc_id: str, text: str, m: DocMatch, lenient: bool) -> list[Case]:
    out = []
    paired_g = {gi for gi, _ in m.relaxed}
    paired_p = {pi for _, pi in m.relaxed}
    strict = set(m.strict)
    for gi, g in enumerate(m.gold):
        if gi not in paired_g:
            out.append(Case(f"missed {g['type']} {value_shape(g['value'])}", doc_id,
                            _show(g), "—", context(text, *_span(g))))
    for pi, p in enumerate(m.pred):
        if pi not in paired_p:
            out.append(Case(f"spurious {p.get('type')} {value_shape(str(p.get('value')))}", doc_id,
                            "—", _show(p), context(text, *_span(p))))
    for gi, pi in m.relaxed:
        out.extend(_pair_cases(doc_id, text, m.gold[gi], m.pred[pi], (gi, pi) in strict, lenient))
    return out


def _pair_cases(doc_id: str, text: str, g: Mapping[str, Any], p: Mapping[str, Any], strict: bool,
                lenient: bool) -> list[Case]:
    out = []
    ctx = context(text, *_span(g))
    if not same_value(g.get("value"), p.get("value"), lenient):
        kind = _value_kind(str(g["value"]).strip(), str(p.get("value")).strip())
        out.append(Case(kind, doc_id, _show(g), _show(p), ctx))
    if str(g.get("type")) != str(p.get("type")):
        out.append(Case(f"type {g['type']} → {p.get('type')}", doc_id, _show(g), _show(p), ctx, 0.5))
    if not strict:
        out.append(Case(_extent_kind(text, _span(g), _span(p)), doc_id, _show(g), _show(p), ctx, 0.2))
    return out


def _value_kind(gold: str, ours: str) -> str:
    """A wrong value's class: the two shapes, and for two full dates how far apart they are.

    >>> _value_kind("2000-01-08", "2000-01-01"), _value_kind("1989-WXX", "1989-W43")
    ('value day off by 7 (a weekday resolved the wrong way?)', 'value 9999-WXX → 9999-W99')
    """
    try:
        days = (dt.date.fromisoformat(ours) - dt.date.fromisoformat(gold)).days
    except ValueError:
        return f"value {value_shape(gold)} → {value_shape(ours)}"
    if abs(days) == 7:
        return "value day off by 7 (a weekday resolved the wrong way?)"
    return f"value day off by {abs(days)}" if abs(days) <= 3 else "value day off by more than 3"


def _extent_kind(text: str, g: tuple[int, int], p: tuple[int, int]) -> str:
    """How our extent differs: the first word we add or drop, so systematic conventions stand out.

    >>> t = "in the last week."
    >>> _extent_kind(t, (7, 16), (3, 17)), _extent_kind(t, (3, 16), (7, 16)), _extent_kind(t, (0, 7), (3, 12))
    ('extent ours wider: adds "the"', 'extent ours narrower: drops "the"', 'extent shifted')
    """
    if p[0] <= g[0] and p[1] >= g[1]:
        return f"extent ours wider: adds {_first_word(text[p[0]:g[0]] + ' ' + text[g[1]:p[1]])}"
    if p[0] >= g[0] and p[1] <= g[1]:
        return f"extent ours narrower: drops {_first_word(text[g[0]:p[0]] + ' ' + text[p[1]:g[1]])}"
    return "extent shifted"


def _first_word(extra: str) -> str:
    words = tokens(extra)
    return f'"{words[0]}"' if words else "punctuation"


def _show(t: Mapping[str, Any]) -> str:
    return f"{t.get('text', '')!r} {t.get('type')} {t.get('value')}"
