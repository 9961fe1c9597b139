"""What every command shares: reading options, the run settings, errors and the summary.

A command parses its options into the library's settings, calls one
`textclean.run` function and reports; library errors become one-line
messages with the flag that helps (exit code 2).
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import warnings
from collections.abc import Callable
from typing import Any

import click

from ..config import INPUT_KEYS
from ..errors import InputError, OptionError, PathError, TextcleanError, TextcleanWarning
from ..io import ReadOptions
from ..pipeline import Pipeline
from ..run import DaskExecutor, Executor, LocalExecutor, RunConfig
from ..run.clean import resolve_pipeline
from ..stats import Stats
from ._options import flag, settings_options, take


def stack(*decorators: Callable[..., Any]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def apply(func: Callable[..., Any]) -> Callable[..., Any]:
        for deco in reversed(decorators):
            func = deco(func)
        return func

    return apply


input_options = stack(
    click.argument("inputs", nargs=-1, required=True, metavar="IN..."),
    settings_options(ReadOptions),
)

workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True,
    help="Local worker processes; output is identical for any number.",
)  # fmt: skip

run_options = stack(
    settings_options(RunConfig, only=("rejects",)),
    workers_option,
    click.option("--dask", "--scheduler", "dask_address", default=None, metavar="ADDRESS",
                 help="Run on Dask: tcp://HOST:PORT of a running scheduler, or local:N for a "
                 "local cluster of N workers; the output is identical to a local run."),
    click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary."),
)  # fmt: skip

output_option = click.option(
    "-o", "--output", required=True,
    help="Output file (.jsonl, .jsonl.gz, .jsonl.zst, .parquet) or - for stdout.",
)  # fmt: skip

pipeline_options = stack(
    click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                 help="Pipeline config (TOML or JSON); its [input] table sets the read options. "
                 "Default: the default pipeline."),
    click.option("--steps", default=None, metavar="SPEC",
                 help="Steps instead of a config: names with options, comma-separated, e.g. "
                 "'fix_mojibake,language(keep=en,de)' or 'default(language.keep=en)'. Each step "
                 "starts from its options in the default pipeline (quality and spin_filter only "
                 "record scores); give options, or use --config, to make them drop."),
    click.option("--min-chars", type=click.IntRange(min=0), default=None,
                 help="Drop documents left with fewer letters and digits than this: 'empty' "
                 "with none, 'too_short' with some; 0 keeps all [default: 1, or the config's]."),
)  # fmt: skip


def run_config(values: dict[str, Any]) -> RunConfig:
    """The `RunConfig` of the reading and run options (removed from ``values``)."""
    return take(RunConfig, values, read=take(ReadOptions, values))


def executor(values: dict[str, Any]) -> Executor:
    address, workers = values.pop("dask_address"), values.pop("workers")
    return DaskExecutor(address) if address is not None else LocalExecutor(workers)


def pipeline_and_run(values: dict[str, Any], run: RunConfig) -> tuple[Pipeline, RunConfig]:
    """The pipeline asked for (config, step spec or default) and the run settings with
    the config's ``[input]`` applied."""
    config, steps, min_chars = (values.pop(k) for k in ("config_path", "steps", "min_chars"))
    if config is not None and steps is not None:
        raise click.UsageError("give --config or --steps, not both")
    source = click.get_current_context().get_parameter_source  # typed, maybe as its default
    typed = {k for k in INPUT_KEYS if source(k) is not click.core.ParameterSource.DEFAULT}
    spec = config if steps is None else Pipeline.from_steps(steps)  # "" is an empty spec
    pipeline, run = resolve_pipeline(spec, run, typed)
    pipeline.set_min_chars(min_chars)
    return pipeline, run


#: What to pass on the command line for an unreadable record, by reason.
RECORD_HINTS = {
    "oversize": "raise --max-doc-bytes, or use --on-error skip to send it to the rejects file",
    "missing_text": "name the field with --text-field, or use --on-error skip to send it "
    "to the rejects file",
}


def hint(exc: TextcleanError) -> str:
    """The library's message, with the command-line option that helps."""
    message = str(exc)
    if isinstance(exc, InputError):
        skip = "use --on-error skip to send it to the rejects file"
        return f"{message} ({RECORD_HINTS.get(exc.reason, skip)})"
    if isinstance(exc, OptionError) and exc.options:
        return f"{message} ({', '.join(flag(o) for o in exc.options)})"
    if isinstance(exc, PathError) and "unknown input format" in message:
        return f"{message} (with --format jsonl|text|parquet|warc|html)"
    if isinstance(exc, PathError) and "output format" in message:
        return message.replace("or declare the format", "for example out.jsonl.zst")
    for says, names_the_flag in FIELD_HINTS.items():
        message = message.replace(says, names_the_flag)
    return message


#: Library messages that ask for a field to be named, and the flags that name it.
FIELD_HINTS = {
    "(name the label field)": "(name it with --label-field)",
    "name the fields that hold its text and id": "name the fields that hold its text and id "
    "with --against-text-field and --against-id-field",
}


PATH_REFUSALS = (
    FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError, FileExistsError
)  # fmt: skip


def domain_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """A `TextcleanError` or a path refused (`PATH_REFUSALS`) becomes a one-line CLI
    error (exit code 2); the library's warnings show as ``warning: ...`` lines on stderr."""

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
        except (TextcleanError, *PATH_REFUSALS) as exc:
            # A path the checks could not foresee (a folder the system will not let this
            # process make, a file that vanished) is one line naming it too, not a trace.
            error = click.ClickException(hint(exc) if isinstance(exc, TextcleanError) else (
                f"{exc.filename2 or exc.filename or 'a path'}: {exc.strerror or exc}"))  # fmt: skip
            error.exit_code = 2
            raise error from None
        except BrokenPipeError:
            # The reader of standard output left (`| head`): temporary files and
            # workers are already cleaned up on the way here. Exit as a shell
            # reports a process stopped by SIGPIPE, so `set -o pipefail` sees a
            # cut run, and keep the interpreter's last flush from failing again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(128 + signal.SIGPIPE) from None
        finally:
            warnings.showwarning = shown

    return wrapper


def report(stats: Stats, quiet: bool, title: str, kept_label: str = "written") -> None:
    """The summary table on stderr (unless quiet)."""
    if not quiet:
        click.echo(stats.summary(title, kept_label), err=True)


def title(command: str, run_on: Executor) -> str:
    return f"textclean {command}" + (" (dask)" if isinstance(run_on, DaskExecutor) else "")
