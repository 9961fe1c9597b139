"""Moved to `textclean.lifeline`; this name stays here for one release."""

from ..lifeline import bind_to_parent

__all__ = ["bind_to_parent"]
