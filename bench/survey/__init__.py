"""The survey dispatch worker against a large pending table and a steady load, measured where
the emails land (an SMTP sink), next to the sink's own ceiling.

Run with `python -m bench.survey`; see bench/README.md.
"""
