"""Change records replay exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.changes import Change, ChangeReplayError, apply_changes, diff_changes


@given(st.text(max_size=60), st.text(max_size=60))
def test_derived_changes_replay_to_the_new_text(before, after):
    assert apply_changes(before, diff_changes(before, after, "edit")) == after


def test_a_change_that_does_not_fit_is_refused():
    with pytest.raises(ChangeReplayError, match="expects 'x'"):
        apply_changes("abc", [Change("k", 0, 1, "x", "y")])
