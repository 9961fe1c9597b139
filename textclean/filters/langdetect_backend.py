"""langdetect's model and algorithm, seeded per call and vectorised.

`langdetect.detect` keeps one global factory whose random seed is shared by
every caller (unseeded by default, so the same text can get two answers), and
it spends most of its time in a per-character Python loop. This module reads
the same language profiles once per process (in sorted order, so the result
does not depend on directory order) and runs the same naive-Bayes trials:

* text preparation as langdetect does it (URLs and e-mails removed, Vietnamese
  normalised, Latin dropped from mostly non-Latin text);
* character 1-3-grams per word, from a per-word cache (words repeat, so each
  distinct word is analysed once per process);
* seven trials that update language log-probabilities with randomly drawn
  n-grams and stop when one language passes 0.99999, drawn from a
  ``random.Random(seed)`` made for the call, consumed exactly as langdetect
  consumes it, with the updates done by numpy in blocks.

No global random state is read or written, so two calls, two processes or two
workers give the same answer for the same text and seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..patterns import Pattern

N_TRIALS = 7
ALPHA = 0.5
ALPHA_WIDTH = 0.05
BASE_FREQ = 10_000
ITERATION_LIMIT = 1000
CONVERGED = 0.99999
REPORT_THRESHOLD = 0.1
#: langdetect reads at most this many characters of a text.
MAX_TEXT_CHARS = 10_000
_BLOCK = 64  # random words drawn per numpy step of a trial

_URL = Pattern(r"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}", step="language")
_MAIL = Pattern(r"[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}", step="language")
_LATIN_RUNS = Pattern(r"[\x00-\u02ff\u1e00-\u1eff]+", step="language")
_ASCII_LETTERS = dict.fromkeys(range(ord("A"), ord("z") + 1))  # langdetect's 'A' <= ch <= 'z'
_VI_MARKS = Pattern(r"[\u0300\u0301\u0303\u0309\u0323]", step="language")


@dataclass(frozen=True)
class _Model:
    langs: tuple[str, ...]
    index: dict[str, int]  # n-gram -> row of `probs`
    probs: np.ndarray  # (n-grams, languages): P(n-gram | language)


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The langdetect profiles as one matrix, loaded once per process."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    files = sorted(p for p in Path(PROFILES_DIRECTORY).iterdir() if p.is_file())
    factory = DetectorFactory()
    factory.load_json_profile([p.read_text(encoding="utf-8") for p in files])
    grams = sorted(factory.word_lang_prob_map)
    probs = np.array([factory.word_lang_prob_map[g] for g in grams], dtype=np.float64)
    return _Model(tuple(factory.get_lang_list()), {g: i for i, g in enumerate(grams)}, probs)


def languages() -> tuple[str, ...]:
    """The language codes of the model, as langdetect spells them (``zh-cn``)."""
    return _model().langs


_NORMALISED: dict[int, str] = {}


def _normalise(text: str) -> str:
    """Map every character as langdetect's ``NGram.normalize`` does (cached per character)."""
    from langdetect.utils.ngram import NGram

    missing = {c for c in text if ord(c) not in _NORMALISED}
    for c in missing:
        _NORMALISED[ord(c)] = NGram.normalize(c)
    return text.translate(_NORMALISED)


def prepare(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """The text langdetect would analyse: no URLs or e-mails, at most ``limit`` characters.

    >>> prepare("see https://example.com now")
    'see now'
    """
    text = _MAIL.sub(" ", _URL.sub(" ", text))
    if _VI_MARKS.search(text):
        from langdetect.utils.ngram import NGram

        text = NGram.normalize_vi(text)
    while "  " in text:
        text = text.replace("  ", " ")
    text = text[:limit]
    if not text.isascii():
        non_latin = len(_LATIN_RUNS.sub("", text))
        without_latin = text.translate(_ASCII_LETTERS)
        if (len(text) - len(without_latin)) * 2 < non_latin:
            text = without_latin
    return text


@lru_cache(maxsize=1 << 17)
def _word_grams(word: str, closed: bool) -> tuple[int, ...]:
    """Model rows of the 1-3-grams langdetect emits for one normalised word.

    ``closed`` adds the grams ending in the space after the word. Upper-case
    runs (acronyms) emit nothing, as in langdetect.
    """
    index = _model().index
    out: list[int] = []
    grams, capital = " ", False
    for ch in word + (" " if closed else ""):
        last = grams[-1]
        grams = (" " if last == " " else grams[-2:]) + ch
        if last == " ":
            capital = False
        if ch.isupper():
            capital = capital or last.isupper()
        else:
            capital = False
        if capital:
            continue
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            row = index.get(grams[-n:])
            if row is not None and grams[-n:] != " ":
                out.append(row)
    return tuple(out)


def ngram_rows(prepared: str) -> list[int]:
    """Model rows of every n-gram of a prepared text, in text order."""
    words = _normalise(prepared).split(" ")
    rows: list[int] = []
    last = len(words) - 1
    for i, word in enumerate(words):
        if word:
            rows.extend(_word_grams(word, i < last))
    return rows


def _draw_block(rng: random.Random, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The next `_BLOCK` raw words of ``rng``: the choices they make among ``n`` and where.

    ``random.Random.choice`` draws ``getrandbits(n.bit_length())`` (the top
    bits of one 32-bit word) until the value is below ``n``; a block of words
    replays that rejection sampling at once.
    """
    words = np.frombuffer(rng.getrandbits(32 * _BLOCK).to_bytes(4 * _BLOCK, "little"), "<u4")
    values = words >> np.uint32(32 - n.bit_length())
    accepted = np.flatnonzero(values < n)
    return values[accepted].astype(np.intp), accepted


def _trial(rng: random.Random, rows: np.ndarray, model: _Model) -> np.ndarray:
    """One trial: update from uniform with random n-grams until a language passes 0.99999."""
    weight = (ALPHA + rng.gauss(0.0, 1.0) * ALPHA_WIDTH) / BASE_FREQ
    log_prob = np.full(len(model.langs), -np.log(len(model.langs)))
    drawn = 0
    while True:
        state = rng.getstate()
        picks, positions = _draw_block(rng, rows.size)
        if not picks.size:
            continue
        running = log_prob + np.cumsum(np.log(weight + model.probs[rows[picks]]), axis=0)
        # langdetect checks after draw i for i = 0, 5, 10, ... and gives up at 1000
        first = (-drawn) % 5
        checks = np.arange(first, picks.size, 5)
        if checks.size:
            at = running[checks]
            at = np.exp(at - at.max(axis=1, keepdims=True))
            at /= at.sum(axis=1, keepdims=True)
            done = (at.max(axis=1) > CONVERGED) | (drawn + checks >= ITERATION_LIMIT)
            if done.any():
                k = int(done.argmax())
                rng.setstate(state)  # consume only the words this trial used
                rng.getrandbits(32 * (int(positions[checks[k]]) + 1))
                return at[k]
        log_prob = running[-1]
        drawn += picks.size


def trials(rows: list[int], seed: int = 0) -> np.ndarray:
    """Average language probabilities over langdetect's seven random trials.

    The random stream is Python's ``random.Random(seed)`` used exactly as
    langdetect uses it, so a text gets langdetect's own answer for that seed.
    """
    model = _model()
    rng = random.Random(seed)
    gram_rows = np.asarray(rows, dtype=np.intp)
    total = np.zeros(len(model.langs))
    for _ in range(N_TRIALS):
        total += _trial(rng, gram_rows, model)
    return total / N_TRIALS


def detect_probabilities(prepared: str, seed: int = 0) -> list[tuple[str, float]]:
    """Languages above 0.1, most likely first; empty when the text has no n-grams.

    >>> detect_probabilities(prepare("Das ist ein kleiner Satz auf Deutsch."))[0][0]
    'de'
    """
    rows = ngram_rows(prepared)
    if not rows:
        return []
    langs = _model().langs
    probs = trials(rows, seed)
    ranked = [(langs[i], float(probs[i])) for i in np.argsort(-probs, kind="stable")]
    return [(lang, p) for lang, p in ranked if p > REPORT_THRESHOLD]
