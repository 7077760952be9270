"""Deterministic demo company and scale data generators."""
