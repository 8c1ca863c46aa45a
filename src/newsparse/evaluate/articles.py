"""Scoring whole pages: headline, authors, published date and body, as CONTRACT.md defines it.

Gold records are the articles corpus lines (``{"id", "source", "lang", "text", "gold": {...},
"date_found_in_text"}``); predictions map a document id to a newsparse output record. A gold field that
is ``null`` is unknown and not scored; authors ``[]`` means the page names no person, so any author we
output there is a false byline.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import lexicon
from ..document import make_view
from .cases import Case, clip, context
from .metrics import (
    PRF,
    bag_prf,
    mean,
    normalize_name,
    normalize_text,
    ratio,
    token_bag,
    tokens,
)


def group_of(gold: Mapping[str, Any]) -> str:
    return str(gold.get("source"))


def lang_of(gold: Mapping[str, Any]) -> str:
    return str(gold.get("lang") or "?")


# --- what we predicted, as plain values --------------------------------------------------------------

def _headline(rec: Mapping[str, Any]) -> str | None:
    h = rec.get("headline")
    return h["text"] if h else None


def _authors(rec: Mapping[str, Any]) -> list[str]:
    return [a["name"] for a in rec.get("authors") or [] if a.get("name")]


def _published(rec: Mapping[str, Any]) -> str | None:
    p = rec.get("published")
    return p["value"] if p else None


def _body(rec: Mapping[str, Any]) -> str:
    return "\n".join(b["text"] for b in rec.get("body") or [])


# --- one document ------------------------------------------------------------------------------------

@dataclass
class DocScore:
    """What one page scored; ``None`` where its gold says nothing about that field."""

    headline_ok: bool | None = None
    authors: PRF | None = None
    false_byline: bool | None = None
    date_ok: bool | None = None
    date_given: bool | None = None
    date_in_text: bool | None = None
    body: PRF | None = None
    baseline: PRF | None = None
    body_start: bool | None = None


def score_doc(gold_rec: Mapping[str, Any], pred: Mapping[str, Any]) -> DocScore:
    """Score one page against its gold.

    >>> g = {"text": "Bridge Reopens\\nBy Ana Ruiz\\nIt reopened.", "gold": {"headline": "Bridge reopens",
    ...      "authors": ["Ana Ruiz"], "date": None, "body": "It reopened."}}
    >>> s = score_doc(g, {"headline": {"text": "Bridge Reopens"}, "authors": [{"name": "Ana Ruiz"}],
    ...                   "body": [{"text": "It reopened."}]})
    >>> s.headline_ok, s.authors.f1, s.body.f1, s.date_ok
    (True, 1.0, 1.0, None)
    """
    gold = gold_rec.get("gold") or {}
    s = DocScore()
    if gold.get("headline"):
        ours = _headline(pred)
        s.headline_ok = ours is not None and normalize_text(ours) == normalize_text(gold["headline"])
    _score_authors(s, gold.get("authors"), _authors(pred))
    if gold.get("date"):
        ours_date = _published(pred)
        s.date_given = ours_date is not None
        s.date_ok = ours_date == gold["date"]
        s.date_in_text = gold_rec.get("date_found_in_text") is True
    if gold_rec.get("body_prefix"):
        s.body_start = body_starts_with(_body(pred), gold_rec["body_prefix"])
    if gold.get("body"):
        gold_bag = token_bag(gold["body"])
        s.body = bag_prf(token_bag(_body(pred)), gold_bag)
        s.baseline = bag_prf(token_bag(gold_rec.get("text") or ""), gold_bag)
    return s


def body_starts_with(body: str, prefix: str, window: int = 40, share: float = 0.8) -> bool:
    """Whether our body starts where the article does: ``share`` of the asserted first words occur among
    our first ``window`` tokens (postlight's prefixes carry stray captions and entities, hence the slack).

    >>> body_starts_with("Share\\nThe bridge reopened on Monday after repairs.", "The bridge reopened on Monday")
    True
    """
    head = Counter(tokens(body)[:window])
    want = token_bag(prefix)
    return sum((want & head).values()) >= share * sum(want.values()) if want else True


def _score_authors(s: DocScore, gold: list[str] | None, ours: list[str]) -> None:
    if gold is None:
        return
    if not gold:
        s.false_byline = bool(ours)
        return
    g = {normalize_name(n) for n in gold} - {""}
    p = {normalize_name(n) for n in ours} - {""}
    s.authors = PRF.of(len(g & p), len(p), len(g))


# --- many documents ----------------------------------------------------------------------------------

def aggregate(scores: Sequence[DocScore]) -> dict[str, Any]:
    """Sum one group of documents into the CONTRACT's numbers."""
    heads = [s.headline_ok for s in scores if s.headline_ok is not None]
    auth = [s.authors for s in scores if s.authors is not None]
    fb = [s.false_byline for s in scores if s.false_byline is not None]
    dated = [s for s in scores if s.date_ok is not None]
    in_text = [s for s in dated if s.date_in_text]
    bodies = [s for s in scores if s.body is not None]
    starts = [s.body_start for s in scores if s.body_start is not None]
    micro = PRF.of(sum(a.tp for a in auth), sum(a.predicted for a in auth), sum(a.gold for a in auth))
    return {
        "docs": len(scores),
        "headline": {"accuracy": ratio(sum(heads), len(heads)), "n": len(heads)},
        "authors": {**_prf_or_none(micro, len(auth)), "n": len(auth),
                    "false_byline_rate": ratio(sum(fb), len(fb)), "false_byline_n": len(fb)},
        "published": {"accuracy": ratio(sum(s.date_ok for s in dated), len(dated)),
                      "coverage": ratio(sum(s.date_given for s in dated), len(dated)),
                      "precision": ratio(sum(s.date_ok for s in dated), sum(s.date_given for s in dated)),
                      "n": len(dated),
                      "accuracy_in_text": ratio(sum(s.date_ok for s in in_text), len(in_text)),
                      "n_in_text": len(in_text)},
        "body": {"f1": mean([b.body.f1 for b in bodies]), "p": mean([b.body.p for b in bodies]),
                 "r": mean([b.body.r for b in bodies]), "n": len(bodies),
                 "baseline_f1": mean([b.baseline.f1 for b in bodies]),
                 "baseline_p": mean([b.baseline.p for b in bodies])},
        "body_start": {"accuracy": ratio(sum(starts), len(starts)), "n": len(starts)},
    }


def _prf_or_none(prf: PRF, n: int) -> dict[str, Any]:
    """Author P/R/F1 of a group, ``None`` when no document in it has gold authors."""
    d = prf.to_dict()
    return d if n else {**d, "p": None, "r": None, "f1": None}


def score(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """All article scores: overall, ``by_source`` and ``by_lang``."""
    scored = [(g, score_doc(g, preds.get(g["id"]) or {})) for g in golds]
    by_source: dict[str, list[DocScore]] = defaultdict(list)
    by_lang: dict[str, list[DocScore]] = defaultdict(list)
    for g, s in scored:
        by_source[group_of(g)].append(s)
        by_lang[lang_of(g)].append(s)
    return {
        **aggregate([s for _, s in scored]),
        "by_source": {k: aggregate(v) for k, v in sorted(by_source.items())},
        "by_lang": {k: aggregate(v) for k, v in sorted(by_lang.items(), key=lambda kv: (-len(kv[1]), kv[0]))},
        "unknown_ids": sorted(set(preds) - {g["id"] for g in golds}),
    }


# --- error cases -------------------------------------------------------------------------------------

def cases(golds: Sequence[Mapping[str, Any]], preds: Mapping[str, Mapping[str, Any]]) -> list[Case]:
    """Headline, author and date mistakes, and bodies with a low F1 showing what was dropped or kept."""
    out: list[Case] = []
    for g in golds:
        pred = preds.get(g["id"]) or {}
        s = score_doc(g, pred)
        out += _headline_cases(g, pred, s) + _author_cases(g, pred, s) + _date_cases(g, pred, s)
        out += _body_cases(g, pred, s) + _body_start_cases(g, pred, s)
    return out


def _headline_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    if s.headline_ok is not False:
        return []
    gold, ours = g["gold"]["headline"], _headline(pred)
    if ours is None:
        kind = "headline none"
    else:
        ng, no = normalize_text(gold), normalize_text(ours)
        kind = ("headline: ours has extra words" if ng in no else
                "headline: ours too short" if no in ng else "headline: another line")
    ctx = context(g["text"], pred["headline"]["start"], pred["headline"]["end"], 60) if ours else ""
    return [Case(kind, g["id"], repr(gold), repr(ours), ctx, gold_context=_find(g["text"], [gold]))]


def _author_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    ours = _authors(pred)
    if s.false_byline:
        return [Case("authors: false byline (gold names nobody)", g["id"], "[]", repr(ours), _mention_ctx(g, pred))]
    if s.authors is None or s.authors.f1 == 1.0:
        return []
    kind = ("authors: none found" if not ours else
            "authors: some missed" if s.authors.p == 1.0 else
            "authors: wrong or extra names")
    return [Case(kind, g["id"], repr(g["gold"]["authors"]), repr(ours), _mention_ctx(g, pred), 1 - s.authors.f1,
                 gold_context=_find(g["text"], g["gold"]["authors"]))]


def _mention_ctx(g: Mapping[str, Any], pred: Mapping[str, Any]) -> str:
    for a in pred.get("authors") or []:
        for m in a.get("mentions") or []:
            return context(g["text"], m["start"], m["end"], 50)
    return ""


def _date_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    if s.date_ok is not False:
        return []
    where = "in text" if s.date_in_text else "not found in text"
    gold = g["gold"]["date"]
    p = pred.get("published")
    found = _find(g["text"], date_forms(gold), width=50)
    if not p:
        return [Case(f"date none ({where})", g["id"], gold, "—", "", 1.0 if s.date_in_text else 0.5, found)]
    kind = f"date wrong: {_date_gap(gold, p['value'])} ({where})"
    return [Case(kind, g["id"], gold, p["value"], context(g["text"], p["start"], p["end"], 50), gold_context=found)]


def _find(text: str, needles: Sequence[str], width: int = 60) -> str:
    """Context of the first needle that occurs in ``text`` (ignoring case and odd spaces), else ""."""
    hay = make_view(text).lower()
    if len(hay) != len(text):
        return ""
    hits = [(hay.find(n.lower()), n) for n in needles if n and hay.find(n.lower()) >= 0]
    if not hits:
        return ""
    start, needle = min(hits)
    return context(text, start, start + len(needle), width)


def date_forms(iso: str) -> list[str]:
    """Ways a page may print the date ``iso``: numeric forms and month names from the lexicon.

    >>> date_forms("2024-02-05")[:3]
    ['2024-02-05', '05.02.2024', '5.2.2024']
    """
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return []
    y, m, d = day.year, day.month, day.day
    forms = [f"{y}-{m:02}-{d:02}", f"{d:02}.{m:02}.{y}", f"{d}.{m}.{y}", f"{d}.{m:02}.{y}", f"{m:02}/{d:02}/{y}",
             f"{m}/{d}/{y}", f"{d:02}/{m:02}/{y}", f"{y}/{m:02}/{d:02}", f"{y}年{m}月{d}日", f"{y}.{m:02}.{d:02}"]
    for name in _month_names(m):
        forms += [f"{name} {d}, {y}", f"{name}. {d}, {y}", f"{name} {d} {y}", f"{d} {name} {y}",
                  f"{d}. {name} {y}", f"{d} de {name} de {y}", f"{d:02} {name} {y}"]
    return forms


def _month_names(month: int) -> list[str]:
    """Every spelling of ``month`` in ``lexicon/months.json`` ({lang: {name: number}}), longest first."""
    try:
        table = lexicon.table("months")
        names = [n for by_lang in table.values() if isinstance(by_lang, dict)
                 for n, num in by_lang.items() if num == month]
    except (OSError, ValueError, AttributeError):
        return []
    return sorted(set(names), key=len, reverse=True)


def _date_gap(gold: str, ours: str) -> str:
    """How far off a wrong date is: a day (time zones), the same month, or further."""
    try:
        days = abs((dt.date.fromisoformat(ours) - dt.date.fromisoformat(gold)).days)
    except ValueError:
        return "unparsable"
    return "one day off" if days == 1 else "within a month" if days <= 31 else "further off"


def _body_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    if s.body is None or s.body.f1 >= 0.9:
        return []
    gold_bag = token_bag(g["gold"]["body"])
    ours_bag = token_bag(_body(pred))
    dropped = [p for p in g["gold"]["body"].split("\n\n") if _share_in(p, ours_bag) < 0.5]
    junk = [b["text"] for b in pred.get("body") or [] if _share_in(b["text"], gold_bag) < 0.5]
    kind = "body: dropped article text" if s.body.r < s.body.p else "body: kept page junk"
    if not pred.get("body"):
        kind = "body: empty"
    gold = f"F1 {s.body.f1:.2f} (P {s.body.p:.2f} R {s.body.r:.2f}); dropped {len(dropped)} gold paragraphs: " + \
        " | ".join(clip(p, 90) for p in dropped[:2])
    ours = f"kept {len(junk)} lines not in gold: " + " | ".join(clip(j, 70) for j in junk[:3])
    return [Case(kind, g["id"], gold, ours, "", 1 - s.body.f1)]


def _body_start_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    if s.body_start is not False:
        return []
    first = pred["body"][0] if pred.get("body") else None
    ours_at = context(g["text"], first["start"], first["end"], 40, inner=80) if first else ""
    prefix = g["body_prefix"]
    return [Case("body: starts elsewhere (postlight prefix)", g["id"], clip(prefix, 100),
                 clip(_body(pred), 100) or "—", ours_at, gold_context=_find(g["text"], [prefix[:40], prefix[-40:]]))]


def _share_in(text: str, bag: Counter[str]) -> float:
    """The share of ``text``'s tokens that occur in ``bag`` (ignoring counts)."""
    toks = tokens(text)
    return sum(1 for t in toks if t in bag) / len(toks) if toks else 1.0
