"""Names: turn the words that name a speaker into the best name the article gives.

``Mr. Patel`` becomes the full name mentioned earlier (``Vedant Patel``); ``he`` the latest person
who spoke; ``the statement`` the body that issued it (``a statement from the ministry`` →
``the ministry``; ``the ministry issued a statement`` earlier → ``the ministry``). The mention in the
output stays the words in the text; only ``name`` is resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .. import lexicon, rx
from .speakers import pronoun_kind, subject_before, tokenize

_FULL_NAME = rx.compile(
    r"(?<![\p{L}.])\p{Lu}[\p{L}’'\-]*\p{Ll}(?: \p{Lu}\.)?(?: +\p{Lu}[\p{L}’'\-]*\p{Ll}){1,5}(?![\p{L}])"
)
ARTIFACT_LOOKBACK = 6000


@cache
def _title_words() -> frozenset[str]:
    return frozenset(t.rstrip(".").casefold() for t in lexicon.entries("titles"))


@cache
def _artifact_patterns() -> tuple[rx.Pattern, rx.Pattern]:
    nouns = "|".join(sorted(lexicon.words("attribution_nouns"), key=len, reverse=True))
    verbs = "|".join(sorted(lexicon.words("statement_verbs"), key=len, reverse=True))
    by = rx.compile(
        rf"\b(?i:{nouns})\b(?:\s+\p{{Ll}}+){{0,2}}?\s+(?:from|by)\s+"
        r"(?P<np>(?:the\s+)?\p{Lu}[\p{L}.’'\-]*(?:\s+(?:\p{Lu}[\p{L}.’'\-]*|of|for|\(\p{Lu}+\))){0,6})",
    )
    issued = rx.compile(rf"\b(?:{verbs})(?:\s+out)?\s+(?:a|an|the|its|his|her|their)\s+(?:[\p{{L}}\-]+\s+){{0,2}}?(?:{nouns})\b", rx.I)
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
    persons: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)

    def full_names(self) -> dict[str, str]:
        """Last name → the first full name with that last name in the article (built once); the
        capitalized words before a full name are its role (``Deputy Spokesperson Jane Doe``)."""
        if self._full is None:
            self._full = {}
            for m in _FULL_NAME.finditer(self.text):
                self._index_name(m.group().split())
        return self._full

    def _index_name(self, words: list[str]) -> None:
        stop = lexicon.entries("name_stopwords")
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
            name = self.persons[-1] if self.persons else mention
        elif kind == "group":
            name = self.speakers[-1] if self.speakers else mention
        elif all(w[:1].isupper() for w in mention.split()) and not mention.casefold().startswith(("the ", "a ", "an ")):
            name = self._person(mention)
        else:
            name = self._body(mention, at)
        if kind is None:
            self.speakers.append(name)
        return name

    def _person(self, mention: str) -> str:
        words = strip_titles(mention)
        if not words:
            return mention
        full = self.full_names().get(words[-1])
        name = full if full and len(full.split()) > len(words) else " ".join(words)
        self.persons.append(name)
        return name

    def _body(self, mention: str, at: int) -> str:
        """``the statement`` → who issued the latest statement before ``at``; other nominals stay."""
        head = next((w for w in mention.casefold().split() if w in lexicon.words("attribution_nouns")), None)
        if head is None:
            return mention
        for link in (" from ", " by ", " of "):
            if link in mention:
                return mention.split(link, 1)[1]
        return self._issuer_before(at) or mention

    def _issuer_before(self, at: int) -> str | None:
        by, issued = _artifact_patterns()
        lo = max(0, at - ARTIFACT_LOOKBACK)
        best: tuple[int, str] | None = None
        found_by = by.finditer(self.text, lo, at)
        if found_by:
            m = found_by[-1]
            best = (m.start(), m.group("np"))
        found_issued = issued.finditer(self.text, lo, at)
        if found_issued and (best is None or found_issued[-1].start() > best[0]):
            m = found_issued[-1]
            sent = max(self.text.rfind(". ", lo, m.start()), self.text.rfind("\n", lo, m.start())) + 1
            toks = tokenize(self.text, sent, m.start() + len(m.group().split()[0]))
            subj = subject_before(toks, len(toks) - 1) if toks else None
            if subj:
                best = (m.start(), self.text[toks[subj.first].start:toks[subj.last].end])
        return best[1] if best else None
