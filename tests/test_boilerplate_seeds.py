"""The five shared seed articles: every named piece of debris goes, every other sentence stays."""

from __future__ import annotations

import pytest

from textclean.boilerplate import strip_boilerplate
from textclean.segment import split_sentences

#: Debris named in the issue, per seed (prefix of the file name), as it appears in the text.
DEBRIS = {
    "000": ["____", "O’Brien reported from Providence, Rhode Island."],
    "001": [
        "Share on facebook",
        "Share on twitter",
        "Share on linkedin",
        "Share on email",
        "[Image – CC BY 2.0 EFF Photos]",
        "Brendyn Lotz",
        "His interests include SMEs",
    ],
    "002": [
        "The most important news stories of the day, curated by Post editors and delivered every morning.",
        "By signing up you agree to our Terms of Use and Privacy\xa0Policy",
        "Last modified on Fri 12 Jun 2020 12.13 BST",
        "curated by Post editors and delivered every morning",
    ],
    "003": ["Read time 3min 50sec", "Login with"],
    "004": [" date 2020-06-11"],
}
#: Debris glued to the front of a content line.
PREFIX_DEBRIS = {"004": "date 2020-06-11"}
#: Content glued to debris in seed 002 that must survive the cut.
GLUED_CONTENT = [
    "IBM said it will get out of the facial-recognition business.",
    "Company has stated its support for Black Lives Matter movement, but faced growing backlash over ties to policing.",
]


def _seed(seeds: dict[str, str], prefix: str) -> str:
    (text,) = [t for name, t in seeds.items() if name.startswith(prefix)]
    return text


@pytest.mark.parametrize("prefix", sorted(DEBRIS))
def test_named_debris_is_removed(seeds, prefix):
    text = _seed(seeds, prefix)
    out = strip_boilerplate(text)
    for item in DEBRIS[prefix]:
        assert item in text, f"fixture out of date: {item!r} not in seed {prefix}"
        assert item not in out, f"seed {prefix}: {item!r} survived"


@pytest.mark.parametrize("prefix", sorted(DEBRIS))
def test_every_other_sentence_stays(seeds, prefix):
    text = _seed(seeds, prefix)
    out = strip_boilerplate(text)
    for sentence in split_sentences(text):
        rest = sentence.text
        stamp = PREFIX_DEBRIS.get(
            prefix, ""
        )  # a stamp glued before a headline goes, not the headline
        if stamp and rest.startswith(stamp):
            rest = rest[len(stamp) :].strip()
        if any(d in rest or rest in d for d in DEBRIS[prefix]):
            continue  # debris itself, or glued to it (see test_content_glued_to_debris_stays)
        assert rest in out, f"seed {prefix}: lost {rest!r}"


def test_content_glued_to_debris_stays(seeds):
    out = strip_boilerplate(_seed(seeds, "002"))
    for content in GLUED_CONTENT:
        assert content in out


@pytest.mark.parametrize(
    "prefix, kept",
    [
        ("001", "Amazon won’t let police use its facial recognition tech for a year"),
        ("003", "Microsoft, IBM, Amazon ban facial recognition tech sales to police"),
        (
            "004",
            "Amazon is issuing a one-year moratorium on the use of its facial recognition technology",
        ),
        ("004", "Long missing the mark?"),
    ],
)
def test_headlines_and_subheadings_stay(seeds, prefix, kept):
    assert kept in strip_boilerplate(_seed(seeds, prefix))
