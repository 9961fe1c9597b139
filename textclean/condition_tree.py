"""The tree `textclean.spent_conditions` rewrites a pattern in: characters as code point sets.

A pattern read by `textclean.pattern_items` becomes `Chars` (one character,
as the exact `CodePoints` it matches on `regex` in its case mode), `Seq`,
`Alt`, `Rep`, `Look` (a one-character condition before or after a position:
look-arounds and the two halves of ``\\b``) and `Edge` (the start or end of
the text); ``$`` becomes ``\\n?\\Z`` where nothing is read after it. `written`
spells a tree back in `regex` syntax, every character as its code points, so
it means the same under any case mode and to either engine.

>>> from textclean.pattern_items import parse
>>> tree = tree_of(parse(r"(?:a|b)\\b", 0)[0], caseless=True)
>>> written(tree.items[0])
'(?:[\\\\u0041\\\\u0061]|[\\\\u0042\\\\u0062])'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .code_points import CodePoints, points_of
from .pattern_items import Item, Refused

INF = 10**9


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


class Opaque:
    """What follows is not known: a condition must not reach it."""


Node = Chars | Seq | Alt | Rep | Look | Edge | Opaque
EMPTY = Seq(())
OPAQUE = Opaque()


@lru_cache(maxsize=1)
def word_points() -> CodePoints:
    return points_of(r"\w")


# -- reading the pattern ------------------------------------------------------------


def tree_of(alts: list[list[Item]], caseless: bool) -> Node:
    nodes = tuple(Seq(tuple(_node(item, caseless) for item in seq)) for seq in alts)
    return nodes[0] if len(nodes) == 1 else Alt(nodes)


def _node(item: Item, caseless: bool) -> Node:
    if item.kind in ("lit", "esc", "class", "dot"):
        base: Node = Chars(points_of(item.text, caseless))
    elif item.kind == "group":
        base = tree_of(item.alts, _group_case(item.text, caseless))
    elif item.kind == "caret":
        return Edge(end=False)
    elif item.kind == "dollar":
        return Seq((Rep(Chars(points_of(r"\n")), 0, 1), Edge(end=True)))
    elif item.kind == "bound":
        word, other = word_points(), ~word_points()
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


def dollar_last(alts: list[list[Item]], at_end: bool) -> bool:
    """Whether every ``$`` is the last thing a match reads (it is then spent as ``\\n?\\Z``)."""
    for seq in alts:
        for k, item in enumerate(seq):
            last = at_end and k == len(seq) - 1
            if item.kind == "dollar" and not last:
                return False
            if item.alts and not dollar_last(item.alts, last and item.high == 1):
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


def nullable(node: Node) -> bool:
    if isinstance(node, Chars):
        return False
    if isinstance(node, Seq):
        return all(map(nullable, node.items))
    if isinstance(node, Alt):
        return any(map(nullable, node.branches))
    if isinstance(node, Rep):
        return node.low == 0 or nullable(node.node)
    return True


# -- building and writing ----------------------------------------------------------------


def seq_of(items: tuple[Node, ...]) -> Node:
    flat: list[Node] = []
    for item in items:
        flat.extend(item.items if isinstance(item, Seq) else (item,))
    return flat[0] if len(flat) == 1 else Seq(tuple(flat))


def alt_of(options: list[Node | None]) -> Node | None:
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
    heads = tuple(seq_of(i[: len(i) - common]) for i in items)
    return seq_of((Alt(heads),) + items[0][len(items[0]) - common :])


def reversed_tree(node: Node) -> Node:
    """The pattern read backwards: what it matches, mirrored."""
    if isinstance(node, Seq):
        return Seq(tuple(reversed_tree(i) for i in reversed(node.items)))
    if isinstance(node, Alt):
        return Alt(tuple(reversed_tree(b) for b in node.branches))
    if isinstance(node, Rep):
        return Rep(reversed_tree(node.node), node.low, node.high)
    if isinstance(node, Look):
        return Look(not node.ahead, node.allowed, node.edge)
    if isinstance(node, Edge):
        return Edge(not node.end)
    return node


def written(node: Node) -> str:
    if isinstance(node, Chars):
        return node.points.spelled()
    if isinstance(node, Seq):
        return "".join(map(written, node.items))
    if isinstance(node, Alt):
        return "(?:" + "|".join(map(written, node.branches)) + ")"
    if isinstance(node, Rep):
        inner = written(node.node)
        if not isinstance(node.node, Chars):
            inner = f"(?:{inner})"
        high = "" if node.high == INF else str(node.high)
        return f"{inner}{{{node.low},{high}}}"
    if isinstance(node, Edge):
        return "\\Z" if node.end else "\\A"
    raise Refused  # a condition left over
