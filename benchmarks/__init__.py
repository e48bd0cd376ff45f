"""Reproducible speed and scale measurements of zh-faqbot (see benchmarks/README.md).

Run from the repository root: `python -m benchmarks` (everything) or one module, e.g.
`python -m benchmarks.generate --scale 10 --out /tmp/x10`.
"""
