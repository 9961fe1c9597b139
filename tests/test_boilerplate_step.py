"""The boilerplate step and the template stage: modes, records, config, determinism."""

from __future__ import annotations

import pickle

import pytest

from textclean import registry
from textclean.boilerplate.step import Boilerplate
from textclean.boilerplate.templates import BoilerplateTemplates, source_of
from textclean.changes import apply_changes
from textclean.document import Document
from textclean.errors import ConfigError
from textclean.pipeline import Pipeline

PAGE = (
    "Council backs bus plan\n\nShare on Facebook\nShare on Twitter\n\n"
    "The council voted on Tuesday to extend the bus network into the northern suburbs by 2026.\n\n"
    "Advertisement\n\n“We waited long enough,” one resident said.\n\n© 2021 Valley News. All rights reserved."
)


def test_registered_in_the_default_pipeline_at_40():
    info = registry.get("boilerplate")
    assert info.default == 40 and info.cls is Boilerplate
    assert registry.get("boilerplate_templates").default is None


def test_remove_mode_records_replayable_changes_with_kind_and_reason():
    result = Boilerplate().process(Document("d", PAGE))
    assert apply_changes(PAGE, result.changes) == result.output.text
    kinds = {c.kind for c in result.changes}
    assert kinds == {"boilerplate:share", "boilerplate:advertising", "boilerplate:legal"}
    assert all(c.reason for c in result.changes)
    assert result.output.record["boilerplate_removed"] == {"advertising": 1, "legal": 1, "share": 2}
    assert "“We waited long enough,” one resident said." in result.output.text


def test_annotate_mode_lists_spans_and_leaves_text():
    out = Boilerplate(mode="annotate")(Document("d", PAGE))
    assert out.text == PAGE
    spans = out.record["boilerplate"]
    assert [s["category"] for s in spans] == ["share", "share", "advertising", "legal"]
    assert all(PAGE[s["start"] : s["end"]] == s["text"] for s in spans)


def test_explain_shows_each_cut_with_category_and_reason():
    report = str(Pipeline([Boilerplate()]).explain(Document("d", PAGE)))
    assert "boilerplate:share" in report and "share_button (line)" in report


def test_user_keywords_patterns_and_kept_categories():
    step = registry.create(
        "boilerplate",
        keywords={"promo": ["Download our app"]},
        patterns=[{"category": "promo", "pattern": r"^get the app$", "reason": "app_pitch"}],
        keep_categories=["legal"],
    )
    text = "Get the app\nThe council met on Tuesday.\nDownload our app today\nPrivacy Policy"
    result = step.process(Document("d", text))
    assert result.output.text == "The council met on Tuesday.\nPrivacy Policy"
    assert [c.reason.split()[0] for c in result.changes] == [
        "app_pitch",
        "keyword_download_our_app",
    ]


@pytest.mark.parametrize(
    "options",
    [{"mode": "delete"}, {"patterns": [{"category": "x", "pattern": "("}]}, {"patterns": ["nope"]}],
)
def test_bad_options_fail_when_the_step_is_built(options):
    with pytest.raises(ConfigError):
        registry.create("boilerplate", **options)


def test_step_pickles():
    step = Boilerplate(keywords={"promo": ["Get the app"]})
    clone = pickle.loads(pickle.dumps(step))
    assert clone(Document("d", "Get the app\nText.")).text == "Text."


def _site_docs(host: str, n: int) -> list[Document]:
    topics = ["buses", "floods", "schools", "taxes", "parks", "bridges", "housing", "trains"]
    return [
        Document(
            f"{host}-{i}",
            f"Story about {topics[i]}\nThe council discussed {topics[i]} at length. "
            "Lea también nuestras otras noticias en la web.\nVisit the shop for mugs and more\n"
            "“We will not stop until the job is done,” the mayor said.",
            {"url": f"https://www.{host}/story/{i}"},
        )
        for i in range(n)
    ]


def test_templates_remove_what_one_source_repeats_and_leave_other_sources_alone():
    # A quote on every page of a site whose pages share nothing else is that
    # site's furniture; the one other source quoting it keeps it.
    quote = "“We will not stop until the job is done,” the mayor said."
    other = Document("b", f"Mayor vows to finish the job\n{quote}", {"url": "https://b.example/1"})
    docs = _site_docs("a.example", 6) + [other]
    out = list(BoilerplateTemplates().pipe(docs))
    first = out[0].text
    assert "Visit the shop" not in first and "Lea también" not in first
    assert "The council discussed buses at length." in first
    assert quote not in first
    assert out[-1].text == docs[-1].text  # one page of its source, two sources: nothing to learn


def test_templates_do_not_depend_on_input_order():
    docs = _site_docs("a.example", 5) + _site_docs("b.example", 4)
    forward = {d.id: d.text for d in BoilerplateTemplates().pipe(docs)}
    backward = {d.id: d.text for d in BoilerplateTemplates().pipe(reversed(docs))}
    assert forward == backward


def test_source_is_the_host_or_the_directory():
    assert source_of(Document("1", "", {"url": "https://www.example.com/a"})) == "example.com"
    assert source_of(Document("1", "", {"source": "crawl/site/page.txt"})) == "crawl/site"
    assert source_of(Document("1", "", {"site": "x"}), source_field="site") == "x"


def test_a_quote_repeated_only_within_one_source_is_template_text():
    out = list(BoilerplateTemplates().pipe(_site_docs("a.example", 6)))
    assert "the mayor said" not in out[0].text
    assert "The council discussed buses at length." in out[0].text


@pytest.mark.parametrize("kept", [["bylines"], ["byline", "Byline"]])
def test_a_kept_category_no_rule_or_model_gives_is_refused(kept):
    with pytest.raises(ConfigError, match="keep_categories names .* which no rule or model gives"):
        Boilerplate(keep_categories=kept, model=False)


def test_kept_categories_may_be_built_in_model_or_the_users_own():
    Boilerplate(keep_categories=["byline", "widget", "duplicate"])
    page = "The storm knocked out power overnight.\nPlay the crossword\nCrews worked until morning."
    step = Boilerplate(keywords={"promo": ["Play the crossword"]}, keep_categories=["promo"])
    assert step(Document("a", page)).text == page


def test_a_category_a_built_in_rule_gives_may_be_kept_without_the_model():
    # 'widget' is also a rule's category (script residue), so the rules alone keep it.
    page = "The storm knocked out power.\n(adsbygoogle = window.adsbygoogle || []).push({});"
    assert (
        Boilerplate(model=False)(Document("a", page)).text.strip() == "The storm knocked out power."
    )
    step = Boilerplate(keep_categories=["widget"], model=False)
    assert step(Document("a", page)).text == page


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ({"category": "promo", "pattern": "^Sponsored$", "max_word": 3}, "'max_word'"),
        ({"category": "promo", "pattern": "^Sponsored$", "colour": "red"}, "'colour'"),
        (["promo", "^Sponsored$", "user_promo", 0], "max_words"),
        (["promo", "^Sponsored$", "user_promo", -5], "max_words"),
        ({"category": "promo", "pattern": "^Sponsored$", "max_words": "x"}, "max_words"),
    ],
)
def test_a_mistake_in_a_user_pattern_is_refused_naming_it(pattern, says):
    """A misspelt key or a length cap below one word would leave the pattern
    silently doing nothing."""
    with pytest.raises(ConfigError, match=says):
        registry.create("boilerplate", patterns=[pattern])
