"""A dedup index in Redis, shared by several processes or machines.

LSH buckets live in datasketch's own Redis storage (``MinHashLSH`` with
``storage_config={"type": "redis", ...}``), so other datasketch tools can
query the same index. Next to them, plain Redis hashes hold each indexed
document's id, signature bytes and exact key; nothing is pickled (keys are
decimal reference numbers, values raw bytes).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

import numpy as np

from ..errors import MissingDependency, OptionError, PathError
from .index import SETTINGS, check_same


def redis_params(url: str) -> dict[str, Any]:
    """``redis://[:password@]host[:port][/db]`` as keyword arguments for ``redis.Redis``.

    >>> redis_params("redis://:pw@127.0.0.1:6390/2")
    {'host': '127.0.0.1', 'port': 6390, 'db': 2, 'password': 'pw'}
    """
    parts = urlparse(url)
    db = parts.path.strip("/") or "0"
    try:
        port = parts.port or 6379
    except ValueError:
        port = None
    if parts.scheme != "redis" or port is None or not db.isdigit():
        raise OptionError(
            f"{url!r} is not a Redis URL: redis://[:password@]host[:port][/db], "
            "e.g. redis://localhost:6379/0",
            "redis",
        )
    params: dict[str, Any] = {"host": parts.hostname or "localhost", "port": port, "db": int(db)}
    if parts.password:
        params["password"] = parts.password
    return params


class RedisIndex:
    """The index named ``name`` in the Redis server at ``url``; refs are integers."""

    def __init__(self, url: str, name: str = "textclean"):
        try:
            import redis
        except ImportError:
            raise MissingDependency("the Redis index", "redis", "redis") from None
        self.params = redis_params(url)
        self.name = name
        self.client = redis.Redis(**self.params)
        try:
            self.client.ping()
        except redis.exceptions.RedisError as exc:
            raise PathError(f"{url}: cannot use the Redis server there ({exc})") from None
        self._lsh: Any = None

    def _key(self, part: str) -> str:
        return f"{self.name}:{part}"

    def check_settings(self, settings: Mapping[str, Any]) -> None:
        stored = self.client.hgetall(self._key("settings"))
        if not stored:
            self.client.hset(
                self._key("settings"), mapping={k: json.dumps(settings[k]) for k in SETTINGS}
            )
        else:
            check_same(
                {k.decode(): json.loads(v) for k, v in stored.items()},
                settings,
                f"redis {self.name!r}",
            )
        from datasketch import MinHashLSH

        self.scheme = settings["scheme"]
        self.seed = settings["seed"]
        self._lsh = MinHashLSH(
            num_perm=settings["num_perm"],
            params=(settings["bands"], settings["rows"]),
            storage_config={"type": "redis", "basename": self.name.encode(), "redis": self.params},
            prepickle=False,
        )

    def __len__(self) -> int:
        return int(self.client.hlen(self._key("ids")))

    def lookup_exact(self, keys: Sequence[bytes]) -> dict[bytes, str]:
        if not keys:
            return {}
        refs = self.client.hmget(self._key("exact"), list(keys))
        found = {k: r for k, r in zip(keys, refs, strict=True) if r is not None}
        if not found:
            return {}
        ids = self.client.hmget(self._key("ids"), list(found.values()))
        return {k: i.decode() for k, i in zip(found, ids, strict=True)}

    def candidates(self, band_keys: np.ndarray, signatures: np.ndarray) -> np.ndarray:
        """``(query_row, ref)`` pairs found by datasketch's LSH query for each signature."""
        from datasketch import LeanMinHash

        pairs = []
        for row, values in enumerate(signatures):
            lean = LeanMinHash(seed=self.seed, hashvalues=values, scheme=self.scheme)
            pairs.extend((row, int(ref)) for ref in self._lsh.query(lean))
        return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)

    def fetch(self, refs: np.ndarray, dtype: Any) -> tuple[list[str], np.ndarray]:
        keys = [str(int(r)) for r in refs]
        ids = [i.decode() for i in self.client.hmget(self._key("ids"), keys)]
        sigs = [np.frombuffer(s, dtype=dtype) for s in self.client.hmget(self._key("sigs"), keys)]
        return ids, np.array(sigs, dtype=dtype).reshape(len(keys), -1)

    def add(
        self, ids: Sequence[str], exact: Sequence[bytes], sigs: np.ndarray, band_keys: np.ndarray
    ) -> None:
        from datasketch import LeanMinHash

        if not ids:
            return
        last = int(self.client.incrby(self._key("next"), len(ids)))
        refs = [str(r) for r in range(last - len(ids) + 1, last + 1)]
        with self._lsh.insertion_session() as session:
            for ref, values in zip(refs, sigs, strict=True):
                session.insert(
                    ref.encode(), LeanMinHash(seed=self.seed, hashvalues=values, scheme=self.scheme)
                )
        pipe = self.client.pipeline()
        pipe.hset(self._key("ids"), mapping=dict(zip(refs, ids, strict=True)))
        pipe.hset(
            self._key("sigs"), mapping={r: s.tobytes() for r, s in zip(refs, sigs, strict=True)}
        )
        for key, ref in zip(exact, refs, strict=True):
            pipe.hsetnx(self._key("exact"), key, ref)
        pipe.execute()

    def close(self) -> None:
        self.client.close()
