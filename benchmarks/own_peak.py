"""Run ``python -m textclean ARGS`` and write this process's own peak RSS (kB) to a file.

``ru_maxrss`` of a child started by fork + exec keeps the parent's size from
before the exec, so a large parent inflates it; ``VmHWM`` in
``/proc/self/status`` starts afresh at exec and is the run's own.

    python benchmarks/own_peak.py PEAK_FILE dedup in.jsonl -o out.jsonl
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def own_peak_kb() -> int:
    """Peak resident memory of this process since its exec (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise OSError("no VmHWM in /proc/self/status")


def main() -> None:
    target = Path(sys.argv.pop(1))
    atexit.register(lambda: target.write_text(str(own_peak_kb())))
    sys.argv[0] = "textclean"
    runpy.run_module("textclean", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
