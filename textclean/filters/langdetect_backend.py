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
  n-grams and stop when one language passes 0.99999; the draws replay a
  ``random.Random(seed)`` made for the call exactly as langdetect makes them
  (`RandomReplay`), and numpy applies them in blocks.

No global random state is read or written, so two calls, two processes or two
workers give the same answer for the same text and seed.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np

from ..patterns import Pattern
from .random_replay import RandomReplay

N_TRIALS = 7
ALPHA = 0.5
ALPHA_WIDTH = 0.05
BASE_FREQ = 10_000
ITERATION_LIMIT = 1000
CONVERGED = 0.99999
REPORT_THRESHOLD = 0.1
#: langdetect reads at most this many characters of a text.
MAX_TEXT_CHARS = 10_000
_FIRST_BLOCK = 1 + 5 * 12  # draws a trial makes first: ends on a check (draw 0, 5, 10 ...)
_LATER_BLOCKS = (140, ITERATION_LIMIT + 1 - _FIRST_BLOCK - 140)  # then these, up to the limit

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
    """The langdetect profiles as one matrix, loaded once per process.

    The same numbers as langdetect's ``DetectorFactory.load_json_profile``
    (every n-gram of any profile is a row; a 1-3-gram's probability in a
    language is its count over that language's n-gram total of its length),
    filled per profile with NumPy: every worker process loads it, so its cost
    is paid once per worker.
    """
    import orjson
    from langdetect.detector_factory import PROFILES_DIRECTORY

    files = sorted(p for p in Path(PROFILES_DIRECTORY).iterdir() if p.is_file())
    profiles = [orjson.loads(p.read_bytes()) for p in files]
    # Rows in first-seen order (profiles sorted by file name): a row's number is
    # only a key, so no sort of the ~90,000 n-grams is needed.
    grams = dict.fromkeys(g for profile in profiles for g in profile["freq"])
    index = dict(zip(grams, range(len(grams)), strict=True))
    probs = np.zeros((len(grams), len(profiles)), dtype=np.float64)
    for column, profile in enumerate(profiles):
        freq = profile["freq"]
        lengths = np.fromiter(map(len, freq), dtype=np.int64, count=len(freq))
        counts = np.fromiter(freq.values(), dtype=np.float64, count=len(freq))
        rows = np.fromiter(map(index.__getitem__, freq), dtype=np.int64, count=len(freq))
        totals = np.array([0, *profile["n_words"]], dtype=np.float64)
        useful = (lengths >= 1) & (lengths <= 3)
        probs[rows[useful], column] = counts[useful] / totals[lengths[useful]]
    langs = tuple(profile["name"] for profile in profiles)
    if len(set(langs)) != len(langs):
        raise ValueError(f"duplicate language profiles in {PROFILES_DIRECTORY}")
    return _Model(langs, index, probs)


def languages() -> tuple[str, ...]:
    """The language codes of the model, as langdetect spells them (``zh-cn``)."""
    return _model().langs


_NORMALISED: dict[int, str] = {}
_SEEN: set[str] = set()


def _normalise(text: str) -> str:
    """Map every character as langdetect's ``NGram.normalize`` does (cached per character)."""
    from langdetect.utils.ngram import NGram

    for c in set(text).difference(_SEEN):
        _NORMALISED[ord(c)] = NGram.normalize(c)
        _SEEN.add(c)
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
def _word_grams(word: str, closed: bool) -> bytes:
    """Model rows of the 1-3-grams langdetect emits for one normalised word, in its order,
    as the bytes of 64-bit integers (a text's rows are then one join of its words').

    At each character langdetect emits the 1-, 2- and 3-gram ending there
    (the word is preceded by a space, and ``closed`` adds the space after
    it), except inside an upper-case run: a character that is upper case
    after an upper-case one emits nothing (acronyms say little about language).
    """
    padded = " " + word + " " if closed else " " + word
    grams = [padded[1], padded[:2]]
    if word.islower() or not any(map(str.isupper, word[1:])):
        for j in range(2, len(padded)):
            grams += (padded[j], padded[j - 1 : j + 1], padded[j - 2 : j + 1])
    else:
        for j in range(2, len(padded)):
            if not (padded[j].isupper() and padded[j - 1].isupper()):
                grams += (padded[j], padded[j - 1 : j + 1], padded[j - 2 : j + 1])
    if closed:
        grams.remove(" ")  # the space after the word is no 1-gram
    return array("q", [row for row in map(_model().index.get, grams) if row is not None]).tobytes()


def ngram_rows(prepared: str) -> np.ndarray:
    """Model rows of every n-gram of a prepared text, in text order (the last word is
    not followed by a space)."""
    words = _normalise(prepared).split(" ")
    last = _word_grams(words[-1], False) if words[-1] else b""
    rows = b"".join(map(_word_grams, filter(None, words[:-1]), repeat(True))) + last
    return np.frombuffer(rows, dtype=np.int64) if rows else np.empty(0, dtype=np.int64)


#: The reductions behind ``ndarray.max``, ``.sum`` and ``np.cumsum``, called without
#: their Python wrappers (a trial makes a dozen such calls on small arrays).
_max = np.maximum.reduce
_sum = np.add.reduce
_cumsum = np.add.accumulate


def _distinct(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(rows, return_inverse=True)``: the distinct rows, increasing, and each
    row's place among them, without the wrapper's general cases.

    >>> [a.tolist() for a in _distinct(np.array([7, 3, 7, 9]))]
    [[3, 7, 9], [1, 0, 1, 2]]
    """
    order = rows.argsort()
    ordered = rows[order]
    head = np.empty(len(rows), dtype=bool)
    head[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=head[1:])
    places = np.empty(len(rows), dtype=np.intp)
    places[order] = _cumsum(head) - 1
    return ordered[head], places


@lru_cache(maxsize=4)
def _first_checks(size: int) -> np.ndarray:
    """Rows sum the first block's steps up to each check (draw 0, 5, 10, ...)."""
    checks = np.arange(0, size, 5)
    return (np.arange(size)[None, :] <= checks[:, None]).astype(np.float64)


def _first_converged(running: np.ndarray) -> tuple[int, np.ndarray | None]:
    """The first row whose top normalised probability passes 0.99999, and that row normalised.

    With ``e = exp(row - max(row))`` the top probability is ``1 / sum(e)``.
    """
    e = np.exp(running - _max(running, axis=1, keepdims=True))
    total = _sum(e, axis=1)
    done = (total < 1.0 / CONVERGED).nonzero()[0]
    if not done.size:
        return -1, None
    k = int(done[0])
    return k, e[k] / total[k]


def _steps(
    table: np.ndarray, rows: np.ndarray, logs: np.ndarray | None, weight: float
) -> np.ndarray:
    """log(weight + P(n-gram | language)) for each drawn n-gram."""
    if logs is not None:
        return logs[rows]
    steps = table[rows]
    steps += weight
    return np.log(steps, out=steps)


def _trial(stream: RandomReplay, table: np.ndarray) -> np.ndarray:
    """One trial: update from uniform with random n-grams until a language passes 0.99999.

    langdetect checks after draw i for i = 0, 5, 10, ... and gives up at
    i = 1000. Draws come in blocks that end on a check, sized so that most
    trials stop in the first (one matrix product gives its running sums).
    """
    weight = (ALPHA + stream.gauss() * ALPHA_WIDTH) / BASE_FREQ
    rows, ends = stream.peek_choices(_FIRST_BLOCK)
    steps = _steps(table, rows, None, weight)
    k, probs = _first_converged(_first_checks(_FIRST_BLOCK) @ steps)
    if probs is not None:
        stream.seek(int(ends[5 * k]))
        return probs
    log_prob = _sum(steps, axis=0)
    drawn = _FIRST_BLOCK
    logs = None
    for size in _LATER_BLOCKS:
        if logs is None and table.shape[0] < size:  # fewer n-grams than draws: log each once
            logs = np.log(table + weight)
        stream.seek(int(ends[-1]))
        rows, ends = stream.peek_choices(size)
        steps = _steps(table, rows, logs, weight)
        running = _cumsum(_sum(steps.reshape(-1, 5, steps.shape[1]), axis=1), axis=0)
        running += log_prob - _max(log_prob)
        k, probs = _first_converged(running)
        drawn += size
        if probs is None and drawn > ITERATION_LIMIT:  # gave up: the last check stands
            k, last = len(running) - 1, np.exp(running[-1] - running[-1].max())
            probs = last / last.sum()
        if probs is not None:
            stream.seek(int(ends[5 * k + 4]))
            return probs
        log_prob = running[-1]
    raise AssertionError("the last block ends at the iteration limit")


def trials(rows: np.ndarray, seed: int = 0, agree_after: int = N_TRIALS) -> np.ndarray:
    """Average language probabilities over langdetect's seven random trials.

    The draws replay Python's ``random.Random(seed)`` exactly as langdetect
    makes them, so a text gets langdetect's own answer for that seed. With
    ``agree_after=k`` (k < 7) the trials stop once the first k all converged
    on the same language: the remaining ones could not change the answer
    unless every one of them converged elsewhere.
    """
    # the text's own rows of the model, so draws read a small table that stays in cache
    used, local_rows = _distinct(rows)
    table = _model().probs[used]
    stream = RandomReplay(seed, local_rows)
    results = []
    for t in range(N_TRIALS):
        results.append(_trial(stream, table))
        if t + 1 == agree_after and _unanimous(results):
            break
    return sum(results) / len(results)


def _unanimous(results: list[np.ndarray]) -> bool:
    """Every trial converged, and on the same language."""
    top = {int(r.argmax()) for r in results}
    return len(top) == 1 and all(r.max() > CONVERGED for r in results)


def detect_probabilities(
    prepared: str, seed: int = 0, agree_after: int = N_TRIALS
) -> list[tuple[str, float]]:
    """Languages above 0.1, most likely first; empty when the text has no n-grams.

    >>> detect_probabilities(prepare("Das ist ein kleiner Satz auf Deutsch."))[0][0]
    'de'
    """
    rows = ngram_rows(prepared)
    if not rows.size:
        return []
    langs = _model().langs
    probs = trials(rows, seed, agree_after)
    shown = [(float(probs[i]), langs[i]) for i in np.flatnonzero(probs > REPORT_THRESHOLD)]
    return [(lang, p) for p, lang in sorted(shown, reverse=True)]
