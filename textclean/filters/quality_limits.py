"""Per-score limits for the `quality` rules: how a config sets its own cut-offs.

A limit is named by its score (``dup_line_frac``); a score two rules read
from opposite sides takes ``_min``/``_max`` (``mean_word_length_min`` is the
floor). ``"off"`` removes that one comparison, so a rule can keep its other
scores. `textclean calibrate` writes these limits; the `quality` step's
``limits`` option reads them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    from .page_quality import Rule

OFF = "off"


def limit_key(rule: Rule, rules: tuple[Rule, ...]) -> str:
    """The name a limit of ``rule`` goes by in ``limits``.

    >>> from textclean.filters.page_quality import RULES
    >>> [limit_key(r, RULES) for r in RULES if r.score == "mean_word_length"]
    ['mean_word_length_min', 'mean_word_length_max']
    """
    shared = Counter(r.score for r in rules)[rule.score] > 1
    return f"{rule.score}_{'min' if rule.below else 'max'}" if shared else rule.score


def with_limits(rules: tuple[Rule, ...], limits: Mapping[str, Any]) -> tuple[Rule, ...]:
    """``rules`` with the limits named in ``limits`` replaced (``"off"``: left out).

    >>> from textclean.filters.page_quality import RULES
    >>> tuned = with_limits(RULES, {"keyword_repeats": 3, "digit_ratio": "off"})
    >>> [r.limit for r in tuned if r.score == "keyword_repeats"], len(tuned) == len(RULES) - 1
    ([3.0], True)
    """
    if not isinstance(limits, Mapping):
        raise ConfigError(
            f"quality: limits maps score names to numbers, e.g. {{dup_line_frac = 0.25}}, "
            f"not {limits!r}"
        )
    known = {limit_key(r, rules): r for r in rules}
    unknown = sorted(set(limits) - set(known))
    if unknown:
        raise ConfigError(f"quality: limits names unknown scores {unknown}; known: {sorted(known)}")
    for key, value in limits.items():
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if value != OFF and not (number and math.isfinite(value)):
            raise ConfigError(
                f"quality: limits.{key} must be a finite number or {OFF!r}, not {value!r}"
            )
    out = []
    for rule in rules:
        value = limits.get(limit_key(rule, rules), rule.limit)
        if value == OFF:
            continue
        out.append(rule._replace(limit=float(value)))
    return tuple(out)
