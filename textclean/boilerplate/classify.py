"""Classify lines and sentences as content or boilerplate, and cut the boilerplate.

Every line of a page is judged whole by the learned line model
(`textclean.boilerplate.line_model`): gradient-boosted trees over the line's
shape, its words, its position, the verdicts of the wording rules and the
shape of its neighbours; a line a built-in rule condemns whole goes too. A
headline, a quotation and a live story's time header are kept whatever the
model or the rules say. A line the model keeps may still hold furniture
sentences: it is split into sentences (`textclean.segment`) and each is
judged by the wording rules; a sentence a scraper glued together with commas
("..., Last modified on Fri 12 Jun 2020 12.13 BST.") may lose a furniture
clause at its head or tail. Bare author names beside a byline go too. Cuts
fall only on line, sentence or clause boundaries, a quoted statement is never
cut, and a user's own rules always win.

Without a model (``model=None``) the rules decide alone, with the layout
signals (runs of short link-like lines around the article) standing in for
the context the model reads.

>>> strip_boilerplate("Share on Twitter\\nPolice said the road was closed.\\nAdvertisement")
'Police said the road was closed.'
>>> [v.keep for v in classify_lines(["Log In", "“We will appeal,” she said.", ""])]
[False, True, True]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..context_patterns import ContextPattern, caseless, caseless_class
from ..patterns import Pattern
from ..segment import Sentence, split_sentences
from .features import (
    has_words,
    is_dateline,
    is_post_attribution,
    is_quoted,
    is_separator,
    is_time_header,
    word_count,
)
from .layout import author_names, closing_bios, is_anchor, link_lines, title_line
from .line_features import (
    FEATURES,
    PROSE_WORDS,
    OwnFeatures,
    assemble,
    english_prose,
    mark_rules,
    own_features,
)
from .line_memo import remembered_own_features
from .line_model import LineModel, builtin_model
from .line_words import spaced_word_counts
from .patterns_en import CREDIT_AT_END
from .patterns_en import RULES as EN_RULES
from .patterns_intl import RULES as INTL_RULES
from .rules import STEP, RuleSet

_CLAUSE_BREAK = ContextPattern(Pattern(r",\s+(?=[\p{Lu}])", step=STEP), r"(,\s+)\p{Lu}")
_STAMP_WORDS = (
    "date|dated|published|posted|updated|last updated|veröffentlicht|aktualisiert|"
    "publié le|mis à jour le|publicado|actualizado"
)
_STAMP_DATE = (
    r"\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s+"
)
#: What follows the stamp: the line's text, capitalised or quoted.
_STAMP_NEXT = r"\p{Lu}“\"«„"
#: A date stamp opening a line; on RE2, case-insensitive by spelling (`caseless`).
_PREFIX_STAMP = ContextPattern(
    Pattern(
        rf"^\s*(?:{_STAMP_WORDS}){_STAMP_DATE}(?=[{_STAMP_NEXT}])", regex.IGNORECASE, step=STEP
    ),
    rf"(^\s*(?:{caseless(_STAMP_WORDS)}){_STAMP_DATE.replace('[ T]', '[ Tt]')})"
    rf"[{caseless_class(_STAMP_NEXT)}]",
)
#: Lines up to this many words are judged whole before being split into sentences.
SHORT_LINE = 12
#: On a page of at most this many lines, the model alone removes no line of
#: `SMALL_PAGE_WORDS` words or more; the rules still do.
SMALL_PAGE = 3
SMALL_PAGE_WORDS = 3
#: A caption is a sentence or two about a picture; a line closed by a credit
#: past this many words or sentences is reporting (a page glued into one line).
CAPTION_MAX_WORDS = 60
CAPTION_MAX_SENTENCES = 2
_CREDIT_AT_END = Pattern(CREDIT_AT_END, regex.I | regex.V0, step=STEP)
#: How far from the end of a line a closing credit can start.
_CREDIT_REACH = 160
#: Words one of which a credit holds when it holds no slash and no closing bracket.
_CREDIT_WORDS = Pattern(r"photo|image|picture|illustration| via ", regex.I, step=STEP)
#: What a line closed by a credit cannot end with.
_NO_CREDIT_END = frozenset(".!?:;,\"'”’“‘…-–—")
_BIO_FOLLOW = ("he ", "she ", "his ", "her ", "they ", "their ", "prior to ", "before joining ")


@dataclass(frozen=True, slots=True)
class Cut:
    """A span of the text to remove, with why: ``text[start:end]`` goes."""

    start: int
    end: int
    category: str
    reason: str
    scope: str  # "line", "sentence" or "clause"
    #: For a line the model removed, its probability of being furniture.
    probability: float | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one line: kept or not, and for furniture, what kind and why.

    A kept line may still lose furniture sentences; they are in ``cuts``.
    """

    keep: bool
    category: str | None = None
    reason: str | None = None
    cuts: tuple[Cut, ...] = ()
    #: The model's probability that the line is furniture (None where it did not run).
    probability: float | None = None


KEEP = Verdict(True)


@lru_cache(maxsize=1)
def builtin_rules() -> RuleSet:
    """English, German, French and Spanish rules, compiled once per process."""
    return RuleSet(EN_RULES + INTL_RULES, shipped=True)


def judge(segment: str, rules: RuleSet) -> tuple[str, str] | None:
    """``(category, reason)`` when ``segment`` is furniture; quotes are never furniture.

    >>> judge("Read time 3min 50sec", builtin_rules())
    ('timestamp', 'read_time')
    >>> judge("Our privacy policy changed, the company said.", builtin_rules()) is None
    True
    """
    if not has_words(segment):
        return None
    hit = rules.match(segment, word_count(segment))
    # Most segments match no rule: the quotation test (the dearer one) waits for a hit.
    if hit is None or is_quoted(segment):
        return None
    return hit


#: A line of at least this many words that repeats an earlier line of the page
#: word for word (a headline or paragraph a scraper took twice) is furniture.
MIN_REPEAT_WORDS = 3
#: The headline is kept unless the model is at least this sure it is furniture
#: (a share bar or an advert label opening a scraped text is no headline)...
HEADLINE_DOUBT = 0.85
#: ...or unless it holds a word the model weighs as furniture at least this much
#: ("share", "advertisement", "posted by"); a headline has no furniture wording.
HEADLINE_WORDS = 0.4
#: A line of at least this many words between the headline and the body, opening
#: with a capital and holding none of `_CREDIT_MARKS`, is the standfirst: the
#: model does not remove it unless it is `HEADLINE_DOUBT` sure ("Discussions
#: around the technology have come to the fore ..." under a headline, which
#: reads like a caption without its full stop). Rules still do.
STANDFIRST_WORDS = 8
#: A line holding a quotation (`is_quoted`) is removed by the model only when it is
#: at least this sure: reporting that quotes someone is content, but a bio naming a
#: book in quote marks, a teaser headline quoting its subject or a pull quote is not,
#: and the model reads those as furniture with far more certainty. On the training
#: scraper output, against sparing every quotation, this removes 19 more furniture
#: lines and no content line.
QUOTE_DOUBT = 0.85
#: A line a date or time-stamp rule condemns is kept when the model, which reads that
#: hit among its features, still finds it this unlikely to be furniture: a year or a
#: date heading a timeline's entries, a dated section of a live story ("Updated at
#: 9:50 p.m. -- Ossoff concedes"). On the training scraper output, development and
#: Readability pages every stamp-rule hit below it was content (37 scraper-output
#: lines, 331 on Readability pages) and none furniture; on Dragnet pages, whose
#: comment threads carry thousands of stamps, 5% of the furniture hits fall below it.
STAMP_DOUBT = 0.3
#: A line the model finds furniture with at least this probability goes whole, even
#: where a rule finds a furniture sentence inside it: below it, a long line loses
#: only the sentences the rules point to (a paragraph closed by a photo credit),
#: at or above it the model's verdict on the whole line stands (a caption whose
#: credit a rule cuts is still a caption; a bio with a contact line is still a bio).
WHOLE_LINE_SURE = 0.85
#: Below this probability the closing paragraph of a page in a language the word
#: weights cannot read stays (`_closing_paragraph`).
CLOSING_DOUBT = 0.85
#: The most words of a headline above a standfirst (`_title_above`).
TITLE_MAX_WORDS = 20
_CREDIT_MARKS = "()[]/|@©"
_LEXICAL_MAX = FEATURES.index("lexical_max")
#: The feature column saying the line holds a quotation (`is_quoted`).
_QUOTED = FEATURES.index("quoted")
_ENDS_SENTENCE = FEATURES.index("ends_sentence")
#: Rounds of judging what is left (see `_model_verdicts`). Most pages settle in
#: two or three; a page still losing lines in the last round may lose more when
#: stripped again. The cap keeps the cost linear: a page of text the model
#: reads as furniture can lose a few lines a round for as many rounds as it
#: has lines.
MAX_ROUNDS = 5
#: ``model=USE_BUILTIN`` (the default) means the model shipped with textclean.
USE_BUILTIN = "builtin"


def classify_lines(
    lines: Iterable[str],
    rules: RuleSet | None = None,
    *,
    layout: bool = True,
    keep_categories: frozenset[str] = frozenset(),
    model: LineModel | str | None = USE_BUILTIN,
    threshold: float | None = None,
) -> list[Verdict]:
    """One verdict per line of one document, in order.

    A line that holds both content and furniture sentences is kept, and its
    verdict lists the sentence cuts (offsets within that line). ``layout``
    adds bare author names beside bylines (and, without a model, link runs);
    ``keep_categories`` are never removed. ``model`` is a `LineModel`, the
    built-in one, or None for the rules alone; ``threshold`` overrides the
    model's decision threshold (higher keeps more). A text without a line of
    article prose (twelve words or more, ending like a sentence), before or
    after the rules' sentence cuts, has no page to read its lines against,
    and is judged by the rules alone.
    """
    if isinstance(lines, str):
        raise TypeError(
            "classify_lines takes the lines of a page (a list of str), not one str: "
            "split the text with str.splitlines(), or call find_cuts on it"
        )
    lines = lines if isinstance(lines, (list, tuple)) else list(lines)  # read an iterator once
    rules = builtin_rules() if rules is None else rules
    if model == USE_BUILTIN:
        model = builtin_model()
    by_rules: list[Verdict] | None = None
    if model is not None and not any(is_anchor(line) for line in lines):
        # No article prose to read the lines against: the wording decides, unless
        # the rules' own sentence cuts leave some (a paragraph ending in a photo
        # credit), which the model would find on the output, stripped again.
        by_rules = [_judge_line_remembered(line, rules) for line in lines]
        if not any(
            v.keep and v.cuts and is_anchor(_residual(line, v))
            for line, v in zip(lines, by_rules, strict=True)
        ):
            model = None
    if model is None:
        verdicts = by_rules or [_judge_line_remembered(line, rules) for line in lines]
        if layout:
            _add_layout(lines, verdicts)
    else:
        assert isinstance(model, LineModel)
        verdicts = _model_verdicts(lines, rules, model, threshold, layout)
    if keep_categories:
        verdicts = [_spare(v, keep_categories) for v in verdicts]
    return verdicts


def _model_verdicts(
    lines: Sequence[str], rules: RuleSet, model: LineModel, threshold: float | None, layout: bool
) -> list[Verdict]:
    """Verdicts from the model, repeated on what is left until nothing more goes.

    A line is judged among its neighbours, so removing furniture changes what
    the lines beside it look like; judging the remaining lines again until a
    round removes nothing makes the result a fixed point: stripping the output
    again removes nothing (the step is idempotent). Sentence cuts are found in
    the first round, and later rounds see the lines without them (a round
    that cut sentences is followed by one more, even if it removed no line:
    a line left without its credit may read as furniture on its own).

    Each line's own features, rule hit and category are worked out once for
    the whole page (`own_features`); a round only re-reads positions and
    neighbours (`assemble`) and walks the trees again, over the lines left.
    Without a ``threshold``, each round takes the model's for the lines left
    (`LineModel.cut_off`: a whole web page may have its own).
    """
    n = len(lines)
    final: list[Verdict] = [KEEP] * n
    texts = list(lines)
    own = remembered_own_features(texts, model.words)
    hits = _rule_hits(own, rules)
    mark_rules(own, [None if h is None else h[0] for h in hits])
    alive = list(range(n))
    for round_ in range(MAX_ROUNDS):
        first = round_ == 0
        page = own if first else own.take(alive)
        cut_off = model.cut_off(page.words) if threshold is None else threshold
        judged = _model_round(
            [texts[i] for i in alive], [hits[i] for i in alive], page, rules, model, cut_off, first
        )
        if layout:
            _add_closing_bios([texts[i] for i in alive], judged)
        if layout and any(v.category == "byline" for v in judged):
            _add_author_names([texts[i] for i in alive], judged)
        removed = False
        changed: list[int] = []
        for i, verdict in zip(alive, judged, strict=True):
            if not verdict.keep:
                final[i] = verdict
                removed = True
            elif first:
                final[i] = verdict
                if verdict.cuts:
                    texts[i] = _residual(lines[i], verdict)
                    changed.append(i)
            else:
                final[i] = Verdict(True, cuts=final[i].cuts, probability=verdict.probability)
        if not removed and not changed:
            break
        alive = [i for i in alive if final[i].keep]
        if changed:
            fresh = own_features([texts[i] for i in changed], None, model.words)
            for i, hit in zip(changed, _rule_hits(fresh, rules), strict=True):
                hits[i] = hit
            mark_rules(fresh, [None if hits[i] is None else hits[i][0] for i in changed])
            own.put(changed, fresh)
    return final


def _model_round(
    lines: Sequence[str],
    hits: Sequence[tuple[str, str, bool] | None],
    page: OwnFeatures,
    rules: RuleSet,
    model: LineModel,
    cut_off: float,
    cuts: bool,
) -> list[Verdict]:
    """One round: whole-line verdicts, and (with ``cuts``) sentence cuts in kept lines."""
    X = assemble(page)
    p = model.furniture(X, page.present).tolist()
    quoted = (X[:, _QUOTED] > 0).tolist()
    lexical_max = X[:, _LEXICAL_MAX].tolist()
    repeats = _repeated(page)
    words = page.words.tolist()
    categories = [None if h is None else h[0] for h in hits]
    first = _body_start(page, categories)
    headline = _headline(lines, categories, first)
    above = _title_above(page, words, headline)
    verdicts: list[Verdict] = []
    seen: set[str] = set()
    several = sum(map(bool, page.stripped)) > 1  # a page of one line is never all caption
    # A page of a few lines (besides those a rule condemns) gives the model no
    # neighbours to judge by: there it removes no line of a few words or more alone.
    unruled = sum(1 for text, h in zip(page.stripped, hits, strict=True) if text and h is None)
    small = unruled <= SMALL_PAGE
    closing = _closing_paragraph(page, hits, p, cut_off)
    for index, (line, stripped, hit, prob, count) in enumerate(
        zip(lines, page.stripped, hits, p, words, strict=True)
    ):
        if not stripped:
            verdicts.append(KEEP)
            continue
        if not stripped[0].isalnum() and is_separator(stripped):
            verdicts.append(Verdict(False, "separator", "rule_line", probability=prob))
            continue
        if index in repeats:
            key = " ".join(stripped.lower().split())
            if (
                key in seen
                and count >= MIN_REPEAT_WORDS
                # One account's posts share their attribution line.
                and not is_post_attribution(stripped)
            ):
                verdicts.append(Verdict(False, "duplicate", "repeated_line", probability=prob))
                continue
            seen.add(key)
        if (hit is None or hit[0] == "caption") and several and credited_caption(stripped, count):
            verdicts.append(Verdict(False, "caption", "credited_caption", probability=prob))
            continue
        decisive = hit is not None and hit[2]
        if (
            not decisive
            and (cut_off <= prob < WHOLE_LINE_SURE or hit is not None)
            and cuts
            and count > SHORT_LINE
        ):
            # A long line whose furniture the rules can point to inside it loses
            # only that furniture: the model judges lines whole, the rules cut finer
            # (a rule that fires on one sentence of a paragraph does not condemn it).
            # A line the model is sure of goes whole (a caption closed by its credit).
            inner = _inner_verdict(line, stripped, hit, rules)
            if inner.keep and inner.cuts:
                verdicts.append(Verdict(True, cuts=inner.cuts, probability=prob))
                continue
        if decisive or (
            (hit is not None or (prob >= cut_off and not (small and count >= SMALL_PAGE_WORDS)))
            and not (
                (quoted[index] and prob < QUOTE_DOUBT)
                or is_time_header(stripped)
                or (hit is None and (is_post_attribution(stripped) or is_dateline(stripped)))
                or (index == closing and prob < CLOSING_DOUBT)
                or (hit is not None and hit[0] == "timestamp" and prob < STAMP_DOUBT)
                or (
                    index == headline
                    and (prob < HEADLINE_DOUBT or lexical_max[index] < HEADLINE_WORDS)
                )
                or (
                    hit is None
                    and prob < HEADLINE_DOUBT
                    and (index == above or _standfirst(index, stripped, count, headline, first))
                )
            )
        ):
            if hit is not None:
                category, reason = hit[0], hit[1]
            else:
                category, reason = model.categories[int(page.category[index])], "model"
            verdicts.append(Verdict(False, category, reason, probability=prob))
            continue
        if not cuts:
            verdicts.append(Verdict(True, probability=prob))
            continue
        inner = _inner_verdict(line, stripped, hit, rules)
        if inner.keep:
            verdicts.append(Verdict(True, cuts=inner.cuts, probability=prob))
        elif count > SHORT_LINE:
            # Every sentence of a long line is furniture by the rules: the line goes.
            verdicts.append(Verdict(False, inner.category, inner.reason, probability=prob))
        else:
            verdicts.append(Verdict(True, probability=prob))
    return verdicts


#: What can end a sentence inside a line, or break it (`textclean.segment`'s boundaries).
_SPLITTERS = frozenset(".!?…‼⁇⁈⁉。！？｡" + "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_TRAILING = ".!?…‼⁇⁈⁉。！？｡" + "\"'”’»›)]}」』】〉》〕）"
#: First letters of the words `_PREFIX_STAMP` opens with.
_STAMP_INITIALS = frozenset("dpulvam")


def _inner_verdict(
    line: str, stripped: str, hit: tuple[str, str, bool] | None, rules: RuleSet
) -> Verdict:
    """`_judge_line_remembered` on a line that is neither blank nor a separator,
    skipped where its answer is sure to be `KEEP`.

    A line no rule condemns whole, with no sentence end before its last word
    and no comma a clause could start after (`_may_break_clause`), is one
    sentence the rules already passed, with no clause to cut: only a date
    prefix could go, and its first letter says whether one can be there.
    """
    if (
        hit is None
        and _SPLITTERS.isdisjoint(stripped.rstrip(_TRAILING))
        and not _may_break_clause(stripped)
        and stripped[0].lower() not in _STAMP_INITIALS
    ):
        return KEEP
    return _judge_line_remembered(line, rules)


def _closing_paragraph(
    page: OwnFeatures,
    hits: Sequence[tuple[str, str, bool] | None],
    p: Sequence[float],
    cut_off: float,
) -> int | None:
    """The page's last line, when it is a paragraph that closes an article the word
    weights cannot read: it and the line before it are prose (`PROSE_WORDS` words or
    more, ending like a sentence), no rule condemns either, the model keeps the one
    before, and the page's prose is not in English (`english_prose`).

    Trees that learnt from English pages, where the last lines are mostly footers,
    read the last paragraph of a page in another language as one: without the
    word weights' evidence, a page's closing paragraph went as furniture.
    """
    present = [i for i, text in enumerate(page.stripped) if text]
    if len(present) < 2:
        return None
    before, last = present[-2], present[-1]
    prose = (page.words >= PROSE_WORDS) & (page.rows[:, _ENDS_SENTENCE] > 0)
    if not (prose[before] and prose[last]) or hits[before] is not None or hits[last] is not None:
        return None
    if p[before] >= cut_off or english_prose(page.keys, prose):
        return None
    return last


def _body_start(page: OwnFeatures, categories: Sequence[str | None]) -> int:
    """`body_span`'s first line, from the features: each prose line (`is_anchor`) scores
    its words, every other line no rule condemned costs one."""
    words = page.words.tolist()
    ends = page.rows[:, _ENDS_SENTENCE].tolist()
    best, best_start = 0, len(words)
    total, start = 0, 0
    for i, (count, category, stripped) in enumerate(
        zip(words, categories, page.stripped, strict=True)
    ):
        if category is not None or not count:
            continue
        anchor = ends[i] > 0 and (count >= 12 or (len(stripped) >= 60 and " " not in stripped[:40]))
        gain = count if anchor else -1
        if total <= 0:
            total, start = 0, i
        total += gain
        if gain > 0 and total > best:
            best, best_start = total, start
    return best_start


def _standfirst(index: int, stripped: str, words: int, headline: int | None, first: int) -> bool:
    """Whether a line reads as the standfirst: between the headline and the body, of
    `STANDFIRST_WORDS` or more, opening with a capital and without a credit's marks
    (a photo caption there holds brackets, slashes or a pipe)."""
    return (
        headline is not None
        and headline < index < first
        and words >= STANDFIRST_WORDS
        and _capital_and_no_credit(stripped)
    )


def _capital_and_no_credit(text: str) -> bool:
    """Opens with a capital and holds none of `_CREDIT_MARKS` (a caption's brackets,
    slashes, pipe, handle or copyright sign)."""
    return text[0].isupper() and not any(mark in text for mark in _CREDIT_MARKS)


def _title_above(page: OwnFeatures, words: list[int], headline: int | None) -> int | None:
    """The line just above a headline that reads as a standfirst (`STANDFIRST_WORDS` or
    more), when it is title-shaped: the real headline, which the longer standfirst
    took the headline's place from. Three to `TITLE_MAX_WORDS` words, opening with a
    capital, no full stop at its end and none of `_CREDIT_MARKS`."""
    if headline is None or words[headline] < STANDFIRST_WORDS:
        return None
    index = next((i for i in range(headline - 1, -1, -1) if page.stripped[i]), None)
    if index is None:
        return None
    text = page.stripped[index]
    shaped = 3 <= words[index] <= TITLE_MAX_WORDS and text[-1] != "."
    return index if shaped and _capital_and_no_credit(text) else None


def _repeated(page: OwnFeatures) -> set[int]:
    """Lines whose words (edge marks stripped) occur on another line of the page: the only
    ones that can repeat an earlier line word for word."""
    present = page.present.tolist()
    counts = Counter(key for key, here in zip(page.keys, present, strict=True) if here)
    if len(counts) == sum(present):
        return set()
    return {
        i
        for i, (key, here) in enumerate(zip(page.keys, present, strict=True))
        if here and counts[key] > 1
    }


def _headline(lines: Sequence[str], categories: Sequence[str | None], first: int) -> int | None:
    """The line `title_line` picks as the headline before the body; a caption or a
    credit (brackets, slashes, handles) is not one."""
    if first >= len(lines):
        return None
    index = title_line(lines, categories, first)
    if index is None or any(mark in lines[index] for mark in _CREDIT_MARKS):
        return None
    return index


def _rule_hits(own: OwnFeatures, rules: RuleSet) -> list[tuple[str, str, bool] | None]:
    """`_rule_hit` for every line of a page, from its features (quoted, word count).

    The answer depends on the line alone, so a short line judged on an earlier
    page (menus, share rows and footers recur site-wide) is looked up in the
    rules' memory instead of being matched again.
    """
    hits: list[tuple[str, str, bool] | None] = [None] * len(own.stripped)
    memo = rules.memo
    at = []
    for i, (stripped, quoted) in enumerate(
        zip(own.stripped, own.rows[:, _QUOTED].tolist(), strict=True)
    ):
        if not stripped or quoted:
            continue
        if len(stripped) <= MEMO_CHARS and ("rule", stripped) in memo:
            hits[i] = memo[("rule", stripped)]  # type: ignore[assignment]
        else:
            at.append(i)
    words = own.words.tolist()
    segments = [own.stripped[i] for i in at]
    found = rules.match_rules(segments, spaced_word_counts(segments, [words[i] for i in at]))
    for i, hit in zip(at, found, strict=True):
        hits[i] = hit
        if len(own.stripped[i]) <= MEMO_CHARS:
            rules.remember(("rule", own.stripped[i]), hit)
    return hits


def _rule_hit(line: str, rules: RuleSet) -> tuple[str, str, bool] | None:
    """``(category, reason, decisive)`` of the rule that condemns the whole line."""
    stripped = line.strip()
    if not stripped or is_quoted(stripped):
        return None
    return rules.match_rule(stripped)


def _add_closing_bios(lines: Sequence[str], verdicts: list[Verdict]) -> None:
    texts = [_residual(line, v) for line, v in zip(lines, verdicts, strict=True)]
    categories = [None if v.keep else v.category for v in verdicts]
    for i in closing_bios(texts, categories):
        verdicts[i] = Verdict(False, "byline", "closing_bio", probability=verdicts[i].probability)


def _add_author_names(lines: Sequence[str], verdicts: list[Verdict]) -> None:
    texts = [_residual(line, v) for line, v in zip(lines, verdicts, strict=True)]
    categories = [None if v.keep else v.category for v in verdicts]
    for i in author_names(texts, categories):
        verdicts[i] = Verdict(False, "byline", "author_name", probability=verdicts[i].probability)


def _spare(verdict: Verdict, keep: frozenset[str]) -> Verdict:
    """The verdict with the categories a user keeps taken back out."""
    if not verdict.keep and verdict.category in keep:
        return KEEP
    if verdict.cuts and any(k.category in keep for k in verdict.cuts):
        cuts = tuple(k for k in verdict.cuts if k.category not in keep)
        return Verdict(True, cuts=cuts) if cuts else KEEP
    return verdict


def _add_layout(lines: Sequence[str], verdicts: list[Verdict]) -> None:
    """Position signals, on what the wording rules left: credited captions, a bio
    closing the page, names by bylines, link runs."""
    texts = [_residual(line, v) for line, v in zip(lines, verdicts, strict=True)]
    categories = [None if v.keep else v.category for v in verdicts]
    if sum(1 for t in texts if t.strip()) > 1:
        for i, line in enumerate(lines):  # the line as it came: its credit is what tells
            if categories[i] is None and line.strip() and credited_caption(line.strip()):
                verdicts[i] = Verdict(False, "caption", "credited_caption")
                categories[i] = "caption"
    for i in closing_bios(texts, categories):
        verdicts[i] = Verdict(False, "byline", "closing_bio")
        categories[i] = "byline"
    for i in author_names(texts, categories):
        verdicts[i] = Verdict(False, "byline", "author_name")
        categories[i] = "byline"
    for i, reason in link_lines(texts, categories).items():
        verdicts[i] = Verdict(False, "navigation", reason)


def find_cuts(
    text: str,
    rules: RuleSet | None = None,
    *,
    layout: bool = True,
    keep_categories: frozenset[str] = frozenset(),
    model: LineModel | str | None = USE_BUILTIN,
    threshold: float | None = None,
) -> list[Cut]:
    """The spans of ``text`` to remove, in order, non-overlapping.

    A removed line takes its line break with it, and blank lines left
    doubled (or leading, or trailing) by a removal go too.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_cuts takes a str, not {type(text).__name__}")
    bounds = line_bounds(text)
    lines = [text[a:b] for a, b, _ in bounds]
    verdicts = classify_lines(
        lines,
        rules,
        layout=layout,
        keep_categories=keep_categories,
        model=model,
        threshold=threshold,
    )
    return cuts_from_verdicts(bounds, lines, verdicts)


def cuts_from_verdicts(
    bounds: list[tuple[int, int, int]], lines: Sequence[str], verdicts: Sequence[Verdict]
) -> list[Cut]:
    """Turn line verdicts into text cuts: whole lines with their breaks, sentence cuts,
    and the blank lines a removal leaves doubled, leading or trailing."""
    gone = [not v.keep for v in verdicts]
    blank = [not line.strip() for line in lines]
    drop_blank = _orphaned_blanks(gone, blank)
    cuts: list[Cut] = []
    for (a, _b, c), verdict, dropped in zip(bounds, verdicts, drop_blank, strict=True):
        if not verdict.keep:
            probability = verdict.probability if verdict.reason == "model" else None
            cuts.append(
                Cut(a, c, verdict.category or "other", verdict.reason or "", "line", probability)
            )
        elif dropped:
            cuts.append(Cut(a, c, "separator", "blank_line", "line"))
        else:
            cuts.extend(
                Cut(a + k.start, a + k.end, k.category, k.reason, k.scope) for k in verdict.cuts
            )
    return _closing_break(_absorb_blanks(cuts), bounds)


def _closing_break(cuts: list[Cut], bounds: list[tuple[int, int, int]]) -> list[Cut]:
    """A cut that ends a text with no final line break takes the break before it:
    removing the last line of ``kept\\nfurniture`` leaves ``kept``, not ``kept\\n``."""
    if not cuts or not bounds or bounds[-1][1] != bounds[-1][2]:
        return cuts  # the text ends in a line break (or is empty): nothing dangles
    last = cuts[-1]
    if last.scope != "line" or last.end != bounds[-1][2] or last.start == 0:
        return cuts
    before = next((b for _a, b, c in bounds if c == last.start), None)
    if before is None or (len(cuts) > 1 and cuts[-2].end > before):
        return cuts
    return [*cuts[:-1], replace(last, start=before)]


def _absorb_blanks(cuts: list[Cut]) -> list[Cut]:
    """Blank lines removed beside a furniture line join its cut (before or after it)."""
    out: list[Cut] = []
    pending: list[Cut] = []  # contiguous blank cuts waiting for the next furniture line
    for cut in cuts:
        if cut.reason == "blank_line":
            last = out[-1] if out else None
            if not pending and last is not None and last.end == cut.start and last.scope == "line":
                out[-1] = replace(last, end=cut.end)
            elif pending and pending[-1].end != cut.start:
                out.extend(pending)
                pending = [cut]
            else:
                pending.append(cut)
            continue
        if pending and pending[-1].end == cut.start and cut.scope == "line":
            cut = replace(cut, start=pending[0].start)
        else:
            out.extend(pending)
        pending = []
        out.append(cut)
    out.extend(pending)
    return out


def strip_boilerplate(text: str, rules: RuleSet | None = None) -> str:
    """``text`` without its furniture lines, sentences and clauses.

    >>> strip_boilerplate("Brendyn Lotz\\n\\nBrendyn Lotz writes news for Hypertext.\\n")
    ''
    """
    out: list[str] = []
    pos = 0
    for cut in find_cuts(text, rules):
        out.append(text[pos : cut.start])
        pos = cut.end
    out.append(text[pos:])
    return "".join(out)


#: Lines up to this many characters have their verdicts remembered freely: menus,
#: share rows and footers come back on every page of a site.
MEMO_CHARS = 300
#: Longer lines, up to this many characters, are remembered counting their length
#: (`RuleSet.remember`): a paragraph comes back when a story is syndicated or a
#: page is scraped twice, and judging its sentences costs far more than a look-up.
LONG_MEMO_CHARS = 20_000


def _judge_line_remembered(line: str, rules: RuleSet) -> Verdict:
    """`_judge_line`, looked up first among the lines these rules have judged."""
    size = len(line)
    if size > LONG_MEMO_CHARS:
        return _judge_line(line, rules)
    key = ("line", line)
    verdict = rules.memo.get(key)
    if verdict is None:
        verdict = _judge_line(line, rules)
        rules.remember(key, verdict, size if size > MEMO_CHARS else 0)
    return verdict  # type: ignore[return-value]


def credited_caption(stripped: str, words: int | None = None) -> bool:
    """Whether a line is a picture's caption closed by its credit:
    "Crews clear the road in Leeds on Monday. (AP Photo/Jane Roe)".

    The rules cut the credit as a sentence of its own, which left the caption
    standing as a line of reporting; a line of one or two sentences that ends
    in a photo credit is the caption, and goes whole. A line ending in a
    sentence end, longer than `CAPTION_MAX_WORDS` or holding more than
    `CAPTION_MAX_SENTENCES` before its credit (a glued page) is not one: there
    the credit alone is cut. The caller asks only on pages of more than one line.
    """
    if stripped[-1] in _NO_CREDIT_END or (
        words is not None and not 4 <= words <= CAPTION_MAX_WORDS
    ):
        return False
    tail = stripped[-_CREDIT_REACH:]
    if "/" not in tail and tail[-1] != ")" and not _CREDIT_WORDS.search(tail):
        return False  # every credit holds a slash, a closing bracket or a picture word
    found = _CREDIT_AT_END.search(tail)
    if found is None or (found.start() == 0 and len(stripped) <= _CREDIT_REACH):
        return False  # no credit, or the credit alone: a rule's business
    if words is None and not 4 <= word_count(stripped) <= CAPTION_MAX_WORDS:
        return False
    head = stripped[: len(stripped) - len(tail) + found.start()]
    return len(split_sentences(head)) <= CAPTION_MAX_SENTENCES


def _judge_line(line: str, rules: RuleSet) -> Verdict:
    stripped = line.strip()
    if not stripped:
        return KEEP
    if is_separator(stripped):
        return Verdict(False, "separator", "rule_line")
    sentences = split_sentences(line)
    if len(sentences) > 1 and word_count(stripped) <= SHORT_LINE:
        hit = judge(stripped, rules)  # a short label, whatever its inner full stops
        if hit is not None:
            return Verdict(False, *hit)
    judged = [_judge_sentence(s, rules) for s in sentences]
    hits = [hit for hit, _ in judged]
    _follow_bios(sentences, hits)
    if all(h is not None for h in hits):
        return Verdict(False, *hits[0])
    cuts = sentence_cuts(sentences, hits) if any(hits) else []
    for hit, clauses in judged:
        if hit is None:
            cuts.extend(clauses)
    if hits[0] is None:
        stamp = _PREFIX_STAMP.search(line)  # anchored at the start
        if stamp is not None and stamp.end() < sentences[0].end:
            cuts.append(Cut(0, stamp.end(), "timestamp", "date_prefix", "clause"))
    return Verdict(True, cuts=tuple(_merge(cuts))) if cuts else KEEP


def _judge_sentence(sentence: Sentence, rules: RuleSet) -> tuple[tuple[str, str] | None, list[Cut]]:
    """A verdict on a whole sentence, or the furniture clauses to cut from it.

    A run-on sentence whose furniture is only a head or tail clause loses that
    clause, not the reporting glued to it.
    """
    hit = judge(sentence.text, rules)
    clauses = _clause_cuts(sentence, rules)
    if hit is None or not clauses:
        return hit, clauses
    rest = _residual(sentence.text, Verdict(True, cuts=tuple(_shift(clauses, -sentence.start))))
    if word_count(rest) >= 4 and judge(rest, rules) is None:
        return None, clauses
    return hit, []


def _shift(cuts: list[Cut], offset: int) -> list[Cut]:
    return [Cut(k.start + offset, k.end + offset, k.category, k.reason, k.scope) for k in cuts]


def _follow_bios(sentences: list[Sentence], hits: list[tuple[str, str] | None]) -> None:
    """Sentences right after an author bio that go on about "he"/"her" are the bio."""
    for i in range(1, len(sentences)):
        prev = hits[i - 1]
        if hits[i] is None and prev is not None and prev[1] == "author_bio":
            if sentences[i].text.lower().startswith(_BIO_FOLLOW) and not is_quoted(
                sentences[i].text
            ):
                hits[i] = prev


def sentence_cuts(sentences: list[Sentence], hits: list[tuple[str, str] | None]) -> list[Cut]:
    """Cuts for furniture sentences: each takes the space after it, or before it at line end."""
    cuts = []
    for i, (s, hit) in enumerate(zip(sentences, hits, strict=True)):
        if hit is None:
            continue
        later = [t for t, h in zip(sentences[i + 1 :], hits[i + 1 :], strict=True) if h is None]
        if later:
            end = sentences[i + 1].start
            cuts.append(Cut(s.start, end, hit[0], hit[1], "sentence"))
        else:
            start = sentences[i - 1].end if i else s.start
            cuts.append(Cut(start, s.end, hit[0], hit[1], "sentence"))
    return _merge(cuts)


def _clause_cuts(sentence: Sentence, rules: RuleSet) -> list[Cut]:
    """Furniture clauses glued to the head or tail of a sentence with ", "."""
    if not _may_break_clause(sentence.text):
        return []
    breaks = list(_CLAUSE_BREAK.finditer(sentence.text))
    if not breaks:
        return []
    base = sentence.start
    edges = [0] + [m.end() for m in breaks] + [len(sentence.text)]
    commas = [m.start() for m in breaks]
    clauses = [
        sentence.text[edges[i] : (commas[i] if i < len(commas) else edges[-1])]
        for i in range(len(edges) - 1)
    ]
    cuts: list[Cut] = []
    head = 0
    while head < len(clauses) - 1:
        hit = rules.match_fragment(clauses[head])
        if hit is not None and is_quoted(clauses[head]):
            hit = None
        if hit is None:
            break
        cuts.append(Cut(base + edges[head], base + edges[head + 1], hit[0], hit[1], "clause"))
        head += 1
    tail = len(clauses) - 1
    while tail > head:
        clause = clauses[tail].rstrip(".!?…")
        hit = rules.match_fragment(clause)
        if hit is not None and is_quoted(clause):
            hit = None
        if hit is None:
            break
        end = base + edges[tail] + len(clause)
        cuts.append(Cut(base + commas[tail - 1], end, hit[0], hit[1], "clause"))
        tail -= 1
    return _merge(cuts)


def _may_break_clause(text: str) -> bool:
    """Whether `_CLAUSE_BREAK` can match ``text``: some comma is followed by spaces and
    then a character that is not lower case. Most commas in prose go on in lower case
    ("..., who said"), so most sentences need no pattern search.

    >>> _may_break_clause("Police said, on Monday, that it was closed.")
    False
    >>> _may_break_clause("Police said, Monday, that it was closed.")
    True
    """
    n = len(text)
    at = text.find(",")
    while at >= 0:
        end = at + 1
        while end < n and text[end].isspace():  # every ``\s`` is `str.isspace`
            end += 1
        if at + 1 < end < n and not text[end].islower():  # an upper-case letter is not
            return True
        at = text.find(",", end)
    return False


def _merge(cuts: list[Cut]) -> list[Cut]:
    """Join touching cuts into one, keeping the first one's category and reason."""
    out: list[Cut] = []
    for cut in sorted(cuts, key=lambda k: k.start):
        if out and cut.start <= out[-1].end:
            last = out[-1]
            out[-1] = Cut(
                last.start, max(last.end, cut.end), last.category, last.reason, last.scope
            )
        else:
            out.append(cut)
    return out


def _residual(line: str, verdict: Verdict) -> str:
    """What is left of a kept line after its sentence cuts."""
    if not verdict.cuts:
        return line
    out, pos = [], 0
    for cut in verdict.cuts:
        out.append(line[pos : cut.start])
        pos = cut.end
    out.append(line[pos:])
    return "".join(out)


def line_bounds(text: str) -> list[tuple[int, int, int]]:
    """``(start, end_of_content, end_with_break)`` for every line, blank ones included."""
    out = []
    pos = 0
    for piece in text.splitlines(keepends=True):
        content = piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        out.append((pos, pos + len(content), pos + len(piece)))
        pos += len(piece)
    return out


def _orphaned_blanks(gone: list[bool], blank: list[bool]) -> list[bool]:
    """Blank lines that a removal would leave leading, trailing or doubled.

    Linear in the number of lines: for every line, whether the nearest line
    on each side that is not a kept blank is a removed one is worked out in
    one pass each way.
    """
    n = len(gone)
    drop = [False] * n
    removal_before = [False] * n  # the nearest non-kept-blank line before i is removed
    removal_after = [False] * n
    last: bool | None = None
    for i in range(n):
        removal_before[i] = bool(last)
        if gone[i] or not blank[i]:
            last = gone[i]
    last = None
    for i in range(n - 1, -1, -1):
        removal_after[i] = bool(last)
        if gone[i] or not blank[i]:
            last = gone[i]

    last_kept_blank: bool | None = None  # None: nothing output yet
    for i in range(n):
        if gone[i]:
            continue
        if blank[i]:
            if (removal_before[i] or removal_after[i]) and last_kept_blank in (None, True):
                drop[i] = True
                continue
            last_kept_blank = True
        else:
            last_kept_blank = False
    for i in range(n - 1, -1, -1):  # trailing blanks left by a removal at the end
        if gone[i] or drop[i]:
            continue
        if blank[i] and (removal_before[i] or removal_after[i]):
            drop[i] = True
            continue
        break
    return drop
