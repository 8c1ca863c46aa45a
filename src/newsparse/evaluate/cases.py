"""Error cases: one mistake, the class it belongs to, and enough context to see why it happened.

Scorers return cases; :func:`pick` chooses which to show so that the biggest classes come first and
each of them gets an example before any class gets a second one.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Case:
    """One scored mistake. ``kind`` names its error class ("missed DATE 9999-99-99"); ``weight`` orders
    cases within a class, the worst first."""

    kind: str
    doc: str
    gold: str
    ours: str
    context: str = ""
    weight: float = 1.0
    gold_context: str = ""  # where the gold value shows in the text, when we can find it
    item: str = ""  # what the mistake is about, when ``gold`` carries scores that change between runs

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def class_counts(cases: Iterable[Case]) -> list[dict[str, object]]:
    """Error classes, biggest first: ``[{"class": …, "count": …}]``."""
    counts = Counter(c.kind for c in cases)
    return [{"class": k, "count": n} for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def pick(cases: Sequence[Case], n: int) -> list[Case]:
    """``n`` cases, round-robin over the classes (biggest class first), the worst of each first.

    >>> cs = [Case("a", "d1", "", "", weight=1), Case("a", "d2", "", "", weight=3), Case("b", "d3", "", "")]
    >>> [c.doc for c in pick(cs, 2)]
    ['d2', 'd3']
    """
    by_kind: dict[str, list[Case]] = defaultdict(list)
    for c in cases:
        by_kind[c.kind].append(c)
    queues = [_varied(v) for _, v in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    out: list[Case] = []
    depth = 0
    while len(out) < n and any(depth < len(q) for q in queues):
        out.extend(q[depth] for q in queues if depth < len(q))
        depth += 1
    return out[:n]


def _varied(cases: Sequence[Case]) -> list[Case]:
    """Worst first; among equals, a stable shuffle by document, and one case per document before any
    document gets a second, so a class's examples are not all from the corpus's first file."""
    ranked = sorted(cases, key=lambda c: (-c.weight, zlib.crc32(c.doc.encode("utf-8"))))
    seen: set[str] = set()
    first, rest = [], []
    for c in ranked:
        (rest if c.doc in seen else first).append(c)
        seen.add(c.doc)
    return first + rest


def context(text: str, start: int, end: int, width: int = 70, inner: int = 0) -> str:
    """The span marked ``⟦…⟧`` with ``width`` characters either side, on one line; with ``inner`` a
    span longer than that keeps only its two ends.

    >>> context("It rained on Monday and then it stopped.", 13, 19, width=8)
    '…ined on ⟦Monday⟧ and the…'
    """
    left = max(0, start - width)
    right = min(len(text), end + width)
    middle = text[start:end]
    if inner and len(middle) > inner:
        middle = middle[: inner // 2] + " … " + middle[-(inner // 2):]
    snippet = " ".join(f"{text[left:start]}⟦{middle}⟧{text[end:right]}".split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def clip(text: str, width: int = 160) -> str:
    """One line of at most ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# --- what changed between two runs ---------------------------------------------------------------------

def case_key(case: dict[str, object]) -> tuple[str, str]:
    """A mistake's identity across runs: the document and the gold item (our item for a spurious one),
    so a mistake that only changes its wrong answer counts as the same mistake."""
    if case.get("item"):
        return str(case["doc"]), str(case["item"])
    gold = str(case["gold"])
    return str(case["doc"]), gold if gold != "—" else "ours:" + str(case["ours"])


def compare(before: Sequence[dict[str, object]], after: Sequence[dict[str, object]]) -> dict[str, object]:
    """Mistakes fixed and mistakes new since ``before``, with per-class counts.

    >>> old = [{"kind": "k", "doc": "d", "gold": "g1", "ours": "x"}, {"kind": "k", "doc": "d", "gold": "g2", "ours": "x"}]
    >>> new = [{"kind": "k", "doc": "d", "gold": "g2", "ours": "y"}, {"kind": "m", "doc": "e", "gold": "—", "ours": "z"}]
    >>> r = compare(old, new)
    >>> [c["gold"] for c in r["fixed"]], [c["ours"] for c in r["new"]], r["classes"]
    (['g1'], ['z'], [{'class': 'k', 'fixed': 1, 'new': 0}, {'class': 'm', 'fixed': 0, 'new': 1}])
    """
    old_keys = {case_key(c) for c in before}
    new_keys = {case_key(c) for c in after}
    fixed = [c for c in before if case_key(c) not in new_keys]
    new = [c for c in after if case_key(c) not in old_keys]
    fixed_n = Counter(str(c["kind"]) for c in fixed)
    new_n = Counter(str(c["kind"]) for c in new)
    classes = [{"class": k, "fixed": fixed_n[k], "new": new_n[k]}
               for k in sorted(set(fixed_n) | set(new_n), key=lambda k: (-(fixed_n[k] + new_n[k]), k))]
    return {"fixed": fixed, "new": new, "classes": classes}
