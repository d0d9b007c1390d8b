"""Benchmarks of Reviewloop against the real local stack; see bench/README.md."""
