"""newsparse: turn the plain text of a news article into structured data with offsets.

>>> import newsparse
>>> art = newsparse.parse("Harbor Bridge Reopens\\n\\nBy Ana Ruiz\\n\\nThe bridge reopened on Monday.")
>>> art.headline.text
'Harbor Bridge Reopens'
"""

from __future__ import annotations

import datetime as dt

from . import rx
from .document import SCHEMA_VERSION, Article, Document, Span
from .pipeline import default_pipeline

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Article", "Document", "DocumentTimeout", "Span", "__version__", "parse"]

DocumentTimeout = rx.DocumentTimeout


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ValueError(f"reference date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def parse(text: str, reference_date: str | dt.date | None = None, *, timeout: float | None = None) -> Article:
    """Parse one article's text.

    ``reference_date`` anchors relative dates ("last week"); without it newsparse uses the published
    date found in the text, else the latest full date in it, and says which in ``reference_date``.
    ``timeout`` bounds the wall time spent on this document (``DocumentTimeout`` when exceeded).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; decode bytes first")
    doc = Document(text=text, reference_date_given=_as_date(reference_date))
    with rx.deadline(timeout):
        return default_pipeline()(doc)
