"""What the spacing repair must not touch, and what it learns from the whole text.

Tokenizer damage is repaired by removing spaces, so the danger is removing
a space that belongs there. `Guard` marks URLs, e-mail addresses, numbers
with space separators, times and ratios, emoticons, spaced ellipses, code and
lines laid out with spaces, and answers "does this edit touch one?". Two document-level
signals decide the rest: `uses_french_spacing` (French puts a space before
``: ; ! ?``) and `looks_tokenized` (a space before ``;`` is only damage in a
text that shows other tokenizer damage).
"""

from __future__ import annotations

from bisect import bisect_right

from ahocorasick_rs import AhoCorasick

from ..context_patterns import ContextPattern, caseless
from ..patterns import Pattern
from ..phrase_search import holds_any

STEP = "fix_spacing"

#: (cheap test, pattern): a pattern runs only on text that passes its test.
PROTECTED: list[tuple[str, Pattern | ContextPattern]] = [
    (
        "://",
        ContextPattern(
            Pattern(r"\b(?:https?|ftp)://[^\s<>\"]*[^\s<>\"'.,;:!?)\]}”’]", step=STEP),
            r"(?:^|\W)((?:https?|ftp)://[^\s<>\"]*[^\s<>\"'.,;:!?)\]}”’])",
            behind=1,
        ),
    ),
    (
        "www.",
        ContextPattern(
            Pattern(r"\bwww\.[^\s<>\"]*[^\s<>\"'.,;:!?)\]}”’]", step=STEP),
            r"(?:^|\W)(www\.[^\s<>\"]*[^\s<>\"'.,;:!?)\]}”’])",
            behind=1,
        ),
    ),
    ("@", Pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", step=STEP)),  # e-mail
    (
        "",  # numbers with spaces between thousands, times, ratios
        ContextPattern(
            Pattern(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+\b|\d+ ?[:.,/] ?\d+", step=STEP),
            r"(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?:\W|\Z)|(\d+ ?[:.,/] ?\d+)",
        ),
    ),
    (
        "",  # emoticons
        ContextPattern(
            Pattern(
                r"(?<!\S)(?:[:;=][-'^o]?[()\[\]DPpOo3/\\|*@{}]+|[()\[\]{}][-'^o]?[:;=]|<3|\^_*\^|-_-|[xX]D)(?!\w)",
                step=STEP,
            ),
            r"(?:^|\s)((?:[:;=][-'^o]?[()\[\]DPpOo3/\\|*@{}]+|[()\[\]{}][-'^o]?[:;=]|<3|\^_*\^|-_-|[xX]D))(?:\W|\Z)",
            behind=1,
        ),
    ),
    (". .", Pattern(r"\.(?: \.){2,}", step=STEP)),  # spaced ellipsis
    ("`", Pattern(r"(?ms)`[^`\n]+`|^```.*?^```", step=STEP)),  # inline and fenced code
]

#: A run of three or more spaces between words: a line holding one (or
#: indented by two) is laid out with spaces, and its spacing is meaningful.
#: Lines are tested one by one (`layout_lines`) so the scan stays linear.
SPACE_RUN = Pattern(r"\S   +\S", step=STEP)


def layout_lines(text: str) -> list[tuple[int, int]]:
    r"""Spans of lines laid out with spaces: indented by two, or holding a run of three.

    >>> layout_lines("plain line\n  indented\nname   value")
    [(11, 21), (22, 34)]
    """
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.startswith("  ") or ("   " in line and SPACE_RUN.search(line)):
            spans.append((pos, end))
        pos = end + 1
    return spans


#: A line that reads as code or markup: its spacing is meaningful. A word boundary
#: before a keyword is spelled as a line start or a character outside words and
#: lines (RE2's ``\b`` knows only ASCII); `CODE_LINE_REFERENCE` says it with ``\b``.
_KEYWORD_START = r"(?:^|[^\w\n])"
CODE_LINE = Pattern(
    r"(?m)^(?:[ ]{4}|\t).*$"
    r"|^.*(?:==|!=|=>|->|&&|\|\||::|\+=|</|/>|#include"
    rf"|{_KEYWORD_START}def \w|{_KEYWORD_START}function(?:[^\w\n]|$)|{_KEYWORD_START}var \w"
    rf"|{_KEYWORD_START}const \w|{_KEYWORD_START}return(?:[^\w\n][^\n]*)?;"
    r"|\w\([^()\n]*\)\s*[;{]|[{};]\s*$|^\s*[{}]).*$",
    step=STEP,
)
CODE_LINE_REFERENCE = Pattern(
    r"(?m)^(?:[ ]{4}|\t).*$"
    r"|^.*(?:==|!=|=>|->|&&|\|\||::|\+=|</|/>|#include|\bdef \w|\bfunction\b|\bvar \w|\bconst \w"
    r"|\breturn\b[^\n]*;|\w\([^()\n]*\)\s*[;{]|[{};]\s*$|^\s*[{}]).*$",
    step=STEP,
)

#: Every match of `CODE_LINE` holds one of these, starts a line with four
#: spaces or a tab, or holds a ``;`` that ends its line or follows ``)``.
_CODE_MARKS = (
    "==", "!=", "=>", "->", "&&", "||", "::", "+=", "</", "/>", "#include",
    "def ", "function", "var ", "const ", "return", "{", "}", "\n    ", "\n\t",
)  # fmt: skip
_CODE_MARK_SEARCH = AhoCorasick(list(_CODE_MARKS))


def code_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` that read as code (`CODE_LINE`).

    `CODE_LINE` runs on RE2, so one scan of the whole text costs time linear
    in its length, however many lines could start code.

    >>> code_spans("Prose here.\\nx = f(y);\\nMore prose.")
    [(12, 21)]
    """
    return [m.span() for m in CODE_LINE.finditer(text)]


def may_hold_code(text: str) -> bool:
    """False only when `CODE_LINE` cannot match ``text``: prose skips its costly scan.

    >>> may_hold_code("A sentence; another one."), may_hold_code("call(x);")
    (False, True)
    """
    if text.startswith(("    ", "\t")) or holds_any(_CODE_MARK_SEARCH, text):
        return True
    at, line_end = text.find(";"), -1
    while at >= 0:
        if at > line_end:
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
        following = text.find(";", at + 1)
        if (following < 0 or following > line_end) and not text[at + 1 : line_end].strip():
            return True  # `[{};]\s*$`
        before = at - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        if before >= 0 and text[before] == ")":
            return True  # `\w\([^()\n]*\)\s*[;{]`
        at = following
    return False


#: French typography: Latin words spaced inside « », or a no-break space before ; : ! ?
FRENCH_MARKS = Pattern(
    r"«[ \u00a0\u202f]\p{Latin}[^«»\n]*[ \u00a0\u202f]»|[\u00a0\u202f\u2009][;:!?]", step=STEP
)
_FRENCH = "le|la|les|des|du|est|et|une|dans|pour|que|qui|pas|sur|au|avec|ce|il|elle|nous|vous|sont"
FRENCH_WORDS = ContextPattern(
    Pattern(rf"(?i)\b(?:{_FRENCH})\b", step=STEP),
    rf"(?:^|\W)((?:{caseless(_FRENCH)}))(?:\W|\Z)",
    behind=1,
)
_ENGLISH = (
    "the|and|of|to|is|in|that|for|it|with|was|on|are|this|be|by|as|at|or|but"
    "|from|not|have|has|had|will|would|we|you|they|he|she|his|her|their|which|who"
)
ENGLISH_WORDS = ContextPattern(
    Pattern(rf"(?i)\b(?:{_ENGLISH})\b", step=STEP),
    rf"(?:^|\W)((?:{caseless(_ENGLISH)}))(?:\W|\Z)",
    behind=1,
)
#: Contractions split the Penn Treebank way (``we 're``): English and nothing else.
SPLIT_ENGLISH = ContextPattern(
    Pattern(r"\p{L} (?:n['’]t|['’](?:re|ve|ll|m))\b", step=STEP),
    r"(\p{L} (?:n['’]t|['’](?:re|ve|ll|m)))(?:\W|\Z)",
)
WORD = Pattern(r"\p{L}+", step=STEP)
#: Signs of tokenizer damage; a split "n't" counts twice, it has no other reading.
SPLIT_NOT = ContextPattern(Pattern(r"\p{L} n['’]t\b", step=STEP), r"(\p{L} n['’]t)(?:\W|\Z)")
TOKEN_SIGNS = ContextPattern(
    Pattern(
        r"\p{L} ['’] ?(?:s|re|ve|ll|d|m)\b(?![\p{L}'’])"  # It 's, It ’ s
        r"|[\p{L}\p{N})\]»”\"'] ,(?=\s)|[)\]] [.;:!?](?=\s|$)"  # word , word  ( x ) .
        r"|[\p{L}\p{N}] [.?!](?=\s+\p{Lu}|\s*$)"  # word . Next
        r"|[“‘«»] \p{L}|\p{L} [”’«»](?=[\s,.;:!?]|$)",  # “ word ”
        step=STEP,
    ),
    r"(\p{L} ['’] ?(?:s|re|ve|ll|d|m))(?:[^\w'’]|\Z)"
    r"|([\p{L}\p{N})\]»”\"'] ,)\s|([)\]] [.;:!?])(?:\s|\Z)"
    r"|([\p{L}\p{N}] [.?!])(?:\s+\p{Lu}|\s*\Z)"
    r"|([“‘«»] \p{L})|(\p{L} [”’«»])(?:[\s,.;:!?]|\Z)",
)
#: Every match of `TOKEN_SIGNS` holds one of these (a space beside a quote),
#: or a space, one of `_SPACED_PUNCT` and then whitespace or the end; every
#: match of `SPLIT_NOT` holds one of `SPLIT_NOT_MARKS`. Text without them is
#: not searched, which spares the patterns on the many pages that are clean.
_SIGN_MARKS = (
    *(" '" + tail for tail in ("s", "re", "ve", "ll", "d", "m", " ")),
    *(" " + q for q in "’”«»"),
    *(q + " " for q in "“‘«»"),
)
_SIGN_MARK_SEARCH = AhoCorasick(list(_SIGN_MARKS))
_SPACED_PUNCT = ",.;:!?"
SPLIT_NOT_MARKS = (" n'", " n’")


def _may_show_signs(sample: str) -> bool:
    """False only when `TOKEN_SIGNS` cannot match ``sample``."""
    if holds_any(_SIGN_MARK_SEARCH, sample):
        return True
    for punct in _SPACED_PUNCT:
        at = sample.find(" " + punct)
        while at >= 0:
            after = at + 2
            if after == len(sample) or sample[after].isspace():  # isspace() covers \s
                return True
            at = sample.find(" " + punct, at + 1)
    return False


class Guard:
    """Sorted protected spans of one text; `touches` is a binary search.

    The spans are found on the first question: most texts offer no edit to
    check, and the code-line pattern is the costliest scan of the repair.

    >>> g = Guard("see https://x.org/a , mail me@x.org :)")
    >>> g.touches(4, 5), g.touches(19, 20)
    (True, False)
    """

    __slots__ = ("text", "_starts", "_ends")

    def __init__(self, text: str):
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _find(self) -> list[int]:
        text = self.text
        spans = code_spans(text) if may_hold_code(text) else []
        if "  " in text:
            spans += layout_lines(text)
        for needle, pattern in PROTECTED:
            if needle in text:
                spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
        spans.sort()
        self._ends = [e for _, e in spans]
        # Running maximum of ends, so overlapping spans are still found.
        for i in range(1, len(self._ends)):
            self._ends[i] = max(self._ends[i], self._ends[i - 1])
        self._starts = [s for s, _ in spans]
        return self._starts

    @property
    def starts(self) -> list[int]:
        return self._starts if self._starts is not None else self._find()

    @property
    def ends(self) -> list[int]:
        self.starts  # noqa: B018 - finds the spans on first use
        return self._ends

    def touches(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a protected span (an empty span: lies inside)."""
        starts = self._starts if self._starts is not None else self._find()
        i = bisect_right(starts, max(start, end - 1)) - 1
        if i < 0:
            return False
        return self._ends[i] > start


def uses_french_spacing(text: str) -> bool:
    """True for text that follows French typography (spaces before ``: ; ! ?``).

    >>> uses_french_spacing("Il a dit : « non » et elle est partie !")
    True
    >>> uses_french_spacing("He said: no. And then he left !")
    False
    """
    sample = text[:5000]
    if FRENCH_MARKS.search(sample):
        return True
    french = len(FRENCH_WORDS.findall(sample))
    return french >= 3 and french > len(ENGLISH_WORDS.findall(sample))


def tokenization_evidence(text: str, enough: int = 2) -> int:
    """How many signs of tokenizer damage the text shows, up to ``enough``.

    >>> tokenization_evidence("It 's here , now"), tokenization_evidence("It's here, now!")
    (2, 0)
    """
    sample = text[:100_000]
    found = 0
    if enough > 0 and any(mark in sample for mark in SPLIT_NOT_MARKS):
        found = 2 * len(SPLIT_NOT.spans(sample, limit=(enough + 1) // 2))
    if found < enough and _may_show_signs(sample):
        found += len(TOKEN_SIGNS.spans(sample, limit=enough - found))
    return min(found, enough)


def looks_tokenized(text: str) -> bool:
    """True when the text shows at least two signs of tokenizer damage.

    One ``word ,`` is a typo; two signs (``It 's here , now``) make a tokenized text.

    >>> looks_tokenized("It 's here , now"), looks_tokenized("a typo , once")
    (True, False)
    """
    return tokenization_evidence(text) >= 2


def looks_english(text: str) -> bool:
    """True when English function words are frequent enough to read the text as English.

    Contractions are joined only in English: Turkish ``'%s' ve`` and Gaelic
    ``a chionn ’s gu`` hold the same shapes as ``I' ve`` and ``Sheriff ’s``.

    >>> looks_english("It is the end of it"), looks_english("'%s' ve '%s' seçenekleri")
    (True, False)
    """
    sample = text[:5000]
    if SPLIT_ENGLISH.search(sample):
        return True
    english = len(ENGLISH_WORDS.findall(sample))
    return english >= 1 and english * 8 >= len(WORD.findall(sample))
