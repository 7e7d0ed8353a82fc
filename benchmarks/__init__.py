"""Benchmarks: a synthetic corpus generator and the scale figures printed by ``make bench``."""
