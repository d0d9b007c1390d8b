"""deploy/helm/reviewloop, offline: `helm template` with several value sets (Strimzi and KEDA,
Strimzi users, managed Kafka and PostgreSQL, a bare minimum), every object valid against the
Kubernetes schemas of the oldest and newest supported versions and the custom resources' schemas,
the project's rules (probes, limits, non-root, KEDA bounded by partitions, topics as the code
has them, secrets only by reference, settings that the services accept), and the chart's
defaults kept in step with the Kustomize prod overlay."""

import copy
import os
from functools import cache
from typing import Any

import pytest
import yaml

from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.responder.settings import ResponderSettings
from services.responder.storefront.settings import StorefrontSettings
from services.survey.settings import SurveySettings
from shared.settings import ServiceSettings
from shared.topics import ALL_TOPICS, creation_configs
from tests.support.helm import CHART, HELM_SCHEMAS, HelmError, render, validate_custom
from tests.support.k8s import (
    LATEST_KUBERNETES,
    MIN_KUBERNETES,
    ROOT,
    Obj,
    all_containers,
    pod_spec,
    quantity,
    validate_builtin,
)
from tests.support.k8s import render as kustomize

SETTINGS: dict[str, type[ServiceSettings]] = {
    "ingest": IngestSettings,
    "survey": SurveySettings,
    "notifier": NotifierSettings,
    "responder": ResponderSettings,
    "storefront": StorefrontSettings,
}
SPECS = {t.name: t for t in ALL_TOPICS}
DIGEST = "sha256:" + "ab" * 32

VALUE_SETS: dict[str, dict[str, Any]] = {
    # A cluster with Strimzi and KEDA: the chart's defaults.
    "strimzi": {},
    # The same with a KafkaUser per service, an image by digest and a topic prefix.
    "strimzi-users": {
        "image": {"digest": DIGEST},
        "kafka": {"topicPrefix": "shop1.", "strimzi": {"users": True}},
        "toolbox": {"enabled": True},
    },
    # Managed Kafka (SASL_SSL, public CA, the services create the topics with three replicas)
    # and managed PostgreSQL (roles made by hand: no admin DSN), secrets from a secret store,
    # no KEDA.
    "managed": {
        "database": {"host": "reviewloop.abc.eu-west-1.rds.amazonaws.com", "adminSecret": ""},
        "kafka": {
            "bootstrapServers": "b-1.kafka.example.net:9096,b-2.kafka.example.net:9096",
            "caSecret": "",
            "createTopics": True,
            "replicationFactor": 3,
            "topicConfigs": {"*": {"compression.type": "zstd"}},
            "strimzi": {"topics": False},
        },
        "externalSecrets": {"enabled": True, "remotePrefix": "prod/"},
        "smtp": {"maxSessionsPerService": 4},
        "services": {
            name: {"autoscaling": {"enabled": False}, "replicas": 2}
            for name in ("survey", "notifier", "responder")
        },
    },
    # Plain Kafka, no Gateway, no Prometheus Operator, no policies, no hook.
    "minimal": {
        "kafka": {"securityProtocol": "PLAINTEXT", "caSecret": "", "strimzi": {"topics": False}},
        "gateway": {"enabled": False},
        "monitoring": {"podMonitor": False, "prometheusRule": False},
        "networkPolicies": {"enabled": False},
        "migrations": {"hook": False},
        "services": {name: {"autoscaling": {"enabled": False}} for name in SETTINGS},
    },
}
value_sets = pytest.mark.parametrize("values", VALUE_SETS)


@cache
def rendered(values: str) -> tuple[Obj, ...]:
    return tuple(render(VALUE_SETS[values]))


def of_kind(values: str, kind: str) -> list[Obj]:
    return [o for o in rendered(values) if o["kind"] == kind]


def service_deployments(values: str) -> list[Obj]:
    """The Deployments of the services (not the operator toolbox)."""
    return [d for d in of_kind(values, "Deployment") if service_of(d) in SETTINGS]


def by_name(values: str, kind: str) -> dict[str, Obj]:
    return {o["metadata"]["name"]: o for o in of_kind(values, kind)}


def service_of(obj: Obj) -> str:
    name: str = obj["metadata"]["labels"]["app.kubernetes.io/name"]
    return name


def env_of(values: str, container: Obj) -> dict[str, str]:
    config: dict[str, str] = {}
    maps = by_name(values, "ConfigMap")
    for source in container.get("envFrom", []):
        config.update(maps[source["configMapRef"]["name"]]["data"])
    return config


def secret_refs(container: Obj) -> dict[str, tuple[str, str, bool]]:
    refs = {}
    for var in container.get("env", []):
        assert "value" not in var, f"{var['name']}: a literal value, not a Secret reference"
        ref = var["valueFrom"]["secretKeyRef"]
        refs[var["name"]] = (ref["name"], ref["key"], bool(ref.get("optional", False)))
    return refs


# -- rendering and schemas ----------------------------------------------------------------------


@value_sets
def test_every_object_fits_its_schema(values: str) -> None:
    objects = rendered(values)
    assert objects
    for obj in objects:
        if (obj["apiVersion"], obj["kind"]) in HELM_SCHEMAS:
            validate_custom(obj)
            continue
        for version in (MIN_KUBERNETES, LATEST_KUBERNETES):
            validate_builtin(obj, version)


def test_the_chart_lints_and_documents_every_value() -> None:
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    assert set(values) >= {
        "image", "database", "kafka", "secrets", "externalSecrets", "gateway", "services",
        "migrations", "monitoring", "networkPolicies",
    }  # fmt: skip
    text = (CHART / "values.yaml").read_text()
    for key in values:
        before = text[: text.index(f"\n{key}:")]
        assert before.rstrip().splitlines()[-1].startswith("#"), f"{key} has no comment"


# -- the project's rules ------------------------------------------------------------------------


@value_sets
def test_pods_are_probed_limited_and_unprivileged(values: str) -> None:
    for obj in of_kind(values, "Deployment") + of_kind(values, "Job"):
        spec = pod_spec(obj)
        assert spec["securityContext"]["runAsNonRoot"] is True
        assert spec["automountServiceAccountToken"] is False
        for container in all_containers(obj):
            security = container["securityContext"]
            assert security["runAsNonRoot"] and security["readOnlyRootFilesystem"]
            assert security["allowPrivilegeEscalation"] is False
            assert security["capabilities"]["drop"] == ["ALL"]
            resources = container["resources"]
            for what in ("cpu", "memory"):
                assert quantity(resources["requests"][what]) <= quantity(resources["limits"][what])
            if VALUE_SETS[values].get("image", {}).get("digest"):
                assert container["image"].endswith("@" + DIGEST)
            if obj["kind"] == "Deployment" and service_of(obj) in SETTINGS:
                assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
                assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
                assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
                assert container["lifecycle"]["preStop"]["sleep"]["seconds"] == 5


@value_sets
def test_consumers_never_scale_past_their_partitions(values: str) -> None:
    for scaled in of_kind(values, "ScaledObject"):
        (lag,) = [t for t in scaled["spec"]["triggers"] if t["type"] == "kafka"]
        prefix = VALUE_SETS[values].get("kafka", {}).get("topicPrefix", "")
        topic = lag["metadata"]["topic"].removeprefix(prefix)
        assert scaled["spec"]["maxReplicaCount"] <= SPECS[topic].partitions
    deployments = {o["metadata"]["name"] for o in of_kind(values, "Deployment")}
    targets = [
        o["spec"]["scaleTargetRef"]["name"]
        for o in of_kind(values, "ScaledObject") + of_kind(values, "HorizontalPodAutoscaler")
    ]
    assert len(targets) == len(set(targets)) and set(targets) <= deployments


def test_a_consumer_asked_to_scale_past_its_partitions_is_refused() -> None:
    with pytest.raises(HelmError, match="above the 6 partitions"):
        render({"services": {"survey": {"autoscaling": {"maxReplicas": 7}}}})


@value_sets
def test_settings_are_accepted_by_the_services_and_secrets_are_references(
    values: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not of_kind(values, "Secret")
    for deployment in service_deployments(values):
        service = service_of(deployment)
        prefix = service.upper() + "_"
        (container,) = pod_spec(deployment)["containers"]
        env = env_of(values, container)
        refs = secret_refs(container)
        for key in os.environ:
            if key.startswith(prefix) or key.startswith("OTEL_"):
                monkeypatch.delenv(key)
        for key, value in env.items():
            assert key.startswith(prefix), key
            assert key[len(prefix) :].lower() in SETTINGS[service].model_fields, key
            monkeypatch.setenv(key, value)
        for var, (_, _, optional) in refs.items():
            if not optional:
                monkeypatch.setenv(var, "s" * 48)
        settings = SETTINGS[service]()
        assert settings.environment == "production"
        if values == "managed" and service in ("survey", "notifier"):
            assert settings.smtp_max_sessions == 4
        if settings.kafka_create_topics:
            assert settings.kafka_topic_replication_factor >= 2


def test_kafka_users_carry_the_passwords_of_their_own_secrets() -> None:
    users = by_name("strimzi-users", "KafkaUser")
    assert set(users) == {
        f"reviewloop-{s}-kafka" for s in ("ingest", "survey", "notifier", "responder")
    }
    for deployment in service_deployments("strimzi-users"):
        service = service_of(deployment)
        (container,) = pod_spec(deployment)["containers"]
        if service == "storefront":
            assert "STOREFRONT_KAFKA_SASL_PASSWORD" not in secret_refs(container)
            continue
        env = env_of("strimzi-users", container)
        user = env[f"{service.upper()}_KAFKA_SASL_USERNAME"]
        assert user in users
        assert secret_refs(container)[f"{service.upper()}_KAFKA_SASL_PASSWORD"][:2] == (
            user,
            "password",
        )
        # Every group the service consumes is within its ACLs.
        groups = [
            acl["resource"]["name"]
            for acl in users[user]["spec"]["authorization"]["acls"]
            if acl["resource"]["type"] == "group"
        ]
        assert groups == [f"shop1.{service}."]


@value_sets
def test_topics_are_the_products_topics(values: str) -> None:
    topics = of_kind(values, "KafkaTopic")
    if not VALUE_SETS[values].get("kafka", {}).get("strimzi", {}).get("topics", True):
        assert not topics
        return
    prefix = VALUE_SETS[values].get("kafka", {}).get("topicPrefix", "")
    by_topic = {t["spec"]["topicName"].removeprefix(prefix): t["spec"] for t in topics}
    assert set(by_topic) == set(SPECS)
    for name, spec in by_topic.items():
        assert spec["partitions"] == SPECS[name].partitions
        assert spec["config"] == creation_configs(SPECS[name], spec["replicas"])


def test_alert_rules_are_the_observability_rules() -> None:
    copied = (CHART / "files" / "alerts.yaml").read_text()
    assert copied == (ROOT / "deploy" / "observability" / "alerts.yaml").read_text()
    (rule,) = of_kind("strimzi", "PrometheusRule")
    assert rule["spec"] == yaml.safe_load(copied)


@value_sets
def test_routes_lead_to_the_public_services(values: str) -> None:
    routes = of_kind(values, "HTTPRoute")
    if not VALUE_SETS[values].get("gateway", {}).get("enabled", True):
        assert not routes
        return
    services = {
        s["metadata"]["name"]: s["spec"]["ports"][0]["port"] for s in of_kind(values, "Service")
    }
    hosts = {}
    for route in routes:
        (rule,) = route["spec"]["rules"]
        (backend,) = rule["backendRefs"]
        assert services[backend["name"]] == backend["port"]
        hosts[service_of(route)] = (
            route["spec"]["hostnames"],
            [m["path"]["value"] for m in rule["matches"]],
        )
    assert hosts["ingest"] == (["ingest.example.com"], ["/webhooks/", "/reviews/", "/v1/shops/"])
    assert hosts["responder"][1] == ["/v1/", "/console/"]
    assert hosts["storefront"][0] == ["reviews.example.com"]
    assert "/metrics" not in str(hosts) and "/docs" not in str(hosts)


@value_sets
def test_network_policies_select_every_pod(values: str) -> None:
    policies = of_kind(values, "NetworkPolicy")
    if not VALUE_SETS[values].get("networkPolicies", {}).get("enabled", True):
        assert not policies
        return
    for deployment in of_kind(values, "Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        own = [
            p
            for p in policies
            if p["spec"]["podSelector"]["matchLabels"].items() <= labels.items()
            and "Egress" in p["spec"]["policyTypes"]
            and p["spec"].get("egress") is not None
            and p["metadata"]["name"].endswith(service_of(deployment))
        ]
        assert len(own) == 1, service_of(deployment)


def test_the_toolbox_holds_what_the_cli_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside the toolbox the CLI reads every service's database and logs in to Kafka as
    ingest does (services/cli/common.py)."""
    from services.cli.common import SERVICES, kafka_service, selected_services
    from services.cli.main import _kafka

    assert not [d for d in of_kind("strimzi", "Deployment") if service_of(d) == "toolbox"]
    (toolbox,) = [d for d in of_kind("strimzi-users", "Deployment") if service_of(d) == "toolbox"]
    (container,) = pod_spec(toolbox)["containers"]
    for key in list(os.environ):
        if key.startswith(("REVIEWLOOP_", *(f"{s.upper()}_" for s in SERVICES))):
            monkeypatch.delenv(key)
    for key, value in env_of("strimzi-users", container).items():
        monkeypatch.setenv(key, value)
    for var in container["env"]:
        monkeypatch.setenv(var["name"], var.get("value", "s" * 48))
    assert selected_services("all") == list(SERVICES)
    assert kafka_service() == "ingest"
    kafka = _kafka(None, None)
    assert kafka.bootstrap_servers == "reviewloop-kafka-bootstrap:9093"
    assert kafka.topic_prefix == "shop1."
    assert kafka.security.sasl_username == "reviewloop-ingest-kafka"
    for service in SERVICES:
        assert SETTINGS[service]().db_host == "reviewloop-postgres-rw"
    # Its NetworkPolicy lets it reach PostgreSQL, Kafka and the services' APIs.
    (policy,) = [
        p for p in of_kind("strimzi-users", "NetworkPolicy")
        if p["metadata"]["name"] == "reviewloop-toolbox"
    ]  # fmt: skip
    ports = {p["port"] for rule in policy["spec"]["egress"] for p in rule["ports"]}
    assert ports >= {5432, 9093, 8001, 8002, 8003, 8004}


def test_the_hook_migrates_before_install_and_upgrade() -> None:
    (job,) = of_kind("strimzi", "Job")
    assert job["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    names = [c["name"] for c in all_containers(job)]
    assert names == [
        "provision",
        "migrate-ingest",
        "migrate-survey",
        "migrate-notifier",
        "migrate-responder",
    ]
    maps = {m["metadata"]["name"]: m for m in of_kind("strimzi", "ConfigMap")}
    for container in all_containers(job):
        (source,) = container["envFrom"]
        hooked = maps[source["configMapRef"]["name"]]
        # Hooks run before the release's own objects: what the Job reads is a hook as well.
        assert hooked["metadata"]["annotations"]["helm.sh/hook-weight"] == "-10"
    (managed,) = of_kind("managed", "Job")
    assert "provision" not in [c["name"] for c in pod_spec(managed)["initContainers"]]
    assert not of_kind("minimal", "Job")


# -- in step with the Kustomize prod overlay ----------------------------------------------------


def _comparable(deployment: Obj, config: dict[str, str]) -> Obj:
    spec = copy.deepcopy(pod_spec(deployment))
    (container,) = spec["containers"]
    return {
        "command": container["command"],
        "ports": container["ports"],
        "resources": {
            k: {r: quantity(v) for r, v in q.items()} for k, q in container["resources"].items()
        },
        "probes": {p: container[p] for p in ("startupProbe", "livenessProbe", "readinessProbe")},
        "security": container["securityContext"],
        "secrets": secret_refs(container),
        "config": config,
        "mounts": sorted(container["volumeMounts"], key=lambda m: m["mountPath"]),
        "volumes": sorted(spec["volumes"], key=lambda v: v["name"]),
        "grace": spec["terminationGracePeriodSeconds"],
        "pod_security": spec["securityContext"],
    }


def test_the_defaults_match_the_kustomize_prod_overlay() -> None:
    """Keep both until the Kustomize tree is retired: a change to one shows here until the other
    follows."""
    kustom = kustomize("prod")
    kustom_maps = {o["metadata"]["name"]: o["data"] for o in kustom if o["kind"] == "ConfigMap"}
    helm_deployments = {service_of(d): d for d in of_kind("strimzi", "Deployment")}
    for deployment in (o for o in kustom if o["kind"] == "Deployment"):
        service = service_of(deployment)
        (container,) = pod_spec(deployment)["containers"]
        config = {}
        for source in container["envFrom"]:
            config.update(kustom_maps[source["configMapRef"]["name"]])
        helm = helm_deployments[service]
        (helm_container,) = pod_spec(helm)["containers"]
        assert _comparable(helm, env_of("strimzi", helm_container)) == _comparable(
            deployment, config
        ), service
    scaled = {
        service_of(o): (o["kind"], o["spec"].get("minReplicas", o["spec"].get("minReplicaCount")),
                        o["spec"].get("maxReplicas", o["spec"].get("maxReplicaCount")))
        for o in kustom if o["kind"] in ("ScaledObject", "HorizontalPodAutoscaler")
    }  # fmt: skip
    helm_scaled = {
        service_of(o): (o["kind"], o["spec"].get("minReplicas", o["spec"].get("minReplicaCount")),
                        o["spec"].get("maxReplicas", o["spec"].get("maxReplicaCount")))
        for o in of_kind("strimzi", "ScaledObject") + of_kind("strimzi", "HorizontalPodAutoscaler")
    }  # fmt: skip
    assert helm_scaled == scaled
    kustom_topics = {o["spec"]["topicName"]: o["spec"] for o in kustom if o["kind"] == "KafkaTopic"}
    helm_topics = {o["spec"]["topicName"]: o["spec"] for o in of_kind("strimzi", "KafkaTopic")}
    assert helm_topics == kustom_topics
    # The same public paths, whether by HTTPRoute (Helm) or by Ingress (Kustomize).
    kustom_paths = {
        (service_of(o), path["path"])
        for o in kustom if o["kind"] == "Ingress"
        for rule in o["spec"]["rules"] for path in rule["http"]["paths"]
    }  # fmt: skip
    helm_paths = {
        (service_of(o), match["path"]["value"])
        for o in of_kind("strimzi", "HTTPRoute")
        for rule in o["spec"]["rules"] for match in rule["matches"]
    }  # fmt: skip
    assert helm_paths == kustom_paths
    (kustom_job,) = (o for o in kustom if o["kind"] == "Job")
    (helm_job,) = of_kind("strimzi", "Job")
    assert [
        (c["name"], c["command"], secret_refs(c), c["resources"]) for c in all_containers(helm_job)
    ] == [
        (c["name"], c["command"], secret_refs(c), c["resources"])
        for c in all_containers(kustom_job)
    ]
