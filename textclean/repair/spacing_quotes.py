"""Spaces inside quotes and brackets, decided by pairing rather than by glyph alone.

A tokenizer leaves a quote with spaces on *both* sides (``“ it was ”``);
correct text attaches every quote to a word on one side. So only detached
quotes are edited, and which side they join is decided by what the quote is:
the glyph where it has a direction (``“ ‘ „`` open, ``” ’`` close, ``“``
closes after a German ``„``), and for ASCII ``"`` and ``'`` the pairing state
of the line plus a look-ahead for the partner. Brackets are matched with a
stack and only matched, non-empty pairs lose their inner spaces.
"""

from __future__ import annotations

from ..changes import Change
from ..char_positions import char_positions
from ..patterns import Pattern
from .spacing_context import STEP, Guard

QUOTE = Pattern(r"[\"“”„‟'‘’‚‛«»‹›]", step=STEP)
GERMAN_STYLE = Pattern(r"[»›]\p{L}|\p{L}[«‹]", step=STEP)
OUTWARD_STYLE = Pattern(r"[«‹]\p{L}|\p{L}[»›]", step=STEP)
BRACKET = Pattern(r"[()\[\]{}]", step=STEP)
DOUBLE = set('"“”„‟')
SINGLE = set("'‘’‚‛")
GUILLEMETS = set("«»‹›")
QUOTE_CHARS = set("\"“”„‟'‘’‚‛«»‹›")
#: The characters `QUOTE` matches.
_QUOTE_GLYPHS = "\"“”„‟'‘’‚‛«»‹›"
OPENING = set("“„‘‚‟‛")
CLOSING = set("”’")
#: After a closing quote these still leave its right side free: ``”,`` ``”.``
TRAILING_PUNCT = set(",.;:!?)]}…")
PAIRS = {")": "(", "]": "[", "}": "{"}


def quote_changes(
    text: str, guard: Guard | None = None, *, guillemets: bool = False
) -> list[Change]:
    """Join detached quotes to the words they enclose.

    Guillemets join only when asked (``guillemets``: tokenized text that is not
    French, where ``« oui »`` is correct); ``«`` opens unless the text writes
    ``»German«`` style.

    >>> from textclean.changes import apply_changes
    >>> t = 'He said “ it works ” and " this too " , \\'Black Lives Matter \\'.'
    >>> apply_changes(t, quote_changes(t))
    'He said “it works” and "this too" , \\'Black Lives Matter\\'.'
    >>> t = "Он сказал « ёлки » и ушёл"
    >>> apply_changes(t, quote_changes(t, guillemets=True))
    'Он сказал «ёлки» и ушёл'
    >>> t = "Er sagte » Hallo « und »ging«"
    >>> apply_changes(t, quote_changes(t, guillemets=True))
    'Er sagte »Hallo« und »ging«'
    """
    found = char_positions(text, _QUOTE_GLYPHS)
    if not any(_detached(text, i) for i in found):
        return []  # only a detached quote is ever joined, and most texts hold none
    guard = guard or Guard(text)
    marks = [i for i in found if not guard.touches(i, i + 1)]
    families = [[i for i in marks if text[i] in DOUBLE], [i for i in marks if text[i] in SINGLE]]
    if guillemets:
        families.append([i for i in marks if text[i] in GUILLEMETS])
    german = guillemets and _german_guillemets(text)
    changes: list[Change] = []
    for positions in families:
        roles = _roles(text, positions, german)
        for k, (i, role, detached) in enumerate(roles):
            if not detached:
                continue
            if role == "open" and text[i] in "\"'" and not _partner_follows(roles, k):
                role = _role_from_document(text, i)  # unpaired: how does the text use it?
                if role is None:
                    continue
            change = _attach(text, i, role)
            if change is not None:
                changes.append(change)
    return sorted(changes, key=lambda c: c.start)


def _detached(text: str, i: int) -> bool:
    """Spaces (or the text's edge) on both sides of the quote at ``i``, as `_roles` judges.

    >>> _detached('a " b', 2), _detached('a "b', 2), _detached('a ", b', 2)
    (True, False, True)
    """
    if i > 0 and not text[i - 1].isspace():
        return False
    return i + 1 == len(text) or text[i + 1].isspace() or _trailing_punct(text, i + 1)


def _german_guillemets(text: str) -> bool:
    """True when guillemets point inwards the German way: »Wort«.

    Attached guillemets decide; without any, the first one does (``»`` first
    is German, ``«`` first is French, Russian, Spanish ...).
    """
    german, outward = len(GERMAN_STYLE.findall(text)), len(OUTWARD_STYLE.findall(text))
    if german or outward:
        return german > outward
    first = min((i for i in (text.find("»"), text.find("«")) if i >= 0), default=-1)
    return first >= 0 and text[first] == "»"


def _roles(text: str, positions: list[int], german: bool = False) -> list[tuple[int, str, bool]]:
    """(position, "open"/"close", detached) for each quote of one family, line by line."""
    out = []
    inside, opener, line_start = False, "", 0
    for i in positions:
        line = text.rfind("\n", 0, i) + 1
        if line != line_start:
            inside, opener, line_start = False, "", line
        q = text[i]
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        left = not before.isspace()
        right = not after.isspace() and not _trailing_punct(text, i + 1)
        if not left and not right and q in SINGLE and _elision(text, i):
            out.append((i, "open", True))  # stands for letters: no quotation opens
            continue
        if left and not right:
            role = "close"
        elif right and not left:
            role = "open"
        else:
            role = _glyph_role(text, i, q, inside, opener, german)
        out.append((i, role, not left and not right))
        inside, opener = (True, q) if role == "open" else (False, "")
    return out


def _elision(text: str, i: int) -> bool:
    """Whether the detached mark at ``i`` stands for the letters of the word after it,
    which it joins: a decade (``the ’ 90s``, ``’ 69``) or the ``’n’`` of
    ``rock ’ n ’ roll``.

    >>> _elision("The ’ 90s were great", 4), _elision("Rock ’ n ’ roll", 5)
    (True, True)
    >>> _elision("he said ’ 90 people came ’", 8), _elision("’ no ’ she said", 0)
    (False, False)
    """
    word = _next_word(text, i)
    if len(word) in (2, 3) and word[:2].isdigit() and word[2:] in ("", "s"):
        return len(word) == 3 or not _next_word(text, i + len(word) + 1)[:1].isalpha()
    if word not in ("n", "N"):
        return False
    j = text.find(word, i + 1) + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and text[j] in SINGLE


def _trailing_punct(text: str, j: int) -> bool:
    """True for punctuation that ends a phrase here (``”,`` then a space), not ``”.eval``."""
    while j < len(text) and text[j] in TRAILING_PUNCT:
        j += 1
        if j == len(text) or text[j].isspace():
            return True
    return False


def _glyph_role(text: str, i: int, q: str, inside: bool, opener: str, german: bool = False) -> str:
    if q in GUILLEMETS:
        return "open" if (q in "«‹") != german else "close"
    if q == "“":
        return "close" if inside and opener in "„‚" else "open"
    if q in OPENING:
        return "open"
    if q in CLOSING:
        return "close"
    if q == "'" and not inside and _previous_word(text, i)[-1:] in ("s", "S", "z"):
        return "close"  # a plural possessive: "the students ' books"
    return "close" if inside else "open"


def _previous_word(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1].isspace() and text[j - 1] != "\n":
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    return text[k:j]


def _partner_follows(roles: list[tuple[int, str, bool]], k: int) -> bool:
    """An ASCII opener is only trusted when a closer follows on its line."""
    return k + 1 < len(roles) and roles[k + 1][1] == "close"


def _role_from_document(text: str, i: int) -> str | None:
    """Side an unpaired quote joins elsewhere in the text: ``Matter'`` or ``'every``.

    Scraped snippets cut quotations apart, so a closing quote can lose its
    opener; where the same word carries this quote attached elsewhere, follow it.
    """
    q = text[i]
    before, after = _previous_word(text, i), _next_word(text, i)
    closes = _count_attached(text, before + q) if before else 0
    opens = _count_attached(text, q + after) if after else 0
    if closes > opens:
        return "close"
    if opens > closes:
        return "open"
    return None


def _next_word(text: str, i: int) -> str:
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    k = j
    while k < len(text) and text[k].isalnum():
        k += 1
    return text[j:k]


def _count_attached(text: str, needle: str) -> int:
    """Occurrences of ``needle`` as a whole token (no letter or digit on either side)."""
    count, start = 0, text.find(needle)
    while start != -1:
        end = start + len(needle)
        left_ok = start == 0 or not text[start - 1].isalnum()
        count += left_ok and (end == len(text) or not text[end].isalnum())
        start = text.find(needle, start + 1)
    return count


def _attach(text: str, i: int, role: str) -> Change | None:
    """Remove the spaces between a quote/bracket and the word it belongs to.

    A quote next to another quote across spaces quotes a space (``” ”``, ``' '``)
    and stays.
    """
    if _quote_across_spaces(text, i):
        return None
    if role == "open":
        j = i + 1
        while j < len(text) and text[j] in " \t":
            j += 1
        if j == i + 1 or j >= len(text) or not _word_edge(text[j]):
            return None
        return Change("quote_space", i + 1, j, text[i + 1 : j], "")
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == i or j == 0 or not (_word_edge(text[j - 1]) or text[j - 1] in CLOSES_AFTER):
        return None
    return Change("quote_space", j, i, text[j:i], "")


def _quote_across_spaces(text: str, i: int) -> bool:
    if text[i] not in QUOTE_CHARS:
        return False
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    k = i
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return (j > i + 1 and j < len(text) and text[j] in QUOTE_CHARS) or (
        k < i and k > 0 and text[k - 1] in QUOTE_CHARS
    )


#: What a closing quote or bracket may follow besides a word: a sentence's end
#: ("it works . ”") or a unit sign ("( by 3 % )").
CLOSES_AFTER = frozenset(TRAILING_PUNCT) | frozenset("%‰‱°")


def _word_edge(ch: str) -> bool:
    """A quote joins a word, a number or a bracket, not a lone symbol (``„ _ “``)."""
    return ch.isalnum() or ch in "([{)]}"


def bracket_changes(
    text: str, guard: Guard | None = None, *, unmatched: bool = False
) -> list[Change]:
    """Remove spaces just inside matched, non-empty bracket pairs.

    With ``unmatched`` (for text known to be tokenized, where snippets cut
    pairs apart), a lone opener joins the word after it and a lone closer
    the word before it.

    >>> from textclean.changes import apply_changes
    >>> t = "Sen. Wyden ( D-Ore. ) said [ identifies ] but not [ ] or 1 )"
    >>> apply_changes(t, bracket_changes(t))
    'Sen. Wyden (D-Ore.) said [identifies] but not [ ] or 1 )'
    >>> apply_changes(t, bracket_changes(t, unmatched=True))
    'Sen. Wyden (D-Ore.) said [identifies] but not [ ] or 1)'
    """
    if not has_inner_space(text):
        return []  # every edit removes a space just inside a bracket
    guard = guard or Guard(text)
    pairs: list[tuple[int, str]] = []
    lone: list[tuple[int, str]] = []
    stack: list[int] = []
    for m in BRACKET.finditer(text):
        i = m.start()
        if guard.touches(i, i + 1):
            continue
        b = text[i]
        if b in "([{":
            stack.append(i)
            continue
        while stack and text[stack[-1]] != PAIRS[b]:
            lone.append((stack.pop(), "open"))  # an opener whose closer was cut off
        if not stack:
            lone.append((i, "close"))
            continue
        o = stack.pop()
        inner = text[o + 1 : i]
        if inner.strip() and "\n" not in inner:
            pairs += [(o, "open"), (i, "close")]
    lone += [(o, "open") for o in stack]
    chosen = pairs + (
        [(i, role) for i, role in lone if _lone_joins(text, i, role)] if unmatched else []
    )
    changes = []
    for i, role in chosen:
        change = _attach(text, i, role)
        if change is not None:
            changes.append(Change("bracket_space", change.start, change.end, change.before, ""))
    return sorted(changes, key=lambda c: c.start)


def has_inner_space(text: str) -> bool:
    """Whether some bracket has a space or tab on its inner side: else `bracket_changes`
    has nothing to join. Brackets are found with `str.find`, which skips the text
    between them at C speed.

    >>> has_inner_space("f(x) [y]"), has_inner_space("( x)"), has_inner_space("(x\\t]")
    (False, True, True)
    """
    for bracket in "([{":
        at = text.find(bracket)
        while at >= 0:
            if text[at + 1 : at + 2] in (" ", "\t"):
                return True
            at = text.find(bracket, at + 1)
    for bracket in ")]}":
        at = text.find(bracket, 1)
        while at >= 0:
            if text[at - 1] in " \t":
                return True
            at = text.find(bracket, at + 1)
    return False


def _lone_joins(text: str, i: int, role: str) -> bool:
    """A lone bracket joins a word only when it is detached on both sides."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isspace()
