"""The end-to-end benchmark's quick mode keeps working: both flows through the four real
services at 10 items/s for 5 s, every email accepted by the bench's own SMTP sink and matched to
its request, and the Kafka ceiling loop. Checks the harness, not the speed (the machine is
shared; bench/README.md and docs/benchmarks.md hold the figures)."""

from datetime import UTC, datetime

import pytest

from bench.e2e.__main__ import benchmark, parse_args
from bench.e2e.report import markdown

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]


async def test_quick_mode_delivers_every_email_of_both_flows() -> None:
    args = parse_args(["--quick", "--keep-infra"])
    result = await benchmark(args, datetime.now(UTC))

    assert [f["flow"] for f in result["flows"]] == ["alert", "survey"]
    for flow in result["flows"]:
        assert flow["warmup"]["missing"] == 0, flow["warmup"]
        (step,) = flow["steps"]
        assert step["rate"] == 10.0
        assert step["sent"] == 50 and step["http_failed"] == 0, step["first_error"]
        # Each email maps back to its own request, exactly once.
        assert step["received"] == 50 and step["missing"] == 0 and step["duplicates"] == 0
        assert not step["stopped_early"]
        latency = step["latency_s"]
        assert 0 < latency["p50"] <= latency["p99"] <= latency["max"]
        # The services' own timestamps split every delivered item into its stages.
        assert step["stages"]["items"] == 50
        assert set(step["cpu_s"]) >= {"ingest", "survey", "notifier", "responder", "sink"}
        assert flow["event_size"]["mean_value_bytes"] > 0

    alert = result["flows"][0]["steps"][0]
    # Alarms (negative share, topic spike) go to the same support address but carry no marker.
    assert all("ALARM" in subject for subject in alert["other_emails"])

    assert [c["flow"] for c in result["kafka_ceiling"]] == ["alert", "survey"]
    for ceiling in result["kafka_ceiling"]:
        for phase in ceiling["phases"]:
            assert phase["received"] == phase["sent"] > 0, phase
            assert phase["latency_ms"]["p99"] > 0

    assert any("topics with prefix" in note for note in result["infra"]["cleanup"])
    assert "| alert | 10 |" in markdown(result)
