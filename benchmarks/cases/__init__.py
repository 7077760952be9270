"""Benchmark cases: one module per area; each registers its cases with `benchmarks.registry.case`."""
