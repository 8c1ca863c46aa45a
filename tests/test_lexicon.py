"""The lexicon reader: ``@key:`` word lists sit beside a list's phrases without becoming entries."""

from __future__ import annotations

from newsparse import lexicon


def test_tagged_lines_are_not_entries() -> None:
    for name in ("author_roles", "byline_prefixes", "photo_credits"):
        assert not any(e.startswith("@") for e in lexicon.entries(name)), name


def test_tagged_reads_the_words_of_its_key() -> None:
    assert "reporter" in lexicon.tagged("author_roles", "words")
    assert "getty" in lexicon.tagged("photo_credits", "words")
    assert "文" in lexicon.tagged("byline_prefixes", "cjk")


def test_missing_key_is_empty() -> None:
    assert lexicon.tagged("author_roles", "no_such_key") == frozenset()
