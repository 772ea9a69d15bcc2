"""Names to canonical entities: in-article grouping, roles, the reference KB."""

from .resolve import EntityIndex, resolve_entities

__all__ = ["EntityIndex", "resolve_entities"]
