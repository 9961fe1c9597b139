"""Which copy of a duplicate cluster to keep.

Policies: ``first`` (earliest in the input, the only one that follows input
order on purpose, e.g. so an earlier crawl wins), ``longest``, ``newest`` and
``oldest`` (by a metadata field), ``quality`` (highest score) and ``none``
(drop every copy). Ties go to the lowest canonical rank (sorted ids), so the
choice does not depend on how the input was shuffled.

>>> from textclean.document import Document
>>> docs = [Document("a", "short"), Document("b", "a longer text")]
>>> choose(docs, [0, 1], "longest", rank=[0, 1])
1
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from ..document import META_KEY, Document
from ..errors import ConfigError, TextcleanWarning

POLICIES = ("first", "longest", "newest", "oldest", "quality", "none")


def check_policy(policy: str) -> None:
    if policy not in POLICIES:
        raise ConfigError(f"keep policy must be one of {', '.join(POLICIES)}; got {policy!r}")


def warn_missing_field(name: str, role: str, found: bool, docs: int) -> None:
    """Warn when ``docs`` documents were read and none holds field ``name``: a
    misspelt field name would otherwise change nothing, silently."""
    if docs and not found:
        warnings.warn(
            f"no document has the field {name!r} ({role})", TextcleanWarning, stacklevel=3
        )


def field_value(doc: Document, name: str) -> Any:
    """``name`` from textclean's own record first, then from the input fields."""
    record = doc.meta.get(META_KEY) or {}
    if name in record:
        return record[name]
    return doc.meta.get(name)


def text_length(doc: Any) -> int:
    """A document's text length, or the ``length`` a `DocFacts` recorded in its place."""
    length = getattr(doc, "length", None)
    return len(doc.text) if length is None else int(length)


def _comparable(value: Any) -> tuple[int, Any]:
    """Numbers before strings, so mixed fields still sort; missing values sort first."""
    if value is None:
        return (0, 0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, float(value))
    return (2, str(value))


def choose(
    docs: Sequence[Document],
    members: Sequence[int],
    policy: str,
    rank: Sequence[int],
    *,
    date_field: str = "date",
    score_field: str = "quality",
) -> int | None:
    """The index (among ``members``) of the document to keep; ``None`` drops all."""
    check_policy(policy)
    if policy == "none":
        return None
    if policy == "first":
        return min(members)

    if policy == "quality":
        _warn_unless_numbers(docs, members, score_field, "scores")
    elif policy in ("newest", "oldest"):
        _warn_if_mixed(docs, members, date_field)

    def key(i: int) -> tuple[Any, ...]:
        doc = docs[i]
        if policy == "longest":
            return (-text_length(doc), rank[i])
        if policy == "quality":
            present, value = _comparable(field_value(doc, score_field))
            return (-present, -value if present == 1 else 0, rank[i])
        present, value = _comparable(field_value(doc, date_field))
        if policy == "oldest":
            return (present == 0, present, value, rank[i])
        return (-present, _Reversed(value), rank[i])

    return min(members, key=key)


def _warn_unless_numbers(
    docs: Sequence[Document], members: Sequence[int], name: str, what: str
) -> None:
    """A score that is not a number (textclean's own ``quality`` field holds a table of
    scores) cannot rank copies: say so, rather than keep the lowest id in silence."""
    for i in members:
        value = field_value(docs[i], name)
        if value is not None and _comparable(value)[0] != 1:
            warnings.warn(
                f"the field {name!r} holds {type(value).__name__} values, not numbers: "
                f"copies are not ranked by it (name a field of numeric {what})",
                TextcleanWarning,
                stacklevel=4,
            )
            return


def _warn_if_mixed(docs: Sequence[Document], members: Sequence[int], name: str) -> None:
    """Dates written as numbers and as text do not compare: numbers sort first."""
    kinds = {_comparable(field_value(docs[i], name))[0] for i in members} - {0}
    if len(kinds) > 1:
        warnings.warn(
            f"the field {name!r} holds numbers and text in one cluster: numbers sort before "
            "text, whatever the dates (write every date the same way, e.g. 2024-03-01)",
            TextcleanWarning,
            stacklevel=4,
        )


class _Reversed:
    """Sorts in the opposite order of the wrapped value (for 'newest')."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return other.value < self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and other.value == self.value
