"""Names: turn the words that name a speaker into the best name the article gives.

``Mr. Patel`` becomes the full name mentioned earlier (``Vedant Patel``); ``he`` the latest person
who spoke; ``the statement`` the body that issued it (``a statement from the ministry`` →
``the ministry``; ``the ministry issued a statement`` earlier → ``the ministry``). The mention in the
output stays the words in the text; only ``name`` is resolved.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import lexicon, rx
from .speakers import pronoun_kind, subject_before, tokenize

_FULL_NAME = rx.compile(
    r"(?<![\p{L}.])\p{Lu}[\p{L}’'\-]*\p{Ll}(?: \p{Lu}\.)?(?: +\p{Lu}[\p{L}’'\-]*\p{Ll}){1,5}(?![\p{L}])"
)
_CAP_WORD = rx.compile(r"(?<![\p{L}])\p{Lu}[\p{L}’'\-]*\p{Ll}(?![\p{L}])")
ARTIFACT_LOOKBACK = 6000


def _is_person(name: str) -> bool:
    return not any(w.casefold() in lexicon.words("org_words") for w in name.split())


@cache
def _title_words() -> frozenset[str]:
    return frozenset(t.rstrip(".").casefold() for t in lexicon.entries("titles"))


@cache
def _artifact_patterns() -> tuple[rx.Pattern, rx.Pattern, rx.Pattern]:
    """``a statement by X``, ``X issued a statement``, and where an attribution noun starts: both
    kinds of artifact hold such a noun, so only the text around one is worth matching."""
    nouns = "|".join(sorted(lexicon.words("attribution_nouns"), key=len, reverse=True))
    by = rx.compile(
        rf"\b(?i:{nouns})\b(?:\s+\p{{Ll}}+){{0,2}}?\s+(?:from|by)\s+"
        r"(?P<np>(?:the\s+)?\p{Lu}[\p{L}.’'\-]*(?:\s+(?:\p{Lu}[\p{L}.’'\-]*|of|for|\(\p{Lu}+\))){0,6})",
    )
    verbs = "|".join(sorted(lexicon.words("statement_verbs") | lexicon.words("speech_verbs"), key=len, reverse=True))
    issued = rx.compile(
        rf"\b(?:{verbs})(?: [\p{{L}}\-]+){{0,3}}? (?:in )?(?:a|an|the|its|his|her|their) (?:[\p{{L}}\-]+ ){{0,2}}?(?:{nouns})\b",
        rx.I,
    )
    noun_at = rx.compile(rf"\b(?=(?:{nouns})\b)", rx.I)
    return by, issued, noun_at


# Characters no ``X issued a statement`` can hold (it is letters, hyphens and single spaces): the
# text between two of them around a noun is the only place such a match can be.
_ISSUED_STOPS = "\n.,;:!?\"“”()"


def _noun_starts(text: str) -> list[int]:
    """Where an attribution noun starts in ``text``, as the noun pattern says. Where folding keeps
    every character one character long (nearly always), only the places where the folded text
    holds a noun are tried: a few substring searches instead of a pattern at every character."""
    noun_at = _artifact_patterns()[2]
    folded = text.casefold()
    if len(folded) != len(text):
        return [m.start() for m in noun_at.finditer(text)]
    places: set[int] = set()
    for noun in lexicon.words("attribution_nouns"):
        at = folded.find(noun)
        while at >= 0:
            places.add(at)
            at = folded.find(noun, at + 1)
    return [at for at in sorted(places) if noun_at.match(text, at) is not None]


def find_artifacts(text: str) -> tuple[list[Any], list[Any]]:
    """Every ``a statement by X`` and every ``X issued a statement`` in ``text``, in order: the
    same matches as running both patterns over the whole text, found only where a noun stands.

    >>> by, issued = find_artifacts("A statement from the Ministry came. The mayor issued a statement.")
    >>> [m.group("np") for m in by], [m.group() for m in issued]
    (['the Ministry'], ['issued a statement'])
    """
    by_pattern, issued_pattern, _ = _artifact_patterns()
    starts = _noun_starts(text)
    by: list[Any] = []
    for start in starts:
        if by and start < by[-1].end():
            continue
        m = by_pattern.match(text, start)
        if m is not None:
            by.append(m)
    issued: list[Any] = []
    done = 0
    for start in starts:
        if start < done:
            continue
        low = max(text.rfind(ch, 0, start) for ch in _ISSUED_STOPS) + 1
        high = min((k for k in (text.find(ch, start) for ch in _ISSUED_STOPS) if k >= 0), default=len(text))
        issued += issued_pattern.finditer(text, low, min(len(text), high + 1))
        done = high
    return by, issued


def strip_titles(name: str) -> list[str]:
    """Name words without titles or a possessive: ``Sen. Jane Doe's`` → ``['Jane', 'Doe']``."""
    words = [w.removesuffix("’s").removesuffix("'s") for w in name.split()]
    return [w for w in words if w.rstrip(".").casefold() not in _title_words() and w.casefold() != "the"]


@dataclass
class NameBook:
    """What the article has said so far about people and bodies, for resolving mentions."""

    text: str
    _full: dict[str, str] | None = None
    _roles: dict[str, str] = field(default_factory=dict)
    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, name), kept sorted
    _mentions: list[tuple[int, str]] | None = None
    speakers: list[str] = field(default_factory=list)
    _artifacts: tuple[list[Any], list[Any]] | None = None

    def artifacts(self) -> tuple[list[Any], list[Any]]:
        """Every ``a statement by X`` and every ``X issued a statement`` in the article, in order
        (found once, so that many quotes from *the statement* do not each rescan the text)."""
        if self._artifacts is None:
            self._artifacts = find_artifacts(self.text)
        return self._artifacts

    def full_names(self) -> dict[str, str]:
        """Last name → the first full name with that last name in the article (built once); the
        capitalized words before a full name are its role (``Deputy Spokesperson Jane Doe``)."""
        if self._full is None:
            self._full = {}
            for m in _FULL_NAME.finditer(self.text):
                self._index_name(m.group().split())
        return self._full

    def _index_name(self, words: list[str]) -> None:
        stop = lexicon.cased("name_stopwords")
        while words and words[0] in stop:
            words = words[1:]
        size = 3 if len(words) >= 3 and len(words[-2]) == 2 else 2
        name = words[-size:]
        if len(name) < 2 or len(strip_titles(" ".join(name))) < len(name):
            return
        full = " ".join(name)
        self._full.setdefault(name[-1], full)  # type: ignore[union-attr]
        if len(words) > size:
            self._roles.setdefault(full, " ".join(words[:-size]))

    def role_of(self, name: str) -> str | None:
        """The role the article gave ``name`` beside its full name, if any."""
        self.full_names()
        return self._roles.get(name)

    def resolve(self, mention: str, at: int) -> str:
        """The best name for ``mention`` found at offset ``at``; records it as the latest speaker."""
        kind = pronoun_kind(mention)
        if kind == "person":
            name = self._latest_person(at) or mention
        elif kind == "group":
            name = self.speakers[-1] if self.speakers else mention
        elif all(w[:1].isupper() for w in mention.split()) and not mention.casefold().startswith(("the ", "a ", "an ")):
            name = self._person(mention, at)
        else:
            name = self._body(mention, at)
        if kind is None:
            self.speakers.append(name)
        return name

    def _person(self, mention: str, at: int = -1) -> str:
        words = strip_titles(mention)
        if not words:
            return mention
        full = self.full_names().get(words[-1])
        name = full if full and len(full.split()) > len(words) else " ".join(words)
        bisect.insort(self.persons, (at, name))
        return name

    def _latest_person(self, at: int) -> str | None:
        """The person named last before ``at``: a speaker, or any person the text names (``Doe was
        gracious in defeat. "…," he said.``)."""
        k = bisect.bisect_left(self.persons, (at,))  # persons stay sorted: a search, not a scan
        spoken = self.persons[k - 1] if k else None
        mentions = self.person_mentions()
        k = bisect.bisect_left(mentions, (at,))
        named = mentions[k - 1] if k else None
        best = max((c for c in (spoken, named) if c is not None), default=None)
        return best[1] if best else None

    def person_mentions(self) -> list[tuple[int, str]]:
        """Where the article names a person (full name or last name alone), in order (built once)."""
        if self._mentions is None:
            full = self.full_names()
            people = {last: name for last, name in full.items() if _is_person(name)}
            self._mentions = [(m.start(), people[m.group()]) for m in _CAP_WORD.finditer(self.text) if m.group() in people]
        return self._mentions

    def _body(self, mention: str, at: int) -> str:
        """``the statement`` → who issued the latest statement before ``at``; other nominals stay."""
        head = next((w for w in mention.casefold().split() if w in lexicon.words("attribution_nouns")), None)
        if head is None:
            return mention
        for link in (" from ", " by ", " of "):
            if link in mention:
                return mention.split(link, 1)[1]
        for mark in ("’s ", "'s "):
            if mark in mention:
                return mention.split(mark, 1)[0]  # "the ministry's statement" -> "the ministry"
        return self._issuer_before(at) or mention

    def _issuer_before(self, at: int) -> str | None:
        """Who issued the latest statement before ``at``: ``a statement by X``, ``X issued a
        statement``, ``X said in a statement`` — whichever comes last."""
        found_by, issued = self.artifacts()
        lo = max(0, at - ARTIFACT_LOOKBACK)
        k = bisect.bisect_right(found_by, at, key=lambda m: m.end()) - 1
        best = (found_by[k].start(), found_by[k].group("np")) if k >= 0 and found_by[k].start() >= lo else None
        for j in range(bisect.bisect_right(issued, at, key=lambda m: m.end()) - 1, -1, -1):
            m = issued[j]
            if m.start() < lo or (best is not None and m.start() < best[0]):
                break
            subject = self._subject_of(m.start(), m.start() + len(m.group().split()[0]), lo)
            if subject:
                return subject
        return best[1] if best else None

    def _subject_of(self, verb_start: int, verb_end: int, lo: int) -> str | None:
        """The words naming the subject of the verb at ``verb_start``, within its sentence."""
        sent = max(self.text.rfind(". ", lo, verb_start), self.text.rfind("\n", lo, verb_start)) + 1
        toks = tokenize(self.text, sent, verb_end)
        subj = subject_before(toks, len(toks) - 1) if toks else None
        if subj is None:
            return None
        words = self.text[toks[subj.first].start:toks[subj.last].end]
        head, _, tail = words.rpartition(", ")
        return tail if head and all(w[:1].isupper() for w in tail.split()) else words
