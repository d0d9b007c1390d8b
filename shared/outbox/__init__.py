"""Transactional outbox: events written with the state change, published by a relay."""
