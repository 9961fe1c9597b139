"""Run counts: seen, kept, dropped per reason, changed per step, time per step.

The runner counts, not the steps, so the identity ``kept + dropped == seen``
holds for every pipeline; `Stats.check` asserts it and the CLI prints it as
``read = written + rejected``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Stats:
    """Counters for one run; `merge` combines runs (worker chunks, partitions)."""

    seen: int = 0
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)
    bytes_in: int = 0
    elapsed: float = 0.0

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    def merge(self, other: Stats) -> Stats:
        """Add ``other``'s counts into this one and return it."""
        self.seen += other.seen
        self.kept += other.kept
        self.dropped.update(other.dropped)
        self.changed.update(other.changed)
        self.seconds.update(other.seconds)
        self.bytes_in += other.bytes_in
        self.elapsed = max(self.elapsed, other.elapsed)
        return self

    def check(self) -> None:
        """Raise if a document went missing: kept + dropped must equal seen."""
        if self.kept + self.dropped_total != self.seen:
            raise AssertionError(
                f"accounting error: {self.kept} kept + {self.dropped_total} dropped != {self.seen} seen"
            )

    def to_dict(self) -> dict[str, Any]:
        """Counts as plain JSON-able data (no timings, so it is deterministic)."""
        return {
            "seen": self.seen,
            "kept": self.kept,
            "dropped": dict(sorted(self.dropped.items())),
            "changed": dict(sorted(self.changed.items())),
        }

    def to_record(self) -> dict[str, Any]:
        """Everything, timings included, as JSON-able data (checkpoints, partitions)."""
        return {
            "seen": self.seen,
            "kept": self.kept,
            "dropped": dict(self.dropped),
            "changed": dict(self.changed),
            "seconds": dict(self.seconds),
            "elapsed": self.elapsed,
        }

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Stats:
        """The inverse of `to_record` (timings of a finished shard are not re-counted)."""
        return cls(
            seen=data["seen"],
            kept=data["kept"],
            dropped=Counter(data["dropped"]),
            changed=Counter(data["changed"]),
            seconds=Counter(data["seconds"]),
        )

    def summary(self, title: str = "textclean", kept_label: str = "written") -> str:
        """The human summary printed at the end of a CLI run."""
        mb = self.bytes_in / 1e6
        rate = f", {mb / self.elapsed:.2f} MB/s" if self.elapsed > 0 and mb else ""
        lines = [
            f"{title}: {self.seen:,} read = {self.kept:,} {kept_label} + {self.dropped_total:,} rejected"
            f"  ({self.elapsed:.2f} s, {mb:.2f} MB{rate})"
        ]
        if self.dropped:
            lines.append("  rejected by reason:")
            lines += [f"    {reason:<32} {n:>10,}" for reason, n in sorted(self.dropped.items())]
        if self.changed:
            lines.append("  changed by step:")
            lines += [f"    {step:<32} {n:>10,}" for step, n in sorted(self.changed.items())]
        if self.seconds:
            total = sum(self.seconds.values()) or 1.0
            lines.append("  time by step (summed over workers):")
            lines += [
                f"    {step:<32} {sec:>9.2f}s {100 * sec / total:>5.1f}%"
                for step, sec in sorted(self.seconds.items(), key=lambda kv: -kv[1])
            ]
        return "\n".join(lines)
