"""The quotes stage: quotation marks, kinds, cues and speaker resolution, on invented sentences."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.document import Document
from newsparse.pipeline import REGISTRY, Pipeline
from newsparse.stages.quote_marks import find_quoted

from conftest import assert_valid_output


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text)]


def body_only(text: str) -> Document:
    """Run the quotes stage with every line labelled body, so that these tests do not depend on
    what the layout stages make of a three-line invented article."""
    doc = Document(text)
    Pipeline.from_names(["normalize"])(doc)
    doc.labels = [None if ln.is_blank else "body" for ln in doc.lines]
    REGISTRY["quotes"].func(doc)
    return doc


def quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(quoted words, kind, speaker name, speaker mention) for every quote in an article."""
    doc = body_only(text)
    out = []
    for q in doc.quotes:
        sp = q.speaker
        out.append((q.span.text, q.kind, sp.name if sp else None, sp.mention.text if sp and sp.mention else None))
    return out


def speaker_of(text: str, words: str) -> tuple[str | None, str | None]:
    for quote, _kind, name, mention in quotes(text):
        if words in quote:
            return name, mention
    raise AssertionError(f"no quote with {words!r} in {quotes(text)}")


def kind_of(text: str, words: str) -> str:
    return next(kind for quote, kind, _n, _m in quotes(text) if words in quote)


# --- marks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will build it," she said.', ["We will build it,"]),
        ("“We will build it,” she said.", ["We will build it,"]),
        ("''We will build it,'' she said.", ["We will build it,"]),
        ("``We will build it,'' she said.", ["We will build it,"]),
        ("«We will build it», she said.", ["We will build it"]),
        ("Mayor: ‘We Will Build It’ by Spring", ["We Will Build It"]),
        ("Mayor: 'We Will Build It' by Spring", ["We Will Build It"]),
    ],
)
def test_each_mark_convention(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_apostrophes_inside_words_open_and_close_nothing() -> None:
    assert quoted("The council’s plan and Oakdale’s ferry don't open quotes.") == []


def test_closing_mark_that_is_also_an_apostrophe() -> None:
    text = "‘We will guard our workers’ safety,’ the notice read."
    assert quoted(text) == ["We will guard our workers’ safety,"]


def test_only_the_outermost_quote_counts() -> None:
    text = '"He told me \'never again\' and left," she said.'
    assert quoted(text) == ["He told me 'never again' and left,"]


def test_marks_pointing_the_wrong_way_are_read_by_context() -> None:
    assert quoted("He said ”we will win“ and left.") == ["we will win"]


def test_missing_closing_mark_runs_to_paragraph_end() -> None:
    q = find_quoted("“We will keep going until the bridge opens")
    assert len(q) == 1 and not q[0].closed and q[0].end == len("“We will keep going until the bridge opens")


def test_tweet_attributes_are_not_quotes() -> None:
    assert quoted('<tweet id="123" author="@someone">Vote early!</tweet>') == []


def test_nyt_triple_apostrophe_closes_single_then_double() -> None:
    text = "''He called it 'a disgrace,''' she said."
    assert quoted(text) == ["He called it 'a disgrace,'"]


# --- kinds -------------------------------------------------------------------------------------


def test_scare_quote_and_title_are_terms() -> None:
    text = (
        "Harbor News\n\nThe so-called “ferry tax” was repealed last year.\n\n"
        "She watched “Evening With the Mayor” on a local channel every week."
    )
    assert kind_of(text, "ferry tax") == "term"
    assert kind_of(text, "Evening With") == "term"


def test_short_quote_in_a_sentence_without_speech_is_a_term() -> None:
    assert kind_of("Harbor News\n\nThe new “smart” meters arrived in the spring.", "smart") == "term"


def test_phrase_in_reported_speech_is_partial_with_speaker() -> None:
    text = "Harbor News\n\nMayor Lena Ortiz said the plan was “a waste of good money” and left."
    assert quotes(text)[0][1:] == ("partial", "Lena Ortiz", "Mayor Lena Ortiz")


def test_whole_sentence_is_direct() -> None:
    text = "Harbor News\n\n“The ferry will run again in May,” said Tom Reyes, a city engineer."
    assert quotes(text)[0][1:] == ("direct", "Tom Reyes", "Tom Reyes")


# --- cues ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, mention",
    [
        ("“The ferry is late,” Tom Reyes said.", "Tom Reyes"),
        ("“The ferry is late,” said Tom Reyes, a city engineer.", "Tom Reyes"),
        ("“The ferry is late,” Tom Reyes says.", "Tom Reyes"),
        ("Tom Reyes told reporters: “The ferry is late.”", "Tom Reyes"),
        ("“The ferry is late,” according to Tom Reyes.", "Tom Reyes"),
        ("According to Tom Reyes, “the ferry is late again this week.”", "Tom Reyes"),
        ("“The ferry is late,” Tom Reyes wrote in a statement.", "Tom Reyes"),
        ("“The ferry is late,” Tom Reyes added.", "Tom Reyes"),
        ("“Is the ferry late again?” Tom Reyes asked.", "Tom Reyes"),
        ("“The ferry is late.” — Tom Reyes", "Tom Reyes"),
        ("Tom Reyes, a city engineer, said: “The ferry is late.”", "Tom Reyes"),
        ("“The ferry is late,” city engineer Tom Reyes said on Monday.", "Tom Reyes"),
        ("Tom Reyes blasted the board, calling the delay “an insult to every commuter.”", "Tom Reyes"),
    ],
)
def test_cue_patterns(body: str, mention: str) -> None:
    text = f"Harbor News\n\n{body}"
    words = next(w for w in ("erry is late", "ferry late", "insult") if w in body)
    assert speaker_of(text, words)[1].endswith(mention)


def test_headline_name_colon_quote() -> None:
    text = "Ortiz: Council’s ‘Reckless Spending’ Must End\n\nThe mayor spoke at length on Monday night."
    assert speaker_of(text, "Reckless Spending")[1] == "Ortiz"


def test_a_speech_noun_is_not_a_verb() -> None:
    text = "Harbor News\n\nTom Reyes answered in a series of tweets: “The ferry is late.”"
    assert speaker_of(text, "ferry is late")[1] == "Tom Reyes"


# --- speaker resolution ------------------------------------------------------------------------------


def test_title_resolves_to_full_name_mentioned_earlier() -> None:
    text = (
        "Harbor News\n\nCity engineer Tom Reyes inspected the pier on Monday.\n\n"
        "“The pier is safe,” Mr. Reyes said."
    )
    assert speaker_of(text, "pier is safe") == ("Tom Reyes", "Mr. Reyes")


def test_pronoun_resolves_to_latest_person() -> None:
    text = (
        "Harbor News\n\n“We start on Monday,” said Lena Ortiz, the mayor.\n\n"
        "Asked about the cost, she said: “It is within the budget.”"
    )
    assert speaker_of(text, "within the budget") == ("Lena Ortiz", "she")


def test_quote_paragraph_without_cue_continues_previous_speaker() -> None:
    text = (
        "Harbor News\n\n“We start on Monday,” said Lena Ortiz, the mayor.\n\n"
        "“It is within the budget. Nobody will pay more.”"
    )
    assert speaker_of(text, "within the budget") == ("Lena Ortiz", "Lena Ortiz")


def test_second_quote_in_paragraph_takes_the_first_ones_speaker() -> None:
    text = "Harbor News\n\n“We start on Monday,” Lena Ortiz said. “Nobody will pay more.”"
    assert speaker_of(text, "Nobody") == ("Lena Ortiz", "Lena Ortiz")


def test_multi_paragraph_quote_is_one_quote_per_paragraph_with_speaker() -> None:
    text = (
        "Harbor News\n\nLena Ortiz said: “We start on Monday. The pier will close for a week.\n\n"
        "“Nobody will pay more for the work.”"
    )
    found = quotes(text)
    assert [q[0] for q in found] == ["We start on Monday. The pier will close for a week.",
                                      "Nobody will pay more for the work."]
    assert {q[2] for q in found} == {"Lena Ortiz"}


def test_the_statement_resolves_to_who_issued_it() -> None:
    text = (
        "Harbor News\n\nThe Port Authority issued a statement on Tuesday about the closure.\n\n"
        "“The pier will reopen in June,” the statement said."
    )
    assert speaker_of(text, "reopen in June") == ("The Port Authority", "the statement")


def test_a_statement_from_names_its_author() -> None:
    text = "Harbor News\n\n“We regret the delay,” a statement from the harbor board read."
    name, mention = speaker_of(text, "regret the delay")
    assert name == "the harbor board" and mention == "a statement from the harbor board"


def test_every_quote_span_is_exact() -> None:
    text = "Harbor News\n\n“A,” he said. ''B,'' she said. \"C,\" they said.\n"
    doc = body_only(text)
    for q in doc.quotes:
        assert text[q.span.start:q.span.end] == q.span.text
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            assert text[m.start:m.end] == m.text


# --- the founding article ----------------------------------------------------------------------------


def test_founding_article_quotes(shared) -> None:
    path = next((shared / "seeds").glob("000_*.txt"))
    doc = newsparse.parse(path.read_text(encoding="utf-8"))
    by_start = {q.span.text[:25]: q for q in doc.quotes}

    def find(prefix: str):
        return next(q for key, q in by_start.items() if key.startswith(prefix))

    dek = find("We will not hesitate")
    assert dek.speaker and "US military" in dek.speaker.name
    assert dek.span.text.endswith("safety,")
    centcom = find("U.S. Central Command")
    assert centcom.speaker.mention.text == "the statement" and "Central Command" in centcom.speaker.name
    assert find("There are no indications").speaker.name == centcom.speaker.name
    patel = find("These targets were")
    assert patel.speaker.mention.text == "Mr. Patel" and patel.speaker.name == "Vedant Patel"
    ministry = find("Iraq’s rejection")
    assert ministry.kind == "partial" and "foreign ministry" in ministry.speaker.name
    added = find("The Iraqi government")
    assert added.speaker.mention.text == "the statement" and "foreign ministry" in added.speaker.name
    assert find("Islamic Resistance").kind == "term"
    assert not any("Kata’ib" == q.span.text or q.span.text.startswith("ib ") for q in doc.quotes)


def test_role_from_appositive_and_from_title_words_before_the_full_name() -> None:
    doc = body_only(
        "Harbor News\n\nPort Authority Deputy Director Tom Reyes toured the pier on Monday.\n\n"
        "“The pier is safe,” Mr. Reyes said.\n\n"
        "“We will reopen soon,” said Lena Ortiz, the harbor master."
    )
    roles = {q.speaker.name: q.speaker.role for q in doc.quotes if q.speaker}
    assert roles == {"Tom Reyes": "Port Authority Deputy Director", "Lena Ortiz": "the harbor master"}


def test_party_label_after_a_lawmaker_does_not_hide_the_speaker() -> None:
    text = "Harbor News\n\nSen. Lena Ortiz (D-Ore.) told reporters that the bill was “dead on arrival in the House.”"
    assert speaker_of(text, "dead on arrival")[1] == "Sen. Lena Ortiz"


def test_inserted_cue_names_the_speaker() -> None:
    text = "Harbor News\n\nThe board, Ortiz said, called the plan “a waste of money and of time.”"
    assert speaker_of(text, "waste of money")[1] == "Ortiz"


def test_outlet_that_reports_a_quote_is_its_source() -> None:
    text = "Harbor News\n\n“We will win this,” Ortiz said at a rally, according to the Harbor Gazette."
    assert speaker_of(text, "win this")[1] == "the Harbor Gazette"


def test_uncued_quote_after_indirect_speech_in_the_same_paragraph() -> None:
    text = "Harbor News\n\nTom Reyes recalled his first day at the port. “It was dark and cold.”"
    assert speaker_of(text, "dark and cold")[1] == "Tom Reyes"


def test_mention_never_exceeds_the_contract_bound() -> None:
    name = "Lena Ortiz, " + "a long-serving member of the harbor board and " * 4 + "a former ferry captain,"
    doc = body_only(f"Harbor News\n\n{name} said: “We will win this, and soon.”")
    mention = doc.quotes[0].speaker.mention
    assert mention is not None and len(mention.text) <= 100


def test_speakers_list_groups_quotes_by_resolved_name_and_validates() -> None:
    text = (
        "Ferry Service Returns to the Harbor After a Long Winter\n\n"
        "The ferry between the two piers will run again from Monday, the city said on Friday.\n\n"
        "“We start on Monday,” said Lena Ortiz, the harbor master, at a meeting with residents.\n\n"
        "“Nobody will pay more for a ticket this year,” she added after the meeting ended.\n\n"
        "“The pier is safe,” said Tom Reyes, a city engineer who inspected it last week.\n"
    )
    record = newsparse.parse(text).to_dict()
    assert_valid_output(record, text)
    speakers = {s["name"]: s for s in record["speakers"]}
    ortiz = speakers["Lena Ortiz"]
    assert ortiz["role"] == "the harbor master"
    assert [m["text"] for m in ortiz["mentions"]] == ["Lena Ortiz", "she"]
    assert [record["quotes"][i]["text"][:8] for i in ortiz["quotes"]] == ["We start", "Nobody w"]
    assert speakers["Tom Reyes"]["quotes"] == [2]


def test_time_phrase_between_speaker_and_verb_is_skipped() -> None:
    text = "Harbor News\n\nMayor Lena Ortiz on Saturday praised the crews, saying the work was “done with real care.”"
    assert speaker_of(text, "real care")[1] == "Mayor Lena Ortiz"


def test_sentence_subject_with_a_lowercase_role_before_the_name() -> None:
    text = "Harbor News\n\nIndependent harbor commissioner Tom Reyes blasted the plan as “a giveaway to the shipyards.”"
    assert speaker_of(text, "giveaway")[1].endswith("Tom Reyes")


def test_nominal_with_a_name_in_apposition_names_the_person() -> None:
    text = (
        "Harbor News\n\n“The pier stays open,” said the board’s chair, Lena Ortiz.\n\n"
        "The mayor of Dunmore, Tom Reyes, said the ferry was “a lifeline for the island.”"
    )
    assert speaker_of(text, "pier stays open") == ("Lena Ortiz", "the board’s chair, Lena Ortiz")
    assert speaker_of(text, "lifeline")[0] == "Tom Reyes"


def test_pronoun_resolves_to_the_person_last_named_even_if_not_quoted() -> None:
    text = (
        "Harbor News\n\nCaptain Lena Ortiz steered the ferry home.\n\n"
        "Ortiz was calm afterwards. “We knew the channel,” she said."
    )
    assert speaker_of(text, "knew the channel") == ("Lena Ortiz", "she")


def test_statement_resolves_to_who_said_something_in_a_statement() -> None:
    text = (
        "Harbor News\n\nHarbor Terminals said in a statement that talks would resume.\n\n"
        "“Our door remains open,” the statement said."
    )
    assert speaker_of(text, "door remains open") == ("Harbor Terminals", "the statement")


def test_possessive_statement_names_its_owner() -> None:
    text = "Harbor News\n\n“No water was lost,” the department’s statement read."
    assert speaker_of(text, "No water")[0] == "the department"


def test_french_guillemets_with_inner_spaces() -> None:
    assert quoted("« Nous avons tenu nos promesses », a déclaré le maire.") == ["Nous avons tenu nos promesses"]


# --- linear time on long paragraphs --------------------------------------------------------------

def test_a_cue_far_back_in_a_long_paragraph_still_names_a_later_uncued_quote() -> None:
    filler = " ".join(["The ferry ran late again."] * 40)
    text = f"Harbor News\n\nLena Ortiz recalled the storm. {filler} “Nobody slept that night.”"
    assert speaker_of(text, "Nobody slept") == ("Lena Ortiz", "Lena Ortiz")


def test_a_quote_with_no_cue_takes_its_nearest_voiced_neighbour_past_terms() -> None:
    text = "Harbor News\n\n“We are ready,” Lena Ortiz said of the “pier” and the “dock.” “Come and see.”"
    assert speaker_of(text, "Come and see") == ("Lena Ortiz", "Lena Ortiz")


def test_many_single_openers_pair_with_the_first_sure_closer() -> None:
    text = "‘one ‘two the ferries’ pier ‘three,’ she said."
    assert quoted(text) == ["one ‘two the ferries’ pier ‘three,"]


def test_pronoun_takes_the_latest_person_even_when_people_are_met_out_of_order() -> None:
    from newsparse.stages.speaker_names import NameBook

    book = NameBook("Tom Reyes and Lena Ortiz met.")
    book.resolve("Lena Ortiz", 60)
    book.resolve("Tom Reyes", 30)
    assert book.resolve("she", 50) == "Tom Reyes"
    assert book.resolve("she", 70) == "Lena Ortiz"


def test_a_megabyte_like_paragraph_of_quotes_is_read_in_linear_time() -> None:
    from newsparse import batch

    unit = 'He said "yes," and “maybe” or ‘so’ said Doe, "ok" she said. '
    text = unit * 4000  # 240 000 characters, one paragraph, 16 000 quotes
    result = batch.process(batch.Task({"id": 0}, text=text), batch.Options(doc_timeout=8.0))
    assert result.ok, result.record["error"]
    assert len(result.record["quotes"]) >= 12_000


# --- speech verbs --------------------------------------------------------------------------------

def test_a_verb_form_inside_a_name_is_not_a_speech_verb() -> None:
    text = "Harbor News\n\nLena Ortiz told the crowd that the United States should be “a good neighbour.”"
    assert speaker_of(text, "good neighbour") == ("Lena Ortiz", "Lena Ortiz")


def test_a_capitalized_verb_in_a_headline_is_still_a_speech_verb() -> None:
    from newsparse.stages.speakers import is_speech_verb, tokenize

    toks = tokenize("Ortiz Says ‘We Will Win’")
    assert is_speech_verb(toks, 1)
    toks = tokenize("in the United States, officials")
    assert not is_speech_verb(toks, 3)


def test_base_form_of_a_speech_verb_after_a_plural_subject() -> None:
    text = "Harbor News\n\nCritics argue that the new fee is “a quiet tax.”"
    assert kind_of(text, "quiet tax") == "partial"
    assert speaker_of(text, "quiet tax")[1] == "Critics"


def test_a_long_opening_phrase_with_no_comma_is_never_the_speaker() -> None:
    text = (
        "Harbor News\n\nDuring his long visit to the harbor on a cold morning with the whole town council "
        "and the press watching every step the mayor looked “happier than in many years.”"
    )
    assert speaker_of(text, "happier than") == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Harbor News\n\nOrtiz in the past has called the new fee “a quiet tax.”",
        "Harbor News\n\nOrtiz in recent days has called the new fee “a quiet tax.”",
        "Harbor News\n\nOrtiz over the weekend called the new fee “a quiet tax.”",
    ],
)
def test_a_time_phrase_between_the_name_and_the_verb_is_stepped_over(text: str) -> None:
    assert speaker_of(text, "quiet tax")[1] == "Ortiz"


def test_an_adverb_between_commas_before_an_appositive_is_not_the_speaker() -> None:
    text = "Harbor News\n\nOrtiz, meanwhile, who has no such support, said the fee is “a quiet tax.”"
    assert speaker_of(text, "quiet tax")[1] == "Ortiz"


def test_a_sentence_adverb_before_the_subject_is_not_the_speaker() -> None:
    text = "Harbor News\n\nThe board backed the plan. Conversely, Ortiz rated the fee as “a quiet tax.”"
    assert speaker_of(text, "quiet tax")[1] == "Ortiz"


def test_a_time_span_opening_the_sentence_is_not_the_speaker() -> None:
    text = "Harbor News\n\nOrtiz spoke at the dock. A month later, she paid a visit and praised “the brave sailors” there."
    assert speaker_of(text, "brave sailors")[1] == "she"


def test_a_time_phrase_after_a_relative_pronoun_is_stepped_over() -> None:
    text = "Harbor News\n\nOrtiz, who has in the past described the fee as “a quiet tax,” spoke on Monday."
    assert speaker_of(text, "quiet tax")[1] == "who"


@pytest.mark.parametrize(
    "text",
    [
        "Harbor News\n\nThe vote is close. Ortiz said Mayor Lee called the fee “a quiet tax.”",
        "Harbor News\n\nThe vote is close. Ortiz also said that Lee called the fee “a quiet tax.”",
    ],
)
def test_speech_reported_inside_a_report_belongs_to_the_outer_speaker(text: str) -> None:
    assert speaker_of(text, "quiet tax")[1] == "Ortiz"


def test_a_second_clause_after_punctuation_keeps_its_own_speaker() -> None:
    text = "Harbor News\n\nThe vote is close. Ortiz spoke first, and Lee called the fee “a quiet tax.”"
    assert speaker_of(text, "quiet tax")[1] == "Lee"


def test_words_a_speaker_attributes_with_what_belong_to_that_speaker() -> None:
    text = "Harbor News\n\nThe vote is close. The mayor denounced what he called the “quiet tax” plan."
    assert speaker_of(text, "quiet tax")[1] == "The mayor"


def test_a_coordinated_clause_with_its_own_speech_verb_is_no_report() -> None:
    text = "Harbor News\n\nAt the dock, a sailor asked for a photo and Ortiz said, “Only if we stay dry.”"
    assert speaker_of(text, "stay dry")[1] == "Ortiz"


def test_a_report_in_a_participle_clause_belongs_to_the_main_speaker() -> None:
    text = "Harbor News\n\n“We lost the vote,” Ortiz said, adding that they told her the plan had “no money left.”"
    assert speaker_of(text, "no money left")[1] == "Ortiz"


def test_a_closing_cue_followed_by_a_participle_clause_names_the_speaker() -> None:
    text = (
        "Harbor News\n\nThe fee’s “quiet costs” are unfair, Ortiz said Tuesday at the dock, "
        "noting the town had voted twice."
    )
    assert speaker_of(text, "quiet costs")[1] == "Ortiz"


@pytest.mark.parametrize("cue", ["went on", "points out"])
def test_a_verb_with_its_particle_is_a_speech_cue(cue: str) -> None:
    text = f"Harbor News\n\nLee spoke first. “The fee is not going anywhere,” Ortiz {cue}."
    assert speaker_of(text, "going anywhere")[1] == "Ortiz"


# --- finding "a statement by X" / "X issued a statement" only around attribution nouns -------------

ARTIFACT_TEXTS = [
    "A statement from the Harbor Authority came late. The mayor issued a statement on Monday.",
    "The council said in a brief written statement that it would vote.\nA report by the Audit Office (AO) followed.",
    "She released a statement, then another statement by Tom Lee; the ministry put out a report.",
    "No attribution here at all, just a plain sentence about bridges and ferries.",
    "Officials issued a statement5 and the board said in a statement-like note: nothing.",
]


@pytest.mark.parametrize("text", ARTIFACT_TEXTS)
def test_artifacts_match_a_whole_text_scan(text: str) -> None:
    """Matching only around the nouns finds exactly what both patterns find over the whole text."""
    from newsparse.stages.speaker_names import _artifact_patterns, find_artifacts

    by_pattern, issued_pattern, _ = _artifact_patterns()
    by, issued = find_artifacts(text)
    assert [m.span() for m in by] == [m.span() for m in by_pattern.finditer(text)]
    assert [m.span() for m in issued] == [m.span() for m in issued_pattern.finditer(text)]


def test_statement_speaker_resolves_to_its_issuer() -> None:
    from newsparse.stages.speaker_names import find_artifacts

    by, issued = find_artifacts("The ministry issued a statement on Friday.")
    assert by == [] and [m.group() for m in issued] == ["issued a statement"]


def test_particle_verbs_are_the_first_words_of_two_word_speech_verbs() -> None:
    from newsparse import lexicon
    from newsparse.stages.speakers import _particle_verbs

    two_word = [v for v in lexicon.words("speech_verbs") if " " in v]
    assert two_word and all(v.split()[0] in _particle_verbs() for v in two_word)
