"""The options of near-duplicate detection, checked once, shared by the stage and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import OptionError
from ..step_options import check_options
from .keep import POLICIES, check_policy
from .lsh import check_bands, choose_bands
from .minhash import permutations
from .shingling import check_ngram

#: How candidate pairs are checked.
VERIFY = ("signature", "exact")


def _opt(
    default: Any,
    help: str,
    choices: tuple[str, ...] = (),
    range: tuple[float | None, float | None] | None = None,
    above: bool = False,
) -> Any:
    """A field with its help and, for an enumerated option, the values it accepts;
    for a number, its inclusive ``range`` (``above``: its low end excluded)."""
    metadata: dict[str, Any] = {"help": help}
    if choices:
        metadata["choices"] = choices
    if range:
        metadata["range"] = range
    if above:
        metadata["above"] = True
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class DedupSettings:
    """Thresholds, signature shape, LSH bands and the keep policy.

    >>> DedupSettings(threshold=0.8).lsh_shape
    (16, 8)
    """

    threshold: float = _opt(
        0.8,
        "Jaccard similarity at or above which two documents are duplicates.",
        range=(0, 1),
        above=True,
    )
    num_perm: int = _opt(128, "MinHash permutations per signature.", range=(1, None))
    ngram: int = _opt(
        5, "Shingle size: words per word n-gram (characters with unit='char').", range=(1, None)
    )
    unit: str = _opt(
        "word",
        "Shingle unit: 'word' n-grams, or 'char' n-grams for unspaced scripts.",
        ("word", "char"),
    )
    seed: int = _opt(1, "Seed of the MinHash permutations (datasketch's meaning).", range=(0, None))
    scheme: str = _opt(
        "affine32",
        "datasketch permutation scheme: affine32, affine64 or legacy.",
        ("affine32", "affine64", "legacy"),
    )
    bands: int | None = _opt(
        None, "LSH bands; default: chosen for ~99% recall at the threshold.", range=(1, None)
    )
    rows: int | None = _opt(
        None, "Signature values per band; default: chosen with bands.", range=(1, None)
    )
    verify: str = _opt(
        "exact",
        "Check candidates by 'signature' estimate, or 'exact' shingle Jaccard where the "
        "estimate is within 4 standard errors of the threshold.",
        VERIFY,
    )
    keep: str = _opt(
        "first", "Copy to keep: first, longest, newest, oldest, quality or none.", POLICIES
    )
    date_field: str = _opt("date", "Metadata field compared by the newest/oldest policies.")
    score_field: str = _opt(
        "quality", "Score compared by the quality policy (meta['textclean'] first)."
    )
    max_bucket: int = _opt(
        64,
        "Above this many documents in one LSH bucket, link each to the first and its neighbour only.",
        range=(2, None),
    )
    spin_robust: bool = _opt(
        False,
        "Also link spun copies: candidates from the words a spinner leaves alone, confirmed "
        "by the Jaccard once swaps are undone; keep the least spun copy.",
    )

    def __post_init__(self) -> None:
        # Types first, as a config's are checked: "0.8" or -1 built in Python would
        # otherwise fail later, inside NumPy.
        check_options("dedup", type(self), {f.name: getattr(self, f.name) for f in fields(self)})
        if not 0.0 < float(self.threshold) <= 1.0:
            raise OptionError(f"threshold must be in (0, 1], got {self.threshold!r}", "threshold")
        check_ngram(self.ngram, self.unit)
        permutations(self.num_perm, self.seed, self.scheme)  # validates num_perm and scheme
        if (self.bands is None) != (self.rows is None):
            raise OptionError("give both bands and rows, or neither", "bands", "rows")
        if self.bands is not None:
            check_bands(self.num_perm, self.bands, self.rows)
        if self.verify not in VERIFY:
            raise OptionError(
                f"verify must be 'signature' or 'exact', got {self.verify!r}", "verify"
            )
        check_policy(self.keep)
        if self.max_bucket < 2:
            raise OptionError(
                f"max_bucket must be at least 2, got {self.max_bucket!r}", "max_bucket"
            )
        if self.spin_robust and self.unit != "word":
            raise OptionError(
                "spin_robust compares words: it needs unit='word'", "spin_robust", "unit"
            )

    @property
    def lsh_shape(self) -> tuple[int, int]:
        """(bands, rows), as given or chosen for recall."""
        if self.bands is not None and self.rows is not None:
            return self.bands, self.rows
        return choose_bands(float(self.threshold), self.num_perm)

    def index_settings(self) -> dict[str, Any]:
        """What an index must share with this run for signatures to compare."""
        bands, rows = self.lsh_shape
        return {
            "num_perm": self.num_perm,
            "seed": self.seed,
            "bands": bands,
            "rows": rows,
            "ngram": self.ngram,
            "unit": self.unit,
            "scheme": self.scheme,
        }
