"""Quotes: quoted speech, its kind, and who said it.

Every paragraph that is not page furniture is scanned once (headline, dek, body and captions alike,
so that a layout mistake does not drop a quote). For each quotation (``quote_marks``) the words on
each side, cut at the sentence boundary, are read for a cue (``quote_cues``); the speaker's words
become the mention and ``speaker_names`` resolves them to the best name. A quote with no cue of its
own takes the speaker of the quote beside it in the same paragraph, and a paragraph that opens with
an uncued quote continues the previous paragraph's speaker (the multi-paragraph convention).
A name, title or scare-quoted term is kept as ``kind: "term"`` with no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon
from ..document import Document, Line, Quote, Span, Speaker, SpeakerEntry
from ..pipeline import stage
from .quote_cues import (
    cue_after,
    cue_before,
    is_cue_word,
    sentence_end,
    sentence_subject,
)
from .quote_marks import Quoted, find_quoted
from .speaker_names import NameBook
from .speakers import (
    Mention,
    Tok,
    is_abbreviation_dot,
    is_speech_verb,
    pronoun_kind,
    subject_before,
    tokenize,
)

SKIPPED_LABELS = frozenset({"boilerplate"})
MAX_TERM_WORDS = 3
PROSE_WORDS = 6
MAX_MENTION_CHARS = 100  # the contract's bound on speaker.mention
MAX_TITLE_WORDS = 8
CONTEXT_TOKENS = 60  # how far from a quote its cue is looked for, on each side


@dataclass(slots=True)
class _Found:
    """One quotation of a paragraph while the paragraph is read.

    Its context is kept as positions into the paragraph's tokens (``toks[at]`` is the quote itself)
    and sliced only when read, so that a paragraph of many quotes holds no copy per quote.
    """

    q: Quoted
    toks: list[Tok]
    at: int
    start: int  # where the quote's sentence starts, at most CONTEXT_TOKENS before ``at``
    after_end: int  # where the words read after the quote end
    verb: int | None  # the paragraph's last speech verb before the quote
    mid_sentence: bool  # see _mid_sentence
    cue: int | None  # the last cue word of ``before`` (see ``is_cue_word``)
    voiced: bool  # the quote's sentence has a verb of saying, judging or believing (``attribution_verbs``)
    after_cut: bool  # the sentence ends between this quote and the next one
    mention: Mention | None = None
    mention_toks: list[Tok] | None = None
    kind: str = "direct"
    speaker: Speaker | None = None

    @property
    def before(self) -> list[Tok]:
        """The quote's sentence before it (earlier quotes of the sentence as opaque tokens)."""
        return self.toks[self.start:self.at]

    @property
    def after(self) -> list[Tok]:
        """The words after the quote up to the next quotation or the sentence's end."""
        return self.toks[self.at + 1:self.after_end]

    @property
    def head(self) -> list[Tok]:
        """The few tokens that hold the paragraph's last speech verb before the quote, and its subject."""
        if self.verb is None:
            return []
        return self.toks[max(0, self.verb - CONTEXT_TOKENS):min(self.at, self.verb + 5)]

    @property
    def head_verb(self) -> int | None:
        """Where that verb sits in ``head``."""
        return None if self.verb is None else self.verb - max(0, self.verb - CONTEXT_TOKENS)


def _outside_tokens(text: str, found: list[Quoted]) -> tuple[list[Tok], list[int]]:
    """The paragraph's tokens with each quotation as one opaque token, and where each one sits.

    A quotation that ends in a full stop before a capital (``"We won." The``) is followed by a stop
    token, so that sentence boundaries outside quotations are found the same way as inside text.
    """
    toks: list[Tok] = []
    where: list[int] = []
    left = 0
    for k, q in enumerate(found):
        toks.extend(tokenize(text, left, q.open_at))
        where.append(len(toks))
        toks.append(Tok(q.open_at, q.close_end, "“…”", "“…”"))
        left = q.close_end
        if _stops_before_capital(text, q, found[k + 1].open_at if k + 1 < len(found) else len(text)):
            toks.append(Tok(left, left, ".", "."))
    toks.extend(tokenize(text, left, len(text)))
    return toks, where


def _stops_before_capital(text: str, q: Quoted, right: int) -> bool:
    """The quote's words end in a full stop and the next visible character (before ``right``) is a
    capital or nothing. Only the characters up to the first non-space are read, so that a paragraph
    of thousands of quotes is read once (``"We won." The`` → True; ``"We won." he`` → False)."""
    end = q.end
    while end > q.start and text[end - 1].isspace():
        end -= 1
    if end == q.start or text[end - 1] != ".":
        return False
    k = q.close_end
    while k < right and text[k].isspace():
        k += 1
    return k >= right or text[k].isupper()


@dataclass(slots=True)
class _Facts:
    """Running counts over a paragraph's tokens, built in one pass, so that no quote rescans the
    paragraph before it: at each position ``i``, the word tokens in ``toks[:i]``, where the
    sentence holding ``i`` starts, and the last speech verb before ``i``."""

    words: list[int]
    starts: list[int]
    verbs: list[int | None]
    cues: list[int | None]  # the last speech verb or *according to*, see ``is_cue_word``
    voiced: list[int]  # speech verbs and verbs of judging (``attribution_verbs``), counted

    @classmethod
    def of(cls, toks: list[Tok]) -> _Facts:
        facts = cls([0], [0], [None], [None], [0])
        judging = lexicon.words("attribution_verbs")
        for i, t in enumerate(toks):
            word = t.is_word
            verb = word and is_speech_verb(toks, i)
            ends = t.text in ("!", "?") or (t.text == "." and not is_abbreviation_dot(toks, i))
            facts.words.append(facts.words[i] + word)
            facts.starts.append(i + 1 if ends else facts.starts[i])
            facts.verbs.append(i if verb else facts.verbs[i])
            cue = verb or (t.lower == "according" and is_cue_word(toks, i))
            facts.cues.append(i if cue else facts.cues[i])
            facts.voiced.append(facts.voiced[i] + (verb or t.lower in judging))
        return facts

    def cue_in(self, start: int, at: int) -> int | None:
        """The last cue word of ``toks[start:at]``, counted from ``start``."""
        cue = self.cues[at]
        return cue - start if cue is not None and cue >= start else None


def _mid_sentence(toks: list[Tok], facts: _Facts, start: int, at: int) -> bool:
    """Words of our own sentence (``toks[start:at]``) precede the quote, and no cue ends with a
    comma or colon: ``Doe called it "a mess"`` but not ``Doe said, "We won."``."""
    return facts.words[at] > facts.words[start] and toks[at - 1].text not in (",", ":")


def _regions(text: str, found: list[Quoted]) -> list[_Found]:
    """Each quote with the tokens of its sentence before it (earlier quotes of the sentence stay in,
    as opaque tokens) and after it up to the next quotation or the sentence's end.

    Each side is read at most ``CONTEXT_TOKENS`` deep: a cue sits next to its quote, and a bound
    keeps a paragraph of thousands of quotes with no sentence end linear.
    """
    toks, where = _outside_tokens(text, found)
    facts = _Facts.of(toks)
    out = []
    for k, q in enumerate(found):
        at = where[k]
        start = max(facts.starts[at], at - CONTEXT_TOKENS)
        stop = where[k + 1] if k + 1 < len(found) else len(toks)
        end = sentence_end(toks, at + 1, stop)
        mid = _mid_sentence(toks, facts, start, at)
        after_end = min(end, at + 1 + CONTEXT_TOKENS)
        cut = end < stop or k + 1 == len(found)
        voiced = facts.voiced[after_end] > facts.voiced[start]
        out.append(_Found(q, toks, at, start, after_end, facts.verbs[at], mid, facts.cue_in(start, at), voiced, cut))
    return out


def _new_sentence_after(f: _Found, inner: str) -> bool:
    """``"We won." Doe said.`` is one sentence only when the quote does not end with a full stop, or
    the next word is lowercase; ``"We won." And then…`` starts a new one."""
    if f.after_end <= f.at + 1:
        return True
    first = f.toks[f.at + 1]
    if first.is_cap and first.text in lexicon.cased("name_stopwords"):
        return True
    if first.is_cap and pronoun_kind(first.lower) and inner.rstrip()[-1:] in (".", "?", "!"):
        return True
    return inner.rstrip().endswith(".") and first.is_cap


def _own_cue(f: _Found, inner: str) -> None:
    """The cue after a quote that opens its sentence wins (``Doe said, "A," Roe added``); a quote in
    mid-sentence belongs to the verb before it (``Doe called it "a mess," a sign that …``)."""
    after_toks = f.after
    after = None if _new_sentence_after(f, inner) else cue_after(after_toks)
    outer = after is not None and any(t.lower == "according" for t in after_toks[:3])
    before = cue_before(f.before, f.cue) if after is None or (f.mid_sentence and not outer) else None
    if before is not None:
        f.mention, f.mention_toks = before, f.before
    elif after is not None:
        f.mention, f.mention_toks = after, after_toks


def _is_title_like(words: list[str]) -> bool:
    """``Meet the Press``, ``Islamic Resistance in Iraq``: every long word capitalized."""
    if not words or len(words) > MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.casefold() in lexicon.words("title_small_words") or not w[:1].isalpha() for w in words)


def _headline_like(before: list[Tok]) -> bool:
    long_words = [t for t in before if t.is_word and len(t.text) > 3]
    return len(long_words) >= 2 and all(t.is_cap for t in long_words)


def _after_term_cue(before: list[Tok]) -> bool:
    """``the so-called "x"``, ``a film titled, "x"``: a lowercase naming word right before the mark."""
    k = len(before) - 1
    if k >= 0 and before[k].text == ",":
        k -= 1
    return k >= 0 and before[k].text.islower() and before[k].lower in lexicon.words("term_cues")


def _reads_as_speech(f: _Found, inner: str) -> bool:
    """A capitalized phrase is still speech when it is an exclamation or comes right after a speech
    verb: ``she declared "What a Night!"``, ``what he called "Big Tent Inc."``."""
    if inner.rstrip()[-1:] in ("!", "?", "."):
        return True
    before = f.before
    k = len(before) - 1
    while k >= 0 and before[k].text in (",", ":"):
        k -= 1
    return k >= 0 and is_speech_verb(before, k)


def term_reason(f: _Found, inner: str) -> str | None:
    """Why a quotation is a name or scare quote rather than speech, or ``None`` when it is speech.

    After *so-called* or *titled*; a subject in quotes that ends without punctuation and has no cue
    (``"Veep" is a show``); a title-cased name in mid-sentence (``watched "Meet the Press"``); a
    short phrase in a sentence with no speech verb (``the "experts" agree``).
    """
    words = inner.split()
    if _after_term_cue(f.before):
        return "term_cue"
    if not f.mid_sentence:
        ends_open = inner.rstrip()[-1:] not in ".,!?…—-:;"
        if f.mention is None and ends_open and any(t.is_word for t in f.after) and len(words) <= MAX_TITLE_WORDS:
            return "quoted_subject"
        return None
    if _is_title_like(words) and not _headline_like(f.before) and not _reads_as_speech(f, inner):
        return "title"
    if f.mention is None and len(words) <= MAX_TERM_WORDS and not f.voiced:
        return "short_uncued"
    return None


def quote_kind(f: _Found, inner: str) -> str:
    """``direct`` (a sentence of speech), ``partial`` (a phrase of it) or ``term`` (no speech)."""
    if term_reason(f, inner):
        return "term"
    return "partial" if f.mid_sentence else "direct"


def _inherit(found: list[_Found], k: int, nxt: int | None, prev: int | None) -> _Found | None:
    """The neighbour whose speaker an uncued quote takes: the next quote when the sentence runs on
    into it, else the previous quote of the paragraph, else the next one. ``nxt`` is the next quote
    that is no term and ``prev`` the latest earlier one with a speaker (both tracked by the caller,
    so that a paragraph of many quotes is not rescanned for each)."""
    f = found[k]
    after = found[nxt] if nxt is not None else None
    if after is not None and not f.after_cut and after.mention is not None:
        return after
    if prev is not None:
        return found[prev]
    if after is not None and after.mention is not None:
        return after
    return None


def _next_spoken(found: list[_Found]) -> list[int | None]:
    """For each quote, the index of the next quote after it that is no term (one backward pass)."""
    out: list[int | None] = [None] * len(found)
    nxt = None
    for k in range(len(found) - 1, -1, -1):
        out[k] = nxt
        if found[k].kind != "term":
            nxt = k
    return out


def _indirect_speaker(doc: Document, book: NameBook, line: Line) -> Speaker | None:
    """The subject of the last speech verb of a paragraph without quotes (``Doe said that …``)."""
    toks = tokenize(line.text)
    for v in range(len(toks) - 1, -1, -1):
        if is_speech_verb(toks, v):
            m = subject_before(toks, v)
            if m is not None:
                return _speaker(doc, book, line, toks, m)
    return None


def _speaker(doc: Document, book: NameBook, line: Line, toks: list[Tok], m: Mention) -> Speaker:
    start = line.content_start + toks[m.first].start
    end = line.content_start + toks[m.last].end
    words = doc.view[start:end]
    if words.casefold() == "who" and m.first >= 2 and toks[m.first - 1].text == ",":
        named = subject_before(toks, m.first)
        if named is not None:
            start = line.content_start + toks[named.first].start
            words = doc.view[start:line.content_start + toks[named.last].end]
    if end - start > MAX_MENTION_CHARS:
        start = doc.view.find(" ", end - MAX_MENTION_CHARS, end) + 1 or end - MAX_MENTION_CHARS
    role = doc.view[line.content_start + m.role[0]:line.content_start + m.role[1]] if m.role else None
    head, _, tail = words.rpartition(", ")
    if head and tail[:1].isupper() and all(w[:1].isupper() for w in tail.split()):
        words, role = tail, role or head  # "the group's president, Walter Nakamura"
    name = book.resolve(words, start)
    return Speaker(name=name, mention=doc.span(start, end), role=role or book.role_of(name))


@dataclass(slots=True)
class _Reader:
    """The running state of one document's scan: the name book and the previous paragraph."""

    doc: Document
    book: NameBook
    last: Speaker | None = None  # speaker of the latest quote so far
    prev_line: Line | None = None
    prev_had_quotes: bool = False

    def carried_speaker(self) -> Speaker | None:
        """Who an uncued quote at a paragraph's start continues: the previous paragraph's speaker."""
        if self.prev_line is not None and not self.prev_had_quotes:
            indirect = _indirect_speaker(self.doc, self.book, self.prev_line)
            if indirect is not None:
                return indirect
        return self.last

    def read(self, line: Line) -> None:
        quoted = find_quoted(line.text)
        if not quoted:
            self._advance(line, had_quotes=False)
            return
        found = _regions(line.text, quoted)
        for f in found:
            _own_cue(f, line.text[f.q.start:f.q.end])
            f.kind = quote_kind(f, line.text[f.q.start:f.q.end])
        self._assign(line, found)
        for f in found:
            start, end = line.content_start + f.q.start, line.content_start + f.q.end
            if end > start:
                speaker = None if f.kind == "term" else f.speaker
                self.doc.quotes.append(Quote(self.doc.span(start, end), f.kind, speaker))
        self._advance(line, had_quotes=True)

    def _assign(self, line: Line, found: list[_Found]) -> None:
        """Speakers in reading order: own cue, then neighbour, then the previous paragraph."""
        nexts = _next_spoken(found)
        voiced: int | None = None  # the latest quote so far with a speaker
        for k, f in enumerate(found):
            if f.kind == "term":
                continue
            if f.speaker is None:
                self._find_speaker(line, found, k, nexts[k], voiced)
            if f.speaker is not None:
                self.last, voiced = f.speaker, k

    def _find_speaker(self, line: Line, found: list[_Found], k: int, nxt: int | None, voiced: int | None) -> None:
        f = found[k]
        if f.mention is not None and f.mention_toks is not None:
            f.speaker = _speaker(self.doc, self.book, line, f.mention_toks, f.mention)
        elif f.mid_sentence and (subject := sentence_subject(f.before)) is not None:
            f.speaker = _speaker(self.doc, self.book, line, f.before, subject)
        else:
            g = _inherit(found, k, nxt, voiced)
            if g is not None and g.speaker is None and g.mention is not None and g.mention_toks is not None:
                g.speaker = _speaker(self.doc, self.book, line, g.mention_toks, g.mention)
            if g is not None:
                f.speaker = g.speaker
            elif not f.mid_sentence:
                f.speaker = self._earlier_in_paragraph(line, f) or (self.carried_speaker() if k == 0 else None)

    def _earlier_in_paragraph(self, line: Line, f: _Found) -> Speaker | None:
        """``Doe recalled the first day. "It was dark."`` — the last speech verb earlier in the
        paragraph names the speaker of a quote that opens a sentence without a cue."""
        if f.head_verb is None:
            return None
        m = subject_before(f.head, f.head_verb)
        return _speaker(self.doc, self.book, line, f.head, m) if m is not None else None

    def _advance(self, line: Line, *, had_quotes: bool) -> None:
        self.prev_line, self.prev_had_quotes = line, had_quotes


def worth_scanning(doc: Document, line: Line) -> bool:
    """Every line but furniture; a line called furniture that reads as prose is scanned anyway,
    so that a layout mistake does not drop a quote (``‘We will win,’ a statement read.``)."""
    if line.is_blank:
        return False
    if doc.labels[line.index] not in SKIPPED_LABELS:
        return True
    words = line.text.split()
    return len(words) >= PROSE_WORDS and sum(w[:1].islower() for w in words) * 2 >= len(words)


def speaker_entries(found: list[Quote]) -> list[SpeakerEntry]:
    """Each resolved speaker once, in order of first quote, with its mentions and quote indices.

    >>> q = [Quote(Span(0, 1, "a"), "direct", Speaker("Jane Doe", Span(5, 8, "Doe"))),
    ...      Quote(Span(9, 10, "b"), "direct", Speaker("Jane Doe", Span(12, 15, "she")))]
    >>> [(e.name, [m.text for m in e.mentions], e.quotes) for e in speaker_entries(q)]
    [('Jane Doe', ['Doe', 'she'], [0, 1])]
    """
    entries: dict[str, SpeakerEntry] = {}
    seen: set[tuple[str, Span]] = set()  # (name, mention) pairs already listed, without rescanning
    for index, quote in enumerate(found):
        sp = quote.speaker
        if sp is None:
            continue
        entry = entries.setdefault(sp.name, SpeakerEntry(sp.name))
        entry.role = entry.role or sp.role
        if sp.mention is not None and (sp.name, sp.mention) not in seen:
            seen.add((sp.name, sp.mention))
            entry.mentions.append(sp.mention)
        entry.quotes.append(index)
    return list(entries.values())


@stage("quotes", requires=("lines", "labels", "body"), assigns=("quotes", "speakers"))
def quotes(doc: Document) -> None:
    reader = _Reader(doc, NameBook(doc.view))
    for line in doc.lines:
        if worth_scanning(doc, line):
            reader.read(line)
    doc.speakers = speaker_entries(doc.quotes)
