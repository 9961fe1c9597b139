"""What every command shares: input options, output handling, progress, summary.

A command parses its options, builds a library object and calls
`run_to_files`; domain errors become one-line `click.ClickException`s.
"""

from __future__ import annotations

import functools
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from ..config import pipeline_from_config, pipeline_from_steps
from ..document import Document, Drop
from ..errors import InputError, PathError, TextcleanError, TextcleanWarning
from ..io import ReadOptions, check_ids, default_rejects_path, expand_inputs, read_documents
from ..pipeline import Pipeline
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
            type=click.Choice(["auto", "jsonl", "text", "parquet", "warc", "html"]),
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
    """--config FILE or --steps SPEC, and --min-chars: which pipeline to run."""
    func = click.option(
        "--min-chars",
        type=click.IntRange(min=0),
        default=None,
        help="Drop documents left with fewer letters and digits than this: 'empty' with none, "
        "'too_short' with some; 0 keeps all [default: 1, or the config's min_chars].",
    )(func)
    func = click.option(
        "--steps",
        default=None,
        metavar="SPEC",
        help="Steps instead of a config: names with options, comma-separated, e.g. "
        "'fix_mojibake,language(keep=en,de)' or 'default(language.keep=en)'. Each step "
        "starts from its options in the default pipeline (quality and spin_filter only "
        "record scores); give options, or use --config, to make them drop.",
    )(func)
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Pipeline config (TOML or JSON); default: the default pipeline.",
    )(func)


def build_pipeline(config: Any, steps: str | None, min_chars: int | None = None) -> Pipeline:
    """The pipeline a command was asked for: a loaded config, a step spec, or the default."""
    if config is not None and steps is not None:
        raise click.UsageError("give --config or --steps, not both")
    if config is not None:
        pipeline = pipeline_from_config(config)
    elif steps is not None:
        pipeline = pipeline_from_steps(steps)
    else:
        pipeline = Pipeline.default()
    if min_chars is not None:
        pipeline.min_chars = min_chars
    return pipeline


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


#: What to pass on the command line for an unreadable record, by reason.
RECORD_HINTS = {
    "oversize": "raise --max-doc-bytes, or use --on-error skip to send it to the rejects file",
    "missing_text": "name the field with --text-field, or use --on-error skip to send it "
    "to the rejects file",
}
SKIP_HINT = "use --on-error skip to send it to the rejects file"


def hint(exc: TextcleanError) -> str:
    """The library's message, with the command-line option that helps."""
    message = str(exc)
    if isinstance(exc, InputError):
        return f"{message} ({RECORD_HINTS.get(exc.reason, SKIP_HINT)})"
    if isinstance(exc, PathError) and "unknown input format" in message:
        return f"{message} (with --format jsonl|text|parquet|warc|html)"
    if isinstance(exc, PathError) and "output format" in message:
        return message.replace("or declare the format", "for example out.jsonl.zst")
    return message


def domain_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a `TextcleanError` into a clean one-line CLI error (exit code 2), and
    show the library's warnings as ``warning: ...`` lines on stderr."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        shown = warnings.showwarning

        def show(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001
            if issubclass(category, TextcleanWarning):
                click.echo(f"warning: {message}", err=True)
            else:
                shown(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        try:
            return func(*args, **kwargs)
        except TextcleanError as exc:
            error = click.ClickException(hint(exc))
            error.exit_code = 2
            raise error from None
        finally:
            warnings.showwarning = shown

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


class ByteBar:
    """A progress bar on stderr counting input bytes against the total input
    size, with a rate and an ETA; it reaches the end when the last outcome is
    written. Called as ``bar(done, total)``; `close` ends it."""

    def __init__(self, desc: str, enabled: bool):
        self.desc = desc
        self.enabled = enabled
        self._bar: Any = None

    def __call__(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(
                desc=self.desc,
                total=total,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                file=sys.stderr,
                mininterval=0.5,
                dynamic_ncols=True,
            )
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> ByteBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
    """The records of ``inputs`` as Documents, or Drops for bad records when skipping;
    duplicate and non-string ids are counted and reported as a warning at the end."""
    return check_ids(read_documents(list(inputs), opts), opts.id_field)
