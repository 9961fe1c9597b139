"""Near-duplicate dedup on Dask: the clusters, kept documents and bytes of `dedup_documents`.

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
"""

from __future__ import annotations

import os
import shutil
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..dedup.cluster import clusters as union_find
from ..dedup.decide import Cluster, Graph, Grouping, Member, decide
from ..dedup.exact import canonical_rank
from ..dedup.keep import field_value
from ..dedup.lsh import band_keys, candidate_pairs
from ..dedup.minhash import signature_dtype, signatures_with_keys
from ..dedup.near_duplicates import DedupResult, uncertainty
from ..dedup.polyhash import text_shingle_hashes
from ..dedup.settings import DedupSettings
from ..dedup.stage import write_clusters
from ..document import META_KEY, Document, Drop
from ..errors import ConfigError
from ..io import ReadOptions, RejectsWriter, default_rejects_path
from ..io.writers import DocumentWriter
from ..jobs import join_parts, work_dir_for
from ..stats import Stats
from .blocks import Block, plan_blocks, read_block
from .dask import DEFAULT_BLOCKSIZE, _dask

POSITION_BITS = 32
#: Shuffles keep bytes columns as bytes (no conversion to Arrow strings).
DASK_CONFIG = {"dataframe.convert-string": False, "dataframe.shuffle.method": "tasks"}
COMPONENTS = ("client", "dask")
#: Input bytes per shuffle partition: a document's shuffled rows (signature,
#: 16 band keys, ids) take about a fifth of a 3 KB page, so a partition holds
#: tens of megabytes whatever the corpus size.
SHUFFLE_BYTES = 256 * 1024 * 1024


def shuffle_partitions(blocks: list[Block]) -> int:
    """Partitions for the shuffles: grows with the input, so each stays bounded."""
    total = sum(b.end - b.start if b.end >= 0 else _size(b.path) for b in blocks)
    return max(1, -(-total // SHUFFLE_BYTES))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def doc_code(block: int, position: int) -> int:
    """A document's name across partitions; codes sort in input order.

    >>> doc_code(1, 5) > doc_code(0, 99_999)
    True
    """
    return (block << POSITION_BITS) | position


class TextLength:
    """Stands in for a text where only its length is read (the ``longest`` policy)."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        self.n = n

    def __len__(self) -> int:
        return self.n


@dataclass(frozen=True)
class Brief:
    """What a keep policy and a cluster record read of a document, without its text."""

    id: str
    text: TextLength
    meta: dict[str, Any]


def brief_fields(doc: Document, settings: DedupSettings) -> tuple[int, Any, Any]:
    """(text length, date field, score field): all `keep.choose` compares."""
    return (
        len(doc.text),
        field_value(doc, settings.date_field),
        field_value(doc, settings.score_field),
    )


def _brief(doc_id: str, fields: tuple[int, Any, Any], settings: DedupSettings) -> Brief:
    length, date, score = fields
    record = {settings.date_field: date, settings.score_field: score}
    if settings.date_field == settings.score_field:
        record = {settings.date_field: date}
    return Brief(doc_id, TextLength(length), {META_KEY: record})


# --- stage 1: signatures --------------------------------------------------------------


def _columns(num_perm: int) -> dict[str, Any]:
    return {
        "doc": "int64",
        "id": object,
        "key": object,
        "kh": "int64",
        "brief": object,
        "sig": object,
    }


def _empty(columns: dict[str, Any]) -> Any:
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in columns.items()})


def block_signatures(index: int, block: Block, opts: ReadOptions, settings: DedupSettings) -> Any:
    """One row per readable document of a block: code, id, exact key, brief, signature."""
    import pandas as pd

    docs = [item for item in read_block(block, opts) if isinstance(item, Document)]
    sig, keys = signatures_with_keys(
        [d.text for d in docs],
        settings.num_perm,
        settings.seed,
        settings.ngram,
        unit=settings.unit,  # type: ignore[arg-type]
        scheme=settings.scheme,  # type: ignore[arg-type]
    )
    if not docs:
        return _empty(_columns(settings.num_perm))
    return pd.DataFrame(
        {
            "doc": (index << POSITION_BITS) + np.arange(len(docs), dtype=np.int64),
            "id": pd.Series([d.id for d in docs], dtype=object),
            "key": pd.Series(keys, dtype=object),
            "kh": np.frombuffer(b"".join(k[:8] for k in keys), dtype=np.int64),
            "brief": pd.Series([brief_fields(d, settings) for d in docs], dtype=object),
            "sig": pd.Series([row.tobytes() for row in sig], dtype=object),
        }
    )


# --- stage 2: exact groups -------------------------------------------------------------


def exact_groups(part: Any) -> Any:
    """Add each row's representative (``rep``) and its exact group's size (``size``)."""
    ordered = part.sort_values(["id", "doc"], kind="stable")
    by_key = ordered.groupby("key", sort=False)["doc"]
    return ordered.assign(
        rep=by_key.transform("first").astype("int64"), size=by_key.transform("size").astype("int64")
    ).sort_values("doc")


# --- stage 3: bands and candidate pairs ---------------------------------------------------


def signature_matrix(sigs: Iterable[bytes], num_perm: int, scheme: str) -> np.ndarray:
    """Rows of signature bytes back to a ``(n, num_perm)`` array."""
    flat = b"".join(sigs)
    return np.frombuffer(flat, dtype=signature_dtype(scheme)).reshape(-1, num_perm)


def band_rows(part: Any, settings: DedupSettings) -> Any:
    """One row per (representative, band): band, band key and the rank fields."""
    import pandas as pd

    bands, rows = settings.lsh_shape
    sig = signature_matrix(part["sig"], settings.num_perm, settings.scheme)
    keys = band_keys(sig, bands, rows) if len(sig) else np.zeros((0, bands), dtype=np.int64)
    n = len(part)
    return pd.DataFrame(
        {
            "band": np.tile(np.arange(bands, dtype=np.int64), n),
            "bkey": keys.reshape(-1),
            "doc": np.repeat(part["doc"].to_numpy(), bands),
            "id": pd.Series(np.repeat(part["id"].to_numpy(dtype=object), bands), dtype=object),
            "key": pd.Series(np.repeat(part["key"].to_numpy(dtype=object), bands), dtype=object),
        }
    )


def bucket_pairs(part: Any, max_bucket: int) -> Any:
    """Candidate pairs ``(a, b)``, ``a < b``, of the buckets held whole by this partition."""
    import pandas as pd

    found = [np.zeros((0, 2), dtype=np.int64)]
    for _, band in part.groupby("band", sort=True):
        ranked = band.sort_values(["id", "key", "doc"], kind="stable")
        keys = ranked["bkey"].to_numpy()[:, None]
        local = candidate_pairs(keys, None, max_bucket)
        found.append(ranked["doc"].to_numpy()[local])
    pairs = np.sort(np.concatenate(found), axis=1)
    return pd.DataFrame({"a": pairs[:, 0], "b": pairs[:, 1]}).drop_duplicates()


# --- stage 4: verification ---------------------------------------------------------------


def estimate(part: Any, settings: DedupSettings) -> Any:
    """Signature similarity of each pair; ``near``: close enough to the threshold to check exactly."""
    a = signature_matrix(part["sa"], settings.num_perm, settings.scheme)
    b = signature_matrix(part["sb"], settings.num_perm, settings.scheme)
    sims = np.mean(a == b, axis=1) if len(part) else np.zeros(0)
    near = np.zeros(len(part), dtype=bool)
    if settings.verify == "exact":
        near = np.abs(sims - settings.threshold) <= uncertainty(
            settings.threshold, settings.num_perm
        )
    return part[["a", "b"]].assign(sim=sims.astype(np.float64), near=near)


def block_shingle_sets(
    index: int, block: Block, opts: ReadOptions, positions: list[int], settings: DedupSettings
) -> Any:
    """Sorted unique shingle hashes (as bytes) of the documents at ``positions`` of a block."""
    import pandas as pd

    wanted = set(positions)
    docs = [item for item in read_block(block, opts) if isinstance(item, Document)]
    texts = [docs[p].text for p in sorted(wanted)]
    hashes, counts = text_shingle_hashes(texts, settings.ngram, settings.unit)
    parts = np.split(hashes, np.cumsum(counts)[:-1]) if len(texts) else []
    return pd.DataFrame(
        {
            "doc": np.array([doc_code(index, p) for p in sorted(wanted)], dtype=np.int64),
            "hashes": pd.Series([np.unique(p).tobytes() for p in parts], dtype=object),
            "dtype": pd.Series([str(hashes.dtype)] * len(texts), dtype=object),
        }
    )


def exact_similarity(part: Any) -> Any:
    """Exact Jaccard of each pair's shingle sets, as `near_duplicates.exact_jaccard` computes it."""
    sims = np.ones(len(part))
    for n, (ha, hb, dt) in enumerate(zip(part["ha"], part["hb"], part["dtype"], strict=True)):
        a, b = np.frombuffer(ha, dtype=dt), np.frombuffer(hb, dtype=dt)
        inter = len(np.intersect1d(a, b, assume_unique=True))
        union = len(a) + len(b) - inter
        sims[n] = inter / union if union else 1.0
    return part[["a", "b"]].assign(sim=sims)


# --- stage 6: decisions ------------------------------------------------------------------


def decide_rows(
    rows: Any, edges: Any, settings: DedupSettings
) -> tuple[dict[int, Member], list[Cluster]]:
    """`decide` on whole clusters: ``rows`` of their documents, ``edges`` their verified pairs.

    Ranks among a subset keep the global order, so each cluster comes out as
    in a local run over the whole corpus.
    """
    rows = rows.sort_values("doc")
    codes = rows["doc"].tolist()
    keys = rows["key"].tolist()
    docs = [
        _brief(i, f, settings)
        for i, f in zip(rows["id"].tolist(), rows["brief"].tolist(), strict=True)
    ]
    rank = canonical_rank([d.id for d in docs], keys)
    groups: dict[bytes, list[int]] = defaultdict(list)
    for i in sorted(range(len(docs)), key=rank.__getitem__):
        groups[keys[i]].append(i)
    reps = [g[0] for _, g in sorted(groups.items(), key=lambda kv: rank[kv[1][0]])]
    node = {codes[i]: n for n, i in enumerate(reps)}
    sig_bytes = rows["sig"].tolist()
    sig = signature_matrix([sig_bytes[i] for i in reps], settings.num_perm, settings.scheme)
    graph = Graph(docs, reps, sig)  # type: ignore[arg-type]
    if len(edges):
        edges = edges.sort_values(["a", "b"])
        graph.pairs = np.array(
            [
                [node[a], node[b]]
                for a, b in zip(edges["a"].tolist(), edges["b"].tolist(), strict=True)
            ],
            dtype=np.int64,
        )
        graph.sims = edges["sim"].to_numpy(dtype=np.float64)
    labels = union_find(len(reps), graph.pairs, np.arange(len(reps)))
    members, found = decide(docs, settings, Grouping(keys, rank, groups, {}), graph, labels)  # type: ignore[arg-type]
    return dict(zip(codes, members, strict=True)), found


def decide_partition(part: Any, settings: DedupSettings) -> tuple[dict[int, Member], list[Cluster]]:
    """Whole components (``components="dask"``): document rows and edge rows, decided on a worker."""
    edge = part["edge"].astype(bool)
    rows, edges = part[~edge], part[edge]
    if not len(rows):
        return {}, []
    return decide_rows(
        rows.astype({"doc": "int64"}), edges.astype({"a": "int64", "b": "int64"}), settings
    )


# --- stage 5: connected components -------------------------------------------------------


def label_components(
    edges: Any, partitions: int, *, client: Any = None, max_rounds: int = 1000
) -> Any:
    """Each node of ``edges`` (a Dask frame of ``a, b``) with the smallest node of its component.

    Min-label propagation: every node takes the smallest label among itself
    and its neighbours until no label changes (rounds: about the diameter of
    the largest component). Every step is a shuffle on the node followed by a
    per-partition minimum, so no partition holds more than its share of
    nodes. Returns a Dask frame of ``node, label``.
    """
    dd = _dask_dataframe()
    both = dd.concat(
        [
            edges[["a", "b"]].rename(columns={"a": "node", "b": "other"}),
            edges[["b", "a"]].rename(columns={"b": "node", "a": "other"}),
        ]
    )
    meta = _empty({"node": "int64", "label": "int64"})
    start = both.map_partitions(
        lambda p: p.assign(label=p[["node", "other"]].min(axis=1))[["node", "label"]], meta=meta
    )
    labels = _persist(_smallest(start, partitions, meta), client)
    for _ in range(max_rounds):
        seen = both.merge(labels.rename(columns={"node": "other"}), on="other")[["node", "label"]]
        new = _persist(_smallest(dd.concat([seen, labels]), partitions, meta), client)
        joined = labels.merge(new.rename(columns={"label": "after"}), on="node")
        changed = int((joined["label"] != joined["after"]).sum().compute())
        labels = new
        if changed == 0:
            return labels
    raise ConfigError(f"connected components did not settle in {max_rounds} rounds")


def _smallest(frame: Any, partitions: int, meta: Any) -> Any:
    """The smallest ``label`` per ``node``: shuffled on the node, reduced per partition."""
    return frame.shuffle(on="node", npartitions=partitions).map_partitions(
        lambda p: p.groupby("node", as_index=False, sort=True)["label"].min(), meta=meta
    )


def _persist(frame: Any, client: Any) -> Any:
    return client.persist(frame) if client is not None else frame.persist()


def _dask_dataframe() -> Any:
    _dask()
    import dask.dataframe as dd

    return dd


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
            member = members.get(position) or Member(item.id, None, None)
            position += 1
            annotated = item.annotate_many(member.record())
            if member.kept:
                stats.kept += 1
                out.write(annotated)
                continue
            reason = "exact_duplicate" if member.exact else "near_duplicate"
            if member.duplicate_of is None:
                detail = "keep=none drops every copy"
            else:
                detail = f"similarity {member.similarity:.3f} to {member.duplicate_of}"
            stats.dropped[reason] += 1
            duplicates.write_drop(Drop(reason, detail, step, annotated))
    return stats.to_record()


# --- the whole run -----------------------------------------------------------------------


def dedup_files_dask(
    inputs: Iterable[str],
    output: str,
    settings: DedupSettings | None = None,
    *,
    client: Any = None,
    rejects: str | None = None,
    clusters: str | None = None,
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
    """
    dask = _dask()
    dd = _dask_dataframe()
    settings = settings or DedupSettings()
    if components not in COMPONENTS:
        raise ConfigError(f"components must be one of {', '.join(COMPONENTS)}, got {components!r}")
    if output == "-":
        raise ConfigError("on Dask, output must be a file that the client can write")
    opts = options or ReadOptions()
    rejects = rejects or default_rejects_path(output)
    started = time.perf_counter()
    blocks = plan_blocks(list(inputs), opts, blocksize)
    work = work_dir_for(output)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
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
            write_clusters(DedupResult([], found, ([], [], np.zeros(0), np.zeros(0))), clusters)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total.elapsed = time.perf_counter() - started
    total.check()
    return total


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
    meta = _empty(_columns(settings.num_perm))
    parts = partitions or shuffle_partitions(blocks)
    sigs = dd.from_delayed(
        [dask.delayed(block_signatures)(i, b, opts, settings) for i, b in enumerate(blocks)],
        meta=meta,
        verify_meta=False,
    )
    table = sigs.shuffle(on="kh", npartitions=parts).map_partitions(
        exact_groups, meta=meta.assign(rep=np.int64(0), size=np.int64(0)).iloc[:0]
    )
    table = _persist(table, client)
    reps = table[table["doc"] == table["rep"]]
    band_meta = band_rows(meta, settings)
    pairs = (
        reps.map_partitions(band_rows, settings, meta=band_meta)
        .shuffle(on="bkey", npartitions=parts)
        .map_partitions(
            bucket_pairs, settings.max_bucket, meta=_empty({"a": "int64", "b": "int64"})
        )
        .shuffle(on="a", npartitions=parts)
        .map_partitions(lambda p: p.drop_duplicates(), meta=_empty({"a": "int64", "b": "int64"}))
    )
    sig = reps[["doc", "sig"]]
    joined = pairs.merge(sig.rename(columns={"doc": "a", "sig": "sa"}), on="a").merge(
        sig.rename(columns={"doc": "b", "sig": "sb"}), on="b"
    )
    est_meta = _empty({"a": "int64", "b": "int64", "sim": "float64", "near": "bool"})
    scored = _persist(joined.map_partitions(estimate, settings, meta=est_meta), client)
    edges = scored[~scored["near"]][["a", "b", "sim"]]
    if settings.verify == "exact":
        near = scored[scored["near"]][["a", "b"]]
        edges = dd.concat([edges, _exact_pairs(near, blocks, opts, settings, client, dask, dd)])
    edges = _persist(edges[edges["sim"] >= settings.threshold], client)
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
    near = _persist(near, client)
    needed = np.unique(near[["a", "b"]].compute().to_numpy().reshape(-1))
    by_block: dict[int, list[int]] = defaultdict(list)
    for code in needed.tolist():
        by_block[code >> POSITION_BITS].append(code & ((1 << POSITION_BITS) - 1))
    out_meta = _empty({"a": "int64", "b": "int64", "sim": "float64"})
    if not by_block:
        return dd.from_pandas(out_meta, npartitions=1)
    sets_meta = _empty({"doc": "int64", "hashes": object, "dtype": object})
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
