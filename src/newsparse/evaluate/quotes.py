"""Scoring direct quotations and their speakers, as CONTRACT.md defines it.

Gold records are the quotes corpus lines (``{"id", "text", "quotes": [...], "meta": {"publisher"}}``);
predictions map a document id to newsparse's ``quotes`` list. Both spans are trimmed of quotation marks,
whitespace and edge punctuation; a prediction matches a gold quote when they overlap by at least half
of the longer one, one-to-one, largest overlap first. ``kind: "term"`` predictions are not quotes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .cases import Case, clip, context
from .metrics import (
    PRF,
    greedy_pairs,
    is_pronoun,
    names_agree,
    overlap,
    ratio,
    trim_span,
)

MAX_MENTION = 100  # a speaker mention longer than this names more than the speaker: it cannot match


def group_of(gold: Mapping[str, Any]) -> str:
    """Quotes break down by publisher (every record's ``source`` is the same corpus)."""
    return str((gold.get("meta") or {}).get("publisher") or gold.get("source"))


def spoken(pred: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Predictions that count as quotes: every kind but ``term``."""
    return [q for q in pred if q.get("kind") != "term"]


@dataclass
class DocMatch:
    gold: list[Mapping[str, Any]]
    pred: list[Mapping[str, Any]]
    pairs: list[tuple[int, int]] = field(default_factory=list)
    speaker_ok: dict[int, bool] = field(default_factory=dict)  # gold index -> right, for gold with a speaker


def match_doc(text: str, gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> DocMatch:
    """Pair quotes one-to-one by trimmed overlap (≥ half the longer span), then judge each speaker."""
    g_spans = [trim_span(text, q["start"], q["end"]) for q in gold]
    p_spans = [trim_span(text, q["start"], q["end"]) for q in pred]
    candidates = []
    for gi, gs in enumerate(g_spans):
        for pi, ps in enumerate(p_spans):
            shared = overlap(gs, ps)
            if shared > 0 and 2 * shared >= max(gs[1] - gs[0], ps[1] - ps[0]):
                candidates.append((shared, gi, pi))
    m = DocMatch(list(gold), list(pred), greedy_pairs(candidates))
    for gi, pi in m.pairs:
        if gold[gi].get("speaker"):
            m.speaker_ok[gi] = speaker_right(gold[gi], pred[pi])
    return m


def _gold_speaker_spans(q: Mapping[str, Any]) -> list[tuple[int, int]]:
    if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
        return [(q["speaker_start"], q["speaker_end"])]
    return [(int(s), int(e)) for s, e in q.get("speaker_spans") or []]


def speaker_right(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Right when our mention overlaps the gold speaker span, or failing that when the gold speaker is
    not a pronoun and the names agree (shared last token, or one's tokens inside the other's).

    >>> gold = {"speaker": "Mayor Ana Ruiz", "speaker_start": 30, "speaker_end": 44}
    >>> speaker_right(gold, {"speaker": {"name": "Ruiz", "mention": None}})
    True
    >>> speaker_right({**gold, "speaker": "she"}, {"speaker": {"name": "she", "mention": None}})
    False
    """
    sp = pred.get("speaker") or {}
    if not sp:
        return False
    mention = sp.get("mention")
    if mention and mention["end"] - mention["start"] <= MAX_MENTION:
        mine = (mention["start"], mention["end"])
        if any(overlap(mine, gs) > 0 for gs in _gold_speaker_spans(gold)):
            return True
    gold_name = str(gold.get("speaker") or "")
    if is_pronoun(gold_name):
        return False
    ours = str(sp.get("name") or (mention or {}).get("text") or "")
    return names_agree(ours, gold_name)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_with_speaker: int = 0
    speaker_scored: int = 0
    speaker_right: int = 0

    def add(self, m: DocMatch) -> None:
        self.gold += len(m.gold)
        self.predicted += len(m.pred)
        self.matched += len(m.pairs)
        self.gold_with_speaker += sum(1 for q in m.gold if q.get("speaker"))
        self.speaker_scored += len(m.speaker_ok)
        self.speaker_right += sum(m.speaker_ok.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "predicted": self.predicted,
            "quotes": PRF.of(self.matched, self.predicted, self.gold).to_dict(),
            "speaker_accuracy": ratio(self.speaker_right, self.speaker_scored),
            "speaker_scored": self.speaker_scored,
            "end_to_end": PRF.of(self.speaker_right, self.predicted, self.gold_with_speaker).to_dict(),
        }


def match_all(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[DocMatch]:
    return [match_doc(g["text"], g["quotes"], spoken(preds.get(g["id"]) or [])) for g in golds]


def score(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
    """Quote P/R/F1, speaker accuracy and end-to-end P/R/F1, overall and ``by_source`` (publisher)."""
    overall, by_source = Tally(), defaultdict(Tally)
    matches = match_all(golds, preds)
    for g, m in zip(golds, matches):
        overall.add(m)
        by_source[group_of(g)].add(m)
    terms = sum(1 for g in golds for q in preds.get(g["id"]) or [] if q.get("kind") == "term")
    return {
        "docs": len(golds),
        **overall.to_dict(),
        "terms_ignored": terms,
        "by_source": {k: v.to_dict() for k, v in sorted(by_source.items())},
        "by_gold_kind": _by_gold_kind(matches),
        "unknown_ids": sorted(set(preds) - {g["id"] for g in golds}),
    }


def gold_kind(q: Mapping[str, Any]) -> str:
    """"partial" (quoted words inside paraphrase), "short" (a full quote of one to three words) or "full"."""
    if q.get("partial"):
        return "partial"
    return "short" if len(str(q.get("text", "")).split()) <= 3 else "full"


def _by_gold_kind(matches: Sequence[DocMatch]) -> dict[str, Any]:
    """Recall and speaker accuracy per kind of gold quote."""
    gold_n: dict[str, int] = defaultdict(int)
    found: dict[str, int] = defaultdict(int)
    scored: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    for m in matches:
        paired = {gi for gi, _ in m.pairs}
        for gi, q in enumerate(m.gold):
            kind = gold_kind(q)
            gold_n[kind] += 1
            found[kind] += gi in paired
            if gi in m.speaker_ok:
                scored[kind] += 1
                right[kind] += m.speaker_ok[gi]
    return {k: {"gold": gold_n[k], "recall": ratio(found[k], gold_n[k]),
                "speaker_accuracy": ratio(right[k], scored[k])} for k in sorted(gold_n)}


# --- error cases -------------------------------------------------------------------------------------

def cases(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[Case]:
    """Missed quotes (by what kind of quote), spurious ones (by what the gold calls that span) and wrong
    speakers (by what kind of gold speaker), each with the surrounding text."""
    out: list[Case] = []
    for g, m in zip(golds, match_all(golds, preds)):
        terms = [q for q in preds.get(g["id"]) or [] if q.get("kind") == "term"]
        out.extend(_doc_cases(g, m, terms))
    return out


def _doc_cases(g: Mapping[str, Any], m: DocMatch, terms: Sequence[Mapping[str, Any]]) -> list[Case]:
    text, doc_id = g["text"], str(g["id"])
    paired_g = {gi for gi, _ in m.pairs}
    paired_p = {pi for _, pi in m.pairs}
    out = [_missed(doc_id, text, q, m.pred, terms) for gi, q in enumerate(m.gold) if gi not in paired_g]
    out += [_spurious(doc_id, g, p) for pi, p in enumerate(m.pred) if pi not in paired_p]
    for gi, pi in m.pairs:
        if m.speaker_ok.get(gi) is False:
            out.append(_wrong_speaker(doc_id, text, m.gold[gi], m.pred[pi]))
    return out


def _missed(doc_id: str, text: str, q: Mapping[str, Any], pred: Sequence[Mapping[str, Any]],
            terms: Sequence[Mapping[str, Any]]) -> Case:
    gs = trim_span(text, q["start"], q["end"])
    near = [p for p in pred if overlap(gs, trim_span(text, p["start"], p["end"])) > 0]
    as_term = [t for t in terms if overlap(gs, trim_span(text, t["start"], t["end"])) > 0]
    if as_term and not near:
        kind = f"missed: ours says term ({'partial' if q.get('partial') else 'full'} quote, {_words(q['text'])})"
        ours = f"term {clip(as_term[0]['text'], 100)!r}"
    elif near:
        kind = "boundary: ours " + ("longer" if near[0]["end"] - near[0]["start"] > q["end"] - q["start"] else "shorter")
        ours = clip(near[0]["text"], 120)
    else:
        kind = (f"missed {'partial' if q.get('partial') else 'full'} quote, {_mark(text, q['start'])} marks, "
                f"{_words(q['text'])}")
        ours = "—"
    return Case(kind, doc_id, clip(q["text"], 120) + f"  [speaker: {q.get('speaker')}]", ours,
                context(text, q["start"], q["end"], 60, inner=80), weight=q["end"] - q["start"])


def _words(quote: str) -> str:
    """A quote's length class: one to three words are often names or scare quotes, longer ones speech."""
    return "1-3 words" if len(quote.split()) <= 3 else "4+ words"


def _mark(text: str, start: int) -> str:
    if text[max(0, start - 2):start] == "''":
        return "''"
    ch = text[start - 1] if start else ""
    return {"\u201c": "curly", '"': "straight", "\u2018": "single", "'": "single"}.get(ch, repr(ch))


def _spurious(doc_id: str, g: Mapping[str, Any], p: Mapping[str, Any]) -> Case:
    ps = trim_span(g["text"], p["start"], p["end"])
    what = "no gold span"
    for field_name, label in (("quoted_unattributed", "scare/title quote"), ("quoted_ambiguous", "ambiguous block"),
                              ("indirect", "paraphrase content")):
        if any(overlap(ps, (s["start"], s["end"])) > 0 for s in g.get(field_name) or []):
            what = label
            break
    return Case(f"spurious {p.get('kind')}: {what}", doc_id, "—", clip(p["text"], 120),
                context(g["text"], p["start"], p["end"], 60, inner=80), weight=p["end"] - p["start"])


def _wrong_speaker(doc_id: str, text: str, q: Mapping[str, Any], p: Mapping[str, Any]) -> Case:
    gold_sp = str(q.get("speaker"))
    sp = p.get("speaker") or {}
    if not sp:
        kind = "speaker none"
    elif is_pronoun(gold_sp):
        kind = "speaker wrong, gold pronoun"
    elif gold_sp.lower().startswith(("the ", "a ", "an ")):
        kind = "speaker wrong, gold nominal"
    else:
        kind = "speaker wrong, gold name"
    mention = sp.get("mention") or {}
    ours = f"{sp.get('name')!r} (mention {mention.get('text')!r})" if sp else "—"
    ours_at = context(text, mention["start"], mention["end"], 50) if mention else ""
    spans = _gold_speaker_spans(q)
    gold_at = context(text, spans[0][0], spans[-1][1], 50) if spans else ""
    gold = f"{gold_sp!r} for “{clip(q['text'], 60)}”"
    return Case(kind, doc_id, gold, ours, ours_at, gold_context=gold_at)
