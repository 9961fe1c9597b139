"""What a calibration found: cross-validated figures per rule, and the config it writes."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import PathError
from ..io.files import AtomicOutput
from ..io.paths import check_paths
from .fit import Objective
from .toml_out import to_toml


class Row(NamedTuple):
    """One cut-off: where it sits, and how it did on the units it was not fitted on.

    ``fired`` counts held-out units the cut-off fired on; ``precision`` is the
    share of them labelled drop, ``recall`` the share of drop-labelled units
    it caught (NaN when it fired on none, or none is labelled drop).
    """

    rule: str
    score: str
    cutoff: float | str
    fired: int
    precision: float
    recall: float


class Figures(NamedTuple):
    """The step as a whole, cross-validated: every unit judged by a fit that never saw it."""

    units: int
    drops: int
    accuracy: float
    precision: float
    recall: float
    folds: int


@dataclass(frozen=True)
class Calibration:
    """Fitted options of one step, the per-rule `table` and the `overall` figures."""

    step: str
    objective: Objective
    options: dict[str, Any]
    table: tuple[Row, ...]
    overall: Figures

    def config(self) -> dict[str, Any]:
        """A pipeline config running the step with its fitted options (the file `textclean clean` reads as its config)."""
        return {"steps": [{"name": self.step, **self.options}]}

    def to_toml(self) -> str:
        """`config` as TOML, with the cross-validated figures as a comment."""
        o = self.overall
        goal = self.objective.describe()
        head = (
            f"# {self.step} fitted by textclean calibrate for {goal} on {o.units} labelled "
            f"units ({o.drops} drop); {o.folds}-fold cross-validated accuracy {o.accuracy:.3f}, "
            f"precision {o.precision:.3f}, recall {o.recall:.3f}\n"
        )
        return head + to_toml(self.config())

    def write(self, path: str | Path) -> None:
        """The config to ``path``: JSON for ``.json``, else TOML with the figures as a comment."""
        path = Path(path)
        text = (
            json.dumps(self.config(), indent=2) + "\n"
            if path.suffix.lower() == ".json"
            else self.to_toml()
        )
        with AtomicOutput(path) as out:  # whole or not at all, in a folder made if needed
            out.write(text.encode("utf-8"))

    def __str__(self) -> str:
        return format_table(self)


def check_config_path(samples: list[str], output: str | None, declared: str = "auto") -> None:
    """Refuse, before any fit, a config path that is not ``.toml``/``.json``, that is one
    of the ``samples`` (read as ``declared``; the labelled data would be lost) or that
    cannot be written."""
    if not output:
        return
    if Path(output).suffix.lower() not in (".toml", ".json"):
        raise PathError(f"config {output}: name a .toml or .json file")
    check_paths(samples, {"config": output}, declared)


def format_table(cal: Calibration) -> str:
    """The per-rule table and the overall line, as text."""

    def num(v: float) -> str:
        return "-" if isinstance(v, float) and math.isnan(v) else f"{v:.3f}"

    header = ("rule", "score", "cut-off", "fired", "precision", "recall")
    rows = [
        (r.rule, r.score, str(r.cutoff), str(r.fired), num(r.precision), num(r.recall))
        for r in cal.table
    ]
    widths = [max(len(x[i]) for x in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    o = cal.overall
    lines.append(
        f"{cal.step}: {o.units} units, {o.drops} labelled drop; {o.folds}-fold cross-validated "
        f"accuracy {num(o.accuracy)}, precision {num(o.precision)}, recall {num(o.recall)}"
    )
    return "\n".join(lines)
