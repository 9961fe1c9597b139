"""What every command shares: input options, output handling, progress, summary.

A command parses its options, builds a library object and calls
`run_to_files`; domain errors become one-line `click.ClickException`s.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from ..config import pipeline_from_config
from ..document import Document, Drop
from ..errors import TextcleanError
from ..io import ReadOptions, default_rejects_path, expand_inputs, read_documents
from ..pipeline import Pipeline
from ..registry import create_default
from ..stats import Stats


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """INPUT... plus the options that say how to read it."""
    decorators = [
        click.argument("inputs", nargs=-1, required=True, metavar="IN..."),
        click.option(
            "--text-field",
            default="text",
            show_default=True,
            help="Field holding the text in JSONL/Parquet records.",
        ),
        click.option(
            "--id-field",
            default="id",
            show_default=True,
            help="Field holding the document id (else FILE:LINE, or the file name for .txt).",
        ),
        click.option(
            "--format",
            "input_format",
            type=click.Choice(["auto", "jsonl", "text", "parquet"]),
            default="auto",
            show_default=True,
            help="Input format; auto decides by file suffix.",
        ),
        click.option(
            "--on-error",
            type=click.Choice(["fail", "skip"]),
            default="fail",
            show_default=True,
            help="On a bad record: stop with its file and line, or send it to the rejects file.",
        ),
        click.option(
            "--max-doc-bytes",
            type=click.IntRange(min=1),
            default=None,
            help="Records larger than this go to the rejects file as 'oversize'.",
        ),
    ]
    for deco in reversed(decorators):
        func = deco(func)
    return func


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """-o OUT, --rejects, --workers, --quiet."""
    decorators = [
        click.option(
            "-o",
            "--output",
            required=True,
            help="Output file (.jsonl, .jsonl.gz, .jsonl.zst, .parquet) or - for stdout.",
        ),
        click.option(
            "--rejects",
            default=None,
            help="Where dropped records go, with their reason [default: OUT's name + .rejects.jsonl].",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Local worker processes; output is identical for any number.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary."),
    ]
    for deco in reversed(decorators):
        func = deco(func)
    return func


def dask_option(result: str = "output") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--dask/--scheduler ADDRESS``: run on a Dask cluster with the same ``result``."""
    return click.option(
        "--dask",
        "--scheduler",
        "dask_address",
        default=None,
        metavar="ADDRESS",
        help="Run on Dask: tcp://HOST:PORT of a running scheduler, or local:N for a local cluster "
        f"of N workers; {result} is identical to a local run.",
    )


def pipeline_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--config FILE or --steps a,b,c: which pipeline to run."""
    func = click.option(
        "--steps",
        default=None,
        help="Comma-separated step names instead of a config, e.g. fix_mojibake,fix_spacing. "
        "Each step has the options it has in the default pipeline (quality and spin_filter "
        "only record scores); use --config to make them drop.",
    )(func)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Pipeline config (TOML or JSON); default: the default pipeline.",
    )(func)


def build_pipeline(config: Any, steps: str | None) -> Pipeline:
    """The pipeline a command was asked for: a loaded config, a step list, or the default."""
    if config is not None and steps is not None:
        raise click.UsageError("give --config or --steps, not both")
    if config is not None:
        return pipeline_from_config(config)
    if steps is not None:
        names = [name.strip() for name in steps.split(",") if name.strip()]
        return Pipeline([(name, create_default(name)) for name in names])
    return Pipeline.default()


def read_options(
    text_field: str, id_field: str, input_format: str, on_error: str, max_doc_bytes: int | None
) -> ReadOptions:
    return ReadOptions(
        text_field=text_field,
        id_field=id_field,
        on_error=on_error,
        max_doc_bytes=max_doc_bytes,
        format=input_format,
    )


def domain_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a `TextcleanError` into a clean one-line CLI error (exit code 2)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TextcleanError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = 2
            raise error from None

    return wrapper


def input_bytes(inputs: Iterable[str], fmt: str) -> int:
    """Total size of the input files as stored (for MB/s)."""
    total = 0
    for path in expand_inputs(inputs, fmt):
        if path != "-":
            try:
                total += os.path.getsize(path)
            except OSError:
                pass
    return total


def show_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


def progress(
    items: Iterable[Document | Drop], enabled: bool, desc: str
) -> Iterator[Document | Drop]:
    """A progress bar on stderr counting documents, when asked and on a terminal."""
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(desc=desc, unit=" docs", file=sys.stderr, mininterval=0.5, dynamic_ncols=True) as bar:
        for item in items:
            bar.update(1)
            yield item


def write_outcomes(
    outcomes: Iterable[Document | Drop],
    output: str,
    rejects: str | None,
    opts: ReadOptions,
    *,
    output_format: str = "auto",
) -> tuple[int, int]:
    """Write kept documents to ``output`` and drops to the rejects file, atomically.

    Both files appear only if the whole run succeeds. Returns (written, rejected).
    """
    from ..jobs import write_outcomes as write

    return write(outcomes, output, rejects or default_rejects_path(output), opts, output_format)


def finish(
    stats: Stats,
    inputs: Iterable[str],
    opts: ReadOptions,
    quiet: bool,
    title: str,
    kept_label: str = "written",
) -> None:
    """Print the summary table to stderr (unless quiet)."""
    stats.bytes_in = input_bytes(inputs, opts.format)
    if not quiet:
        click.echo(stats.summary(title, kept_label), err=True)


def documents(inputs: Iterable[str], opts: ReadOptions) -> Iterator[Document | Drop]:
    """The records of ``inputs`` as Documents, or Drops for bad records when skipping."""
    return read_documents(list(inputs), opts)
