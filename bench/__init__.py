"""Benchmarks and the synthetic graphs they (and the memory tests) run on."""
