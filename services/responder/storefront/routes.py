"""Every router of the storefront process; each area fills in its own `endpoints.py`."""

from fastapi import APIRouter

from services.responder.storefront.disclosure.endpoints import router as disclosure
from services.responder.storefront.feed.endpoints import router as feed
from services.responder.storefront.reviews.endpoints import router as reviews
from services.responder.storefront.structured_data.endpoints import router as structured_data
from services.responder.storefront.widget.endpoints import router as widget

ROUTERS: tuple[APIRouter, ...] = (reviews, widget, structured_data, feed, disclosure)
