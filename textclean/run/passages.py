"""`passages_files`: repeated passages in files, written as a clusters file (and HTML)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import orjson

from ..dedup.replay import Replay
from ..document import Document, Drop
from ..errors import OptionError
from ..io import AtomicOutput, RejectsWriter, check_ids, check_paths, read_documents
from ..parallel.executors import DaskExecutor, Executor, LocalExecutor
from ..passages.html import render_html, shown_documents
from ..passages.report import summary
from ..passages.settings import PassageSettings
from ..passages.spans import Cluster
from ..passages.stage import cluster_records, passage_records
from ..passages.two_pass import KeptTexts, find_passages_twice, keep_texts
from ..stats import Stats
from .config import Paths, RunConfig, input_bytes, path_list

__all__ = ["PassageReport", "PassagesResult", "html_path", "passages_files"]


@dataclass(frozen=True)
class PassageReport:
    """The reports of a passages run besides its clusters file."""

    html: str | None = field(
        default=None,
        metadata={"help": "Also write an HTML report: a .html file or a directory."},
    )
    html_docs: int = field(default=200, metadata={"help": "Documents shown in the HTML report."})


@dataclass
class PassagesResult:
    """What `passages_files` found: the clusters, the documents they point into, the counts.

    ``texts`` has one entry per document, but a local run keeps only the texts
    its reports show (`textclean.passages.two_pass.KeptTexts`): each cluster's
    first document and the documents of the HTML report.
    """

    clusters: list[Cluster]
    ids: list[str]
    texts: Sequence[str]
    stats: Stats

    def summary(self, top: int = 10) -> str:
        """The ``top`` passages by reach, as a short text table."""
        return summary(self.clusters, self.ids, self.texts, top=top)


def html_path(target: str) -> Path:
    """An HTML report goes to a file (``.html``/``.htm``) or a directory (``index.html`` inside)."""
    path = Path(target)
    if path.suffix.lower() in (".html", ".htm"):
        return path
    return path / "index.html"


def passages_files(
    inputs: Paths,
    output: str | PathLike[str],
    settings: PassageSettings | None = None,
    *,
    report: PassageReport | None = None,
    run: RunConfig | None = None,
    executor: Executor | None = None,
) -> PassagesResult:
    """Find passages repeated across and within ``inputs``; write their clusters to ``output``.

    Each line of the output is ``{"cluster", "occurrences": [{"doc", "start",
    "end", "text", "similarity"}, ...]}`` with character offsets into each
    document's text as read. Unreadable records go to the rejects file. On a
    `DaskExecutor` the clusters file is the local run's, byte for byte.
    """
    inputs, output = path_list(inputs), os.fspath(output)
    settings = settings or PassageSettings()
    report = report or PassageReport()
    run = run or RunConfig()
    executor = executor or LocalExecutor()
    page = html_path(report.html) if report.html else None
    check_paths(
        inputs,
        {
            "clusters": output,
            "rejects": run.rejects_for(output),
            "html": str(page) if page else None,
        },
        run.read.format,
    )
    stats = Stats()
    started = time.perf_counter()
    # The rejects file stays open until the clusters are written, so a run
    # stopped while it looks for passages leaves no finished-looking file.
    with RejectsWriter(
        run.rejects_for(output), text_field=run.read.text_field, id_field=run.read.id_field
    ) as rejects:
        if isinstance(executor, DaskExecutor):
            ids, texts, clusters = _on_dask(inputs, settings, run, executor, stats, rejects)
            records = cluster_records(clusters, ids, texts)
        else:
            ids, kept, clusters = _twice(inputs, settings, run, executor, stats, rejects, report)
            texts, records = kept, passage_records(clusters, ids, kept.passage)
        with AtomicOutput(output) as out:
            for record in records:
                out.write(orjson.dumps(record) + b"\n")
    if page is not None:
        page.parent.mkdir(parents=True, exist_ok=True)
        with AtomicOutput(str(page)) as out:
            out.write(render_html(clusters, ids, texts, max_docs=report.html_docs).encode("utf-8"))
    stats.elapsed = time.perf_counter() - started
    stats.check()
    stats.bytes_in = input_bytes(inputs, run.read.format)
    return PassagesResult(clusters, ids, texts, stats)


def _twice(
    inputs: list[str],
    settings: PassageSettings,
    run: RunConfig,
    executor: Executor,
    stats: Stats,
    rejects: RejectsWriter,
    report: PassageReport,
) -> tuple[list[str], KeptTexts, list[Cluster]]:
    """Clusters from the documents read once and spooled; the spool read again for the
    texts the reports show. Memory holds the ids, never every text."""
    ids: list[str] = []
    with Replay(_read(inputs, run, stats, rejects)) as source:
        clusters = find_passages_twice(
            _texts(source.first(), ids),
            lambda: (d.text for d in source.again()),
            **settings.find_options(),
            workers=executor.workers,
        )
        shown = shown_documents(clusters, report.html_docs) if report.html else []
        kept = keep_texts((d.text for d in source.again()), clusters, shown)
    return ids, kept, clusters


def _texts(docs: Iterable[Document], ids: list[str]) -> Iterator[str]:
    for doc in docs:
        ids.append(doc.id)
        yield doc.text


def _read(
    inputs: list[str], run: RunConfig, stats: Stats, rejects: RejectsWriter
) -> Iterator[Document]:
    for item in check_ids(read_documents(inputs, run.read), run.read.id_field):
        stats.seen += 1
        if isinstance(item, Drop):
            stats.dropped[item.reason] += 1
            rejects.write_drop(item)
        else:
            stats.kept += 1
            yield item


def _on_dask(
    inputs: list[str],
    settings: PassageSettings,
    run: RunConfig,
    executor: DaskExecutor,
    stats: Stats,
    rejects: RejectsWriter,
) -> tuple[list[str], list[str], list[Cluster]]:
    """Clusters found on Dask; texts only of clustered documents come back here."""
    from ..parallel.dask_passages import find_passages_dask

    if "-" in inputs:
        raise OptionError("on Dask, inputs must be files the workers can read, not stdin", "inputs")
    with executor.client() as client:
        found = find_passages_dask(
            inputs,
            client=client,
            options=run.read,
            blocksize=executor.blocksize,
            **settings.find_options(),
        )
    for drop in found.drops:
        stats.seen += 1
        stats.dropped[drop.reason] += 1
        rejects.write_drop(drop)
    stats.seen += len(found.ids)
    stats.kept += len(found.ids)
    return found.ids, found.texts, found.clusters
