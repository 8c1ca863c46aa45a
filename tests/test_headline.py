"""Headline and dek: which line of an invented page is the article's own title."""

from __future__ import annotations

import newsparse
from newsparse.stages import blocks as bk
from newsparse.stages.header import _is_dek_under, _length_fit, _title_like, word_units

PARAGRAPHS = [
    ("The harbor bridge in Lumenport reopened on Monday after two years of repairs, and the first cars "
    "crossed it shortly after dawn while a small crowd watched from the old pier."),
    ("City engineers said the bridge repairs had cost more than they had planned, but that the new deck "
    "would last for at least another fifty years if it is looked after."),
    ("Most of the money went into the steel cables, which had rusted through in places and had to be "
    "replaced one by one while the harbor bridge was closed to all traffic."),
    ("The mayor thanked the crews who worked through two winters and said the city would hold a street "
    "party on the bridge once the weather turns warm again."),
]
MENU = ["Home", "News", "Sports", "Weather", "Opinion", "Local", "Business", "Culture"]
HEADLINE = "Harbor Bridge Reopens After Two Years of Repairs"


def page(header: list[str]) -> str:
    return "\n".join(MENU) + "\n" + "\n".join(header) + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def headline_of(text: str) -> str | None:
    art = newsparse.parse(text)
    return art.headline.text if art.headline else None


def test_word_units_count_cjk_characters() -> None:
    assert word_units("Bridge Reopens After Repairs") == 4
    assert word_units("港の古い橋が二年ぶりに開通した") == 5  # no spaces, still a full headline
    assert word_units("お知らせ") == 1


def test_length_fit_prefers_headline_lengths() -> None:
    assert _length_fit(2) < 0 < _length_fit(8)
    assert _length_fit(40) < _length_fit(8)


def test_aside_in_brackets_is_no_wire_dateline() -> None:
    assert _title_like("Why the old bridge had to close (and why it reopened)")
    assert not _title_like("LUMENPORT (Reuters) -")


def test_short_series_label_is_no_title_over_its_headline() -> None:
    # "The Harbor Desk" over a headline that is not in title case: a label, not a title with its dek.
    assert not _is_dek_under("Harbor Desk", "Insiders: the bridge will reopen in May")
    assert _is_dek_under("Harbor Bridge Reopens After Repairs", "The first cars crossed it at dawn.")


def test_headline_with_bracketed_aside_is_found() -> None:
    title = "Lumenport finally gets its harbor bridge back (and its cables)"
    assert headline_of(page([title, "By Ana Ruiz"])) == title


def test_short_menu_label_above_byline_loses_to_headline() -> None:
    # A two-word label sits in the header cluster too; the headline is the line that says something.
    text = page(["Top Stories", "Start Here", HEADLINE, "By Ana Ruiz", "March 3, 2024"])
    assert headline_of(text) == HEADLINE


def test_headline_among_teasers_wins_on_topic() -> None:
    # Teaser titles around the headline form a run of short lines; the headline shares the body's words.
    teasers = ["Council Debates the New Parking Rules Again", "Local Bakery Wins a Regional Prize for Rye"]
    text = page([*teasers, HEADLINE, "Ferry Timetable Changes for the Summer Season", "By Ana Ruiz"])
    assert headline_of(text) == HEADLINE


def test_cjk_headline_is_not_a_short_label() -> None:
    title = "港の古い橋が二年ぶりに開通、最初の車が夜明けに渡る"
    paragraphs = (
        "港の古い橋は月曜日に二年ぶりに開通し、最初の車が夜明けに橋を渡った。多くの市民が古い桟橋から見守った。",
        "市の技術者によると、橋の修理費は予定より多くかかったが、新しい橋は少なくとも五十年はもつという。",
        "費用の大半は鋼のケーブルに使われた。ケーブルは所々でさびており、一本ずつ交換する必要があった。",
    )
    body = "\n\n".join(paragraphs)
    text = "ホーム\nニュース\nお知らせ\n2024年3月3日\n" + title + "\n2024年3月3日 12時00分\n\n" + body
    assert headline_of(text) == title


def test_long_standfirst_without_full_stop_is_the_dek() -> None:
    title = "Una solución pacífica para el puente del puerto"
    dek = "Los vecinos reclaman obras que siguen pendientes desde hace años, y el municipio promete terminarlas pronto"
    assert _is_dek_under(title, dek)
    assert not _is_dek_under(title, "Puente del puerto")


def test_notice_between_headline_and_dek_is_skipped() -> None:
    dek = ("Engineers say the new deck will last fifty years and the cables were replaced one by one while "
           "the crossing stayed closed")
    text = page([HEADLINE, "This story is more than two years old", dek, "By Ana Ruiz", "March 3, 2024"])
    art = newsparse.parse(text)
    assert art.headline is not None and art.headline.text == HEADLINE


def test_prompt_sentence_loses_to_headline() -> None:
    text = page([HEADLINE, "Sign in to save this story for later, then read it from your profile.", "By Ana Ruiz"])
    assert headline_of(text) == HEADLINE


def test_echoed_title_in_breadcrumb_or_share_prompt() -> None:
    from newsparse.document import Document
    from newsparse.pipeline import Pipeline
    from newsparse.stages.header import is_echoed, page_cues

    text = "News > Harbor Bridge Reopens\nSport\nHarbor Bridge Reopens\nBy Ana Ruiz\n3 comments on “Ferry Timetable Changes”\nFerry Timetable Changes\n"
    doc = Document(text=text)
    Pipeline.from_names(["normalize"])(doc)
    cues = page_cues(doc, [ln for ln in doc.lines if not ln.is_blank], 0)
    assert is_echoed("Harbor Bridge Reopens", cues)
    assert is_echoed("Ferry Timetable Changes", cues)
    assert not is_echoed("By Ana Ruiz", cues)


def test_title_ending_in_initialism_is_no_paragraph() -> None:
    title = "Burst Pipes and Manhole Fires: How Winter Wrecks the Streets Underneath the Old City of N.Y.C."
    text = "Menu\nSearch\n\n" + title + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    assert headline_of(text) == title


def test_source_stamp_under_headline_marks_the_article() -> None:
    # The headline's own stamp (agency, date, time, "updated") beats a related story's "By" line below.
    text = page([
        HEADLINE, "AGENCY 3 May 2021 at 07:19 (Updated: 3 May 2021 at 07:38)", "Share", "Print",
        "Related", "Ferry Timetable Changes for Summer", "By Ana Ruiz",
    ])
    assert headline_of(text) == HEADLINE


def test_cjk_sentence_below_body_is_no_headline() -> None:
    from newsparse.stages.header import _sentence_end_penalty, looks_like_sentence

    assert looks_like_sentence("橋は月曜日に開通した。")
    assert _sentence_end_penalty("橋は月曜日に開通した。") < 0
    assert _sentence_end_penalty("橋が開通！") > _sentence_end_penalty("橋は開通した。")


def test_kind_label_between_headline_and_standfirst_is_skipped() -> None:
    dek = "The council's delay has only made the crossing worse, and it is up to the mayor to act before winter"
    text = page(["Opinion", HEADLINE, "Editorial", dek, "Mon 3 May 2021 18.54 BST", "Share"])
    assert headline_of(text) == HEADLINE


def test_dek_after_a_notice_under_the_headline() -> None:
    dek = "Engineers say the new deck will last fifty years and the cables were replaced one by one"
    art = newsparse.parse(page([HEADLINE, "This story is more than two years old", dek, "By Ana Ruiz"]))
    assert art.dek is not None and art.dek.text == dek


def test_date_stamp_is_no_dek() -> None:
    art = newsparse.parse(page([HEADLINE, "Wednesday March 3, 2024 10:44 am by Ana Ruiz"]))
    assert art.dek is None


def test_name_glued_to_date_is_a_source_stamp() -> None:
    from newsparse.stages.header import is_source_stamp

    assert is_source_stamp("李明2017-03-01 14:27:02")
    assert not is_source_stamp("李明说")


def test_first_of_two_copies_differing_in_punctuation() -> None:
    text = page(["Ferry -- Timetable Changes for the Summer!", "Ferry Timetable Changes for the Summer!", "March 3, 2024"])
    assert headline_of(text) == "Ferry -- Timetable Changes for the Summer!"


def test_caption_pointing_at_people_is_no_headline() -> None:
    from newsparse.stages.header import points_at_photo

    assert points_at_photo("港で喜ぶ市長（左）と副市長")
    assert points_at_photo("The mayor, from left, with two engineers")
    text = page([HEADLINE, "Share", "Print", "The mayor (left) and the chief engineer cut the ribbon on Monday"])
    assert headline_of(text) == HEADLINE


def test_date_over_title_with_standfirst_belongs_to_that_title() -> None:
    # A teaser title sits above the article's date; the date is printed over the headline, whose
    # standfirst (no final full stop) follows it.
    dek = "Engineers say the new deck will last fifty years, and the cables were replaced one by one"
    text = page(["Council Debates the New Parking Rules Again", "Log in", "Sunday, Feb 1, 2015 11:57 AM",
                 HEADLINE, dek, "Ana Ruiz"])
    assert headline_of(text) == HEADLINE


def test_teaser_copy_in_body_sample_does_not_vouch_for_itself() -> None:
    from newsparse.stages.header import PageCues, content_terms

    sample = ("Weekend Deals: Lamps, Pillows and Towels, and More…", PARAGRAPHS[0])
    cues = PageCues({}, sample, content_terms(" ".join(sample)), "")
    assert "lamps" not in cues.topic_terms("Weekend Deals: Lamps, Pillows and Towels, and More Today")
    assert "lamps" in cues.topic_terms(HEADLINE)


def test_newsletter_prompt_over_byline_is_no_headline() -> None:
    text = page([HEADLINE, "Related", "Other Story Here", "Your guide to the harbor, delivered daily.", "By Ana Ruiz", "March 3, 2024"])
    assert headline_of(text) == HEADLINE


def test_document_title_with_site_name_echoes_the_headline() -> None:
    from newsparse.document import Document
    from newsparse.pipeline import Pipeline
    from newsparse.stages.header import is_echoed, page_cues

    doc = Document(text="Harbor Bridge Reopens | The Lumenport Daily\nHome\nHarbor Bridge Reopens\n")
    Pipeline.from_names(["normalize"])(doc)
    cues = page_cues(doc, [ln for ln in doc.lines if not ln.is_blank], 0)
    assert is_echoed("Harbor Bridge Reopens", cues)
    assert not is_echoed("Harbor Bridge", cues)


def test_markup_line_is_no_paragraph() -> None:
    from newsparse.stages.header import is_paragraph
    from newsparse.stages.normalize import split_lines

    pixel = '<img style="display:none" height="1" width="1" alt="" src="//pixel.example.org/p-1234567890abcdef?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11&l=12&m=13&n=14&o=15">'
    pixel = pixel[:-2] + "&x=" + "0" * 120 + '">'
    assert len(pixel) >= 200 and not is_paragraph(split_lines(pixel)[0])


def test_a_title_case_headline_with_a_full_stop_is_still_a_headline() -> None:
    title = "Harbor Bridge Reopens After Two Years of Repairs. Why Drivers Should Still Wait a While."
    assert headline_of(page(["Local News", title, "By Ana Ruiz", "May 3, 2021"])) == title


def test_you_are_here_trail_is_no_headline() -> None:
    text = page(["you are here: HomeNewsLocal", "Updated: May 3, 2021 08:41", HEADLINE])
    assert headline_of(text) == HEADLINE


def test_a_browser_notice_is_no_headline() -> None:
    notice = "We see you are on an old browser. For the best reading experience, please update your browser."
    assert headline_of(page([notice, "", notice, HEADLINE, "By Ana Ruiz"])) == HEADLINE
    assert bk.cue_kind(notice) == "browser_notice"


def test_is_paragraph_by_text_agrees_for_lines_of_the_same_text() -> None:
    """The remembered answer is the answer for any line with that text, wherever it stands."""
    from newsparse.stages.header import is_paragraph
    from newsparse.stages.normalize import split_lines

    prose = "The council met on Monday and voted to close the old bridge for repairs until May."
    lines = split_lines(f"{prose}\n\n  {prose}\nCouncil Votes to Close the Old Bridge")
    got = [is_paragraph(ln) for ln in lines if not ln.is_blank]
    assert got == [True, True, False]


def test_earlier_copy_of_the_title_differing_by_a_full_stop_does_not_crash() -> None:
    """The earlier copy ``_first_copy`` picks may be no scored candidate (a line ending in a full
    stop reads as a paragraph); the dek search must not look its score up."""
    title = "The harbor bridge reopened on Monday after two years of repairs and a long wait"
    text = "Home\n\n" + title + ".\n" + title + "\nBy Ana Ruiz\n\n" + "\n\n".join(PARAGRAPHS[:2]) + "\n"
    art = newsparse.parse(text)
    assert art.headline is not None and art.headline.text.startswith(title)
