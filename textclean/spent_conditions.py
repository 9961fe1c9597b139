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

from .condition_tree import (
    EMPTY,
    INF,
    OPAQUE,
    Alt,
    Chars,
    Edge,
    Look,
    Node,
    Opaque,
    Rep,
    Seq,
    alt_of,
    dollar_last,
    nullable,
    reversed_tree,
    seq_of,
    tree_of,
    written,
)
from .pattern_items import Refused, parse
from .possessive_runs import without_possessive_runs

#: Longest rewritten source accepted: past it the pattern stays on `regex`.
MAX_SOURCE = 1_000_000
#: What a pattern no text matches is rewritten as.
NEVER = r"\Z."


class _NeedsContext(Exception):
    pass


def spend(source: str, caseless: bool = False) -> str | None:
    """``source`` without zero-width conditions, matching somewhere in a text exactly when
    ``source`` does (under IGNORECASE if ``caseless``); None when it cannot be rewritten."""
    try:
        alts, end = parse(source, 0)
        if end != len(source) or not dollar_last(alts, True):
            return None
        tree = without_possessive_runs(tree_of(alts, caseless), (), ())
        after = _eliminate((tree,), ahead=True)  # conditions after
        before = None if after is None else _eliminate((reversed_tree(after),), ahead=True)
        text = "(?-i:" + (written(reversed_tree(before)) if before is not None else NEVER) + ")"
    except (Refused, _NeedsContext, IndexError, ValueError, KeyError):
        return None
    return text if len(text) <= MAX_SOURCE else None


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
            tail = None if repeated is None or after is None else seq_of((repeated, after))
        else:
            raise Refused
        return None if tail is None else seq_of(head + (tail,))
    return seq_of(items)


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
    possible = alt_of(plain)  # type: ignore[arg-type]
    after = _eliminate(rest, ahead) if possible is not None else None
    if after is not None:
        options.insert(0, seq_of((possible, after)))  # type: ignore[arg-type]
    return alt_of(options)


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
        return seq_of(items)
    if not items:
        options: list[Node | None] = [Chars(look.allowed)] if look.allowed else []
        return alt_of([*options, Edge(end=True)] if look.edge else options)
    head, rest = items[0], items[1:]
    if isinstance(head, Opaque):
        raise _NeedsContext
    if isinstance(head, Seq):
        return _push(look, head.items + rest)
    if isinstance(head, Chars):
        narrowed = head.points & look.allowed
        return seq_of((Chars(narrowed),) + rest) if narrowed else None
    if isinstance(head, Alt):
        if not any(map(nullable, head.branches)):
            branch = alt_of([_push(look, (b,)) for b in head.branches])
            return seq_of((branch,) + rest) if branch is not None else None
        return alt_of([_push(look, (b,) + rest) for b in head.branches])
    if isinstance(head, Rep):
        if head.high == 0:
            return _push(look, rest)
        if head.high == INF and nullable(head.node):
            raise Refused
        again = Rep(head.node, max(head.low - 1, 0), head.high - 1 if head.high != INF else INF)
        taken = _push(look, (head.node, again) + rest)
        return taken if head.low >= 1 else alt_of([taken, _push(look, rest)])
    if isinstance(head, Look) and head.ahead == look.ahead:
        both = Look(look.ahead, look.allowed & head.allowed, look.edge and head.edge)
        return _push(both, rest)
    if isinstance(head, Edge) and head.end:
        return seq_of(items) if look.edge else None
    pushed = _push(look, rest)  # a condition the other way, or the start of the text
    return seq_of((head, pushed)) if pushed is not None else None


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
