"""Moved to `textclean.workers`; these names stay here for one release."""

from ..workers import chunked, map_ordered, worker_pool

__all__ = ["chunked", "map_ordered", "worker_pool"]
