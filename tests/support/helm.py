"""Offline checks of deploy/helm: render the chart with `helm template` (the helm the stack's
prerequisites build, deploy/local/packages.py) and minimal schemas of the custom resources only
the chart makes (Gateway API, Strimzi users, Prometheus rules, External Secrets)."""

import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from deploy.local.packages import ensure_helm
from tests.support.k8s import _METADATA, _NAME, CUSTOM_SCHEMAS, ROOT, Obj

CHART = ROOT / "deploy" / "helm" / "reviewloop"


def render(values: dict[str, Any], release: str = "reviewloop") -> list[Obj]:
    """`helm template <release> deploy/helm/reviewloop -f <values>`, parsed."""
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as handle:
        yaml.safe_dump(values, handle)
        path = Path(handle.name)
    try:
        done = subprocess.run(
            [str(ensure_helm()), "template", release, str(CHART), "-f", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "HELM_CACHE_HOME": tempfile.gettempdir()},
            check=False,
        )
    finally:
        path.unlink()
    if done.returncode != 0:
        raise HelmError(done.stderr.strip())
    return [doc for doc in yaml.safe_load_all(done.stdout) if doc]


class HelmError(AssertionError):
    pass


_STRING = {"type": "string", "minLength": 1}

HTTP_ROUTE_SCHEMA: Obj = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "gateway.networking.k8s.io/v1"},
        "kind": {"const": "HTTPRoute"},
        "metadata": _METADATA,
        "spec": {
            "type": "object",
            "required": ["parentRefs", "rules"],
            "properties": {
                "parentRefs": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["name"],
                        "properties": {
                            "name": _NAME,
                            "namespace": _STRING,
                            "sectionName": _STRING,
                            "port": {"type": "integer"},
                            "group": {"type": "string"},
                            "kind": _STRING,
                        },
                        "additionalProperties": False,
                    },
                },
                "hostnames": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "pattern": r"^(\*\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$",
                    },
                },
                "rules": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["backendRefs"],
                        "properties": {
                            "matches": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "path": {
                                            "type": "object",
                                            "required": ["type", "value"],
                                            "properties": {
                                                "type": {
                                                    "enum": [
                                                        "Exact",
                                                        "PathPrefix",
                                                        "RegularExpression",
                                                    ]
                                                },
                                                "value": {"type": "string", "pattern": "^/"},
                                            },
                                            "additionalProperties": False,
                                        }
                                    },
                                    "additionalProperties": False,
                                },
                            },
                            "backendRefs": {
                                "type": "array",
                                "minItems": 1,
                                "items": {
                                    "type": "object",
                                    "required": ["name", "port"],
                                    "properties": {
                                        "name": _NAME,
                                        "port": {"type": "integer", "minimum": 1},
                                        "weight": {"type": "integer"},
                                    },
                                    "additionalProperties": False,
                                },
                            },
                        },
                        "additionalProperties": False,
                    },
                },
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}

_ACL = {
    "type": "object",
    "required": ["resource", "operations"],
    "properties": {
        "resource": {
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {"enum": ["topic", "group", "cluster", "transactionalId"]},
                "name": _STRING,
                "patternType": {"enum": ["literal", "prefix"]},
            },
            "additionalProperties": False,
        },
        "operations": {
            "type": "array",
            "minItems": 1,
            "items": {
                "enum": [
                    "Read",
                    "Write",
                    "Create",
                    "Delete",
                    "Alter",
                    "Describe",
                    "ClusterAction",
                    "AlterConfigs",
                    "DescribeConfigs",
                    "IdempotentWrite",
                    "All",
                ]
            },
        },
        "host": {"type": "string"},
    },
    "additionalProperties": False,
}

KAFKA_USER_SCHEMA: Obj = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "kafka.strimzi.io/v1"},
        "kind": {"const": "KafkaUser"},
        "metadata": CUSTOM_SCHEMAS[("kafka.strimzi.io/v1", "KafkaTopic")]["properties"]["metadata"],
        "spec": {
            "type": "object",
            "properties": {
                "authentication": {
                    "type": "object",
                    "required": ["type"],
                    "properties": {"type": {"enum": ["scram-sha-512", "tls", "tls-external"]}},
                    "additionalProperties": False,
                },
                "authorization": {
                    "type": "object",
                    "required": ["type", "acls"],
                    "properties": {
                        "type": {"const": "simple"},
                        "acls": {"type": "array", "items": _ACL},
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}

PROMETHEUS_RULE_SCHEMA: Obj = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "monitoring.coreos.com/v1"},
        "kind": {"const": "PrometheusRule"},
        "metadata": _METADATA,
        "spec": {
            "type": "object",
            "required": ["groups"],
            "properties": {
                "groups": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["name", "rules"],
                        "properties": {
                            "name": _STRING,
                            "interval": {"type": "string"},
                            "rules": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["alert", "expr"],
                                    "properties": {
                                        "alert": _STRING,
                                        "expr": _STRING,
                                        "for": {"type": "string", "pattern": r"^\d+[smh]$"},
                                        "labels": {
                                            "type": "object",
                                            "additionalProperties": {"type": "string"},
                                        },
                                        "annotations": {
                                            "type": "object",
                                            "additionalProperties": {"type": "string"},
                                        },
                                    },
                                    "additionalProperties": False,
                                },
                            },
                        },
                        "additionalProperties": False,
                    },
                },
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}

EXTERNAL_SECRET_SCHEMA: Obj = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "external-secrets.io/v1"},
        "kind": {"const": "ExternalSecret"},
        "metadata": _METADATA,
        "spec": {
            "type": "object",
            "required": ["secretStoreRef", "target", "data"],
            "properties": {
                "refreshInterval": {"type": "string", "pattern": r"^\d+[smh]$"},
                "secretStoreRef": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": _NAME,
                        "kind": {"enum": ["SecretStore", "ClusterSecretStore"]},
                    },
                    "additionalProperties": False,
                },
                "target": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": _NAME,
                        "creationPolicy": {"enum": ["Owner", "Orphan", "Merge", "None"]},
                    },
                    "additionalProperties": False,
                },
                "data": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["secretKey", "remoteRef"],
                        "properties": {
                            "secretKey": _STRING,
                            "remoteRef": {
                                "type": "object",
                                "required": ["key"],
                                "properties": {"key": _STRING, "property": _STRING},
                                "additionalProperties": False,
                            },
                        },
                        "additionalProperties": False,
                    },
                },
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}

HELM_SCHEMAS: dict[tuple[str, str], Obj] = {
    **CUSTOM_SCHEMAS,
    ("gateway.networking.k8s.io/v1", "HTTPRoute"): HTTP_ROUTE_SCHEMA,
    ("kafka.strimzi.io/v1", "KafkaUser"): KAFKA_USER_SCHEMA,
    ("monitoring.coreos.com/v1", "PrometheusRule"): PROMETHEUS_RULE_SCHEMA,
    ("external-secrets.io/v1", "ExternalSecret"): EXTERNAL_SECRET_SCHEMA,
}


def validate_custom(obj: Obj) -> None:
    schema = HELM_SCHEMAS[(obj["apiVersion"], obj["kind"])]
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(obj)
