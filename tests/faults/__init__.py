"""The fault run (docs/reliability.md): `python -m tests.faults --orders N --reviews M`."""
