"""A dedup index that outlives the run: signatures and LSH bands in SQLite.

An index directory ``DIR`` keeps every kept document's id, exact key, signature and band
keys in ``DIR/index.sqlite``, so tomorrow's crawl is deduplicated against
every earlier one without recomputing anything. SQLite is embedded, needs no
server, and is read safely by several processes; values are stored as
integers and raw bytes, never pickles. The settings that make signatures
comparable (permutations, seed, bands, shingles) are stored too, and a run
with other settings is refused instead of silently finding nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import ConfigError

#: Settings an index is built with; a later run must use the same.
SETTINGS = ("num_perm", "seed", "bands", "rows", "ngram", "unit", "scheme")


class DedupIndex(Protocol):
    """What the near-duplicate stage needs from a persistent index."""

    def check_settings(self, settings: Mapping[str, Any]) -> None: ...
    def lookup_exact(self, keys: Sequence[bytes]) -> dict[bytes, str]: ...
    def candidates(self, band_keys: np.ndarray, signatures: np.ndarray) -> np.ndarray: ...
    def fetch(self, refs: np.ndarray, dtype: Any) -> tuple[list[str], np.ndarray]: ...
    def add(
        self, ids: Sequence[str], exact: Sequence[bytes], sigs: np.ndarray, band_keys: np.ndarray
    ) -> None: ...
    def close(self) -> None: ...


def check_same(stored: Mapping[str, Any], wanted: Mapping[str, Any], where: str) -> None:
    """Raise `ConfigError` naming every setting that differs from the index's."""
    diff = [
        f"{k}={stored[k]!r} (asked {wanted[k]!r})" for k in SETTINGS if stored.get(k) != wanted[k]
    ]
    if diff:
        raise ConfigError(
            f"index {where} was built with other settings: {', '.join(diff)}; "
            "use the same options or a new index"
        )


class SqliteIndex:
    """The index in ``directory/index.sqlite``; ``refs`` are SQLite row ids."""

    def __init__(self, directory: str | Path):
        self.path = Path(directory) / "index.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=60)
        self.db.executescript(
            """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS docs (ref INTEGER PRIMARY KEY, id TEXT, sig BLOB);
            CREATE TABLE IF NOT EXISTS exact (key BLOB PRIMARY KEY, ref INTEGER) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS bands (key INTEGER, ref INTEGER, PRIMARY KEY (key, ref))
                WITHOUT ROWID;
            """
        )

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM docs").fetchone()[0]

    def check_settings(self, settings: Mapping[str, Any]) -> None:
        stored = dict(self.db.execute("SELECT name, value FROM settings"))
        if not stored:
            with self.db:
                self.db.executemany(
                    "INSERT INTO settings VALUES (?, ?)",
                    [(k, json.dumps(settings[k])) for k in SETTINGS],
                )
            return
        check_same({k: json.loads(v) for k, v in stored.items()}, settings, str(self.path))

    def lookup_exact(self, keys: Sequence[bytes]) -> dict[bytes, str]:
        """Keys already in the index -> id of the indexed document."""
        self._load_temp("q_exact", "key BLOB", [(k,) for k in keys])
        rows = self.db.execute(
            "SELECT q.key, docs.id FROM q_exact AS q JOIN exact USING (key) JOIN docs USING (ref)"
        )
        return {bytes(k): i for k, i in rows}

    def candidates(self, band_keys: np.ndarray, signatures: np.ndarray | None = None) -> np.ndarray:
        """``(query_row, ref)`` for every indexed document sharing a band with a query row."""
        rows = np.repeat(np.arange(len(band_keys)), band_keys.shape[1])
        self._load_temp(
            "q_bands",
            "key INTEGER, row INTEGER",
            zip(band_keys.ravel().tolist(), rows.tolist(), strict=True),
        )
        found = self.db.execute(
            "SELECT DISTINCT q.row, bands.ref FROM q_bands AS q JOIN bands USING (key)"
        ).fetchall()
        return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)

    def fetch(self, refs: np.ndarray, dtype: Any) -> tuple[list[str], np.ndarray]:
        """Ids and signatures of indexed documents, in the order of ``refs``."""
        self._load_temp("q_refs", "ref INTEGER", [(int(r),) for r in refs])
        found = {
            r: (i, s)
            for r, i, s in self.db.execute("SELECT ref, id, sig FROM q_refs JOIN docs USING (ref)")
        }
        ids = [found[int(r)][0] for r in refs]
        sigs = [np.frombuffer(found[int(r)][1], dtype=dtype) for r in refs]
        return ids, np.array(sigs, dtype=dtype).reshape(len(refs), -1)

    def add(
        self, ids: Sequence[str], exact: Sequence[bytes], sigs: np.ndarray, band_keys: np.ndarray
    ) -> None:
        """Index new documents (one transaction: all or nothing)."""
        with self.db:
            start = self.db.execute("SELECT coalesce(max(ref), 0) FROM docs").fetchone()[0] + 1
            refs = list(range(start, start + len(ids)))
            self.db.executemany(
                "INSERT INTO docs VALUES (?, ?, ?)",
                zip(refs, ids, (row.tobytes() for row in sigs), strict=True),
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO exact VALUES (?, ?)", zip(exact, refs, strict=True)
            )
            ref_col = np.repeat(np.array(refs, dtype=np.int64), band_keys.shape[1])
            self.db.executemany(
                "INSERT OR IGNORE INTO bands VALUES (?, ?)",
                zip(band_keys.ravel().tolist(), ref_col.tolist(), strict=True),
            )

    def close(self) -> None:
        self.db.close()

    def _load_temp(self, name: str, columns: str, rows: Any) -> None:
        self.db.execute(f"DROP TABLE IF EXISTS temp.{name}")
        self.db.execute(f"CREATE TEMP TABLE {name} ({columns})")
        self.db.executemany(
            f"INSERT INTO temp.{name} VALUES ({', '.join('?' * (columns.count(',') + 1))})", rows
        )


def __getattr__(name: str) -> object:
    """``open_index`` moved to `textclean.dedup.stores`; the old name works for one release."""
    if name == "open_index":
        from .stores import open_index

        return open_index
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
