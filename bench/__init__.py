"""Benchmarks (figures go to README; never asserted as times in tests)."""
