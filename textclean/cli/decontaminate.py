"""`textclean decontaminate`: cut evaluation-set passages out of a corpus."""

from __future__ import annotations

import click

from ..decontaminate import DecontaminationSettings
from ..io import ReadOptions
from ..run import decontaminate_files
from ._common import domain_errors, input_options, report


@click.command("decontaminate")
@input_options
@click.option(
    "-o",
    "--output",
    required=True,
    help="Output file (.jsonl, .jsonl.gz, .jsonl.zst, .parquet) or - for stdout.",
)
@click.option(
    "--against",
    "against",
    multiple=True,
    required=True,
    metavar="EVAL",
    help="Evaluation set: a file or directory in any input format; repeat for several.",
)
@click.option(
    "--against-text-field",
    default=None,
    help="Field holding the text of evaluation records [default: --text-field].",
)
@click.option(
    "--against-id-field",
    default=None,
    help="Field holding the id of evaluation records [default: --id-field].",
)
@click.option(
    "--ngram",
    type=click.IntRange(min=1),
    default=13,
    show_default=True,
    help="Words an n-gram holds; one shared n-gram cuts its sentences.",
)
@click.option(
    "--max-overlap",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Drop a document whose cut sentences hold more than this share of its words.",
)
@click.option(
    "--min-words",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Evaluation records with fewer words are left out; shorter than --ngram, "
    "a record is matched whole.",
)
@click.option(
    "--record",
    type=click.Choice(["none", "summary", "full"]),
    default="full",
    show_default=True,
    help="Cuts written into meta: every cut with its evaluation record (full), counts, or none.",
)
@click.option(
    "--rejects",
    default=None,
    help="Where dropped records go, with their reason [default: OUT's name + .rejects.jsonl].",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Local worker processes; output is identical for any number.",
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
    against,
    against_text_field,
    against_id_field,
    ngram,
    max_overlap,
    min_words,
    record,
    rejects,
    workers,
    quiet,
):
    """Cut from IN... every sentence sharing an n-gram with the evaluation set EVAL.

    A document whose cut sentences hold more than --max-overlap of its words
    goes to the rejects file as 'contaminated'. Every record ends in OUT or in
    the rejects file; each cut names the evaluation record it matched.
    """
    opts = ReadOptions(
        text_field=text_field,
        id_field=id_field,
        format=input_format,
        on_error=on_error,
        max_doc_bytes=max_doc_bytes,
    )
    eval_opts = ReadOptions(
        text_field=against_text_field or text_field, id_field=against_id_field or id_field
    )
    settings = DecontaminationSettings(
        ngram=ngram, max_overlap=max_overlap, min_words=min_words, record=record
    )
    run = decontaminate_files(
        inputs,
        output,
        against=against,
        settings=settings,
        rejects=rejects,
        options=opts,
        against_options=eval_opts,
        workers=workers,
    )
    evaluation = run.evaluation
    if not quiet:
        click.echo(
            f"evaluation set: {evaluation.records:,} record(s), {len(evaluation):,} "
            f"n-gram hash(es) in {evaluation.nbytes / 1e6:.1f} MB; "
            f"{evaluation.skipped:,} record(s) under {min_words} words left out",
            err=True,
        )
    report(run.stats, quiet, "textclean decontaminate")
