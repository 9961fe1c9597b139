"""Documents with planted repeated passages, for the passages benchmark.

Every document is a run of unique generated sentences (the word-bigram model
of `synthetic.py`, trained on prose found on this machine). Into them go
planted passages with known truth:

* quotes: 1-3 sentences pasted into 2-20 documents, a third of the copies
  re-spelled (British/American word pairs) or with one word changed;
* furniture: a few lines pasted into a large share of the documents.

    from synthetic_passages import generate
    corpus = generate(10_000, seed=0)
    corpus.texts[i], corpus.planted[i]  # [(passage id, start, end), ...]
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from synthetic import sentence_pool

RESPELL = {
    "organizations": "organisations",
    "center": "centre",
    "behavior": "behaviour",
    "analyze": "analyse",
    "color": "colour",
    "program": "programme",
    "license": "licence",
    "defense": "defence",
}


@dataclass
class PassageCorpus:
    texts: list[str] = field(default_factory=list)
    planted: list[list[tuple[int, int, int]]] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [f"p{i:07d}" for i in range(len(self.texts))]


def _respell(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.split(" ")
    hits = [i for i, w in enumerate(words) if w.lower().strip(".,") in RESPELL]
    if hits:
        for i in hits:
            core = words[i].lower().strip(".,")
            words[i] = words[i].lower().replace(core, RESPELL[core])
    else:
        i = rng.randrange(1, len(words) - 1)
        words[i] = rng.choice(vocabulary)
    return " ".join(words)


def generate(
    n_docs: int,
    *,
    seed: int = 0,
    sentences_per_doc: int = 9,
    n_quotes: int | None = None,
    n_furniture: int = 5,
    furniture_share: float = 0.05,
) -> PassageCorpus:
    """``n_docs`` documents of about ``sentences_per_doc`` unique sentences plus planted passages."""
    rng = random.Random(seed)
    n_quotes = n_quotes if n_quotes is not None else max(1, n_docs // 50)
    need = n_docs * sentences_per_doc + n_quotes * 3
    pool = list(dict.fromkeys(sentence_pool(int(need * 1.05) + 100, seed)))
    rng.shuffle(pool)
    fresh = iter(pool)
    vocabulary = sorted({w for s in pool[:2000] for w in s.split() if w.isalpha()})
    quotes = [" ".join(next(fresh) for _ in range(rng.randint(1, 3))) for _ in range(n_quotes)]
    furniture = [
        "\n".join(
            f"Share this story on {site}" for site in ("Facebook", "Twitter", "LinkedIn", "Email")
        ),
        "Sign up for our newsletter to get the most important stories of the day delivered to you.",
        "By signing up you agree to our Terms of Use and Privacy Policy and to receive occasional offers.",
        "All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Read more of our coverage of technology, business and politics in our weekly digest newsletter.",
    ][:n_furniture]
    pastes: list[list[tuple[int, str]]] = [[] for _ in range(n_docs)]
    for q, quote in enumerate(quotes):
        for k, d in enumerate(rng.sample(range(n_docs), rng.randint(2, 20))):
            text = quote if k == 0 or rng.random() < 0.67 else _respell(quote, rng, vocabulary)
            pastes[d].append((q, text))
    for f, lines in enumerate(furniture):
        for d in rng.sample(range(n_docs), int(n_docs * furniture_share)):
            pastes[d].append((n_quotes + f, lines))
    corpus = PassageCorpus()
    for d in range(n_docs):
        parts: list[tuple[int | None, str]] = [
            (None, next(fresh, pool[rng.randrange(len(pool))])) for _ in range(sentences_per_doc)
        ]
        for pid, text in pastes[d]:
            parts.insert(rng.randint(0, len(parts)), (pid, text))
        text, planted = "", []
        for k, (pid, part) in enumerate(parts):
            if text:
                # furniture has no final stop: a line break ends it
                furniture = (
                    pid is not None
                    and pid >= n_quotes
                    or parts[k - 1][0] is not None
                    and parts[k - 1][0] >= n_quotes
                )
                text += "\n" if furniture else rng.choice([" ", " ", "\n", "\n\n"])
            if pid is not None:
                planted.append((pid, len(text), len(text) + len(part)))
            text += part
        corpus.texts.append(text)
        corpus.planted.append(planted)
    return corpus
