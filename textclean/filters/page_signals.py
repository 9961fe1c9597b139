"""Page scores the rules of Gopher and the snippet signals miss.

* ``prose_share``: the share of a page's characters in lines that read as
  prose (five words or more, or ten characters of a script written without
  spaces, ending like a sentence). Menus, link lists,
  archives and footers, the page an extractor returns when it misses the
  article, are short unpunctuated lines. After `TAIL_AFTER_WORDS` words of
  prose, the lines after the last prose line (a squad list, a table of
  figures) are left out of this share and the next; after
  `HEADLINES_AFTER_WORDS`, so are they when they are mostly headlines
  (`is_headline`: the related stories listed under a short video story),
  as long as the lines up to the last prose line are mostly prose. A page
  of furniture mixes its prose lines with menus and links all the way down,
  so its lines before the last prose line are not. The page's last line,
  when long, counts as prose up to its last sentence end if what follows
  opens with a capital or a figure (`_captioned_prose`): an article stored
  as one line keeps the caption or link set under it on the same line, and
  would otherwise count as no prose at all.
* ``long_line_share``: the share of a page's pieces in long lines (twelve
  words or more, or 40 characters without spaces), where a long line counts
  once for each sentence it holds and any other line once. A furniture page
  can hold one long blurb that carries its character share; most of its
  pieces are still short lines. An article that keeps several paragraphs on
  one line and adds a list (a team sheet, a draw of fixtures) has few long
  lines, but they hold most of its sentences.
* ``loose_phrase_repeats``: how many pieces of text outside sentences (the
  unpunctuated tail of a line, each item of a comma list) hold the most
  repeated pair of lower-case content words. A search phrase glued after
  sentences ("... the vote. cuban americans update") and listed again as tags
  is repeated where edited prose never puts words: outside its sentences.
  A count, not a rate: pasted into a long article a few times it is as
  telling as in a short one, and any phrase counts, a name or not.
* ``stamp_share``: the share of a page's lines that are short and carry a
  clock time and a year ("Corina June 28, 2012 at 3:08 pm", "erfan |
  November 9, 2012 11:40 AM | Reply"): the headers of comments and forum
  posts. An article has a published and an updated line at most; a page
  that is a comment thread has one every few lines. Fewer than three such
  lines count as none.
* the words of the prose lines (`prose_words`) and how many of them are
  names or numbers (`prose_names`): the stop-word rule reads them, since
  lists, tables and captions lack function words in real articles too, and
  word salad lacks them in its prose. Names and figures carry no function
  words either, so a short report dense with them is judged on its other
  words (`plain_share`).
* ``lowered_name_rate``: per 1,000 words, occurrences of the most repeated
  lower-case word pair holding a word the page also capitalises inside a
  sentence ("Andrea Kelly" ... "andrea kelly video"). It counts a pasted
  search query even when the query outnumbers the name, which
  ``keyword_repeats`` (a name must be capitalised at least as often) does not,
  and as a rate, so a long page is not judged by its length; a pair seen
  fewer than `MIN_LOWERED_PAIRS` times scores 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress, repeat
from operator import gt, lt, or_
from typing import NamedTuple

from ..patterns import Pattern
from ..segment import WHITESPACE
from ..sentence_marks import SENTENCE_TERMINALS
from .snippets import BULLETS as _BULLETS
from .snippets import Vocabulary, is_query_word, joined_words
from .stopwords import STOP_WORDS

#: What a prose line ends with: a sentence's end in any script, or a colon, quote or bracket.
_ENDS = SENTENCE_TERMINALS.union(":;\"'”’»)]")
#: Letters of Thai and Lao, whose sentences end without a mark.
_UNMARKED = frozenset(chr(c) for c in (*range(0x0E01, 0x0E5C), *range(0x0E81, 0x0EE0)))
_PROSE_WORDS = 5
_LONG_WORDS = 12
_LONG_UNSPACED = 40
_STOP = frozenset().union(*STOP_WORDS.values())
_WORD = Pattern(r"\w+(?:['’]\w+)*", step="quality")
_SENTENCE_GAPS = (". ", "! ", "? ", ": ")
#: The most words a phrase glued after a capitalised title or credit holds ("big idea 2024").
_GLUED_WORDS = 3
# A sentence end, its closing quote or bracket if any, and the space after it.
_STOPS = tuple(m + c + " " for m in ".!?…" for c in ("", *"\"'”’)"))
# A sentence end followed by another sentence on the same line.
_INNER_END = Pattern(r"[.!?…][\"'”’)]*\s+\S", step="quality")
# A word after one ending in these starts a sentence (or a quote): capitalised anyway.
_OPENS = frozenset('.!?:"“‘«(')
_CLOCK = Pattern(r"\b[0-2]?\d:[0-5]\d\b", step="quality")
_YEAR = Pattern(r"\b(?:19|20)\d\d\b", step="quality")
_STAMP_WORDS = 12
_MIN_STAMPS = 3
_EDGE_PUNCT = ".,;:!?\"'“”‘’()[]«»—–-…"
#: A lower-case name pair seen fewer times than this is no pattern: the rate is 0.
MIN_LOWERED_PAIRS = 5
#: Prose lines holding this many words before a page's last prose line let the
#: lines after it (a squad list, a table of figures) out of the line shares.
TAIL_AFTER_WORDS = 150
#: After this many prose words, a tail that is mostly headlines (this share of
#: its lines or more) is left out too, when the lines before it are mostly
#: prose (this share of them or more).
HEADLINES_AFTER_WORDS = 50
HEADLINE_TAIL_SHARE = 0.8
HEAD_PROSE_SHARE = 0.5
_HEADLINE_WORDS = (3, 20)


class LineScores(NamedTuple):
    """What one pass over a page's lines finds (see the module docstring)."""

    prose_share: float
    long_line_share: float
    loose_phrase_repeats: int
    lines: int  # non-blank lines
    stamp_share: float
    prose_words: list[str]  # case-folded, edge punctuation stripped; bullet lines left out
    prose_names: int  # of `prose_words`, names inside a sentence and numbers (`is_name_or_number`)


#: What ``\s`` matches: every `str.isspace` character but the information separators.
_INNER_SPACES = frozenset(WHITESPACE) - frozenset("\x1c\x1d\x1e\x1f")
_INNER_CLOSERS = frozenset("\"'”’)")


def _inner_ends(line: str) -> int:
    """How many times `_INNER_END` matches ``line`` (a sentence end, then another sentence).

    Found with string searches for the end marks (a long line holds a few),
    each followed past its closers and spaces, as the pattern reads them.

    >>> _inner_ends("It rained. “Then it stopped.” Then it snowed. ")
    2
    """
    marks: list[int] = []
    for mark in ".!?…":
        at = line.find(mark)
        while at >= 0:
            marks.append(at)
            at = line.find(mark, at + 1)
    marks.sort()
    n = len(line)
    count = done = 0
    for at in marks:
        if at < done:  # inside the last match
            continue
        end = at + 1
        while end < n and line[end] in _INNER_CLOSERS:
            end += 1
        spaces = end
        while end < n and line[end] in _INNER_SPACES:
            end += 1
        if spaces < end < n:
            count += 1
            done = end + 1
    return count


def line_scores(text: str) -> LineScores:
    """`prose_share`, `long_line_share`, `loose_phrase_repeats` and the prose lines' words.

    One pass over the lines.

    >>> line_scores("Home\\nNews\\nThe council met on Monday to vote.")[:4]
    (0.809..., 0.0, 0, 3)
    """
    total = prose = count = pieces = long = stamps = prose_count = prose_lines = 0
    head = (0, 0, 0, 0)  # total, prose, pieces, long up to the last prose line
    tail = headlines = 0  # lines after the last prose line, and the headlines among them
    loose: Counter[tuple[str, str]] = Counter()
    said_words: list[str] = []  # the words of the prose lines that are no bullets, as split
    starts: list[int] = []  # where each of those lines starts in `said_words`
    lines = text.splitlines()
    last = len(lines) - 1
    while last > 0 and not lines[last].strip():
        last -= 1
    for at, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        count += 1
        total += len(line)
        split = line.split()
        unspaced = " " not in line
        # Thai and Lao end a sentence with a space, not a mark: a line in them is
        # read by its length alone, as a line of a script without spaces is.
        unmarked = line[-1] in _UNMARKED
        if len(split) >= _LONG_WORDS or ((unspaced or unmarked) and len(line) >= _LONG_UNSPACED):
            sentences = 1 + _inner_ends(line)
            long += sentences
            pieces += sentences
        else:
            pieces += 1
        if ":" in line and len(split) <= _STAMP_WORDS:
            stamps += _is_stamp(line)
        ends = line[-1] in _ENDS or (unmarked and len(line) >= _LONG_UNSPACED)
        said = split  # the line's words that read as prose
        if ends and (len(split) >= _PROSE_WORDS or ((unspaced or unmarked) and len(line) >= 10)):
            prose += len(line)
        elif at == last and len(split) >= _LONG_WORDS and (cut := _captioned_prose(line)):
            loose.update(_loose_pairs(line))
            prose += cut
            said = line[:cut].split()
        else:
            said = []
        if said:
            prose_count += len(said)
            prose_lines += 1
            head = (total, prose, pieces, long)
            tail = headlines = 0
            if line[0] not in _BULLETS:
                starts.append(len(said_words))
                said_words.extend(said)
            continue
        tail += 1
        if not ends:
            short = _HEADLINE_WORDS[0] <= len(split) <= _HEADLINE_WORDS[1]
            headlines += short and is_headline(line)
            loose.update(_loose_pairs(line))
    if prose_count >= TAIL_AFTER_WORDS or (  # a list or table after the article is left out
        prose_count >= HEADLINES_AFTER_WORDS
        and headlines >= HEADLINE_TAIL_SHARE * tail
        and prose_lines >= HEAD_PROSE_SHARE * (count - tail)
    ):
        total, prose, pieces, long = head
    words = list(map(str.strip, said_words, repeat(_EDGE_PUNCT)))
    return LineScores(
        prose / total if total else 0.0,
        long / pieces if pieces else 0.0,
        max(loose.values(), default=0),
        count,
        stamps / count if stamps >= _MIN_STAMPS else 0.0,
        list(map(str.casefold, words)),
        _prose_names(said_words, words, starts),
    )


def _prose_names(said: list[str], words: list[str], starts: list[int]) -> int:
    """How many of the prose lines' ``words`` are names or numbers (`is_name_or_number`):
    a line's first word only as a number, any other unless the word before it ends
    in one of `_OPENS` (a word after a sentence end is capitalised anyway).

    ``said`` holds the lines' words as split and ``words`` the same with edge
    punctuation stripped; ``starts`` is where each line starts in both. A word
    starting with a lower-case ASCII letter (most of them) is no name: those
    are passed over in C.

    >>> said = ["The", "Cardiff", "side.", "3-1", "win", "for", "Wales"]
    >>> _prose_names(said, [w.strip(".") for w in said], [0, 3])
    3
    """
    firsts = set(starts)
    count = sum(is_number(words[at]) for at in starts)
    maybe = map(or_, map(lt, words, repeat("a")), map(gt, words, repeat("{")))
    for k in compress(range(len(words)), maybe):
        w = words[k]
        c = w[:1]
        if (
            (c.isdigit() or (c.isupper() and not w.isupper()))
            and k not in firsts
            and said[k - 1][-1] not in _OPENS
        ):
            count += 1
    return count


def _captioned_prose(line: str) -> int:
    """How many leading characters of ``line`` are prose followed by a caption, or 0.

    A long line that does not end like a sentence may still be a paragraph:
    an article stored as one line often ends in what the page set under it
    (a photo caption, a credit, a "Read more" link, a programme listing).
    That tail opens like a heading, with a capital or a figure, where a
    search phrase glued after the last sentence ("... the vote. cuban
    americans update") opens in lower case, as no edited sentence does. The
    prose is the line up to its last sentence end; the caption is not.

    >>> line = "The council met on Monday. It voted to close the park. Photo: Jane Roe"
    >>> line[: _captioned_prose(line)]
    'The council met on Monday. It voted to close the park.'
    >>> _captioned_prose("The council met on Monday. It voted to close it. park news today")
    0
    >>> _captioned_prose('He said: “We will close the park.” (Jane Roe/The Herald) More')
    34
    """
    end = max((at + len(stop) - 1 for stop in _STOPS if (at := line.rfind(stop)) >= 0), default=0)
    if not end:
        return 0
    rest = line[end:].lstrip()
    opener = next((c for c in rest if c.isalnum()), "")
    if not (opener.isupper() or opener.isdigit()):
        return 0
    return end if len(line[:end].split()) >= _PROSE_WORDS else 0


def is_headline(line: str) -> bool:
    """A line that reads as a headline: it opens with a capital or a figure and does not
    end like a sentence (its length is judged by `line_scores`).

    >>> is_headline("The car of the future debuts at SXSW"), is_headline("more stories")
    (True, False)
    """
    return (line[:1].isupper() or line[:1].isdigit()) and line[-1:] not in _ENDS


def is_number(word: str) -> bool:
    """A figure: the word starts with a digit ("1,200", "3-1", "1990s").

    >>> is_number("3-1"), is_number("three")
    (True, False)
    """
    return word[:1].isdigit()


def is_name_or_number(word: str) -> bool:
    """A figure, or a word written as a name (capitalised, not all capitals).

    Only for words inside a sentence: the first word of a sentence is
    capitalised anyway. Acronyms and shouting stay plain words.

    >>> [is_name_or_number(w) for w in ("Cardiff", "1-0", "BBC", "the", "I")]
    [True, True, False, False, False]
    """
    return word[:1].isdigit() or (word[:1].isupper() and not word.isupper())


def names_in_sentences(cased: Sequence[Sequence[str]]) -> int:
    """How many words of the sentences ``cased`` are names or numbers (`is_name_or_number`).

    >>> names_in_sentences([["The", "Cardiff", "side", "won", "3-1"], ["Then", "rain"]])
    2
    """
    return sum(
        sum(map(is_name_or_number, ws[1:])) + (bool(ws) and is_number(ws[0])) for ws in cased
    )


def _is_stamp(line: str) -> bool:
    """A short line holding a clock time and a year: a comment's or a post's header.

    >>> _is_stamp("Corina June 28, 2012 at 3:08 pm"), _is_stamp("Updated at 12:05 a.m.")
    (True, False)
    """
    return _CLOCK.contains(line) and _YEAR.contains(line)


def _loose_pairs(line: str) -> list[tuple[str, str]]:
    """Pairs of query words in the items of an unpunctuated line tail that start in lower case.

    The tail is what follows the line's last sentence end; its comma-separated
    items are judged apart, each counting a pair once (a list of tags repeating
    a phrase counts it once per tag). Words holding a slash or an inner dot
    (links) are left out. Of an item that opens with a capital (a title, a
    credit) only a lower-case run of `_GLUED_WORDS` words or fewer after its
    last capitalised word counts: a search phrase glued to a headline ("...
    Gears For You big idea 2024"), where a sentence-case title runs on for
    longer and a comment header ends in a figure ("David 16 minutes ago").

    >>> sorted(_loose_pairs("Prices rose. david marcus news, David Marcus, www.marcus.com"))
    [('david', 'marcus'), ('marcus', 'news')]
    >>> _loose_pairs("Tags: plug power news, plug power video")
    [('plug', 'power'), ('power', 'news'), ('plug', 'power'), ('power', 'video')]
    >>> _loose_pairs("Shift Your Gears For You big idea 2024"), _loose_pairs("Dad 9 hours ago")
    ([('big', 'idea')], [])
    """
    cut = max(line.rfind(gap) for gap in _SENTENCE_GAPS)
    tail = line[cut + 2 :] if cut >= 0 else line
    pairs: list[tuple[str, str]] = []
    for item in tail.split(","):
        kept = " ".join(w for w in item.split() if "/" not in w and "." not in w.strip("."))
        ws = _WORD.findall(kept)
        if ws and not ws[0][0].islower():  # a title or a credit: only a phrase glued to its end
            start = len(ws)
            while start and not ws[start - 1][0].isupper():
                start -= 1
            ws = ws[start:]
            if len(ws) > _GLUED_WORDS or (ws and not ws[0][0].islower()):
                continue
        if not ws:
            continue
        plain = [is_query_word(w) for w in ws]
        found = {(ws[i], ws[i + 1]) for i in range(len(ws) - 1) if plain[i] and plain[i + 1]}
        pairs.extend(sorted(found))
    return pairs


def prose_share(text: str) -> float:
    """Share of non-blank line characters in lines of 5+ words that end like a sentence.

    >>> prose_share("Home\\nNews\\nThe council met on Monday to vote on the park.")
    0.851...
    """
    return line_scores(text).prose_share


def _title(word: str) -> bool:
    return len(word) > 2 and word[0].isupper() and word[1:].islower()


def _alone(flat: Sequence[str], places: list[int], caps: set[str], titles: set[str]) -> set[str]:
    """Of the ``titles`` (`_title` words), those (case-folded) written inside a sentence
    with no capitalised word beside them: names in their own right, not parts of a
    longer one.

    ``flat`` is `joined_words` of the sentences and ``caps`` its words that start
    with a capital; only the ``places`` of ``flat`` are looked at (those of the
    ``titles`` among them).
    """
    out = set()
    for k in places:
        word = flat[k]
        if word not in titles:
            continue
        before = flat[k - 1] if k else ""
        # Not a sentence's first word (that follows a ""), and no capital on either side.
        if before and before not in caps and flat[k + 1] not in caps:
            out.add(word.casefold())
    return out


def lowered_name_rate(cased: Sequence[Sequence[str]]) -> float:
    """Per 1,000 words, the most repeated lower-case pair of words written as names.

    ``cased`` holds each sentence's words as written; a name is a word the
    page also capitalises inside a sentence. A pair counts when both its words
    are names (a query pasted in lower case, "andrea kelly"), or when one is a
    name the page also writes capitalised on its own ("from Acme last week" ...
    "acme tools"). A word capitalised only inside a longer name ("Tax" of "Tax
    Foundation") may be a common noun, so beside a plain word ("tax cut") it is
    ordinary prose. Pairs with a stop word or a word of two letters or fewer
    do not count, nor a pair seen fewer than `MIN_LOWERED_PAIRS` times (twice
    in a short story is no pattern).

    >>> named = [["Fans", "of", "Andrea", "Kelly", "came"]]
    >>> lowered_name_rate(named + [["andrea", "kelly", "news"]] * 5)
    250.0
    >>> lowered_name_rate(named + [["andrea", "kelly", "news"]] * 4)
    0.0
    >>> lowered_name_rate([["The", "Tax", "Foundation", "said"]] + [["the", "tax", "cut"]] * 6)
    0.0
    >>> lowered_name_rate([["We", "bought", "from", "Acme", "today"]] + [["acme", "tools"]] * 6)
    352.9...
    """
    return joined_name_rate(joined_words(cased), len(cased), Vocabulary.of(cased))


def joined_name_rate(flat: Sequence[str], sentences: int, vocabulary: Vocabulary) -> float:
    """`lowered_name_rate` of ``sentences`` sentences given as `joined_words` (a pair
    holding a ``""`` crosses sentences) and their `Vocabulary`."""
    # Each distinct word is judged once; only the places of names written in lower
    # case are looked at, and pairs are counted in C.
    counts, firsts, caps = vocabulary
    titles = {w for w in caps if len(w) > 2 and w[1:].islower()}
    named = {w.casefold() for w in titles if counts[w] > firsts[w]}  # seen inside a sentence
    # Names also written as plain words (`is_query_word`): the pairs hold one of these.
    keys = {w for w in named if w in counts and is_query_word(w)}
    if not keys:
        return 0.0
    spelled = {w for w in titles if w.casefold() in keys}  # the same names capitalised
    marked = keys | spelled
    places = list(compress(range(len(flat)), map(marked.__contains__, flat)))
    solo = _alone(flat, places, caps, spelled)
    starts: set[int] = set()  # where a counted pair starts, each once
    last = len(flat) - 1
    for i in places:
        if flat[i] not in keys:
            continue
        # A name written capitalised on its own pairs with any plain word.
        mate = is_query_word if flat[i] in solo else keys.__contains__
        if i and mate(flat[i - 1]):
            starts.add(i - 1)
        if i < last and mate(flat[i + 1]):
            starts.add(i)
    lower = Counter((flat[i], flat[i + 1]) for i in starts)
    top = max(lower.values(), default=0)
    words = len(flat) - sentences
    return 1000.0 * top / words if words and top >= MIN_LOWERED_PAIRS else 0.0
