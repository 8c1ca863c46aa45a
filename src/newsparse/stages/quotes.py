"""Quotes: quoted speech, its kind, and who said it."""

from __future__ import annotations

from .. import lexicon, rx
from ..document import Document, Line, Quote, Speaker
from ..pipeline import stage

# An opening mark at a word start, then the shortest run to a closing mark not followed by a letter
# (so the apostrophe in "Iraq’s" closes nothing, while "forces’ safety,’" closes at the second ’).
_QUOTED = rx.compile(
    r"""(?<![\p{L}\p{N}])(?:“(?P<c>[^“”\n]+?)”|"(?P<s>[^"\n]+?)"|‘(?P<q>[^‘\n]+?)’(?![\p{L}]))"""
)

_NAME = r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3}|(?:the|a|an)\s+[\p{Ll}\p{Lu}][\p{L}\s-]{0,40}?|he|she|they|it|we)"


def _cue_patterns() -> tuple[rx.Pattern, rx.Pattern]:
    verbs = "|".join(sorted(lexicon.words("speech_verbs"), key=len, reverse=True))
    after = rx.compile(rf"^[\s,]*(?:{verbs})\s+{_NAME}|^[\s,]*{_NAME}\s+(?:{verbs})\b", rx.I)
    before = rx.compile(rf"{_NAME}\s+(?:{verbs})[\s,:]*$|according\s+to\s+{_NAME}[\s,:]*$", rx.I)
    return after, before


_CUES: tuple[rx.Pattern, rx.Pattern] | None = None


def find_speaker(doc: Document, line: Line, q_start: int, q_end: int) -> Speaker | None:
    global _CUES
    if _CUES is None:
        _CUES = _cue_patterns()
    after, before = _CUES
    rest = line.text[q_end + 1 - line.content_start:]
    m = after.match(rest)
    base = q_end + 1
    if m is None:
        head = line.text[: q_start - 1 - line.content_start]
        m = before.search(head)
        base = line.content_start
    if m is None:
        return None
    s, e = base + m.start("name"), base + m.end("name")
    return Speaker(name=doc.text[s:e], mention=doc.span(s, e))


@stage("quotes", requires=("lines", "labels", "body", "dek"), assigns=("quotes",))
def quotes(doc: Document) -> None:
    last: Speaker | None = None
    for line in doc.lines_labelled("body", "dek", "headline"):
        for m in _QUOTED.finditer(line.text):
            g = "c" if m.group("c") else "s" if m.group("s") else "q"
            start, end = line.content_start + m.start(g), line.content_start + m.end(g)
            inner = doc.text[start:end]
            words = len(inner.split())
            whole = m.start() == 0
            speaker = find_speaker(doc, line, start, end)
            if speaker is None and words < 4 and not whole:
                doc.quotes.append(Quote(doc.span(start, end), "term"))
                continue
            if speaker is None and whole:
                speaker = last
            kind = "direct" if whole or words >= 8 else "partial"
            doc.quotes.append(Quote(doc.span(start, end), kind, speaker))
            if speaker is not None:
                last = speaker
