"""Cues: where in the words around a quote its speaker is named.

The text after a quote is read first (``…," Doe said`` / ``…," said Doe`` / ``…" — Doe``), then the
text before it in the same sentence (``Doe said: "…`` / ``Doe called it "…"`` / ``According to Doe,
"…``), then a headline's ``Doe: Trump's 'Huge' Plan``. Each reader gets the tokens of its side of
the quote, already cut at the sentence boundary.
"""

from __future__ import annotations

from .. import lexicon
from .speakers import (
    Mention,
    Tok,
    is_abbreviation_dot,
    is_speech_verb,
    noun_phrase_ending_at,
    noun_phrase_from,
    subject_before,
)

MAX_SUBJECT_TOKENS = 14
_DASHES = frozenset("—–―-")


def sentence_start(toks: list[Tok]) -> int:
    """Index of the first token after the last sentence end in ``toks`` (0 when there is none)."""
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if t.text in ("!", "?") or (t.text == "." and not is_abbreviation_dot(toks, k)):
            return k + 1
    return 0


def sentence_end(toks: list[Tok]) -> int:
    """Index just past the first sentence end in ``toks`` (``len(toks)`` when there is none)."""
    for k, t in enumerate(toks):
        if t.text in ("!", "?", ";") or (t.text == "." and not is_abbreviation_dot(toks, k)):
            return k
    return len(toks)


def _according_to(toks: list[Tok], i: int) -> Mention | None:
    if i + 1 < len(toks) and toks[i].lower == "according" and toks[i + 1].lower == "to":
        return noun_phrase_from(toks, i + 2)
    return None


def cue_after(toks: list[Tok]) -> Mention | None:
    """The speaker named right after a quote.

    >>> from .speakers import tokenize
    >>> toks = tokenize(', said Jane Doe, a spokeswoman.'); m = cue_after(toks); toks[m.last].text
    'Doe'
    """
    i = 0
    while i < len(toks) and toks[i].text == ",":
        i += 1
    if i >= len(toks):
        return None
    if toks[i].text in _DASHES:
        return noun_phrase_from(toks, i + 1)
    found = _according_to(toks, i)
    if found:
        return found
    if toks[i].lower in lexicon.words("speech_inverting_verbs"):
        found = noun_phrase_from(toks, i + 1)
        if found:
            return found
    return _subject_then_verb(toks, i)


def _subject_then_verb(toks: list[Tok], i: int) -> Mention | None:
    """``Jane Doe, 45, of Springfield, said`` / ``he added`` / ``Jane Doe, a voter.`` (a signature)."""
    np = noun_phrase_from(toks, i)
    verb = next((v for v in range(i, len(toks)) if is_speech_verb(toks, v)), None)
    if np is not None and (_verb_follows(toks, np, verb) or _only_appositive_after(toks, np)):
        return np
    if verb is None:
        return None
    found = subject_before(toks, verb)
    if found is None:
        return None
    near = verb - i <= MAX_SUBJECT_TOKENS and found.first <= i + 4 and all(t.is_word for t in toks[i:found.first])
    closing = found.first > 0 and toks[found.first - 1].text == "," and len(toks) - verb <= 6
    return found if near or closing else None


def _verb_follows(toks: list[Tok], np: Mention, verb: int | None) -> bool:
    """The speech verb comes right after the phrase (past an appositive and a few adverbs)."""
    if verb is None or verb <= np.last:
        return False
    return np.role is not None or verb - np.last <= 3


def _only_appositive_after(toks: list[Tok], np: Mention) -> bool:
    rest = toks[np.last + 1:]
    return not rest or (rest[0].text == "," and np.role is not None and all(t.text != ";" for t in rest))


def _participle(tok: Tok) -> bool:
    return tok.lower.endswith("ing")


def cue_before(toks: list[Tok]) -> Mention | None:
    """The speaker named before a quote in its sentence: the subject of the last speech verb.

    >>> from .speakers import tokenize
    >>> toks = tokenize('Jane Doe told reporters on Monday that'); m = cue_before(toks); toks[m.last].text
    'Doe'
    """
    found = _according_to(toks, 0)
    if found:
        return found
    for v in range(len(toks) - 1, -1, -1):
        if is_speech_verb(toks, v):
            if _participle(toks[v]) or (v and toks[v - 1].lower == "to"):
                return sentence_subject(toks[:v])
            if v == 0 and len(toks) > 1:
                return noun_phrase_from(toks, 1)
            return subject_before(toks, v) or sentence_subject(toks[:v])
        if toks[v].lower == "according" and v + 1 < len(toks) and toks[v + 1].lower == "to":
            return noun_phrase_from(toks, v + 2)
    found = colon_speaker(toks)
    if found is None and toks and toks[-1].text == ":":
        found = sentence_subject(toks)
    return found


def colon_speaker(toks: list[Tok]) -> Mention | None:
    """``Doe: "…"`` or a headline's ``Doe: Trump's 'Huge' Plan`` — a name, then a colon."""
    for c in range(1, min(len(toks), 8)):
        if toks[c].text == ":":
            m = noun_phrase_ending_at(toks, c - 1)
            return m if m and m.first == 0 else None
    return None


def sentence_subject(toks: list[Tok]) -> Mention | None:
    """The subject that opens a sentence, past an introductory phrase: ``In a statement, Doe …``."""
    i = 0
    stop = lexicon.entries("name_stopwords")
    if i < len(toks) and toks[i].is_cap and toks[i].text in stop:
        comma = next((k for k in range(i, min(len(toks), 12)) if toks[k].text == ","), None)
        i = comma + 1 if comma is not None and toks[i].lower not in ("but", "and", "so", "yet") else i + 1
    if i >= len(toks):
        return None
    m = noun_phrase_from(toks, i)
    return m if m and m.last - m.first < 8 else None
