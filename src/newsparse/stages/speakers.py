"""Speakers: the words that name who said a quote, read from the cue next to it.

A cue is a speech verb (data: ``lexicon/speech_verbs.txt``) with its subject: ``…," Doe said``,
``…," said Jane Doe, a spokeswoman``, ``Doe told reporters: "…``, ``according to Doe``,
``the ministry issued a statement, saying "…``. Subjects are read from word tokens, walking away
from the verb over adverbs (``also``, ``on Sunday``), one appositive (``Doe, a spokeswoman, said``),
and then one noun phrase: a pronoun, a capitalized name (with its title), or a phrase that opens
with a determiner or a possessive (``the statement``, ``Iraq's foreign ministry``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import lexicon, rx

_TOKEN = rx.compile(r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}&]|[’'.\-](?=[\p{L}\p{N}]))*|\S")
_SENTENCE_PUNCT = frozenset(".!?;")
_QUOTE_CHARS = frozenset("“”\"«»„‘’'`")
MAX_NP_WORDS = 8
MAX_APPOSITIVE_TOKENS = 30


# not frozen: a paragraph makes thousands, and a frozen dataclass is three times slower to make
@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    lower: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker's words: token positions ``first``..``last`` (inclusive), and an appositive role."""

    first: int
    last: int
    role: tuple[int, int] | None = None  # char offsets of the appositive, if any


@cache
def _pronoun_kinds() -> dict[str, str]:
    return dict(tuple(e.split()) for e in lexicon.entries("pronouns"))  # type: ignore[misc]


def pronoun_kind(word: str) -> str | None:
    """``person`` for *he*, ``group`` for *they*, ``None`` for a word that is no pronoun."""
    return _pronoun_kinds().get(word.casefold())


@cache
def _abbreviations() -> frozenset[str]:
    return lexicon.words("abbreviations") | frozenset(t.rstrip(".").casefold() for t in lexicon.entries("titles"))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Word and punctuation tokens of ``text[start:end]``, offsets into ``text``.

    >>> [t.text for t in tokenize("Mr. O’Neil said: “Go.”")]
    ['Mr', '.', 'O’Neil', 'said', ':', '“', 'Go', '.', '”']
    """
    end = len(text) if end is None else end
    out: list[Tok] = []
    if end <= start:
        return out  # no call into the pattern: a paragraph of adjacent quotes has many empty gaps
    for m in _TOKEN.finditer(text, start, end):
        g = m.group()
        out.append(Tok(m.start(), m.end(), g, g.casefold()))
    return out


def is_abbreviation_dot(toks: list[Tok], k: int) -> bool:
    """The ``.`` at ``k`` ends an abbreviation or an initial (``Mr.``, ``U.S.``, ``J.``), not a sentence."""
    if toks[k].text != "." or k == 0:
        return False
    prev = toks[k - 1]
    if prev.end != toks[k].start:
        return False
    if prev.lower in _abbreviations() or (len(prev.text) == 1 and prev.is_cap):
        return True
    # F.B.I. and R-Ky.: dotted initials, and a party-state label after a lawmaker's name
    return "." in prev.text or ("-" in prev.text and len(prev.text) <= 6 and prev.is_cap)


def _used_as_noun(toks: list[Tok], k: int) -> bool:
    """``a series of tweets``, ``Doe's remarks``, ``recent remarks``: a speech word after a
    determiner, a link, a possessive, or (for a plural) a modifier from ``speech_noun_modifiers``."""
    if k == 0:
        return False
    prev = toks[k - 1].lower
    if toks[k].lower.endswith("s") and prev in lexicon.words("speech_noun_modifiers"):
        return True
    return prev in lexicon.words("np_determiners") or prev in lexicon.words("np_links") or prev.endswith(("’s", "'s"))


def _inside_name(toks: list[Tok], k: int) -> bool:
    """``the United States should`` / ``in the United States,``: a capitalized verb form right
    after a capitalized word, and prose (a lowercase word or punctuation) after it, is a name's
    last word. A headline's verb is followed by a capital or a quote: ``Doe Says ‘No’``."""
    if k == 0 or not toks[k].is_cap or not toks[k - 1].is_word or not toks[k - 1].is_cap:
        return False
    if k + 1 == len(toks):
        return False  # ``…, Doe Says`` ends a headline
    nxt = toks[k + 1]
    return (nxt.is_word and not nxt.is_cap) or nxt.text in (",", ".", ";", ")")


@cache
def _particle_verbs() -> frozenset[str]:
    """The verbs that take a particle in ``speech_verbs`` ("went" of "went on"): only these start a
    two-word lookup."""
    return frozenset(v.split()[0] for v in lexicon.words("speech_verbs") if " " in v)


def is_speech_verb(toks: list[Tok], k: int) -> bool:
    """A speech verb, a verb with its particle (``went on``), a statement verb with its noun
    (``issued a statement``), or ``put it``."""
    t = toks[k]
    if t.lower in lexicon.words("speech_verbs"):
        return not _used_as_noun(toks, k) and not _inside_name(toks, k)
    if t.lower in ("put", "puts") and k + 1 < len(toks) and toks[k + 1].lower == "it":
        return True
    with_particle = t.lower in _particle_verbs() and k + 1 < len(toks)
    if with_particle and f"{t.lower} {toks[k + 1].lower}" in lexicon.words("speech_verbs"):
        return True  # a verb with its particle: "went on", "pointed out"
    if t.lower in lexicon.words("statement_verbs"):
        nouns = lexicon.words("attribution_nouns")
        return any(x.lower in nouns for x in toks[k + 1:k + 5])
    return False


def _skip_adverbs_back(toks: list[Tok], i: int) -> int:
    """Step back over ``also``, ``has long``, ``on Saturday``, ``in recent days`` between a speaker
    and the verb."""
    adverbs = lexicon.words("speaker_adverbs")
    while i >= 0 and (toks[i].lower in adverbs or _time_preposition(toks, i) or _time_determiner(toks, i)):
        i -= 1
    return i


def _time_preposition(toks: list[Tok], i: int) -> bool:
    """``on`` in ``on Saturday`` / ``in the past``: a preposition before a time word already stepped
    over (past one determiner)."""
    if toks[i].lower not in lexicon.words("time_prepositions") or i + 1 >= len(toks):
        return False
    return toks[i + 1].lower in lexicon.words("speaker_adverbs") or _time_determiner(toks, i + 1)


def _time_determiner(toks: list[Tok], i: int) -> bool:
    """``the`` in ``Doe in the past has said``: a determiner between a time preposition and a time
    word, so the whole phrase is stepped over and the name before it is the subject."""
    if i < 1 or i + 1 >= len(toks) or toks[i].lower not in lexicon.words("np_determiners"):
        return False
    return toks[i - 1].lower in lexicon.words("time_prepositions") and toks[i + 1].lower in lexicon.words("speaker_adverbs")


def subject_before(toks: list[Tok], verb: int) -> Mention | None:
    """The subject of the speech verb at ``verb``, read backwards.

    >>> toks = tokenize("Jane Doe, a spokeswoman, also said")
    >>> m = subject_before(toks, 6); [toks[m.first].text, toks[m.last].text]
    ['Jane', 'Doe']
    """
    i = _skip_parenthetical_back(toks, _skip_adverbs_back(toks, verb - 1))
    if i < 0:
        return None
    role = None
    if toks[i].text == ",":
        comma = _appositive_open(toks, i)
        if comma is None:
            return None
        if is_speech_verb(toks, i - 1) and i - 1 > comma + 1:
            return subject_before(toks, i - 1)  # "CNN, Doe said, called it …": the inserted cue
        role = (toks[comma + 1].start, toks[i - 1].end)
        i = _skip_comma_adverb_back(toks, _skip_parenthetical_back(toks, comma - 1))
        titled = _nominal_then_name(toks, i, comma)
        if titled is not None:
            return titled
    np = noun_phrase_ending_at(toks, i)
    for _ in range(3):
        if np is None or np.first < 2 or toks[np.first - 1].lower not in lexicon.words("place_prepositions"):
            break
        comma = _appositive_open(toks, _comma_before(toks, np.first))
        if comma is None:
            break
        np = noun_phrase_ending_at(toks, _skip_parenthetical_back(toks, comma - 1))
    if np is None:
        return None
    return Mention(np.first, np.last, role)


def _skip_comma_adverb_back(toks: list[Tok], i: int) -> int:
    """``Doe, meanwhile, who was there, said``: the adverb set off by commas before an appositive
    is no subject; the name before it is."""
    if i >= 2 and toks[i].lower in lexicon.words("speaker_adverbs") and toks[i - 1].text == ",":
        return _skip_parenthetical_back(toks, i - 2)
    return i


def _is_nominal(toks: list[Tok], np: Mention) -> bool:
    """``the mayor``, ``Its lawyer``, ``the group's president``: a phrase, not a name."""
    first = toks[np.first]
    return first.lower in lexicon.words("np_determiners") or not first.is_cap or first.lower.endswith(("’s", "'s"))


def _name_after_comma(toks: list[Tok], comma: int) -> int | None:
    """The last token of a proper name right after ``comma`` that ends at a comma or the phrase's end."""
    k = comma + 1
    if k >= len(toks) or not toks[k].is_word or not toks[k].is_cap or pronoun_kind(toks[k].lower):
        return None
    last = _phrase_end_from(toks, k)
    if last is None or (last + 1 < len(toks) and toks[last + 1].is_word):
        return None
    return last


def _nominal_then_name(toks: list[Tok], i: int, comma: int) -> Mention | None:
    """``The mayor of Millbrook, Idris Ma'arouf, said``: the name in the appositive is the speaker,
    and the mention covers both."""
    np = noun_phrase_ending_at(toks, i)
    if np is not None and not _is_nominal(toks, np) and np.first >= 2 and toks[np.first - 1].lower in lexicon.words("np_links"):
        outer = noun_phrase_ending_at(toks, np.first - 2)  # "The mayor of Millbrook"
        np = Mention(outer.first, np.last) if outer is not None else np
    if np is None or not _is_nominal(toks, np):
        return None
    last = _name_after_comma(toks, comma)
    return Mention(np.first, last) if last is not None else None


def _comma_before(toks: list[Tok], i: int) -> int:
    """The comma that closes the phrase holding token ``i`` (its position, or ``i`` if none)."""
    return next((k for k in range(i, len(toks)) if toks[k].text == ","), i)


def _skip_parenthetical_back(toks: list[Tok], i: int) -> int:
    """``Sen. Jane Doe (D-Ore.) said``: step back over a short parenthetical after a name."""
    if i < 1 or toks[i].text != ")":
        return i
    for k in range(i - 1, max(-1, i - 8), -1):
        if toks[k].text == "(":
            return k - 1
    return i


def _appositive_open(toks: list[Tok], close: int) -> int | None:
    """The comma that opens an appositive closed by the comma at ``close`` (``Doe, 45, said``)."""
    for k in range(close - 1, max(-1, close - MAX_APPOSITIVE_TOKENS), -1):
        t = toks[k]
        if t.text == "," and k < close - 1:
            return k
        if t.text in _SENTENCE_PUNCT and not is_abbreviation_dot(toks, k) or t.text in _QUOTE_CHARS:
            return None
    return None


def noun_phrase_ending_at(toks: list[Tok], i: int) -> Mention | None:
    """The speaker noun phrase whose last token is ``i``: pronoun, name, or determiner phrase."""
    if i < 0 or not toks[i].is_word:
        return None
    t = toks[i]
    if pronoun_kind(t.lower):
        return Mention(i, i)
    if t.lower in lexicon.words("clause_words") or t.lower in lexicon.words("np_determiners"):
        return None
    if t.is_cap:
        return _name_ending_at(toks, i)
    return _nominal_ending_at(toks, i)


def _is_name_part(toks: list[Tok], k: int) -> bool:
    t = toks[k]
    if t.is_word:
        return (t.is_cap and t.text not in lexicon.cased("name_stopwords")) or t.lower in lexicon.words("name_particles")
    return is_abbreviation_dot(toks, k)


def _name_ending_at(toks: list[Tok], i: int) -> Mention | None:
    """``Jane Doe``, ``Sen. Doe``, ``the Pentagon``: capitalized words, titles and initials."""
    if not _is_name_part(toks, i):
        return None
    k = i
    while k - 1 >= 0 and i - k < MAX_NP_WORDS and _is_name_part(toks, k - 1) and toks[k - 1].end + 2 >= toks[k].start:
        k -= 1
    while k < i and not toks[k].is_word:
        k += 1
    if k - 1 >= 0 and toks[k - 1].lower == "the":
        k -= 1
    return Mention(k, i)


def _nominal_ending_at(toks: list[Tok], i: int) -> Mention | None:
    """``the statement``, ``Iraq's foreign ministry``, ``a spokesman for the campaign``, ``officials``."""
    determiners = lexicon.words("np_determiners")
    clause = lexicon.words("clause_words")
    links = lexicon.words("np_links")
    k, words = i, 0
    while k >= 0 and words < MAX_NP_WORDS:
        t = toks[k]
        if not t.is_word:
            break
        if t.lower in determiners:
            if k >= 2 and toks[k - 1].lower in links and toks[k - 2].is_word and toks[k - 2].lower not in clause:
                k, words = k - 2, words + 2
                continue
            return Mention(k, i)
        if t.lower.endswith(("’s", "'s")) and t.is_cap:
            name = _name_ending_at(toks, k)
            return Mention(name.first if name else k, i)
        if t.lower in clause or (t.is_cap and t.text in lexicon.cased("name_stopwords")):
            break
        k, words = k - 1, words + 1
    first = k + 1
    while first <= i and toks[first].lower in links:
        first += 1
    if first > i or i - first >= 2:
        return None
    return Mention(first, i)


def noun_phrase_from(toks: list[Tok], i: int) -> Mention | None:
    """The speaker noun phrase that starts at token ``i``, read forwards (``said Jane Doe, a
    spokeswoman``), with its appositive as the role."""
    while i < len(toks) and toks[i].text in ("—", "–", "―", "-", "(", ","):
        i += 1
    if i >= len(toks) or not toks[i].is_word:
        return None
    last = _phrase_end_from(toks, i)
    if last is None:
        return None
    if last + 1 < len(toks) and toks[last + 1].text == "," and _is_nominal(toks, Mention(i, last)):
        named = _name_after_comma(toks, last + 1)
        if named is not None:
            return Mention(i, named)  # "said the group's president, Walter Nakamura"
    return Mention(i, last, _appositive_after(toks, last))


def _phrase_end_from(toks: list[Tok], i: int) -> int | None:
    t = toks[i]
    if pronoun_kind(t.lower) and t.lower != "who":
        return i
    determiners, clause, links = lexicon.words("np_determiners"), lexicon.words("clause_words"), lexicon.words("np_links")
    if t.is_cap and t.lower not in determiners:
        k = i
        while k + 1 < len(toks) and k - i < MAX_NP_WORDS and _is_name_part(toks, k + 1):
            k += 1
        while k > i and not toks[k].is_word:
            k -= 1
        if not _is_name_part(toks, i):
            return None
        close = next((j for j in range(k + 2, min(len(toks), k + 9)) if toks[j].text == ")"), None)
        if close is not None and toks[k + 1].text == "(":
            return close
        longer = _role_then_name(toks, k + 1) if k + 1 < len(toks) and toks[k + 1].start - toks[k].end <= 2 else None
        return longer if longer is not None else k
    if t.lower not in determiners:
        return _role_then_name(toks, i)
    k = i
    while k + 1 < len(toks) and k - i < MAX_NP_WORDS:
        n = toks[k + 1]
        if not n.is_word or (n.lower in clause and n.lower not in links) or n.lower in lexicon.words("speech_verbs"):
            break
        k += 1
    while k > i and toks[k].lower in links | determiners:
        k -= 1
    return k if k > i else None


def _appositive_after(toks: list[Tok], last: int) -> tuple[int, int] | None:
    """``, a State Department spokeswoman`` after a name: its char span, up to the next comma/stop."""
    if last + 2 >= len(toks) or toks[last + 1].text != ",":
        return None
    first = last + 2
    if toks[first].lower not in lexicon.words("np_determiners") and toks[first].is_cap:
        return None
    k = first
    while k + 1 < len(toks) and toks[k + 1].text not in {",", ";", ".", "?", "!"} | _QUOTE_CHARS and k - first < 15:
        k += 1
    return (toks[first].start, toks[k].end)


def _role_then_name(toks: list[Tok], i: int) -> int | None:
    """``former congressman Barney Frank``: a few lowercase role words, then a name; its last token."""
    k = i
    while k < len(toks) and k - i < 4 and toks[k].is_word and not toks[k].is_cap:
        w = toks[k].lower
        if any(w in lexicon.words(n) for n in ("clause_words", "speech_verbs", "np_links", "np_determiners")):
            return None
        k += 1
    if k >= len(toks) or k == i or not _is_name_part(toks, k) or not toks[k].is_word:
        return None
    return _phrase_end_from(toks, k)
