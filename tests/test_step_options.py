"""Step options are checked against their declared types and ranges when a step
is built from a config or a ``--steps`` spec, and the error names both."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields

import pytest

from textclean import registry
from textclean.config import pipeline_from_config, pipeline_from_steps
from textclean.errors import ConfigError


def _options():
    for name, info in registry.available().items():
        for f in fields(info.cls):
            if f.init and not f.name.startswith("_") and f.type != "Any":
                yield name, f


def _wrong_kind(type_text: str) -> object:
    """A value of another kind than the annotation allows."""
    takes_text = "str" in type_text.replace("tuple[str", "").replace("list[str", "")
    takes_text = takes_text or "Literal" in type_text
    return 1.5 if takes_text and "float" not in type_text else "x"


@pytest.mark.parametrize(("name", "f"), list(_options()), ids=lambda v: getattr(v, "name", v))
def test_a_value_of_the_wrong_kind_is_refused_naming_step_and_option(name, f):
    value = _wrong_kind(f.type)
    with pytest.raises(ConfigError, match=rf"step '{name}': {f.name} must be .*, not {value!r}"):
        registry.create(name, **{f.name: value})


def test_every_declared_range_is_enforced_at_both_ends():
    checked = 0
    for name, f in _options():
        low, high = f.metadata.get("range", (None, None))
        for bad in (low - 1 if low is not None else None, high + 1 if high is not None else None):
            if bad is None:
                continue
            with pytest.raises(ConfigError, match=rf"step '{name}': {f.name} must be"):
                registry.create(name, **{f.name: bad})
            checked += 1
    assert checked > 30


def test_every_step_still_builds_with_its_defaults():
    for name in registry.available():
        if name == "language":
            registry.create(name, keep=["en"])
        else:
            registry.create_default(name)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("language(min_prob=x)", "step 'language': min_prob must be a number between 0 and 1, not 'x'"),
        ("passages(min_words=1.5)", "step 'passages': min_words must be a whole number of at least 1, not 1.5"),
        ("passages(bands=0)", "step 'passages': bands must be a whole number of at least 1, not 0"),
        ("near_dedup(unit=chars)", "step 'near_dedup': unit must be one of 'word', 'char', not 'chars'"),
        ("fix_spun(context_min_repairs=-1)", "context_min_repairs must be a whole number of at least 0"),
        ("language(backend=x)", "step 'language': backend must be one of langdetect, langid"),
        ("boilerplate(mode=strip)", "steps[0]: boilerplate: mode must be one of remove, annotate"),
    ],
)  # fmt: skip
def test_a_wrong_value_on_the_command_line_gets_a_message_not_a_traceback(spec, message):
    with pytest.raises(ConfigError) as caught:
        pipeline_from_steps(spec)
    assert message in str(caught.value)


def test_the_cli_reports_a_wrong_option_value_without_a_traceback(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Some words."}\n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "textclean", "clean", str(src), "-o", str(tmp_path / "o.jsonl")]
        + ["--steps", "language(min_prob=x)"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "step 'language': min_prob must be a number between 0 and 1, not 'x'" in proc.stderr


def test_values_of_the_right_kind_are_kept_as_given():
    pipeline = pipeline_from_config(
        {"steps": [{"name": "passages", "min_words": 12, "threshold": 1}]}
    )
    stage = pipeline.steps[0][1]
    assert (stage.min_words, stage.threshold) == (12, 1)
