"""News-like documents with known near-duplicate clusters, for benchmarks.

Sentences come from a word-bigram model trained on real English prose found
on this machine (Python's own docstrings and the licence texts), so documents
have realistic word frequencies and unrelated documents share few 5-grams.
Some originals get copies: each copy edits a chosen share of its words
(substitutions, deletions, insertions) and may re-case or re-space the text;
an edit rate of 0 gives an exact duplicate after normalisation.

    from synthetic import generate
    corpus = generate(10_000, seed=0)
    corpus.texts[i], corpus.cluster[i], corpus.edit_rate[i]

Run it to write JSONL: ``python benchmarks/synthetic.py 1000 -o docs.jsonl``
(``--unique`` for fresh sentences in every original, for corpora far larger
than the sentence pool; ``--stream`` to write a million documents in blocks,
with quotes pasted across the whole corpus, without holding it).
"""

from __future__ import annotations

import argparse
import ast
import functools
import random
import re
import sys
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


@functools.lru_cache(maxsize=1)
def source_sentences(limit_files: int = 400) -> tuple[str, ...]:
    """Real prose: docstrings of the standard library and the licence texts."""
    texts: list[str] = []
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(stdlib.glob("*.py"))[:limit_files]:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)):
                doc = ast.get_docstring(node)
                if doc:
                    texts.append(doc)
    for path in sorted(Path("/usr/share/common-licenses").glob("*")):
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    sentences = []
    for text in texts:
        for sentence in " ".join(text.split()).split(". "):
            words = sentence.split()
            if 6 <= len(words) <= 40 and sum(w.isalpha() for w in words) > len(words) * 0.7:
                sentences.append(" ".join(words).rstrip(".") + ".")
    return tuple(sentences)


def _bigrams(sentences: tuple[str, ...]) -> dict[str, list[str]]:
    model: dict[str, list[str]] = {}
    for sentence in sentences:
        words = ["<s>", *sentence.split()]
        for prev, word in zip(words, words[1:], strict=False):
            model.setdefault(prev, []).append(word)
    return model


def sentence_pool(size: int, seed: int) -> list[str]:
    """``size`` generated sentences (bigram walks of 8-30 words)."""
    rng = random.Random(seed)
    model = _bigrams(source_sentences())
    return [_walk(model, rng) for _ in range(size)]


def _walk(model: dict[str, list[str]], rng: random.Random) -> str:
    """One sentence: a bigram walk of 8-30 words."""
    words, prev = [], "<s>"
    for _ in range(rng.randint(8, 30)):
        prev = rng.choice(model.get(prev) or model["<s>"])
        words.append(prev)
    sentence = " ".join(words)
    return sentence[0].upper() + sentence[1:].rstrip(".") + "."


@dataclass
class Corpus:
    """Documents and their truth: ``cluster[i]`` is the index of ``i``'s original."""

    texts: list[str] = field(default_factory=list)
    cluster: list[int] = field(default_factory=list)
    edit_rate: list[float] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [f"d{i:07d}" for i in range(len(self.texts))]


def edit_words(text: str, rate: float, vocabulary: list[str], rng: random.Random) -> str:
    """Substitute, delete or insert at about ``rate`` of the word positions of ``text``."""
    words = text.split()
    edits = min(len(words), int(rate * len(words) + rng.random()))
    for pos in sorted(rng.sample(range(len(words)), edits), reverse=True):
        op = rng.randrange(3)
        if op == 0:
            words[pos] = rng.choice(vocabulary)
        elif op == 1:
            del words[pos]
        else:
            words.insert(pos + 1, rng.choice(vocabulary))
    return " ".join(words)


def generate(
    n_docs: int,
    *,
    seed: int = 0,
    duplicate_share: float = 0.3,
    max_copies: int = 6,
    edit_range: tuple[float, float] = (0.01, 0.30),
    exact_share: float = 0.1,
    sentences_per_doc: int = 25,
    pool_size: int | None = 50_000,
) -> Corpus:
    """``n_docs`` documents (about 3 KB each); ``duplicate_share`` of them are copies.

    Sentences are drawn from a pool of ``pool_size``; with ``None`` every
    sentence is a fresh walk, so originals stay mostly unique at any corpus
    size (a fixed pool repeats each sentence ``n_docs * 25 / pool_size`` times).
    """
    rng = random.Random(seed)
    pool = sentence_pool(pool_size or 2000, seed)
    vocabulary = sorted({w for s in pool[:2000] for w in s.split()})
    if pool_size is None:
        model, walks = _bigrams(source_sentences()), random.Random(seed + 1)
    else:
        picks = np.random.default_rng(seed).integers(0, len(pool), size=(n_docs, sentences_per_doc))
    mean_copies = (1 + max_copies) / 2
    copy_chance = duplicate_share / ((1 - duplicate_share) * mean_copies)
    corpus = Corpus()
    while len(corpus.texts) < n_docs:
        original = len(corpus.texts)
        if pool_size is None:
            text = " ".join(_walk(model, walks) for _ in range(sentences_per_doc))
        else:
            text = " ".join(pool[j] for j in picks[original])
        corpus.texts.append(text)
        corpus.cluster.append(original)
        corpus.edit_rate.append(0.0)
        if rng.random() >= copy_chance:
            continue
        for _ in range(rng.randint(1, max_copies)):
            if len(corpus.texts) >= n_docs:
                break
            rate = 0.0 if rng.random() < exact_share else rng.uniform(*edit_range)
            copy = edit_words(text, rate, vocabulary, rng)
            if rng.random() < 0.3:
                copy = copy.upper() if rate == 0 else copy.replace(". ", ".  ")
            corpus.texts.append(copy)
            corpus.cluster.append(original)
            corpus.edit_rate.append(rate)
    order = list(range(n_docs))
    rng.shuffle(order)
    return Corpus(
        [corpus.texts[i] for i in order],
        [corpus.cluster[i] for i in order],
        [corpus.edit_rate[i] for i in order],
    )


def stream(
    n_docs: int, *, seed: int = 0, block: int = 10_000, quote_share: float = 0.02
) -> Iterator[dict[str, Any]]:
    """``n_docs`` records made ``block`` documents at a time (`generate` with fresh
    sentences, so copies stay within a block), plus planted quotes.

    ``quote_share * n_docs`` quotes (1-3 fresh sentences each) are pasted at a
    sentence boundary of 2-20 documents anywhere in the corpus; a record's
    ``quotes`` lists the quotes it holds. Memory holds one block.
    """
    rng = random.Random(seed)
    model = _bigrams(source_sentences())
    quotes = [
        " ".join(_walk(model, rng) for _ in range(rng.randint(1, 3)))
        for _ in range(int(n_docs * quote_share))
    ]
    pasted: dict[int, list[int]] = {}
    for q in range(len(quotes)):
        for d in rng.sample(range(n_docs), min(n_docs, rng.randint(2, 20))):
            pasted.setdefault(d, []).append(q)
    for lo in range(0, n_docs, block):
        part = generate(min(block, n_docs - lo), seed=seed + 1 + lo // block, pool_size=None)
        for k, (text, cluster, rate) in enumerate(
            zip(part.texts, part.cluster, part.edit_rate, strict=True)
        ):
            d = lo + k
            for q in pasted.get(d, []):
                cuts = [m.end() for m in re.finditer(r"\. ", text)]
                at = rng.choice(cuts) if cuts else len(text)
                text = text[:at] + quotes[q] + " " + text[at:]
            yield {
                "id": f"d{d:07d}",
                "text": text,
                "true_cluster": lo + cluster,
                "edit_rate": rate,
                "quotes": pasted.get(d, []),
            }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_docs", type=int)
    parser.add_argument("-o", "--output", default="-")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--unique", action="store_true", help="fresh sentences instead of a 50,000-sentence pool"
    )
    parser.add_argument(
        "--stream", action="store_true", help="blocks of fresh sentences plus planted quotes"
    )
    args = parser.parse_args(argv)
    import orjson

    if args.stream:
        with open(args.output, "wb") if args.output != "-" else sys.stdout.buffer as out:
            for record in stream(args.n_docs, seed=args.seed):
                out.write(orjson.dumps(record) + b"\n")
        return
    corpus = generate(args.n_docs, seed=args.seed, pool_size=None if args.unique else 50_000)
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")  # noqa: SIM115
    for doc_id, text, cluster, rate in zip(
        corpus.ids, corpus.texts, corpus.cluster, corpus.edit_rate, strict=True
    ):
        record = {"id": doc_id, "text": text, "true_cluster": cluster, "edit_rate": rate}
        out.write(orjson.dumps(record) + b"\n")
    out.flush()


if __name__ == "__main__":
    main()
