"""Blocks: what each line of a page dump is, judged from the text alone (no stage of its own).

A copied web page is one block per line: menus, share rows and link lists sit around the article's
paragraphs. Following jusText, a line is judged by its length and by how much of it is function words
(prose is full of "the", "der", "de"; a menu is not), then short and doubtful lines take the class of
their neighbours: a short subheading between two paragraphs belongs to the article, a short line
between two menus does not. Text has lost the link density jusText also uses, so the cues text still
carries stand in: cookie and subscription language, share rows, timers, copyright lines, repeated lines.

The stages ``boilerplate``, ``header`` and ``authors`` read these judgements; this module only computes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import lexicon, rx
from ..document import Line

GOOD, NEAR_GOOD, SHORT, BAD = "good", "near_good", "short", "bad"
UNLISTED = "unlisted"  # a language without a function-word list (or CJK): lines are judged by shape

# Thresholds in characters and in share of function words (jusText's defaults, tuned on pasted text).
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.20
STOPWORDS_HIGH = 0.30
STOPWORDS_DENSE_PROSE = 0.10
REPEATED_MAX_CHARS = 40  # longer repeated lines may be the headline, which layouts repeat
CUE_MAX_CHARS = 90  # a cue word only condemns a line this short; longer lines are judged as prose
CUE_FEW_WORDS = 6  # a one-word cue ("Facebook") only condemns a line of this many words or fewer
CJK_SHARE = 0.3  # share of CJK characters from which a text is read per character, not per word

_WORD = rx.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’]*")
_CJK = rx.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_SENTENCE_END = rx.compile(r"[.!?。！？:;…\"”»)’]\s*$")
_TIMER = rx.compile(r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?")
_COUNT = rx.compile(r"\d[\d.,]*\s?[kKmM]?\s?\p{L}{0,12}|\p{L}{0,12}\s?\(?\d[\d.,]*\)?")
_SHARE_ROW_SEP = rx.compile(r"\s*[|·•/]\s*|\s{2,}")


@dataclass(slots=True)
class Block:
    """One non-blank line with what the classifier saw in it."""

    line: Line
    chars: int
    words: int
    stop_share: float
    sentence_like: bool
    cue: str | None  # the boilerplate kind a cue gave, or None
    cls: str = SHORT  # the class after smoothing by neighbours
    intrinsic: str = SHORT  # the class from the block alone


@cache
def stopwords(lang: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.table("stopwords").get(lang, ()))


@cache
def _cue_patterns() -> tuple[rx.Pattern, rx.Pattern, tuple[str, ...]]:
    """Two alternations of the cue phrases, one group per kind: every cue, and only the specific ones
    (several words, or a sign like ©) that may condemn a line of more than a few words."""
    raw = lexicon.table("boilerplate_cues")
    table = {k: v for k, v in raw.items() if not k.startswith("_")}
    specific = set(raw.get("_specific_kinds", ()))
    kinds = tuple(table)

    def alternation(keep: bool) -> rx.Pattern:
        groups = []
        for n, kind in enumerate(kinds):
            phrases = [p.casefold() for p in table[kind] if keep or kind in specific or " " in p or not p.isalpha()]
            if phrases:
                body = "|".join(rx.regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
                groups.append(f"(?P<k{n}>{body})")
        return rx.compile("|".join(groups))

    return alternation(True), alternation(False), kinds


@cache
def all_stopwords() -> frozenset[str]:
    """Function words of every listed language together."""
    return frozenset().union(*(stopwords(k) for k in lexicon.table("stopwords") if not k.startswith("_")))


def guess_language(lines: Sequence[Line]) -> str:
    """The language whose function words cover most of the text; ``cjk`` for Chinese/Japanese/Korean.

    >>> from newsparse.stages.normalize import split_lines
    >>> guess_language(split_lines("Der Hund und die Katze sind nicht im Haus."))
    'de'
    """
    sample = "\n".join(ln.text for ln in lines if len(ln.text) > 40)[:20000]
    if sample and len(_CJK.finditer(sample[:4000])) > CJK_SHARE * min(len(sample), 4000):
        return "cjk"
    tokens = Counter(m.group().casefold() for m in _WORD.finditer(sample))
    langs = [k for k in lexicon.table("stopwords") if not k.startswith("_")]
    scores = {lang: sum(n for tok, n in tokens.items() if tok in stopwords(lang)) for lang in langs}
    best = max(scores, key=lambda k: scores[k])
    # Too few function words of any listed language: judge lines by shape alone.
    return best if scores[best] > 0.08 * sum(tokens.values()) else UNLISTED


def cue_kind(text: str) -> str | None:
    """The furniture kind a short line's words betray, or None.

    >>> cue_kind("Accept all cookies")
    'cookie_notice'
    >>> cue_kind("The council met on Monday.") is None
    True
    """
    if len(text) > CUE_MAX_CHARS:
        return "copyright" if text.lstrip().startswith("©") else None
    folded = text.casefold()
    if folded.rstrip(":") in lexicon.words("boilerplate_lines"):
        return "share_or_navigation"
    if _TIMER.fullmatch(text):
        return "timer"
    if _COUNT.fullmatch(text) and any(ch.isdigit() for ch in text) and find_date(text) is None:
        return "counter"
    every, specific, kinds = _cue_patterns()
    m = (every if len(text.split()) <= CUE_FEW_WORDS else specific).search(folded)
    if m is None:
        return None
    return kinds[int(m.lastgroup[1:])]


def _measure(line: Line, stops: frozenset[str], lang: str) -> Block:
    text = line.text
    tokens = [m.group().casefold() for m in _WORD.finditer(text)]
    if lang in ("cjk", UNLISTED):
        words = (len(_CJK.finditer(text)) // 2 if lang == "cjk" else 0) + len(tokens)
        share = STOPWORDS_HIGH if words >= 8 and _SENTENCE_END.search(text) else STOPWORDS_LOW
    else:
        words = len(tokens)
        share = sum(t in stops for t in tokens) / words if words else 0.0
    return Block(line, len(text) * (3 if lang == "cjk" else 1), words, share, _SENTENCE_END.search(text) is not None, cue_kind(text))


def intrinsic_class(block: Block) -> str:
    """jusText's context-free class of a block, from length, function words and cues."""
    if block.cue is not None:
        return BAD
    if block.chars < LENGTH_LOW:
        return SHORT
    if block.stop_share >= STOPWORDS_HIGH:
        return GOOD if block.chars >= LENGTH_HIGH or block.sentence_like else NEAR_GOOD
    if block.stop_share >= STOPWORDS_LOW:
        return NEAR_GOOD
    if block.sentence_like and block.stop_share >= STOPWORDS_DENSE_PROSE:
        return NEAR_GOOD  # terse prose full of names and figures (business news) is still prose
    return BAD


def measure(lines: Sequence[Line], lang: str) -> list[Block]:
    """One :class:`Block` per non-blank line, with its context-free class; repeated lines are bad."""
    stops = stopwords(lang)
    seen: Counter[str] = Counter(ln.text for ln in lines if not ln.is_blank)
    blocks = []
    for ln in lines:
        if ln.is_blank:
            continue
        block = _measure(ln, stops, lang)
        if block.cue is None and seen[ln.text] > 2 and block.chars < REPEATED_MAX_CHARS and not looks_like_name(ln.text):
            block.cue = "repeated_line"
        block.cls = block.intrinsic = intrinsic_class(block)
        blocks.append(block)
    return blocks


def _neighbour_class(blocks: list[Block], i: int, step: int) -> str:
    """The class of the nearest block in direction ``step`` that is neither short nor near-good."""
    j = i + step
    while 0 <= j < len(blocks):
        if blocks[j].cls in (GOOD, BAD):
            return blocks[j].cls
        j += step
    return BAD


def smooth(blocks: list[Block]) -> None:
    """Let short and doubtful blocks take their neighbours' class (jusText's context step).

    A short block between two good ones is good (a subheading); between two bad ones, bad (a menu
    item); a doubtful one is good when either side is good.
    """
    for i, block in enumerate(blocks):
        if block.cls != SHORT:
            continue
        before, after = _neighbour_class(blocks, i, -1), _neighbour_class(blocks, i, 1)
        block.cls = GOOD if before == after == GOOD else BAD if before == after == BAD else NEAR_GOOD
    for i, block in enumerate(blocks):
        if block.cls == NEAR_GOOD:
            good = GOOD in (_neighbour_class(blocks, i, -1), _neighbour_class(blocks, i, 1))
            block.cls = GOOD if good else BAD


SHORT_COST = 25.0
JOIN_SHARE = 0.25  # a second run of prose joins the region when it weighs this share of the main one
JOIN_ROUNDS = 1
COMMENT_MARKS = 2  # comment heads needed to call the end of the region a thread
COMMENT_MIN_BODY = 3  # blocks of article the thread must follow
JOIN_CUE_SHARE = 0.1  # and when few furniture cues lie between them
WEAK_CUES = frozenset({"repeated_line", "counter", "timer"})  # also found in code and tables  # what a short line costs the region: menus are runs of them


def weight(block: Block) -> float:
    """How much a block pulls the article region towards itself (Kadane's maximum run).

    Judged on the block alone: a run of short lines is a cost even when smoothing would keep the
    ones that sit inside the article, so a menu never bridges the article and a teaser paragraph.
    """
    if block.intrinsic == GOOD:
        return float(block.chars)
    if block.intrinsic == NEAR_GOOD:
        return block.chars / 3
    if block.intrinsic == SHORT:
        return -SHORT_COST
    return -float(max(block.chars, 40))


def main_region(blocks: list[Block]) -> tuple[int, int] | None:
    """The densest contiguous run of good blocks: indexes ``(first, last)`` into ``blocks``.

    >>> main_region([])
    """
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, block in enumerate(blocks):
        if run <= 0:
            run, start = 0.0, i
        run += weight(block)
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def _run_score(blocks: list[Block], first: int, last: int) -> float:
    return sum(weight(b) for b in blocks[first:last + 1])


def _join_interrupted(blocks: list[Block], first: int, last: int) -> tuple[int, int]:
    """Widen the region over a table or code listing that splits one article in two.

    The other part must be prose of some weight (a share of the main run) and the gap between must
    be free of furniture cues: a menu or a share row between two runs of prose means two texts.
    """
    best = _run_score(blocks, first, last)
    before = main_region(blocks[:first])
    if before is not None and _joinable(blocks, before[1] + 1, first, _run_score(blocks, *before), best):
        first = before[0]
    after = main_region(blocks[last + 1:])
    if after is not None:
        start, end = after[0] + last + 1, after[1] + last + 1
        if _joinable(blocks, last + 1, start, _run_score(blocks, start, end), best):
            last = end
    return first, last


def _joinable(blocks: list[Block], gap_start: int, gap_end: int, score: float, best: float) -> bool:
    gap = blocks[gap_start:gap_end]
    cues = sum(b.cue is not None and b.cue not in WEAK_CUES for b in gap)
    return score >= JOIN_SHARE * best and cues <= JOIN_CUE_SHARE * max(len(gap), 10)


# A comment's head: "Ana on May 3, 2019 at 6:34 am said:", "2 days ago at 07:52 am", "Reply".
_COMMENT_MARK = rx.compile(
    r"(?i:(?:said|says|wrote|schrieb|sagt|a écrit|escribió|dice|scrive)\s?:"
    r"|\d+\s(?:minutes?|hours?|days?|weeks?|months?|years?)\sago(?:\sat\s.{0,12})?"
    r"|reply|antworten|répondre|responder|rispondi|report abuse|\d+\s(?:votes?|likes?|replies))$"
)


def _comments_start(blocks: list[Block], first: int, last: int) -> int:
    """Where a comment thread starts inside the region (``last + 1`` when there is none).

    Comments are prose too, so the region runs on into them; but each one opens with a short head
    (a name and "said:", a time "2 days ago") and a thread has several.
    """
    marks = [i for i in range(first, last + 1) if blocks[i].chars < LENGTH_LOW * 2 and _COMMENT_MARK.search(blocks[i].line.text)]
    if len(marks) < COMMENT_MARKS or marks[0] - first < COMMENT_MIN_BODY:
        return last + 1
    return marks[0]


def classify(lines: Sequence[Line]) -> tuple[list[Block], tuple[int, int] | None]:
    """All blocks, smoothed, and the main article region among them.

    The region runs on past its densest part while the smoothed blocks after it stay good: a short
    closing sentence belongs to the article even though it cannot pay for itself.
    """
    blocks = measure(lines, guess_language(lines))
    smooth(blocks)
    region = main_region(blocks)
    if region is None:
        return blocks, None
    first, last = region
    for _ in range(JOIN_ROUNDS):
        first, last = _join_interrupted(blocks, first, last)
    while last + 1 < len(blocks) and blocks[last + 1].cls == GOOD:
        last += 1
    return blocks, (first, _comments_start(blocks, first, last) - 1)


@cache
def _date_pattern() -> rx.Pattern:
    """A calendar date in the shapes page headers print, in any language ``months.json`` knows."""
    names = {name for table in lexicon.table("months").values() for name in table}
    months = "|".join(sorted((rx.regex.escape(n) for n in names), key=len, reverse=True))
    return rx.compile(
        rf"""(?<![\p{{L}}\p{{N}}])(?:
          \d{{4}}-\d{{1,2}}-\d{{1,2}}
        | \d{{4}}/\d{{1,2}}/\d{{1,2}}
        | \d{{4}}\s?年\s?\d{{1,2}}\s?月\s?\d{{1,2}}\s?日
        | \d{{1,2}}\.\s?\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})(?!\d)
        | \d{{1,2}}[/-]\d{{1,2}}[/-](?:\d{{4}}|\d{{2}})(?!\d)
        | (?:{months})\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?(?!\d)
        | \d{{1,2}}(?:\.|er|º|st|nd|rd|th)?\s(?:de\s)?(?:{months})\.?(?:,?\s(?:de\s)?\d{{4}})?(?![\p{{L}}])
        | (?:{months})\.?\s\d{{4}}
        )""",
        rx.I | rx.X,
    )


@cache
def _date_label_pattern() -> rx.Pattern:
    labels = "|".join(sorted((rx.regex.escape(w) for w in lexicon.words("date_labels")), key=len, reverse=True))
    return rx.compile(rf"(?:^|[|·•,]\s?)(?:{labels})\b\s?:?", rx.I)


DATELINE_MAX_CHARS = 120
DATELINE_REST_WORDS = 6


def find_date(text: str) -> rx.regex.Match | None:
    """The first calendar date in a line.

    >>> find_date("Updated Feb. 7, 2024 at 10:00").group()
    'Feb. 7, 2024'
    """
    return _date_pattern().search(text)


def is_dateline(text: str) -> bool:
    """A short line whose point is a date: a labelled one, or a date with little else around it.

    >>> is_dateline("Published: March 3, 2021 9:14 am ET"), is_dateline("07.02.2024, 14:30 Uhr")
    (True, True)
    >>> is_dateline("The vote on March 3 was close, the mayor said in a long speech to the council.")
    False
    """
    if len(text) > DATELINE_MAX_CHARS:
        return False
    m = find_date(text)
    if m is None:
        return False
    if _date_label_pattern().search(text):
        return True
    rest = text[: m.start()] + " " + text[m.end():]
    return len(_WORD.finditer(rest)) <= DATELINE_REST_WORDS


def has_date_label(text: str) -> bool:
    """``Updated:``, ``Veröffentlicht am`` … at the start of the line or after a separator."""
    return _date_label_pattern().search(text) is not None


_NAME_WORDS = (
    r"(?:\p{Lu}[\p{L}'’.-]*|(?:de|da|van|von|der|den|del|la|le|bin|al|ten|ter)(?=\s))"
    r"(?:\s(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|den|del|la|le|bin|al|ten|ter)){1,4}"
)
_NAME = rx.compile(rf"{_NAME_WORDS}(?:(?:,\s|\s(?:and|und|et|y|e|&)\s){_NAME_WORDS}){{0,3}}")


def looks_like_name(text: str) -> bool:
    """A person's name alone: two to five capitalised words, no digits, not a known menu word.

    >>> looks_like_name("Ana María Ruiz"), looks_like_name("Home")
    (True, False)
    """
    if len(text) > 90 or any(ch.isdigit() for ch in text):
        return False
    return _NAME.fullmatch(text) is not None and text.casefold() not in lexicon.words("boilerplate_lines")


def looks_like_prose(text: str) -> bool:
    """A sentence of some length: a date inside it is the story's, not the page's.

    >>> looks_like_prose("The council met on March 3, 2024 and voted to close the bridge."), looks_like_prose("March 3, 2024")
    (True, False)
    """
    return len(text.split()) >= 8 and _SENTENCE_END.search(text) is not None and not has_date_label(text)
