"""The inbox: which events each consumer has handled already (SQL in repository.py)."""
