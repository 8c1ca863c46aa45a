"""Layout: boilerplate blocks, headline, dek, byline, dateline, captions and body, on invented pages."""

from __future__ import annotations

from pathlib import Path

import newsparse
from newsparse.stages import blocks as bk
from newsparse.stages.header import is_byline, is_title_case, looks_like_sentence
from newsparse.stages.normalize import split_lines

PARAGRAPHS = [
    ("The harbor bridge in Lumenport reopened on Monday after two years of repairs, and the first cars "
    "crossed it shortly after dawn while a small crowd watched from the old pier."),
    ("City engineers said the work had cost more than they had planned, but that the new deck would last "
    "for at least another fifty years if it is looked after."),
    "Repairs",
    ("Most of the money went into the steel cables, which had rusted through in places and had to be "
    "replaced one by one while the bridge was closed to all traffic."),
    ("The mayor thanked the crews who worked through two winters and said the city would hold a street "
    "party on the bridge once the weather turns warm again."),
]

MENU = ["Home", "News", "Sports", "Weather", "Opinion", "Local", "Business", "Culture"]
HEADLINE = "Harbor Bridge Reopens After Two Years of Repairs"


def page(*, header: list[str], tail: list[str] | None = None) -> str:
    body = "\n\n".join(PARAGRAPHS)
    return "\n".join(MENU) + "\n" + "\n".join(header) + "\n\n" + body + "\n\n" + "\n".join(tail or [])


def body_texts(art: newsparse.Article) -> list[str]:
    return [b.text for b in art.body]


# --- blocks -------------------------------------------------------------------------------------


def test_language_is_guessed_from_function_words() -> None:
    de = split_lines("Die Brücke ist nach zwei Jahren wieder offen, und die Stadt feiert das mit einem Fest.")
    en = split_lines("The bridge is open again after two years, and the city will hold a party for it.")
    assert bk.guess_language(de) == "de"
    assert bk.guess_language(en) == "en"


def test_cues_condemn_short_furniture_lines_only() -> None:
    assert bk.cue_kind("0:00") == "timer"
    assert bk.cue_kind("12 Comments") in ("counter", "comments")
    assert bk.cue_kind("We use cookies to improve your experience") == "cookie_notice"
    assert bk.cue_kind("Share on Facebook") == "share_or_navigation"
    assert bk.cue_kind("© 2024 Lumenport Daily") == "copyright"
    # A one-word cue inside a longer title does not condemn it; a long paragraph is judged as prose.
    assert bk.cue_kind("Why the Mayor Quit Facebook After Twenty Years Online") is None
    assert bk.cue_kind("The council said cookies sold at the fair must list every ingredient, " * 2) is None



def test_a_long_consent_banner_is_a_cookie_notice_when_it_opens_with_the_phrase() -> None:
    banner = "This website uses cookies to improve your experience while you read. " + "Some of them are stored in your browser. " * 12
    assert len(banner) > 400
    assert bk.cue_kind(banner) == "cookie_notice"
    # Deep inside a long paragraph the same words are the story's.
    story = "The council debated for hours. " * 5 + "One member said this website uses cookies too often. " + "It went on. " * 20
    assert bk.cue_kind(story) is None

def test_short_lines_between_paragraphs_stay_and_menus_go() -> None:
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"]))
    assert body_texts(art) == PARAGRAPHS  # the short subheading "Repairs" is kept, in order
    dropped = {b.span.text for b in art.boilerplate}
    assert set(MENU) <= dropped


def test_every_dropped_line_has_a_kind_and_every_line_a_label() -> None:
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"], tail=["Related", "© 2024 Lumenport Daily"]))
    assert all(b.kind for b in art.boilerplate)
    assert all(label is not None for ln, label in zip(art.lines, art.labels, strict=True) if not ln.is_blank)
    kinds = {b.span.text: b.kind for b in art.boilerplate}
    assert kinds["© 2024 Lumenport Daily"] == "copyright"


def test_main_region_is_the_densest_run_of_prose() -> None:
    teaser = "Another story: " + PARAGRAPHS[0]
    text = teaser + "\n" + "\n".join(MENU * 3) + "\n" + "\n\n".join(PARAGRAPHS)
    art = newsparse.parse(text)
    assert teaser not in body_texts(art)
    assert body_texts(art)[-1] == PARAGRAPHS[-1]



TABLE = [f"{n} Lumenport Rovers {100 - n} {n % 3} {n % 2}" for n in range(1, 16)]


def test_an_article_made_of_short_lines_is_kept_under_its_headline() -> None:
    # The first paragraph stands far above the next one, with a table between: all of it is the article.
    text = "\n".join(MENU) + "\n" + HEADLINE + "\nBy Ana Ruiz\n\n" + PARAGRAPHS[0] + "\n\n" + "\n".join(TABLE) + \
        "\n\n" + "\n\n".join(PARAGRAPHS[1:])
    art = newsparse.parse(text)
    kept = body_texts(art)
    assert kept[0] == PARAGRAPHS[0]
    assert TABLE[0] in kept and TABLE[-1] in kept
    assert kept[-1] == PARAGRAPHS[-1]
    assert not {b.span.text for b in art.boilerplate} & set(TABLE)


def test_a_menu_between_two_runs_of_prose_is_not_joined_over() -> None:
    teaser = "Another story: " + PARAGRAPHS[0]
    paragraphs = "\n\n".join(PARAGRAPHS)
    art = newsparse.parse(paragraphs + "\n" + "\n".join(MENU) + "\n" + teaser)
    assert teaser not in body_texts(art)
    blocks, region = bk.classify(art.lines)
    assert region is not None and blocks[region[1]].line.text == PARAGRAPHS[-1]


def test_menu_items_are_short_capitalised_lines_without_figures() -> None:
    lines = split_lines("Local News\nWorld\n12 4 0.5\nIt rained all day.\nthe city and the sea")
    assert [bk.is_menu_item(b) for b in bk.measure(lines, "en")] == [True, True, False, False, False]


def test_the_article_ends_at_the_copyright_line_even_when_teasers_follow() -> None:
    teasers = [("Another story: " + p) for p in PARAGRAPHS[:2] + PARAGRAPHS[3:]] * 2
    text = page(header=[HEADLINE, "By Ana Ruiz"], tail=["© 2024 Lumenport Daily. All rights reserved.", "World", *teasers])
    art = newsparse.parse(text)
    assert body_texts(art) == PARAGRAPHS
    assert not set(teasers) & set(body_texts(art))


def test_a_comment_thread_denser_than_the_article_is_not_the_article() -> None:
    comments = ["Ana Ruiz wrote:", "I crossed it this morning and it felt solid and safe, which I did not expect after all the talk. " * 3]
    text = page(header=[HEADLINE, "By Ana Ruiz"], tail=["3 Comments", *(comments * 4)])
    art = newsparse.parse(text)
    assert body_texts(art) == PARAGRAPHS


def test_end_marks_are_copyright_lines_and_comment_heads_not_photo_credits() -> None:
    lines = split_lines("© 2024 Lumenport Daily\nPhoto © Ana Ruiz\nComments\nComment")
    assert [bk.is_end_mark(b) for b in bk.measure(lines, "en")] == [True, False, True, False]


CARDS = [
    "Ferry Service Returns to the Old Pier", "Jo Park", "March 3, 2024",
    "The ferry will run twice a day from April, the harbor office said, and tickets go on sale next week at the pier.",
    "Market Hall Gets a New Roof", "Ana Ruiz", "March 2, 2024",
    "Builders began work on the roof of the market hall on Monday and expect to finish it before the summer fair opens.",
    "Library Opens on Sundays", "Li Wei", "March 1, 2024",
    "The city library will open on Sunday afternoons from May, after a vote by the council that passed without debate.",
]


def test_a_list_of_dated_teaser_cards_after_the_article_is_not_the_article() -> None:
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"], tail=["More stories", *CARDS]))
    assert body_texts(art) == PARAGRAPHS


def test_the_story_tags_after_the_article_end_it() -> None:
    tags = ["Lumenport", "Bridges", "City Council", "Harbor"]
    teaser = "In other news, " + PARAGRAPHS[3]
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"], tail=[*tags, teaser]))
    assert body_texts(art) == PARAGRAPHS


def test_a_photo_gallery_after_the_article_is_not_the_article() -> None:
    slides = []
    for n, para in enumerate(PARAGRAPHS[:2] + PARAGRAPHS[3:], start=1):
        slides += [f"{n}/12 Scenes from the harbor", "In the gallery: " + para, "Lumen Photo"]
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"], tail=["The week in pictures", *slides]))
    assert body_texts(art) == PARAGRAPHS


def test_a_list_of_dates_that_closes_the_article_is_its_text() -> None:
    dates = ["June 9 -- Harbor Hall, Lumenport", "June 12 -- Old Pier Stage, Lumenport", "June 15 -- City Arena, Westport",
             "June 20 -- River Park Amphitheatre and Gardens at the Old Mill, Eastport", "June 24 -- Town Square, Northport"]
    text = page(header=[HEADLINE, "By Ana Ruiz"]) + "\n\nThe band will play these dates this summer:\n" + "\n".join(dates) + \
        "\n\n" + "\n".join(MENU)
    art = newsparse.parse(text)
    assert body_texts(art)[-len(dates):] == dates
    assert not set(MENU) & set(body_texts(art))


SIGN_UP = ["Get the Lumenport Daily newsletter", "Subscribe to our newsletter for the week's best stories.", "Sign up"]


def test_a_sign_up_box_between_paragraphs_keeps_the_rest_of_the_article() -> None:
    text = page(header=[HEADLINE, "By Ana Ruiz"]).replace(PARAGRAPHS[1], PARAGRAPHS[1] + "\n\n" + "\n".join(SIGN_UP))
    art = newsparse.parse(text)
    assert body_texts(art) == PARAGRAPHS


def test_a_sign_up_box_after_the_article_ends_it() -> None:
    teasers = ["More from Lumenport", "Another story: " + PARAGRAPHS[0], "Another story: " + PARAGRAPHS[3],
               "Another story: " + PARAGRAPHS[4]]
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"], tail=[*SIGN_UP, "", "Popular now", "Bridges", *teasers]))
    assert body_texts(art) == PARAGRAPHS


def test_a_list_introduced_by_a_colon_stays_in_the_article() -> None:
    parts = ["Deck", "Cables", "Towers", "Lights", "Railings"]
    text = page(header=[HEADLINE, "By Ana Ruiz"])
    text = text.replace(PARAGRAPHS[1], PARAGRAPHS[1] + "\n\nThe work covered five parts of the bridge:\n" + "\n".join(parts))
    art = newsparse.parse(text)
    assert set(parts) <= set(body_texts(art))
    assert body_texts(art)[-1] == PARAGRAPHS[-1]


def test_short_and_repeated_lines_inside_the_article_stay() -> None:
    steps = []
    for day in ("Monday", "Tuesday", "Wednesday"):
        steps += [f"Crews on {day}", "Lane closed 9-5", PARAGRAPHS[3].replace("Most", f"On {day} most")]
    text = page(header=[HEADLINE, "By Ana Ruiz"]).replace(PARAGRAPHS[3], "\n\n".join(steps))
    art = newsparse.parse(text)
    kept = body_texts(art)
    assert kept.count("Lane closed 9-5") == 3
    assert "Crews on Tuesday" in kept

# --- header -------------------------------------------------------------------------------------


def test_headline_is_the_title_above_the_byline_not_the_site_or_section() -> None:
    art = newsparse.parse(page(header=["Lumenport Daily", "Local", HEADLINE, "By Ana Ruiz", "Feb. 7, 2024"]))
    assert art.headline is not None and art.headline.text == HEADLINE
    assert [a.name for a in art.authors] == ["Ana Ruiz"]


def test_repeated_headline_is_boilerplate() -> None:
    art = newsparse.parse(page(header=[HEADLINE, "", HEADLINE, "By Ana Ruiz"]))
    assert art.headline is not None and art.headline.text == HEADLINE
    assert ("repeated_headline", HEADLINE) in {(b.kind, b.span.text) for b in art.boilerplate}
    assert HEADLINE not in body_texts(art)


def test_dek_is_the_sentence_between_headline_and_byline() -> None:
    dek = "After two winters of work the city's busiest crossing is open to cars again."
    art = newsparse.parse(page(header=[HEADLINE, dek, "By Ana Ruiz"]))
    assert art.dek is not None and art.dek.text == dek
    assert dek not in body_texts(art)


def test_datelines_are_labelled_for_the_dates_stage() -> None:
    for stamp in ("Published Feb. 7, 2024", "07.02.2024, 14:30 Uhr", "Updated: March 3, 2024 9:14 am ET"):
        art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz", stamp]))
        labelled = [ln.text for ln in art.lines_labelled("dateline")]
        assert stamp in labelled, stamp
        assert stamp not in body_texts(art)


def test_empty_date_label_and_timer_are_boilerplate() -> None:
    art = newsparse.parse(page(header=[HEADLINE, "Ana Ruiz", "Updated:", "0:00"]))
    kinds = {b.span.text: b.kind for b in art.boilerplate}
    assert kinds["Updated:"] == "empty_date_label"
    assert kinds["0:00"] == "timer"
    assert art.published is None


def test_caption_with_credit_is_an_image_not_an_author_nor_body() -> None:
    caption = "Workers fasten the last cable on the bridge in Lumenport on Feb. 5, 2024. (Lumen Photo/Jo Park)"
    art = newsparse.parse(page(header=[HEADLINE, caption, "By Ana Ruiz"]))
    assert [(i.caption.text, i.credit.text if i.credit else None) for i in art.images] == [
        (caption, "Lumen Photo/Jo Park")
    ]
    assert [a.name for a in art.authors] == ["Ana Ruiz"]
    assert caption not in body_texts(art)


def test_no_headline_stolen_from_a_body_that_starts_with_a_paragraph() -> None:
    art = newsparse.parse("\n" + "\n\n".join(PARAGRAPHS))
    assert art.headline is None
    assert body_texts(art) == PARAGRAPHS


def test_bare_title_line_then_paragraphs() -> None:
    title = "Council Votes to Close the Old Ferry Pier."
    art = newsparse.parse(title + "\n\n" + "\n\n".join(PARAGRAPHS))
    assert art.headline is not None and art.headline.text == title
    assert body_texts(art) == PARAGRAPHS


def test_wire_place_line_is_no_headline() -> None:
    art = newsparse.parse("LUMENPORT (AP) --\n\n" + "\n\n".join(PARAGRAPHS))
    assert art.headline is None


def test_shape_helpers() -> None:
    assert is_byline("By Ana Ruiz") and is_byline("ByAna Ruiz") and is_byline("Von Jan Berg")
    assert not is_byline("Bystanders watched the bridge open.")
    assert looks_like_sentence("The bridge is open.") and not looks_like_sentence("Bridge Reopens")
    assert is_title_case("Council Votes to Close the Old Ferry Pier.")
    assert not is_title_case("The council said it would close the pier.")


# --- the founding article -------------------------------------------------------------------------


def test_founding_article_layout(shared: Path) -> None:
    text = (shared / "seeds" / "000_c73fe16fa2556968.txt").read_text(encoding="utf-8")
    art = newsparse.parse(text)
    lines = text.split("\n")
    assert art.headline is not None and art.headline.text == lines[0]
    assert art.dek is not None and art.dek.text == lines[2]
    assert [a.name for a in art.authors] == [lines[5]]
    author = art.authors[0]
    assert author.role == lines[52] and author.bio == lines[53]
    assert [i.credit.text for i in art.images if i.credit] == ["AP Photo/Hadi Mizban"]
    kinds = {b.span.text: b.kind for b in art.boilerplate}
    assert kinds[lines[3]] == "repeated_headline"
    assert kinds["Updated:"] == "empty_date_label" and kinds["0:00"] == "timer"
    assert {"twitter", "Related Topics"} <= kinds.keys()
    expected_body = [ln for ln in lines[9:49] if ln.strip()]
    assert body_texts(art) == expected_body and len(expected_body) == 21


def test_comment_thread_after_the_article_is_not_body() -> None:
    comments = [
        "Sam K. on March 3, 2024 at 6:34 am said:",
        "I drive over that bridge every day and I am glad it is finally open again after all this time.",
        "Lee on March 3, 2024 at 7:02 am said:",
        "The repairs took far too long, and the city should explain why the cables were left to rust.",
    ]
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"], tail=comments))
    assert body_texts(art) == PARAGRAPHS


def test_a_code_listing_does_not_split_the_article() -> None:
    code = "\n".join(["bridge.open()", "for car in queue:", "    car.cross()", "}"] * 4)
    text = f"{HEADLINE}\nBy Ana Ruiz\n\n" + "\n\n".join(PARAGRAPHS[:2]) + "\n\n" + code + "\n\n" + "\n\n".join(PARAGRAPHS[3:])
    art = newsparse.parse(text)
    assert PARAGRAPHS[0] in body_texts(art) and PARAGRAPHS[-1] in body_texts(art)


def test_headline_over_dek_wins_over_a_subheadline_near_the_byline() -> None:
    dek = "After two winters of work the city's busiest crossing is open to cars again."
    sub = "Cable replacement cost twice the estimate"
    art = newsparse.parse(page(header=[HEADLINE, dek, sub, "By Ana Ruiz"]))
    assert art.headline is not None and art.headline.text == HEADLINE


def test_plural_and_phrase_cues() -> None:
    assert bk.cue_kind("Accept cookies") == "cookie_notice"
    assert bk.cue_kind("Lesen Sie auch") == "related_links"
    assert bk.cue_kind("Shareholders approve merger") is None


def test_date_alone_is_a_dateline_not_a_counter() -> None:
    assert bk.cue_kind("03.11.2023") is None
    art = newsparse.parse(page(header=[HEADLINE, "03.11.2023"]))
    assert "03.11.2023" in [ln.text for ln in art.lines_labelled("dateline")]


def test_docstring_examples_hold() -> None:
    import doctest

    from newsparse.stages import authors, boilerplate, header

    for module in (bk, boilerplate, header, authors):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__


def test_a_bracketed_reference_is_no_photo_credit() -> None:
    para = "The old bridge opened in 1931 and carried trams until the line closed in the sixties. [R1 / R2]"
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz"], tail=[]) + "\n\n" + para + "\n\n" + PARAGRAPHS[0])
    assert art.images == [] and para in body_texts(art)


def test_title_above_the_byline_wins_over_a_video_title_on_the_body() -> None:
    title, video = "Why Old Steel Needs Patience", "Harbor bridge in Lumenport reopened for the first cars"
    for header in (
        [title, "By Ana Ruiz", "Share", video],
        [title, "Published: March 3, 2021", "Ana Ruiz", "Watch live", video, "Morning Show"],
    ):
        art = newsparse.parse(page(header=header))
        assert art.headline is not None and art.headline.text == title


def test_a_title_above_a_blurb_and_a_menu_item_is_not_the_headline() -> None:
    title = "Steel Cables Take Two Winters"
    blurb = "For forty years the trust has kept the harbor bridge in Lumenport open to all."
    header = ["Harbor Bridge Trust Newsroom", blurb, "Shop", title, "By Ana Ruiz", "March 3, 2021"]
    art = newsparse.parse(page(header=header))
    assert art.headline is not None and art.headline.text == title


def test_breadcrumb_trail_is_no_headline() -> None:
    from newsparse.stages.header import is_breadcrumb

    assert is_breadcrumb("Home > Local > Harbor") and is_breadcrumb("Harbor City Local News >")
    assert not is_breadcrumb("Why 2 > 1 in Harbor Math")
    art = newsparse.parse(page(header=["Harbor City Local News >", "Published: March 3, 2021", HEADLINE]))
    assert art.headline is not None and art.headline.text == HEADLINE


def test_the_title_right_over_the_dek_and_byline_wins_over_the_site_name_above() -> None:
    title = "Steel Cables Take Two Winters"
    dek = "After two winters of work the busiest crossing in Lumenport is open to cars again."
    video = "Harbor bridge in Lumenport reopened for the first cars"
    art = newsparse.parse(page(header=["Harbor City Times", title, dek, "By Ana Ruiz", "Published: March 3, 2021", video]))
    assert art.headline is not None and art.headline.text == title
    assert art.dek is not None and art.dek.text == dek


def test_an_embedded_post_signed_under_it_is_no_headline() -> None:
    post = "What a night on the Harbor Bridge in Lumenport"
    text = "\n".join(MENU) + "\n" + post + "\n— Harbor FC (@harborfc) March 3, 2021\n\n" + "\n\n".join(PARAGRAPHS)
    art = newsparse.parse(text)
    assert art.headline is None or art.headline.text != post


def test_a_title_with_the_byline_under_it_wins_over_a_slogan_without_one() -> None:
    from newsparse.stages.header import _stamped_title

    title = "Steel Cables Take Two Winters"
    furniture = ["Please read our terms", "Accept", "Manage settings", "Sign in"]
    lines = split_lines("\n".join(["Harbor City News Since 1903", *furniture, title, "By Ana Ruiz", PARAGRAPHS[0]]))
    assert lines[_stamped_title(lines, {0: 4.1, 1: 2.0, 5: 3.2}, 0)].text == title
    # A best title whose own byline follows keeps its place; a title just above the stamped one
    # has it as its dek.
    assert _stamped_title(lines, {0: 4.1, 5: 3.2}, 5) == 5
    assert _stamped_title(lines, {3: 4.1, 5: 3.2}, 3) == 3


def test_a_date_line_over_the_byline_is_no_title() -> None:
    from newsparse.stages.header import _stamped_title

    stamp = "March 3, 2021, 10:00 PM / Updated March 4, 2021, 9:15 AM"
    lines = split_lines("\n".join(["Harbor City News Since 1903", stamp, "By Ana Ruiz", PARAGRAPHS[0]]))
    assert _stamped_title(lines, {0: 4.1, 1: 3.9}, 0) == 0


def test_a_small_first_letter_costs_a_title_its_lead() -> None:
    from newsparse.stages.header import starts_lowercase

    assert starts_lowercase("take the tour") and starts_lowercase("“read more here")
    assert not starts_lowercase("Bridge Reopens") and not starts_lowercase("2021 Harbor Review")


# --- the article's start under its byline -------------------------------------------------------

CAPTION = ("Cars cross the rebuilt harbor bridge in Lumenport at dawn on Monday, seen from the old pier on "
           "the east bank of the river.")


def test_a_caption_between_headline_and_byline_is_not_the_body_start() -> None:
    dek = "Two years late, the old crossing carries cars again."
    art = newsparse.parse(page(header=[HEADLINE, dek, "", CAPTION, "", "By Ana Ruiz", "May 3, 2021", ""]))
    assert art.headline is not None and art.headline.text == HEADLINE
    assert body_texts(art)[0] == PARAGRAPHS[0]
    assert CAPTION not in body_texts(art)


def test_a_paragraph_right_under_the_byline_is_kept_however_far_the_next_one_is() -> None:
    video = ["Watch", "Ferry Service Resumes", "Yesterday 1:55PM", "Now playing", "Tram Line Extended",
             "Yesterday 2:10PM", "Now playing", "Harbor Festival Returns", "Yesterday 3:30PM"]
    lead = ("The harbor bridge in Lumenport is open again, and the people who waited two years for it are "
            "the first to say that the wait was worth it after all.")
    text = page(header=[HEADLINE, "By Ana Ruiz", "May 3, 2021", "", lead, "", *video, ""])
    art = newsparse.parse(text)
    assert body_texts(art)[0] == lead


def test_an_embedded_post_signature_is_no_teaser_card() -> None:
    page = (
        "The mayor said the bridge would open on Monday, and the crowd cheered when the ribbon was cut at last.",
        "— Harbor FC (@harborfc) May 3, 2021",
        "Another long paragraph about the bridge that follows the embedded post and goes on for a while yes.",
    )
    lines = split_lines("\n".join(page))
    blocks = bk.measure(lines, "en")
    assert not bk._is_card_date(blocks[1])


def test_on_a_cjk_page_only_cjk_characters_weigh_triple() -> None:
    english = split_lines("This edition is published under license from a company in another country, all rights kept.")
    cjk = split_lines("東京の新しい橋が月曜日に開通し、多くの人が朝から集まって最初の車が渡るのを見守った。")
    assert bk.measure(english, "cjk")[0].chars == len(english[0].text)
    assert bk.measure(cjk, "cjk")[0].chars == 3 * bk.cjk_count(cjk[0].text) + (len(cjk[0].text) - bk.cjk_count(cjk[0].text))


def test_a_long_legal_footer_line_is_copyright_furniture() -> None:
    legal = ("Copyright (c) 2024 Lumenport Media Group. All rights reserved. No part of this site may be copied, "
             "stored or passed on in any form without the written permission of the publisher.")
    license_line = ("The local edition of the Lumenport Daily is published under license from Harbor Media, Inc., of "
                    "Lumenport. Its titles and logos are trademarks of Harbor Media, Inc. and are used with leave.")
    assert bk.cue_kind(legal) == "copyright"
    assert bk.cue_kind(license_line) == "copyright"


def test_an_archive_notice_at_the_top_of_the_body_is_furniture() -> None:
    notice = "This article is more than 5 years old and may contain outdated information about the bridge."
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz", "", notice, ""]))
    assert notice not in body_texts(art)
    assert any(b.kind == "archive_notice" for b in art.boilerplate)


def test_a_caption_with_its_credit_on_the_next_line_opens_no_body() -> None:
    caption = ("Cars cross the rebuilt harbor bridge in Lumenport at dawn on Monday, seen from the old pier on "
               "the east bank of the river.")
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz", "May 3, 2021", "", caption, "Jo Park/Harbor Daily", ""]))
    assert body_texts(art)[0] == PARAGRAPHS[0]
    assert any(im.caption.text == caption and im.credit is not None and im.credit.text == "Jo Park/Harbor Daily"
               for im in art.images)


def test_the_page_address_under_the_headline_is_no_dek() -> None:
    art = newsparse.parse(page(header=[HEADLINE, "https://lumenport.example/news/harbor-bridge-reopens", "By Ana Ruiz"]))
    assert art.dek is None


def test_a_place_on_its_own_line_over_the_first_paragraph_stays_with_it() -> None:
    art = newsparse.parse(page(header=[HEADLINE, "By Ana Ruiz", "May 3, 2021", "", "LUMENPORT:", ""]))
    assert body_texts(art)[:2] == ["LUMENPORT:", PARAGRAPHS[0]]


def test_date_list_is_found_in_one_pass_on_a_page_without_blank_lines(monkeypatch) -> None:
    """Tour dates in the article stay its text; finding the list reads each date line once, not
    once per date line in the same run (a page with no blank lines is one long run)."""
    from newsparse.document import Document
    from newsparse.pipeline import REGISTRY, Pipeline

    dates = [f"March {d}, 2024 - Lumenport Hall" for d in range(1, 29)] * 4
    lines = [HEADLINE, "By Ana Ruiz", PARAGRAPHS[0], PARAGRAPHS[1], *dates, PARAGRAPHS[3], PARAGRAPHS[4]]
    doc = Pipeline.from_names(["normalize"])(Document(text="\n".join(lines)))
    calls = []
    real = bk.is_dateline
    monkeypatch.setattr(bk, "is_dateline", lambda text: calls.append(text) or real(text))
    REGISTRY["boilerplate"](doc)
    _, (first, last) = doc.layout
    assert last - first + 1 >= len(dates)  # the dates lie inside the article
    assert len(calls) <= 3 * len(lines)
    assert not any(doc.labels[ln.index] == "dateline" for ln in doc.lines if ln.text in dates)


def test_long_copyright_footer_closes_the_article_in_any_listed_language() -> None:
    footers = [
        "© 2024 Lumenport Harbor Zeitung GmbH. Alle Rechte vorbehalten.",
        "© 2024 Lumenport Harbor Media Group S.A. Tous droits réservés.",
        "© 2024 Lumenport Harbor Media Group Ltd. All rights reserved.",
    ]
    blocks = bk.measure(split_lines("\n".join([*footers, "Photo © Ana Ruiz for the Lumenport Harbor Gazette"])), "de")
    assert all(len(f) > bk.COPYRIGHT_LINE_CHARS for f in footers)
    assert [bk.is_end_mark(b) for b in blocks] == [True, True, True, False]
