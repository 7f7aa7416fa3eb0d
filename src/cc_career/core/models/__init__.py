"""Pydantic models: the catalog (data/), the answers file, and the computed plan."""
