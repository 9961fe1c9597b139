"""Spun text: originals swapped for the phrases an article spinner writes.

The swaps come from the ``repair`` tier of textclean's shipped lexicon
(`textclean.repair.lexicon.builtin_entries`), read backwards: wherever a
text holds an entry's original ("law enforcement"), the entry's phrase
("legal reasons enforcement") may replace it. The truth is the text before
the swaps, and each swap is a labelled span of the dirty text.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import strategies as st

from ..patterns import Pattern
from .prose import articles
from .truth import Dirty, Span

__all__ = ["restore_case", "spin_sites", "spun"]


@lru_cache(maxsize=1)
def _originals() -> tuple[Pattern, dict[str, tuple[tuple[str, str], ...]]]:
    """One pattern for every original, and original key -> (phrase, case) choices."""
    import regex

    from ..repair.lexicon import builtin_entries, normalize

    choices: dict[str, list[tuple[str, str]]] = {}
    for entry in builtin_entries():
        if entry.tier != "repair" or entry.phrase.lower() == entry.replacement.lower():
            continue  # capitalisation fixes are not spinning
        key = normalize(entry.replacement, entry.case)
        choices.setdefault(key, []).append((entry.phrase, entry.case))
    words = sorted({k.lower() for k in choices}, key=lambda k: (-len(k), k))
    body = "|".join(r"\s+".join(regex.escape(w) for w in k.split()) for k in words)
    pattern = Pattern(rf"(?<![\w'’-])(?:{body})(?![\w-])", regex.IGNORECASE, step="testing")
    return pattern, {k: tuple(sorted(set(v))) for k, v in choices.items()}


def restore_case(found: str, replacement: str) -> str:
    """The capitalisation a repair gives ``replacement`` when it replaces ``found``.

    >>> restore_case("Such as for instance", "such as")
    'Such as'
    >>> restore_case("Counterfeit Consciousness", "artificial intelligence")
    'Artificial Intelligence'
    """
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    words = found.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
    return replacement[:1].upper() + replacement[1:] if found[:1].isupper() else replacement


def spin_sites(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Where ``text`` holds an original, and the spun phrases that would round-trip there.

    A phrase round-trips when repairing it restores the original exactly,
    capitalisation included.

    >>> [(text[s:e], "legal reasons enforcement" in ps)
    ...  for text in ["Ask law enforcement."] for s, e, ps in spin_sites(text)]
    [('law enforcement', True)]
    """
    from ..repair.lexicon import normalize

    pattern, choices = _originals()
    sites = []
    for match in pattern.finditer(text):
        found = match.group()
        phrases = []
        for key in {normalize(found, "exact"), normalize(found)}:
            for phrase, case in choices.get(key, ()):
                if case == "exact" and " ".join(found.split()) != key:
                    continue
                spun_text = phrase if case == "exact" else restore_case(found, phrase)
                if case == "exact" or restore_case(spun_text, key) == " ".join(found.split()):
                    phrases.append(spun_text)
        if phrases:
            sites.append((match.start(), match.end(), tuple(sorted(set(phrases)))))
    return sites


@st.composite
def _spun(draw: st.DrawFn, text: st.SearchStrategy[str], max_spins: int) -> Dirty:
    clean = draw(text)
    sites = spin_sites(clean)
    if not sites:
        return Dirty(clean, clean, facts={"spins": 0})
    picked = draw(
        st.lists(st.sampled_from(range(len(sites))), min_size=1, max_size=max_spins, unique=True)
    )
    out, spans, pos = [], [], 0
    for index in sorted(picked):
        start, end, phrases = sites[index]
        phrase = draw(st.sampled_from(phrases))
        out.append(clean[pos:start])
        at = sum(map(len, out))
        out.append(phrase)
        spans.append(Span(at, at + len(phrase), "spun"))
        pos = end
    out.append(clean[pos:])
    return Dirty("".join(out), clean, tuple(spans), {"spins": len(spans)})


def spun(
    text: str | st.SearchStrategy[str] | None = None, *, max_spins: int = 5
) -> st.SearchStrategy[Dirty]:
    """``text`` (default `articles()`) with up to ``max_spins`` originals spun.

    A text holding no original of the lexicon comes back unchanged
    (``facts["spins"] == 0``); filter with ``.filter(lambda d: d.changed)``
    or ``assume`` where a test needs damage.

    >>> from hypothesis import find
    >>> d = find(spun("Police, such as state troopers, came."), lambda d: d.changed)
    >>> d.labelled("spun")[0].lower().startswith("such as")
    True
    """
    source = articles() if text is None else text
    strategy = st.just(source) if isinstance(source, str) else source
    return _spun(strategy, max(1, max_spins))
