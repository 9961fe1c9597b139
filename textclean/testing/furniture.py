"""Page furniture inserted into an article: share bars, sign-up boxes, legal lines, bylines.

Scrapers keep whatever the page template put around the story. The lines
here are typical of news sites (in English, with some German, French and
Spanish), filled with drawn names, dates and outlets, and inserted where
templates put them: above the story, between paragraphs, below it, or as a
sentence glued to the end of a paragraph. The truth is the article as it
was and a labelled span, per insertion, of the category of furniture.
"""

from __future__ import annotations

from hypothesis import strategies as st

from .prose import articles
from .truth import Dirty, Span

__all__ = ["CATEGORIES", "LINES", "SENTENCES", "with_boilerplate"]

NAMES = (
    "Maria Keller",
    "James O’Neill",
    "Aiko Tanaka",
    "Luis Ortega",
    "Sophie Martin",
    "Daniel Reyes",
)
OUTLETS = ("The Daily Ledger", "Harbour Times", "Northern Post", "Metro Herald")
AGENCIES = ("Reuters", "AP", "AFP", "Getty Images", "dpa")
MONTHS = ("January", "March", "June", "September", "November")

#: Standalone furniture lines by category; ``{name}``, ``{outlet}``, ``{agency}``,
#: ``{month}``, ``{day}``, ``{year}``, ``{hour}`` and ``{minute}`` are filled when drawn.
LINES: dict[str, tuple[str, ...]] = {
    "share": (
        "Share on Facebook",
        "Share on Twitter",
        "Share this article",
        "Share via Email",
        "Facebook Twitter LinkedIn WhatsApp Email",
        "Auf Facebook teilen",
        "Partager sur Facebook",
    ),
    "newsletter": (
        "Sign up for our daily newsletter",
        "Subscribe to our newsletter",
        "Get the latest headlines delivered to your inbox every morning.",
        "Jetzt den Newsletter abonnieren",
        "Suscríbete a nuestro boletín",
    ),
    "account": (
        "Log in",
        "Already a subscriber? Log in",
        "Create a free account to continue reading",
        "Sign in with Google",
    ),
    "legal": (
        "© {year} {outlet}. All rights reserved.",
        "Copyright {year} {outlet}. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "By signing up you agree to our Terms of Use and Privacy Policy.",
        "Alle Rechte vorbehalten.",
    ),
    "byline": (
        "By {name}",
        "By {name}, {outlet}",
        "Written by {name}",
        "Von {name}",
        "Par {name}",
    ),
    "caption": (
        "Photo: {agency}",
        "Image: {name}/{agency}",
        "(Photo by {name}/{agency})",
        "Photograph: {agency}",
        "Foto: {agency}",
    ),
    "timestamp": (
        "Published {month} {day}, {year}",
        "Updated {month} {day}, {year} {hour}:{minute}",
        "{day} {month} {year}, {hour}:{minute}",
        "Last modified on {day} {month} {year} {hour}.{minute} BST",
        "Publié le {day}/0{hour_short}/{year}",
    ),
    "advertising": (
        "Advertisement",
        "ADVERTISEMENT",
        "Sponsored content",
        "Anzeige",
        "Publicidad",
    ),
    "navigation": (
        "Home » News » Local",
        "Read more:",
        "Related articles",
        "Back to top",
        "Next article",
    ),
}

#: Furniture written as a sentence and glued to the end of a paragraph.
SENTENCES: dict[str, tuple[str, ...]] = {
    "newsletter": (
        "Sign up for our newsletter to get stories like this in your inbox.",
        "Subscribe to our daily newsletter for more local news.",
    ),
    "share": ("Share this story on Facebook and Twitter.",),
    "account": ("Log in or create an account to keep reading.",),
    "legal": ("All rights reserved.",),
}

CATEGORIES = tuple(sorted(LINES))

#: Where a template puts each category when it is a line of its own.
TOP = ("byline", "timestamp", "share", "navigation", "caption")
MIDDLE = ("caption", "advertising", "newsletter", "share", "navigation")
BOTTOM = ("share", "newsletter", "legal", "account", "navigation", "byline")


@st.composite
def _filled(draw: st.DrawFn, template: str) -> str:
    return template.format(
        name=draw(st.sampled_from(NAMES)),
        outlet=draw(st.sampled_from(OUTLETS)),
        agency=draw(st.sampled_from(AGENCIES)),
        month=draw(st.sampled_from(MONTHS)),
        day=draw(st.integers(1, 28)),
        year=draw(st.integers(2015, 2025)),
        hour=draw(st.integers(10, 23)),
        hour_short=draw(st.integers(1, 9)),
        minute=f"{draw(st.integers(0, 59)):02d}",
    )


@st.composite
def _line(draw: st.DrawFn, categories: tuple[str, ...]) -> tuple[str, str]:
    category = draw(st.sampled_from(categories))
    return category, draw(_filled(draw(st.sampled_from(LINES[category]))))


@st.composite
def _with_boilerplate(
    draw: st.DrawFn, text: st.SearchStrategy[str], max_lines: int, sentences: bool
) -> Dirty:
    clean = draw(text)
    lines = clean.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    glued: dict[int, tuple[str, str]] = {}
    if sentences and content and draw(st.booleans()):
        category = draw(st.sampled_from(sorted(SENTENCES)))
        glued[draw(st.sampled_from(content))] = (
            category,
            draw(st.sampled_from(SENTENCES[category])),
        )
    before: dict[int, list[tuple[str, str]]] = {}
    for _ in range(draw(st.integers(0 if glued else 1, max_lines))):
        slot = draw(st.integers(0, len(lines)))
        where = TOP if slot == 0 else BOTTOM if slot == len(lines) else MIDDLE
        before.setdefault(slot, []).append(draw(_line(where)))
    # Each output line: (text, [(offset in line, length, category, scope)]).
    rows: list[tuple[str, list[tuple[int, int, str, str]]]] = []
    for slot in range(len(lines) + 1):
        rows += [
            (line, [(0, len(line), category, "line")]) for category, line in before.get(slot, [])
        ]
        if slot == len(lines):
            break
        if slot in glued:
            category, sentence = glued[slot]
            at = len(lines[slot]) + 1
            rows.append((f"{lines[slot]} {sentence}", [(at, len(sentence), category, "sentence")]))
        else:
            rows.append((lines[slot], []))
    spans: list[Span] = []
    scopes: list[str] = []
    pos = 0
    for line, marks in rows:
        for offset, length, category, scope in marks:
            spans.append(Span(pos + offset, pos + offset + length, category))
            scopes.append(scope)
        pos += len(line) + 1
    dirty = "\n".join(line for line, _ in rows)
    return Dirty(dirty, clean, tuple(spans), {"scopes": tuple(scopes)})


def with_boilerplate(
    article: str | st.SearchStrategy[str] | None = None,
    *,
    max_lines: int = 4,
    sentences: bool = True,
) -> st.SearchStrategy[Dirty]:
    """``article`` (default `articles()`) with furniture lines (and a glued sentence) added.

    Each insertion is a `Span` labelled with its category (share, newsletter,
    account, legal, byline, caption, timestamp, advertising, navigation);
    ``facts["scopes"]`` says, span by span, whether it is a ``line`` of its
    own or a ``sentence`` glued to a paragraph. At least one insertion is made.

    >>> from hypothesis import find
    >>> d = find(with_boilerplate("Body one.\\nBody two."), lambda d: len(d.spans) == 1)
    >>> [s.label in CATEGORIES for s in d.spans], "Body one." in d.text
    ([True], True)
    """
    source = articles() if article is None else article
    strategy = st.just(source) if isinstance(source, str) else source
    return _with_boilerplate(strategy, max(1, max_lines), sentences)
