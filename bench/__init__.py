"""Benchmarks (figures: docs/benchmarks.md; never asserted as times in tests)."""
