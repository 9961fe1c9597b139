"""The file job: documents from files, checked against evaluation files, written out."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from os import PathLike

from ..decontaminate.documents import decontaminate_documents
from ..decontaminate.evaluation import EvaluationSet
from ..decontaminate.settings import DecontaminationSettings
from ..io import IdCheck, ReadOptions, check_paths, default_rejects_path, read_documents
from ..io.parts import write_outcomes
from ..io.writers import output_format
from ..stats import Stats
from .config import Paths, input_bytes, path_list

__all__ = ["DecontaminationRun", "decontaminate_files"]


@dataclass(frozen=True)
class DecontaminationRun:
    """What a file job did: its counts and the evaluation set it checked against."""

    stats: Stats
    evaluation: EvaluationSet

    def summary(self) -> str:
        """One line on the evaluation set: records, n-gram hashes and their memory,
        records left out as too short."""
        e = self.evaluation
        return (
            f"evaluation set: {e.records:,} record(s), {len(e):,} n-gram hash(es) in "
            f"{e.nbytes / 1e6:.1f} MB; {e.skipped:,} record(s) under {e.min_words} words left out"
        )


def decontaminate_files(
    inputs: Paths,
    output: str | PathLike[str],
    *,
    against: EvaluationSet | Paths,
    settings: DecontaminationSettings | None = None,
    rejects: str | PathLike[str] | None = None,
    options: ReadOptions | None = None,
    against_options: ReadOptions | None = None,
    output_format_name: str = "auto",
    workers: int = 1,
) -> DecontaminationRun:
    """Decontaminate ``inputs`` against evaluation files (or a built `EvaluationSet`).

    Kept and cut documents go to ``output`` in input order, dropped ones
    (``contaminated``, or unreadable with ``on_error="skip"``) to ``rejects``
    with their reason; both files are written atomically. ``options`` say how
    to read the inputs, ``against_options`` the evaluation files (default:
    the same). ``workers`` processes check batches of documents; the output
    is byte-identical for any number. Evaluation files are read whole before any input, and no
    output may be an input or an evaluation file. The run's `Stats` say
    read = written + rejected.
    """
    s = settings or DecontaminationSettings()
    opts = options or ReadOptions()
    inputs, output = path_list(inputs), os.fspath(output)
    rejects = os.fspath(rejects) if rejects else default_rejects_path(output)
    output_format(output, output_format_name)  # an unknown output name fails before any work
    outputs = {"output": output, "rejects": rejects}
    files = check_paths(inputs, outputs, opts.format)
    started = time.perf_counter()
    if isinstance(against, EvaluationSet):
        evaluation = against
    else:
        ev_opts = against_options or opts
        eval_files = path_list(against)
        check_paths(eval_files, outputs, ev_opts.format)
        evaluation = EvaluationSet.from_files(eval_files, ev_opts, settings=s)
    stats = Stats()
    ids = IdCheck(opts.id_field)
    stream = ids.watch(read_documents(files, opts))
    write_outcomes(
        decontaminate_documents(stream, evaluation, s, stats=stats, workers=workers),
        output,
        rejects,
        opts,
        output_format_name,
    )
    ids.warn()
    stats.bytes_in = input_bytes(inputs, opts.format)
    stats.elapsed = time.perf_counter() - started
    stats.check()
    return DecontaminationRun(stats, evaluation)
