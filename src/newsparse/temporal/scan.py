"""The scan: find where time expressions can begin and try only the patterns that can begin there.

Trying every pattern at every character is slow in the ``regex`` module; nearly all words can
begin no expression at all. So a line is split into chunks at whitespace (cheap), each chunk's
first word gets a dispatch key (a trigger word such as "last" or "November", or the shape of a
number such as ``#1990``), and only the kinds that can begin with that key are tried, in
:data:`~.grammar.KINDS` order. Which kinds can begin with a key is worked out once, by partial
matching against the patterns themselves, so the dispatch never drifts from the grammar.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from .. import rx
from .grammar import KINDS, patterns
from .words import date_words, months, numbers, weekdays

_LEADS = ("5 x ", "for ")  # what may stand before a sample: some patterns look behind
_AFTER_NUMBER = (" ", "-", ".", ":", "/", ", ", "s ", " x")


@cache
def triggers() -> frozenset[str]:
    """The words an expression can start with; the patterns are tried only where one stands."""
    dw, nums = date_words(), numbers()
    words: set[str] = set(months()) | set(weekdays()) | set(dw["scan_triggers"])
    for table in ("units", "trading_units", "day_words", "day_parts", "shifters", "seasons", "sets", "clock_words",
                  "approximators", "position_mods"):
        words |= {w.split()[0] for w in dw[table]}
    for table in ("present_refs", "past_refs", "future_refs", "present_adjectives", "past_adjectives",
                  "future_adjectives", "tonight", "set_quantifiers", "vague_amounts", "indefinite_one"):
        words |= {w.split()[0] for w in dw.get(table, nums.get(table, []))}
    words |= set(nums["cardinals"]) | set(nums["tens"]) | {w.split("-")[0] for w in nums["ordinals"]}
    words |= {part for phrase in dw["approximators"] for part in phrase.split()}
    for table in ("present_refs", "past_refs", "future_refs", "year_end"):
        words |= {part.split("-")[0] for phrase in dw[table] for part in phrase.split()}
    return frozenset(w.rstrip("-").split("'")[0] for w in words)


_KINDS_FOR: dict[str, tuple[str, ...]] = {}
_ALONE: dict[str, bool] = {}
_OTHER = "zzzz"  # stands for any word that no expression continues with


@cache
def _partial() -> dict[str, regex.Pattern]:
    return {k: regex.compile(p.pattern, rx.I | rx.X | regex.VERSION1) for k, p in patterns().items()}


def kinds_for(word: str) -> tuple[str, ...]:
    """The kinds whose pattern can begin with ``word`` (``"#"``: a number), in scan order.

    Worked out once per word by partial matching ("could a match start like this?"). This reads
    only our own word lists, never input, so it uses ``regex`` directly for its ``partial`` mode.
    """
    if word not in _KINDS_FOR:
        if word[0] == "#":
            samples = tuple(word[1:] + after for after in _AFTER_NUMBER)
        else:
            samples = (word + " ", word + "-", word + "'s ", word + ". ")
        _KINDS_FOR[word] = tuple(
            k for k in KINDS
            if any(_partial()[k].match(lead + s, len(lead), partial=True) for s in samples for lead in _LEADS)
        )
    return _KINDS_FOR[word]


def stands_alone(word: str) -> bool:
    """Whether ``word`` followed by an unrelated word can still be an expression ("now", "Friday"),
    unlike "the" or "last", which need a time word after them. Numbers always qualify."""
    if word not in _ALONE:
        lead = _LEADS[0]
        sample = lead + word + " " + _OTHER
        _ALONE[word] = word in date_words()["units"] or any(
            (m := _partial()[k].match(sample, len(lead), partial=True)) is not None and not m.partial
            for k in kinds_for(word)
        )
    return _ALONE[word]


# Lower-case words that are month or day names only when capitalized ("may", "march", "sun").
_VERB_LIKE = frozenset(date_words()["ambiguous_lowercase"])


# Letters after a number that a pattern can use ("5th", "1990s", "5pm", "1er"); others are all alike.
_NUMBER_TAILS = frozenset({"st", "nd", "rd", "th", "s", "am", "pm", "a", "p", "er", "e", "h"})


def number_shape(token: str) -> str:
    """A number token's dispatch key: ``#`` and a stand-in of the same shape, so that "1990",
    "1989", "2024" share one entry (a possible year), as do "7" and "9", or "5th" and "21st".

    >>> number_shape("1989"), number_shape("1,500"[:1]), number_shape("21st"), number_shape("90s")
    ('#1990', '#5', '#12st', '#12s')
    """
    body = token.lstrip("'\u2019")
    apostrophe = "'" if len(body) < len(token) else ""
    digits = len(body) - len(body.lstrip("0123456789"))
    head, tail = body[:digits], body[digits:].lower()
    if apostrophe:
        stand_in = "90"  # "'90s"
    elif len(head) == 4:
        stand_in = "1990" if 1500 <= int(head) <= 2099 else "5555"
    else:
        stand_in = {1: "5", 2: "12", 3: "555"}.get(len(head), "55555")
    if tail not in _NUMBER_TAILS:
        tail = "x" if tail else ""  # "5mm", "10km": the same to every pattern
    return "#" + apostrophe + stand_in + tail


def _token_key(token: str) -> str | None:
    """The dispatch key of a word: :func:`number_shape` for numbers, the word for a trigger,
    else ``None``."""
    word = token.lower().replace("\u2019", "'")
    if word[0].isdigit() or word[:1] == "'" and word[1:2].isdigit():
        return number_shape(word)
    key = word.split("'")[0]
    return key if key in triggers() and token not in _VERB_LIKE else None


# What a whitespace-separated chunk of text holds for the scan: how many leading characters to
# skip, its first word, that word's key, whether the chunk runs on after the word into more of
# an expression ("10:35", "year-ago", "mid-1990s"), whether a comma follows it ("1,500"), and
# whether it can begin an expression whatever follows (see :func:`_opens`).
ChunkInfo = tuple[int, str, "str | None", bool, bool, bool]
_KEYS: dict[str, str | None] = {}


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'\u2019"


def _key(word: str) -> str | None:
    key = _KEYS.get(word, "")
    if key == "":
        key = _token_key(word)
        if len(_KEYS) < 100_000:
            _KEYS[word] = key
    return key


@lru_cache(maxsize=65_536)  # most of a text is the same few thousand chunks ("the", "said,")
def _chunk_info(chunk: str) -> ChunkInfo | None:
    """Describe one chunk (see :data:`ChunkInfo`); ``None`` when it holds no word. Most chunks
    are a plain word, perhaps with one mark after it, and take the fast path."""
    if chunk.isalnum():
        return _info(0, chunk, False, False)
    if chunk[:-1].isalnum() and not _is_word_char(chunk[-1]):
        return _info(0, chunk[:-1], False, chunk[-1] == ",")
    skip = 0
    while skip < len(chunk) and not chunk[skip].isalnum():
        if chunk[skip] in "'\u2019" and chunk[skip + 1:skip + 2].isdigit():
            break  # "'90s"
        skip += 1
    if skip == len(chunk):
        return None
    end = skip
    while end < len(chunk) and _is_word_char(chunk[end]):
        end += 1
    word, rest = chunk[skip:end], chunk[end:]
    joined = len(rest) > 1 and rest[0] in "-:/." and rest[1].isalnum()
    return _info(skip, word, joined, rest[:1] == ",")


def _info(skip: int, word: str, joined: bool, comma: bool) -> ChunkInfo:
    key = _key(word)
    return skip, word, key, joined, comma, key is not None and (joined or _opens(word, key))


def _opens(word: str, key: str) -> bool:
    """Plain numbers other than years, and words like "the", begin an expression only when a
    time word follows ("the year", "5 p.m.") or the chunk runs on ("10:35", "year-ago")."""
    return key == "#1990" or not word.isdigit() if key[0] == "#" else stands_alone(key)


def _first_match(line: str, start: int, key: str, out: list[tuple[str, rx.regex.Match]]) -> int:
    """Try the kinds that can begin with ``key`` at ``start``; the first that matches is added to
    ``out``. Returns where it ends (0: none matched)."""
    pats = patterns()
    for kind in kinds_for(key):
        m = pats[kind].match(line, start)
        if m is not None:
            out.append((kind, m))
            return m.end()
    return 0


def _can_start(info: ChunkInfo, key_after: str | None) -> bool:
    """A word that does not open an expression alone does when a time word or a number follows
    it; after a number, a comma ends it ("1,500 people")."""
    if info[5]:
        return True
    return key_after is not None and not (info[4] and info[2][0] == "#" and key_after[0] == "#")  # type: ignore[index]


def scan(line: str) -> list[tuple[str, rx.regex.Match]]:
    """All ``(kind, match)`` in ``line``, left to right, not overlapping.

    The line is split into chunks at its spaces (``str.split`` is several times cheaper than a
    regex match object per word, and a time expression always begins at the first word of a
    chunk; lines come from the document's view, where every space-like character is a plain
    space, so offsets add up). At each word that can begin an expression, the kinds that can
    begin with it are tried in :data:`KINDS` order and the first that matches wins, as one big
    alternation would decide. Whether a word can begin one depends on the next word's key, so
    each word is tried when the next word is seen, in one pass over the chunks.
    """
    out: list[tuple[str, rx.regex.Match]] = []
    end = 0
    pending: tuple[int, ChunkInfo] | None = None  # the last word with a key, not tried yet
    pos = 0
    describe = _chunk_info
    for chunk in line.split(" "):
        if chunk:
            info = describe(chunk)
            if info is not None:
                if pending is not None:
                    if pending[0] >= end and _can_start(pending[1], info[2]):
                        end = _first_match(line, pending[0], pending[1][2], out) or end
                    pending = None
                if info[2] is not None:
                    pending = (pos + info[0], info)
        pos += len(chunk) + 1
    if pending is not None and pending[0] >= end and _can_start(pending[1], None):
        _first_match(line, pending[0], pending[1][2], out)
    return out
