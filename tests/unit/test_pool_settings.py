"""Session settings every pooled connection of a service starts with."""

from services.ingest.settings import IngestSettings
from services.responder.settings import ResponderSettings
from shared.db.pool import _server_settings


def test_each_service_is_pinned_to_its_schema() -> None:
    assert _server_settings(IngestSettings())["search_path"] == "ingest"


def test_the_responder_runs_without_parallel_workers_and_others_keep_the_servers() -> None:
    assert _server_settings(ResponderSettings())["max_parallel_workers_per_gather"] == "0"
    assert "max_parallel_workers_per_gather" not in _server_settings(IngestSettings())
