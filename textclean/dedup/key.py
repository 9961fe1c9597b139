"""Exact dedup on a metadata field: one document per URL (or any other key).

A crawl fetches the same URL many times, and a feed republishes one story
under one GUID: the field says they are copies even where the text differs
by an updated timestamp. Documents sharing a value of the field form a
group; the keep policy of near-duplicate dedup (`textclean.dedup.keep`)
chooses the one that stays, the others are dropped as ``duplicate_key``
with the kept document's id. A document without the field (or with an
empty value) is never a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..document import Document, Drop
from ..errors import ConfigError
from ..registry import register
from ..steps import Stage
from .exact import canonical_rank, exact_key
from .keep import check_policy, choose, field_value, warn_missing_field

DROP_REASON = "duplicate_key"


def key_value(doc: Document, key: str) -> str | None:
    """The document's value of ``key`` as a string; ``None`` when missing or empty.

    >>> key_value(Document("a", "t", {"url": "https://x.org"}), "url")
    'https://x.org'
    >>> key_value(Document("a", "t", {"tags": ["b", "a"]}), "tags")
    '["b","a"]'
    """
    value = field_value(doc, key)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def key_duplicates(
    docs: Sequence[Document],
    key: str,
    keep: str = "first",
    *,
    date_field: str = "date",
    score_field: str = "quality",
) -> list[int | None]:
    """For each document, the index of the one kept in its group (itself if kept).

    ``None`` marks a document dropped under ``keep="none"``.

    >>> docs = [Document(i, t, {"url": u}) for i, t, u in
    ...         [("a", "x", "u1"), ("b", "longer", "u1"), ("c", "y", "u2")]]
    >>> key_duplicates(docs, "url", "longest")
    [1, 1, 2]
    """
    check_policy(keep)
    groups: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        value = key_value(doc, key)
        if value is not None:
            groups.setdefault(value, []).append(i)
    kept: list[int | None] = list(range(len(docs)))
    warn_missing_field(key, "the key: every document is kept", bool(groups), len(docs))
    repeated = [members for members in groups.values() if len(members) > 1]
    if not repeated:
        return kept
    compared = {"newest": date_field, "oldest": date_field, "quality": score_field}.get(keep)
    if compared is not None:
        found = any(field_value(docs[i], compared) is not None for m in repeated for i in m)
        role = f"compared by keep={keep!r}: ties go to the lowest id"
        warn_missing_field(compared, role, found, len(docs))
    rank = canonical_rank([d.id for d in docs], [exact_key(d.text) for d in docs])
    for members in repeated:
        winner = choose(docs, members, keep, rank, date_field=date_field, score_field=score_field)
        for i in members:
            kept[i] = winner
    return kept


def dedup_on_key(
    docs: Iterable[Document],
    key: str,
    keep: str = "first",
    *,
    date_field: str = "date",
    score_field: str = "quality",
) -> Iterator[Document | Drop]:
    """Every document in input order: the kept ones, and `Drop`s for the copies."""
    batch = list(docs)
    kept = key_duplicates(batch, key, keep, date_field=date_field, score_field=score_field)
    for i, doc in enumerate(batch):
        winner = kept[i]
        if winner == i:
            yield doc
        elif winner is None:
            yield Drop(DROP_REASON, f"{key} repeated; keep=none drops every copy", doc=doc)
        else:
            yield Drop(DROP_REASON, f"same {key} as {batch[winner].id}", doc=doc)


def _opt(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@register("key_dedup")
@dataclass(frozen=True)
class KeyDedup(Stage):
    """Keep one document per value of a metadata field (url, guid, ...)."""

    key: str = _opt("url", "Metadata field whose equal values make documents duplicates.")
    keep: str = _opt("first", "Copy to keep: first, longest, newest, oldest, quality or none.")
    date_field: str = _opt("date", "Metadata field compared by the newest/oldest policies.")
    score_field: str = _opt("quality", "Score compared by the quality policy.")

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key:
            raise ConfigError(f"key must be a field name, not {self.key!r}")
        check_policy(self.keep)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | Drop]:
        return dedup_on_key(
            docs, self.key, self.keep, date_field=self.date_field, score_field=self.score_field
        )
