"""Opening a dedup index by where it lives: a directory (SQLite) or a Redis URL."""

from __future__ import annotations

from ..errors import ConfigError
from .index import DedupIndex, SqliteIndex

__all__ = ["open_index"]


def open_index(
    directory: str | None = None, redis_url: str | None = None, name: str = "textclean"
) -> DedupIndex | None:
    """The index in ``directory`` or at ``redis_url``; ``None`` for neither."""
    if directory and redis_url:
        raise ConfigError("give an index directory or a Redis URL, not both")
    if redis_url:
        from .redis_index import RedisIndex

        return RedisIndex(redis_url, name)
    if directory:
        return SqliteIndex(directory)
    return None
