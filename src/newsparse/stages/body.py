"""Body: the article's paragraphs, one span per line that no earlier stage claimed.

The header stage looks for the body's first paragraph on its own and drops the short lines it finds
between the headline and that paragraph as header furniture. On pages whose article is made of short
lines (a table, a list, a poem, Chinese or Japanese text with a line per sentence) that paragraph
comes late, and the article's opening goes with the furniture. Inside the article region the block
classifier found (see :mod:`.blocks`), a line that the classifier kept and no cue condemned is
article text, so it is taken back.
"""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage
from . import blocks as bk

# What the header stage drops for its position alone, not for what the line says.
POSITIONAL_KINDS = frozenset({"header_furniture", "teaser", "navigation"})
BYLINE_REACH = 4  # lines under a dropped paragraph where a byline makes it the article's standfirst
MISREAD_RUN = 12  # this many article lines dropped by position: the header misread where the body starts


@stage(
    "body",
    requires=("lines", "labels", "layout", "headline", "dek", "images", "authors", "boilerplate"),
    assigns=("body", "boilerplate"),
)
def body(doc: Document) -> None:
    _reclaim_region_lines(doc)
    for line in doc.lines:
        if line.is_blank or doc.labels[line.index] is not None:
            continue
        doc.labels[line.index] = "body"
        doc.body.append(doc.line_span(line))


def _reclaim_region_lines(doc: Document) -> None:
    """Give back the article lines below the headline that were dropped only for where they sit.

    A paragraph (a long line of prose) that the header dropped as a teaser or as furniture comes back
    when the region holds it; short lines come back only when the header dropped a long run of them,
    a sign that it misread where the body starts, not a byline-and-caption block.
    """
    assert doc.layout is not None  # assigned by the boilerplate stage, which the pipeline runs first
    blocks, region = doc.layout
    if region is None:
        return
    first, last = region
    headline_at = next((i for i, label in enumerate(doc.labels) if label == "headline"), -1)
    candidates = {
        b.line.content_start: b
        for b in blocks[first:last + 1]
        if b.cls == bk.GOOD and b.cue is None and b.line.index > headline_at
        and doc.labels[b.line.index] == "boilerplate"
    }
    if not candidates:
        return
    misread = sum(b.intrinsic != bk.GOOD for b in candidates.values()) >= MISREAD_RUN
    if not misread:  # a standfirst over the byline is the header's to judge, not a lost paragraph
        candidates = {k: b for k, b in candidates.items() if not _over_byline(doc, b.line.index)}
    kept = []
    for dropped in doc.boilerplate:
        block = candidates.get(dropped.span.start)
        if block is not None and dropped.kind in POSITIONAL_KINDS and (misread or block.intrinsic == bk.GOOD):
            doc.labels[block.line.index] = None
        else:
            kept.append(dropped)
    doc.boilerplate[:] = kept


def _over_byline(doc: Document, index: int) -> bool:
    return "byline" in doc.labels[index + 1:index + 1 + BYLINE_REACH]
