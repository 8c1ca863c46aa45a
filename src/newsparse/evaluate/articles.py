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
    hit = _first_hit(g["text"], [gold])
    gold_at = context(g["text"], hit[0], hit[0] + len(gold), 60) if hit else ""
    if ours is None:
        return [Case("headline none", g["id"], repr(gold), "—", "", gold_context=gold_at)]
    ng, no = normalize_text(gold), normalize_text(ours)
    if ng in no:
        kind = "headline: ours has extra words"
    elif no in ng:
        kind = "headline: ours too short"
    elif hit is None:
        kind = "headline: another line (gold not verbatim in text)"
    else:
        kind = "headline: another line, " + ("before" if pred["headline"]["start"] < hit[0] else "after") + " the gold one"
    ctx = context(g["text"], pred["headline"]["start"], pred["headline"]["end"], 60)
    return [Case(kind, g["id"], repr(gold), repr(ours), ctx, gold_context=gold_at)]


def _author_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    ours = _authors(pred)
    if s.false_byline:
        return [Case("authors: false byline (gold names nobody)", g["id"], "[]", repr(ours), _mention_ctx(g, pred))]
    if s.authors is None or s.authors.f1 == 1.0:
        return []
    kind = ("authors: none found" if not ours else
            "authors: some missed" if s.authors.p == 1.0 else
            "authors: wrong or extra names")
    gold_at = _find(g["text"], g["gold"]["authors"])
    if not gold_at:
        kind += " (gold name not in text)"
    return [Case(kind, g["id"], repr(g["gold"]["authors"]), repr(ours), _mention_ctx(g, pred), 1 - s.authors.f1,
                 gold_context=gold_at)]


def _mention_ctx(g: Mapping[str, Any], pred: Mapping[str, Any]) -> str:
    for a in pred.get("authors") or []:
        for m in a.get("mentions") or []:
            return context(g["text"], m["start"], m["end"], 50)
    return ""


def _date_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    if s.date_ok is not False:
        return []
    gold = g["gold"]["date"]
    forms = date_forms(gold)
    hit = _first_hit(g["text"], [f for f, _ in forms])
    labels: dict[str, str] = {}
    for form, name in forms:
        labels.setdefault(form, name)  # "19.10.2019" is DD.MM.YYYY before it is D.MM.YYYY
    label = labels.get(hit[1], "") if hit else ""
    where = f"page shows {label}" if label else "not found in text"
    found = context(g["text"], hit[0], hit[0] + len(hit[1]), 50) if hit else ""
    p = pred.get("published")
    if not p:
        return [Case(f"date none ({where})", g["id"], gold, "—", "", 1.0 if hit else 0.5, found)]
    kind = f"date wrong: {_date_gap(gold, p['value'])} ({'gold in text' if hit else 'gold not in text'})"
    return [Case(kind, g["id"], gold, p["value"], context(g["text"], p["start"], p["end"], 50), gold_context=found)]


def _first_hit(text: str, needles: Sequence[str]) -> tuple[int, str] | None:
    """The earliest ``(offset, needle)`` of the needles in ``text``, ignoring case and odd spaces."""
    hay = make_view(text).lower()
    if len(hay) != len(text):
        return None
    hits = [(hay.find(n.lower()), n) for n in needles if n and hay.find(n.lower()) >= 0]
    return min(hits) if hits else None


def _find(text: str, needles: Sequence[str], width: int = 60) -> str:
    """Context of the first needle that occurs in ``text``, else ""."""
    hit = _first_hit(text, needles)
    return context(text, hit[0], hit[0] + len(hit[1]), width) if hit else ""


def date_forms(iso: str) -> list[tuple[str, str]]:
    """Ways a page may print the date ``iso``, each with its pattern, numeric forms first, then with
    month names from the lexicon. Error classes name the pattern, so a missing format stands out.

    >>> date_forms("2024-02-05")[:2]
    [('2024-02-05', 'YYYY-MM-DD'), ('05.02.2024', 'DD.MM.YYYY')]
    """
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return []
    y, m, d = day.year, day.month, day.day
    forms = [(f"{y}-{m:02}-{d:02}", "YYYY-MM-DD"), (f"{d:02}.{m:02}.{y}", "DD.MM.YYYY"),
             (f"{d}.{m}.{y}", "D.M.YYYY"), (f"{d}.{m:02}.{y}", "D.MM.YYYY"), (f"{m:02}/{d:02}/{y}", "MM/DD/YYYY"),
             (f"{m}/{d}/{y}", "M/D/YYYY"), (f"{d:02}/{m:02}/{y}", "DD/MM/YYYY"), (f"{y}/{m:02}/{d:02}", "YYYY/MM/DD"),
             (f"{y}年{m}月{d}日", "YYYY年M月D日"), (f"{y}.{m:02}.{d:02}", "YYYY.MM.DD"),
             (f"{d:02}.{m:02}.{y % 100:02}", "DD.MM.YY"), (f"{m}/{d}/{y % 100:02}", "M/D/YY")]
    for name in _month_names(m):
        forms += [(f"{name} {d}, {y}", "Month D, YYYY"), (f"{name}. {d}, {y}", "Mon. D, YYYY"),
                  (f"{name} {d} {y}", "Month D YYYY"), (f"{d} {name} {y}", "D Month YYYY"),
                  (f"{d}. {name} {y}", "D. Month YYYY"), (f"{d} de {name} de {y}", "D de Month de YYYY"),
                  (f"{d:02} {name} {y}", "DD Month YYYY"), (f"{name} {d:02}, {y}", "Month DD, YYYY"),
                  (f"{d} {name}, {y}", "D Month, YYYY")]
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
    lines = pred.get("body") or []
    is_junk = [_share_in(b["text"], gold_bag) < 0.5 for b in lines]
    junk = [b["text"] for b, bad in zip(lines, is_junk) if bad]
    if not lines:
        kind = "body: empty"
    elif s.body.r < s.body.p:
        kind = "body: dropped article text"
    elif not junk:
        kind = "body: kept extra words, no line mostly junk"
    else:
        kind = f"body: kept page junk, mostly {junk_position(is_junk)} the article"
    gold = f"F1 {s.body.f1:.2f} (P {s.body.p:.2f} R {s.body.r:.2f}); dropped {len(dropped)} gold paragraphs: " + \
        " | ".join(clip(p, 90) for p in dropped[:2])
    ours = f"kept {len(junk)} lines not in gold: " + " | ".join(clip(j, 70) for j in junk[:3])
    return [Case(kind, g["id"], gold, ours, "", 1 - s.body.f1, item="body")]


def junk_position(is_junk: Sequence[bool]) -> str:
    """Where most junk lines sit relative to the article's lines: "before", "after" or "inside".

    >>> junk_position([True, True, False, False, True]), junk_position([False, True, False])
    ('before', 'inside')
    """
    good = [i for i, bad in enumerate(is_junk) if not bad]
    if not good:
        return "inside"
    counts = Counter("before" if i < good[0] else "after" if i > good[-1] else "inside"
                     for i, bad in enumerate(is_junk) if bad)
    return max(("before", "after", "inside"), key=lambda k: counts[k])


def _body_start_cases(g: Mapping[str, Any], pred: Mapping[str, Any], s: DocScore) -> list[Case]:
    if s.body_start is not False:
        return []
    first = pred["body"][0] if pred.get("body") else None
    ours_at = context(g["text"], first["start"], first["end"], 40, inner=80) if first else ""
    prefix = g["body_prefix"]
    return [Case("body: starts elsewhere (postlight prefix)", g["id"], clip(prefix, 100),
                 clip(_body(pred), 100) or "—", ours_at, gold_context=_find(g["text"], [prefix[:40], prefix[-40:]]),
                 item="body start")]


def _share_in(text: str, bag: Counter[str]) -> float:
    """The share of ``text``'s tokens that occur in ``bag`` (ignoring counts)."""
    toks = tokens(text)
    return sum(1 for t in toks if t in bag) / len(toks) if toks else 1.0
