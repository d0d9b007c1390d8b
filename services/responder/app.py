"""Assembly of the responder service: its runtime (database, Kafka) and HTTP routes."""

from pathlib import Path

from fastapi import FastAPI

from services.responder.settings import ResponderSettings
from shared.http.app import create_app
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: ResponderSettings | None = None) -> tuple[FastAPI, Runtime]:
    runtime = Runtime(settings or ResponderSettings(), MIGRATIONS)
    return create_app(runtime, [], title="Reviewloop responder"), runtime
