"""Fit a step's thresholds to a labelled sample of the user's own corpus.

`calibrate(docs, step=..., label=...)` measures each labelled document once,
fits the step's cut-offs for the chosen objective and cross-validates them;
the returned `Calibration` holds the per-rule `table` and writes the tuned
step as a config (`Calibration.config`).
"""

from __future__ import annotations

import sys
import types
from typing import Any

from .result import Calibration, Figures, Row, check_config_path
from .run import calibrate, check_pair_fields
from .specs import SPECS

__all__ = [
    "SPECS",
    "Calibration",
    "Figures",
    "Row",
    "calibrate",
    "check_config_path",
    "check_pair_fields",
]


class _CallableModule(types.ModuleType):
    """Importing this package makes ``textclean.calibrate`` the package, not the function;
    calling the package calls the function, so ``textclean.calibrate(docs)`` always works."""

    def __call__(self, *args: Any, **kwargs: Any) -> Calibration:
        return calibrate(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
