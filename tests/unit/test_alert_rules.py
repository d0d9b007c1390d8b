"""deploy/observability: every alert rule and dashboard query parses as PromQL and names only
series the code exports (with labels they have), or one of a few named outside sources; each
alert has a runbook section in docs/operations.md; the PodMonitor gives the labels they use."""

import importlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import promql_parser
import pytest
import yaml
from prometheus_client import REGISTRY

from shared.db.provision import SERVICES
from tests.support.k8s import ROOT, pod_spec, render, validate_custom

OBSERVABILITY = ROOT / "deploy" / "observability"
OPERATIONS = ROOT / "docs" / "operations.md"

# Labels Prometheus attaches to every scraped series (podmonitor.yaml adds `app`).
TARGET_LABELS = {"namespace", "app", "pod", "instance", "job", "container", "endpoint"}
# Series that do not come from our code, and where they come from.
EXTERNAL_SERIES = {
    "up": "Prometheus",
    "kafka_consumergroup_lag": "Strimzi Kafka Exporter",
    "kube_horizontalpodautoscaler_status_current_replicas": "kube-state-metrics",
    "kube_horizontalpodautoscaler_spec_max_replicas": "kube-state-metrics",
}
SEVERITIES = {"info", "warning", "critical"}
# Grafana's variables, replaced by something PromQL accepts before parsing.
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$__interval": "1m", "$namespace": "ns"}


@cache
def exported_series() -> dict[str, frozenset[str]]:
    """Every reviewloop_* series name as exposed (counters with _total, histograms with _bucket,
    _sum, _count), with its label names, as registered once the services' code is imported."""
    for service in SERVICES:
        importlib.import_module(f"services.{service}.app")
    series: dict[str, frozenset[str]] = {}
    # prometheus_client keeps no public name -> collector map; this one is stable in the pinned
    # version and is what makes the check exact (suffixes included).
    for name, collector in REGISTRY._names_to_collectors.items():
        if not name.startswith("reviewloop_"):
            continue
        labels = set(getattr(collector, "_labelnames", ()))
        if name.endswith("_bucket"):
            labels.add("le")
        series[name] = frozenset(labels)
    return series


def selectors(expr: str) -> list[tuple[str, list[str]]]:
    """(series name, label names matched) of every selector in a PromQL expression."""
    found: list[tuple[str, list[str]]] = []

    def visit(node: Any) -> bool:
        if isinstance(node, promql_parser.VectorSelector):
            found.append((node.name, [m.name for m in node.matchers.matchers]))
        return True

    promql_parser.walk(promql_parser.parse(expr), visit)
    return found


def check_series(expr: str, where: str) -> None:
    names = selectors(expr)
    assert names, f"{where}: no series in {expr!r}"
    for name, labels in names:
        assert name, f"{where}: a selector without a series name"
        if name in EXTERNAL_SERIES:
            continue
        exported = exported_series()
        assert name in exported, f"{where}: {name} is not exported by the code"
        unknown = set(labels) - exported[name] - TARGET_LABELS
        assert not unknown, f"{where}: {name} has no label {sorted(unknown)}"


def alert_rules() -> list[dict[str, Any]]:
    doc = yaml.safe_load((OBSERVABILITY / "alerts.yaml").read_text())
    return [rule for group in doc["groups"] for rule in group["rules"]]


def anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors."""
    found = set()
    for line in markdown.splitlines():
        match = re.match(r"^#{1,6}\s+(.*)$", line)
        if match:
            text = re.sub(r"[^\w\- ]", "", match.group(1).strip().lower())
            found.add(text.replace(" ", "-"))
    return found


def test_the_code_exports_what_the_rules_rely_on() -> None:
    # Guards the check itself: an import that registered nothing would make it vacuous.
    assert "reviewloop_consumer_messages_total" in exported_series()
    assert "reviewloop_http_request_duration_seconds_bucket" in exported_series()


def test_alert_rules_are_complete_and_parse() -> None:
    rules = alert_rules()
    names = [r["alert"] for r in rules]
    assert len(names) == len(set(names))
    for rule in rules:
        assert set(rule) <= {"alert", "expr", "for", "labels", "annotations"}, rule["alert"]
        assert re.fullmatch(r"Reviewloop[A-Z][A-Za-z0-9]+", rule["alert"])
        promql_parser.parse(rule["expr"])
        if "for" in rule:
            promql_parser.parse_duration(rule["for"])
        assert rule["labels"]["severity"] in SEVERITIES, rule["alert"]
        assert {"summary", "description", "runbook"} <= set(rule["annotations"]), rule["alert"]


def test_alert_rules_name_only_exported_series() -> None:
    for rule in alert_rules():
        check_series(rule["expr"], rule["alert"])


def test_the_requested_alerts_exist() -> None:
    exprs = " ".join(r["expr"] for r in alert_rules())
    for series in (
        "reviewloop_consumer_lag_messages",  # consumer lag
        "reviewloop_outbox_backlog_events",  # outbox backlog
        "reviewloop_outbox_oldest_age_seconds",  # outbox age
        "reviewloop_dlq_messages_total",  # DLQ growth
        "reviewloop_emails_failed_total",  # SMTP failures
        "reviewloop_sla_breaches_total",  # SLA breaches
        "reviewloop_http_requests_total",  # 5xx rate, webhook refusals
        "reviewloop_event_latency_seconds_bucket",  # end-to-end latency (issue #22)
        "reviewloop_responder_replies_total",  # failed reply publications
        "reviewloop_ingest_order_fetches_total",  # fetch give-ups
        "reviewloop_kafka_up",  # Kafka unreachable while the services stay ready
    ):
        assert series in exprs, series


def test_every_alert_has_its_runbook_section() -> None:
    documented = anchors(OPERATIONS.read_text())
    for rule in alert_rules():
        page, _, anchor = rule["annotations"]["runbook"].partition("#")
        assert page == "docs/operations.md"
        assert anchor == rule["alert"].lower(), rule["alert"]
        assert anchor in documented, f"docs/operations.md has no section {rule['alert']}"


def dashboard() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((OBSERVABILITY / "dashboard.json").read_text())
    return data


def grafana_to_promql(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    assert "$" not in expr, f"unknown Grafana variable in {expr!r}"
    return expr


def test_dashboard_queries_parse_and_name_only_exported_series() -> None:
    board = dashboard()
    panels = board["panels"]
    ids = [p["id"] for p in panels]
    assert len(ids) == len(set(ids))
    queries = 0
    for panel in panels:
        if panel["type"] == "row":
            continue
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        for target in panel["targets"]:
            check_series(grafana_to_promql(target["expr"]), panel["title"])
            queries += 1
    assert queries >= 15
    for variable in board["templating"]["list"]:
        if variable["type"] != "query":
            continue
        match = re.fullmatch(r"label_values\((\w+),\s*(\w+)\)", variable["query"]["query"])
        assert match, variable["name"]
        series, label = match.groups()
        assert label in exported_series()[series] | TARGET_LABELS


def test_pod_monitor_scrapes_the_pods_with_the_labels_the_rules_use() -> None:
    monitor = yaml.safe_load((OBSERVABILITY / "podmonitor.yaml").read_text())
    validate_custom(monitor)
    endpoint = monitor["spec"]["podMetricsEndpoints"][0]
    assert endpoint["path"] == "/metrics"
    assert [r["targetLabel"] for r in endpoint["relabelings"]] == ["app"]
    deployments = [o for o in render("prod") if o["kind"] == "Deployment"]
    wanted = monitor["spec"]["selector"]["matchLabels"]
    allowed = set(monitor["spec"]["selector"]["matchExpressions"][0]["values"])
    for deployment in deployments:
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert wanted.items() <= labels.items()
        assert labels["app.kubernetes.io/name"] in allowed
        ports = {p["name"] for p in pod_spec(deployment)["containers"][0]["ports"]}
        assert endpoint["port"] in ports
    # The services and the responder's storefront process (its own Deployment).
    assert allowed == {*SERVICES, "storefront"}


def test_series_from_outside_the_code_say_where_they_come_from() -> None:
    header = (OBSERVABILITY / "alerts.yaml").read_text().split("\ngroups:")[0]
    used = {name for rule in alert_rules() for name, _ in selectors(rule["expr"])}
    for name in used & set(EXTERNAL_SERIES):
        assert EXTERNAL_SERIES[name].split()[0] in header, name


@pytest.mark.parametrize("path", sorted(OBSERVABILITY.glob("*")), ids=lambda p: Path(p).name)
def test_observability_files_parse(path: Path) -> None:
    if path.suffix == ".json":
        json.loads(path.read_text())
    else:
        assert list(yaml.safe_load_all(path.read_text()))
