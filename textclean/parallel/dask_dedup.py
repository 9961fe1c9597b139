"""Near-duplicate dedup on Dask: the clusters, kept documents and bytes of `deduplicate`.

The local algorithm (`textclean.dedup.near_duplicates`) in stages, each a
Dask collection whose tasks hold one partition at a time:

1. **signatures**: every input block is read on a worker and its documents
   get exact keys and MinHash signatures (`signatures_with_keys`). A document
   is named by ``block << 32 | position``, a code that sorts in input order.
2. **exact groups**: rows shuffled by exact key; a group's representative is
   its first member in canonical rank (id, key, input position), as locally.
3. **bands**: representatives' band keys (`band_keys`), shuffled on the key
   so every bucket meets in one partition, where `candidate_pairs` pairs it
   exactly as locally (above ``max_bucket``: first and neighbour in rank order).
4. **verification**: pairs joined to both signatures; the estimate, then the
   exact shingle Jaccard for pairs within `uncertainty` of the threshold,
   from shingle sets computed only for those documents.
5. **components**: union-find on the client (``components="client"``), or
   min-label propagation on dataframes (``components="dask"``), after which
   each partition of components is decided on a worker.
6. **decisions**: `decide` (the local function) on the documents that are in
   a cluster; every other document is its own cluster.
7. **write**: each block is read again, annotated and written in parts; the
   client joins the parts in input order.

Dataframes rather than bags: band keys and document codes are int64 columns
that a shuffle moves as arrays, where a bag would pickle one Python tuple per
(document, band). Shuffles use Dask's task-based method with plain object
columns, so exact keys and signatures travel as bytes, unchanged.

The per-partition functions of every stage are pure and live in
`textclean.dedup.frames` (stages 1–4) and `textclean.dedup.frame_decisions`
(5 and 6); the keep-or-drop of each document is `textclean.dedup.stage.fate`,
as in a local run. This module and `dask_components` only drive Dask: they
read blocks, shuffle, persist, and write the parts (stage 7).
"""

from __future__ import annotations

import shutil
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from ..dedup.decide import Cluster, Member
from ..dedup.frame_decisions import decide_partition, decide_rows
from ..dedup.near_duplicates import DedupResult
from ..dedup.settings import DedupSettings
from ..dedup.spin_robust import refuse
from ..dedup.stage import ClusterSink, fate
from ..document import Drop
from ..errors import ConfigError
from ..io import ReadOptions, RejectsWriter
from ..io.parts import join_parts
from ..io.writers import DocumentWriter
from ..stats import Stats
from .blocks import Block, read_block
from .cluster import DEFAULT_BLOCKSIZE, _dask, prepare_run
from .dask_components import dask_dataframe, label_components, persist
from .dask_dedup_parts import (
    COMPONENTS,
    DASK_CONFIG,
    POSITION_BITS,
    band_rows,
    block_shingle_sets,
    block_signatures,
    bucket_pairs,
    empty_frame,
    estimate,
    exact_groups,
    exact_similarity,
    shuffle_partitions,
    signature_columns,
)

# --- stage 7: writing --------------------------------------------------------------------


def write_block(
    index: int,
    block: Block,
    opts: ReadOptions,
    members: dict[int, Member],
    work: str,
    parts: int,
    step: str,
) -> dict[str, Any]:
    """Annotate a block's documents with their dedup records; write kept, duplicates and unreadable.

    Unreadable records go to part ``index`` of the rejects, duplicates to part
    ``parts + index``: joined in order, every unreadable record comes first,
    as when the local stage holds the whole stream before it yields.
    """
    stats = Stats()
    base = f"{work}/"
    with (
        DocumentWriter(
            f"{base}{index:06d}.out.jsonl",
            text_field=opts.text_field,
            id_field=opts.id_field,
            format="jsonl",
        ) as out,
        RejectsWriter(
            f"{base}{index:06d}.rejects.jsonl", text_field=opts.text_field, id_field=opts.id_field
        ) as unreadable,
        RejectsWriter(
            f"{base}{parts + index:06d}.rejects.jsonl",
            text_field=opts.text_field,
            id_field=opts.id_field,
        ) as duplicates,
    ):
        position = 0
        for item in read_block(block, opts):
            stats.seen += 1
            if isinstance(item, Drop):
                stats.dropped[item.reason] += 1
                unreadable.write_drop(item)
                continue
            outcome = fate(item, members.get(position) or Member(item.id, None, None), step)
            position += 1
            if isinstance(outcome, Drop):
                stats.dropped[outcome.reason] += 1
                duplicates.write_drop(outcome)
            else:
                stats.kept += 1
                out.write(outcome)
    return stats.to_record()


# --- the whole run -----------------------------------------------------------------------


def dedup_files_dask(
    inputs: Iterable[str],
    output: str,
    settings: DedupSettings | None = None,
    *,
    client: Any = None,
    rejects: str | None = None,
    clusters: str | ClusterSink | None = None,
    options: ReadOptions | None = None,
    blocksize: int | None = DEFAULT_BLOCKSIZE,
    components: str = "client",
    partitions: int | None = None,
    output_format_name: str = "auto",
    step: str = "near_dedup",
) -> Stats:
    """``textclean dedup`` on Dask: output, rejects and clusters file identical to the local run.

    ``components="client"`` finds clusters by union-find on the client (the
    verified edges and the clustered documents' records must fit there);
    ``"dask"`` labels components on the cluster and decides each partition
    of components on a worker. ``partitions``: partitions of every shuffle
    (default: one per `SHUFFLE_BYTES` of input); the result does not depend on it.
    ``clusters`` is a file or a sink that receives the clusters. An HTML page
    in the text field is warned about as in a local run.
    """
    dask = _dask()
    dd = dask_dataframe()
    settings = settings or DedupSettings()
    if settings.spin_robust:
        raise refuse("the Dask path")
    if components not in COMPONENTS:
        raise ConfigError(f"components must be one of {', '.join(COMPONENTS)}, got {components!r}")
    started = time.perf_counter()
    opts, rejects, blocks, work = prepare_run(inputs, output, rejects, options, blocksize)
    try:
        with dask.config.set(DASK_CONFIG):
            members, found = _find(blocks, opts, settings, client, components, dask, dd, partitions)
        by_block: dict[int, dict[int, Member]] = defaultdict(dict)
        for code, member in members.items():
            by_block[code >> POSITION_BITS][code & ((1 << POSITION_BITS) - 1)] = member
        tasks = [
            dask.delayed(write_block)(i, b, opts, by_block.get(i, {}), str(work), len(blocks), step)
            for i, b in enumerate(blocks)
        ]
        results = _compute(dask, client, tasks)
        total = Stats()
        for result in results:
            total.merge(Stats.from_record(result))
        join_parts(work, len(blocks), "out", output, opts, output_format_name)
        join_parts(work, 2 * len(blocks), "rejects", rejects, opts, "jsonl")
        if clusters:
            result = DedupResult([], found, ([], [], np.zeros(0), np.zeros(0)))
            _clusters_sink(clusters)(result)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total.elapsed = time.perf_counter() - started
    total.check()
    return total


def _clusters_sink(clusters: str | ClusterSink) -> ClusterSink:
    """A clusters file is written as a local run writes it (`textclean.run.targets`)."""
    if callable(clusters):
        return clusters
    from ..run.targets import clusters_sink

    return clusters_sink(clusters)  # type: ignore[return-value]


def _compute(dask: Any, client: Any, tasks: list[Any]) -> list[Any]:
    if client is not None:
        return list(client.gather(client.compute(tasks)))
    return list(dask.compute(*tasks))


def _find(
    blocks: list[Block],
    opts: ReadOptions,
    settings: DedupSettings,
    client: Any,
    components: str,
    dask: Any,
    dd: Any,
    partitions: int | None,
) -> tuple[dict[int, Member], list[Cluster]]:
    """Stages 1-6: every clustered document's `Member`, and the clusters sorted by id."""
    if not blocks:
        return {}, []
    meta = empty_frame(signature_columns(settings.num_perm))
    parts = partitions or shuffle_partitions(blocks)
    sigs = dd.from_delayed(
        [dask.delayed(block_signatures)(i, b, opts, settings) for i, b in enumerate(blocks)],
        meta=meta,
        verify_meta=False,
    )
    table = sigs.shuffle(on="kh", npartitions=parts).map_partitions(
        exact_groups, meta=meta.assign(rep=np.int64(0), size=np.int64(0)).iloc[:0]
    )
    table = persist(table, client)
    reps = table[table["doc"] == table["rep"]]
    band_meta = band_rows(meta, settings)
    pairs = (
        reps.map_partitions(band_rows, settings, meta=band_meta)
        .shuffle(on="bkey", npartitions=parts)
        .map_partitions(
            bucket_pairs, settings.max_bucket, meta=empty_frame({"a": "int64", "b": "int64"})
        )
        .shuffle(on="a", npartitions=parts)
        .map_partitions(
            lambda p: p.drop_duplicates(), meta=empty_frame({"a": "int64", "b": "int64"})
        )
    )
    sig = reps[["doc", "sig"]]
    joined = pairs.merge(sig.rename(columns={"doc": "a", "sig": "sa"}), on="a").merge(
        sig.rename(columns={"doc": "b", "sig": "sb"}), on="b"
    )
    est_meta = empty_frame({"a": "int64", "b": "int64", "sim": "float64", "near": "bool"})
    scored = persist(joined.map_partitions(estimate, settings, meta=est_meta), client)
    edges = scored[~scored["near"]][["a", "b", "sim"]]
    if settings.verify == "exact":
        near = scored[scored["near"]][["a", "b"]]
        edges = dd.concat([edges, _exact_pairs(near, blocks, opts, settings, client, dask, dd)])
    edges = persist(edges[edges["sim"] >= settings.threshold], client)
    if components == "client":
        return _decide_on_client(table, edges, settings, client)
    return _decide_on_dask(table, edges, settings, client, dask, dd, parts)


def _exact_pairs(
    near: Any,
    blocks: list[Block],
    opts: ReadOptions,
    settings: DedupSettings,
    client: Any,
    dask: Any,
    dd: Any,
) -> Any:
    """Exact similarity of the pairs near the threshold; shingles only for their documents."""
    near = persist(near, client)
    needed = np.unique(near[["a", "b"]].compute().to_numpy().reshape(-1))
    by_block: dict[int, list[int]] = defaultdict(list)
    for code in needed.tolist():
        by_block[code >> POSITION_BITS].append(code & ((1 << POSITION_BITS) - 1))
    out_meta = empty_frame({"a": "int64", "b": "int64", "sim": "float64"})
    if not by_block:
        return dd.from_pandas(out_meta, npartitions=1)
    sets_meta = empty_frame({"doc": "int64", "hashes": object, "dtype": object})
    sets = dd.from_delayed(
        [
            dask.delayed(block_shingle_sets)(i, blocks[i], opts, positions, settings)
            for i, positions in sorted(by_block.items())
        ],
        meta=sets_meta,
        verify_meta=False,
    )
    left = sets[["doc", "hashes", "dtype"]].rename(columns={"doc": "a", "hashes": "ha"})
    right = sets[["doc", "hashes"]].rename(columns={"doc": "b", "hashes": "hb"})
    return (
        near.merge(left, on="a")
        .merge(right, on="b")
        .map_partitions(exact_similarity, meta=out_meta)
    )


def _decide_on_client(
    table: Any, edges: Any, settings: DedupSettings, client: Any
) -> tuple[dict[int, Member], list[Cluster]]:
    edge_frame = edges.compute()
    nodes = np.unique(edge_frame[["a", "b"]].to_numpy().reshape(-1))
    clustered = table[(table["size"] > 1) | table["rep"].isin(nodes.tolist())]
    rows = clustered.compute()
    if not len(rows):
        return {}, []
    members, found = decide_rows(rows, edge_frame, settings)
    return members, sorted(found, key=lambda c: c.id)


def _decide_on_dask(
    table: Any, edges: Any, settings: DedupSettings, client: Any, dask: Any, dd: Any, parts: int
) -> tuple[dict[int, Member], list[Cluster]]:
    labels = label_components(edges, parts, client=client)
    rows = table.merge(labels.rename(columns={"node": "rep"}), on="rep", how="left")
    rows = rows[(rows["size"] > 1) | ~rows["label"].isna()]
    rows = rows.assign(label=rows["label"].fillna(rows["rep"]).astype("int64"))
    edge_rows = edges.merge(labels.rename(columns={"node": "a"}), on="a")
    both = dd.concat([rows.assign(edge=False), edge_rows.assign(edge=True)])
    tasks = [
        dask.delayed(decide_partition)(part, settings)
        for part in both.shuffle(on="label", npartitions=parts).to_delayed()
    ]
    members: dict[int, Member] = {}
    found: list[Cluster] = []
    for part_members, part_found in _compute(dask, client, tasks):
        members.update(part_members)
        found += part_found
    return members, sorted(found, key=lambda c: c.id)
