"""deploy/k8s, offline: both overlays render, every object fits its schema, and our own rules hold
(probes, limits, non-root, read-only root, PDBs, one autoscaler per Deployment, KEDA bounded by
partitions, Strimzi topics as in shared/topics.py, secrets only by reference)."""

import copy
import importlib
import importlib.util
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from pydantic import SecretStr

from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.responder.settings import ResponderSettings
from services.responder.storefront.settings import StorefrontSettings
from services.survey.settings import SurveySettings
from shared.db.provision import SERVICES
from shared.kafka.consumer import ConsumerSpec
from shared.periodic import INBOX_RETENTION
from shared.runtime import SHUTDOWN_BUDGET_S
from shared.settings import DEV_SECRET_MARKER, ServiceSettings
from shared.topics import ALL_TOPICS, creation_configs
from tests.support.k8s import (
    CUSTOM_SCHEMAS,
    K8S,
    LATEST_KUBERNETES,
    MIN_KUBERNETES,
    OVERLAYS,
    ROOT,
    Obj,
    all_containers,
    pod_spec,
    quantity,
    render,
    validate_builtin,
    validate_custom,
)

SETTINGS: dict[str, type[ServiceSettings]] = {
    "ingest": IngestSettings,
    "survey": SurveySettings,
    "notifier": NotifierSettings,
    "responder": ResponderSettings,
    "storefront": StorefrontSettings,
}
# Deployments that are not a service of their own: the responder's public storefront process
# (python -m services.responder.storefront) reads the responder's schema and uses no Kafka.
WITHOUT_KAFKA = {"storefront"}
# How each service scales: ingest and the storefront on CPU (HPA), the consumers on lag (KEDA).
SCALED_BY = {"ingest": "HorizontalPodAutoscaler", "storefront": "HorizontalPodAutoscaler"} | {
    s: "ScaledObject" for s in ("survey", "notifier", "responder")
}
PARTITIONS = {t.name: t.partitions for t in ALL_TOPICS}
SPECS = {t.name: t for t in ALL_TOPICS}
PROBE_PATHS = {"livenessProbe": "/healthz", "readinessProbe": "/readyz", "startupProbe": "/healthz"}
# uvicorn's own graceful shutdown (shared/http/app.py) runs before the runtime's stop budget.
UVICORN_GRACE_S = int(
    re.search(  # type: ignore[union-attr]
        r"timeout_graceful_shutdown=(\d+)", (ROOT / "shared" / "http" / "app.py").read_text()
    ).group(1)
)


@cache
def rendered(overlay: str) -> tuple[Obj, ...]:
    return tuple(render(overlay))


@cache
def consumer_specs(service: str) -> tuple[ConsumerSpec, ...]:
    """What the service really consumes, from its own assembly (nothing is started)."""
    build: Callable[[], tuple[Any, Any]] = importlib.import_module(f"services.{service}.app").build
    _, runtime = build()
    return tuple(runtime.consumer_specs)


def of_kind(overlay: str, kind: str) -> list[Obj]:
    return [o for o in rendered(overlay) if o["kind"] == kind]


def one(overlay: str, kind: str, name: str) -> Obj:
    found = [o for o in of_kind(overlay, kind) if o["metadata"]["name"] == name]
    assert len(found) == 1, (kind, name, len(found))
    return found[0]


def service_of(deployment: Obj) -> str:
    name: str = deployment["metadata"]["labels"]["app.kubernetes.io/name"]
    return name


def config_map_env(overlay: str, container: Obj) -> dict[str, str]:
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        name = source["configMapRef"]["name"]
        env.update(one(overlay, "ConfigMap", name)["data"])
    return env


def secret_refs(container: Obj) -> dict[str, tuple[str, str, bool]]:
    refs = {}
    for var in container.get("env", []):
        ref = var.get("valueFrom", {}).get("secretKeyRef")
        if ref:
            refs[var["name"]] = (ref["name"], ref["key"], bool(ref.get("optional", False)))
    return refs


def required_secret_fields(cls: type[ServiceSettings]) -> set[str]:
    """Secrets whose default is a development one: production refuses to start without them."""
    return {
        name
        for name, field in cls.model_fields.items()
        if isinstance(field.default, SecretStr)
        and DEV_SECRET_MARKER in field.default.get_secret_value()
    }


overlays = pytest.mark.parametrize("overlay", OVERLAYS)


# -- rendering and schemas ----------------------------------------------------------------------


@overlays
def test_overlay_renders_every_piece(overlay: str) -> None:
    objs = rendered(overlay)
    names = {(o["kind"], o["metadata"]["name"]) for o in objs}
    for service in (*SERVICES, *WITHOUT_KAFKA):
        for kind in ("Deployment", "Service", "PodDisruptionBudget", SCALED_BY[service]):
            assert (kind, f"reviewloop-{service}") in names
    assert ("Job", "reviewloop-migrate") in names
    assert len(of_kind(overlay, "KafkaTopic")) == len(ALL_TOPICS)
    namespaces = {o["metadata"].get("namespace") for o in objs}
    assert len(namespaces) == 1 and None not in namespaces


@overlays
@pytest.mark.parametrize("version", [MIN_KUBERNETES, LATEST_KUBERNETES])
def test_kubernetes_objects_fit_the_official_schemas(overlay: str, version: str) -> None:
    checked = 0
    for obj in rendered(overlay):
        if (obj["apiVersion"], obj["kind"]) in CUSTOM_SCHEMAS:
            continue
        try:
            validate_builtin(obj, version)
        except kubernetes_validate.ValidationError as exc:
            path = ".".join(str(p) for p in exc.path)
            pytest.fail(f"{obj['kind']}/{obj['metadata']['name']} at {path}: {exc.message}")
        checked += 1
    assert checked >= 20


@overlays
def test_custom_resources_fit_our_minimal_schemas(overlay: str) -> None:
    custom = [o for o in rendered(overlay) if (o["apiVersion"], o["kind"]) in CUSTOM_SCHEMAS]
    kinds = {"ScaledObject", "KafkaTopic"}
    if overlay == "prod":
        kinds.add("TriggerAuthentication")  # KEDA's credentials for Kafka
    assert {o["kind"] for o in custom} == kinds
    for obj in custom:
        validate_custom(obj)


def test_the_validators_are_not_vacuous() -> None:
    deployment = copy.deepcopy(one("prod", "Deployment", "reviewloop-ingest"))
    pod_spec(deployment)["containers"][0]["livenessProbes"] = {}  # a typo
    with pytest.raises(kubernetes_validate.ValidationError):
        validate_builtin(deployment, LATEST_KUBERNETES)
    scaled = copy.deepcopy(one("prod", "ScaledObject", "reviewloop-survey"))
    scaled["spec"]["maxReplicas"] = 6  # the HPA's spelling, not KEDA's
    with pytest.raises(jsonschema.ValidationError):
        validate_custom(scaled)
    topic = copy.deepcopy(of_kind("prod", "KafkaTopic")[0])
    del topic["metadata"]["labels"]["strimzi.io/cluster"]
    with pytest.raises(jsonschema.ValidationError):
        validate_custom(topic)


# -- pods ---------------------------------------------------------------------------------------


def workloads(overlay: str) -> list[Obj]:
    return of_kind(overlay, "Deployment") + of_kind(overlay, "Job")


@overlays
def test_every_container_is_non_root_read_only_and_without_capabilities(overlay: str) -> None:
    for obj in workloads(overlay):
        spec = pod_spec(obj)
        pod_sc = spec["securityContext"]
        assert pod_sc["runAsNonRoot"] is True
        assert pod_sc["runAsUser"] != 0
        assert pod_sc["seccompProfile"]["type"] == "RuntimeDefault"
        assert spec["automountServiceAccountToken"] is False
        assert not spec.get("hostNetwork") and not spec.get("hostPID")
        volumes = {v["name"]: v for v in spec.get("volumes", [])}
        for c in all_containers(obj):
            where = f"{obj['metadata']['name']}/{c['name']}"
            sc = c["securityContext"]
            assert sc.get("runAsNonRoot", pod_sc["runAsNonRoot"]) is True, where
            assert sc["allowPrivilegeEscalation"] is False, where
            assert sc["readOnlyRootFilesystem"] is True, where
            assert sc.get("privileged", False) is False, where
            assert sc["capabilities"]["drop"] == ["ALL"], where
            assert not sc["capabilities"].get("add"), where
            assert sc["seccompProfile"]["type"] == "RuntimeDefault", where
            tmp = [m for m in c["volumeMounts"] if m["mountPath"] == "/tmp"]
            assert len(tmp) == 1, where
            assert "emptyDir" in volumes[tmp[0]["name"]], where


@overlays
def test_every_container_has_requests_and_limits(overlay: str) -> None:
    for obj in workloads(overlay):
        for c in all_containers(obj):
            resources = c["resources"]
            for resource in ("cpu", "memory"):
                request = quantity(resources["requests"][resource])
                limit = quantity(resources["limits"][resource])
                assert 0 < request <= limit, (obj["metadata"]["name"], c["name"], resource)


@overlays
def test_one_image_for_everything_and_prod_pins_it(overlay: str) -> None:
    images = {c["image"] for obj in workloads(overlay) for c in all_containers(obj)}
    assert len(images) == 1
    (image,) = images
    if overlay == "prod":
        assert "@sha256:" in image or (":" in image and not image.endswith(":latest")), image


@overlays
def test_deployments_probe_health_and_readiness_on_the_service_port(overlay: str) -> None:
    for deployment in of_kind(overlay, "Deployment"):
        service = service_of(deployment)
        (container,) = pod_spec(deployment)["containers"]
        port = SETTINGS[service].model_fields["http_port"].default
        assert container["ports"] == [{"name": "http", "containerPort": port, "protocol": "TCP"}]
        assert config_map_env(overlay, container)[f"{service.upper()}_HTTP_PORT"] == str(port)
        for probe, path in PROBE_PATHS.items():
            assert container[probe]["httpGet"] == {"path": path, "port": "http"}, (service, probe)
        # The liveness probe never restarts a pod that is merely starting.
        assert "startupProbe" in container
        svc = one(overlay, "Service", f"reviewloop-{service}")
        assert svc["spec"]["ports"][0]["targetPort"] == "http"
        assert svc["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]


@overlays
def test_grace_period_covers_the_graceful_consumer_shutdown(overlay: str) -> None:
    for deployment in of_kind(overlay, "Deployment"):
        spec = pod_spec(deployment)
        (container,) = spec["containers"]
        pre_stop = container["lifecycle"]["preStop"]["sleep"]["seconds"]
        needed = pre_stop + UVICORN_GRACE_S + SHUTDOWN_BUDGET_S + 5
        assert spec["terminationGracePeriodSeconds"] >= needed, service_of(deployment)


@overlays
def test_deployments_roll_without_losing_capacity_and_spread(overlay: str) -> None:
    for deployment in of_kind(overlay, "Deployment"):
        # Replicas belong to the autoscaler: an applied `replicas` would fight it.
        assert "replicas" not in deployment["spec"]
        assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
        pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
        spread = pod_spec(deployment)["topologySpreadConstraints"]
        keys = {c["topologyKey"] for c in spread}
        assert {"kubernetes.io/hostname", "topology.kubernetes.io/zone"} <= keys
        for constraint in spread:
            selector = constraint["labelSelector"]["matchLabels"]
            assert selector.items() <= pod_labels.items()


@overlays
def test_every_deployment_has_a_pdb_allowing_one_disruption(overlay: str) -> None:
    pdbs = of_kind(overlay, "PodDisruptionBudget")
    for deployment in of_kind(overlay, "Deployment"):
        pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
        matching = [
            p for p in pdbs if p["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
        ]
        assert len(matching) == 1, deployment["metadata"]["name"]
        assert matching[0]["spec"]["maxUnavailable"] == 1
        assert "minAvailable" not in matching[0]["spec"]


# -- configuration and secrets ------------------------------------------------------------------


@overlays
def test_config_maps_hold_only_settings_fields_that_parse(
    overlay: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for deployment in of_kind(overlay, "Deployment"):
        service = service_of(deployment)
        cls = SETTINGS[service]
        prefix = service.upper() + "_"
        (container,) = pod_spec(deployment)["containers"]
        env = config_map_env(overlay, container)
        for key in [*env, *(v["name"] for v in container["env"])]:
            assert key.startswith(prefix), key
            assert key[len(prefix) :].lower() in cls.model_fields, key
        if service not in WITHOUT_KAFKA:
            assert env[prefix + "KAFKA_CREATE_TOPICS"] == "false"
        else:
            assert not any("KAFKA" in key for key in env), service
        if overlay == "prod":
            assert env[prefix + "ENVIRONMENT"] == "production"
        # The settings class accepts it all (types, and production's refusal of dev secrets),
        # given the secrets the operator creates.
        for key in list(os.environ):
            if key.startswith(prefix):
                monkeypatch.delenv(key)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        for var, (_, _, optional) in secret_refs(container).items():
            if not optional:
                monkeypatch.setenv(var, "s" * 48)
        settings = cls()
        assert settings.http_host == "0.0.0.0"


@overlays
def test_secrets_are_references_to_every_secret_the_settings_need(overlay: str) -> None:
    assert not of_kind(overlay, "Secret")
    for deployment in of_kind(overlay, "Deployment"):
        service = service_of(deployment)
        prefix = service.upper() + "_"
        (container,) = pod_spec(deployment)["containers"]
        refs = secret_refs(container)
        for field in required_secret_fields(SETTINGS[service]):
            var = prefix + field.upper()
            assert var in refs and not refs[var][2], var
        # No literal value for anything the settings treat as a secret.
        secret_fields = {
            name
            for name, f in SETTINGS[service].model_fields.items()
            if "SecretStr" in str(f.annotation)
        }
        for var in container["env"]:
            if var["name"][len(prefix) :].lower() in secret_fields:
                assert "value" not in var, var["name"]
        for key in config_map_env(overlay, container):
            assert key[len(prefix) :].lower() not in secret_fields, key


_SECRETISH = re.compile(r"(PASSWORD|SECRET|TOKEN|_KEY|DSN)$")


def test_no_literal_secret_anywhere_in_the_manifests() -> None:
    for path in sorted(K8S.rglob("*.yaml")):
        text = path.read_text()
        assert DEV_SECRET_MARKER not in text, path
        for doc in yaml.safe_load_all(text):
            if not doc:
                continue
            assert doc.get("kind") != "Secret", path
            assert "secretGenerator" not in doc, path
            for generator in doc.get("configMapGenerator", []):
                for literal in generator.get("literals", []):
                    assert not _SECRETISH.search(literal.split("=", 1)[0]), (path, literal)


# -- the migration Job ----------------------------------------------------------------------------


@overlays
def test_migration_job_provisions_then_migrates_each_service_with_its_secrets(
    overlay: str,
) -> None:
    job = one(overlay, "Job", "reviewloop-migrate")
    spec = pod_spec(job)
    assert spec["restartPolicy"] == "Never"
    assert job["spec"]["backoffLimit"] <= 3 and job["spec"]["activeDeadlineSeconds"] > 0
    assert job["metadata"]["labels"]["app.kubernetes.io/component"] == "migration"
    steps = all_containers(job)
    assert steps[0]["command"] == ["python", "-m", "shared.db.provision"]
    assert importlib.util.find_spec("shared.db.provision") is not None
    migrations = [c["command"] for c in steps[1:]]
    assert migrations == [
        ["python", "-m", "services.cli", "migrate", "--service", s] for s in SERVICES
    ]
    assert importlib.util.find_spec("services.cli.__main__") is not None
    provision_env = {v["name"] for v in steps[0]["env"]}
    assert {"REVIEWLOOP_ADMIN_DSN", *(f"{s.upper()}_DB_PASSWORD" for s in SERVICES)} <= (
        provision_env
    )
    for service, step in zip(SERVICES, steps[1:], strict=True):
        deployment = one(overlay, "Deployment", f"reviewloop-{service}")
        (container,) = pod_spec(deployment)["containers"]
        # The same settings as the service: same ConfigMap, same secrets.
        assert step["envFrom"] == container["envFrom"]
        assert secret_refs(step) == secret_refs(container)
        # Its role's password is the one provisioning sets.
        assert (
            secret_refs(steps[0])[f"{service.upper()}_DB_PASSWORD"]
            == (secret_refs(container)[f"{service.upper()}_DB_PASSWORD"])
        )
    # What `kubectl apply -l` of the first step needs is selected with it.
    for obj in [*of_kind(overlay, "ConfigMap"), *of_kind(overlay, "ServiceAccount")]:
        assert obj["metadata"]["labels"]["app.kubernetes.io/component"] == "config"


# -- scaling ------------------------------------------------------------------------------------


def scale_targets(overlay: str) -> dict[str, list[str]]:
    targets: dict[str, list[str]] = {}
    for kind in ("HorizontalPodAutoscaler", "ScaledObject"):
        for obj in of_kind(overlay, kind):
            ref = obj["spec"]["scaleTargetRef"]
            assert ref.get("kind", "Deployment") == "Deployment"
            targets.setdefault(ref["name"], []).append(kind)
    return targets


@overlays
def test_each_deployment_has_exactly_one_autoscaler_of_the_right_kind(overlay: str) -> None:
    targets = scale_targets(overlay)
    deployments = {d["metadata"]["name"]: service_of(d) for d in of_kind(overlay, "Deployment")}
    assert set(targets) == set(deployments)
    for name, kinds in targets.items():
        # Never an HPA and a ScaledObject (which makes its own HPA) on the same Deployment.
        assert kinds == [SCALED_BY[deployments[name]]], (name, kinds)


@overlays
def test_keda_scales_on_a_real_consumer_group_and_never_past_its_partitions(overlay: str) -> None:
    topics = {t["spec"]["topicName"]: t for t in of_kind(overlay, "KafkaTopic")}
    for scaled in of_kind(overlay, "ScaledObject"):
        spec = scaled["spec"]
        deployment = one(overlay, "Deployment", spec["scaleTargetRef"]["name"])
        service = service_of(deployment)
        (container,) = pod_spec(deployment)["containers"]
        env = config_map_env(overlay, container)
        groups = {c.name: {t.name for t in c.topics} for c in consumer_specs(service)}
        assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
        kafka = [t for t in spec["triggers"] if t["type"] == "kafka"]
        assert kafka, scaled["metadata"]["name"]
        for trigger in kafka:
            meta = trigger["metadata"]
            assert meta["topic"] in groups[meta["consumerGroup"]], meta
            assert spec["maxReplicaCount"] <= PARTITIONS[meta["topic"]], meta["topic"]
            assert spec["maxReplicaCount"] <= topics[meta["topic"]]["spec"]["partitions"]
            assert meta["bootstrapServers"] == env[f"{service.upper()}_KAFKA_BOOTSTRAP_SERVERS"]
            assert meta["allowIdleConsumers"] == "false"
            assert meta["offsetResetPolicy"] == "earliest"
        # Each scale step is a rebalance: slow down, one pod at a time.
        behavior = spec["advanced"]["horizontalPodAutoscalerConfig"]["behavior"]
        assert behavior["scaleDown"]["stabilizationWindowSeconds"] >= 300
        assert behavior["scaleUp"]["stabilizationWindowSeconds"] >= 30
        assert all(p["value"] == 1 for p in behavior["scaleDown"]["policies"])


@overlays
def test_ingest_scales_on_cpu_with_slow_scale_down(overlay: str) -> None:
    hpa = one(overlay, "HorizontalPodAutoscaler", "reviewloop-ingest")
    spec = hpa["spec"]
    assert 1 <= spec["minReplicas"] <= spec["maxReplicas"]
    assert [m["resource"]["name"] for m in spec["metrics"]] == ["cpu"]
    assert spec["behavior"]["scaleDown"]["stabilizationWindowSeconds"] >= 300
    # ingest's consumers ride along: they do not bound its replicas, and it has no role of
    # consumers alone that KEDA could scale instead.
    assert {c.name for c in consumer_specs("ingest")} == {
        "ingest.survey-reviews",
        "ingest.data-exports",
        "ingest.shop-connectors",
    }


# -- topics ---------------------------------------------------------------------------------------


@overlays
def test_strimzi_topics_are_exactly_the_products_topics(overlay: str) -> None:
    topics = of_kind(overlay, "KafkaTopic")
    assert {t["spec"]["topicName"]: t["spec"]["partitions"] for t in topics} == PARTITIONS
    for topic in topics:
        spec = topic["spec"]
        assert topic["metadata"]["name"] == spec["topicName"]
        min_isr = int(spec["config"]["min.insync.replicas"])
        if overlay == "prod":
            # One broker may be down (rolling broker restarts) and writes still succeed.
            assert spec["replicas"] >= 3 and spec["replicas"] > min_isr >= 2
        retention_ms = int(spec["config"]["retention.ms"])
        if spec["topicName"].endswith(".dlq"):
            # A replay within the DLQ's retention is still deduplicated by every inbox.
            assert retention_ms <= INBOX_RETENTION.total_seconds() * 1000
            assert retention_ms >= 7 * 86_400_000
        # A service that creates the topic itself (no Strimzi) gives it the same configs.
        created = creation_configs(SPECS[spec["topicName"]], spec["replicas"])
        assert created == spec["config"]


def test_every_manifest_file_is_listed_in_a_kustomization() -> None:
    files = sorted(p.relative_to(K8S) for p in K8S.rglob("*.yaml"))
    listed: set[Path] = set()
    for folder in [Path("base"), *(Path("overlays") / o for o in OVERLAYS)]:
        kustomization = yaml.safe_load((K8S / folder / "kustomization.yaml").read_text())
        listed |= {folder / r for r in kustomization["resources"] if r.endswith(".yaml")}
    for path in files:
        if path.name == "kustomization.yaml":
            continue
        assert path in listed, f"{path} is not in its kustomization.yaml"


# -- network policies and the Ingress -------------------------------------------------------------

CONTROLLER_NAMESPACE = "ingress-nginx"
MONITORING_NAMESPACE = "monitoring"
# Services the outside reaches through the Ingress: webhooks and the orders API, the survey and
# unsubscribe pages behind the emails' links, the support staff's API, the storefront's public
# reviews API and widget.
PUBLIC = {"ingest", "survey", "responder", "storefront"}
SMTP_SENDERS = {"survey", "notifier"}
# Platform APIs (ingest's order fetches and reviews, responder's replies), webhook receivers.
HTTPS_CALLERS = {"ingest", "notifier", "responder"}
# The responder's console calls these services' APIs (RESPONDER_<SERVICE>_URL), pod to pod.
CONSOLE_PEERS = {"ingest", "survey", "notifier"}
PRIVATE_RANGES = {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"}
DNS = {("UDP", 53), ("TCP", 53)}
# Strimzi's plain and TLS listeners: the services use one of them (their bootstrap address).
KAFKA_PORT = 9092
KAFKA_TLS_PORT = 9093


def selects(policy: Obj, labels: dict[str, str]) -> bool:
    selector = policy["spec"]["podSelector"]
    if not selector.get("matchLabels", {}).items() <= labels.items():
        return False
    for expr in selector.get("matchExpressions", []):
        key, op = expr["key"], expr["operator"]
        if op == "In" and labels.get(key) not in expr["values"]:
            return False
        if op == "NotIn" and labels.get(key) in expr["values"]:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


def policies_for(overlay: str, workload: Obj) -> list[Obj]:
    labels = workload["spec"]["template"]["metadata"]["labels"]
    return [p for p in of_kind(overlay, "NetworkPolicy") if selects(p, labels)]


def rules(policies: list[Obj], direction: str) -> list[Obj]:
    """Ingress or egress rules of the policies that restrict that direction."""
    kind = direction.capitalize()
    return [
        r
        for p in policies
        if kind in p["spec"]["policyTypes"]
        for r in p["spec"].get(direction, [])
    ]


def ports_of(rule: Obj) -> set[tuple[str, int | str]]:
    # A rule without ports would open every port: none of ours has one.
    assert rule.get("ports"), rule
    return {(p.get("protocol", "TCP"), p["port"]) for p in rule["ports"]}


def port_of(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


@overlays
def test_every_pod_is_under_a_default_deny(overlay: str) -> None:
    denies = [
        p
        for p in of_kind(overlay, "NetworkPolicy")
        if set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
        and not p["spec"].get("ingress")
        and not p["spec"].get("egress")
    ]
    assert denies
    for workload in workloads(overlay):
        labels = workload["spec"]["template"]["metadata"]["labels"]
        assert any(selects(d, labels) for d in denies), workload["metadata"]["name"]
        # Both directions are restricted for every pod, whatever else selects it.
        types = {t for p in policies_for(overlay, workload) for t in p["spec"]["policyTypes"]}
        assert types == {"Ingress", "Egress"}, workload["metadata"]["name"]


@overlays
def test_egress_is_exactly_what_each_workload_needs(overlay: str) -> None:
    for workload in workloads(overlay):
        name = workload["metadata"]["name"]
        env: dict[str, str] = {}
        for container in all_containers(workload):
            env.update(config_map_env(overlay, container))
        egress = rules(policies_for(overlay, workload), "egress")
        allowed = set().union(*(ports_of(r) for r in egress))
        db_ports = {("TCP", int(v)) for k, v in env.items() if k.endswith("_DB_PORT")}
        expected = DNS | db_ports
        if workload["kind"] == "Deployment":
            service = service_of(workload)
            prefix = service.upper() + "_"
            if service not in WITHOUT_KAFKA:
                kafka = port_of(env[prefix + "KAFKA_BOOTSTRAP_SERVERS"])
                assert ("TCP", kafka) in allowed, (overlay, name, kafka)
                expected |= {("TCP", KAFKA_PORT), ("TCP", KAFKA_TLS_PORT)}
            if service in SMTP_SENDERS:
                smtp = int(env[prefix + "SMTP_PORT"])
                assert ("TCP", smtp) in allowed, (overlay, service, smtp)
                expected |= {p for r in egress for p in ports_of(r) if ("TCP", smtp) in ports_of(r)}
            if service in HTTPS_CALLERS:
                expected.add(("TCP", 443))
            if service == "responder":
                for peer in CONSOLE_PEERS:
                    port = port_of(env[f"RESPONDER_{peer.upper()}_URL"])
                    peer_rules = [r for r in egress if ("TCP", port) in ports_of(r)]
                    # Only to that service's pods, and only on its port.
                    assert [r["to"] for r in peer_rules] == [
                        [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": peer}}}]
                    ], (overlay, peer)
                    assert ports_of(peer_rules[0]) == {("TCP", port)}
                    expected.add(("TCP", port))
        else:
            assert db_ports == {("TCP", 5432)}, name
        assert allowed == expected, (overlay, name, allowed ^ expected)


@overlays
def test_https_egress_reaches_only_public_addresses(overlay: str) -> None:
    for policy in of_kind(overlay, "NetworkPolicy"):
        for rule in policy["spec"].get("egress", []):
            if ("TCP", 443) not in ports_of(rule):
                continue
            # A URL a shop typed must not lead to the cluster or the cloud's metadata service.
            assert rule.get("to"), policy["metadata"]["name"]
            for peer in rule["to"]:
                block = peer["ipBlock"]
                if block["cidr"] == "0.0.0.0/0":
                    assert PRIVATE_RANGES <= set(block["except"])
                else:
                    assert block["cidr"] == "::/0" and "fc00::/7" in block["except"]


@overlays
def test_ingress_only_from_the_controller_and_monitoring(overlay: str) -> None:
    for workload in workloads(overlay):
        name = workload["metadata"]["name"]
        sources: set[str] = set()
        for rule in rules(policies_for(overlay, workload), "ingress"):
            # Never from anywhere: every rule names its sources, and only the http port.
            assert rule.get("from"), name
            assert ports_of(rule) == {("TCP", "http")}, name
            for peer in rule["from"]:
                if set(peer) == {"podSelector"}:
                    # Pods of this namespace: only the responder's (its console's calls).
                    assert peer["podSelector"] == {
                        "matchLabels": {"app.kubernetes.io/name": "responder"}
                    }, (name, peer)
                    sources.add("pods:responder")
                    continue
                assert set(peer) == {"namespaceSelector"}, (name, peer)
                sources.add(peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"])
        if workload["kind"] == "Job":
            assert sources == set(), name
            continue
        expected = {MONITORING_NAMESPACE}
        if service_of(workload) in PUBLIC:
            expected.add(CONTROLLER_NAMESPACE)
        if service_of(workload) in CONSOLE_PEERS:
            expected.add("pods:responder")
        assert sources == expected, (name, sources)


def nginx_size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    suffix = value[-1].lower()
    return int(value[:-1]) * units[suffix] if suffix in units else int(value)


def test_prod_ingress_serves_the_public_services_over_tls_within_their_body_limits() -> None:
    ingresses = of_kind("prod", "Ingress")
    routed: set[str] = set()
    for ingress in ingresses:
        spec = ingress["spec"]
        assert spec["ingressClassName"]
        tls_hosts = {h for t in spec["tls"] for h in t["hosts"]}
        assert all(t["secretName"] for t in spec["tls"])
        services = set()
        for rule in spec["rules"]:
            assert rule["host"] in tls_hosts, rule["host"]
            for path in rule["http"]["paths"]:
                # Operator API, metrics and docs stay inside the cluster.
                assert not path["path"].startswith(("/v1/admin", "/metrics", "/docs")), path
                backend = path["backend"]["service"]
                svc = one("prod", "Service", backend["name"])
                assert backend["port"]["name"] in {p["name"] for p in svc["spec"]["ports"]}
                services.add(svc["metadata"]["labels"]["app.kubernetes.io/name"])
        (service,) = services
        routed.add(service)
        deployment = one("prod", "Deployment", f"reviewloop-{service}")
        (container,) = pod_spec(deployment)["containers"]
        env = config_map_env("prod", container)
        limit = int(
            env.get(
                f"{service.upper()}_HTTP_MAX_BODY_BYTES",
                SETTINGS[service].model_fields["http_max_body_bytes"].default,
            )
        )
        size = ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"]
        assert nginx_size(size) == limit, (service, size, limit)
    assert routed == PUBLIC
    assert not of_kind("dev", "Ingress")


def test_the_policy_rules_are_not_vacuous() -> None:
    deny = one("prod", "NetworkPolicy", "reviewloop-default-deny")
    assert selects(deny, {"app.kubernetes.io/part-of": "reviewloop", "x": "y"})
    assert not selects(deny, {"app.kubernetes.io/name": "ingest"})
    metrics = one("prod", "NetworkPolicy", "reviewloop-metrics")
    assert selects(metrics, {"app.kubernetes.io/name": "survey"})
    assert not selects(metrics, {"app.kubernetes.io/name": "migrate"})
    assert nginx_size("1m") == 1024 * 1024 and nginx_size("512k") == 512 * 1024


# -- Kafka TLS and SASL -------------------------------------------------------------------------

KEDA_SASL = {"PLAIN": "plaintext", "SCRAM-SHA-256": "scram_sha256", "SCRAM-SHA-512": "scram_sha512"}


@overlays
def test_kafka_tls_and_sasl_are_wired_for_the_services_and_keda(overlay: str) -> None:
    for deployment in of_kind(overlay, "Deployment"):
        service = service_of(deployment)
        prefix = service.upper() + "_"
        spec = pod_spec(deployment)
        (container,) = spec["containers"]
        env = config_map_env(overlay, container)
        if service in WITHOUT_KAFKA:
            continue
        protocol = env.get(prefix + "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
        sasl = protocol.startswith("SASL_")
        tls = protocol in ("SSL", "SASL_SSL")
        if overlay == "prod":
            # Production encrypts and authenticates its Kafka traffic.
            assert protocol == "SASL_SSL", service
        if sasl:
            assert env[prefix + "KAFKA_SASL_USERNAME"], service
            secret, _, optional = secret_refs(container)[prefix + "KAFKA_SASL_PASSWORD"]
            assert secret == f"reviewloop-{service}" and not optional
        ca_file = env.get(prefix + "KAFKA_SSL_CA_FILE")
        if ca_file:
            assert tls, service
            volumes = {v["name"]: v for v in spec["volumes"]}
            mounts = [
                m for m in container["volumeMounts"] if Path(ca_file).is_relative_to(m["mountPath"])
            ]
            assert len(mounts) == 1 and mounts[0]["readOnly"] is True, service
            assert "secret" in volumes[mounts[0]["name"]], service
        mechanism = env.get(prefix + "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
        for scaled in of_kind(overlay, "ScaledObject"):
            if scaled["spec"]["scaleTargetRef"]["name"] != deployment["metadata"]["name"]:
                continue
            for trigger in [t for t in scaled["spec"]["triggers"] if t["type"] == "kafka"]:
                meta = trigger["metadata"]
                # KEDA reaches the brokers the way the consumers it measures do.
                assert meta.get("tls", "disable") == ("enable" if tls else "disable"), service
                assert meta.get("sasl", "none") == (KEDA_SASL[mechanism] if sasl else "none")
                if not (sasl or ca_file):
                    continue
                auth = one(overlay, "TriggerAuthentication", trigger["authenticationRef"]["name"])
                parameters = {r["parameter"] for r in auth["spec"]["secretTargetRef"]}
                needed = ({"username", "password"} if sasl else set()) | (
                    {"ca"} if ca_file else set()
                )
                assert needed <= parameters, (service, parameters)
