"""Authors: bylines cleaned into people, agencies kept apart, author boxes merged, no invented authors."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.stages.authors import (
    byline_names,
    clean_byline,
    looks_like_person,
    organization_of,
    strip_role,
)

BODY = "The harbor bridge in Lumenport reopened on Monday after two years of repairs, and the first cars crossed it shortly after dawn while a small crowd watched from the old pier.\n\nCity engineers said the work had cost more than they had planned, but that the new deck would last for at least another fifty years if it is looked after.\n\nThe mayor thanked the crews who worked through two winters and said the city would hold a street party on the bridge once the weather turns warm again."
HEADLINE = "Harbor Bridge Reopens After Two Years of Repairs"


def names(text: str) -> list[str]:
    return [a.name for a in newsparse.parse(text).authors]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Ana Ruiz and Tom Lee", ["Ana Ruiz", "Tom Lee"]),
        ("By Ana Ruiz, Tom Lee and Mia Roth", ["Ana Ruiz", "Tom Lee", "Mia Roth"]),
        ("Von Jan Berg und Eva Roth | dpa", ["Jan Berg", "Eva Roth"]),
        ("Par Luc Martin", ["Luc Martin"]),
        ("By Ana Ruiz | Feb. 7, 2024", ["Ana Ruiz"]),
        ("ByTom Lee Dec 9, 2016", ["Tom Lee"]),
        ("By Ana Ruiz@anaruiz Feb. 7, 2024, 10:20am EST", ["Ana Ruiz"]),
        ("By Ana Ruiz Published in Metro March 3, 2024", ["Ana Ruiz"]),
        ("Written by Tom Lee in Science on 1 June 2024", ["Tom Lee"]),
        ("By Ana Ruiz, Reuters", ["Ana Ruiz"]),
        ("By Reuters", []),
    ],
)
def test_byline_names(byline: str, expected: list[str]) -> None:
    assert [n for n, _, _ in byline_names(byline)] == expected


def test_offsets_point_at_the_name() -> None:
    text = "By Ana Ruiz and Tom Lee"
    for name, off, _ in byline_names(text):
        assert text[off:off + len(name)] == name


def test_agency_is_the_organization_not_a_person() -> None:
    assert organization_of("By Ana Ruiz, Reuters") == "Reuters"
    assert organization_of("Von Jan Berg | dpa") == "dpa"
    art = newsparse.parse(f"{HEADLINE}\nBy Ana Ruiz, Reuters\n\n{BODY}")
    assert [(a.name, a.organization) for a in art.authors] == [("Ana Ruiz", "Reuters")]


def test_job_title_is_a_role() -> None:
    assert strip_role("Jane DoeStaff Writer") == ("Jane Doe", "Staff Writer")
    assert clean_byline("By Jane Doe | mcdoe@example.org") == "Jane Doe"


def test_name_alone_under_the_headline_is_the_author() -> None:
    assert names(f"{HEADLINE}\nAna Ruiz\nFeb. 7, 2024\n\n{BODY}") == ["Ana Ruiz"]


def test_name_then_date_on_one_line() -> None:
    assert names(f"{HEADLINE}\nAna Ruiz - Feb. 7, 2024 11:15 am UTC\n\n{BODY}") == ["Ana Ruiz"]


def test_no_author_from_a_photo_credit_or_a_menu() -> None:
    caption = "Workers fasten the last cable on the bridge on Monday. Photo: Jo Park/Lumen Agency"
    text = "Home\nTop Stories\nLocal News\nCity Hall\n" + f"{HEADLINE}\n{caption}\n\n{BODY}"
    assert names(text) == []


def test_no_author_from_a_quoted_speaker() -> None:
    text = f"{HEADLINE}\n\n“We are proud of this bridge,” said Mayor Ana Ruiz.\n\n{BODY}"
    assert names(text) == []


def test_author_box_merges_into_the_byline_author() -> None:
    box = "Ana Ruiz\nAna Ruiz\nCity Correspondent\nAna Ruiz covers city hall and transport for the paper."
    art = newsparse.parse(f"{HEADLINE}\nBy Ana Ruiz\n\n{BODY}\n\n{box}\ntwitter")
    assert len(art.authors) == 1
    author = art.authors[0]
    assert author.role == "City Correspondent"
    assert author.bio is not None and author.bio.startswith("Ana Ruiz covers")
    assert len(author.mentions) == 3
    assert not any(b.text.startswith("Ana Ruiz covers") for b in art.body)


def test_every_mention_is_the_name_it_names() -> None:
    text = f"{HEADLINE}\nBy Ana Ruiz and Tom Lee\n\n{BODY}"
    for author in newsparse.parse(text).authors:
        assert [m.text for m in author.mentions] == [author.name]


def test_byline_inside_a_dateline() -> None:
    assert names(f"{HEADLINE}\nMarch 10, 2024 by Ana Ruiz\n\n{BODY}") == ["Ana Ruiz"]


def test_prose_opening_with_by_is_no_byline() -> None:
    text = f"{HEADLINE}\n\nBy Tuesday, the council had voted to close the bridge for good.\n\n{BODY}"
    assert names(text) == []


def test_name_with_a_handle_or_site_after_a_separator() -> None:
    assert names(f"{HEADLINE}\nAna Ruiz, @anaruiz\nFeb. 7, 2024\n\n{BODY}") == ["Ana Ruiz"]
    assert names(f"{HEADLINE}\nAna Ruiz | ana@example.org\n\n{BODY}") == ["Ana Ruiz"]


def test_bare_by_line_then_the_name() -> None:
    art = newsparse.parse(f"{HEADLINE}\nBy\nAna Ruiz\n\n{BODY}")
    assert [a.name for a in art.authors] == ["Ana Ruiz"]
    assert ("By", "byline_label") in {(b.span.text, b.kind) for b in art.boilerplate}


def test_agency_glued_after_the_last_name() -> None:
    art = newsparse.parse(f"{HEADLINE}\nBy Ana Ruiz and Tom Lee Associated Press\n\n{BODY}")
    assert [(a.name, a.organization) for a in art.authors] == [
        ("Ana Ruiz", "Associated Press"), ("Tom Lee", "Associated Press")
    ]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Ana Ruiz, Tom Lee, and Mia Roth", ["Ana Ruiz", "Tom Lee", "Mia Roth"]),
        ("By Ana Ruiz, Senior Staff Analyst, Civic Rights Union Speech, Privacy, and Data Project", ["Ana Ruiz"]),
        ("Par Luc Martin (avec Anne Roy et Paul Blanc)", ["Luc Martin", "Anne Roy", "Paul Blanc"]),
        ("Ana RuizTwitterCity Writer", ["Ana Ruiz"]),
        ("By Ana Ruiz anar@example.org (555) 010-2030", ["Ana Ruiz"]),
        ("By Ana Ruiz@AnaRuiz Dec 6, 2016, 4:08pm EST", ["Ana Ruiz"]),
        ("Posted by Ana Ruiz.", ["Ana Ruiz"]),
        ("Posted by Ana Ruiz under City News", ["Ana Ruiz"]),
        ("文● 山田太郎／編集部", ["山田太郎"]),
        ("作者：责任编辑：李明", ["李明"]),
    ],
)
def test_byline_names_more_shapes(byline: str, expected: list[str]) -> None:
    found = byline_names(byline)
    assert [n for n, _, _ in found] == expected
    assert all(byline[off:off + len(n)] == n for n, off, _ in found)


@pytest.mark.parametrize(
    "header",
    [
        "December 10, 2021 by Ana Ruiz",  # a "by" after the date
        "City Times | 04.05.2024 | By Ana Ruiz",  # after a separator
        "18/03/2024 | Ana Ruiz",  # a name after the date and a separator
        "Ana Ruiz / Wire / Updated: Mar 9, 2024, 11:05 IST",  # a name before a separator and a date
        "Ana Ruiz • 8h",  # a name and an age
        "Ana Ruiz@anaruiz",  # a name glued to its handle
        "Metro Edited by Ana Ruiz (with inputs from agencies)",  # a two-word prefix anywhere
    ],
)
def test_byline_shapes_in_the_header(header: str) -> None:
    assert names(f"{HEADLINE}\nShare\n{header}\nShare\n\n{BODY}") == ["Ana Ruiz"]


def test_long_by_line_with_an_apposition() -> None:
    bio = "a deputy editor and author of the weekly newsletter on city affairs. She has covered the harbor for a decade at two papers and a radio station in the north"
    assert names(f"{HEADLINE}\nBy Ana Ruiz, {bio}\nMarch 3, 2024\n\n{BODY}") == ["Ana Ruiz"]


def test_cjk_bylines() -> None:
    assert names(f"{HEADLINE}\n2024年3月9日 12時00分更新\n文● 山田太郎／編集部\n\n{BODY}") == ["山田太郎"]
    assert names(f"{HEADLINE}\n公開日 2024年2月13日\n投稿者 Ken Mori\n\n{BODY}") == ["Ken Mori"]
    assert names(f"{HEADLINE}\n山田太郎2024年04月13日 09時00分\n\n{BODY}") == ["山田太郎"]


def test_bare_labels_each_name_the_line_under_them() -> None:
    text = f"{HEADLINE}\n2024年2月27日\n作者：\nAna Ruiz\n翻訳者\n中村 真子\n\n{BODY}"
    assert names(text) == ["Ana Ruiz", "中村 真子"]


def test_signed_at_the_end() -> None:
    assert names(f"{HEADLINE}\n\n{BODY}\n\nText: Ana Ruiz\nPhotos: Jo Park") == ["Ana Ruiz"]
    assert names(f"{HEADLINE}\n\n{BODY}\n\nWritten by\nAna Ruiz\nFollow") == ["Ana Ruiz"]
    bio = "Ana Ruiz is a staff writer at the paper, covering transport and the harbor."
    assert names(f"{HEADLINE}\n\n{BODY}\n\n{bio}\nMore stories") == ["Ana Ruiz"]
    assert names(f"{HEADLINE}\n\n{BODY}\n\nAna Ruiz\nAna Ruiz covers the city hall.") == ["Ana Ruiz"]


def test_no_signature_from_the_site_footer() -> None:
    footer = "About\nContact\nPrivacy Policy\nOur Team\nJobs"
    assert names(f"{HEADLINE}\n\n{BODY}\n\n{footer}") == []


def test_menu_entries_are_no_lone_names() -> None:
    menu = "Wikis\nExplore Wikis\nCommunity Central\nFandom Help\n"
    assert names(f"{HEADLINE}\n{menu}\n{BODY}") == []
    assert names(f"{HEADLINE}\nSmart Watch SE\nMarch 3, 2024\n\n{BODY}") == []


def test_lone_name_beside_an_age_or_a_follow_button() -> None:
    assert names(f"{HEADLINE}\nAna Ruiz\npřed 2 hodinami\n\n{BODY}") == ["Ana Ruiz"]
    assert names(f"{HEADLINE}\nAna Ruiz\nFollow\nMar 3, 2024 · 8 min read\n\n{BODY}") == ["Ana Ruiz"]


def test_names_that_are_no_people() -> None:
    from newsparse.stages.authors import looks_like_person
    for phrase in ("House Call", "Reader Submissions", "Published Tue", "Thema des Tages", "Today's Rundown",
                   "QCon Plus", "Optimizing Z-Score", "Watch SE"):
        assert not looks_like_person(phrase), phrase
    for name in ("Ana Ruiz", "Ursula von der Leyen", "ANA RUIZ", "Chokri GHARBI", "DJ Summers", "Tom Lee Jr.", "山田太郎"):
        assert looks_like_person(name), name


def test_text_prefix_needs_its_colon() -> None:
    assert names(f"{HEADLINE}\nText Size\nLarge\n\n{BODY}") == []
    assert names(f"{HEADLINE}\nText: Ana Ruiz\n\n{BODY}") == ["Ana Ruiz"]


def test_a_second_by_line_past_a_title_signs_another_story() -> None:
    text = f"{HEADLINE}\nBy Ana Ruiz\nInterview\nThe ferry returns to the harbor next spring\nBy Tom Lee\n\n{BODY}"
    assert names(text) == ["Ana Ruiz"]


def test_signature_far_above_the_related_stories() -> None:
    related = "\n\n".join(f"Harbor Story Number {k}\n\nJo Park" for k in range(12))
    bio = "Ana Ruiz is a staff writer covering the harbor and the city's ferries."
    assert names(f"{HEADLINE}\n\n{BODY}\n\n{bio}\n\n{related}") == ["Ana Ruiz"]


def test_written_on_date_by_then_the_name() -> None:
    assert names(f"{HEADLINE}\n\n{BODY}\n\nWritten on Feb 24 by\nAna Ruiz\nFollow") == ["Ana Ruiz"]


def test_name_beside_a_time_or_a_read_counter() -> None:
    assert names(f"{HEADLINE}\nToday 9:44\nAna Ruiz\nFacebookTwitter\n\n{BODY}") == ["Ana Ruiz"]
    assert names(f"{HEADLINE}\nSome dek line here\nAna Ruiz\n4 Min Read\n\n{BODY}") == ["Ana Ruiz"]


def test_more_names_that_are_no_people() -> None:
    from newsparse.stages.authors import looks_like_person
    for phrase in ("Our Programs", "Alle Artikel", "RUIN. WAHRE LIEBE"):
        assert not looks_like_person(phrase), phrase
    for name in ("T.C. Lee", "St. John Ruiz", "Prof. Ana Ruiz"):
        assert looks_like_person(name), name


def test_job_title_then_name_then_bio_at_the_end() -> None:
    box = "Senior Editor\nAna Ruiz (anaruiz)\nAna has edited the city pages since 2010 and writes about the harbor."
    assert names(f"{HEADLINE}\n\n{BODY}\n\n{box}") == ["Ana Ruiz"]


def test_bio_sentence_with_a_handle_beats_a_video_title() -> None:
    end = "Ana Ruiz (@anaruiz) is a contributing writer at the paper.\nContributing Writer\nFeatured Video\nA Short Film About the Harbor"
    assert names(f"{HEADLINE}\n\n{BODY}\n\n{end}") == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Author: Ana Ruiz", ["Ana Ruiz"]),
        ("Escrito por Ana Ruiz", ["Ana Ruiz"]),
        ("Geschrieben von Jan Berg", ["Jan Berg"]),
    ],
)
def test_more_prefixes(byline: str, expected: list[str]) -> None:
    assert names(f"{HEADLINE}\n{byline}\n\n{BODY}") == expected


def test_author_without_colon_is_no_prefix() -> None:
    assert names(f"{HEADLINE}\nAuthor Interviews\nShare\n\n{BODY}") == []


def test_no_author_from_a_dated_caption_or_photo_credit() -> None:
    caption = "The new deck on March 3, 2024 by Jo Park. (Photo: Jo Park/Lumen Agency)"
    assert names(f"{HEADLINE}\n{caption}\nPhoto by Jo Park\n\n{BODY}") == []


# --- byline words are data ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline, expected",
    [
        ("By Ana Ruiz und Tom Lee", ["Ana Ruiz", "Tom Lee"]),
        ("Par Luc Martin et Ana Ruiz", ["Luc Martin", "Ana Ruiz"]),
        ("By Ana Ruiz with Tom Lee in Politics", ["Ana Ruiz", "Tom Lee"]),
        ("By Ana Ruiz (com Tom Lee)", ["Ana Ruiz", "Tom Lee"]),
    ],
)
def test_byline_joining_words_from_the_lexicon(byline: str, expected: list[str]) -> None:
    assert [n for n, _, _ in byline_names(byline)] == expected


def test_byline_word_lists_are_loaded() -> None:
    from newsparse.stages.authors import _words

    assert {"and", "und", "et"} <= _words("and")
    assert "the" in _words("articles") and "jr." in _words("suffixes")


def test_agency_job_title_is_the_role_not_a_second_person() -> None:
    """"Ana Ruiz, AP Sports Writer": the agency's job title belongs to the name before it."""
    assert byline_names("Ana Ruiz, Ap Sports Writer") == [("Ana Ruiz", 0, "AP Sports Writer")]
    assert organization_of("Ana Ruiz, Ap Sports Writer") == "AP"


def test_agency_role_in_a_parsed_page() -> None:
    text = f"{HEADLINE}\n\nBy Ana Ruiz, AP National Writer\n\n{BODY}\n"
    [author] = newsparse.parse(text).authors
    assert (author.name, author.role, author.organization) == ("Ana Ruiz", "AP National Writer", "AP")


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Online-Experte Tomas Brenner", [("Tomas Brenner", "Online-Experte")]),
        ("Stadt-Korrespondentin Eva Roth", [("Eva Roth", "Stadt-Korrespondentin")]),
        ("Tomas Brenner-Lutz", [("Tomas Brenner-Lutz", None)]),  # a double name stays a name
    ],
)
def test_hyphenated_role_before_the_name(byline: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(n, r) for n, _, r in byline_names(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Eine Kolumne von Jan Berg", ["Jan Berg"]),
        ("Artikel von Eva von Roth", ["Eva von Roth"]),
        ("Текст: Анна Ветрова", ["Анна Ветрова"]),
        ("By Ana Ruiz For The Daily Courier", ["Ana Ruiz"]),
        ("By Ana Ruiz And Tom Lee For The Daily Courier", ["Ana Ruiz", "Tom Lee"]),
        ("By Ana Ruiz On 3/5/24 at 4:00 PM", ["Ana Ruiz"]),
    ],
)
def test_lead_ins_and_capitalised_stops(byline: str, expected: list[str]) -> None:
    assert [n for n, _, _ in byline_names(byline)] == expected


def test_offsets_point_at_the_name_after_a_role_compound() -> None:
    text = "Online-Experte Tomas Brenner"
    [(name, off, _)] = byline_names(text)
    assert text[off:off + len(name)] == name


@pytest.mark.parametrize(
    "line",
    [
        "Im Wortlaut", "Metro Report", "City Sport", "Stock Images", "Order Reprints", "ABC Roadshow", "XYZ Berlin",
        "Harbor Test Kitchen",
    ],
)
def test_phrases_and_desks_are_no_lone_name(line: str) -> None:
    assert not looks_like_person(line) or byline_names(line) == []


def test_capitalised_names_still_pass() -> None:
    assert looks_like_person("ANA RUIZ") and looks_like_person("DJ Summers") and looks_like_person("Ana Ruiz")


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von Eva Roth Kategorien: Reisen", ["Eva Roth"]),
        ("Nordblick Foto: Kai Lenz", []),
    ],
)
def test_a_label_after_the_names_ends_them(byline: str, expected: list[str]) -> None:
    assert [n for n, _, _ in byline_names(byline)] == expected


@pytest.mark.parametrize("line", ["Face The Nation", "Agencia Norte", "Zeta Articles", "Stadt Zeitung", "Ort Lindenau", "Symbolbild Feuerwehr"])
def test_outlets_desks_and_titles_are_no_person(line: str) -> None:
    assert not looks_like_person(line)


def test_author_box_role_needs_a_job_word() -> None:
    """The line under the name in an author box is its role only when it names a job."""
    box = "\n\nAna Ruiz\n\nSee all her posts\n\nAna Ruiz covers the harbor and the city council for the paper.\n"
    text = f"{HEADLINE}\n\nBy Ana Ruiz\n\n{BODY}{box}"
    [author] = newsparse.parse(text).authors
    assert author.role is None
    job = f"{HEADLINE}\n\nBy Ana Ruiz\n\n{BODY}\n\nAna Ruiz\n\nSenior Editor\n"
    [author] = newsparse.parse(job).authors
    assert author.role == "Senior Editor"


def _menu_flags(text: str) -> dict[str, bool]:
    from newsparse.stages.authors import _in_menu

    doc = newsparse.parse(text)
    return {ln.text: _in_menu(doc, ln) for ln in doc.lines if not ln.is_blank}


def test_a_name_like_menu_item_is_no_byline() -> None:
    """A two-word item between other menu items is a section or a show, not the writer."""
    flags = _menu_flags(f"Home\n\nLocal News\n\nEvening Harbor\n\nWeather Live\n\n{HEADLINE}\n\n{BODY}\n")
    assert flags["Evening Harbor"] is True


def test_a_lone_name_beside_a_time_or_links_stays_a_byline() -> None:
    flags = _menu_flags(f"{HEADLINE}\n\nToday 9:44\n\nAna Ruiz\n\nFacebookTwitter\n\n{BODY}\n")
    assert flags["Ana Ruiz"] is False
    flags = _menu_flags(f"{HEADLINE}\n\nMetro\n\nAna Ruiz\n\nSenior Editor\n\n{BODY}\n")
    assert flags["Ana Ruiz"] is False


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By John E Smith", ["John E Smith"]),
        ("By Maria Y Lopez and Tom Lee", ["Maria Y Lopez", "Tom Lee"]),
        ("Por Ana Ruiz y Tom Lee", ["Ana Ruiz", "Tom Lee"]),
    ],
)
def test_one_letter_joining_words_join_only_in_lower_case(byline: str, expected: list[str]) -> None:
    assert [n for n, _, _ in byline_names(byline)] == expected


def test_agency_cut_by_the_original_length_when_casefolding_grows_the_name() -> None:
    from newsparse.stages.authors import _strip_agency

    assert _strip_agency("Hans Strauß Reuters") == "Hans Strauß"


def test_bare_label_above_the_headline_names_the_line_under_it() -> None:
    """Above the headline the window runs upwards: the label's name is the next line down the page."""
    text = f"World News\nMaria Lopez Show\nBy\nAna Ruiz\n{HEADLINE}\n\n{BODY}"
    assert names(text) == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Bo Li.", "Bo Li"),
        ("By Ana Ruiz.", "Ana Ruiz"),
        ("By Tom Lee Jr.", "Tom Lee Jr."),
        ("By Tom Lee Sr.", "Tom Lee Sr."),
        ("By Ana R.", "Ana R."),
    ],
)
def test_byline_full_stop_kept_only_after_a_suffix_or_an_initial(byline: str, expected: str) -> None:
    assert clean_byline(byline) == expected
