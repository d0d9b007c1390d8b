"""Kafka plumbing: producer, consumer runner with inbox and dead letters, topic admin."""
