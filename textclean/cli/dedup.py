"""`textclean dedup`: drop near-duplicate documents, optionally against a persistent index."""

from __future__ import annotations

import click

from ..dedup.keep import POLICIES
from ..dedup.key import KeyDedup
from ..dedup.settings import DedupSettings
from ..dedup.stage import NearDedup
from ..io import check_paths, default_rejects_path
from ..jobs import clean_files
from ..pipeline import Pipeline
from ._common import (
    ByteBar,
    dask_option,
    domain_errors,
    finish,
    input_options,
    output_options,
    read_options,
    show_progress,
)


@click.command("dedup")
@input_options
@output_options
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.8,
    show_default=True,
    help="Jaccard similarity of 5-gram shingle sets at or above which documents are duplicates.",
)
@click.option(
    "--keep",
    type=click.Choice(POLICIES),
    default="first",
    show_default=True,
    help="Which copy stays: first in input, longest, newest/oldest (--date-field), "
    "quality (--score-field) or none.",
)
@click.option(
    "--clusters", default=None, help="Write each cluster (members, similarities) as JSONL here."
)
@click.option(
    "--index",
    "index_dir",
    default=None,
    help="Persistent index directory: match earlier runs, then add this run's kept documents.",
)
@click.option(
    "--index-read-only",
    is_flag=True,
    help="Check against the --index (or --redis) index without adding this run's documents.",
)
@click.option(
    "--key",
    default=None,
    help="Metadata field (url, guid, ...): keep one document per value, by --keep, "
    "before near-dedup.",
)
@click.option(
    "--near/--no-near",
    default=True,
    show_default=True,
    help="Run near-duplicate dedup; --no-near with --key dedups on the key alone.",
)
@click.option(
    "--redis",
    "redis_url",
    default=None,
    help="Shared index in Redis, e.g. redis://localhost:6379/0.",
)
@click.option(
    "--num-perm",
    type=click.IntRange(min=1),
    default=128,
    show_default=True,
    help="MinHash permutations.",
)
@click.option(
    "--ngram", type=click.IntRange(min=1), default=5, show_default=True, help="Shingle size."
)
@click.option(
    "--unit",
    type=click.Choice(["word", "char"]),
    default="word",
    show_default=True,
    help="Shingle unit; char n-grams suit scripts written without spaces.",
)
@click.option(
    "--bands",
    type=click.IntRange(min=1),
    default=None,
    help="LSH bands (with --rows); default: chosen for recall.",
)
@click.option(
    "--rows", type=click.IntRange(min=1), default=None, help="Values per LSH band (with --bands)."
)
@click.option(
    "--verify",
    type=click.Choice(["signature", "exact"]),
    default="exact",
    show_default=True,
    help="Verify candidate pairs by signature estimate, or by exact shingle Jaccard "
    "where the estimate is near the threshold.",
)
@click.option(
    "--spin-robust",
    is_flag=True,
    help=DedupSettings.__dataclass_fields__["spin_robust"].metadata["help"],
)
@click.option(
    "--date-field", default="date", show_default=True, help="Field for --keep newest/oldest."
)
@click.option(
    "--score-field", default="quality", show_default=True, help="Field for --keep quality."
)
@dask_option("output")
@domain_errors
def command(
    inputs,
    text_field,
    id_field,
    input_format,
    on_error,
    max_doc_bytes,
    output,
    rejects,
    workers,
    quiet,
    threshold,
    keep,
    clusters,
    index_dir,
    index_read_only,
    key,
    near,
    redis_url,
    num_perm,
    ngram,
    unit,
    bands,
    rows,
    verify,
    spin_robust,
    date_field,
    score_field,
    dask_address,
):
    """Drop near-duplicates from IN... and write the kept documents to OUT.

    Duplicates go to the rejects file with reason exact_duplicate,
    near_duplicate or (with --key) duplicate_key; every document's
    meta.textclean gets cluster, duplicate_of and similarity.
    """
    opts = read_options(text_field, id_field, input_format, on_error, max_doc_bytes)
    if not near and key is None:
        raise click.UsageError("--no-near leaves nothing to do without --key")
    if index_read_only and not (index_dir or redis_url):
        raise click.UsageError("--index-read-only needs --index or --redis")
    stages = []
    if key is not None:
        stages.append(KeyDedup(key=key, keep=keep, date_field=date_field, score_field=score_field))
    stage = NearDedup(
        threshold=threshold,
        num_perm=num_perm,
        ngram=ngram,
        unit=unit,
        bands=bands,
        rows=rows,
        verify=verify,
        spin_robust=spin_robust,
        keep=keep,
        date_field=date_field,
        score_field=score_field,
        index=index_dir,
        redis_url=redis_url,
        clusters=clusters,
        workers=workers,
        index_read_only=index_read_only,
    )
    if near:
        stages.append(stage)
    if dask_address is not None:
        from ..parallel.dask import dask_client
        from ..parallel.dask_dedup import dedup_files_dask

        if index_dir or redis_url or key or not near:
            raise click.UsageError(
                "--index, --redis, --key and --no-near run locally; drop them with --dask"
            )
        outputs = {"output": output, "rejects": rejects or default_rejects_path(output)}
        check_paths(inputs, {**outputs, "clusters": clusters}, opts.format)
        with dask_client(dask_address) as client:
            stats = dedup_files_dask(
                inputs,
                output,
                stage,
                client=client,
                rejects=rejects,
                clusters=clusters,
                options=opts,
            )
        finish(stats, inputs, opts, quiet, "textclean dedup (dask)")
        return
    with ByteBar("dedup", show_progress(quiet)) as bar:
        stats = clean_files(
            Pipeline(stages, min_chars=0),
            inputs,
            output,
            rejects=rejects,
            options=opts,
            workers=workers,
            progress=bar,
            also_writes={"clusters": clusters},
        )
    finish(stats, inputs, opts, quiet, "textclean dedup")
