"""The dates stage: TimeML types and values, extents, tense, reference and published dates.

Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

import newsparse
from newsparse.temporal import Context, tag_line
from newsparse.temporal.calendar import NEAREST, iso_week, month_day_year

REF = dt.date(2024, 2, 7)  # a Wednesday


def tags(sentence: str, ref: dt.date | None = REF) -> list[tuple[str, str, str]]:
    return [(sentence[f.start:f.end], f.type, f.value) for f in tag_line(sentence, Context(ref=ref))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ferry sank on Wednesday, Feb. 7, 2024, near the pier.", ("Wednesday, Feb. 7, 2024", "DATE", "2024-02-07")),
        ("The mayor spoke on Feb. 5 about the budget.", ("Feb. 5", "DATE", "2024-02-05")),
        ("Crews began the repairs last week.", ("last week", "DATE", "2024-W05")),
        ("A truce in November ended the clashes.", ("November", "DATE", "2023-11")),
        ("The fire of Oct. 7 destroyed the mill.", ("Oct. 7", "DATE", "2023-10-07")),
        ("The council met Monday to vote.", ("Monday", "DATE", "2024-02-05")),
        ("The council will meet Monday to vote.", ("Monday", "DATE", "2024-02-12")),
        ("The plant closed three years ago.", ("three years ago", "DATE", "2021")),
        ("The firm hit a five-year low.", ("five-year", "DURATION", "P5Y")),
        ("Sales grew over the past three years.", ("the past three years", "DURATION", "P3Y")),
        ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2023-Q3")),
        ("Buses now run every day.", ("every day", "SET", "P1D")),
        ("The market opens each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4")),
        ("The paper prints weekly.", ("weekly", "SET", "P1W")),
        ("Prices are high now.", ("now", "DATE", "PRESENT_REF")),
        ("Rates fell sharply in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Stone walls date to the 12th century.", ("the 12th century", "DATE", "11")),
        ("The vote is this year.", ("this year", "DATE", "2024")),
        ("The mill reopened last summer.", ("last summer", "DATE", "2023-SU")),
        ("Doors open at 7:15 p.m. on the pier.", ("7:15 p.m.", "TIME", "2024-02-07T19:15")),
        ("The ferry left this morning.", ("this morning", "TIME", "2024-02-07TMO")),
        ("The talks lasted two hours.", ("two hours", "DURATION", "PT2H")),
        ("The bridge opened in fiscal 2023.", ("fiscal 2023", "DATE", "2023")),
        ("The river flooded yesterday.", ("yesterday", "DATE", "2024-02-06")),
    ],
)
def test_expressions(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in tags(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may decide to wait.",
        "Protesters will march to the square.",
        "April Smith won the race by a length.",
        "The team won 2-1 in overtime.",
        "Call 555-0123 for tickets.",
        "The shop is open 24/7 for repairs.",
        "He paid $2,024 for the boat.",
        "The boy, a 6-year-old, waved.",
        "She lives at 1600 Elm Street.",
        "They counted 1500 ballots.",
        "The score was 21 to 14.",
        "About three-quarters of voters agreed.",
        "It was a second chance for the club.",
    ],
)
def test_non_dates_yield_nothing(sentence: str) -> None:
    assert tags(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Die Brücke wurde am 7. Februar 2024 eröffnet.", "2024-02-07"),
        ("Le pont a ouvert le 7 février 2024.", "2024-02-07"),
        ("El puente abrió el 7 de febrero de 2024.", "2024-02-07"),
        ("Stand: 07.02.2024", "2024-02-07"),
        ("Posted 2024-02-07 by the desk", "2024-02-07"),
        ("Opened 7 Feb 2024 in the rain", "2024-02-07"),
        ("Opened Feb. 7, 2024 in the rain", "2024-02-07"),
    ],
)
def test_absolute_dates_in_several_languages(sentence: str, value: str) -> None:
    assert value in [v for _, _, v in tags(sentence, ref=None)]


def test_without_reference_relative_dates_stay_unresolved() -> None:
    values = [v for _, _, v in tags("The vote on Oct. 7 followed talks last week.", ref=None)]
    assert values == ["XXXX-10-07", "PAST_REF"]


def test_at_this_time_and_until_now_are_not_calendar_dates() -> None:
    found = tags("There is no damage at this time and none until now.")
    assert all(not v[:1].isdigit() for _, _, v in found)
    assert ("now", "DATE", "PRESENT_REF") in found


def test_reference_inferred_from_caption_date_with_evidence() -> None:
    text = (
        "Storm Floods Harbor Town\n\n"
        "Boats lie on the quay in Port Ellis, Wednesday, Feb. 7, 2024. Photo/Jan Berg\n\n"
        "The storm hit the harbor last week, officials said on Feb. 5.\n\n"
        "A smaller storm in November did less harm.\n\n"
        "The crews worked through the night to clear the roads and the harbor.\n\n"
        "Residents said the water rose faster than anyone could remember.\n\n"
        "The town council plans to meet again to review the damage.\n"
    )
    art = newsparse.parse(text)
    assert art.reference_date.source == "inferred"
    assert art.reference_date.value == "2024-02-07"
    assert art.reference_date.evidence.text == "Wednesday, Feb. 7, 2024"
    assert art.published is None
    values = {d.span.text: d.value for d in art.dates}
    assert values["last week"] == "2024-W05"
    assert values["Feb. 5"] == "2024-02-05"
    assert values["November"] == "2023-11"


def test_published_from_a_date_line_in_the_header() -> None:
    text = (
        "Harbor Bridge Reopens\n\nPublished: 7 February 2024\n\n"
        "The bridge reopened on Monday after the storm of Oct. 7, 2023.\n\n"
        "The crews worked through the night to clear the roads and the harbor.\n\n"
        "Residents said the water rose faster than anyone could remember.\n\n"
        "The town council plans to meet again to review the damage.\n"
    )
    art = newsparse.parse(text)
    assert art.published is not None and art.published.value == "2024-02-07"
    assert art.reference_date.source == "published"
    assert {d.span.text: d.value for d in art.dates}["Monday"] == "2024-02-05"


def test_published_is_never_a_date_from_the_story() -> None:
    text = (
        "Harbor Bridge Reopens\n\n"
        "The bridge that opened on March 3, 1990, reopened on Monday after long repairs by the crews.\n\n"
        "The crews worked through the night to clear the roads and the harbor.\n\n"
        "Residents said the water rose faster than anyone could remember.\n\n"
        "The town council plans to meet again to review the damage.\n"
    )
    art = newsparse.parse(text)
    assert art.published is None
    assert art.reference_date.source == "inferred"


def test_given_reference_wins() -> None:
    text = (
        "Harbor Vote Passes\n\nThe vote on the new harbor wall was held yesterday in the town hall.\n\n"
        "The crews worked through the night to clear the roads and the harbor.\n\n"
        "Residents said the water rose faster than anyone could remember.\n\n"
        "The town council plans to meet again to review the damage.\n"
    )
    art = newsparse.parse(text, reference_date="2024-02-07")
    assert art.reference_date.source == "given"
    assert ("yesterday", "2024-02-06") in [(d.span.text, d.value) for d in art.dates]


def test_calendar_helpers() -> None:
    assert iso_week(dt.date(2024, 1, 31)) == "2024-W05"
    assert month_day_year(REF, 12, 25, NEAREST) == 2023
    assert month_day_year(REF, 3, 1, NEAREST) == 2024


# --- the scan's dispatch must find what trying every pattern everywhere finds ---------------------

SCAN_SENTENCES = [
    "Crews worked from 10:35 a.m. to 5 p.m. EST on Feb. 7, 2024, and again at noon Thursday.",
    "The firm's third-quarter profit rose from a year earlier, and the year-ago quarter was weak.",
    "Fares rose 5% in the 1990s and the '80s, and by mid-1996 the two-week strike had ended.",
    "Every Monday and each July the market opens; buses run daily, twice a week, 24 hours a day.",
    "It lasted more than two thousand years, about 5 1/2 hours, the past three years, for years.",
    "Stand: 07.02.2024 — Posted 2/7/2024 — Publié le 7 février 2024 — 7. Februar 2024.",
    "The vote, set for early next year, follows talks last week and the storm in November.",
    "Ticket sales of 1,500 seats and 2,024 chairs, scores of 2-1 and room 1600 were counted.",
    "Over the summer, at the end of the month and earlier in the year, the past decade ended at 9 a.m. ET.",
]


def _every_kind_everywhere(line: str) -> list[tuple[str, int, int]]:
    """The slow reference: every pattern at every word start, first kind in order winning."""
    from newsparse.temporal.grammar import KINDS, patterns

    out, end = [], 0
    for start in range(len(line)):
        if start < end or (start and (line[start - 1].isalnum() or line[start - 1] in "'_\u2019")):
            continue
        for kind in KINDS:
            m = patterns()[kind].match(line, start)
            if m is not None:
                out.append((kind, m.start(), m.end()))
                end = m.end()
                break
    return out


@pytest.mark.parametrize("sentence", SCAN_SENTENCES)
def test_scan_dispatch_matches_brute_force(sentence: str) -> None:
    from newsparse.temporal.scan import scan

    assert [(k, m.start(), m.end()) for k, m in scan(sentence)] == _every_kind_everywhere(sentence)


def test_number_shapes_share_dispatch_entries() -> None:
    from newsparse.temporal.scan import number_shape

    assert number_shape("1989") == number_shape("2024") == "#1990"
    assert number_shape("7") == number_shape("9") == "#5"
    assert number_shape("21st") == number_shape("12th")[:3] + "st"
    assert number_shape("10km") == "#12x"


def test_slashed_dates_follow_the_page_order() -> None:
    us = "Posted 06/05/2020 and 12/25/2019"
    eu = "Publicado: 06/05/2020 y 25/12/2019"
    assert tags(us, ref=None)[0][2] == "2020-06-05"
    from newsparse.temporal.stamps import find_stamps, reads_day_first

    assert reads_day_first(find_stamps(eu))
    assert not reads_day_first(find_stamps(us))


def test_byline_date_beats_a_site_today_widget() -> None:
    text = (
        "Sunday, July 19, 2020\n\n"
        "Harbor Bridge Reopens After Storm\n\n"
        "Published: July 18, 2020\n\n"
        "The bridge reopened on Saturday after the storm, officials said in a statement.\n\n"
        "The crews worked through the night to clear the roads and the harbor.\n\n"
        "Residents said the water rose faster than anyone could remember.\n"
    )
    art = newsparse.parse(text)
    assert art.published is not None and art.published.value == "2020-07-18"
    assert {d.span.text: d.value for d in art.dates}["Saturday"] == "2020-07-18"


def test_wire_dateline_date_is_published_evidence() -> None:
    from newsparse.temporal.reference import is_dateline_date

    line = "PORT ELLIS, March 12, 2024 (Wire) -- The harbor reopened."
    assert is_dateline_date(line, 12, 26)
    assert not is_dateline_date("The harbor reopened on March 12, 2024 after repairs.", 23, 37)


# --- rules added for the TempEval-style error classes (all sentences invented) ----------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a sentence-opening "Now," turns the talk; "for now" and "Now officials ..." still tag
        ("The storm passed. Now, he says, the roads are clear.", []),
        ("Now for the weather on the coast.", []),
        ("The ferry is closed for now, the port said.", [("now", "DATE", "PRESENT_REF")]),
        ("The dam broke. Now officials are counting the cost.", [("Now", "DATE", "PRESENT_REF")]),
    ],
)
def test_discourse_now(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mill closed a decade ago.", ("a decade ago", "DATE", "2014-XX")),
        ("The bridge opened 30 years ago.", ("30 years ago", "DATE", "1994-XX")),
        ("The bridge opened 31 years ago.", ("31 years ago", "DATE", "1993")),
        ("The plant closed two years ago.", ("two years ago", "DATE", "2022")),
    ],
)
def test_round_years_ago_leave_the_month_open(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in tags(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a past verb right before the weekday beats a future cue earlier in the sentence
        ("The mayor will resign, the paper predicted Monday.", ("Monday", "DATE", "2024-02-05")),
        ("The mayor will speak Monday.", ("Monday", "DATE", "2024-02-12")),
        # a future participle there points ahead
        ("The vote that will settle it is scheduled Monday.", ("Monday", "DATE", "2024-02-12")),
        # "until" a weekday is a deadline, ahead even after a past verb
        ("The court postponed until Friday any ruling on the case.", ("Friday", "DATE", "2024-02-09")),
        ("The town gave the firm until 9 a.m. Friday to reply.", ("9 a.m. Friday", "TIME", "2024-02-09T09:00")),
        ("Up until Monday, the firm had said nothing.", ("Monday", "DATE", "2024-02-05")),
    ],
)
def test_weekday_tense(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in tags(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The union ended a day-long strike.", [("day-long", "DURATION", "P1D")]),
        ("The towns share a decades-long feud.", [("decades-long", "DURATION", "PXY")]),
        ("The pilot gave an hour-long talk.", [("hour-long", "DURATION", "PT1H")]),
        ("The lake will stay low for a couple of years.", [("a couple of years", "DURATION", "P2Y")]),
        ("A 6-year-old boy rode the ferry.", []),
    ],
)
def test_compound_durations(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tags(sentence) == expected


def test_high_noon_is_an_idiom() -> None:
    assert tags("For the town, high noon has come.") == []
    assert tags("Talks broke off at noon Friday.") == [("noon Friday", "TIME", "2024-02-02T12:00")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bell has rung for almost a hundred years.", [("almost a hundred years", "DURATION", "P100Y")]),
        ("The fund paid a hundred thirty million dollars.", []),
        ("The post-1990 rules split the towns.", [("post-1990", "DATE", "1990")]),
        ("Prices are given in pre-2000 dollars.", [("pre-2000", "DATE", "2000")]),
        ("The pre-war mill still stands.", []),
        ("Over the years the pier has rusted.", [("the years", "DURATION", "PXY")]),
        ("In the years that followed, the port grew.", [("the years", "DURATION", "PXY")]),
        ("The town recalls the years of the flood.", []),
    ],
)
def test_spelled_hundreds_year_prefixes_and_the_years(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tags(sentence) == expected


def test_planned_as_an_adjective_is_no_future_cue() -> None:
    # "planned surgeries" names the surgeries; the clause is past ("suspended")
    assert ("Monday", "DATE", "2024-02-05") in tags("The clinic suspended all planned visits on Monday.")
    assert ("Monday", "DATE", "2024-02-12") in tags("A vigil is planned for Monday.")


def test_published_line_with_a_clock_time_before_the_date() -> None:
    text = (
        "Ferry Fares Rise on the Lake\n"
        "By Ana Ruiz\n"
        "Published 9:40 AM EST, May 3, 2024\n\n"
        "The ferry company raised fares on Thursday, a spokesman said.\n"
    )
    doc = newsparse.parse(text).to_dict()
    assert doc["published"]["value"] == "2024-05-03"
    assert doc["reference_date"]["source"] == "published"
    assert ("Thursday", "2024-05-02") in [(d["text"], d["value"]) for d in doc["dates"]]


def test_a_date_with_a_clock_time_deep_in_the_page_is_its_time_stamp() -> None:
    menu = "\n".join(f"Section {n}" for n in range(14))
    text = (
        f"{menu}\n\nCity Council Approves New Ferry Route\n\n"
        "Home News Local Ferry Route Approved March 4, 2024 / 2:15 PM / Updated an hour ago Share\n\n"
        "The council voted on Monday to add a second ferry route across the bay, officials said.\n\n"
        "The route will open in May after a trial that began on Jan. 10, 2024, the council said.\n"
    )
    doc = newsparse.parse(text).to_dict()
    assert doc["published"]["value"] == "2024-03-04"


def test_a_story_date_without_a_clock_time_is_no_time_stamp() -> None:
    menu = "\n".join(f"Section {n}" for n in range(14))
    text = (
        f"{menu}\n\nCity Council Approves New Ferry Route\n\n"
        "The council voted to add a second ferry route across the bay after a trial that began on "
        "March 4, 2024, officials said on the pier.\n"
    )
    assert newsparse.parse(text).to_dict()["published"] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "planned" as the verb still points ahead; after a determiner it is an adjective
        ("Farmers planned a march on Saturday.", ("Saturday", "DATE", "2024-02-10")),
        ("The clinic called off the planned visits on Saturday.", ("Saturday", "DATE", "2024-02-03")),
        # a past verb inside an "as soon as" clause can still mean the future
        ("Banks will buy the bonds as soon as trading opened Monday.", ("Monday", "DATE", "2024-02-12")),
    ],
)
def test_participles_and_backshifted_clauses(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in tags(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "the past decade" is the stretch up to now, not the calendar decade before this one
        ("Rents doubled over the past decade.", [("the past decade", "DURATION", "P10Y")]),
        ("The town shrank in the last century.", [("the last century", "DURATION", "P100Y")]),
        ("The mill thrived early last century.", [("early last century", "DATE", "19")]),
        # US time-zone abbreviations belong to the clock time
        ("The ferry leaves at 10:30 a.m. ET daily.", [("10:30 a.m. ET", "TIME", "2024-02-07T10:30"), ("daily", "SET", "P1D")]),
        ("Ouvert entre 10:30 et 12:00.", []),  # French "et" is no time zone
        # a season after a preposition: the latest one begun, or the next one in a future clause
        ("Sales slowed over the summer.", [("the summer", "DATE", "2023-SU")]),
        ("The school will open in the fall.", [("the fall", "DATE", "2024-FA")]),
        ("The fall of the old bridge shocked the town.", []),
        ("Prices may fall in the spring of 1990.", [("the spring of 1990", "DATE", "1990-SP")]),
        # the end of the reference's own month or year
        ("The lease runs out at the end of the month.", [("the end of the month", "DATE", "2024-02")]),
        ("Earlier in the year, the pier was rebuilt.", [("Earlier in the year", "DATE", "2024")]),
        ("The pier will be finished within the next decade.", [("the next decade", "DURATION", "P10Y")]),
        # halves and quarters "of the year" are the reference's; "the last half" is the second
        ("The ferry runs more in the second half of the year.", [("the second half of the year", "DATE", "2024-H2")]),
        ("Fares rose in the last half of 2022.", [("the last half of 2022", "DATE", "2022-H2")]),
        ("The last half of the match was dull.", []),
        # "about" stays outside the extent; "nearly" and "more than" stay inside
        ("The ferry stopped for about two weeks.", [("two weeks", "DURATION", "P2W")]),
        ("The ferry stopped for nearly two weeks.", [("nearly two weeks", "DURATION", "P2W")]),
        ("The pier opened about three years ago.", [("three years ago", "DATE", "2021")]),
        # a plan in the past perfect was for a day already gone
        ("The mayor had planned to visit the pier on Monday.", [("Monday", "DATE", "2024-02-05")]),
        ("The mayor plans to visit the pier on Monday.", [("Monday", "DATE", "2024-02-12")]),
    ],
)
def test_modern_news_phrasing(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tags(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "the following year" counts from the date the story last named
        ("The dam opened in May 2019, and the following year it failed.", [("May 2019", "DATE", "2019-05"), ("the following year", "DATE", "2020")]),
        ("The port was sold in December. The following month, the new owner left.", [("December", "DATE", "2023-12"), ("The following month", "DATE", "2024-01")]),
        # alone, "the previous year" is the year before the reference
        ("Profit fell from the previous year.", [("the previous year", "DATE", "2023")]),
        # "the next day" needs a named day to count from; without one it is left alone
        ("The pier shut on January 9 and reopened the next day.", [("January 9", "DATE", "2024-01-09"), ("the next day", "DATE", "2024-01-10")]),
        ("The pier reopened the next day.", []),
        ("The pier shut on January 9 and the ferry sank the same day.", [("January 9", "DATE", "2024-01-09"), ("the same day", "DATE", "2024-01-09")]),
        ("The pier shut on January 9 after a storm the previous night.", [("January 9", "DATE", "2024-01-09"), ("the previous night", "TIME", "2024-01-08TNI")]),
        ("That day was cold.", []),
        # "earlier" counts back from the day the paragraph named; "ago" from the reference
        ("The dam burst on January 9, and two days earlier the crew had left.", [("January 9", "DATE", "2024-01-09"), ("two days earlier", "DATE", "2024-01-07")]),
        ("The dam burst on January 9, two days ago.", [("January 9", "DATE", "2024-01-09"), ("two days ago", "DATE", "2024-02-05")]),
        # "later in the day" is the day last named; "at the end of the day" is an idiom
        ("The talks began on Monday and broke down later in the day.", [("Monday", "DATE", "2024-02-05"), ("later in the day", "DATE", "2024-02-05")]),
        ("Later in the day, the pier reopened.", [("Later in the day", "DATE", "2024-02-07")]),
        ("At the end of the day, the vote failed.", []),
    ],
)
def test_expressions_anchored_to_the_last_named_date(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    from newsparse.temporal import scan_line, tag_matches

    ctx = Context(ref=REF)  # one context for the whole text, as the stage keeps one per document
    found = [(line[f.start:f.end], f.type, f.value)
             for line in sentence.split(". ") for f in tag_matches(scan_line(line), line, ctx)]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a page's own stamp may write the year with two digits; in running text such numbers are not dates
        ("Updated: 07.02.24 um 10:35 Uhr", [("07.02.24", "DATE", "2024-02-07")]),
        ("By Ann Lee | 2/5/24 9:10AM", [("2/5/24", "DATE", "2024-02-05"), ("9:10AM", "TIME", "2024-02-07T09:10")]),
        ("The clause 7.02.24 of the rules applies.", []),
        ("The odds were 3/4/21 in the final round.", []),
    ],
)
def test_two_digit_years_only_in_page_stamps(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert tags(sentence) == expected


def test_page_stamp_with_a_two_digit_year_is_the_published_date() -> None:
    text = (
        "Harbour News\n\nFerry Route Gets a Second Boat\n\nBy Ann Lee\n19.10.19, 11:29 Uhr\n\n"
        "The council voted on Friday to add a second boat to the ferry route across the bay, officials said.\n"
    )
    doc = newsparse.parse(text).to_dict()
    assert doc["published"]["value"] == "2019-10-19"
    assert ("Friday", "2019-10-18") in [(d["text"], d["value"]) for d in doc["dates"]]


# --- the scan skips what cannot matter ---------------------------------------------------------------


def test_furniture_is_not_scanned_but_its_dates_still_set_the_day_order() -> None:
    """Only story lines are scanned for tags; a furniture line's slashed date still tells the page
    writes the day first, through the page's stamps, so the story's "06/07/2020" is 6 July."""
    from newsparse.stages import dates as stage
    from newsparse.stages.normalize import split_lines

    doc = newsparse.Document(text="Home | World | Today in Sports\nPosted 16/06/2020\nThe vote was on 06/07/2020.")
    doc.lines = split_lines(doc.text)
    doc.labels = ["boilerplate", "boilerplate", "body"]
    assert [ln.index for ln, _ in stage._scan(doc)] == [2]
    assert stage._page_day_first(doc, stage._page_stamps(doc, stage._digit_lines(doc)))


@pytest.mark.parametrize("text, expected", [("1 2 3", True), ("abc", False), ("２０２４年", True), ("über", False)])
def test_has_number_reads_every_script(text: str, expected: bool) -> None:
    from newsparse.temporal.stamps import _has_number

    assert _has_number(text) is expected


def test_scan_finds_the_same_with_a_word_that_needs_a_time_word_after_it() -> None:
    """"the year" is an expression, "the bridge" is not; "1,500 people" is no date, "5 p.m." is."""
    from newsparse.temporal.scan import scan

    kinds = [(k, m.group()) for k, m in scan("In the year since, 1,500 people came at 5 p.m. daily.")]
    assert ("clock", "5 p.m.") in kinds
    assert all("1,500" not in g for _, g in kinds)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Final score 3-1-24, a great night", []),  # set off after only: a score
        ("Version 2.1.24, with fixes", []),
        ("By Ann Lee | 07.02.24, 10:35", ["2024-02-07"]),
        ("Posted 3/5/24 at 9:30", ["2024-03-05"]),
    ],
)
def test_a_two_digit_year_is_tagged_only_when_set_off_on_both_sides(line: str, expected: list[str]) -> None:
    assert [value for _, _, value in tags(line, ref=None) if value[:4] == "2024"] == expected
