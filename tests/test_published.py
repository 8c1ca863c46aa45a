"""The published date: page date stamps in every shape and language, and which one is the page's.

Every page here is invented. A page is a menu, a headline, a header (byline, stamps), a body of a
few paragraphs and, where a test needs it, what follows the article."""

from __future__ import annotations

import datetime as dt

import pytest

import newsparse
from newsparse.temporal.stamps import find_stamps, reads_day_first

MENU = ["Home", "News", "Sport", "Culture", "Weather", "Contact"]
BODY = [
    "The harbor bridge reopened on Monday after three weeks of repairs, the town council said in a statement.",
    "Crews replaced the worn cables and repainted the deck, and the ferry that had run in its place stopped.",
    "Residents said the detour had added an hour to every trip into town, and shops had lost customers.",
    "The council plans to inspect the bridge again next spring and to publish the results online.",
]


def page(header: list[str], *, before: list[str] = (), after: list[str] = (), body: list[str] = BODY) -> str:
    lines = [*MENU, *before, "Harbor Bridge Reopens After Repairs", *header, *body, *after]
    return "\n\n".join(lines) + "\n"


def published(text: str) -> str | None:
    art = newsparse.parse(text)
    return art.published.value if art.published else None


def stamps(line: str, day_first: bool = True) -> list[str]:
    return [str(s.date(day_first)) for s in find_stamps(line)]


# --- shapes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2024年2月7日 10時30分", ["2024-02-07"]),
        ("2024年02月07日 公開", ["2024-02-07"]),
        ("입력 2024.02.07 10:30", ["2024-02-07"]),
        ("2024/2/7 更新", ["2024-02-07"]),
        ("access_time2024/02/07 11:51", ["2024-02-07"]),  # glued to an icon's name
        ("By Ann Lee2024-02-07 13:52:51 UTC", ["2024-02-07"]),
        ("Tanja Lee7.2.2024", ["2024-02-07"]),
        ("Ausstellung eröffnet07.02.2024 - 10:24", ["2024-02-07"]),
        ("7. Februar 20248. Februar 2024", ["2024-02-07", "2024-02-08"]),  # published, then updated
        ("February 7, 20249:30 AM ET", ["2024-02-07"]),  # a clock time glued to the year
        ("May 15, 2024,07:02pm EDT", ["2024-05-15"]),
        ("Published Tue, Feb 7 2024 10:32 AM EST", ["2024-02-07"]),
        ("Aktualisiert am 06. Mär. 2024", ["2024-03-06"]),
        ("18. 05. 2014 22:38", ["2014-05-18"]),
        ("Senin, 4 Mei 2020 04:25 WIB", ["2020-05-04"]),
        ("2 listopada 2023", ["2023-11-02"]),
        ("19 октября 2020", ["2020-10-19"]),
        ("4 de febrero de 2024", ["2024-02-04"]),
        ("By Ana on 31. October, 2023 | 18 Comments", ["2023-10-31"]),
        ("Dzisiaj, 02-11-2023 13:29", ["2023-11-02"]),
    ],
)
def test_stamp_shapes(line: str, expected: list[str]) -> None:
    assert stamps(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "ISBN 978-3-16-148410-0",
        "https://example.org/d/2024/02/128021.html",  # a path, not a date
        "Rule 7.02.24 applies to all boats.",  # a two-digit year only in a stamp
        "Final score 3-1-24, a great night",  # set off after, but a word stands before
        "We met on 3/5/24 at home",  # "at" leads to no clock time
        "The 2024 season had 12 races and 3 crashes.",
        "Issue 12, 2024",  # no month
    ],
)
def test_no_stamp(line: str) -> None:
    assert stamps(line) == []


def test_two_digit_year_in_a_stamp() -> None:
    assert stamps("Party, 30.10.23") == ["2023-10-30"]
    assert stamps("Publié le 02/11/23 à 16h33") == ["2023-11-02"]


def test_a_weekday_before_the_date_is_part_of_its_span() -> None:
    line = "Wednesday, Feb. 7, 2024"
    (stamp,) = find_stamps(line)
    assert line[stamp.start:stamp.end] == line


def test_day_first_from_the_pages_other_dates() -> None:
    assert reads_day_first(find_stamps("16.06.2020 | 06/07/2020"))
    assert not reads_day_first(find_stamps("June 16, 2020 | 06/07/2020"))
    assert not reads_day_first(find_stamps("06/07/2020"))
    assert reads_day_first(find_stamps("06/07/2020"), language_prior=0.5)


def test_published_and_its_timex_read_an_ambiguous_date_the_same_way() -> None:
    """A German page with one "06/10/2020": the page decides day first once, so the published date
    and the TimeML tag of the same span agree (6 October, German pages put the day first)."""
    body = [
        "Die Brücke am Hafen wurde am Montag nach drei Wochen Reparatur wieder geöffnet, teilte die Stadt mit.",
        "Die Arbeiter ersetzten die alten Seile und strichen die Fahrbahn neu, und die Fähre fuhr nicht mehr.",
        "Die Anwohner sagten, der Umweg habe jede Fahrt in die Stadt um eine Stunde verlängert.",
        "Die Stadt will die Brücke im nächsten Frühjahr wieder prüfen und die Ergebnisse veröffentlichen.",
    ]
    art = newsparse.parse(page(["Veröffentlicht am 06/10/2020"], body=body))
    assert art.published is not None and art.published.value == "2020-10-06"
    tags = [d for d in art.dates if d.span == art.published.span]
    assert [d.value for d in tags] == ["2020-10-06"]


def test_day_first_on_a_page_in_a_language_that_writes_it_so() -> None:
    body = [
        "La comunidad regional rechazó la idea de una cápsula turística para el valle durante el invierno.",
        "Los vecinos dijeron que la propuesta llegó tarde y que nadie les había consultado sobre el plan.",
        "El consejo volverá a reunirse el mes próximo para discutir otra propuesta con los hoteles de la zona.",
    ]
    assert published(page(["06/10/2020"], body=body)) == "2020-10-06"
    assert published(page(["06/10/2020"])) == "2020-06-10"  # English: month first unless the page says not


# --- which date is the page's ----------------------------------------------------------------------


def test_cjk_header_stamp_is_published() -> None:
    body = [
        "港の橋は三週間の修理を終えて月曜日に再開したと町の議会が声明で発表した。作業員は古いケーブルを交換した。",
        "住民によると、迂回路のために町へ行くたびに一時間余計にかかり、店は客を失っていたという。",
        "議会は来年の春に橋を再び点検し、その結果をインターネットで公開する予定だという。",
    ]
    text = "\n\n".join(["ホーム", "ニュース", "港の橋が修理を終えて再開", "2024年2月7日 10時30分", *body]) + "\n"
    assert published(text) == "2024-02-07"


def test_date_below_the_headline_beats_a_today_widget_above_it() -> None:
    assert published(page(["Ann Lee", "6. Februar 2024"], before=["Mittwoch, 7. Februar 2024"])) == "2024-02-06"


def test_published_beats_updated() -> None:
    assert published(page(["By Ann Lee", "February 5, 2024", "Updated: February 7, 2024"])) == "2024-02-05"
    assert published(page(["Published Feb. 5, 2024 | Updated Feb. 7, 2024"])) == "2024-02-05"


def test_a_published_word_after_the_date() -> None:
    footer = ["Dieser Beitrag wurde am Montag, 5. Februar 2024 um 10:15 Uhr veröffentlicht und unter Hafen abgelegt."]
    assert published(page([], after=footer)) == "2024-02-05"


def test_teaser_list_dates_are_not_the_header_date() -> None:
    teasers = []
    for day in (1, 2, 3, 4):
        teasers += [f"0{day}.02.2024", f"Another story from the harbor number {day}"]
    assert published(page(["Von Ann Lee", "06.02.2024, 10:35 Uhr"], after=teasers)) == "2024-02-06"


def test_comment_dates_after_the_article_are_not_published() -> None:
    comments = []
    for day, name in ((8, "Bo"), (9, "Cy"), (10, "Di")):
        comments += [f"{name} February {day}, 2024 at 10:2{day} am", "Great news for the town, thanks!", "Reply"]
    assert published(page(["by Ann Lee on February 6, 2024"], after=comments)) == "2024-02-06"


def test_an_embedded_posts_date_is_never_published() -> None:
    embed = ["The bridge is open again! pic.twitter.com/abc — Harbor Town (@harbortown) February 3, 2024"]
    assert published(page([], body=BODY[:2] + embed + BODY[2:])) is None


def test_a_date_range_is_an_event_not_a_stamp() -> None:
    assert published(page(["Wochenbericht 14. - 20. Januar 2024", "21.01.2024"])) == "2024-01-21"


def test_a_page_stamp_in_a_sentence_with_an_updated_word_counts() -> None:
    footer = ["This page was last updated on 7 February 2024, at 13:22 by the harbor office."]
    assert published(page([], after=footer)) == "2024-02-07"


def test_a_story_date_in_a_sentence_is_never_published() -> None:
    body = ["The bridge, which first opened on March 3, 1990, reopened on Monday after long repairs."] + BODY[1:]
    assert published(page([], body=body)) is None


def test_published_span_is_the_date_in_the_text() -> None:
    text = page(["Posted: 2024年2月7日"])
    art = newsparse.parse(text)
    assert art.published is not None
    span = art.published.span
    assert text[span.start:span.end] == span.text == "2024年2月7日"
    assert dt.date.fromisoformat(art.published.value) == dt.date(2024, 2, 7)


def test_a_relative_stamp_counts_back_from_a_given_reference() -> None:
    text = page(["By Ann Lee", "Updated 3 days ago"])
    assert newsparse.parse(text, reference_date="2024-02-07").published.value == "2024-02-04"
    assert newsparse.parse(text).published is None  # without a reference there is nothing to count from
    german = page(["Von Ann Lee", "vor 2 Stunden"])
    assert newsparse.parse(german, reference_date="2024-02-07").published.value == "2024-02-07"


@pytest.mark.parametrize(
    "line",
    [
        "Vor 30 Jahren fiel die Mauer.",  # years: the story counts back, never a page stamp
        "The old mill opened 100 years ago",
        "Il y a 2 mois, le pont a fermé",
        "Vor 3 Tagen fiel im ganzen Dorf der Strom aus.",  # a sentence, no "published" word
        "Bo 300 days ago",  # further back than a page counts its stamp
    ],
)
def test_a_story_line_counting_back_is_no_stamp(line: str) -> None:
    from newsparse.temporal.stamps import find_relative

    assert find_relative(line, dt.date(2024, 2, 7)) == []


def test_a_relative_stamp_line_may_end_with_a_period_beside_a_cue() -> None:
    from newsparse.temporal.stamps import find_relative

    (stamp,) = find_relative("Updated 3 weeks ago.", dt.date(2024, 2, 7))
    assert stamp.date(False) == dt.date(2024, 1, 17)


def test_a_story_line_counting_back_years_is_not_published() -> None:
    text = page(["Vor 30 Jahren fiel die Mauer."])
    assert newsparse.parse(text, reference_date="2024-02-07").published is None


def test_an_absolute_stamp_beats_a_relative_one_below_the_article() -> None:
    comments = ["Bo 2 days ago", "Great news for the town, thanks!", "Reply"]
    text = page(["By Ann Lee", "February 1, 2024"], after=comments)
    assert newsparse.parse(text, reference_date="2024-02-07").published.value == "2024-02-01"


def test_the_first_paragraph_anchors_the_header_when_the_layout_looks_elsewhere() -> None:
    from newsparse.temporal.reference import Layout

    layout = Layout(headline=60, body_start=62, body_end=80, first_prose=20)
    assert layout.lines_away(18) == 0  # just above the page's first paragraph
    assert layout.lines_away(40) == 14  # between the two: far from both
    assert Layout(headline=60, body_start=62).lines_away(18) == 36


def test_a_deadline_is_no_stamp() -> None:
    assert published(page(["By Ann Lee", "Video available until: Feb. 9, 2024"])) is None
    assert published(page(["Von Ann Lee", "Gültig bis 09.02.2024", "Veröffentlicht am: 05.02.2024"])) == "2024-02-05"


def test_the_cue_nearest_the_date_decides() -> None:
    assert published(page(["Updated: $Date: 2024/02/07 10:31:41 $"])) == "2024-02-07"
    assert published(page(["Letzte Änderung: 06.02.2024 - 14:49", "Erschienen am: 05.02.2024"])) == "2024-02-05"


def test_an_event_or_period_date_is_no_stamp() -> None:
    header = ["Von Ann Lee", "Termin: 20.03.2024, 19 Uhr", "Ab 1. März 2024 fährt die Fähre stündlich", "05.02.2024"]
    assert published(page(header)) == "2024-02-05"


def test_a_year_alone_is_no_stamp_but_a_glued_day_still_is() -> None:
    """A year with no day number near it is skipped before the full pattern runs; a date whose day
    is glued to a year before it is still read."""
    from newsparse.temporal.stamps import find_stamps

    assert find_stamps("In 2019, the bridge closed for good and nobody came back") == []
    assert [(s.year, s.month, s.day) for s in find_stamps("7. Februar 20248. Februar 2024")] == [(2024, 2, 7), (2024, 2, 8)]


def test_clock_links_come_from_the_lexicon() -> None:
    from newsparse import lexicon
    from newsparse.temporal.stamps import find_stamps

    assert "um" in lexicon.table("date_cues")["clock_links"]
    assert [s.day for s in find_stamps("Posted 07.02.24 um 9:30")] == [7]


@pytest.mark.parametrize("line", ["Updated 2 hours ago", "vor 3 Tagen", "il y a 2 jours", "HACE 1 día"])
def test_relative_stamps_are_still_read_behind_the_cue_check(line: str) -> None:
    from newsparse.temporal.stamps import find_relative

    assert len(find_relative(line, dt.date(2024, 2, 7))) == 1


def test_a_line_with_no_before_or_after_word_has_no_relative_stamp() -> None:
    from newsparse.temporal.stamps import find_relative

    assert find_relative("He spent 3 days and 2 hours in town.", dt.date(2024, 2, 7)) == []
