"""`textclean passages`: find repeated passages and report where they are."""

from __future__ import annotations

import time
from pathlib import Path

import click
import orjson

from ..document import Document, Drop
from ..io import RejectsWriter, check_paths, default_rejects_path
from ..io.files import AtomicOutput
from ..passages.html import render_html
from ..passages.report import summary
from ..passages.stage import RepeatedPassages, cluster_records
from ..stats import Stats
from ._common import dask_option, documents, domain_errors, finish, input_options, read_options


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
@click.option(
    "--rejects",
    default=None,
    help="Where unreadable records go, with their reason [default: OUT's name + .rejects.jsonl].",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Local processes segmenting and hashing documents; clusters are identical for any number.",
)
@dask_option("clusters.jsonl")
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
    rejects,
    workers,
    dask_address,
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
        workers=workers,
    )
    rejects_path = rejects or default_rejects_path(output)
    page = html_path(html_target) if html_target else None
    check_paths(
        inputs,
        {"clusters": output, "rejects": rejects_path, "html": str(page) if page else None},
        opts.format,
    )
    stats = Stats()
    started = time.perf_counter()
    docs: list[Document] = []
    with RejectsWriter(rejects_path, text_field=opts.text_field, id_field=opts.id_field) as rej:
        if dask_address is not None:
            ids, texts, clusters = _find_on_dask(inputs, opts, stage, dask_address, stats, rej)
        else:
            for item in documents(inputs, opts):
                stats.seen += 1
                if isinstance(item, Drop):
                    stats.dropped[item.reason] += 1
                    rej.write_drop(item)
                else:
                    stats.kept += 1
                    docs.append(item)
    if dask_address is None:
        ids = [d.id for d in docs]
        texts = [d.text for d in docs]
        clusters = stage.find(texts)
    with AtomicOutput(output) as out:
        for record in cluster_records(clusters, ids, texts):
            out.write(orjson.dumps(record) + b"\n")
    if page is not None:
        page.parent.mkdir(parents=True, exist_ok=True)
        with AtomicOutput(str(page)) as out:
            out.write(render_html(clusters, ids, texts, max_docs=html_docs).encode("utf-8"))
    stats.elapsed = time.perf_counter() - started
    stats.check()
    if not quiet:
        click.echo(summary(clusters, ids, texts, top=top), err=True)
    finish(stats, inputs, opts, quiet, "textclean passages", kept_label="analysed")


def _find_on_dask(inputs, opts, stage, address, stats, rej):
    """Clusters found on Dask; texts only of clustered documents come back to the client."""
    from ..parallel.dask import dask_client
    from ..parallel.dask_passages import find_passages_dask

    if "-" in inputs:
        raise click.UsageError("on Dask, inputs must be files the workers can read, not -")
    settings = stage.options()
    del settings["policy"], settings["min_docs"], settings["workers"]
    with dask_client(address) as client:
        run = find_passages_dask(inputs, client=client, options=opts, **settings)
    for drop in run.drops:
        stats.seen += 1
        stats.dropped[drop.reason] += 1
        rej.write_drop(drop)
    stats.seen += len(run.ids)
    stats.kept += len(run.ids)
    return run.ids, run.texts, run.clusters
