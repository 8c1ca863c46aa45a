"""The small pieces every scorer shares: P/R/F1 from counts, span overlap, one-to-one greedy matching,
and the text normalizations that CONTRACT.md scores with.

Everything here is a pure function over plain values, so the same code scores newsparse and its peers.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from .. import lexicon, rx

_WORD = rx.compile(r"\w+")

# Curly, low and angle quotes become straight ones; every dash-like character becomes "-". Headlines are
# typed by people and re-typed by CMSs, so these glyphs differ between a page and its metadata.
_QUOTE_DASH = str.maketrans(
    {**{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a"},
     **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
     **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}}
)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts, with the conventions of the dates README.

    With no predictions P is 1 if there is no gold else 0; with no gold R is 1 if there are no
    predictions else 0 (so an empty document scored against an empty gold is perfect).

    >>> PRF.of(3, 4, 6).f1
    0.6
    """

    tp: int
    predicted: int
    gold: int

    @classmethod
    def of(cls, tp: int, predicted: int, gold: int) -> PRF:
        return cls(tp, predicted, gold)

    @property
    def p(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.predicted

    @property
    def r(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.tp / self.gold

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


def ratio(num: float, den: float) -> float | None:
    """``num / den`` rounded for reports, or ``None`` when nothing was counted."""
    return round(num / den, 4) if den else None


def mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two half-open spans share (0 when they are disjoint).

    >>> overlap((0, 10), (5, 20)), overlap((0, 5), (5, 9))
    (5, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(candidates: Iterable[tuple[int, int, int]], taken_gold: set[int] | None = None,
                 taken_pred: set[int] | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs from ``(weight, gold_index, pred_index)`` candidates, heaviest first.

    Ties go to the earlier gold item, then the earlier prediction, so the result never depends on the
    order candidates were listed in. Items already in ``taken_gold``/``taken_pred`` stay unpaired.

    >>> greedy_pairs([(3, 0, 0), (5, 0, 1), (4, 1, 1)])
    [(0, 1)]
    """
    used_g = set(taken_gold or ())
    used_p = set(taken_pred or ())
    pairs = []
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def normalize_text(text: str) -> str:
    """Casefold, straighten quotes and dashes, collapse whitespace: how headlines are compared.

    >>> normalize_text("  \u201cBridge\u201d  Reopens \u2014 Finally ")
    '"bridge" reopens - finally'
    """
    return " ".join(text.translate(_QUOTE_DASH).casefold().split())


def tokens(text: str) -> list[str]:
    """The casefolded ``\\w+`` tokens of ``text``.

    >>> tokens("Ana's bridge, re-opened!")
    ['ana', 's', 'bridge', 're', 'opened']
    """
    return [m.group() for m in _WORD.finditer(text.casefold())]


def token_bag(text: str) -> Counter[str]:
    return Counter(tokens(text))


def bag_prf(predicted: Counter[str], gold: Counter[str]) -> PRF:
    """Multiset overlap of two bags of tokens: a word kept twice but written once counts once."""
    tp = sum((predicted & gold).values())
    return PRF.of(tp, sum(predicted.values()), sum(gold.values()))


@cache
def scoring_words(name: str) -> frozenset[str]:
    """One list of ``lexicon/scoring.json`` as a set."""
    return frozenset(lexicon.table("scoring")[name])


def _strip_leading(words: list[str], drop: frozenset[str]) -> list[str]:
    while words and words[0].rstrip(".:") in drop:
        words = words[1:]
    return words


def normalize_name(name: str) -> str:
    """An author name as CONTRACT.md compares it: casefolded, without "By" and titles like "Dr.".

    >>> normalize_name("By Dr. Ana  Ruiz,")
    'ana ruiz'
    """
    prefixes = scoring_words("byline_prefixes") | scoring_words("name_titles")
    words = normalize_text(name).split()
    for phrase in sorted((p for p in prefixes if " " in p), key=len, reverse=True):
        if " ".join(words).startswith(phrase + " "):
            words = words[len(phrase.split()):]
    words = _strip_leading(words, prefixes)
    return " ".join(words).strip(" ,;:|-.")


def name_tokens(name: str) -> list[str]:
    """A speaker name's tokens, lowercased and without titles ("Mr.", "Sen.", "President", "the").

    >>> name_tokens("Sen. Ana Ruiz")
    ['ana', 'ruiz']
    """
    drop = scoring_words("speaker_titles")
    return [t for t in tokens(name) if t not in drop]


def is_pronoun(mention: str) -> bool:
    """ "he", "She", "they" … : a gold speaker that only a span overlap can confirm."""
    return normalize_text(mention).strip(" .,") in scoring_words("pronouns")


def names_agree(a: str, b: str) -> bool:
    """Two speaker names refer to the same person by CONTRACT.md's rule: after dropping titles they
    share their last token, or one's tokens all occur in the other's.

    >>> names_agree("President Ana Ruiz", "Ms. Ruiz"), names_agree("Ana Ruiz", "Ben Ruiz-Ortega")
    (True, False)
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta[-1] == tb[-1]:
        return True
    sa, sb = set(ta), set(tb)
    return sa <= sb or sb <= sa


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` past quotation marks, whitespace and punctuation at either edge.

    Gold quote spans exclude the marks and systems differ on the final comma, so both sides are trimmed
    before their overlap is measured.

    >>> trim_span('He said: \u201cWe won.\u201d', 9, 17)
    (10, 16)
    """
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return start, end


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def value_shape(value: str) -> str:
    """A TimeML value with its digits masked, to group value errors by form.

    >>> value_shape("1998-02-12"), value_shape("P3D"), value_shape("PRESENT_REF")
    ('9999-99-99', 'P9D', 'PRESENT_REF')
    """
    return "".join("9" if c.isdigit() else c for c in value)
