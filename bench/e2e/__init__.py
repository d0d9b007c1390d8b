"""End-to-end latency at sustained rates: a request into ingest until the email it causes is
accepted by an SMTP sink, through the four real services, PostgreSQL and Kafka."""
