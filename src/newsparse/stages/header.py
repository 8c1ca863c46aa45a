"""Header: headline, dek, byline, dateline and photo captions above the article body.

The ``boilerplate`` stage leaves unlabelled a window of lines above the article's first paragraph.
In a page dump the headline is usually the title-like line closest above that paragraph, often
followed by a byline, a date or a dek, and often repeated by the layout (the document title in the
navigation, then the ``h1``). Each candidate gets a small score from those cues; what is left in the
window above the headline is navigation, and what is left between headline and body is furniture.
The article starts under its byline: a paragraph between the headline and a "By …" or "Updated …"
line is a caption or a standfirst, and the paragraph right under that line is the article's first,
however far a video pushes the next one down.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import lexicon, rx
from ..document import Document, Image, Line
from ..pipeline import stage
from . import blocks as bk

MAX_HEADER_LINES = 40  # candidates looked at above the first paragraph
BODY_SAMPLE_LINES = 6
OVERLAP_WEIGHT = 3.0
OVER_BODY_WEIGHT = 1.0
FULL_STOP_PENALTY = -3.0
TITLED_STOP_PENALTY = -1.0  # "Stocks Fall. Why You Shouldn't Worry.": set like a headline, whatever its stop
EXCLAIM_END_PENALTY = -0.5
TOPIC_MIN_TERMS = 2
LIST_TOPIC_MAX = 0.5  # a title in a run of short lines is a menu item unless it shares the body's topic
DEK_MARGIN = 2.5  # how much lower a title right above the best candidate may score and still win
NOTICE_MAX_WORDS = 8  # a notice between a headline and its dek
KIND_LABEL_MAX_WORDS = 2  # "Editorial", "Live analysis"
DEK_REACH = 4  # lines above the best candidate where a headline with a dek under it may sit
BELOW_BODY_LINES = 15  # and below it, where a teaser paragraph was taken for the body's start
PARAGRAPH_GAP = 3  # lines within which a second paragraph confirms the body has started
HEADLINE_MAX_CHARS = 300
TITLED_LINE_MAX_CHARS = 120  # a title-case line this short is a headline even with a full stop
DEK_MAX_CHARS = 400
STANDFIRST_MIN_WORDS = 12
STANDFIRST_LENGTH_RATIO = 1.5
BYLINE_MAX_CHARS = 160
SOURCE_STAMP_MAX_CHARS = 100
STAMP_ABOVE_BONUS = 2.0  # a date right over a title with its standfirst
PROSE_MIN_WORDS = 6
NAME_TAIL_WORDS = 4  # words a site, handle or role may add after "Ana Ruiz, "
ECHO_WEIGHT = 1.5
COPY_PREFIX_CHARS = 40  # a line opening like a candidate is its copy, maybe cut short
ECHO_MIN_CHARS = 12  # shorter lines end too many others by chance
ECHO_MAX_EXTRA = 60  # what a breadcrumb or a share prompt adds before the title it echoes
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " _ ")  # "Title | Site"
ECHO_CLOSERS = ' "”’»」'  # a quoted title's closing marks
REPEAT_REACH = 6  # lines above the headline where its first copy may sit
DATE_ABOVE_REACH = 3  # lines above the headline where a date line still dates the article
TITLE_CASE_SHARE = 0.8
CJK_CHARS_PER_WORD = 3  # Chinese and Japanese words run two to four characters
TITLE_MIN_WORDS = 4  # a headline says something: menu items and section names are shorter
SHORT_TITLE_PENALTY = -1.0
TITLE_MAX_WORDS = 22
LONG_TITLE_PENALTY = -0.5
NAME_BYLINE_REACH = 2  # a name alone is a byline right under the headline (or dek), or next to a date
BYLINE_ANCHOR_REACH = 8  # lines above the best title where the article's byline may sit
TITLE_OVER_BYLINE = 3  # lines above that byline where its title (or dek) sits
ANCHOR_MIN_SCORE = 1.0
STAMP_UNDER_TITLE = 2  # lines under a title where the article's byline or labelled date sits
CAPTION_CUE_PENALTY = -2.0
LOWERCASE_PENALTY = 2.0  # a title over the byline must look like a headline on its own merits

_CREDIT: rx.Pattern | None = None


def credit_pattern() -> rx.Pattern:
    """``… AP Photo/Jane Doe`` or ``(Getty Images)`` or ``Photo: Jane Doe`` at a caption's end."""
    global _CREDIT
    if _CREDIT is None:
        cues = lexicon.alternation(lexicon.entries("photo_credits"))
        _CREDIT = rx.compile(
            rf"(?:^|(?<=[.!?)\]]\s{{0,3}})|\(|\[|\s[|/]\s?)(?P<credit>(?:{cues})\b(?:\s?[/:]\s?|\s)?[^\n]{{0,70}}?)[)\]]?\s*$",
            rx.I,
        )
    return _CREDIT


# "WASHINGTON (AP) --", "NAIROBI, August 8 (Xinhua) --": the place line that opens a wire story. The
# agency is a name, so a headline's own aside at its end ("… (and why)") is no dateline.
_PLACE_DATELINE = rx.compile(r"(?:\(\p{Lu}[\p{L} .]{0,30}\)\s?(?:--|_|—|–|-)?|\s(?:--|_|—))$")
_PARAGRAPH_END = rx.compile(r"[.!?。！？…\"”»]\s*$")


def is_paragraph(line: Line) -> bool:
    """A line of running prose: long, or a full sentence of some length (any language).

    >>> from newsparse.stages.normalize import split_lines
    >>> is_paragraph(split_lines("The council met on Monday and voted to close the old bridge for repairs until May.")[0])
    True
    >>> is_paragraph(split_lines("Council Votes to Close the Old Bridge")[0])
    False
    """
    return _is_paragraph_text(line.text)


@lru_cache(maxsize=bk.TEXT_CACHE)
def _is_paragraph_text(text: str) -> bool:
    """:func:`is_paragraph` by the line's text alone, remembered: each candidate title asks about
    the lines around it, so one line is asked about several times."""
    if is_markup(text):
        return False
    if len(text) >= 200:
        return True
    if bk.cjk_count(text[:60]) > 20:
        return len(text) >= 50 and _ends_paragraph(text)
    if len(text) < 80 or len(text.split()) < 12 or not _ends_paragraph(text) or _titled_initialism_end(text):
        return False
    return len(text) >= TITLED_LINE_MAX_CHARS or not is_title_case(text)  # "Stocks Fall. Why You Shouldn't Worry."


def is_markup(text: str) -> bool:
    """HTML shown as text (a ``<noscript>`` tracking pixel, an embed code): a long line, no prose.

    >>> is_markup('<iframe src="//example.org/ns.html?id=X" height="0" width="0"></iframe>'), is_markup("<3 this bridge")
    (True, False)
    """
    return text.startswith("<") and text.endswith(">") and '="' in text


def _titled_initialism_end(text: str) -> bool:
    """A title-case line whose last dot is an initialism's ("… Under the Streets of N.Y.C."): a
    headline, not a sentence."""
    return text.endswith(".") and _INITIALISM_END.search(text) is not None and is_title_case(text)


_PARAGRAPH_END_CHARS = frozenset(".!?。！？…\"”»")


def _ends_paragraph(text: str) -> bool:
    """``_PARAGRAPH_END`` matches; a line's text has no trailing space, so its last character decides
    without a pattern call (every ``\\s`` of the pattern is a ``str.isspace`` character)."""
    if text and not text[-1].isspace():
        return text[-1] in _PARAGRAPH_END_CHARS
    return _PARAGRAPH_END.search(text) is not None


@cache
def _credit_alternation() -> str:
    """Single words that make a bracket a credit ("Foto", "Getty"): the ``@words:`` line of ``photo_credits``."""
    return lexicon.alternation(lexicon.tagged("photo_credits", "words"))


@cache
def _bracket_credit() -> rx.Pattern:
    """"(Lumen Photo/Jo Park)", "(Jo Park / City Times)", "[Photo: Jo Park]": a credit in brackets at the end."""
    return rx.compile(
        rf"[(\[](?P<credit>[^()\[\]\n]{{0,40}}?(?:/|\b(?i:{_credit_alternation()})\b)[^()\[\]\n]{{0,50}})[)\]]\s*$"
    )


# "… at the town hall. Jo Park/Getty Images": a photographer and an agency after the last sentence.
_SLASH_CREDIT = rx.compile(r"(?<=[.!?]\s{1,3})(?P<credit>\p{Lu}[\p{L}.'’ -]{1,40}?\s?/\s?\p{Lu}[\p{L}&.'’ -]{1,40})$")


@cache
def _credit_words() -> tuple[str, ...]:
    return tuple(c.casefold() for c in lexicon.entries("photo_credits")) + tuple(lexicon.tagged("photo_credits", "agencies"))


@cache
def _credit_word() -> rx.Pattern:
    """A credit names someone or something: a capitalised word ("Getty", "Park") or a credit word."""
    return rx.compile(rf"\p{{Lu}}\p{{Ll}}{{2,}}|\b(?i:{_credit_alternation()})\b")


def _may_hold_credit(text: str) -> bool:
    """A cheap test before the credit patterns: a slash, a bracket or a credit word."""
    if "/" in text or text.rstrip().endswith((")", "]")):
        return True
    folded = text.casefold()
    return any(map(folded.__contains__, _credit_words()))


def find_caption_credit(doc: Document, line: Line) -> Image | None:
    """A caption that ends in a photo credit (or a credit line alone)."""
    if len(line.text) > 600 or not _may_hold_credit(line.text):
        return None
    m = credit_pattern().search(line.text)
    if m is None:
        m = _bracket_credit().search(line.text) or _SLASH_CREDIT.search(line.text)
        if m is not None and not _credit_word().search(m.group("credit")):
            return None  # "[M1 / MP]", "(and/or)": a reference or an aside, not a photographer
    if not m or len(m.group("credit").split()) > 9 or m.group("credit").rstrip().endswith((".", ",")):
        return None
    cs = line.content_start + m.start("credit")
    ce = line.content_start + m.end("credit")
    return Image(caption=doc.line_span(line), credit=doc.span(cs, ce))


@lru_cache(maxsize=bk.TEXT_CACHE)
def _title_like(text: str) -> bool:
    """Could be a headline: a few words, not a sentence run-on, not a label ending in a colon."""
    if not 8 <= len(text) <= HEADLINE_MAX_CHARS or text.endswith((":", ",", "|")) or _PLACE_DATELINE.search(text):
        return False
    if is_breadcrumb(text):
        return False
    cjk = bk.cjk_count(text[:40]) > 6
    return cjk or len(text.split()) >= 3


BREADCRUMB_MARKS = (">", ">>", "»", "›")


def is_breadcrumb(text: str) -> bool:
    """A trail of sections ("Home > Science > Space", "Tech News >"), which no headline is.

    >>> is_breadcrumb("Home > Science > Space"), is_breadcrumb("Local News ›"), is_breadcrumb("Why 2 > 1")
    (True, True, False)
    >>> is_breadcrumb("Home >> Science >> Space")
    True
    """
    if text.rstrip().endswith(BREADCRUMB_MARKS):
        return True
    return sum(text.count(f" {mark} ") for mark in BREADCRUMB_MARKS) >= 2


_TERM = rx.compile(r"\p{L}[\p{L}\p{N}]{2,}|\p{N}{2,}")


@lru_cache(maxsize=bk.TEXT_CACHE)
def content_terms(text: str) -> frozenset[str]:
    """Words that carry a topic: three letters or more and not a function word; CJK as bigrams.

    >>> sorted(content_terms("The bridge reopened on Monday"))
    ['bridge', 'monday', 'reopened']
    """
    stops = bk.all_stopwords()
    terms = {m.group().casefold() for m in _TERM.finditer(text)} - stops
    head = text[:3000]
    cjk = bk.cjk_chars(head)
    terms.update(cjk[k:k + 2] for k in range(len(cjk) - 1))
    return frozenset(terms)


def topic_overlap(text: str, body_terms: frozenset[str]) -> float:
    """Share of a candidate headline's topic words that the article's first paragraphs use."""
    terms = content_terms(text)
    return len(terms & body_terms) / max(len(terms), TOPIC_MIN_TERMS) if terms else 0.0


def _cluster_bonus(doc: Document, line: Line) -> float:
    """A byline or a date within the next few lines: the header cluster that follows a headline."""
    bonus = 0.0
    seen = 0
    for nxt in doc.lines[line.index + 1:line.index + 12]:
        if nxt.is_blank:
            continue
        seen += 1
        if seen > 4 or doc.labels[nxt.index] == "headline":
            break
        text = nxt.text
        if seen > 1 and _dates_the_title_below(doc, nxt):
            break  # date, title, standfirst: the date is that title's
        if is_byline(text) or bk.is_dateline(text):
            bonus = max(bonus, 3.0 if seen <= 3 else 2.0)
        elif seen <= 3 and (is_lone_name_byline(doc, nxt) or (seen == 1 and is_source_stamp(text))):
            bonus = max(bonus, 2.0)
    above, _ = _neighbours(doc, line)
    if above is not None and _dates_the_title_below(doc, above):
        bonus = max(bonus, STAMP_ABOVE_BONUS)
    return bonus


def _dates_the_title_below(doc: Document, stamp: Line) -> bool:
    """A date line over a title that has its standfirst under it: a layout that prints the date
    first. The line under a date is as often a teaser's title, so the standfirst must be there
    (and must not be the body's first paragraph)."""
    if not bk.is_dateline(stamp.text) and not is_source_stamp(stamp.text):
        return False
    _, title = _neighbours(doc, stamp)
    if title is None or not _title_like(title.text):
        return False
    _, dek = _neighbours(doc, title)
    return dek is not None and not is_paragraph(dek) and _standfirst_under(title.text, dek.text)


def _standfirst_under(title: str, below: str) -> bool:
    """``below`` reads as the standfirst of ``title``: longer, a dozen words or more, not set in
    title case.

    >>> _standfirst_under("Bridge Reopens", "The city says the old crossing will carry cars again from Monday, two years late")
    True
    """
    return word_units(below) >= STANDFIRST_MIN_WORDS and len(below) > len(title) and not is_title_case(below)


@lru_cache(maxsize=bk.TEXT_CACHE)
def is_source_stamp(text: str) -> bool:
    """A short line that gives a date with a source, an agency or a time around it ("AFP, 3 May
    2021 at 07:19 (updated 07:38)", "Posted 2021-05-03 08:42 Source: City Daily"): too busy for a
    dateline, yet what a page prints right under its headline.

    >>> is_source_stamp("AFP 3 mai 2021 à 07:19 (Mis à jour : 3 mai 2021 à 07:38)"), is_source_stamp("Bridge Reopens")
    (True, False)
    >>> is_source_stamp("李明2017-03-01 14:27:02")
    True
    """
    if len(text) > SOURCE_STAMP_MAX_CHARS or looks_like_sentence(text):
        return False
    if bk.find_date(text) is not None:
        return True
    # "李明2017-03-01 14:27": a name glued to the date leaves no word boundary before it.
    return bk.cjk_count(text) > 0 and bk.find_date(_CJK_RUN.sub(" ", text)) is not None


_CJK_RUN = rx.compile(rf"[{bk.CJK_RANGES}]+")


@dataclass(frozen=True, slots=True)
class PageCues:
    """What the whole page tells about every candidate: how often each short line occurs, the
    words of the article's first paragraphs, and every line casefolded (to find echoes)."""

    counts: dict[str, int]
    body_sample: tuple[str, ...]  # the article's first lines
    body_terms: frozenset[str]
    folded: str  # every line casefolded, each ended by a line break

    def topic_terms(self, text: str) -> frozenset[str]:
        """The body's topic words, less those of the candidate's own copy in the sample (the same
        opening, maybe cut short with "…"): a teaser repeated below the body's start must not
        vouch for itself."""
        head = text[:COPY_PREFIX_CHARS]
        if not any(t.startswith(head) for t in self.body_sample):
            return self.body_terms
        return content_terms(" ".join(t for t in self.body_sample if not t.startswith(head)))


def page_cues(doc: Document, lines: list[Line], body_pos: int) -> PageCues:
    folded = [ln.text.casefold() for ln in doc.lines]
    counts: dict[str, int] = Counter(key for key in folded if 8 <= len(key) <= HEADLINE_MAX_CHARS)  # counted in C
    sample = tuple(ln.text for ln in lines[body_pos:body_pos + BODY_SAMPLE_LINES])
    return PageCues(counts, sample, content_terms(" ".join(sample)), "\n".join(folded) + "\n")


def is_echoed(text: str, cues: PageCues) -> bool:
    """The page repeats the line, or ends another short line with it: a breadcrumb ("News > Bridge
    Reopens"), a share prompt ("Share options for: Bridge Reopens") or a comment count ("3 comments
    on “Bridge Reopens”") names the page's own title, and so does a document title ("Bridge
    Reopens | City Daily").
    """
    key = text.casefold()
    if cues.counts.get(key, 0) > 1:
        return True
    if len(key) < ECHO_MIN_CHARS:
        return False
    page = cues.folded
    at = page.find(key)
    while at >= 0:  # each place the page holds the line's text, inside a longer line or not
        start, end = page.rfind("\n", 0, at) + 1, page.find("\n", at)
        other = page[start:end]
        if len(key) < len(other) <= len(key) + ECHO_MAX_EXTRA and (
            other.rstrip(ECHO_CLOSERS).endswith(key) or _titles_a_site(other, key)
        ):
            return True
        at = page.find(key, at + 1)
    return False


def _titles_a_site(line: str, title: str) -> bool:
    """``line`` is "Title | Site": a document title that names the site after the headline.

    >>> _titles_a_site("bridge reopens | city daily", "bridge reopens"), _titles_a_site("bridge reopens today", "bridge reopens")
    (True, False)
    """
    return line.startswith(title) and line[len(title):].startswith(TITLE_SEPARATORS)


def headline_parts(doc: Document, lines: list[Line], i: int, body_pos: int, cues: PageCues) -> dict[str, float] | None:
    """The cues that make ``lines[i]`` a headline, each with its weight (None: it cannot be one).

    Kept apart so that a wrong pick can be explained cue by cue.
    """
    line = lines[i]
    text = line.text
    cluster = _cluster_bonus(doc, line)
    if i >= body_pos and (cluster < 2.0 or looks_like_sentence(text)):
        return None  # below the first paragraph only a title with a byline or date right under it
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    topic = topic_overlap(text, cues.topic_terms(text))
    return {
        "length": _length_fit(word_units(text)),
        "cluster": cluster,
        "over_body": OVER_BODY_WEIGHT if nxt is not None and (i + 1 == body_pos or is_paragraph(nxt)) else 0.0,
        "repeated": ECHO_WEIGHT if is_echoed(text, cues) else 0.0,
        "topic": OVERLAP_WEIGHT * topic,
        "sentence_end": _sentence_end_penalty(text),
        "list_run": -1.5 if topic < LIST_TOPIC_MAX and _in_list_run(lines, i) else 0.0,
        "lowercase": -LOWERCASE_PENALTY if starts_lowercase(text) else 0.0,
        "caption": CAPTION_CUE_PENALTY if points_at_photo(text) else 0.0,
        "distance": -0.05 * abs(body_pos - i) - (1.0 if i > body_pos else 0.0),
    }


# A run of characters outside spaces and the CJK ranges that ``blocks.cjk_chars`` keeps.
_SPACED_RUN = rx.compile(rf"[^\s{bk.CJK_RANGES}]+")


def _length_fit(words: int) -> float:
    """Headlines run from four to about twenty words: shorter is a menu item or a section name,
    longer is a standfirst or a teaser's first sentence."""
    if words < TITLE_MIN_WORDS:
        return SHORT_TITLE_PENALTY
    return 1.0 if words <= TITLE_MAX_WORDS else LONG_TITLE_PENALTY


def word_units(text: str) -> int:
    """Words, with Chinese, Japanese and Korean script counted as one word per three characters.

    Those scripts put no spaces between words, so a long headline is one "word" to ``split``; a
    Latin name inside them ("Chrome", "Wi-Fi") is a word of its own.

    >>> word_units("Bridge Reopens After Repairs"), word_units("東京の新しい橋が開通"), word_units("Apple 新製品を発表")
    (4, 3, 3)
    >>> word_units("Google ChromeのNever-Slow Mode")
    4
    """
    cjk = bk.cjk_chars(text)
    if not cjk:
        return len(text.split())
    spaced = sum(1 for m in _SPACED_RUN.finditer(text) if any(map(str.isalnum, m.group())))
    return spaced + len(cjk) // CJK_CHARS_PER_WORD


# "… Underneath N.Y.C.", "… Leaves the U.S.": a title may end in an initialism's dot.
_INITIALISM_END = rx.compile(r"(?:^|\s)(?:\p{Lu}\.){2,}$")


def _sentence_end_penalty(text: str) -> float:
    """A full stop ends sentences (a dek, a caption, a prompt), almost never a headline; an
    exclamation mark ends a tabloid headline as often as a teaser.

    >>> _sentence_end_penalty("Bridge Reopens in N.Y.C."), _sentence_end_penalty("Sign up for our newsletter.")
    (0.0, -3.0)
    """
    if text.endswith(("!", "！")):
        return EXCLAIM_END_PENALTY
    if text.endswith("。"):
        return FULL_STOP_PENALTY
    if not text.endswith(".") or _INITIALISM_END.search(text):
        return 0.0
    return TITLED_STOP_PENALTY if is_title_case(text) else FULL_STOP_PENALTY


def points_at_photo(text: str) -> bool:
    """The line points at someone in a photo ("(left)", "from left", "（右）"): a caption.

    >>> points_at_photo("The mayor (left) opens the bridge"), points_at_photo("Bridge Reopens (Again)")
    (True, False)
    """
    folded = text.casefold()
    return any(cue in folded for cue in lexicon.words("caption_cues"))


def starts_lowercase(text: str) -> bool:
    """The first letter is a small one: a link or a prompt ("take the tour"), rarely a headline.

    >>> starts_lowercase("take the tour"), starts_lowercase("Bridge Reopens"), starts_lowercase("東京")
    (True, False, False)
    """
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


def _listy(line: Line | None) -> bool:
    """A short title-like line that is no byline, date or paragraph: what menus and teasers are made of."""
    if line is None:
        return False
    text = line.text
    return _title_like(text) and not is_paragraph(line) and not _is_stamp(text)


def _in_list_run(lines: list[Line], i: int) -> bool:
    """Inside a run of short title-like lines (a menu or a teaser list), not at its end."""
    def at(j: int) -> Line | None:
        return lines[j] if 0 <= j < len(lines) else None
    if i + 1 < len(lines) and _standfirst_under(lines[i].text, lines[i + 1].text):
        return False  # a title over its standfirst
    return (_listy(at(i - 1)) and _listy(at(i + 1))) or (_listy(at(i + 1)) and _listy(at(i + 2)))


def _neighbours(doc: Document, line: Line) -> tuple[Line | None, Line | None]:
    """The non-blank lines right before and after ``line`` in the page."""
    before = next((ln for ln in reversed(doc.lines[max(0, line.index - 4):line.index]) if not ln.is_blank), None)
    after = next((ln for ln in doc.lines[line.index + 1:line.index + 5] if not ln.is_blank), None)
    return before, after


def is_lone_name_byline(doc: Document, line: Line) -> bool:
    """A name alone on a line with the header of an article around it, not one item of a menu.

    A date, a "By" above, a job title, a counter or a "Follow" button beside the name is the
    byline's company; a short menu entry beside it ("Mac mini", "Sign Out") makes it a menu item.
    """
    if not is_name_line(line.text):
        return False
    before, after = _neighbours(doc, line)
    if _supports_name(doc, before, above=True) or _supports_name(doc, after, above=False):
        return True
    if _is_title(doc, before) or _is_title(doc, after):  # under the headline: not among teaser titles
        return not (_listy(before) and _listy(after))
    return not (_menu_like(doc, before) or _menu_like(doc, after))


def _is_title(doc: Document, line: Line | None) -> bool:
    return line is not None and doc.labels[line.index] in ("headline", "dek")


NAME_NEIGHBOUR_WORDS = 4  # "Home News", "Sign In": what a menu entry next to a name-like one holds
DATED_SUPPORT_CHARS = 80
_CLOCK = rx.compile(r"\b\d{1,2}:\d{2}")


def _counts_or_clocks(text: str) -> bool:
    """"4 Min Read", "36", "2 hours ago", "Today 9:44": a counter, an age or a time (not "40 Under 40").

    >>> _counts_or_clocks("4 Min Read"), _counts_or_clocks("Today 9:44"), _counts_or_clocks("40 Under 40")
    (True, True, False)
    """
    if text.lower() == text or _CLOCK.search(text):
        return True
    return text[0].isdigit() and not text[-1].isdigit()


def _supports_name(doc: Document, line: Line | None, *, above: bool) -> bool:
    """A line that sits beside bylines: a date, a counter or an age, a byline, "By" above, a job
    title, a weekday, an agency, a "Follow" button."""
    if line is None:
        return False
    text = line.text
    if doc.labels[line.index] in ("byline", "dateline") or bk.is_dateline(text) or _names_a_job(text):
        return True
    if bk.has_digit(text) and len(text.split()) <= NAME_NEIGHBOUR_WORDS and _counts_or_clocks(text):
        return True
    if len(text) <= DATED_SUPPORT_CHARS and bk.find_date(text) is not None:
        return True
    if text.casefold() in _weekdays() or text.casefold() in lexicon.words("news_agencies"):
        return True  # "Monday" above the date, "Reuters" under the name
    return (above and _is_bare_prefix(text)) or text.strip("+ ").casefold() in _profile_words()


def _menu_like(doc: Document, line: Line | None) -> bool:
    """A title-like line or a short entry of words that is no headline, dek, caption, byline or date."""
    if line is None or doc.labels[line.index] in ("headline", "dek", "byline", "dateline", "caption"):
        return False
    text = line.text
    short = len(text.split()) <= NAME_NEIGHBOUR_WORDS and not text.endswith((".", "!", "?", ":"))
    if not (short or _listy(line)) or not any(ch.isalpha() for ch in text):
        return False
    return not (is_byline(text) or _is_bare_prefix(text) or bk.is_dateline(text))


@cache
def _weekdays() -> frozenset[str]:
    return frozenset(day for table in lexicon.table("weekdays").values() for day in table)


@cache
def _job_words() -> frozenset[str]:
    """Words of a job title ("reporter", "editor"): the ``@words:`` line of ``author_roles``."""
    return lexicon.tagged("author_roles", "words")


@cache
def _profile_words() -> frozenset[str]:
    """An author's profile buttons ("Follow"): the ``@profile:`` line of ``author_roles``."""
    return lexicon.tagged("author_roles", "profile")


def _names_a_job(text: str) -> bool:
    return not _job_words().isdisjoint(text.casefold().split())


def _byline_prefix() -> rx.Pattern:
    global _BYLINE
    if _BYLINE is None:
        entries = lexicon.words("byline_prefixes")
        words = lexicon.alternation(w for w in entries if not w.endswith(":"))
        colon = lexicon.alternation(w.rstrip(":") for w in entries if w.endswith(":"))
        _BYLINE = rx.compile(
            rf"(?:(?i:by)?(?:(?i:{words})\b\s?:?\s?(?=\p{{L}})|(?i:{colon})\s?:\s?(?=\p{{L}})|By(?=\p{{Lu}})))"
        )
    return _BYLINE


_BYLINE: rx.Pattern | None = None
# After "By": a capitalised word, then another, the end, or a separator ("By Tuesday, the" is prose).
_NAME_START = rx.compile(r"\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}|\s?$|\s?[,|·•@\d]|\s[-–—]\s)")
def is_name_line(text: str) -> bool:
    """A person's name alone (see :func:`.blocks.looks_like_name`)."""
    return bk.looks_like_name(text)


@lru_cache(maxsize=bk.TEXT_CACHE)
def is_byline(text: str) -> bool:
    """``By Ana Ruiz``, ``Von Jan Berg | 3. März 2024``, ``ByAna Ruiz``.

    >>> is_byline("By Ana Ruiz and Tom Lee"), is_byline("Bystanders gathered.")
    (True, False)
    """
    if len(text) > BYLINE_MAX_CHARS:
        return False
    m = _byline_prefix().match(text)
    if m is None:
        return False
    return _NAME_START.match(text, m.end()) is not None


def _opens_body(lines: list[Line], i: int) -> bool:
    line = lines[i]
    text = line.text
    return is_paragraph(line) and not is_byline(text) and not (_may_hold_credit(text) and credit_pattern().search(text))


def find_body_start(lines: list[Line]) -> int:
    """Position of the first paragraph that another paragraph follows closely (``len(lines)`` if none).

    A lone paragraph among menus is a teaser or a notice; the article is a run of them. When no two
    paragraphs sit together, the first paragraph will do.
    """
    first = None
    for i in range(len(lines)):
        if not _opens_body(lines, i):
            continue
        if first is None:
            first = i
        near = range(i + 1, min(i + 1 + PARAGRAPH_GAP, len(lines)))
        if any(_opens_body(lines, j) and lines[j].index - lines[i].index <= 2 * PARAGRAPH_GAP for j in near):
            return i
    return first if first is not None else len(lines)


STAMP_AFTER_LEAD = 3  # lines under the first paragraph where the article's byline may still sit


def stamp_under_lead(lines: list[Line], body_pos: int) -> int | None:
    """Position of the article's byline or labelled date right under the first paragraph found,
    when paragraphs follow it (None otherwise).

    Layouts print the photo with its caption, or a standfirst, between the headline and the byline;
    a caption whose credit is glued on reads as a paragraph. The article starts under its stamp.

    Page: "Bridge Reopens" / "Cars cross the old bridge on Monday at dawn, seen from the east bank." /
    "By Ana Ruiz" / paragraphs -> the body starts under "By Ana Ruiz".
    """
    if body_pos >= len(lines):
        return None
    for k in range(body_pos + 1, min(body_pos + 1 + STAMP_AFTER_LEAD, len(lines))):
        if is_paragraph(lines[k]):
            return None
        if _is_article_stamp(lines[k].text):
            following = find_body_start(lines[k + 1:k + 1 + STAMP_AFTER_LEAD + 1])
            return k if following <= STAMP_AFTER_LEAD else None
    return None


def _under_article_stamp(doc: Document, lines: list[Line], pos: int, headline_at: int | None) -> bool:
    """The paragraph sits right under the article's byline or date, below the headline: the
    article's first paragraph, however far a video or a gallery pushes the next one down."""
    if headline_at is None:
        return False
    for k in range(pos - 1, max(headline_at, pos - 1 - STAMP_UNDER_TITLE), -1):
        text = lines[k].text
        if doc.labels[lines[k].index] == "byline" or _is_article_stamp(text):
            return True
        if not bk.is_dateline(text):
            return False
    return False


def article_start(lines: list[Line], first: int) -> tuple[int, int | None]:
    """Where the article's first paragraph is, searched from ``first`` (the line under the headline
    and its dek), and where the article's byline or labelled date above it is (None if none)."""
    found = find_body_start(lines[first:])
    body_pos = first + (found if found < len(lines) - first else 0)
    stamp_at = stamp_under_lead(lines, body_pos)
    if stamp_at is not None:
        return stamp_at + 1 + find_body_start(lines[stamp_at + 1:]), stamp_at
    return body_pos, _stamp_over_body(lines, first, body_pos)


LEAD_IN_MAX_WORDS = 4


def is_lead_in(text: str) -> bool:
    """A place set on its own line before the first paragraph ("WASHINGTON:", "Paris/Berlin :"):
    the dateline that opens the article's text.

    >>> is_lead_in("Lumenport/ Harbor City:"), is_lead_in("Highlights"), is_lead_in("Tags:")
    (True, False, False)
    """
    if not text.endswith(":") or len(text.split()) > LEAD_IN_MAX_WORDS or bk.cue_kind(text) is not None:
        return False
    words = [m.group() for m in _WORD.finditer(text)]
    if not words or not all(w[:1].isupper() for w in words) or _names_a_date_label(text):
        return False
    return text.casefold().rstrip(" :") not in _box_labels()


@cache
def _box_labels() -> frozenset[str]:
    """Labels of a box ("Highlights:", "Tags:"): a line of them ending in a colon names no place."""
    return frozenset(lexicon.table("boilerplate_cues").get("_box_labels", ()))


def _stamp_over_body(lines: list[Line], first: int, body_pos: int) -> int | None:
    """Position of the last byline or labelled date between the headline's block and the body."""
    return next((k for k in range(body_pos - 1, first - 1, -1) if _is_article_stamp(lines[k].text)), None)


def _label_over_stamp(doc: Document, line: Line) -> None:
    """A paragraph between the headline and the article's byline: a caption (its credit glued on)
    or a standfirst, not the article's first paragraph."""
    image = find_caption_credit(doc, line)
    if image is None:
        doc.mark_boilerplate(line, "header_furniture")
        return
    doc.images.append(image)
    doc.labels[line.index] = "caption"


def pick_headline(doc: Document, lines: list[Line], body_pos: int) -> int | None:
    """Index of the headline among ``lines`` above ``body_pos``, or None when nothing looks like one."""
    best, best_score = None, 0.5
    scores: dict[int, float] = {}
    topical: set[int] = set()  # candidates that share a topic word with the body
    cues = page_cues(doc, lines, body_pos)
    for i in range(max(0, body_pos - MAX_HEADER_LINES), min(body_pos + BELOW_BODY_LINES, len(lines))):
        text = lines[i].text
        if not _title_like(text) or _is_stamp(text) or is_paragraph(lines[i]):
            continue
        if find_caption_credit(doc, lines[i]) is not None or _signed_as_post(lines, i):
            continue
        parts = headline_parts(doc, lines, i, body_pos, cues)
        score = -1.0 if parts is None else sum(parts.values())
        scores[i] = score
        if parts is not None and parts["topic"] > 0:
            topical.add(i)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return 0 if _is_title_line(doc, lines, body_pos) else None
    best = _stamped_title(lines, scores, best)
    best = _title_over_byline(lines, scores, best)
    best = _first_copy(doc, lines, best)
    return _title_above_dek(lines, scores, topical, best)


def _is_stamp(text: str) -> bool:
    """A byline, a date line, or a date with its source: the lines of a header cluster."""
    return is_byline(text) or bk.is_dateline(text) or is_source_stamp(text)


def _is_article_stamp(text: str) -> bool:
    """A "By …" line or a labelled date ("Published …", "Updated …"): what a page prints right
    under the article's own title, not under a video, a tweet or a subheading."""
    if is_byline(text) or (bk.is_dateline(text) and bk.has_date_label(text)):
        return True
    return is_source_stamp(text) and _names_a_date_label(text)


@cache
def _label_inside() -> rx.Pattern:
    return rx.compile(rf"(?i:\b(?:{lexicon.alternation(lexicon.words('date_labels'))})\b)")


def _names_a_date_label(text: str) -> bool:
    """A date label anywhere in the line, as in "AFP 3 May 2021 07:19 (Updated: 07:38)"."""
    return _label_inside().search(text) is not None


def _signed_as_post(lines: list[Line], i: int) -> bool:
    """The line is the text of an embedded post (a tweet), signed on the next line: not a title."""
    return i + 1 < len(lines) and bk.is_post_signature(lines[i + 1].text)


def _has_stamp_under(lines: list[Line], j: int) -> bool:
    return any(_is_article_stamp(ln.text) for ln in lines[j + 1:j + 1 + STAMP_UNDER_TITLE])


def _stamped_title(lines: list[Line], scores: dict[int, float], best: int) -> int:
    """When the best title has no byline or labelled date under it, a title that has one wins.

    A site's slogan or a cookie banner's title may outscore the headline on shape, but only the
    headline has the article's "By …" or "Published …" right under it. A title a few lines under the
    best one is its dek, and a line with a date in it is a stamp itself, not a title.
    """
    if _has_stamp_under(lines, best):
        return best
    stamped = [
        j for j, score in scores.items()
        if score > ANCHOR_MIN_SCORE and not 0 < j - best <= DEK_REACH and not looks_like_sentence(lines[j].text)
        and bk.find_date(lines[j].text) is None and _has_stamp_under(lines, j)
    ]
    return max(stamped, key=lambda j: scores[j]) if stamped else best


def _title_over_byline(lines: list[Line], scores: dict[int, float], best: int) -> int:
    """A title right above the article's byline or labelled date wins over a title below them.

    Below the byline come the photo title, the embedded video's or tweet's title and subheadings,
    which sit right on the body and share its words; the headline is the title the byline follows.

    Page: "Bridge Reopens" / "By Ana Ruiz" / "Video: first cars cross" / paragraph -> "Bridge Reopens".
    """
    for k in range(best - 1, max(-1, best - BYLINE_ANCHOR_REACH - 1), -1):
        if not _is_article_stamp(lines[k].text):
            continue
        above = [j for j in range(k - 1, max(-1, k - TITLE_OVER_BYLINE - 1), -1) if scores.get(j, 0.0) > ANCHOR_MIN_SCORE]
        # Title and dek both sit over the byline: the title is the closest line that is no sentence.
        return max(above, key=lambda j: (not looks_like_sentence(lines[j].text), j)) if above else best
    return best


def _title_above_dek(lines: list[Line], scores: dict[int, float], topical: set[int], best: int) -> int:
    """The title right above the best candidate when that one reads as its dek, or a title a few
    lines up with a standfirst sentence between them.

    Headline, dek, then a sub-headline or photo title right above the byline: the closest title to
    the byline is not the headline when a dek separates it from a title above.
    """
    if best not in scores:
        return best  # an earlier copy of the title (``_first_copy``), chosen for its words, not scored
    best_score = scores[best]
    below = lines[best].text
    j = best - 1
    skipped = j >= 1 and _is_label_between(lines[j], j in scores, j in topical)
    if skipped:
        j -= 1  # and then the dek must read as one on its own: a sentence, or much longer
    close = j in scores and j in topical and scores[j] > best_score - DEK_MARGIN
    if close and _is_dek_under(lines[j].text, below) and (
        not skipped or looks_like_sentence(below) or _says_more(lines[j].text, below)
    ):
        return j
    for j in range(best - 2, max(-1, best - DEK_REACH - 1), -1):
        title = j in scores and scores[j] > best_score - DEK_MARGIN and not looks_like_sentence(lines[j].text)
        if title and _only_dek_between(lines[j + 1:best]):
            return j
    return best


def _is_label_between(line: Line, candidate: bool, topical: bool) -> bool:
    """A line that may sit between a headline and its dek: a kind label ("Editorial", "Analysis")
    or a notice off the article's topic ("This story is from our archive")."""
    text = line.text
    if not candidate:
        return word_units(text) <= KIND_LABEL_MAX_WORDS and not _is_stamp(text) and not is_breadcrumb(text)
    return not topical and not _is_prose_line(text) and word_units(text) <= NOTICE_MAX_WORDS


def _only_dek_between(between: list[Line]) -> bool:
    """Prose (the dek) lies between a title and the line under it, and nothing else but captions
    and dates: a menu item or a section label between them means the title above is another text's."""
    return any(_is_prose_line(ln.text) for ln in between) and all(
        _is_prose_line(ln.text) or bk.is_dateline(ln.text) or _may_hold_credit(ln.text) for ln in between
    )


def _first_copy(doc: Document, lines: list[Line], best: int) -> int:
    """The earlier copy of a repeated headline when a dek sits between the two copies.

    Layouts print the title, the standfirst, then the title again over the photo; the first copy is
    the headline and the dek follows it.
    """
    if best >= 1 and lines[best - 1].text != lines[best].text and _same_words(lines[best - 1].text, lines[best].text):
        return best - 1  # "Bridge -- Reopens" over "Bridge Reopens": the page's title, then its plain copy
    for j in range(best - 1, max(-1, best - REPEAT_REACH), -1):
        if lines[j].text == lines[best].text:
            between = lines[j + 1:best]
            if any(_is_prose_line(ln.text) or find_caption_credit(doc, ln) for ln in between):
                return j
    return best


def _same_words(a: str, b: str) -> bool:
    """The same words in the same order, whatever the punctuation between them.

    >>> _same_words("Bridge -- Reopens!", "Bridge Reopens!"), _same_words("Bridge Reopens", "Bridge Closes")
    (True, False)
    """
    return [m.group().casefold() for m in _WORD.finditer(a)] == [m.group().casefold() for m in _WORD.finditer(b)]


_WORD = rx.compile(r"[\p{L}\p{N}]+")


def _is_title_line(doc: Document, lines: list[Line], body_pos: int) -> bool:
    """The text opens with a short non-sentence line set off by a blank line, then prose: a bare title.

    This is how hand-made or archived articles look (title, blank line, paragraphs), with none of a
    page's cues around the title.
    """
    if not lines or body_pos > 1 or lines[0].index != next(ln.index for ln in doc.lines if not ln.is_blank):
        return False
    first = lines[0]
    after = doc.lines[first.index + 1] if first.index + 1 < len(doc.lines) else None
    text = first.text
    return (
        after is not None and after.is_blank and len(lines) > 1
        and (_title_like(text) or len(text.split()) < 3) and not _PLACE_DATELINE.search(text)
        and (is_title_case(text) or not (looks_like_sentence(text) or is_paragraph(first)))
    )


def is_title_case(text: str) -> bool:
    """Most longer words capitalised, as English headlines are set.

    >>> is_title_case("Council Votes to Close the Old Bridge."), is_title_case("The council voted on it.")
    (True, False)
    """
    words = [w for w in text.split()[1:] if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def looks_like_sentence(text: str) -> bool:
    """Ends like a sentence or opens with a quotation mark: a dek or a paragraph, not a title.

    >>> looks_like_sentence("The mayor wants a new bridge."), looks_like_sentence("Bridge Reopens")
    (True, False)
    >>> looks_like_sentence("橋は月曜日に開通した。")
    True
    """
    return text.endswith((".", "!", "…", ".”", '."', ".’", "。")) or text.startswith(("“", '"', "‘", "'", "«", "„"))


def _is_dek_under(title: str, below: str) -> bool:
    """``below`` reads as the standfirst of ``title``: a title above a sentence."""
    if word_units(title) < TITLE_MIN_WORDS or looks_like_sentence(title):
        return False  # a section name or a series label above a headline is no title of its
    return looks_like_sentence(below) or (is_title_case(title) and not is_title_case(below)) or _says_more(title, below)


def _says_more(title: str, below: str) -> bool:
    """``below`` is a long sentence-case line that says much more than ``title``: its standfirst,
    even without a final full stop."""
    long_enough = word_units(below) >= STANDFIRST_MIN_WORDS and len(below) >= STANDFIRST_LENGTH_RATIO * len(title)
    return long_enough and not is_title_case(below)


def _label_above_headline(doc: Document, line: Line, headline: Line, *, near: bool) -> None:
    """Above the headline: navigation, except a date line just above it (some layouts put it first)."""
    if line.text == headline.text:
        doc.mark_boilerplate(line, "repeated_headline")
    elif doc.labels[line.index] == "dateline" or (near and bk.is_dateline(line.text)):
        doc.labels[line.index] = "dateline"
    else:
        doc.mark_boilerplate(line, "navigation")


def _next_to_date(doc: Document, line: Line) -> bool:
    """A dateline sits right above or below ``line``."""
    return any(n is not None and bk.is_dateline(n.text) for n in _neighbours(doc, line))


def _label_header_line(doc: Document, line: Line, headline: Line | None, near: bool) -> None:
    """Byline, dateline, caption or furniture: what a line between headline and body is."""
    if headline is not None and line.text == headline.text:
        doc.mark_boilerplate(line, "repeated_headline")
    elif is_byline(line.text) or (near and headline is not None and _names_an_author(doc, line)):
        doc.labels[line.index] = "byline"
    elif _is_bare_prefix(line.text):
        doc.mark_boilerplate(line, "byline_label")  # "By" alone: the name follows on the next line
    elif bk.is_dateline(line.text):
        doc.labels[line.index] = "dateline"
    elif (image := find_caption_credit(doc, line)) is not None:
        doc.images.append(image)
        doc.labels[line.index] = "caption"
    elif not _is_prose_line(line.text):
        doc.mark_boilerplate(line, "header_furniture")


def _names_an_author(doc: Document, line: Line) -> bool:
    """A name alone, a name with a site, handle or e-mail after a separator ("Ana Ruiz, @anaruiz",
    "Ana Ruiz | ana@example.org"), or a name right under a bare "By" line."""
    if is_lone_name_byline(doc, line):
        return True
    before, _ = _neighbours(doc, line)
    if before is not None and _is_bare_prefix(before.text):
        return _NAME_START.match(line.text) is not None
    head, sep, tail = line.text.partition(_first_separator(line.text))
    return bool(sep) and is_name_line(head.strip()) and len(tail.split()) <= NAME_TAIL_WORDS


def _first_separator(text: str) -> str:
    found = [(text.find(sep), sep) for sep in (",", " | ", " · ", " • ", " - ", " – ") if sep in text]
    return min(found)[1] if found else "\0"


def _is_bare_prefix(text: str) -> bool:
    """``By`` or ``Written by`` alone on its line: the name follows on the next one."""
    folded = text.rstrip(" :：").casefold()
    return folded in lexicon.words("byline_prefixes") or folded + ":" in lexicon.words("byline_prefixes")


def _is_prose_line(text: str) -> bool:
    """A short sentence of the article (kept for the body), not a label or a menu item."""
    return len(text.split()) >= PROSE_MIN_WORDS and looks_like_sentence(text) and not text.startswith(("“", '"'))


def find_dek(doc: Document, lines: list[Line], h: int, body_pos: int) -> int | None:
    """Position of the dek under the headline at ``h``: the next line, or the standfirst sentence
    after a short label or notice ("Analysis", "This story is from our archive")."""
    first, second = h + 1, h + 2
    if first >= len(lines) or _is_stamp(lines[first].text):
        return None
    over_standfirst = (
        second < min(body_pos, len(lines)) and _may_sit_over_dek(lines[first].text) and _is_standfirst(lines[second].text)
    )
    if over_standfirst and _is_dek(doc, lines, second, body_pos) and not _is_stamp(lines[second].text):
        return second
    return first if _is_dek(doc, lines, first, body_pos) else None


def _may_sit_over_dek(text: str) -> bool:
    """A short label between a headline and its dek: no sentence, no stamp, a few words."""
    return word_units(text) <= NOTICE_MAX_WORDS and not looks_like_sentence(text) and not _is_stamp(text)


def _is_standfirst(text: str) -> bool:
    return looks_like_sentence(text) or word_units(text) >= STANDFIRST_MIN_WORDS


def _is_dek(doc: Document, lines: list[Line], i: int, body_pos: int) -> bool:
    """A sentence right under the headline, before the byline/date/caption that precede the body."""
    if i >= len(lines) or len(lines[i].text) > DEK_MAX_CHARS or len(lines[i].text) < 20:
        return False
    if lines[i].text.startswith(("http://", "https://", "www.")):
        return False  # the page's address printed under a title: no standfirst
    if find_caption_credit(doc, lines[i]) is not None or _names_an_author(doc, lines[i]):
        return False
    if i < body_pos:
        return True
    following = doc.lines[lines[i].index + 1:lines[i].index + 8]
    return any(
        is_byline(ln.text) or bk.is_dateline(ln.text) or is_name_line(ln.text) or find_caption_credit(doc, ln)
        or doc.labels[ln.index] == "boilerplate"
        for ln in following if not ln.is_blank
    ) and not is_paragraph(next((ln for ln in following if not ln.is_blank), lines[i]))


@stage("header", requires=("lines", "labels", "boilerplate"), assigns=("headline", "dek", "images"))
def header(doc: Document) -> None:
    lines = [ln for ln in doc.lines if not ln.is_blank and doc.labels[ln.index] in (None, "dateline")]
    body_pos = find_body_start(lines)
    if body_pos == len(lines):  # no paragraph at all: nothing to find a header above; keep the lines
        body_pos = min(1, len(lines))
    h = pick_headline(doc, lines, body_pos)
    headline = lines[h] if h is not None else None
    if headline is not None:
        doc.headline = doc.line_span(headline)
        doc.labels[headline.index] = "headline"
        for pos, line in enumerate(lines[:h]):
            if doc.labels[line.index] is None:
                _label_above_headline(doc, line, headline, near=h - pos <= DATE_ABOVE_REACH)
        d = find_dek(doc, lines, h, body_pos)
        if d is not None:
            doc.dek = doc.line_span(lines[d])
            doc.labels[lines[d].index] = "dek"
    stamp_at = None
    if h is not None:
        body_pos, stamp_at = article_start(lines, (d if d is not None else h) + 1)
    start = h + 1 if h is not None else 0
    others = 0  # lines under the headline that are not its copy, a caption or a date
    for pos in range(start, body_pos):
        line = lines[pos]
        if doc.labels[line.index] is not None:
            continue
        if is_paragraph(line) and stamp_at is not None and pos < stamp_at:
            _label_over_stamp(doc, line)
            continue
        if is_paragraph(line):
            far = body_pos < len(lines) and lines[body_pos].index - line.index > 2 * PARAGRAPH_GAP
            if far and not _under_article_stamp(doc, lines, pos, h):  # a lone paragraph far above: a teaser
                doc.mark_boilerplate(line, "teaser")
            continue
        if pos == body_pos - 1 and is_lead_in(line.text):
            continue  # "WASHINGTON:" on its own line opens the first paragraph
        _label_header_line(doc, line, headline, near=others < NAME_BYLINE_REACH or _next_to_date(doc, line))
        if doc.labels[line.index] not in ("caption", "dateline") and not (headline and line.text == headline.text):
            others += 1
    _label_body_captions(doc, lines[body_pos:], headline)


# "Jo Park/Harbor Daily": a photographer and an outlet alone on a line, the credit of the caption above.
_BARE_CREDIT = rx.compile(r"\p{Lu}\p{L}+(?:[ .'’-]{1,2}\p{L}+){1,3}\s?/\s?\p{Lu}[\p{L}&.'’ -]{1,40}")


def is_bare_credit(text: str) -> bool:
    """A photo credit alone on its line: a name, a slash, an outlet.

    >>> is_bare_credit("Jo Park/Harbor Daily"), is_bare_credit("AC/DC"), is_bare_credit("Read more/Share")
    (True, False, False)
    """
    return len(text) <= SOURCE_STAMP_MAX_CHARS and _BARE_CREDIT.fullmatch(text) is not None and is_name_line(text.split("/")[0].strip())


def _label_opening_caption(doc: Document, lines: list[Line]) -> None:
    """The body's first line with a bare credit under it is a photo caption, not the article's start.

    Page: "Cars cross the bridge at dawn." / "Jo Park/Harbor Daily" / paragraphs -> a caption.
    """
    if len(lines) < 3 or any(doc.labels[ln.index] is not None for ln in lines[:2]):
        return
    if not is_bare_credit(lines[1].text) or not is_paragraph(lines[0]):
        return
    doc.images.append(Image(caption=doc.line_span(lines[0]), credit=doc.line_span(lines[1])))
    doc.labels[lines[0].index] = doc.labels[lines[1].index] = "caption"


def _label_body_captions(doc: Document, lines: list[Line], headline: Line | None) -> None:
    """Captions and repeated headlines among the body's lines; a byline right at the body's top."""
    _label_opening_caption(doc, lines)
    for pos, line in enumerate(lines):
        if doc.labels[line.index] is not None:
            continue
        if headline is not None and line.text == headline.text:
            doc.mark_boilerplate(line, "repeated_headline")
        elif (image := find_caption_credit(doc, line)) is not None:
            doc.images.append(image)
            doc.labels[line.index] = "caption"
        elif pos < 3 and is_byline(line.text):
            doc.labels[line.index] = "byline"
