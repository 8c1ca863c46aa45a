"""Header: headline, dek, byline and photo captions at the top of the article.

The header is the first few non-furniture lines. The headline is the first title-like line; a dek is a
sentence right under it, before the byline; a caption is a line that ends in a photo credit.
"""

from __future__ import annotations

from .. import lexicon, rx
from ..document import Document, Image, Line
from ..pipeline import stage

HEADER_LINES = 8

_CREDIT = None


def credit_pattern() -> rx.Pattern:
    """``… AP Photo/Jane Doe`` or ``(Getty Images)`` or ``Photo: Jane Doe`` at a caption's end."""
    global _CREDIT
    if _CREDIT is None:
        cues = "|".join(sorted((rx.regex.escape(c) for c in lexicon.entries("photo_credits")), key=len, reverse=True))
        _CREDIT = rx.compile(
            rf"(?:^|(?<=[.!?)\]]\s{{0,3}})|\(|\s[|/]\s?)(?P<credit>(?:{cues})(?:\s*[/:]\s*|\s+)?[^\n]{{0,80}}?)\)?\s*$"
        )
    return _CREDIT


_BYLINE = rx.compile(r"(?:by|von|par|por|di|door)\s+\p{Lu}", rx.I)
_NAME_LINE = rx.compile(r"\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}")


def looks_like_headline(line: Line) -> bool:
    return 3 <= len(line.text) <= 250 and not line.text.endswith((".", ":")) or line.text.endswith("?")


def find_caption_credit(doc: Document, line: Line) -> Image | None:
    m = credit_pattern().search(line.text)
    if not m or m.start("credit") < 15:
        return None
    cs = line.content_start + m.start("credit")
    ce = line.content_start + m.end("credit")
    caption = doc.span(line.content_start, line.content_end)
    return Image(caption=caption, credit=doc.span(cs, ce))


@stage("header", requires=("lines", "labels", "boilerplate"), assigns=("headline", "dek", "images"))
def header(doc: Document) -> None:
    candidates = [ln for ln in doc.lines if not ln.is_blank and doc.labels[ln.index] is None][:HEADER_LINES]
    headline_line = next((ln for ln in candidates if looks_like_headline(ln)), None)
    if headline_line is not None:
        doc.headline = doc.line_span(headline_line)
        doc.labels[headline_line.index] = "headline"
    for ln in candidates:
        if doc.labels[ln.index] is not None:
            continue
        if headline_line is not None and ln.text == headline_line.text:
            doc.mark_boilerplate(ln, "repeated_headline")
            continue
        image = find_caption_credit(doc, ln)
        if image is not None:
            doc.images.append(image)
            doc.labels[ln.index] = "caption"
        elif _BYLINE.match(ln.text) and len(ln.text) < 80:
            doc.labels[ln.index] = "byline"
        elif _NAME_LINE.fullmatch(ln.text):
            doc.labels[ln.index] = "byline"
        elif doc.dek is None and headline_line is not None and ln.index > headline_line.index and not any(
            doc.labels[i] in ("byline", "caption") for i in range(headline_line.index + 1, ln.index)
        ) and ln.index - headline_line.index <= 3 and len(ln.text) > 40:
            doc.dek = doc.line_span(ln)
            doc.labels[ln.index] = "dek"
