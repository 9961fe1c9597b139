"""The learned line model: gradient-boosted trees over `line_features`, as plain data.

The model ships as a JSON file (`textclean/data/boilerplate_model.json`),
written by ``benchmarks/train_boilerplate_model.py``: the feature names it was
trained on, the trees as flat arrays, the decision threshold, the word
weights behind the ``lexical`` features, and a small category head (word
weights per furniture category) that names what a removed line was when no
rule did; optionally a second pass, trees that also see the first pass's
probabilities around each line (`stacked_features`); optionally a second
threshold for whole web pages (`PageKind`). Loading validates every
array, so a corrupt or stale file fails when the model loads, with what is
wrong; nothing is unpickled, ever.

Prediction walks all trees for all lines of a page at once in NumPy: one
array step per tree level, whatever the number of lines.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from ..errors import ConfigError
from .line_features import _EDGE, FEATURES, STACKED, WordTable, lexicon_keys, stacked_features
from .page_kind import PageKind

FORMAT = "textclean-boilerplate-model"
VERSION = 3
#: File versions this textclean reads (version 1 has no second pass, 2 no page kind).
READS = (1, 2, 3)
MODEL_FILE = "boilerplate_model.json"


@dataclass(eq=False)
class Trees:
    """Gradient-boosted trees as padded (trees, nodes) arrays, walked for all rows at once."""

    feature: np.ndarray  # (trees, nodes) int: feature tested at each node
    threshold: np.ndarray  # (trees, nodes) float: go left when x <= threshold
    left: np.ndarray  # (trees, nodes) int: left child (a leaf points at itself)
    right: np.ndarray  # (trees, nodes) int
    value: np.ndarray  # (trees, nodes) float: leaf contributions (learning rate applied)
    base_score: float
    depth: int

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """P(furniture) for every row of ``X`` (columns in the order the trees were fitted on)."""
        n = X.shape[0]
        if n == 0:
            return np.zeros(0)
        trees = self.feature.shape[0]
        # Feature-major, so a node's test reads x[feature * n + row]. Indices are
        # machine integers: `np.take` converts any other kind on every call. Every
        # node index is in range, so "wrap" (which skips the bounds pass that
        # "raise" makes through a buffer when given ``out``) picks the same entries.
        index = np.intp
        x = np.ascontiguousarray(X.T, dtype=np.float64).ravel()
        levels, leaves = self._levels
        # The first level, where every row stands at its tree's root, reads whole columns.
        feature, threshold = levels[0]
        right = x.reshape(-1, n)[feature] > threshold[:, None]
        node = (np.arange(0, 2 * trees, 2, dtype=index)[:, None] + right).ravel()
        row = np.tile(np.arange(n, dtype=index), trees)
        cell = np.empty_like(row)
        for feature, threshold in levels[1:]:
            np.take(feature * index(n), node, out=cell, mode="wrap")
            cell += row
            right = np.take(x, cell) > np.take(threshold, node)
            node <<= 1
            node += right
        total = np.take(leaves, node).reshape(trees, n).sum(axis=0)
        return 1.0 / (1.0 + np.exp(-(self.base_score + total)))

    @cached_property
    def _levels(self) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
        """The trees as perfect binary trees, level by level, so a walk needs no look-up
        of children: at level ``d`` tree ``t``'s node ``k`` is entry ``t * 2**d + k``,
        and its children are entries ``2e`` and ``2e + 1`` of the next level. A leaf
        above the last level becomes a test no row passes (threshold +inf: every row
        goes left), and its value sits where that leftward path ends."""
        trees = self.feature.shape[0]
        depth = self.depth
        features = [np.zeros(trees << d, dtype=np.intp) for d in range(depth)]
        thresholds = [np.full(trees << d, np.inf) for d in range(depth)]
        leaves = np.zeros(trees << depth)
        for t in range(trees):
            stack = [(0, 0, 0)]  # (node, level, place in the level)
            while stack:
                node, d, k = stack.pop()
                if d < depth and self.threshold[t, node] < np.inf:
                    features[d][(t << d) + k] = self.feature[t, node]
                    thresholds[d][(t << d) + k] = self.threshold[t, node]
                    stack.append((int(self.left[t, node]), d + 1, 2 * k))
                    stack.append((int(self.right[t, node]), d + 1, 2 * k + 1))
                else:
                    leaves[(t << depth) + (k << (depth - d))] = self.value[t, node]
        return list(zip(features, thresholds, strict=True)), leaves

    def to_json(self) -> dict[str, Any]:
        return {
            "feature": self.feature.tolist(),
            "threshold": [[_finite(t) for t in row] for row in self.threshold.tolist()],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": self.value.tolist(),
        }

    @classmethod
    def from_json(cls, trees: Mapping[str, Any], base_score: float, depth: int) -> Trees:
        return cls(
            feature=np.asarray(trees["feature"], dtype=np.int64),
            threshold=np.asarray(
                [[np.inf if t is None else t for t in row] for row in trees["threshold"]],
                dtype=np.float64,
            ),
            left=np.asarray(trees["left"], dtype=np.int64),
            right=np.asarray(trees["right"], dtype=np.int64),
            value=np.asarray(trees["value"], dtype=np.float64),
            base_score=float(base_score),
            depth=int(depth),
        )

    def validate(self, width: int, fail: Any) -> None:
        """Raise ``fail(why)`` unless the arrays make trees over ``width`` features."""
        shape = self.feature.shape
        if len(shape) != 2 or shape[0] == 0 or shape[1] == 0:
            raise fail("no trees")
        for name in ("threshold", "left", "right", "value"):
            if getattr(self, name).shape != shape:
                raise fail(
                    f"tree array {name!r} has shape {getattr(self, name).shape}, not {shape}"
                )
        if self.feature.min() < 0 or self.feature.max() >= width:
            raise fail("a node tests a feature that does not exist")
        for child in (self.left, self.right):
            if child.min() < 0 or child.max() >= shape[1]:
                raise fail("a node points outside its tree")
        inner = self.threshold < np.inf
        if not (self.right[inner] == self.left[inner] + 1).all():
            raise fail("trees are not numbered with right children beside left ones")
        if not (np.isfinite(self.value).all() and np.isfinite(self.base_score)):
            raise fail("non-finite leaf values")
        if self.depth < 1 or self.depth > 64:
            raise fail(f"depth {self.depth} out of range")


@dataclass(eq=False)
class LineModel:
    """Trees, threshold, word weights and category head of the line model."""

    features: tuple[str, ...]
    #: The first pass: trees over `features`.
    first: Trees
    decision_threshold: float
    lexicon: dict[str, float]
    categories: tuple[str, ...]
    category_lexicon: dict[str, np.ndarray]
    category_bias: np.ndarray
    info: dict[str, Any] = field(default_factory=dict)

    #: The second pass: trees over `FEATURES` and `STACKED` (the first pass's
    #: probabilities around each line); None in a model trained without one.
    second: Trees | None = None
    #: A second threshold for whole web pages; None: one threshold for every page.
    page_kind: PageKind | None = None

    def cut_off(self, words: np.ndarray) -> float:
        """The decision threshold for a page whose lines have these word counts."""
        if self.page_kind is None:
            return self.decision_threshold
        return self.page_kind.cut_off(words, self.decision_threshold)

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """First-pass P(furniture) for every row of ``X`` (columns in `features` order)."""
        return self.first.probabilities(X)

    def furniture(self, X: np.ndarray, present: np.ndarray) -> np.ndarray:
        """P(furniture) of every row of a page's ``X``: the first pass, then the second
        over the ``present`` (non-blank) rows, which sees the first pass's verdicts around."""
        p = self.first.probabilities(X)
        if self.second is None:
            return p
        rows = np.flatnonzero(present)
        if len(rows):
            near = stacked_features(p[rows])
            p[rows] = self.second.probabilities(np.hstack([X[rows], near]))
        return p

    def category(self, line: str) -> str:
        """The furniture category whose words best fit ``line`` (the category head)."""
        tokens = [w.strip(_EDGE) for w in line.lower().split()]
        if not tokens:
            return self.categories[0]
        rows, matrix = self._category_rows
        found = [i for i in map(rows.get, lexicon_keys(tokens)) if i is not None]
        score = self.category_bias + matrix[found].sum(axis=0) if found else self.category_bias
        return self.categories[int(np.argmax(score))]

    @cached_property
    def words(self) -> WordTable:
        """The word weights and the category head as one table (see `WordTable`)."""
        return WordTable(self.lexicon, self.category_lexicon, self.category_bias)

    @cached_property
    def _category_rows(self) -> tuple[dict[str, int], np.ndarray]:
        """The category head's word weights as one matrix, and each word's row in it."""
        keys = sorted(self.category_lexicon)
        width = len(self.categories)
        matrix = np.array([self.category_lexicon[k] for k in keys]).reshape(len(keys), width)
        return {k: i for i, k in enumerate(keys)}, matrix

    def to_json(self) -> dict[str, Any]:
        """The model as JSON-ready data (the inverse of `from_json`)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "features": list(self.features),
            "depth": self.first.depth,
            "base_score": self.first.base_score,
            "decision_threshold": self.decision_threshold,
            "trees": self.first.to_json(),
            **({} if self.second is None else {"second": self._second_json()}),
            **({} if self.page_kind is None else {"page_kind": self.page_kind.to_json()}),
            "lexicon": dict(sorted(self.lexicon.items())),
            "categories": list(self.categories),
            "category_bias": self.category_bias.tolist(),
            "category_lexicon": {k: v.tolist() for k, v in sorted(self.category_lexicon.items())},
            "info": self.info,
        }

    def _second_json(self) -> dict[str, Any]:
        assert self.second is not None
        return {
            "features": list(FEATURES + STACKED),
            "depth": self.second.depth,
            "base_score": self.second.base_score,
            "trees": self.second.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], source: str = "model") -> LineModel:
        """Build and validate a model from `to_json` data; a bad file raises `ConfigError`."""

        def fail(why: str) -> ConfigError:
            return ConfigError(f"boilerplate model {source}: {why}")

        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise fail(f"not a {FORMAT} file")
        if data.get("version") not in READS:
            raise fail(f"version {data.get('version')!r}, this textclean reads {READS}")
        features = tuple(data.get("features", ()))
        if features != FEATURES:
            raise fail(
                "trained on other features than this textclean computes; retrain it "
                "(benchmarks/train_boilerplate_model.py)"
            )
        second = data.get("second")
        if "page_kind" in data and data["version"] < 3:
            raise fail(f"page_kind in a version {data['version']} file (version 3 has it)")
        if second is not None and tuple(second.get("features", ())) != FEATURES + STACKED:
            raise fail(
                "second pass trained on other features than this textclean computes; retrain it "
                "(benchmarks/train_boilerplate_model.py)"
            )
        try:
            first = Trees.from_json(data["trees"], data["base_score"], data["depth"])
            categories = tuple(str(c) for c in data["categories"])
            bias = np.asarray(data["category_bias"], dtype=np.float64)
            category_lexicon = {
                str(k): np.asarray(v, dtype=np.float64) for k, v in data["category_lexicon"].items()
            }
            lexicon = {str(k): float(v) for k, v in data["lexicon"].items()}
            model = cls(
                features=features,
                first=first,
                decision_threshold=float(data["decision_threshold"]),
                lexicon=lexicon,
                categories=categories,
                category_lexicon=category_lexicon,
                category_bias=bias,
                info=dict(data.get("info", {})),
                second=None
                if second is None
                else Trees.from_json(second["trees"], second["base_score"], second["depth"]),
                page_kind=None
                if data.get("page_kind") is None
                else PageKind.from_json(data["page_kind"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise fail(f"malformed ({type(exc).__name__}: {exc})") from None
        model._validate(fail)
        return model

    def _validate(self, fail: Any) -> None:
        self.first.validate(len(self.features), fail)
        if self.second is not None:
            self.second.validate(
                len(self.features) + len(STACKED), lambda why: fail(f"second pass: {why}")
            )
        if not 0.0 < self.decision_threshold < 1.0:
            raise fail("decision threshold outside (0, 1)")
        if self.page_kind is not None and self.page_kind.problem():
            raise fail(str(self.page_kind.problem()))
        if not self.categories or self.category_bias.shape != (len(self.categories),):
            raise fail("category head does not match its categories")
        for token, weights in self.category_lexicon.items():
            if weights.shape != (len(self.categories),):
                raise fail(f"category weights of {token!r} do not match the categories")


def _finite(value: float) -> float | None:
    return None if value == float("inf") else value


def load_model(path: str | Path | None = None) -> LineModel:
    """The line model in ``path``, or the one shipped with textclean."""
    if path is None:
        return builtin_model()
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"boilerplate model {path}: cannot read it ({exc})") from None
    return LineModel.from_json(data, str(path))


@lru_cache(maxsize=1)
def builtin_model() -> LineModel:
    """The shipped model, loaded and validated once per process."""
    data = resources.files("textclean.data").joinpath(MODEL_FILE).read_bytes()
    return LineModel.from_json(orjson.loads(data), MODEL_FILE)  # half json's parse time
