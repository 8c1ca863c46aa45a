"""Rendering an evaluation report as rich tables for a terminal (the JSON form is the report itself)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

SHOWN_CLASSES = 15


def num(x: float | None, digits: int = 3) -> str:
    """A score for a table cell; ``–`` when nothing was counted.

    >>> num(0.81234), num(None)
    ('0.812', '–')
    """
    return "–" if x is None else f"{x:.{digits}f}"


def _prf(d: Mapping[str, Any]) -> str:
    return f"{num(d['p'])}/{num(d['r'])}/{num(d['f1'])}"


def _table(title: str, columns: list[str]) -> Table:
    t = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for i, c in enumerate(columns):
        t.add_column(c, justify="left" if i == 0 else "right")
    return t


def _groups(scores: Mapping[str, Any], key: str = "by_source") -> list[tuple[str, Mapping[str, Any]]]:
    return [("all", scores), *scores[key].items()]


def articles_tables(scores: Mapping[str, Any]) -> list[Table]:
    cols = ["group", "docs", "headline", "authors P/R/F1", "false byline", "date acc/cov", "date in text",
            "body F1 (keep-all)", "body start"]
    tables = []
    for key, title in (("by_source", "articles by source"), ("by_lang", "articles by language")):
        t = _table(f"{title}  [dim](n) = documents scored[/]", cols)
        groups = _groups(scores, key)
        for name, s in groups[:12] if key == "by_lang" else groups:
            a, p, b = s["authors"], s["published"], s["body"]
            t.add_row(_short(name), str(s["docs"]), f"{num(s['headline']['accuracy'])} ({s['headline']['n']})",
                      f"{_prf(a)} ({a['n']})", f"{num(a['false_byline_rate'])} ({a['false_byline_n']})",
                      f"{num(p['accuracy'])}/{num(p['coverage'])} ({p['n']})",
                      f"{num(p['accuracy_in_text'])} ({p['n_in_text']})",
                      f"{num(b['f1'])} ({num(b['baseline_f1'])}) ({b['n']})",
                      f"{num(s['body_start']['accuracy'])} ({s['body_start']['n']})")
        tables.append(t)
    return tables


def _short(source: str) -> str:
    """``scrapinghub/article-extraction-benchmark`` → ``article-extraction-benchmark``: tables stay narrow."""
    return source.rsplit("/", 1)[-1]


def quotes_tables(scores: Mapping[str, Any]) -> list[Table]:
    t = _table("quotes by publisher", ["group", "gold", "ours", "quote P/R/F1", "speaker acc (n)",
                                       "end-to-end P/R/F1"])
    for name, s in _groups(scores):
        t.add_row(name, str(s["gold"]), str(s["predicted"]), _prf(s["quotes"]),
                  f"{num(s['speaker_accuracy'])} ({s['speaker_scored']})", _prf(s["end_to_end"]))
    kinds = _table("quotes by kind of gold quote", ["kind", "gold", "recall", "speaker acc"])
    for name, k in scores["by_gold_kind"].items():
        kinds.add_row(name, str(k["gold"]), num(k["recall"]), num(k["speaker_accuracy"]))
    return [t, kinds]


def dates_tables(scores: Mapping[str, Any]) -> list[Table]:
    t = _table("dates by source", ["group", "gold", "ours", "strict P/R/F1", "relaxed P/R/F1",
                                   "type acc", "value acc", "value F1"])
    for name, s in _groups(scores):
        t.add_row(name, str(s["gold"]), str(s["predicted"]), _prf(s["strict"]), _prf(s["relaxed"]),
                  num(s["type_accuracy"]), num(s["value_accuracy"]), num(s["value"]["f1"]))
    by_type = _table("dates by gold type", ["type", "gold", "relaxed recall", "value acc"])
    for name, s in scores["by_type"].items():
        by_type.add_row(name, str(s["gold"]), num(s["relaxed_recall"]), num(s["value_accuracy"]))
    return [t, by_type]


def render(report: Mapping[str, Any], console: Console) -> None:
    """Print a report: scores per group, the biggest error classes, then the chosen error cases."""
    task, scores = report["task"], report["scores"]
    speed = report["speed"]
    console.print(f"[bold]{task}[/]: {report['docs']} docs from {report['corpus']}"
                  f"  ({speed['seconds']} s, {speed['docs_per_s']} docs/s, jobs {speed['jobs']};"
                  f" {report['failures']['count']} failed)")
    opts = scores.get("options") or {}
    if opts.get("lenient") or opts.get("types"):
        console.print(f"scored with lenient values: {bool(opts.get('lenient'))}, types: {opts.get('types') or 'all'}")
    tables = {"articles": articles_tables, "quotes": quotes_tables, "dates": dates_tables}[task](scores)
    for t in tables:
        console.print(t)
        console.print()
    _render_classes(report, console)
    if "compared" in report:
        _render_compared(report, console)
    else:
        _render_cases(report["errors"], console)


def _render_compared(report: Mapping[str, Any], console: Console) -> None:
    """The error cases fixed and new since a saved run: counts per class, then the new ones."""
    cmp = report["compared"]
    console.print(f"[bold]compared with {cmp['file']}[/]: {len(cmp['fixed'])} fixed, {len(cmp['new'])} new")
    if cmp["classes"]:
        t = _table("changed error classes", ["class", "fixed", "new"])
        for c in cmp["classes"][:SHOWN_CLASSES]:
            t.add_row(str(c["class"]), str(c["fixed"]), str(c["new"]))
        console.print(t)
        console.print()
    shown = len(report["errors"])
    if cmp["new"]:
        console.print("[bold]new mistakes[/]")
        _render_cases(cmp["new"][:shown], console)
    if cmp["fixed"]:
        console.print("[bold]fixed[/]")
        _render_cases(cmp["fixed"][: max(3, shown // 4)], console)


def _render_classes(report: Mapping[str, Any], console: Console) -> None:
    classes = report["error_classes"]
    if not classes:
        return
    t = _table("biggest error classes", ["class", "count"])
    for c in classes[:SHOWN_CLASSES]:
        t.add_row(str(c["class"]), str(c["count"]))
    console.print(t)
    console.print()


def _render_cases(cases: Sequence[Mapping[str, Any]], console: Console) -> None:
    for i, c in enumerate(cases, 1):
        console.print(f"[bold]{i}. {c['kind']}[/]  [dim]{c['doc']}[/]", highlight=False)
        console.print(f"   gold: {c['gold']}", highlight=False, markup=False)
        console.print(f"   ours: {c['ours']}", highlight=False, markup=False)
        if c["context"]:
            label = "ours at" if c.get("gold_context") else "text"
            console.print(f"   {label}: {c['context']}", highlight=False, markup=False)
        if c.get("gold_context"):
            console.print(f"   gold at: {c['gold_context']}", highlight=False, markup=False)


# --- markdown, for docs/results.md ----------------------------------------------------------------------

def markdown(report: Mapping[str, Any], by: str = "by_source", top: int = 0) -> str:
    """A report's table per source (or ``by="by_lang"`` for articles, ``top`` groups) as GitHub markdown."""
    if by == "by_lang":
        rows = _md_articles(report["scores"], by, "language")[: top + 2 if top else None]
    else:
        rows = {"articles": _md_articles, "quotes": _md_quotes, "dates": _md_dates}[report["task"]](report["scores"])
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


def _md_articles(scores: Mapping[str, Any], by: str = "by_source", label: str = "source") -> list[list[str]]:
    rows = [[label, "docs", "headline acc (n)", "authors F1 (n)", "false byline (n)", "date acc (n)",
             "date coverage", "date acc, in text (n)", "body F1 (n)", "keep-all F1", "body start (n)"]]
    for name, s in _groups(scores, by):
        a, p, b = s["authors"], s["published"], s["body"]
        rows.append([name, str(s["docs"]), f"{num(s['headline']['accuracy'])} ({s['headline']['n']})",
                     f"{num(a['f1'])} ({a['n']})", f"{num(a['false_byline_rate'])} ({a['false_byline_n']})",
                     f"{num(p['accuracy'])} ({p['n']})", num(p["coverage"]),
                     f"{num(p['accuracy_in_text'])} ({p['n_in_text']})", f"{num(b['f1'])} ({b['n']})",
                     num(b["baseline_f1"]), f"{num(s['body_start']['accuracy'])} ({s['body_start']['n']})"])
    return rows


def _md_quotes(scores: Mapping[str, Any]) -> list[list[str]]:
    rows = [["publisher", "gold", "ours", "quote P/R/F1", "speaker acc (n)", "end-to-end P/R/F1"]]
    for name, s in _groups(scores):
        rows.append([name, str(s["gold"]), str(s["predicted"]), _prf(s["quotes"]),
                     f"{num(s['speaker_accuracy'])} ({s['speaker_scored']})", _prf(s["end_to_end"])])
    for name, k in scores["by_gold_kind"].items():
        rows.append([f"gold kind {name}", str(k["gold"]), "", f"recall {num(k['recall'])}",
                     num(k["speaker_accuracy"]), ""])
    return rows


def _md_dates(scores: Mapping[str, Any]) -> list[list[str]]:
    rows = [["source / gold type", "gold", "ours", "strict P/R/F1", "relaxed P/R/F1", "type acc", "value acc",
             "value F1"]]
    for name, s in _groups(scores):
        rows.append([name, str(s["gold"]), str(s["predicted"]), _prf(s["strict"]), _prf(s["relaxed"]),
                     num(s["type_accuracy"]), num(s["value_accuracy"]), num(s["value"]["f1"])])
    for name, s in scores["by_type"].items():
        rows.append([f"type {name}", str(s["gold"]), "", f"relaxed R {num(s['relaxed_recall'])}", "", "",
                     num(s["value_accuracy"]), ""])
    return rows
