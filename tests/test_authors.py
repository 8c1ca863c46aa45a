"""Authors: bylines cleaned into people, agencies kept apart, author boxes merged, no invented authors."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.stages.authors import (
    byline_names,
    clean_byline,
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
