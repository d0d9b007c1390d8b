"""The README's test command runs pytest in two xdist workers that share one set of servers,
started by the controller alone (tests/conftest.py)."""

import re
from pathlib import Path
from types import SimpleNamespace

from tests.conftest import _xdist_controller

REPO = Path(__file__).resolve().parents[2]


def test_the_stack_runs_two_workers_a_file_each_unless_told_otherwise() -> None:
    script = (REPO / "deploy/local/stack").read_text()
    assert re.search(r'-n "\$\{REVIEWLOOP_TEST_WORKERS:-2\}" --dist loadfile', script)
    assert "REVIEWLOOP_TEST_WORKERS=0" in (REPO / "README.md").read_text()


def test_only_the_controller_of_a_parallel_run_starts_the_servers() -> None:
    def config(workers: object, worker: bool = False) -> SimpleNamespace:
        c = SimpleNamespace(option=SimpleNamespace(numprocesses=workers))
        if worker:
            c.workerinput = {"workerid": "gw0"}
        return c

    assert _xdist_controller(config(2))  # type: ignore[arg-type]
    assert not _xdist_controller(config(2, worker=True))  # type: ignore[arg-type]
    assert not _xdist_controller(config(0))  # type: ignore[arg-type]
    assert not _xdist_controller(config(None))  # type: ignore[arg-type]
    assert not _xdist_controller(SimpleNamespace(option=SimpleNamespace()))  # type: ignore[arg-type]
