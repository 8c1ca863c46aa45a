"""The scorers behind `newsparse eval`, on small invented cases whose numbers are worked out by hand.

Each scorer is also run gold-against-gold (every score must be 1.0) and, where ../shared is present, on
the real corpora scored against themselves.
"""

from __future__ import annotations

import doctest
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import newsparse.evaluate as ev
from newsparse.cli import main
from newsparse.evaluate import (
    articles,
    cases,
    corpus,
    dates,
    metrics,
    quotes,
    report,
    results,
)


def approx(x: float) -> Any:
    return pytest.approx(x, abs=1e-4)


def span(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


# --- shared pieces -------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", [ev, metrics, cases, dates, quotes, articles, corpus, report, results])
def test_docstring_examples(module: Any) -> None:
    result = doctest.testmod(module)
    assert result.failed == 0


def test_prf_conventions_for_empty_sides() -> None:
    assert (metrics.PRF.of(0, 0, 0).p, metrics.PRF.of(0, 0, 0).r, metrics.PRF.of(0, 0, 0).f1) == (1.0, 1.0, 1.0)
    assert (metrics.PRF.of(0, 0, 3).p, metrics.PRF.of(0, 0, 3).f1) == (0.0, 0.0)
    assert (metrics.PRF.of(0, 2, 0).r, metrics.PRF.of(0, 2, 0).p) == (0.0, 0.0)


def test_author_names_drop_by_and_titles_but_keep_the_name() -> None:
    assert metrics.normalize_name("BY  DR. Ana Ruiz") == "ana ruiz"
    assert metrics.normalize_name("Written by Ana Ruiz") == "ana ruiz"
    assert metrics.normalize_name("Drew Park") == "drew park"  # "Dr" only as a whole word


def test_speaker_names_agree_on_last_token_or_containment() -> None:
    assert metrics.names_agree("Sen. Ana Ruiz", "Ruiz")
    assert metrics.names_agree("Ana Maria Ruiz Ortega", "Ana Ruiz")  # containment
    assert not metrics.names_agree("the president", "President")  # nothing left once titles go
    assert not metrics.names_agree("Ana Ruiz", "Ben Diaz")


def test_trim_span_drops_marks_and_edge_punctuation() -> None:
    text = "She said, “We will win.” Then left."
    s, e = metrics.trim_span(text, *span(text, "“We will win.”"))
    assert text[s:e] == "We will win"


def test_load_filters_by_language_and_by_id_or_source(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", articles_gold())
    assert [r["id"] for r in corpus.load(path, lang="de")] == ["a2"]
    assert [r["id"] for r in corpus.load(path, only="s2")] == ["a2", "a3"]
    q = write_jsonl(tmp_path / "q.jsonl", quotes_gold())
    assert len(corpus.load(q, lang="en")) == 1  # records without a lang are kept
    assert corpus.load(q, only="daily")[0]["id"] == "q1"  # publisher


def test_limit_samples_every_part_of_a_sorted_corpus() -> None:
    assert corpus.spread(list("aaabbbccc"), 3) == ["a", "b", "c"]
    assert corpus.spread([1, 2], 5) == [1, 2]


# --- dates -----------------------------------------------------------------------------------------------

DATES_TEXT = "\nShares rose on Monday after a week of losses and fell in March.\n"


def timex(text: str, piece: str, type_: str, value: str) -> dict[str, Any]:
    s, e = span(text, piece)
    return {"start": s, "end": e, "text": piece, "type": type_, "value": value}


def dates_gold() -> list[dict[str, Any]]:
    t = DATES_TEXT
    return [{"id": "d1", "source": "wire", "text": t, "timexes": [
        timex(t, "Monday", "DATE", "2024-02-05"), timex(t, "a week", "DURATION", "P1W"),
        timex(t, "March", "DATE", "2024-03")]}]


def test_dates_gold_against_itself_is_perfect() -> None:
    gold = dates_gold()
    s = dates.score(gold, {"d1": gold[0]["timexes"]})
    assert ev.summary("dates", s) == {k: 1.0 for k in ev.summary("dates", s)}
    assert s["by_type"]["DURATION"] == {"gold": 1, "relaxed_recall": 1.0, "value_accuracy": 1.0}


def test_dates_damaged_copy_hand_computed() -> None:
    t = DATES_TEXT
    pred = [timex(t, "Monday", "DATE", "2024-02-05"),          # strict, right value
            timex(t, "after a week", "DURATION", "P1W"),       # relaxed only (wider), right value
            timex(t, "March", "DATE", "2024-04"),              # strict, wrong value
            timex(t, "Shares", "DATE", "PRESENT_REF")]         # spurious
    s = dates.score(dates_gold(), {"d1": pred, "elsewhere": []})
    assert s["strict"]["p"] == approx(2 / 4) and s["strict"]["r"] == approx(2 / 3)
    assert s["strict"]["f1"] == approx(4 / 7)
    assert s["relaxed"]["f1"] == approx(6 / 7)
    assert s["value_accuracy"] == approx(2 / 3) and s["type_accuracy"] == 1.0
    assert s["value"]["f1"] == approx(4 / 7)  # = relaxed F1 x value accuracy
    assert s["by_type"]["DATE"] == {"gold": 2, "relaxed_recall": 1.0, "value_accuracy": 0.5}
    assert s["unknown_ids"] == ["elsewhere"]
    kinds = {c.kind for c in dates.cases(dates_gold(), {"d1": pred})}
    assert kinds == {"value 9999-99 → 9999-99", "spurious DATE PRESENT_REF", 'extent ours wider: adds "after"'}


def test_dates_missing_document_counts_as_found_nothing() -> None:
    s = dates.score(dates_gold(), {})
    assert (s["relaxed"]["p"], s["relaxed"]["r"], s["predicted"]) == (0.0, 0.0, 0)


def test_dates_pairs_are_one_to_one_largest_overlap_first() -> None:
    gold = [{"start": 0, "end": 10}, {"start": 12, "end": 20}]
    pred = [{"start": 0, "end": 10}, {"start": 0, "end": 10}, {"start": 5, "end": 18}]
    m = dates.match_doc(gold, pred)
    assert m.strict == [(0, 0)]  # the duplicate prediction stays unpaired
    assert m.relaxed == [(0, 0), (1, 2)]


def test_dates_lenient_values_and_type_restriction() -> None:
    gold = dates_gold()
    pred = [dict(x) for x in gold[0]["timexes"]]
    pred[2]["value"] = " 2024-03 "
    assert dates.score(gold, {"d1": pred})["value_accuracy"] == 1.0
    only_points = dates.score(gold, {"d1": pred[:1] + pred[2:]}, types=frozenset({"DATE", "TIME"}))
    assert only_points["relaxed"]["r"] == 1.0 and only_points["gold"] == 2


# --- quotes ----------------------------------------------------------------------------------------------

QUOTES_TEXT = 'Ana Ruiz said: "We will build the bridge." Then she added, "It opens in May." The "experts" disagree.'


def quote(text: str, piece: str, kind: str = "direct", name: str | None = None,
          mention: str | None = None) -> dict[str, Any]:
    s, e = span(text, piece)
    sp = None
    if name is not None:
        m = None
        if mention is not None:
            ms, me = span(text, mention)
            m = {"text": mention, "start": ms, "end": me}
        sp = {"name": name, "mention": m}
    return {"text": piece, "start": s, "end": e, "kind": kind, "speaker": sp}


def quotes_gold() -> list[dict[str, Any]]:
    t = QUOTES_TEXT
    q1 = {**quote(t, "We will build the bridge."), "speaker": "Ana Ruiz", "speaker_start": 0, "speaker_end": 8}
    she = span(t, "she")
    q2 = {**quote(t, "It opens in May."), "speaker": "she", "speaker_start": she[0], "speaker_end": she[1]}
    return [{"id": "q1", "text": t, "meta": {"publisher": "daily"}, "quotes": [q1, q2],
             "quoted_unattributed": [dict(zip(("start", "end"), span(t, "experts")))]}]


def gold_as_prediction(g: Mapping[str, Any]) -> dict[str, Any]:
    sp = {"name": g["speaker"], "mention": {"text": g["speaker"], "start": g["speaker_start"], "end": g["speaker_end"]}}
    return {"text": g["text"], "start": g["start"], "end": g["end"], "kind": "direct", "speaker": sp}


def test_quotes_gold_against_itself_is_perfect() -> None:
    gold = quotes_gold()
    s = quotes.score(gold, {"q1": [gold_as_prediction(q) for q in gold[0]["quotes"]]})
    assert ev.summary("quotes", s) == {"quote_f1": 1.0, "speaker_accuracy": 1.0, "end_to_end_f1": 1.0}


def test_quotes_damaged_copy_hand_computed() -> None:
    t = QUOTES_TEXT
    pred = [quote(t, '"We will build the bridge."', name="Ruiz"),   # marks trimmed; name agrees
            quote(t, "It opens", name="Ana Ruiz", mention="Ana Ruiz"),  # 8 of 15 chars: a match; gold "she"
            quote(t, "experts", kind="term"),                         # not counted
            quote(t, "disagree", kind="direct")]                      # spurious
    s = quotes.score(quotes_gold(), {"q1": pred})
    assert (s["quotes"]["p"], s["quotes"]["r"], s["quotes"]["f1"]) == (approx(2 / 3), 1.0, approx(0.8))
    assert s["speaker_accuracy"] == 0.5
    assert s["end_to_end"]["f1"] == approx(0.4)
    assert s["terms_ignored"] == 1 and list(s["by_source"]) == ["daily"]
    assert s["by_gold_kind"] == {"full": {"gold": 2, "recall": 1.0, "speaker_accuracy": 0.5}}
    kinds = sorted(c.kind for c in quotes.cases(quotes_gold(), {"q1": pred}))
    assert kinds == ["speaker wrong, gold pronoun", "spurious direct: no gold span"]


def test_quote_overlapping_less_than_half_the_longer_does_not_match() -> None:
    t = QUOTES_TEXT
    s = quotes.score(quotes_gold(), {"q1": [quote(t, "It opens i")]})  # 10 of 15: match
    assert s["quotes"]["tp"] == 1
    s = quotes.score(quotes_gold(), {"q1": [quote(t, "It open")]})  # 7 of 15: no match
    assert s["quotes"]["tp"] == 0


def test_speaker_mention_overlap_rescues_a_pronoun_and_long_mentions_are_ignored() -> None:
    t = QUOTES_TEXT
    gold = quotes_gold()[0]["quotes"][1]
    assert quotes.speaker_right(gold, quote(t, "It opens in May.", name="Ana Ruiz", mention="she"))
    long = {"speaker": {"name": "x", "mention": {"start": 0, "end": 150, "text": ""}}}
    assert not quotes.speaker_right({**gold, "speaker_start": 10, "speaker_end": 12}, long)


# --- articles --------------------------------------------------------------------------------------------

A_TEXT = "Council Approves New Budget\nBy Ana Ruiz\nThe council voted. The budget passed.\nShare this"


def articles_gold() -> list[dict[str, Any]]:
    return [
        {"id": "a1", "source": "s1", "lang": "en", "text": A_TEXT, "date_found_in_text": True,
         "gold": {"headline": "Council Approves “New” Budget", "authors": ["Ana Ruiz", "Ben Okafor"],
                  "date": "2024-02-05", "body": "The council voted.\n\nThe budget passed."}},
        {"id": "a2", "source": "s2", "lang": "de", "text": "Bridge Opens\nNews Desk", "date_found_in_text": False,
         "body_prefix": "The bridge opened",
         "gold": {"headline": "Bridge Opens", "authors": [], "date": "2024-03-01", "body": None}},
        {"id": "a3", "source": "s2", "lang": None, "text": "Jan 1, 2024", "date_found_in_text": True,
         "gold": {"headline": None, "authors": None, "date": "2024-01-01", "body": None}},
    ]


def sp(text: str, piece: str) -> dict[str, Any]:
    s, e = span(text, piece)
    return {"text": piece, "start": s, "end": e}


def test_articles_damaged_copy_hand_computed() -> None:
    preds = {
        "a1": {"headline": {"text": 'council approves "new"  budget', "start": 0, "end": 0},
               "authors": [{"name": "By Ana Ruiz"}, {"name": "Carl Diaz"}],
               "published": {"value": "2024-02-05", "start": 0, "end": 0, "text": ""},
               "body": [sp(A_TEXT, "The council voted."), sp(A_TEXT, "Share this")]},
        "a2": {"headline": None, "authors": [{"name": "Dee Park"}], "published": None, "body": []},
        "a3": {"authors": [{"name": "Unscored"}], "published": {"value": "2024-01-02", "start": 0, "end": 6, "text": ""}},
    }
    s = articles.score(articles_gold(), preds)
    assert s["headline"] == {"accuracy": 0.5, "n": 2}
    assert (s["authors"]["p"], s["authors"]["r"], s["authors"]["f1"], s["authors"]["n"]) == (0.5, 0.5, 0.5, 1)
    assert (s["authors"]["false_byline_rate"], s["authors"]["false_byline_n"]) == (1.0, 1)
    pub = s["published"]
    assert (pub["accuracy"], pub["coverage"], pub["precision"]) == (approx(1 / 3), approx(2 / 3), 0.5)
    assert (pub["accuracy_in_text"], pub["n_in_text"]) == (0.5, 2)
    # ours: the council voted share this (5); gold: the council voted the budget passed (6); shared 3
    assert s["body"]["f1"] == approx(6 / 11) and s["body"]["n"] == 1
    assert s["body"]["baseline_f1"] == approx(2 * 0.4 / 1.4)  # 15 page tokens, all 6 gold ones among them
    assert s["by_lang"]["?"]["published"]["accuracy"] == 0.0 and set(s["by_source"]) == {"s1", "s2"}
    assert s["by_source"]["s2"]["authors"]["f1"] is None  # no document there has gold names
    assert s["body_start"] == {"accuracy": 0.0, "n": 1}
    kinds = {c.kind for c in articles.cases(articles_gold(), preds)}
    assert kinds == {"headline none", "authors: wrong or extra names", "authors: false byline (gold names nobody)",
                     "date none (not found in text)", "date wrong: one day off (gold in text)", "body: dropped article text",
                     "body: starts elsewhere (postlight prefix)"}


def test_articles_gold_against_itself_is_perfect() -> None:
    golds = articles_gold()
    preds = {g["id"]: gold_article_record(g) for g in golds}
    golds[1]["body_prefix"] = "The bridge"
    preds["a2"]["body"] = [{"text": "The bridge opened.", "start": 0, "end": 0}]
    summary = ev.summary("articles", articles.score(golds, preds))
    assert summary.pop("false_byline_rate") == 0.0
    assert summary.pop("body_f1") == 1.0
    assert set(summary.values()) == {1.0}


def gold_article_record(g: Mapping[str, Any]) -> dict[str, Any]:
    gold = g["gold"]
    body = (gold.get("body") or "").split("\n\n")
    return {"headline": {"text": gold["headline"], "start": 0, "end": 0} if gold.get("headline") else None,
            "authors": [{"name": n} for n in gold.get("authors") or []],
            "published": {"value": gold["date"], "text": "", "start": 0, "end": 0} if gold.get("date") else None,
            "body": [{"text": p, "start": 0, "end": 0} for p in body if p]}


# --- the command ---------------------------------------------------------------------------------------

def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_eval_command_json_has_stable_keys(tmp_path: Path) -> None:
    gold = dates_gold()
    gold[0]["dct"] = "2024-02-07"
    path = write_jsonl(tmp_path / "dates.jsonl", gold)
    res = CliRunner().invoke(main, ["eval", "dates", "--corpus", str(path), "--json", "-j", "1", "--errors", "2"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {"task", "corpus", "docs", "summary", "scores", "failures", "speed", "error_classes", "errors"} <= out.keys()
    assert out["docs"] == 1 and set(out["summary"]) == {"strict_f1", "relaxed_f1", "type_accuracy",
                                                        "value_accuracy", "value_f1"}
    assert len(out["errors"]) <= 2


def test_eval_command_prints_tables(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "quotes.jsonl", quotes_gold())
    res = CliRunner().invoke(main, ["eval", "quotes", "--corpus", str(path), "-j", "1"])
    assert res.exit_code == 0, res.output
    assert "quotes by publisher" in res.stdout and "daily" in res.stdout


def test_eval_without_a_corpus_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_CORPORA", str(tmp_path))
    res = CliRunner().invoke(main, ["eval", "articles"])
    assert res.exit_code == 2
    assert str(tmp_path / "articles" / "articles.jsonl") in res.stderr


# --- the real corpora, scored against themselves ------------------------------------------------------

def _load(shared: Path, task: str) -> list[dict[str, Any]]:
    return corpus.load(shared / "corpora" / task / f"{task}.jsonl")


def test_real_corpora_gold_against_itself(shared: Path) -> None:
    d = _load(shared, "dates")
    assert set(ev.summary("dates", dates.score(d, {g["id"]: g["timexes"] for g in d})).values()) == {1.0}
    q = _load(shared, "quotes")
    qp = {g["id"]: [gold_as_prediction(x) if x.get("speaker_start") is not None else {**x, "speaker": None}
                    for x in g["quotes"]] for g in q}
    qs = quotes.score(q, qp)
    assert qs["quotes"]["f1"] == 1.0 and qs["speaker_accuracy"] > 0.99
    a = _load(shared, "articles")
    s = ev.summary("articles", articles.score(a, {g["id"]: gold_article_record(g) for g in a}))
    s.pop("body_start_accuracy")  # postlight pages have a prefix but no gold body to copy
    assert s.pop("false_byline_rate") == 0.0 and set(s.values()) == {1.0}


def test_eval_dates_options_reach_the_scorer(tmp_path: Path) -> None:
    gold = dates_gold()
    gold[0]["dct"] = "2024-02-07"
    path = write_jsonl(tmp_path / "dates.jsonl", gold)
    res = CliRunner().invoke(main, ["eval", "dates", "--corpus", str(path), "-j", "1", "--json", "--types", "date"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["scores"]["options"]["types"] == ["DATE"] and out["scores"]["gold"] == 2
    res = CliRunner().invoke(main, ["eval", "quotes", "--corpus", str(path), "--lenient-values"])
    assert res.exit_code == 2


def test_eval_compares_error_cases_with_a_saved_run(tmp_path: Path) -> None:
    gold = dates_gold()
    gold[0]["dct"] = "2024-02-07"
    path = write_jsonl(tmp_path / "dates.jsonl", gold)
    saved = tmp_path / "before.jsonl"
    args = ["eval", "dates", "--corpus", str(path), "-j", "1"]
    assert CliRunner().invoke(main, [*args, "--save-errors", str(saved)]).exit_code == 0
    before = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    # pretend the earlier run had one more mistake, which is now fixed
    before.append({"kind": "missed DATE 9999", "doc": "d1", "gold": "'1998' DATE 1998", "ours": "—"})
    saved.write_text("".join(json.dumps(c) + "\n" for c in before), encoding="utf-8")
    res = CliRunner().invoke(main, [*args, "--compare-errors", str(saved), "--json"])
    assert res.exit_code == 0, res.output
    cmp = json.loads(res.stdout)["compared"]
    assert (len(cmp["fixed"]), len(cmp["new"])) == (1, 0) and "all_errors" not in json.loads(res.stdout)
    res = CliRunner().invoke(main, [*args, "--compare-errors", str(saved)])
    assert "1 fixed, 0 new" in res.stdout


# --- bench/run.py's own pieces (the bench itself runs only under `make bench`) -------------------------

def _bench_module() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", Path(__file__).resolve().parent.parent / "bench" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_locates_peer_hits_and_values_them_at_their_granularity() -> None:
    import datetime as dt

    bench = _bench_module()

    class FakeParser:
        def get_date_data(self, phrase: str) -> Any:
            return type("DateData", (), {"period": "month" if phrase == "March" else "day"})()

    text = "On Monday it rained; in March it did not; on Monday again."
    hits = [("Monday", dt.datetime(2024, 2, 5)), ("March", dt.datetime(2024, 3, 7)), ("Monday", dt.datetime(2024, 2, 5))]
    found = list(bench._locate(text, hits, FakeParser()))
    assert [(t["start"], t["value"]) for t in found] == [(3, "2024-02-05"), (24, "2024-03"), (45, "2024-02-05")]


def test_bench_tables_and_stream(tmp_path: Path) -> None:
    bench = _bench_module()
    assert bench.table(["what", "n"], [["a", "1"]]).splitlines()[1] == "|---|---:|"
    records = [{"id": "x", "text": "Short piece."}, {"id": "y", "text": "Another one."}]
    mb = bench.write_stream(records, tmp_path / "s.jsonl", 0.0001)
    lines = (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()
    assert mb >= 0.0001 and len({json.loads(line)["id"] for line in lines}) == len(lines)
