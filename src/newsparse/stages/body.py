"""Body: the article's paragraphs, one span per line that no earlier stage claimed."""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage


@stage("body", requires=("lines", "labels", "headline", "dek", "images", "authors", "boilerplate"), assigns=("body",))
def body(doc: Document) -> None:
    for line in doc.lines:
        if line.is_blank or doc.labels[line.index] is not None:
            continue
        doc.labels[line.index] = "body"
        doc.body.append(doc.line_span(line))
