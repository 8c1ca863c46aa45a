"""Properties over arbitrary text: never crash, always schema-valid, every span slices back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse

from conftest import assert_valid_output

# Text built from the characters that matter to the stages, so that hypothesis finds the edges fast.
PIECES = list("abcXYZ .,:;!?\n\r\t\"'“”‘’«»—-0123456789") + [
    "said ", "By ", "Feb. ", "2024", "\u00a0", "\ufeff", "Mr. ", "last week", "Updated:", "0:00", "AP Photo/",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=150).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY, st.sampled_from([None, "2024-02-07"]))
def test_newsy_text_parses_validly(text: str, ref: str | None) -> None:
    assert_valid_output(newsparse.parse(text, reference_date=ref).to_dict(), text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_validly(text: str) -> None:
    assert_valid_output(newsparse.parse(text).to_dict(), text)
