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
MAX_INTRODUCTION_TOKENS = 25
MAX_REPORT_GAP = 5  # "said on Tuesday that": words between a report's verb and its clause
MAX_REPORT_DEPTH = 3  # "Doe said Roe said Poe called it": reports nested this deep at most
_DASHES = frozenset("—–―-")


def sentence_end(toks: list[Tok], start: int = 0, stop: int | None = None) -> int:
    """Index of the first sentence end in ``toks[start:stop]`` (``stop`` when there is none); a
    range rather than a slice, so that reading a paragraph quote by quote copies nothing."""
    stop = len(toks) if stop is None else stop
    for k in range(start, stop):
        t = toks[k]
        if t.text in ("!", "?", ";") or (t.text == "." and (k == start or not is_abbreviation_dot(toks, k))):
            return k
    return stop


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
            return _outer_source(toks, found)
    found = _subject_then_verb(toks, i)
    return _outer_source(toks, found) if found else None


def _outer_source(toks: list[Tok], found: Mention) -> Mention:
    """``"…," Doe said, according to the Daily Planet`` — the outlet that reports it is the source."""
    for k in range(found.last + 1, len(toks) - 1):
        if toks[k].lower == "according" and toks[k + 1].lower == "to":
            return noun_phrase_from(toks, k + 2) or _words_until_punctuation(toks, k + 2) or found
    return found


def _words_until_punctuation(toks: list[Tok], i: int) -> Mention | None:
    """``according to audio obtained by the Tribune`` — the whole phrase, when it is no plain name."""
    k = i
    while k < len(toks) and toks[k].is_word and k - i < MAX_SUBJECT_TOKENS:
        k += 1
    return Mention(i, k - 1) if k > i else None


def _subject_then_verb(toks: list[Tok], i: int) -> Mention | None:
    """``Jane Doe, 45, of Springfield, said`` / ``he added`` / ``Jane Doe, a voter.`` (a signature)."""
    np = noun_phrase_from(toks, i)
    verb = next((v for v in range(i, len(toks)) if is_speech_verb(toks, v)), None)
    if np is not None and (_verb_follows(toks, np, verb) or _only_appositive_after(toks, np) or _ends_with_verb(toks, np)):
        return np
    if verb is None:
        return None
    found = subject_before(toks, verb)
    if found is None:
        return None
    near = verb - i <= MAX_SUBJECT_TOKENS and found.first <= i + 4 and all(t.is_word for t in toks[i:found.first])
    closing = found.first > 0 and toks[found.first - 1].text == "," and _cue_ends_clause(toks, verb)
    return found if near or closing else None


def _cue_ends_clause(toks: list[Tok], verb: int) -> bool:
    """``…" is wrong, Doe said Tuesday.`` / ``…, Doe said Tuesday in Paris, noting …``: the cue's
    verb ends its sentence or its clause within a few words, so the whole sentence is Doe's."""
    return len(toks) - verb <= 6 or any(t.text == "," for t in toks[verb + 1:verb + 7])


def _verb_follows(toks: list[Tok], np: Mention, verb: int | None) -> bool:
    """The speech verb comes right after the phrase (past an appositive and a few adverbs)."""
    if verb is None or verb <= np.last:
        return False
    gap = toks[np.last + 1:verb]
    of_phrase = bool(gap) and gap[0].lower in lexicon.words("np_links") and len(gap) <= 10 and all(t.is_word for t in gap)
    close = verb - np.last <= 3 and all(t.is_word for t in gap)
    return np.role is not None or close or of_phrase


def _ends_with_verb(toks: list[Tok], np: Mention) -> bool:
    """``"…!" Doe barked.`` — a name, then one past-tense word that ends the sentence."""
    rest = toks[np.last + 1:]
    return (
        len(rest) >= 1 and rest[0].is_word and not rest[0].is_cap and rest[0].lower.endswith("ed")
        and (len(rest) == 1 or not rest[1].is_word)
    )


def _only_appositive_after(toks: list[Tok], np: Mention) -> bool:
    rest = toks[np.last + 1:]
    return not rest or (rest[0].text == "," and np.role is not None and all(t.text != ";" for t in rest))


def _participle(tok: Tok) -> bool:
    return tok.lower.endswith("ing")


def is_cue_word(toks: list[Tok], k: int) -> bool:
    """A speech verb, or the *according* of *according to*: where a cue before a quote is read."""
    if toks[k].lower == "according":
        return k + 1 < len(toks) and toks[k + 1].lower == "to"
    return is_speech_verb(toks, k)


def last_cue_word(toks: list[Tok]) -> int | None:
    """The index of the last cue word in ``toks`` (see ``is_cue_word``), or ``None``."""
    return next((v for v in range(len(toks) - 1, -1, -1) if is_cue_word(toks, v)), None)


def cue_before(toks: list[Tok], cue: int | None = -1) -> Mention | None:
    """The speaker named before a quote in its sentence: the subject of the last speech verb.

    ``cue`` is the index of the last cue word (``last_cue_word``) when the caller already knows it,
    so that a paragraph of many quotes is not rescanned for each.

    >>> from .speakers import tokenize
    >>> toks = tokenize('Jane Doe told reporters on Monday that'); m = cue_before(toks); toks[m.last].text
    'Doe'
    """
    found = _according_to(toks, 0)
    if found:
        return found
    v = last_cue_word(toks) if cue == -1 else cue
    if v is not None and toks[v].lower == "according":
        return noun_phrase_from(toks, v + 2)
    if v is not None:
        inner = _subject_of_verb(toks, v)
        return _outer_reporter(toks, inner) if inner is not None else None
    found = colon_speaker(toks)
    if found is None and toks and toks[-1].text == ":":
        found = _name_before_colon(toks) or sentence_subject(toks)
    return found


def _subject_of_verb(toks: list[Tok], v: int) -> Mention | None:
    """``Doe said``; ``Doe wrote to them, telling them`` (a participle takes the subject of the
    verb before it, else the sentence's subject)."""
    if _participle(toks[v]) or (v and toks[v - 1].lower == "to"):
        earlier = next((k for k in range(v - 1, -1, -1) if is_speech_verb(toks, k) and not _participle(toks[k])), None)
        found = subject_before(toks, earlier) if earlier is not None else None
        return found or sentence_subject(toks[:v])
    if v == 0 and len(toks) > 1:
        return noun_phrase_from(toks, 1)
    return subject_before(toks, v) or sentence_subject(toks[:v])


def _outer_reporter(toks: list[Tok], inner: Mention, depth: int = MAX_REPORT_DEPTH) -> Mention:
    """``Doe said (that) Roe called it "…"``: the speech is nested in Doe's report, and the
    outermost speaker is the one who is quoted. Only a report whose clause starts right after its
    verb (past ``that`` and time words) counts, so ``Doe spoke, and Roe called it "…"`` stays with
    Roe. Only a few words back are looked at, and reports nest at most ``depth`` deep, so that a
    paragraph of many quotes is still read in linear time."""
    if depth == 0:
        return inner
    for u in range(inner.first - 1, max(-1, inner.first - MAX_REPORT_GAP - 1), -1):
        if _reports_clause(toks, u, inner.first):
            outer = _subject_of_verb(toks, u) if _participle(toks[u]) else subject_before(toks, u)
        elif _reports_what(toks, u, inner.first):
            outer = _subject_of_verb(toks, u)
        else:
            continue
        if outer is not None and outer.first < inner.first:
            return _outer_reporter(toks, outer, depth - 1)
    return inner


def _reports_clause(toks: list[Tok], u: int, first: int) -> bool:
    """The verb at ``u`` takes the clause that starts at ``first``: only ``that`` and time words
    between (``said on Tuesday that``), so ``Roe asked for a photo and Doe said`` is no report."""
    if first - u > MAX_REPORT_GAP or not is_speech_verb(toks, u):
        return False
    return all(_report_gap_word(t) for t in toks[u + 1:first])


def _report_gap_word(tok: Tok) -> bool:
    return tok.lower == "that" or tok.lower in lexicon.words("speaker_adverbs") or tok.lower in lexicon.words("time_prepositions")


def _reports_what(toks: list[Tok], u: int, first: int) -> bool:
    """``Doe denounced what Roe called "…"`` / ``lamenting what Roe described as "…"``: the
    words Roe is said to use are part of Doe's speech."""
    if first < 1 or toks[first - 1].lower != "what" or first - u > MAX_REPORT_GAP:
        return False
    return is_speech_verb(toks, u) and all(_report_gap_word(t) for t in toks[u + 1:first - 1])


def _name_before_colon(toks: list[Tok]) -> Mention | None:
    """``… doesn't surprise pollster Jane Doe: "…"`` — a name right before the colon."""
    m = noun_phrase_ending_at(toks, len(toks) - 2)
    if m is None or not toks[m.first].is_cap or toks[m.first].lower in lexicon.words("np_determiners"):
        return None
    return m


def colon_speaker(toks: list[Tok]) -> Mention | None:
    """``Doe: "…"`` or a headline's ``Doe: Trump's 'Huge' Plan`` — a name, then a colon."""
    for c in range(1, min(len(toks), 8)):
        if toks[c].text == ":":
            m = noun_phrase_ending_at(toks, c - 1)
            return m if m and m.first == 0 else None
    return None


def sentence_subject(toks: list[Tok]) -> Mention | None:
    """The subject that opens a sentence, past an introductory phrase: ``In a statement, Doe …``,
    ``Early in the race, Doe …``, ``Speaking on Monday, Doe …``."""
    i = _after_introduction(toks)
    if i >= len(toks):
        return None
    m = noun_phrase_from(toks, i)
    return m if m and m.last - m.first < 8 else None


def _after_introduction(toks: list[Tok]) -> int:
    """Where the subject starts: after a leading conjunction, and after an introductory phrase that
    opens with a function word, a participle or a lone capitalized word before a preposition."""
    i = 0
    if toks and toks[0].lower in lexicon.words("sentence_openers"):
        i = 1
    if i >= len(toks) or not _opens_introduction(toks, i):
        return i
    comma = next((k for k in range(i, min(len(toks), i + MAX_INTRODUCTION_TOKENS)) if toks[k].text == ","), None)
    if comma is None and toks[i].is_cap and toks[i].lower in lexicon.words("clause_words"):
        return len(toks)  # "During his long speech in …" with no comma in sight: no subject to read
    return comma + 1 if comma is not None else i


def _opens_introduction(toks: list[Tok], i: int) -> bool:
    first = toks[i]
    if not first.is_word or first.text[0].isdigit() or first.lower.endswith("ing"):
        return True
    if first.is_cap and first.text in lexicon.cased("name_stopwords"):
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.text == "," and first.lower in lexicon.words("speaker_adverbs"):
        return True  # "Meanwhile, Doe rated it …": a sentence adverb, then the subject
    small = lexicon.words("clause_words") | lexicon.words("np_links") | lexicon.words("np_determiners")
    return first.is_cap and nxt is not None and nxt.is_word and not nxt.is_cap and nxt.lower in small | lexicon.words("introduction_words")
