"""A folder of small text files: what checkpointing costs per file.

A checkpointed run finishes each checkpoint by syncing three files to disk
(kept records, rejects, a marker). With one checkpoint per input file, a
folder of thousands of small files spends most of its time waiting on those
syncs; grouped up to 64 MiB, it syncs a few. This script writes every
paragraph of the article corpus longer than 40 characters as its own text
file, then cleans the folder twice with `fix_spacing` (a light step, so the
run's own overhead shows): once with a checkpoint per file (``piece_bytes=1``,
what a folder cost before grouping) and once as runs do now. It counts the
syncs and the wall time spent in them (that wait is the disk's, not CPU), the
run's CPU time (``time.process_time``), and checks that both write the same
bytes.

    python benchmarks/bench_small_files.py [--files 2000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from record_outputs import article_docs
from report import markdown_table, write_section

from textclean import Pipeline
from textclean.io import ReadOptions
from textclean.io.pieces import PIECE_BYTES
from textclean.run.engine import run_on_files


def write_folder(folder: Path, limit: int) -> int:
    """One text file per paragraph of the article corpus; returns the bytes written."""
    written = count = 0
    for doc in article_docs():
        for paragraph in doc.text.split("\n"):
            if len(paragraph.strip()) > 40 and count < limit:
                data = paragraph.strip().encode("utf-8") + b"\n"
                (folder / f"{count:05d}.txt").write_bytes(data)
                written += len(data)
                count += 1
    return written


def timed_run(folder: Path, out: Path, piece_bytes: int) -> tuple[int, float, float, bytes]:
    """(syncs, seconds waiting on them, CPU seconds, output bytes) of one run."""
    real_fsync = os.fsync
    syncs = [0, 0.0]

    def counted(fd: int) -> None:
        started = time.perf_counter()
        real_fsync(fd)
        syncs[0] += 1
        syncs[1] += time.perf_counter() - started

    os.fsync = counted  # type: ignore[assignment]
    try:
        cpu = time.process_time()
        run_on_files(
            Pipeline.from_steps("fix_spacing"),
            [str(folder)],
            str(out),
            options=ReadOptions(on_error="skip"),
            piece_bytes=piece_bytes,
        )
        cpu = time.process_time() - cpu
    finally:
        os.fsync = real_fsync  # type: ignore[assignment]
    return syncs[0], syncs[1], cpu, out.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=2000, help="text files to write")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        size = write_folder(folder, args.files)
        files = len(os.listdir(folder))
        load = os.getloadavg()[0]
        rows, outputs = [], []
        for label, piece_bytes in (("one per file", 1), ("grouped up to 64 MiB", PIECE_BYTES)):
            syncs, waited, cpu, output = timed_run(
                folder, Path(tmp) / f"{piece_bytes}.jsonl", piece_bytes
            )
            rows.append([label, syncs, waited, cpu])
            outputs.append(output)
    assert outputs[0] == outputs[1], "the two runs wrote different bytes"
    table = markdown_table(
        ["checkpoints", "files synced", "wall s waiting on syncs", "CPU s"], rows
    )
    print(table)
    body = (
        f"{files:,} text files ({size / 1e6:.2f} MB), one paragraph of "
        f"`benchmarks/data/articles` each, cleaned with `fix_spacing` in one process; "
        f"both runs wrote the same bytes. One run each, load average {load:.1f} at the "
        f"start.\n\n" + table
    )
    write_section("bench_small_files", "A folder of small files: checkpoints", body)


if __name__ == "__main__":
    main()
