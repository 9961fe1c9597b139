"""The document model: a `Document` flows through steps; a `Drop` says why one left.

Every input field other than the text is kept in `Document.meta`, so a record
comes out with everything it went in with. What textclean itself records
(language, scores, edit counts, annotations) lives under one key,
``meta["textclean"]`` (`META_KEY`), so it never collides with user fields.

Part of that record describes one run rather than the document: the edits it
made and why it dropped a document (`RUN_KEYS`). A record read back from an
earlier run's output keeps those apart, under ``earlier_runs``
(`keep_earlier_runs_apart`), so a run's counts are its own.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

META_KEY = "textclean"
#: Keys of ``meta["textclean"]`` that describe the run that wrote them.
RUN_KEYS = ("edits", "changes", "rejected")
#: Where the `RUN_KEYS` of earlier runs are kept, one record per run, oldest first.
EARLIER_RUNS = "earlier_runs"
#: What a document without textclean's record is checked against (never changed).
_NO_RECORD: dict[str, Any] = {}


@dataclass(slots=True)
class Document:
    """One text with its identity and every other field of its input record.

    >>> doc = Document("a", "Hello", {"url": "https://example.com"})
    >>> doc.annotate("lang", "en").meta
    {'url': 'https://example.com', 'textclean': {'lang': 'en'}}
    >>> doc.meta  # the original is untouched
    {'url': 'https://example.com'}
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Refused here, naming the document, rather than deep inside a step.
        if not isinstance(self.text, str):
            raise TypeError(
                f"document {self.id!r}: text must be a str, not {type(self.text).__name__}"
            )
        meta = self.meta
        if type(meta) is not dict:
            if meta is None:
                self.meta = {}
                return
            if not isinstance(meta, dict):
                raise TypeError(
                    f"document {self.id!r}: meta must be a dict of fields, "
                    f"not {type(meta).__name__}"
                )
        own = meta.get(META_KEY, _NO_RECORD)  # a shared empty record: no dict per document
        if type(own) is not dict:
            if own is None:  # as a record read from a file: a null record is no record
                self.meta = {k: v for k, v in meta.items() if k != META_KEY}
            elif not isinstance(own, dict):
                raise TypeError(
                    f"document {self.id!r}: meta[{META_KEY!r}] is textclean's own record, "
                    f"a dict, not {type(own).__name__}"
                )

    def with_text(self, text: str) -> Document:
        """A copy with new text; metadata is copied so steps stay pure."""
        return Document(self.id, text, _copy_meta(self.meta))

    def annotate(self, key: str, value: Any) -> Document:
        """A copy with ``meta["textclean"][key] = value``."""
        meta = _copy_meta(self.meta)
        meta.setdefault(META_KEY, {})[key] = value
        return Document(self.id, self.text, meta)

    def annotate_many(self, values: dict[str, Any]) -> Document:
        """A copy with several ``meta["textclean"]`` keys set at once."""
        meta = _copy_meta(self.meta)
        meta.setdefault(META_KEY, {}).update(values)
        return Document(self.id, self.text, meta)

    @property
    def annotations(self) -> dict[str, Any]:
        """What the steps have annotated this document with, ``meta["textclean"]``
        (a read-only view by convention)."""
        return self.meta.get(META_KEY, {})

    @property
    def record(self) -> dict[str, Any]:
        """The old name of `annotations`, kept for one release."""
        return self.meta.get(META_KEY, {})


def _copy_meta(meta: dict[str, Any]) -> dict[str, Any]:
    out = dict(meta)
    if META_KEY in out:
        out[META_KEY] = copy.deepcopy(out[META_KEY])
    return out


@dataclass(frozen=True, slots=True)
class Drop:
    """The outcome of a step that removes a document.

    ``reason`` is a short snake_case code that the runner counts
    (``dropped[reason]``); ``detail`` is free text for a human. The runner
    fills ``step`` and ``doc`` so a rejects file can say who dropped what.

    >>> Drop("too_short", "12 words < 50").reason
    'too_short'
    """

    reason: str
    detail: str = ""
    step: str = ""
    doc: Document | None = None

    def attach(self, step: str, doc: Document) -> Drop:
        """The same drop, stamped with the step that made it and its document."""
        return Drop(self.reason, self.detail, self.step or step, self.doc or doc)


def keep_earlier_runs_apart(meta: dict[str, Any]) -> dict[str, Any]:
    """``meta`` of a record read from an earlier run's output, with that run's
    `RUN_KEYS` moved to the end of ``earlier_runs``; measurements (language,
    scores, clusters) stay where they are, for a later step to replace.

    >>> meta = {"textclean": {"edits": {"fix_spacing": 2}, "lang": "en"}}
    >>> keep_earlier_runs_apart(meta)
    {'textclean': {'lang': 'en', 'earlier_runs': [{'edits': {'fix_spacing': 2}}]}}
    >>> keep_earlier_runs_apart({"url": "x"})
    {'url': 'x'}
    """
    record = meta.get(META_KEY)
    if not isinstance(record, dict) or not any(key in record for key in RUN_KEYS):
        return meta
    kept = {k: v for k, v in record.items() if k not in RUN_KEYS}
    earlier = kept.get(EARLIER_RUNS)
    runs = list(earlier) if isinstance(earlier, list) else []
    runs.append({k: record[k] for k in RUN_KEYS if k in record})
    kept[EARLIER_RUNS] = runs
    return {**meta, META_KEY: kept}
