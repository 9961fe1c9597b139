"""One batch of documents checked at once, shared by the in-process and worker paths."""

from __future__ import annotations

import time
from collections.abc import Iterator

from ..document import Document, Drop
from ..runner import record_changes
from ..stats import Stats
from .cut import Decontaminated, decontaminate_texts
from .evaluation import EvaluationSet
from .settings import DecontaminationSettings

#: The name cuts are recorded under and drops carry as their step.
STEP = "decontaminate"
#: The rejects reason of a document dropped past ``max_overlap``.
REASON = "contaminated"
#: Documents segmented, hashed and looked up together.
BATCH = 256


def run_batch(
    items: list[Document | Drop],
    evaluation: EvaluationSet,
    settings: DecontaminationSettings,
    stats: Stats,
) -> Iterator[Document | Drop]:
    """The outcomes of one batch, counted into ``stats``."""
    docs = [item for item in items if isinstance(item, Document)]
    started = time.process_time()
    results = decontaminate_texts([d.text for d in docs], evaluation, settings)
    stats.seconds[STEP] += time.process_time() - started
    found = iter(results)
    for item in items:
        stats.seen += 1
        if isinstance(item, Document):
            result = next(found)
            item = outcome(item, result, settings)
            if isinstance(item, Document):
                stats.kept += 1
                stats.changed[STEP] += result.changed
        if isinstance(item, Drop):
            stats.dropped[item.reason] += 1
        yield item


def outcome(
    doc: Document, result: Decontaminated, settings: DecontaminationSettings
) -> Document | Drop:
    """The document after ``result``: itself when untouched, cut and annotated, or a `Drop`."""
    if not result.changed:
        return doc
    info = {"share": round(result.share, 4), "records": list(result.records)}
    if result.dropped:
        more = len(result.records) - 1
        detail = (
            f"{result.share:.0%} of its words are in sentences sharing {settings.ngram}-grams "
            f"with evaluation record {result.main!r}"
            + (f" and {more} more" if more else "")
            + (
                f" (max_overlap {settings.max_overlap:g})"
                if result.share > settings.max_overlap
                else "; nothing with a letter or digit is left"
            )
        )
        return Drop(REASON, detail, STEP, doc.annotate("decontamination", info))
    out = record_changes(doc.with_text(result.text), STEP, result.changes, settings.record)
    return out if settings.record == "none" else out.annotate("decontamination", info)
