"""python -m services.responder.storefront"""

import uvicorn

from services.responder.storefront.app import build
from services.responder.storefront.settings import StorefrontSettings
from shared import tracing
from shared.http.server import deadline_protocol
from shared.logging import configure_logging


def main() -> None:
    settings = StorefrontSettings()
    app = build(settings)
    configure_logging("storefront", settings.log_level)
    if tracing.configure_tracing(settings):
        tracing.instrument_app(app)
    # As shared.http.app.serve, which needs a Runtime this process does not have.
    uvicorn.run(
        app,
        host=settings.http_host,
        port=settings.http_port,
        log_config=None,
        access_log=False,
        http=deadline_protocol(settings.http_head_timeout_s, settings.http_body_timeout_s),
        timeout_keep_alive=settings.http_keep_alive_s,
        timeout_graceful_shutdown=5,
    )


if __name__ == "__main__":
    main()
