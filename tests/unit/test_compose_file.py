"""docker-compose.yml cannot run here (no Docker engine); keep it honest against the code."""

import importlib.util
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.responder.settings import ResponderSettings
from services.responder.storefront.settings import StorefrontSettings
from services.survey.settings import SurveySettings
from shared.db.provision import SERVICES

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SETTINGS = {
    "ingest": IngestSettings,
    "survey": SurveySettings,
    "notifier": NotifierSettings,
    "responder": ResponderSettings,
}


def test_every_service_of_the_product_is_in_compose() -> None:
    assert set(SERVICES) <= set(COMPOSE["services"])
    assert {"postgres", "kafka", "mailpit", "provision"} <= set(COMPOSE["services"])


@pytest.mark.parametrize("name", SERVICES)
def test_service_command_module_exists(name: str) -> None:
    command = COMPOSE["services"][name]["command"]
    assert command[:2] == ["python", "-m"]
    assert importlib.util.find_spec(command[2]) is not None
    assert command[2] == f"services.{name}"


@pytest.mark.parametrize("name", SERVICES)
def test_every_env_var_is_a_settings_field_and_ports_agree(name: str) -> None:
    svc = COMPOSE["services"][name]
    cls = SETTINGS[name]
    prefix = name.upper() + "_"
    env = svc["environment"]
    for key in env:
        assert key.startswith(prefix), key
        assert key[len(prefix) :].lower() in cls.model_fields, key
    port = int(env[prefix + "HTTP_PORT"])
    assert port == cls.model_fields["http_port"].default
    assert f"{port}:{port}" in svc["ports"]
    assert str(port) in " ".join(svc["healthcheck"]["test"])
    # Hosts named in the environment are services of the compose file.
    assert env[prefix + "DB_HOST"] in COMPOSE["services"]
    assert env[prefix + "KAFKA_BOOTSTRAP_SERVERS"].split(":")[0] in COMPOSE["services"]
    if prefix + "SMTP_HOST" in env:
        assert env[prefix + "SMTP_HOST"] in COMPOSE["services"]
    # The peers the responder's console calls: a service of the compose file, on its port.
    for peer in ("ingest", "survey", "notifier") if name == "responder" else ():
        url = urlsplit(env[f"RESPONDER_{peer.upper()}_URL"])
        assert url.hostname == peer, url
        assert f"{url.port}:{url.port}" in COMPOSE["services"][peer]["ports"], url


def test_provision_step_uses_the_variables_the_code_reads() -> None:
    provision = COMPOSE["services"]["provision"]
    assert importlib.util.find_spec(provision["command"][2]) is not None
    source = (ROOT / "shared" / "db" / "provision.py").read_text()
    for key in provision["environment"]:
        assert key in source, key


def test_migrate_step_runs_before_every_service_with_their_settings() -> None:
    migrate = COMPOSE["services"]["migrate"]
    assert migrate["command"][:4] == ["python", "-m", "services.cli", "migrate"]
    assert importlib.util.find_spec(migrate["command"][2]) is not None
    assert migrate["depends_on"]["provision"]["condition"] == "service_completed_successfully"
    prefixes = {f"{name.upper()}_": settings for name, settings in SETTINGS.items()}
    for key in migrate["environment"]:
        prefix = key.split("_", 1)[0] + "_"
        assert key.removeprefix(prefix).lower() in prefixes[prefix].model_fields, key
    for name in SERVICES:
        wait = COMPOSE["services"][name]["depends_on"]["migrate"]
        assert wait["condition"] == "service_completed_successfully", name


def test_images_are_built_from_the_dockerfile_here() -> None:
    assert (ROOT / "Dockerfile").exists()
    for name in (*SERVICES, "provision", "migrate"):
        assert COMPOSE["services"][name]["build"] == "."


def test_the_storefront_runs_read_only_on_its_port_without_kafka() -> None:
    svc = COMPOSE["services"]["storefront"]
    assert svc["build"] == "."
    assert svc["command"] == ["python", "-m", "services.responder.storefront"]
    assert importlib.util.find_spec(svc["command"][2]) is not None
    env = svc["environment"]
    for key in env:
        assert key.startswith("STOREFRONT_"), key
        assert key.removeprefix("STOREFRONT_").lower() in StorefrontSettings.model_fields, key
    port = int(env["STOREFRONT_HTTP_PORT"])
    assert port == StorefrontSettings.model_fields["http_port"].default == 8005
    assert f"{port}:{port}" in svc["ports"]
    assert str(port) in " ".join(svc["healthcheck"]["test"])
    assert env["STOREFRONT_DB_HOST"] in COMPOSE["services"]
    assert not any("KAFKA" in key for key in env)
    # The responder's migrations (the migrate step) are in place before it reads.
    assert svc["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
