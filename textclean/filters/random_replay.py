"""Python's ``random.Random(seed)`` stream, replayed in bulk for numpy.

langdetect draws its n-grams with ``random.choice`` and its smoothing with
``random.gauss`` from one seeded generator. Reading the generator's raw 32-bit
words in blocks and replaying those two methods on them gives exactly the
values langdetect would get, without one Python call per draw.

>>> stream, rng = RandomReplay(7, np.arange(10)), random.Random(7)
>>> stream.gauss() == rng.gauss(0.0, 1.0)
True
>>> values, ends = stream.peek_choices(3)
>>> stream.seek(int(ends[-1]))
>>> [int(v) for v in values] == [rng.choice(range(10)) for _ in range(3)]
True
>>> stream.gauss() == rng.gauss(0.0, 1.0)
True
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import numpy as np

_READ = 2048  # words read from the generator at a time


@lru_cache(maxsize=8)
def _seeded_state(seed: int) -> tuple:
    """The generator state right after seeding (seeding itself is slow)."""
    return random.Random(seed).getstate()


class RandomReplay:
    """``random.Random(seed)``'s ``choice(population)`` and ``gauss``, replayed.

    ``choice(seq)`` takes the top ``len(seq).bit_length()`` bits of one word
    and draws again while the value is ``>= len(seq)``; the values and
    positions of the accepted words are computed once per block of words.
    """

    def __init__(self, seed: int, population: np.ndarray):
        self._rng = random.Random()
        self._rng.setstate(_seeded_state(seed))
        self._population = population
        self._n = len(population)
        self._shift = np.uint32(32 - self._n.bit_length())
        self._words = np.empty(0, dtype=np.uint32)
        self._values = population[:0]
        self._accepted = np.empty(0, dtype=np.intp)  # word positions of accepted draws
        self._pos = 0  # next unread word
        self._gauss_next: float | None = None

    def _read_more(self) -> None:
        fresh = np.frombuffer(
            self._rng.getrandbits(32 * _READ).to_bytes(4 * _READ, "little"), "<u4"
        )
        values = fresh >> self._shift
        accepted = np.flatnonzero(values < self._n)
        self._values = np.concatenate((self._values, self._population[values[accepted]]))
        self._accepted = np.concatenate((self._accepted, accepted + self._words.size))
        self._words = np.concatenate((self._words, fresh))

    def seek(self, position: int) -> None:
        """Continue reading at word ``position`` (the end of the last draw used)."""
        self._pos = position

    def random(self) -> float:
        """``random.random()``: 53 bits from two words."""
        while self._pos + 2 > self._words.size:
            self._read_more()
        a, b = self._words[self._pos : self._pos + 2].tolist()
        self._pos += 2
        return ((a >> 5) * 67108864.0 + (b >> 6)) * (1.0 / 9007199254740992.0)

    def gauss(self) -> float:
        """``random.gauss(0.0, 1.0)``: Box-Muller, the second value kept for the next call."""
        z, self._gauss_next = self._gauss_next, None
        if z is None:
            x2pi = self.random() * (2.0 * math.pi)
            g2rad = math.sqrt(-2.0 * math.log(1.0 - self.random()))
            z = math.cos(x2pi) * g2rad
            self._gauss_next = math.sin(x2pi) * g2rad
        return z

    def peek_choices(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The next ``count`` chosen items, and the word position after each (for `seek`)."""
        first = int(self._accepted.searchsorted(self._pos))
        while self._accepted.size < first + count:
            self._read_more()
        end = first + count
        return self._values[first:end], self._accepted[first:end] + 1
