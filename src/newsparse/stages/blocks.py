"""Blocks: what each line of a page dump is, judged from the text alone (no stage of its own).

A copied web page is one block per line: menus, share rows and link lists sit around the article's
paragraphs. Following jusText, a line is judged by its length and by how much of it is function words
(prose is full of "the", "der", "de"; a menu is not), then short and doubtful lines take the class of
their neighbours: a short subheading between two paragraphs belongs to the article, a short line
between two menus does not. Text has lost the link density jusText also uses, so the cues text still
carries stand in: cookie and subscription language, share rows, timers, copyright lines, repeated lines,
HTML shown as text.

The article region is the densest run of prose (Kadane's maximum sum over the blocks' weights),
joined over a table that splits it but never over a menu. Prose also surrounds the article, so the
region is then bounded by what ends an article in text: the page's copyright line, the head of a
comment thread or a sign-up box with an article's worth of prose above it (sought first, since a
thread can outweigh the article), and inside the region the start of a list of dated teaser cards
or gallery slides, or of a menu run (the story's tags) that little prose follows. A list that a
sentence ending in a colon opens runs the region on to the list's end.

The stages ``boilerplate``, ``header`` and ``authors`` read these judgements; this module only computes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat

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
NOTICE_MAX_CHARS = 400  # a notice phrase condemns a line up to this long; longer is an article paragraph
NOTICE_HEAD_CHARS = 100  # ... unless the longer line opens with it: a consent banner's full text
CJK_SHARE = 0.3  # share of CJK characters from which a text is read per character, not per word
CJK_SAMPLE = 8000  # characters of a page looked at to tell whether it is written in CJK
TEXT_CACHE = 4096  # line texts whose shape tests are remembered (pages repeat lines; stages ask twice)

_WORD = rx.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’]*")
_TIMER = rx.compile(r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?")
_COUNT = rx.compile(r"\d[\d.,]*\s?[kKmM]?\s?\p{L}{0,12}|\p{L}{0,12}\s?\(?\d[\d.,]*\)?")
# A line that opens with an HTML tag: a page's <noscript> fallback (tracking pixels, iframes) shown as text.
_MARKUP = rx.compile(
    r"</?(?:a|b|i|p|br|div|span|img|iframe|script|noscript|style|link|meta|table|tr|td|ul|li|form|input"
    r"|embed|object|source|video|picture)(?=[\s>/])",
    rx.I,
)
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


@dataclass(frozen=True, slots=True)
class CueIndex:
    """The cue phrases as lookups: single words, word n-grams, and signs matched as substrings."""

    words: dict[str, str]  # word -> kind; condemns only a line of a few words
    specific_words: dict[str, str]  # words of the kinds that condemn a line of any length
    phrases: dict[tuple[str, ...], str]  # several words in a row -> kind
    signs: tuple[tuple[str, str], ...]  # "©", "watch:" … -> kind
    longest: int
    starts: frozenset[str]  # first words of the phrases


@cache
def cue_index() -> CueIndex:
    raw = lexicon.table("boilerplate_cues")
    specific = set(raw.get("_specific_kinds", ()))
    words: dict[str, str] = {}
    specific_words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    signs: list[tuple[str, str]] = []
    for kind, entries in raw.items():
        if kind.startswith("_"):
            continue
        for entry in entries:
            entry = entry.casefold()
            parts = tuple(_plain_words(entry))
            if " ".join(parts) != entry:
                signs.append((entry, kind))
            elif len(parts) > 1:
                phrases.setdefault(parts, kind)
            else:
                words.setdefault(entry, kind)
                if kind in specific:
                    specific_words.setdefault(entry, kind)
    longest = max((len(p) for p in phrases), default=1)
    return CueIndex(words, specific_words, phrases, tuple(signs), longest, frozenset(p[0] for p in phrases))


_EDGE_PUNCT = "\"'“”‘’«»„()[]{}<>.,;:!?|/\\*#•·–—-"


def _plain_words(text: str) -> list[str]:
    """Words with edge punctuation cut off, casefolded: a cheap tokenization without a regex."""
    return list(filter(None, map(str.strip, text.casefold().split(), repeat(_EDGE_PUNCT))))  # all in C


def _singular(word: str) -> str:
    """"cookies" -> "cookie": enough of a plural to match a cue, not a stemmer."""
    if len(word) > 4 and word.endswith("es") and word[:-2] in cue_index().words:
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _match_phrase(words: list[str], index: CueIndex) -> str | None:
    """The kind of the longest cue phrase among ``words`` (the leftmost of equally long ones).

    Only positions holding a phrase's first word are tried, longest phrase first, so a line with
    no such word costs one set lookup per word.
    """
    best_n, best_kind = 1, None
    for k, word in enumerate(words):
        if word not in index.starts:
            continue
        for n in range(min(index.longest, len(words) - k), best_n, -1):
            gram = tuple(words[k:k + n])
            kind = index.phrases.get(gram) or index.phrases.get(gram[:-1] + (_singular(gram[-1]),))
            if kind:
                best_n, best_kind = n, kind
                break
    return best_kind


def _match_cue(words: list[str], folded: str) -> str | None:
    index = cue_index()
    # isdisjoint and endswith run in C: most lines hold no cue word and skip the loops below.
    kind = _match_phrase(words, index) if len(words) > 1 and not index.starts.isdisjoint(words) else None
    if kind:
        return kind
    singles = index.words if len(words) <= CUE_FEW_WORDS else index.specific_words
    if not singles.keys().isdisjoint(words) or any(map(str.endswith, words, repeat("s"))):
        return _match_single(words, singles) or _match_sign(folded, index)
    return _match_sign(folded, index)


def _match_single(words: list[str], singles: dict[str, str]) -> str | None:
    """The kind of the first word (or its singular) that is a one-word cue."""
    for word in words:
        kind = singles.get(word) or (singles.get(_singular(word)) if word[-1:] == "s" else None)
        if kind:
            return kind
    return None


def _match_sign(folded: str, index: CueIndex) -> str | None:
    return next((kind for sign, kind in index.signs if sign in folded), None)


@cache
def all_stopwords() -> frozenset[str]:
    """Function words of every listed language together."""
    return frozenset().union(*(stopwords(k) for k in lexicon.table("stopwords") if not k.startswith("_")))


@cache
def _stopword_owners() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages that list it."""
    owners: dict[str, list[str]] = {}
    for lang in lexicon.table("stopwords"):
        if not lang.startswith("_"):
            for word in stopwords(lang):
                owners.setdefault(word, []).append(lang)
    return {w: tuple(ls) for w, ls in owners.items()}


def has_digit(text: str) -> bool:
    """Whether an ASCII digit occurs (ten substring scans in C beat a generator over characters)."""
    return any(map(text.__contains__, "0123456789"))


# Chinese, Japanese and Korean characters (CJK radicals to unified ideographs, Hangul syllables,
# compatibility ideographs), as a character-class body: the one definition the layout stages share.
CJK_RANGES = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
_NOT_CJK = rx.compile(rf"[^{CJK_RANGES}]+")


def cjk_count(text: str) -> int:
    """How many Chinese, Japanese or Korean characters ``text`` holds.

    >>> cjk_count("東京 and 서울")
    4
    """
    if not text or max(text) < "\u2e80":  # max() runs in C: most text has no such character
        return 0
    return len(cjk_chars(text))


def cjk_chars(text: str) -> str:
    """The Chinese, Japanese and Korean characters of ``text``, in order.

    >>> cjk_chars("東京 and 서울")
    '東京서울'
    """
    if not text or max(text) < "\u2e80":
        return ""
    return _NOT_CJK.sub("", text)  # deleting the rest in C beats a loop over characters


def _leading_chars(lines: Sequence[Line], limit: int) -> str:
    """The first ``limit`` non-space characters of the lines joined, without joining a long page whole.

    >>> from newsparse.stages.normalize import split_lines
    >>> _leading_chars(split_lines("a b\\ncd e"), 4)
    'abcd'
    """
    parts, n = [], 0
    for ln in lines:
        if n >= limit:
            break
        part = ln.text.replace(" ", "")
        parts.append(part)
        n += len(part)
    return "".join(parts)[:limit]


def _most_wide_chars(text: str) -> int:
    """An upper bound on the CJK characters of ``text``, from its UTF-8 length (encoded in C):
    each of them takes three bytes, two more than an ASCII letter.

    >>> _most_wide_chars("abc"), _most_wide_chars("東京"), _most_wide_chars("é") >= 0
    (0, 2, True)
    """
    return (len(text.encode("utf-8", "surrogatepass")) - len(text)) // 2


def _mostly_cjk(lines: Sequence[Line]) -> bool:
    """Whether the page's characters are mostly Chinese, Japanese or Korean.

    Every line counts, short ones too: a Chinese line of thirty characters holds a whole sentence,
    so a sample of long lines would see only the page's Latin-script code and links.
    """
    sample = _leading_chars(lines, CJK_SAMPLE)
    if not sample or _most_wide_chars(sample) <= CJK_SHARE * len(sample):
        return False  # too few characters of three UTF-8 bytes for the share: no count needed
    return cjk_count(sample) > CJK_SHARE * len(sample)


def guess_language(lines: Sequence[Line]) -> str:
    """The language whose function words cover most of the text; ``cjk`` for Chinese/Japanese/Korean.

    >>> from newsparse.stages.normalize import split_lines
    >>> guess_language(split_lines("Der Hund und die Katze sind nicht im Haus."))
    'de'
    """
    if _mostly_cjk(lines):
        return "cjk"
    sample = "\n".join(ln.text for ln in lines if len(ln.text) > 40)[:20000]
    tokens = Counter(_plain_words(sample))
    scores: Counter[str] = Counter()
    owners = _stopword_owners()
    for tok, n in tokens.items():
        for lang in owners.get(tok, ()):
            scores[lang] += n
    if not scores:
        return UNLISTED
    best = max(scores, key=lambda k: scores[k])
    # Too few function words of any listed language: judge lines by shape alone.
    return best if scores[best] > 0.08 * sum(tokens.values()) else UNLISTED


@cache
def _notice_phrases() -> tuple[tuple[str, str], ...]:
    table = lexicon.table("boilerplate_cues").get("_notice_phrases", {})
    return tuple((p.casefold(), kind) for kind, ps in table.items() if not kind.startswith("_") for p in ps)


def notice_kind(folded: str) -> str | None:
    """A consent banner, a comment form or a script notice, however long: "This website uses cookies …".

    >>> notice_kind("this website uses cookies to improve your experience while you navigate the site.")
    'cookie_notice'
    """
    if not any(map(folded.__contains__, _notice_words())):  # in C: most long lines are prose
        return None
    return next((kind for phrase, kind in _notice_phrases() if phrase in folded), None)


@cache
def _notice_words() -> tuple[str, ...]:
    return tuple(phrase for phrase, _ in _notice_phrases())


def cue_kind(text: str, words: list[str] | None = None) -> str | None:
    """The furniture kind a short line's words betray, or None.

    >>> cue_kind("Accept all cookies")
    'cookie_notice'
    >>> cue_kind("The council met on Monday.") is None
    True
    """
    folded = text.casefold()
    if text[:1] == "<" and _MARKUP.match(text):
        return "markup"
    if len(text) > CUE_MAX_CHARS:
        if text.lstrip().startswith("©"):
            return "copyright"
        return notice_kind(folded if len(text) <= NOTICE_MAX_CHARS else folded[:NOTICE_HEAD_CHARS])
    if folded.rstrip(":") in lexicon.words("boilerplate_lines"):
        return "share_or_navigation"
    if has_digit(text):
        if ":" in text and _TIMER.fullmatch(text):  # every clock shape holds a colon
            return "timer"
        if _COUNT.fullmatch(text) and find_date(text) is None:
            return "counter"
    return _match_cue(words if words is not None else _plain_words(text), folded)


@lru_cache(maxsize=TEXT_CACHE * 4)
def _features(text: str, lang: str) -> tuple[int, int, float, bool, str | None]:
    """What a block's text alone says: chars, words, function-word share, sentence end, cue.

    Remembered by text: sites print the same menus and share rows on every page.
    """
    tokens = _plain_words(text)
    sentence_like = _ends_sentence(text)
    if lang in ("cjk", UNLISTED):
        words = (cjk_count(text) // 2 if lang == "cjk" else 0) + len(tokens)
        share = STOPWORDS_HIGH if words >= 8 and sentence_like else STOPWORDS_LOW
    else:
        words = len(tokens)
        share = sum(map(stopwords(lang).__contains__, tokens)) / words if words else 0.0
    return _weighed_chars(text, lang), words, share, sentence_like, cue_kind(text, tokens)


CJK_CHAR_WEIGHT = 3  # a Chinese or Japanese character carries about as much as a word's three letters


def _weighed_chars(text: str, lang: str) -> int:
    """A line's length in Latin-letter equivalents: on a CJK page only the CJK characters count
    triple, so a long English footer line ("… published under license …") does not outweigh the
    article's own paragraphs.

    >>> _weighed_chars("東京の橋", "cjk"), _weighed_chars("Bridge", "cjk"), _weighed_chars("Bridge", "en")
    (12, 6, 6)
    """
    if lang != "cjk":
        return len(text)
    return len(text) + (CJK_CHAR_WEIGHT - 1) * cjk_count(text)


_SENTENCE_END_CHARS = frozenset(".!?。！？:;…\"”»)’")


def _ends_sentence(text: str) -> bool:
    """Ends like a sentence (a closing mark or terminal punctuation, without a regex call per line)."""
    return bool(text) and text.rstrip()[-1:] in _SENTENCE_END_CHARS


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
    full = [ln for ln in lines if ln.content_start != ln.content_end]
    seen: Counter[str] = Counter(ln.text for ln in full)
    blocks = []
    for ln in full:
        block = Block(ln, *_features(ln.text, lang))  # _measure, inlined: once per line of every page
        if block.cue is None and seen[ln.text] > 2 and block.chars < REPEATED_MAX_CHARS and not looks_like_name(ln.text):
            block.cue = "repeated_line"
        block.cls = block.intrinsic = intrinsic_class(block)
        blocks.append(block)
    return blocks


def _nearest_decided(blocks: list[Block], step: int) -> list[str]:
    """For each block, the class of the nearest block in direction ``step`` that is good or bad
    (``bad`` past the edge): one sweep, so a long run of short lines costs linear time."""
    out = [BAD] * len(blocks)
    last = BAD
    order = range(len(blocks)) if step > 0 else range(len(blocks) - 1, -1, -1)
    for i in order:
        out[i] = last
        if blocks[i].cls in (GOOD, BAD):
            last = blocks[i].cls
    return out


def smooth(blocks: list[Block]) -> None:
    """Let short and doubtful blocks take their neighbours' class (jusText's context step).

    A short block between two good ones is good (a subheading); between two bad ones, bad (a menu
    item); a doubtful one is good when either side is good.
    """
    before, after = _nearest_decided(blocks, 1), _nearest_decided(blocks, -1)
    for i, block in enumerate(blocks):
        if block.cls == SHORT:
            both = {before[i], after[i]}
            block.cls = GOOD if both == {GOOD} else BAD if both == {BAD} else NEAR_GOOD
    before, after = _nearest_decided(blocks, 1), _nearest_decided(blocks, -1)
    for i, block in enumerate(blocks):
        if block.cls == NEAR_GOOD:
            block.cls = GOOD if GOOD in (before[i], after[i]) else BAD


SHORT_COST = 25.0  # what a short line costs the region: menus are runs of them
JOIN_SHARE = 0.25  # a second run of prose joins the region when it weighs this share of the main one
JOIN_ROUNDS = 1
COMMENT_MARKS = 2  # comment heads needed to call the end of the region a thread
COMMENT_MIN_BODY = 3  # blocks of article the thread must follow
JOIN_CUE_SHARE = 0.1  # and when few furniture cues lie between them
WEAK_CUES = frozenset({"repeated_line", "counter", "timer"})  # also found in code and tables


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
    if block.cue in WEAK_CUES and block.chars < LENGTH_LOW:
        return -SHORT_COST  # "Step 2", "0:45", a line met twice: a number or a repeat, not a menu
    return -float(max(block.chars, 40))


COPYRIGHT_LINE_CHARS = 60  # "© 2024 Lumenport Daily"; a caption that opens with "©" runs longer
_YEAR = rx.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
PLURAL_ENDINGS = ("s", "e", "i")  # comments, Kommentare, commenti


@lru_cache(maxsize=TEXT_CACHE)
def _names_comments(folded: str) -> bool:
    """A short line whose cue words are the comments' (whatever kind its first cue gave it)."""
    words = _plain_words(folded)
    index = cue_index()
    if len(words) > 1 and _match_phrase(words, index) == "comments":
        return True
    return any(index.words.get(w) == "comments" or index.words.get(_singular(w)) == "comments" for w in words)


def is_end_mark(block: Block) -> bool:
    """A line that closes an article: the page's copyright notice or the head of its comments.

    A photo credit ("Photo © Ana Ruiz") is a copyright cue too, but names no year and no rights.

    >>> from newsparse.stages.normalize import split_lines
    >>> [is_end_mark(b) for b in measure(split_lines("© 2024 Lumenport Daily. All rights reserved.\\nPhoto © Ana Ruiz\\nComments"), "en")]
    [True, False, True]
    """
    if block.cue is None:
        return False
    folded = block.line.text.casefold()
    if block.words <= CUE_FEW_WORDS and _names_comments(folded):  # "Comments", "12 Comments", "Leave a reply"
        return block.words > 1 or folded.rstrip(" :").endswith(PLURAL_ENDINGS)  # a lone "Comment" heads a column
    if block.cue != "copyright":
        return False
    return any(map(folded.__contains__, _rights_phrases())) or (
        block.chars <= COPYRIGHT_LINE_CHARS and _YEAR.search(folded) is not None
    )


@cache
def _rights_phrases() -> tuple[str, ...]:
    """What a rights notice says in any listed language ("all rights reserved", "alle Rechte
    vorbehalten"): the ``copyright`` notice phrases. A short line with a year needs none."""
    return tuple(phrase for phrase, kind in _notice_phrases() if kind == "copyright")


def main_region(blocks: list[Block]) -> tuple[int, int] | None:
    """The densest contiguous run of good blocks: indexes ``(first, last)`` into ``blocks``.

    >>> main_region([])
    """
    return _prefix_regions(blocks)[-1]


def _prefix_regions(blocks: list[Block]) -> list[tuple[int, int] | None]:
    """``main_region(blocks[:i])`` for every ``i`` from 0 to ``len(blocks)``, in one pass:
    Kadane's sweep is online, so its best run after ``i`` blocks is the best run of that prefix."""
    out: list[tuple[int, int] | None] = [None]
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, block in enumerate(blocks):
        if run <= 0:
            run, start = 0.0, i
        run += weight(block)
        if run > best:
            best, best_span = run, (start, i)
        out.append(best_span)
    return out


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
    """A table or a code listing may split an article; a menu, a share row or a list of links may not."""
    gap = blocks[gap_start:gap_end]
    if any(b.cue is not None and _ends_article(i, blocks) for i, b in enumerate(gap, gap_start)) or _longest_menu_run(gap) >= MENU_RUN:
        return False
    cues = sum(b.cue is not None and b.cue not in WEAK_CUES for b in gap)
    return score >= JOIN_SHARE * best and cues <= JOIN_CUE_SHARE * max(len(gap), 10)


MENU_RUN = 4  # menu items in a row that make a menu; a subheading stands alone


def _opens_menu(blocks: list[Block], i: int) -> bool:
    """Whether a menu starts at block ``i``: smoothing makes a menu good when prose lies on both sides."""
    # all() stops at the first line that is no menu item: most lines are not one.
    return len(blocks) - i >= MENU_RUN and all(map(is_menu_item, blocks[i:i + MENU_RUN]))


def _longest_menu_run(gap: list[Block]) -> int:
    longest = run = 0
    for block in gap:
        run = run + 1 if is_menu_item(block) else 0
        longest = max(longest, run)
    return longest


MENU_ITEM_WORDS = 5


def is_menu_item(block: Block) -> bool:
    """A short line of capitalised words, no figures and no sentence: "World News", "Sport".

    A table row holds figures and a code line punctuation; a line like this is a link in a menu.

    >>> from newsparse.stages.normalize import split_lines
    >>> [is_menu_item(b) for b in measure(split_lines("Local News\\n12 4 0.5\\nIt rained."), "en")]
    [True, False, False]
    """
    if block.words > MENU_ITEM_WORDS or block.words == 0 or block.sentence_like or block.chars >= LENGTH_LOW:
        return False
    text = block.line.text
    if has_digit(text):
        return False
    small = lexicon.words("title_small_words")
    return all(w[:1].isupper() or w.casefold() in small or not w[:1].isalpha() for w in text.split())


# A comment's head: "Ana on May 3, 2019 at 6:34 am said:", "2 days ago at 07:52 am", "Reply".
_COMMENT_MARK = rx.compile(
    r"(?i:(?:said|says|wrote|schrieb|sagt|a écrit|escribió|dice|scrive)\s?:"
    r"|\d+\s(?:minutes?|hours?|days?|weeks?|months?|years?)\sago(?:\sat\s.{0,12})?"
    r"|reply|antworten|répondre|responder|rispondi|report abuse|\d+\s(?:votes?|likes?|replies))$"
)


_REPLY_WORDS = ("reply", "antworten", "répondre", "responder", "rispondi", "abuse")


def _may_be_comment_head(block: Block) -> bool:
    """A cheap test before the comment-head pattern."""
    text = block.line.text
    return block.chars < LENGTH_LOW * 2 and (text.endswith(":") or has_digit(text) or text.casefold().endswith(_REPLY_WORDS))


def _comments_start(blocks: list[Block], first: int, last: int) -> int:
    """Where a comment thread starts inside the region (``last + 1`` when there is none).

    Comments are prose too, so the region runs on into them; but each one opens with a short head
    (a name and "said:", a time "2 days ago") and a thread has several.
    """
    marks = [i for i in range(first, last + 1) if _may_be_comment_head(blocks[i]) and _COMMENT_MARK.search(blocks[i].line.text)]
    if len(marks) < COMMENT_MARKS or marks[0] - first < COMMENT_MIN_BODY:
        return last + 1
    return marks[0]


ARTICLE_MIN_SCORE = 400.0  # prose above an end mark that makes it the article's end, not the page top's
END_SHARE = 0.3  # ... and this share of the densest run of the page: not a banner above a comment link
SIGN_UP_REACH = 5  # blocks after a sign-up box within which an article that goes on resumes


def _closes_with_sign_up(blocks: list[Block], i: int) -> bool:
    """A newsletter or subscription box after which no paragraph follows soon: the article is over.

    Boxes also interrupt articles, but there the next paragraph comes within a few lines.
    """
    if blocks[i].cue != "subscription":
        return False
    return not any(b.intrinsic == GOOD and b.chars >= LENGTH_HIGH for b in blocks[i + 1:i + 1 + SIGN_UP_REACH])


def _ends_article(i: int, blocks: list[Block]) -> bool:
    return is_end_mark(blocks[i]) or _closes_with_sign_up(blocks, i)


def _article_end(blocks: list[Block]) -> int:
    """Where the article must have ended: the first end mark (copyright, comments head) with an
    article's worth of prose above it. A comment thread can be denser prose than the article
    it follows, so the region is sought above it."""
    # Both end marks carry a cue: a line without one is skipped without a call.
    marks = [i for i, b in enumerate(blocks) if b.cue is not None and _ends_article(i, blocks)]
    if not marks:
        return len(blocks)
    prefixes = _prefix_regions(blocks)
    overall = prefixes[-1]
    need = max(ARTICLE_MIN_SCORE, END_SHARE * _run_score(blocks, *overall)) if overall else ARTICLE_MIN_SCORE
    for i in marks:
        region = prefixes[i]
        if region is not None and _run_score(blocks, *region) >= need:
            return i
    return len(blocks)


CARD_MARKS = 3  # dated teaser cards in a row that make a list of other stories
CARD_GAP = 6  # blocks between the dates of two cards
CARD_HEAD = 3  # short lines above a card's date that belong to the card (title, author)


def _furniture_start(blocks: list[Block], first: int, last: int) -> int:
    """Where furniture that Kadane's sum bridged starts inside the region (``last + 1`` if none).

    Two shapes end an article in text: a run of menu items (the story's tags, a section menu) and a
    list of teaser cards, each a title, an author, a date and a summary. Both are paid for by the
    teasers' summaries, which read as prose, so the densest run goes on into them.
    """
    body = range(first + COMMENT_MIN_BODY, last + 1)
    end = next((_card_head(blocks, i, first) for i in body if _opens_cards(blocks, i, last)), last + 1)
    for i in range(first + COMMENT_MIN_BODY, end):
        if _opens_menu(blocks, i) and _menu_ends_article(blocks, first, i, end - 1):
            return i
    return end


MENU_TAIL_SHARE = 0.5  # prose after a menu, against the article above it, that makes the menu an aside


def _menu_ends_article(blocks: list[Block], first: int, i: int, last: int) -> bool:
    """A menu run at ``i`` closes the article unless a colon introduces it as a list ("It has three
    parts:") or a good part of the article's prose still follows it (tags above the text)."""
    if blocks[i - 1].line.text.endswith(":"):
        return False
    after = max(0.0, _run_score(blocks, i, last))
    return after < MENU_TAIL_SHARE * _run_score(blocks, first, i - 1)


# "3/50 A title": the counter of a gallery slide, whose caption follows.
_SLIDE_COUNTER = rx.compile(r"(\d{1,3})\s?/\s?(\d{1,3})(?!\S)")
SLIDES_MIN = 5  # a gallery has at least this many slides; "3/4 cup" is a measure


def _is_card_date(block: Block) -> bool:
    """The mark that opens a teaser card or a gallery slide: its date or time, or a slide counter."""
    if block.intrinsic == GOOD:
        return False
    text = block.line.text
    if is_post_signature(text):
        return False  # an embedded post's date signs a quotation inside the article, not a teaser
    return block.cue == "timer" or is_dateline(text) or (text[:1].isdigit() and _is_slide_counter(text))


POST_SIGNATURE_DASHES = ("—", "–", "-", "&mdash;")


def is_post_signature(text: str) -> bool:
    """The line that signs an embedded social post: "— Harbor FC (@harborfc) May 3, 2021".

    >>> is_post_signature("— Harbor FC (@harborfc) May 3, 2021"), is_post_signature("Harbor FC wins (again)")
    (True, False)
    """
    return text.startswith(POST_SIGNATURE_DASHES) and "(@" in text


def _is_slide_counter(text: str) -> bool:
    """``3/50 Title`` opens a gallery slide; ``3/4 cup flour`` does not.

    >>> _is_slide_counter("3/50 Star Wars boosts the economy"), _is_slide_counter("3/4 cup flour")
    (True, False)
    """
    m = _SLIDE_COUNTER.match(text)
    return m is not None and int(m.group(1)) <= int(m.group(2)) and int(m.group(2)) >= SLIDES_MIN


def _opens_cards(blocks: list[Block], i: int, last: int) -> bool:
    """Block ``i`` is the date of a teaser card that as many others follow closely, each card
    with a summary to read between its date and the next."""
    if not _is_card_date(blocks[i]):
        return False
    found, at, summary = 1, i, False
    for j in range(i + 1, min(last, i + CARD_MARKS * CARD_GAP) + 1):
        if j - at > CARD_GAP:
            return False
        if _is_card_date(blocks[j]):
            if not summary:  # dates with nothing to read between them: a table or a log, not cards
                return False
            found, at, summary = found + 1, j, False
            if found >= CARD_MARKS:
                return True
        elif blocks[j].intrinsic in (GOOD, NEAR_GOOD):
            summary = True
    return False


def _card_head(blocks: list[Block], i: int, first: int) -> int:
    """The first block of the card whose date is block ``i``: the short lines right above it."""
    head = i
    while head > first + 1 and i - head < CARD_HEAD and blocks[head - 1].intrinsic != GOOD:
        head -= 1
    return head


LIST_LEAD_WORDS = 4  # words of the sentence that opens a list with a colon


def _list_end(blocks: list[Block], last: int) -> int:
    """Run the region on to the end of a list that its last lines open with a colon ("Tour dates:").

    The items of a list sit on lines of their own with no blank line between them, and are often
    too short or too full of names and figures to pass as prose; the list ends at the first blank
    line or the first line a cue condemns.
    """
    i = last
    while not blocks[i].line.text.endswith(":"):
        if blocks[i].line.blank_before or i == 0:
            return last
        i -= 1
    if blocks[i].words < LIST_LEAD_WORDS:  # "Tags:", "Topics:" label furniture, not a sentence
        return last
    end = last
    while end + 1 < len(blocks) and not blocks[end + 1].line.blank_before and blocks[end + 1].cue in (None, *WEAK_CUES):
        end += 1
    return end


def classify(lines: Sequence[Line]) -> tuple[list[Block], tuple[int, int] | None]:
    """All blocks, smoothed, and the main article region among them.

    The region runs on past its densest part while the smoothed blocks after it stay good: a short
    closing sentence belongs to the article even though it cannot pay for itself.
    """
    blocks = measure(lines, guess_language(lines))
    smooth(blocks)
    region = main_region(blocks[:_article_end(blocks)])
    if region is None:
        return blocks, None
    first, last = region
    for _ in range(JOIN_ROUNDS):
        first, last = _join_interrupted(blocks, first, last)
    while last + 1 < len(blocks) and blocks[last + 1].cls == GOOD and not _opens_menu(blocks, last + 1):
        last += 1
    last = _list_end(blocks, last)
    last = min(_comments_start(blocks, first, last), _furniture_start(blocks, first, last)) - 1
    return blocks, (first, last)


# The numeric shapes of a date; the month-name shapes follow them in :func:`_date_pattern`.
_NUMERIC_DATES = r"""
          \d{4}-\d{1,2}-\d{1,2}
        | \d{4}/\d{1,2}/\d{1,2}
        | \d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日
        | \d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?!\d)
        | \d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?!\d)"""


@cache
def _month_names() -> frozenset[str]:
    return frozenset(name for lang, table in lexicon.table("months").items() if not lang.startswith("_") for name in table)


@cache
def _folded_month_names() -> tuple[str, ...]:
    """The folded month names that hold no shorter one ("jan", not "january"): a text holds some
    month name exactly when it holds one of these, in a third of the substring scans."""
    names = sorted({name.casefold() for name in _month_names()}, key=lambda n: (len(n), n))
    kept: list[str] = []
    for name in names:
        if not any(short in name for short in kept):
            kept.append(name)
    return tuple(kept)


@cache
def _date_pattern() -> rx.Pattern:
    """A calendar date in the shapes page headers print, in any language ``months.json`` knows."""
    months = lexicon.alternation(_month_names())
    return rx.compile(
        rf"""(?<![\p{{L}}\p{{N}}])(?:{_NUMERIC_DATES}
        | (?:{months})\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?(?!\d)
        | \d{{1,2}}(?:\.|er|º|st|nd|rd|th)?\s(?:de\s)?(?:{months})\.?(?:,?\s(?:de\s)?\d{{4}})?(?![\p{{L}}])
        | (?:{months})\.?\s\d{{4}}
        )""",
        rx.I | rx.X,
    )


@cache
def _numeric_date_pattern() -> rx.Pattern:
    """:func:`_date_pattern` without the month-name shapes: all it can find in a line that names no month."""
    return rx.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_NUMERIC_DATES})", rx.I | rx.X)


def names_a_month(text: str) -> bool:
    """Whether a month name (any listed language) occurs in ``text``, even inside a word: a cheap
    prefilter (substring scans in C) before the long month alternation.

    >>> names_a_month("Due 3 MARCH"), names_a_month("12 4 0.5")
    (True, False)
    """
    folded = text.casefold()  # the pattern's case-insensitive matching folds the same way
    return any(map(folded.__contains__, _folded_month_names()))


@cache
def _date_label_pattern() -> rx.Pattern:
    labels = lexicon.alternation(lexicon.words("date_labels"))
    return rx.compile(rf"(?:^|[|·•,]\s?)(?:{labels})\b\s?:?", rx.I)


DATELINE_MAX_CHARS = 120
DATELINE_REST_WORDS = 6


def find_date(text: str) -> rx.regex.Match | None:
    """The first calendar date in a line.

    >>> find_date("Updated Feb. 7, 2024 at 10:00").group()
    'Feb. 7, 2024'
    """
    if not has_digit(text):  # every shape holds a digit: skip the long month alternation
        return None
    return _find_date_with_digit(text)


def _find_date_with_digit(text: str) -> rx.regex.Match | None:
    """:func:`find_date` for a line known to hold a digit."""
    if not names_a_month(text):  # only a numeric shape can match: half the lines with a digit
        return _numeric_date_pattern().search(text)
    return _date_pattern().search(text)


@lru_cache(maxsize=TEXT_CACHE)
def is_dateline(text: str) -> bool:
    """A short line whose point is a date: a labelled one, or a date with little else around it.

    >>> is_dateline("Published: March 3, 2021 9:14 am ET"), is_dateline("07.02.2024, 14:30 Uhr")
    (True, True)
    >>> is_dateline("The vote on March 3 was close, the mayor said in a long speech to the council.")
    False
    """
    if len(text) > DATELINE_MAX_CHARS or not has_digit(text):
        return False
    m = _find_date_with_digit(text)
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


@lru_cache(maxsize=TEXT_CACHE)
def looks_like_name(text: str) -> bool:
    """A person's name alone: two to five capitalised words, no digits, not a known menu word.

    >>> looks_like_name("Ana María Ruiz"), looks_like_name("Home")
    (True, False)
    """
    if len(text) > 90 or any(map(str.isdigit, text)):
        return False
    return _NAME.fullmatch(text) is not None and text.casefold() not in lexicon.words("boilerplate_lines")


def looks_like_prose(text: str) -> bool:
    """A sentence of some length: a date inside it is the story's, not the page's.

    >>> looks_like_prose("The council met on March 3, 2024 and voted to close the bridge."), looks_like_prose("March 3, 2024")
    (True, False)
    """
    return len(text.split()) >= 8 and _ends_sentence(text) and not has_date_label(text)
