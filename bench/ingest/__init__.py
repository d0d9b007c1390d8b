"""Signed Shopify `orders/create` webhooks through the real ingest service into Kafka, measured
side by side with a bare FastAPI endpoint on the same server settings (the ceiling).

Run with `python -m bench.ingest`; see bench/README.md.
"""
