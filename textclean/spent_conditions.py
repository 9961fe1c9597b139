"""Zero-width conditions spent on the characters beside them, so RE2 can ask them.

RE2 has no look-around, no Unicode ``\\b`` and no possessive run. For the
question *whether* a pattern matches somewhere, each of them is a condition
on one character next to a position, and that character is read by the
pattern anyway (or is the edge of the text):

* ``(?=x)`` / ``(?!x)``: the next character is (is not) in ``x``;
  ``(?<=x)`` / ``(?<!x)`` the same of the character before;
* ``\\b``: either the character before is a word character (as `regex`
  reads ``\\w``) and the next is not, or the other way round;
* a possessive run ``x*+`` of one class: a greedy run ``x*`` that stops only
  where the next character is not in ``x`` (the one place a greedy run and
  the possessive one agree). Where whatever follows cannot start with a
  character of ``x`` (spaces ``x`` also holds, skipped on the way, are read
  by the run either way), or reads only runs to the end of the text (which
  accept any end of what they accept), the run is left greedy as it is.

A condition on the next character is pushed into what follows: the first
character each way through it reads is narrowed to the allowed set
(``(?!\\w).{0,80}x`` becomes ``(?:[^\\w\\n].{0,79})?x`` when ``x`` is no word
character, spelled as code points); a condition before is pushed the same
way into what precedes, on the pattern read backwards. Alternatives whose
start (or end) the condition reaches are taken one by one, with what
follows them, so the rewritten pattern is longer but has no zero-width
condition left: `spend` returns it in `regex` syntax, every character
spelled as the code points it matches (`textclean.code_points`), for
`textclean.re2_syntax.to_re2`. It returns None for what it does not handle
(back-references, look-arounds longer than one character, a look-around
inside an unbounded repetition, a possessive run of a group...).

>>> import regex
>>> source = r"^[\\s\\p{P}]*+(?:(?<=\\()photo\\b[^)]*\\))"
>>> rewritten = spend(source, caseless=True)
>>> [bool(regex.search(rewritten, t)) for t in ("(Photo: AP)", "Photo: AP)", "(Photos)")]
[True, False, False]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .code_points import CodePoints, points_of
from .pattern_items import Item, Refused, parse

INF = 10**9
#: Longest rewritten source accepted: past it the pattern stays on `regex`.
MAX_SOURCE = 1_000_000
#: What a pattern no text matches is rewritten as.
NEVER = r"\Z."


@dataclass(frozen=True, slots=True)
class Chars:
    points: CodePoints


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Alt:
    branches: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Rep:
    node: Node
    low: int
    high: int
    possessive: bool = False


@dataclass(frozen=True, slots=True)
class Look:
    """The character after (``ahead``) or before the position is in ``allowed``,
    or there is none and ``edge`` is True."""

    ahead: bool
    allowed: CodePoints
    edge: bool


@dataclass(frozen=True, slots=True)
class Edge:
    """The end (``end``) or the start of the text."""

    end: bool


class _Opaque:
    """What follows is not known: a condition must not reach it."""


Node = Chars | Seq | Alt | Rep | Look | Edge | _Opaque
EMPTY = Seq(())
OPAQUE = _Opaque()


class _NeedsContext(Exception):
    pass


@lru_cache(maxsize=1)
def _word() -> CodePoints:
    return points_of(r"\w")


def spend(source: str, caseless: bool = False) -> str | None:
    """``source`` without zero-width conditions, matching somewhere in a text exactly when
    ``source`` does (under IGNORECASE if ``caseless``); None when it cannot be rewritten."""
    try:
        alts, end = parse(source, 0)
        if end != len(source) or not _dollar_last(alts, True):
            return None
        tree = _possessive_runs(_branches(alts, caseless), (), ())
        after = _eliminate((tree,), ahead=True)  # conditions after
        before = None if after is None else _eliminate((_reverse(after),), ahead=True)
        text = "(?-i:" + (_emit(_reverse(before)) if before is not None else NEVER) + ")"
    except (Refused, _NeedsContext, IndexError, ValueError, KeyError):
        return None
    return text if len(text) <= MAX_SOURCE else None


# -- reading the pattern ------------------------------------------------------------


def _branches(alts: list[list[Item]], caseless: bool) -> Node:
    nodes = tuple(Seq(tuple(_node(item, caseless) for item in seq)) for seq in alts)
    return nodes[0] if len(nodes) == 1 else Alt(nodes)


def _node(item: Item, caseless: bool) -> Node:
    if item.kind in ("lit", "esc", "class", "dot"):
        base: Node = Chars(points_of(item.text, caseless))
    elif item.kind == "group":
        base = _branches(item.alts, _group_case(item.text, caseless))
    elif item.kind == "caret":
        return Edge(end=False)
    elif item.kind == "dollar":
        return Seq((Rep(Chars(points_of(r"\n")), 0, 1), Edge(end=True)))
    elif item.kind == "bound":
        word, other = _word(), ~_word()
        return Alt(
            (
                Seq((Look(False, word, False), Look(True, other, True))),
                Seq((Look(False, other, True), Look(True, word, False))),
            )
        )
    elif item.kind == "look":
        return _look(item, caseless)
    else:
        raise Refused
    if not item.quant:
        return base
    if item.possessive and not isinstance(base, Chars):
        raise Refused
    return Rep(base, item.low, item.high, item.possessive)


def _dollar_last(alts: list[list[Item]], at_end: bool) -> bool:
    """Whether every ``$`` is the last thing a match reads (it is then spent as ``\\n?\\Z``)."""
    for seq in alts:
        for k, item in enumerate(seq):
            last = at_end and k == len(seq) - 1
            if item.kind == "dollar" and not last:
                return False
            if item.alts and not _dollar_last(item.alts, last and item.high == 1):
                return False
    return True


def _group_case(prefix: str, caseless: bool) -> bool:
    flags = prefix[2:-1] if prefix.startswith("(?") and prefix != "(?:" else ""
    on, _, off = flags.partition("-")
    return False if "i" in off else True if "i" in on else caseless


def _look(item: Item, caseless: bool) -> Node:
    if len(item.alts) != 1 or len(item.alts[0]) != 1:
        raise Refused
    (inner,) = item.alts[0]
    if inner.quant or inner.kind not in ("lit", "esc", "class", "dot"):
        raise Refused
    points = points_of(inner.text, caseless)
    ahead = item.text in ("(?=", "(?!")
    if item.text in ("(?=", "(?<="):
        return Look(ahead, points, False)
    return Look(ahead, ~points, True)


# -- possessive runs ------------------------------------------------------------------

Frames = tuple[tuple[Rep | None, tuple[Node, ...]], ...]


def _possessive_runs(node: Node, after: tuple[Node, ...], frames: Frames) -> Node:
    """``node`` with each possessive run made greedy, followed by a condition on the
    next character unless `_absorbs` shows that greedy alone means the same."""
    if isinstance(node, Seq):
        items = node.items
        return Seq(
            tuple(
                _possessive_runs(item, items[k + 1 :] + after, frames)
                for k, item in enumerate(items)
            )
        )
    if isinstance(node, Alt):
        return Alt(tuple(_possessive_runs(b, after, frames) for b in node.branches))
    if isinstance(node, Rep) and node.possessive:
        if node.high != INF:
            raise Refused  # a bounded run may stop short of what follows it
        greedy = Rep(node.node, node.low, node.high)
        if _absorbs(node.node.points, after, frames):  # type: ignore[union-attr]
            return greedy
        return Seq((greedy, Look(True, ~node.node.points, True)))  # type: ignore[union-attr]
    if isinstance(node, Rep):
        again = node if node.high > 1 else None
        return Rep(_possessive_runs(node.node, (), ((again, after), *frames)), node.low, node.high)
    return node


def _absorbs(
    run: CodePoints, items: tuple[Node, ...], frames: Frames, looked: bool = False
) -> bool:
    """Whether a greedy run of ``run`` followed by ``items`` (then ``frames``: the rest
    of each enclosing repetition, which may go round again) matches exactly where the
    possessive run does: every way on either reads first a character outside ``run``,
    skips only what the run would have read itself, or reads runs to the end. Past a
    condition (``looked``), which holds at one position only, only the first holds."""
    if not looked and _to_the_end(items, frames):
        return True
    if not items:
        if not frames:
            return not looked
        (again, after), outer = frames[0], frames[1:]
        if again is not None and _nullable(again.node):
            return False
        repeat = again is None or _absorbs(run, (again.node,), ((again, after), *outer), looked)
        return repeat and _absorbs(run, after, outer, looked)
    head, rest = items[0], items[1:]
    if isinstance(head, Seq):
        return _absorbs(run, head.items + rest, frames, looked)
    if isinstance(head, Edge) and head.end:
        return True  # the run ended at the end of the text, as far as it could go
    if isinstance(head, Look | Edge):
        return _absorbs(run, rest, frames, looked=True)
    if not looked and _nullable(head) and _within(head, run):
        return _absorbs(run, rest, frames)  # the run reads what it would read
    if isinstance(head, Chars):
        return head.points.isdisjoint(run)
    if isinstance(head, Alt):
        return all(_absorbs(run, (b,) + rest, frames, looked) for b in head.branches)
    if isinstance(head, Rep):
        if _nullable(head.node):
            return False
        if isinstance(head.node, Chars):
            if not head.node.points.isdisjoint(run):
                return False
            return head.low >= 1 or _absorbs(run, rest, frames, looked)
        again = Rep(head.node, max(head.low - 1, 0), head.high - 1) if head.high > 1 else None
        once = _absorbs(run, (head.node,), ((again, rest), *frames), looked)
        return once and (head.low >= 1 or _absorbs(run, rest, frames, looked))
    return False


def _to_the_end(items: tuple[Node, ...], frames: Frames) -> bool:
    """Whether what is left reads only runs of one class each, then the end: whatever
    it accepts, it accepts every ending of it."""
    return all(again is None for again, _ in frames) and all(
        _run_to_end(tuple(after)) for after in [items, *(after for _, after in frames)]
    )


def _run_to_end(items: tuple[Node, ...]) -> bool:
    for item in items:
        if isinstance(item, Seq):
            if not _run_to_end(item.items):
                return False
        elif isinstance(item, Rep):
            if item.low != 0 or not isinstance(item.node, Chars):
                return False
        elif not isinstance(item, Edge):
            return False
    return True


def _within(node: Node, run: CodePoints) -> bool:
    """Whether every character ``node`` reads is in ``run`` (and it has no condition)."""
    if isinstance(node, Chars):
        return node.points <= run
    if isinstance(node, Seq):
        return all(_within(i, run) for i in node.items)
    if isinstance(node, Alt):
        return all(_within(b, run) for b in node.branches)
    if isinstance(node, Rep):
        return _within(node.node, run)
    return False


def _nullable(node: Node) -> bool:
    if isinstance(node, Chars):
        return False
    if isinstance(node, Seq):
        return all(map(_nullable, node.items))
    if isinstance(node, Alt):
        return any(map(_nullable, node.branches))
    if isinstance(node, Rep):
        return node.low == 0 or _nullable(node.node)
    return True


# -- conditions pushed into what follows -------------------------------------------------


def _eliminate(items: tuple[Node, ...], ahead: bool) -> Node | None:
    """``items`` (all that is left of the pattern) without conditions of the direction
    ``ahead`` (the other direction's conditions stay); None if it can never match."""
    for k, item in enumerate(items):
        if not _has_look(item, ahead):
            continue
        head, rest = items[:k], items[k + 1 :]
        tail: Node | None
        if isinstance(item, Look):
            pushed = _push(item, rest)
            tail = None if pushed is None else _eliminate((pushed,), ahead)
        elif isinstance(item, Seq):
            tail = _eliminate(item.items + rest, ahead)
        elif isinstance(item, Alt):
            tail = _alternatives(item, rest, ahead)
        elif isinstance(item, Rep):
            body = _local(item.node, ahead)
            repeated = EMPTY if body is None and item.low == 0 else None
            if body is not None:
                repeated = Rep(body, item.low, item.high)
            after = _eliminate(rest, ahead)
            tail = None if repeated is None or after is None else _seq((repeated, after))
        else:
            raise Refused
        return None if tail is None else _seq(head + (tail,))
    return _seq(items)


def _alternatives(item: Alt, rest: tuple[Node, ...], ahead: bool) -> Node | None:
    """An alternation holding conditions: each branch whose conditions reach past it
    is taken with what follows it."""
    plain, reaching = [], []
    for b in item.branches:
        try:
            plain.append(_local(b, ahead))
        except _NeedsContext:
            reaching.append(b)
    options = [_eliminate((b,) + rest, ahead) for b in reaching]
    possible = _alt(plain)  # type: ignore[arg-type]
    after = _eliminate(rest, ahead) if possible is not None else None
    if after is not None:
        options.insert(0, _seq((possible, after)))  # type: ignore[arg-type]
    return _alt(options)


def _local(node: Node, ahead: bool) -> Node | None:
    """``node`` without conditions, if none reaches past its end (else `_NeedsContext`)."""
    if not _has_look(node, ahead):
        return node
    found = _eliminate((node, OPAQUE), ahead)
    return None if found is None else _strip(found)


def _strip(node: Node) -> Node:
    if node is OPAQUE:
        return EMPTY
    if isinstance(node, Seq):
        return Seq(tuple(_strip(i) for i in node.items))
    if isinstance(node, Alt):
        return Alt(tuple(_strip(b) for b in node.branches))
    if isinstance(node, Rep):
        return Rep(_strip(node.node), node.low, node.high)
    return node


def _has_look(node: Node, ahead: bool) -> bool:
    if isinstance(node, Look):
        return node.ahead == ahead
    if isinstance(node, Seq):
        return any(_has_look(i, ahead) for i in node.items)
    if isinstance(node, Alt):
        return any(_has_look(b, ahead) for b in node.branches)
    if isinstance(node, Rep):
        return _has_look(node.node, ahead)
    return False


def _push(look: Look, items: tuple[Node, ...]) -> Node | None:
    """``look`` then ``items``, with the condition spent on the first character read
    (None: no way through satisfies it)."""
    if _implied(look, items):
        return _seq(items)
    if not items:
        options: list[Node | None] = [Chars(look.allowed)] if look.allowed else []
        return _alt([*options, Edge(end=True)] if look.edge else options)
    head, rest = items[0], items[1:]
    if isinstance(head, _Opaque):
        raise _NeedsContext
    if isinstance(head, Seq):
        return _push(look, head.items + rest)
    if isinstance(head, Chars):
        narrowed = head.points & look.allowed
        return _seq((Chars(narrowed),) + rest) if narrowed else None
    if isinstance(head, Alt):
        if not any(map(_nullable, head.branches)):
            branch = _alt([_push(look, (b,)) for b in head.branches])
            return _seq((branch,) + rest) if branch is not None else None
        return _alt([_push(look, (b,) + rest) for b in head.branches])
    if isinstance(head, Rep):
        if head.high == 0:
            return _push(look, rest)
        if head.high == INF and _nullable(head.node):
            raise Refused
        again = Rep(head.node, max(head.low - 1, 0), head.high - 1 if head.high != INF else INF)
        taken = _push(look, (head.node, again) + rest)
        return taken if head.low >= 1 else _alt([taken, _push(look, rest)])
    if isinstance(head, Look) and head.ahead == look.ahead:
        both = Look(look.ahead, look.allowed & head.allowed, look.edge and head.edge)
        return _push(both, rest)
    if isinstance(head, Edge) and head.end:
        return _seq(items) if look.edge else None
    pushed = _push(look, rest)  # a condition the other way, or the start of the text
    return _seq((head, pushed)) if pushed is not None else None


def _implied(look: Look, items: tuple[Node, ...]) -> bool:
    """Whether every way through ``items`` already satisfies ``look`` (checked over a
    superset of the ways: other conditions are ignored)."""
    if not items:
        return False
    head, rest = items[0], items[1:]
    if isinstance(head, Chars):
        return head.points <= look.allowed
    if isinstance(head, Seq):
        return _implied(look, head.items + rest)
    if isinstance(head, Alt):
        return all(_implied(look, (b,) + rest) for b in head.branches)
    if isinstance(head, Rep):
        if head.high == 0:
            return _implied(look, rest)
        return _implied(look, (head.node,) + rest) and (head.low >= 1 or _implied(look, rest))
    if isinstance(head, Edge):
        return look.edge if head.end else _implied(look, rest)
    if isinstance(head, Look):
        return _implied(look, rest)
    return False


# -- building and writing ----------------------------------------------------------------


def _seq(items: tuple[Node, ...]) -> Node:
    flat: list[Node] = []
    for item in items:
        flat.extend(item.items if isinstance(item, Seq) else (item,))
    return flat[0] if len(flat) == 1 else Seq(tuple(flat))


def _alt(options: list[Node | None]) -> Node | None:
    """The alternation of the options that can match (None if none can), with what all
    of them end with written once after it."""
    kept = [o for o in options if o is not None]
    if len(kept) <= 1:
        return kept[0] if kept else None
    items = [o.items if isinstance(o, Seq) else (o,) for o in kept]
    common = 0
    while all(len(i) > common for i in items) and all(
        i[-1 - common] == items[0][-1 - common] for i in items[1:]
    ):
        common += 1
    if not common:
        return Alt(tuple(kept))
    heads = tuple(_seq(i[: len(i) - common]) for i in items)
    return _seq((Alt(heads),) + items[0][len(items[0]) - common :])


def _reverse(node: Node) -> Node:
    """The pattern read backwards: what it matches, mirrored."""
    if isinstance(node, Seq):
        return Seq(tuple(_reverse(i) for i in reversed(node.items)))
    if isinstance(node, Alt):
        return Alt(tuple(_reverse(b) for b in node.branches))
    if isinstance(node, Rep):
        return Rep(_reverse(node.node), node.low, node.high)
    if isinstance(node, Look):
        return Look(not node.ahead, node.allowed, node.edge)
    if isinstance(node, Edge):
        return Edge(not node.end)
    return node


def _emit(node: Node) -> str:
    if isinstance(node, Chars):
        return node.points.spelled()
    if isinstance(node, Seq):
        return "".join(map(_emit, node.items))
    if isinstance(node, Alt):
        return "(?:" + "|".join(map(_emit, node.branches)) + ")"
    if isinstance(node, Rep):
        inner = _emit(node.node)
        if not isinstance(node.node, Chars):
            inner = f"(?:{inner})"
        high = "" if node.high == INF else str(node.high)
        return f"{inner}{{{node.low},{high}}}"
    if isinstance(node, Edge):
        return "\\Z" if node.end else "\\A"
    raise Refused  # a condition left over
