"""Caps that hold across replicas: numbered slots leased in the service's own schema."""
