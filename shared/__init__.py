"""Reviewloop's common package: settings, event contracts, Kafka, Postgres, outbox, logging."""
