"""Possessive runs read as greedy ones, with the condition that keeps their meaning.

A possessive run of one class, ``x*+``, is a greedy run that stops only
where the next character is not in ``x``. `without_possessive_runs` leaves
the run greedy, with no condition, where `_absorbs` shows whatever follows
cannot tell the two apart: it starts with a character outside ``x`` (after
skipping, before any condition, what the run would have read itself), or
reads only runs of one class each to the end of the text, which accept
every ending of what they accept. Elsewhere the condition is written after
the run (a `Look`), for `textclean.spent_conditions` to spend.
"""

from __future__ import annotations

from .code_points import CodePoints
from .condition_tree import INF, Alt, Chars, Edge, Look, Node, Rep, Seq, nullable
from .pattern_items import Refused

Frames = tuple[tuple[Rep | None, tuple[Node, ...]], ...]


def without_possessive_runs(node: Node, after: tuple[Node, ...], frames: Frames) -> Node:
    """``node`` with each possessive run made greedy, followed by a condition on the
    next character unless `_absorbs` shows that greedy alone means the same."""
    if isinstance(node, Seq):
        items = node.items
        return Seq(
            tuple(
                without_possessive_runs(item, items[k + 1 :] + after, frames)
                for k, item in enumerate(items)
            )
        )
    if isinstance(node, Alt):
        return Alt(tuple(without_possessive_runs(b, after, frames) for b in node.branches))
    if isinstance(node, Rep) and node.possessive:
        if node.high != INF:
            raise Refused  # a bounded run may stop short of what follows it
        greedy = Rep(node.node, node.low, node.high)
        if _absorbs(node.node.points, after, frames):  # type: ignore[union-attr]
            return greedy
        return Seq((greedy, Look(True, ~node.node.points, True)))  # type: ignore[union-attr]
    if isinstance(node, Rep):
        again = node if node.high > 1 else None
        return Rep(
            without_possessive_runs(node.node, (), ((again, after), *frames)), node.low, node.high
        )
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
        if again is not None and nullable(again.node):
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
    if not looked and nullable(head) and _within(head, run):
        return _absorbs(run, rest, frames)  # the run reads what it would read
    if isinstance(head, Chars):
        return head.points.isdisjoint(run)
    if isinstance(head, Alt):
        return all(_absorbs(run, (b,) + rest, frames, looked) for b in head.branches)
    if isinstance(head, Rep):
        if nullable(head.node):
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
