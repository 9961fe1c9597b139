"""The spun-phrase lexicon: entries, tiers, user additions, and one fast matcher.

An entry maps a phrase an article spinner produces ("for legal reasons
enforcement") to the phrase it replaced ("law enforcement"). Its tier says
what may be done with it:

* ``repair`` — never correct English, so it is rewritten;
* ``signal`` — can be correct English ("men and women"), so it is only
  counted as evidence of spinning.

The shipped list is ``textclean/data/spun_lexicon.tsv`` (its header names the
sources). Users add or override entries with TSV files of the same format or
with inline lines (`parse_inline`); a later entry replaces an earlier one with
the same phrase. All phrases are matched by a single regular expression built
from a word trie, so a document is scanned once whatever the lexicon size.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ahocorasick_rs import AhoCorasick, Implementation

from ..char_map import CharMap
from ..errors import ConfigError
from ..patterns import Pattern
from ..per_text import per_text
from ..phrase_search import find_matches
from .phrase_match import PhraseMatch

TIERS = ("repair", "signal")
CASES = ("fold", "exact")
COLUMNS = ("phrase", "replacement", "tier", "case", "source", "papers")


@dataclass(frozen=True, slots=True)
class Entry:
    """One spun phrase, what it replaced, and what may be done with it."""

    phrase: str
    replacement: str
    tier: str
    case: str = "fold"
    source: str = "user"
    papers: int = 0

    @property
    def key(self) -> str:
        """The identity of the phrase: whitespace collapsed, case folded unless exact."""
        return normalize(self.phrase, self.case)


@lru_cache(maxsize=1 << 16)
def normalize(phrase: str, case: str = "fold") -> str:
    """Collapse whitespace (and fold case for ``fold`` entries) to look a match up.

    Cached: an entry's `Entry.key` is asked for many times as the lexicon loads.

    >>> normalize("Such  as\\nfor Instance")
    'such as for instance'
    """
    text = " ".join(phrase.replace("’", "'").split())
    return text.lower() if case == "fold" else text


def check_entry(entry: Entry, where: str = "entry") -> Entry:
    """Return ``entry`` if well formed, else raise a `ConfigError` naming ``where``."""
    problem = ""
    if entry.tier not in TIERS:
        problem = f"tier {entry.tier!r} is not one of {TIERS}"
    elif entry.case not in CASES:
        problem = f"case {entry.case!r} is not one of {CASES}"
    elif not any(ch.isalnum() for ch in entry.phrase) or entry.phrase != entry.phrase.strip():
        problem = f"phrase {entry.phrase!r} must have a word and no outer spaces"
    elif any(ch in entry.phrase + entry.replacement for ch in "\t\n\r"):
        problem = "phrase and replacement may not hold tabs or line breaks"
    elif entry.tier == "repair" and not entry.replacement.strip():
        problem = f"repair entry {entry.phrase!r} needs a replacement"
    elif entry.tier == "repair" and normalize(entry.replacement, entry.case) == entry.key:
        problem = f"repair entry {entry.phrase!r} would replace the phrase with itself"
    if problem:
        raise ConfigError(f"{where}: {problem}")
    return entry


def parse_tsv(text: str, origin: str = "lexicon") -> list[Entry]:
    """Entries from TSV text: ``phrase, replacement, tier[, case, source, papers]``.

    Lines starting with ``#`` and the column header are skipped.

    >>> parse_tsv("# demo\\nyoung ones\\tchildren\\tsignal\\n")[0].tier
    'signal'
    """
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if tuple(cells[: len(COLUMNS)]) == COLUMNS[: len(cells)]:
            continue
        if not 3 <= len(cells) <= len(COLUMNS):
            raise ConfigError(f"{origin}:{number}: expected 3 to 6 tab-separated columns {COLUMNS}")
        phrase, replacement, tier, *rest = cells
        case = rest[0] if rest else "fold"
        source = rest[1] if len(rest) > 1 else "user"
        try:
            papers = int(rest[2]) if len(rest) > 2 and rest[2] not in ("", "-") else 0
        except ValueError:
            raise ConfigError(f"{origin}:{number}: papers must be a number") from None
        out.append(
            check_entry(
                Entry(phrase, replacement, tier, case, source, papers), f"{origin}:{number}"
            )
        )
    return out


def parse_inline(line: str) -> Entry | str:
    """One config line: ``"repair: A -> B"``, ``"signal: A"`` or ``"off: A"``.

    ``off`` removes a phrase (returned as its key). Prefix ``exact`` to the
    tier (``"exact repair: united kingdom -> United Kingdom"``) to match case.

    >>> parse_inline("repair: continue steadily to -> continue to")
    Entry(phrase='continue steadily to', replacement='continue to', tier='repair', case='fold', source='config', papers=0)
    >>> parse_inline("off: men and women")
    'men and women'
    """
    head, sep, body = line.partition(":")
    words = head.split()
    if (
        not sep
        or not words
        or words[-1] not in (*TIERS, "off")
        or words[:-1] not in ([], ["exact"])
    ):
        raise ConfigError(
            f"lexicon entry {line!r}: write 'repair: A -> B', 'signal: A' or 'off: A'"
        )
    case = "exact" if words[:-1] else "fold"
    phrase, _, replacement = (part.strip() for part in body.partition("->"))
    if words[-1] == "off":
        return normalize(phrase, case)
    return check_entry(
        Entry(phrase, replacement, words[-1], case, "config"), f"lexicon entry {line!r}"
    )


@lru_cache(maxsize=1)
def builtin_entries() -> tuple[Entry, ...]:
    """The entries shipped in ``textclean/data/spun_lexicon.tsv``."""
    data = resources.files("textclean").joinpath("data/spun_lexicon.tsv")
    return tuple(parse_tsv(data.read_text(encoding="utf-8"), "spun_lexicon.tsv"))


class Lexicon:
    """Entries by key, and a matcher per tier selection.

    Matching has two stages so a clean document costs little more than a
    split: every phrase is filed under one *anchor*, its longest word; a
    document's distinct words are intersected with the anchors, and only the
    phrases of the anchors present are searched, with small trie-built
    patterns compiled on first need.
    """

    def __init__(self, entries: list[Entry]):
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.key] = entry
        self._matchers: dict[tuple[str, ...], _Matcher] = {}
        self._context: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, matched: str) -> Entry | None:
        """The entry a matched span belongs to (exact-case entries first)."""
        entry = self.entries.get(normalize(matched, "exact"))
        if entry is not None and entry.case == "exact":
            return entry
        entry = self.entries.get(normalize(matched))
        return entry if entry is not None and entry.case == "fold" else None

    @property
    def context_keys(self) -> frozenset[str]:
        """Signal phrases rewritten in a clearly spun document (the ``context`` selection).

        A signal is left out when it has no replacement or is itself the
        correct phrase of some entry: writers use it, so even a spun
        document may hold it as written.
        """
        if self._context is None:
            correct = {normalize(e.replacement) for e in self.entries.values() if e.replacement}
            self._context = frozenset(
                e.key
                for e in self.entries.values()
                if e.tier == "signal"
                and e.replacement
                and normalize(e.phrase) not in correct
                and normalize(e.replacement, e.case) != e.key
            )
        return self._context

    def selects(self, entry: Entry, tiers: tuple[str, ...]) -> bool:
        """Whether ``entry`` belongs to a selection of tiers (``context`` adds `context_keys`)."""
        return entry.tier in tiers or ("context" in tiers and entry.key in self.context_keys)

    def matcher(self, tiers: tuple[str, ...] = TIERS) -> _Matcher:
        if tiers not in self._matchers:
            chosen = [e for e in self.entries.values() if self.selects(e, tiers)]
            self._matchers[tiers] = _Matcher(chosen)
        return self._matchers[tiers]

    def find(self, text: str, tiers: tuple[str, ...] = TIERS) -> list[tuple[int, int, Entry]]:
        """Non-overlapping ``(start, end, entry)`` hits, leftmost and longest first."""
        spans = sorted(self.matcher(tiers).spans(text), key=lambda se: (se[0], -se[1]))
        hits = []
        pos = 0
        for start, end in spans:
            if start < pos:
                continue
            entry = self.lookup(text[start:end])
            if entry is not None and self.selects(entry, tiers):
                hits.append((start, end, entry))
                pos = end
        return hits


_WORD = Pattern(r"\w+", step="fix_spun")
_PUNCT_CODES = frozenset(map(ord, string.punctuation.replace("_", "") + "“”‘’«»‹›–—…•·"))
#: Punctuation to spaces (a `CharMap`: a page beyond ASCII is mapped by NumPy).
_PUNCT = CharMap(lambda code: 32 if code in _PUNCT_CODES else code)


def _words_of_lower(low: str) -> set[str]:
    out: set[str] = set()
    for token in set(_PUNCT(low).split()):
        if token.isalnum():
            out.add(token)
        else:
            out.update(_WORD.findall(token))
    return out


def holds_word(punct: str, word: str) -> bool:
    """Whether ``word`` (a run of `_WORD` characters) is in `_words_of_lower` of the text
    whose lower-cased copy with punctuation as spaces is ``punct``.

    Only the tokens holding the word are read: a phrase's few words are
    looked up without splitting the whole text.

    >>> holds_word("the ©sydney office", "sydney"), holds_word("uber_sydney x2", "sydney")
    (True, False)
    """
    at = punct.find(word)
    while at >= 0:
        start, end = at, at + len(word)
        while start and not punct[start - 1].isspace():
            start -= 1
        while end < len(punct) and not punct[end].isspace():
            end += 1
        token = punct[start:end]
        if (token == word) if token.isalnum() else (word in _WORD.findall(token)):
            return True
        at = punct.find(word, end)
    return False


def flat_text(text: str) -> str:
    """``text`` lower-cased, ``’`` as ``'`` and each run of whitespace one space: where
    phrases are looked for. Found once per text (`per_text`)."""
    low = per_text(text, "lower", text.lower)
    return per_text(text, "lexicon_flat", lambda: " ".join(low.replace("’", "'").split()))


def word_count(text: str) -> int:
    """``len(text.split())``, read from `flat_text`: lower-casing turns no character into
    whitespace and no whitespace into another character.

    >>> word_count(" Two\\n words "), word_count("")
    (2, 0)
    """
    flat = flat_text(text)
    return flat.count(" ") + 1 if flat else 0


def anchor_of(phrase: str) -> str:
    """The word a phrase is filed under: its longest (usually rarest) word, the last on ties."""
    runs = _WORD.findall(phrase.lower())
    return max(reversed(runs), key=len)


class _Matcher:
    """Anchor words -> the phrases filed under them, with lazily compiled patterns.

    A phrase is searched for only when every one of its words is in the
    document; its pattern (a literal the `regex` engine scans for quickly) is
    compiled the first time that happens.
    """

    def __init__(self, entries: list[Entry]):
        self.groups: dict[str, list[tuple[frozenset[str], Entry]]] = {}
        for entry in entries:
            runs = frozenset(_WORD.findall(entry.key.lower()))
            self.groups.setdefault(anchor_of(entry.phrase), []).append((runs, entry))
        self.anchors = frozenset(self.groups)
        #: Lower-cased key -> the anchors its entries are filed under.
        self._anchors_of: dict[str, set[str]] = {}
        for anchor, group in self.groups.items():
            for _, entry in group:
                self._anchors_of.setdefault(entry.key.lower(), set()).add(anchor)
        self._patterns: dict[str, PhraseMatch] = {}
        self._phrases: Any = None
        self._keys: list[str] = []
        self._replaced_keys = False

    def candidates(self, text: str) -> list[Entry]:
        """Entries that may occur in ``text``, in a stable order.

        Every word of the phrase must be in the text, and the phrase itself in
        the text's lower-cased, whitespace-collapsed copy: two C-speed tests
        that leave the regular expressions only the phrases that are there.
        The phrases in the copy are those the automaton finds there, every
        occurrence reported (a substring search per phrase read the copy again
        for each); only the words of those phrases are then looked up.
        """
        flat = flat_text(text)
        phrases = self.phrases()
        found = None
        if phrases is not None:
            found = find_matches(phrases, flat, overlapping=True)
            if not found:
                return []  # no phrase in the text: the word split is not needed
        if found is None or self._replaced_keys:
            low = per_text(text, "lower", text.lower)
            words = per_text(text, "lexicon_words", lambda: _words_of_lower(low))
            present = [
                entry
                for anchor in sorted(self.anchors.intersection(words))
                for runs, entry in self.groups[anchor]
                if runs <= words
            ]
            return [entry for entry in present if entry.key.lower() in flat]
        keys = self._keys
        return self._found_entries(text, {keys[k] for k, _start, _end in found})

    def _found_entries(self, text: str, in_flat: set[str]) -> list[Entry]:
        """The entries of the phrases ``in_flat`` whose every word is a word of ``text``,
        in `candidates`' order; each word is looked up alone (`holds_word`)."""
        punct = per_text(text, "lexicon_punct", lambda: _PUNCT(per_text(text, "lower", text.lower)))
        held: dict[str, bool] = {}

        def holds(word: str) -> bool:
            if word not in held:
                held[word] = holds_word(punct, word)
            return held[word]

        anchors = sorted({anchor for key in in_flat for anchor in self._anchors_of[key]})
        return [
            entry
            for anchor in anchors
            if holds(anchor)
            for runs, entry in self.groups[anchor]
            if entry.key.lower() in in_flat and all(holds(word) for word in runs)
        ]

    def phrases(self) -> Any:
        """An Aho–Corasick automaton of every phrase, lower-cased (None when one is empty).

        A phrase not in the collapsed text cannot pass the last test of
        `candidates`, so a text in which the automaton finds none has no candidate.
        """
        if self._phrases is None:
            keys = sorted({e.key.lower() for group in self.groups.values() for _, e in group})
            self._keys = keys
            # The automaton reads a lone surrogate as U+FFFD (`find_matches`): a
            # phrase holding one is looked for by substring search instead.
            self._replaced_keys = any("\ufffd" in key for key in keys)
            self._phrases = _automaton(keys) if keys and all(keys) else False
        return self._phrases or None

    def pattern(self, entry: Entry) -> PhraseMatch:
        if entry.key not in self._patterns:
            self._patterns[entry.key] = _compile(entry)
        return self._patterns[entry.key]

    def spans(self, text: str, overlapped: bool = False) -> list[tuple[int, int]]:
        """Every ``(start, end)`` where some phrase matches."""
        entries = self.candidates(text)
        if not entries:
            return []
        searched = text.replace("’", "'")  # same length: spans stay valid
        out: list[tuple[int, int]] = []
        for entry in entries:
            found = self.pattern(entry).spans(searched, overlapped)
            out.extend(span for span in found if _bounded(searched, *span))
        return out


#: Phrase automata up to this size are built as a DFA: it scans a page about twice as
#: fast, and builds in milliseconds (the whole lexicon's would take a tenth of a second).
DFA_MAX_PHRASES = 1000


def _automaton(keys: list[str]) -> AhoCorasick:
    """An automaton reporting every occurrence of ``keys``; its kind changes only speed."""
    kind = Implementation.DFA if len(keys) <= DFA_MAX_PHRASES else None
    return AhoCorasick(keys, implementation=kind)


def _bounded(text: str, start: int, end: int) -> bool:
    """No hyphen or apostrophe glued to either end, and at most one line break inside."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before not in "-'" and after != "-" and text.count("\n", start, end) <= 1


def _compile(entry: Entry) -> PhraseMatch:
    """A matcher for one phrase: its words as literals, any whitespace between them."""
    import regex

    body = r"\s+".join(regex.escape(word) for word in entry.key.split())
    flags = 0 if entry.case == "exact" else regex.IGNORECASE
    reference = Pattern(rf"(?<!\w){body}(?!\w)", flags=int(flags), step="fix_spun")
    return PhraseMatch(entry.key, entry.case != "exact", reference)


@lru_cache(maxsize=32)
def load_lexicon(
    files: tuple[str, ...] = (), entries: tuple[str, ...] = (), builtin: bool = True
) -> Lexicon:
    """The shipped lexicon, then ``files`` (TSV), then inline ``entries``, later ones winning."""
    chosen: list[Entry] = list(builtin_entries()) if builtin else []
    for path in files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read lexicon file: {exc.strerror}") from None
        chosen.extend(parse_tsv(text, str(path)))
    removed: set[str] = set()
    for line in entries:
        parsed = parse_inline(line)
        if isinstance(parsed, str):
            removed.add(parsed)
        else:
            chosen.append(parsed)
            removed.discard(parsed.key)
    return Lexicon([e for e in chosen if e.key not in removed])
