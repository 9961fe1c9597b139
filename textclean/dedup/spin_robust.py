"""Spin-robust near-duplicates: candidates from the invariant view, links confirmed on the text.

With ``spin_robust`` on, `find_duplicates`:

1. signs every document twice, its plain shingles and the shingles of its
   `spin_view` (the words a spinner leaves alone); pairs sharing an LSH band
   in either are candidates;
2. links a candidate pair when its plain shingle Jaccard reaches the
   threshold, as without the option, or when its `aligned_jaccard` does: the
   Jaccard once the swaps between anchors are undone. A spun copy links to
   its source; a wire copy with another lead, or an article quoting another
   at length, differs by edits, not swaps, and stays apart;
3. keeps the least spun member of a cluster: the one whose swaps against
   its twins hold the least spinner wording (known spun wordings of the
   lexicon, words it knows only as spinner output), then the lowest
   `spin_score`, then the keep policy. The swaps come first because a
   spinner can also remove evidence: swapping a source's "men and women"
   (a lexicon signal) lowers the copy's score below the source's;
4. records, for each dropped copy, both similarities and both spin scores.

It compares texts, so it runs in one process over the replayed input: an
index (which stores no texts) and the Dask path refuse it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import numpy as np

from ..document import Document
from ..errors import ConfigError
from ..repair.spun import spin_score
from .first_pass import first_pass, gather_rows, texts_at
from .jaccard import exact_jaccard
from .lsh import band_keys, candidate_pairs
from .replay import Replay
from .settings import DedupSettings
from .shingling import ngrams_of
from .spin_align import Region, align, tokens, undone_keys
from .spin_view import immutable_words, spin_pairs, spin_view, spinner_words

#: A pair is aligned only when its views share at least this share of the threshold.
VIEW_FLOOR = 0.5


def refuse(where: str) -> ConfigError:
    """The error for a dedup path that cannot compare texts."""
    return ConfigError(
        f"spin-robust dedup is not available with {where}: it confirms each link on both "
        "texts, which only the local run over the whole input holds; run it locally without "
        f"{where}, or turn spin_robust off"
    )


@dataclass
class SpinFacts:
    """Per document its spin score; per node its twin spin; per linked pair its evidence."""

    scores: list[float]
    twin: dict[int, int] = field(default_factory=dict)
    evidence: dict[tuple[int, int], dict[str, float]] = field(default_factory=dict)
    swapped: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def least_spun(self, members: Sequence[int], node_of: np.ndarray) -> list[int]:
        """The members no other member is less spun than (the keep policy picks among them)."""

        def key(j: int) -> tuple[int, float]:
            return (self.twin.get(int(node_of[j]), 0), round(self.scores[j], 6))

        best = min(map(key, members))
        return [j for j in members if key(j) == best]

    def record(self, j: int, kept: int, node: int, kept_node: int) -> dict[str, Any] | None:
        """What a dropped copy's ``meta`` says about its link to the kept document."""
        key = (min(node, kept_node), max(node, kept_node))
        pair = self.evidence.get(key)
        if pair is None:
            return None
        mine, theirs = self.swapped[key] if node < kept_node else self.swapped[key][::-1]
        return {
            **pair,
            "spin_score": round(self.scores[j], 3),
            "kept_spin_score": round(self.scores[kept], 3),
            "spinner_words": mine,
            "kept_spinner_words": theirs,
        }


def spin_links(
    source: Replay,
    settings: DedupSettings,
    workers: int,
    reps: list[int],
    pairs: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, SpinFacts]:
    """Candidate pairs of both signatures, their linking similarity, and the spin facts."""
    facts = SpinFacts([])

    def views():
        for doc in source.again():
            facts.scores.append(spin_score(doc.text))
            yield Document(doc.id, spin_view(doc.text))

    view = first_pass(views(), settings, workers, own_docs=False)
    vsig = gather_rows(view.chunks, reps, settings.num_perm, settings.scheme)
    vpairs = candidate_pairs(band_keys(vsig, *settings.lsh_shape), None, settings.max_bucket)
    both = np.concatenate([pairs.reshape(-1, 2), vpairs.reshape(-1, 2)]).astype(np.int64)
    both = np.unique(both, axis=0) if len(both) else both
    if not len(both):
        return both, np.zeros(0), facts

    used = np.unique(both).tolist()
    texts = texts_at(source.again(), {reps[u]: u for u in used})
    sims = exact_jaccard(texts, both, settings)
    threshold = float(settings.threshold)
    for n, (a, b) in enumerate(both.tolist()):
        plain = float(sims[n])
        link = compare(
            texts[a], texts[b], settings.ngram, None if plain >= threshold else threshold
        )
        if link is None:
            continue
        evidence, spun_a, spun_b = link
        if plain < threshold and evidence["aligned_similarity"] < threshold:
            continue
        facts.evidence[(a, b)] = {"plain_similarity": round(plain, 4), **evidence}
        facts.swapped[(a, b)] = (spun_a, spun_b)
        facts.twin[a] = facts.twin.get(a, 0) + spun_a - spun_b
        facts.twin[b] = facts.twin.get(b, 0) + spun_b - spun_a
        sims[n] = max(plain, evidence["aligned_similarity"])
    return both, sims, facts


def compare(
    a_text: str, b_text: str, ngram: int, threshold: float | None = None
) -> tuple[dict[str, float], int, int] | None:
    """How alike two texts are once swaps are undone, and which one the swaps show spun.

    Returns the view and aligned similarities and, for each side, how many
    spinner-only words its swaps hold. With ``threshold``, a pair whose
    views share less than `VIEW_FLOOR` of it is not aligned (``None``).
    """
    view = _jaccard(
        ngrams_of(immutable_words(a_text), ngram), ngrams_of(immutable_words(b_text), ngram)
    )
    if threshold is not None and view < VIEW_FLOOR * threshold:
        return None
    a, b = tokens(a_text), tokens(b_text)
    regions = align(a, b)
    aligned = _jaccard(
        ngrams_of([t.key for t in a], ngram), ngrams_of(undone_keys(a, b, regions), ngram)
    )
    spun_a, spun_b = _spinner_words(a, b, regions)
    evidence = {"view_similarity": round(view, 4), "aligned_similarity": round(aligned, 4)}
    return evidence, spun_a, spun_b


def _spinner_words(a: list, b: list, regions: list[Region]) -> tuple[int, int]:
    """Per side, the evidence its swaps are the spinner's: known (original, spun) swaps
    whose spun wording it holds, plus words the lexicon knows only as spinner output."""
    only, pairs = spinner_words(), spin_pairs()
    spun_a = spun_b = 0
    for r in regions:
        if r.kind != "swap":
            continue
        x, y = [t.key for t in a[r.a0 : r.a1]], [t.key for t in b[r.b0 : r.b1]]
        spun_a += sum(k in only for k in x)
        spun_b += sum(k in only for k in y)
        ops = SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag != "equal":
                left, right = " ".join(x[i1:i2]), " ".join(y[j1:j2])
                spun_b += (left, right) in pairs
                spun_a += (right, left) in pairs
    return spun_a, spun_b


def _jaccard(left: list[str], right: list[str]) -> float:
    a, b = set(left), set(right)
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def spin_detail(evidence: dict[str, Any]) -> str:
    """The rejects file's words for a spin-robust link.

    >>> spin_detail({"plain_similarity": 0.52, "aligned_similarity": 0.97,
    ...              "spin_score": 12.0, "kept_spin_score": 0.0})
    ' (spin-robust: plain 0.520, swaps undone 0.970; spin score 12.0 against 0.0)'
    """
    return (
        f" (spin-robust: plain {evidence['plain_similarity']:.3f}, "
        f"swaps undone {evidence['aligned_similarity']:.3f}; "
        f"spin score {evidence['spin_score']:.1f} against {evidence['kept_spin_score']:.1f})"
    )
