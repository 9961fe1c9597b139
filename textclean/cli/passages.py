"""`textclean passages`: find repeated passages and report where they are."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson

from ..dedup.passage_html import render_html
from ..dedup.passage_report import summary
from ..dedup.passages import RepeatedPassages, cluster_records
from ..document import Document
from ._common import documents, domain_errors, input_options, read_options


def html_path(target: str) -> Path:
    """``--html`` accepts a file (``.html``/``.htm``) or a directory (``index.html`` inside)."""
    path = Path(target)
    if path.suffix.lower() in (".html", ".htm"):
        return path
    return path / "index.html"


@click.command("passages")
@input_options
@click.option(
    "-o",
    "--output",
    required=True,
    help="clusters.jsonl to write (one cluster a line), or - for stdout.",
)
@click.option(
    "--html",
    "html_target",
    default=None,
    help="Also write an HTML report: a .html file or a directory.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Passages listed in the summary.",
)
@click.option(
    "--html-docs",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Documents shown in the HTML report.",
)
@click.option(
    "--min-words",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Words a passage needs at least.",
)
@click.option(
    "--max-sentences",
    type=click.IntRange(min=1),
    default=4,
    show_default=True,
    help="Most sentences grouped into one window.",
)
@click.option(
    "--ngram", type=click.IntRange(min=1), default=3, show_default=True, help="Shingle size."
)
@click.option(
    "--unit",
    type=click.Choice(["word", "char"]),
    default="word",
    show_default=True,
    help="Shingle unit (char for scripts without spaces).",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.5,
    show_default=True,
    help="Exact Jaccard similarity windows need to match.",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
@domain_errors
def command(
    inputs,
    text_field,
    id_field,
    input_format,
    on_error,
    max_doc_bytes,
    output,
    html_target,
    top,
    html_docs,
    min_words,
    max_sentences,
    ngram,
    unit,
    threshold,
    quiet,
):
    """Find passages repeated across and within IN... and write their clusters to OUT.

    Each line of OUT is {"cluster": ID, "occurrences": [{"doc", "start", "end",
    "text", "similarity"}, ...]} with character offsets into each document's
    text as read; the first occurrence in input order is the reference.
    """
    opts = read_options(text_field, id_field, input_format, on_error, max_doc_bytes)
    stage = RepeatedPassages(
        min_words=min_words,
        max_sentences=max_sentences,
        ngram=ngram,
        unit=unit,
        threshold=threshold,
    )
    docs = [d for d in documents(inputs, opts) if isinstance(d, Document)]
    ids = [d.id for d in docs]
    texts = [d.text for d in docs]
    clusters = stage.find(texts)
    lines = b"".join(orjson.dumps(r) + b"\n" for r in cluster_records(clusters, ids, texts))
    if output == "-":
        sys.stdout.buffer.write(lines)
        sys.stdout.flush()
    else:
        Path(output).write_bytes(lines)
    if html_target:
        page = html_path(html_target)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(render_html(clusters, ids, texts, max_docs=html_docs), encoding="utf-8")
    if not quiet:
        click.echo(summary(clusters, ids, texts, top=top), err=True)
