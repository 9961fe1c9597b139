"""`DedupSettings` built in Python holds values of its fields' types, as a config must;
the keep policies say what they cannot rank, and `none` reports each copy truly."""

from __future__ import annotations

import pytest

from textclean import ConfigError
from textclean.dedup.settings import DedupSettings


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"threshold": "0.8"}, "threshold must be a number between 0 and 1, not '0.8'"),
        ({"seed": -1}, "seed must be a whole number of at least 0, not -1"),
        ({"num_perm": 64.5}, "num_perm must be a whole number"),
        ({"spin_robust": "yes"}, "spin_robust must be true or false"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_naming_the_option(options, says):
    with pytest.raises(ConfigError, match=says):
        DedupSettings(**options)


def test_numbers_computed_with_numpy_and_paths_as_paths_are_accepted(tmp_path):
    import numpy as np

    from textclean import Pipeline
    from textclean.dedup.stage import NearDedup

    settings = DedupSettings(threshold=np.float32(0.75), seed=np.int64(2), num_perm=64)
    assert (float(settings.threshold), int(settings.seed), settings.num_perm) == (0.75, 2, 64)
    stage = NearDedup(index=tmp_path / "idx", clusters=tmp_path / "clusters.jsonl")
    assert Pipeline([stage]).steps[0][1] is stage


def _docs(values: list[object], field: str) -> list:
    from textclean import Document

    return [Document(f"d{i}", "same text", {field: v}) for i, v in enumerate(values)]


def test_a_score_field_that_is_not_a_number_is_named_in_a_warning():
    from textclean.dedup.keep import choose
    from textclean.errors import TextcleanWarning

    docs = _docs([{"prose_share": 0.9}, {"prose_share": 0.1}], "quality")
    with pytest.warns(TextcleanWarning, match="'quality' holds dict values, not numbers"):
        assert choose(docs, [0, 1], "quality", rank=[0, 1]) == 0
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert choose(_docs([0.2, 0.9], "quality"), [0, 1], "quality", rank=[0, 1]) == 1


def test_dates_written_as_numbers_and_as_text_are_named_in_a_warning():
    from textclean.dedup.keep import choose
    from textclean.errors import TextcleanWarning

    with pytest.warns(TextcleanWarning, match="numbers and text"):
        choose(_docs(["2024-01-05", 20240301], "date"), [0, 1], "newest", rank=[0, 1])


def test_keep_none_reports_the_first_copy_as_near_not_as_an_exact_copy_of_itself():
    from textclean import Document
    from textclean.dedup.stage import deduplicate

    base = "The city council voted on Monday to close the old bridge for repairs next spring, "
    docs = [
        Document("a", base + "after an inspection found cracks in two of its supports."),
        Document("b", base + "after an inspection found cracks in three of its supports."),
    ]
    outcomes = list(deduplicate(docs, DedupSettings(threshold=0.6, keep="none")))
    reasons = {o.doc.id: o.reason for o in outcomes}
    assert reasons == {"a": "near_duplicate", "b": "near_duplicate"}
    first = next(o.doc for o in outcomes if o.doc.id == "a").annotations
    assert 0.6 <= first["similarity"] < 1.0
    twins = [Document("a", base), Document("b", base)]
    assert {o.reason for o in deduplicate(twins, DedupSettings(keep="none"))} == {"exact_duplicate"}
