"""An HTML page showing documents with their repeated passages highlighted.

One self-contained file: a table of the most repeated passages, then each
document that has any, with every occurrence in a ``<mark>`` (id
``occ-CLUSTER-K``, ``data-start``/``data-end`` = character offsets) followed
by links to the cluster's other occurrences. All document text goes through
`html.escape`, so a scraped ``<script>`` is shown, never run.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .report import ranked
from .spans import Cluster, Occurrence

__all__ = ["render_html", "shown_documents"]

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: left; vertical-align: top; }
.doc { white-space: pre-wrap; border: 1px solid #ccc; padding: 1em; background: #fafafa; }
mark.passage { background: #ffe08a; border-bottom: 2px solid #d19a00; }
mark.passage:target { background: #ffb347; }
.links { font-size: 75%; margin: 0 .3em; }
.links a { margin-right: .3em; }
"""


def _occ_id(cluster: int, k: int) -> str:
    return f"occ-{cluster}-{k}"


def _links(cluster: Cluster, k: int, ids: Sequence[str], shown: set[int], max_links: int) -> str:
    parts = []
    for j, other in enumerate(cluster.occurrences):
        if j == k:
            continue
        if len(parts) == max_links:
            parts.append(
                f'<a href="#cluster-{cluster.id}">+{len(cluster.occurrences) - 1 - max_links} more</a>'
            )
            break
        target = f"#{_occ_id(cluster.id, j)}" if other.doc in shown else f"#cluster-{cluster.id}"
        label = html.escape(ids[other.doc])
        parts.append(f'<a href="{target}" title="similarity {other.similarity:.2f}">→ {label}</a>')
    return f'<sup class="links">[{cluster.id}] {"".join(parts)}</sup>'


def _document(
    index: int,
    text: str,
    marks: list[tuple[Occurrence, Cluster, int]],
    ids: Sequence[str],
    shown: set[int],
    max_links: int,
) -> str:
    out = [f'<section id="doc-{index}"><h2>{html.escape(ids[index])}</h2><div class="doc">']
    pos = 0
    for occ, cluster, k in sorted(marks, key=lambda m: m[0].start):
        out.append(html.escape(text[pos : occ.start]))
        out.append(
            f'<mark class="passage" id="{_occ_id(cluster.id, k)}" data-cluster="{cluster.id}" '
            f'data-start="{occ.start}" data-end="{occ.end}">{html.escape(text[occ.start : occ.end])}</mark>'
        )
        out.append(_links(cluster, k, ids, shown, max_links))
        pos = occ.end
    out.append(html.escape(text[pos:]))
    out.append("</div></section>")
    return "".join(out)


def _marks(clusters: Sequence[Cluster]) -> dict[int, list[tuple[Occurrence, Cluster, int]]]:
    marks: dict[int, list[tuple[Occurrence, Cluster, int]]] = {}
    for cluster in clusters:
        for k, occ in enumerate(cluster.occurrences):
            marks.setdefault(occ.doc, []).append((occ, cluster, k))
    return marks


def _chosen(marks: dict[int, list[tuple[Occurrence, Cluster, int]]], max_docs: int) -> list[int]:
    return sorted(marks, key=lambda d: (-len(marks[d]), d))[:max_docs]


def shown_documents(clusters: Sequence[Cluster], max_docs: int = 200) -> list[int]:
    """The documents `render_html` shows whole: those with most passages first.

    >>> from textclean.passages.spans import Occurrence
    >>> shown_documents([Cluster(0, (Occurrence(0, 0, 5, 0, 1), Occurrence(1, 3, 8, 1, 2)))], 1)
    [0]
    """
    return _chosen(_marks(clusters), max_docs)


def render_html(
    clusters: Sequence[Cluster],
    ids: Sequence[str],
    texts: Sequence[str],
    *,
    max_docs: int = 200,
    max_clusters: int = 500,
    max_links: int = 10,
    title: str = "Repeated passages",
) -> str:
    """The report page; shows at most ``max_docs`` documents (those with most passages first).

    >>> from textclean.passages.spans import Occurrence
    >>> c = Cluster(0, (Occurrence(0, 0, 5, 0, 1), Occurrence(1, 3, 8, 1, 2)))
    >>> page = render_html([c], ["a", "b"], ["<b>ld", "Hi <b>ld!"])
    >>> '<mark class="passage" id="occ-0-1" data-cluster="0" data-start="3" data-end="8">&lt;b&gt;ld</mark>' in page
    True
    """
    marks = _marks(clusters)
    chosen = _chosen(marks, max_docs)
    shown = set(chosen)
    rows = []
    for cluster in ranked(clusters)[:max_clusters]:
        first = cluster.occurrences[0]
        where = ", ".join(
            f'<a href="#{_occ_id(cluster.id, k)}">{html.escape(ids[o.doc])}</a>'
            if o.doc in shown
            else html.escape(ids[o.doc])
            for k, o in enumerate(cluster.occurrences[: max_links + 1])
        )
        rows.append(
            f'<tr id="cluster-{cluster.id}"><td>{cluster.id}</td><td>{len(cluster.documents)}</td>'
            f"<td>{len(cluster.occurrences)}</td><td>{html.escape(texts[first.doc][first.start : first.end])}</td>"
            f"<td>{where}</td></tr>"
        )
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{len(clusters)} repeated passage(s) in {len(marks)} of {len(texts)} document(s); "
        f"showing {len(chosen)} document(s).</p>",
        "<table><tr><th>cluster</th><th>docs</th><th>occurrences</th><th>passage</th><th>where</th></tr>",
        *rows,
        "</table>",
        *(_document(d, texts[d], marks[d], ids, shown, max_links) for d in sorted(chosen)),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
