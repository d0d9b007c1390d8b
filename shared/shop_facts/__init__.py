"""The shop facts every service keeps from `shop.updated` (SQL in repository.py)."""
