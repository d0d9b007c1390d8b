"""The pieces every benchmark's printed markdown is made of: numbers, rows, the machine line and
the noise warning."""

import math
from typing import Any

# CPU busy outside the client, the server, PostgreSQL and Kafka (kernel, the orchestrator's
# offset polling) stays well below this on a quiet machine.
NOISY_CORES = 0.25


def fmt(value: Any, digits: int = 1, empty: str = "-") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return empty
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def machine_line(machine: dict[str, Any]) -> str:
    """The start of the result's machine line; each benchmark adds what matters to it."""
    return (
        f"- machine: {machine['nproc']} CPUs ({machine['cpu_model']}), load before "
        f"{machine['load_before']}, after {machine['load_after']}"
    )


def noisy_warning(names: list[str]) -> list[str]:
    """The warning line for the phases (by name) during which other work used the machine."""
    if not names:
        return []
    return [
        f"- WARNING: more than {NOISY_CORES} cores busy outside this run during "
        f"{', '.join(names)}: something else competed for the machine, figures are disturbed"
    ]
