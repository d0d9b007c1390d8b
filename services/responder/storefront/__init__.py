"""The public, read-only side of the responder's schema: what shoppers see (issue 20). Runs as
its own process and Deployment (`python -m services.responder.storefront`), so storefront traffic
scales apart from the staff API and never touches Kafka."""
