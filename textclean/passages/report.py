"""A readable summary of repeated passages: the most repeated first.

Passages are ranked by the number of documents they appear in, then by the
number of occurrences, so site furniture and widely quoted statements come
first and a sentence a page repeats once comes last.
"""

from __future__ import annotations

from collections.abc import Sequence

from .spans import Cluster

__all__ = ["ranked", "summary"]


def ranked(clusters: Sequence[Cluster]) -> list[Cluster]:
    """Clusters by documents, then occurrences (both descending), then id."""
    return sorted(clusters, key=lambda c: (-len(c.documents), -len(c.occurrences), c.id))


def _snippet(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def summary(
    clusters: Sequence[Cluster],
    ids: Sequence[str],
    texts: Sequence[str],
    *,
    top: int = 10,
    width: int = 70,
    max_ids: int = 5,
) -> str:
    """Plain-text report: totals, then the ``top`` most repeated passages.

    >>> from textclean.passages.spans import Occurrence
    >>> c = Cluster(0, (Occurrence(0, 0, 5, 0, 1), Occurrence(1, 0, 5, 1, 2)))
    >>> print(summary([c], ["a", "b"], ["Hello", "Hello"]))
    1 repeated passage(s), 2 occurrence(s) in 2 of 2 document(s)
    cluster  docs  occurrences  passage
          0     2            2  Hello
                                in: a, b
    """
    in_docs = {o.doc for c in clusters for o in c.occurrences}
    n_occ = sum(len(c.occurrences) for c in clusters)
    lines = [
        f"{len(clusters)} repeated passage(s), {n_occ} occurrence(s) "
        f"in {len(in_docs)} of {len(texts)} document(s)"
    ]
    if not clusters:
        return lines[0]
    lines.append("cluster  docs  occurrences  passage")
    for cluster in ranked(clusters)[:top]:
        first = cluster.occurrences[0]
        lines.append(
            f"{cluster.id:>7}  {len(cluster.documents):>4}  {len(cluster.occurrences):>11}  "
            + _snippet(texts[first.doc][first.start : first.end], width)
        )
        names = [ids[d] for d in cluster.documents]
        more = f" and {len(names) - max_ids} more" if len(names) > max_ids else ""
        lines.append(" " * 32 + "in: " + ", ".join(names[:max_ids]) + more)
    if len(clusters) > top:
        lines.append(f"... and {len(clusters) - top} more cluster(s) in the output file")
    return "\n".join(lines)
