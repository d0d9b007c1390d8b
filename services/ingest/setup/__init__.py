"""A shop's readiness checklist: what the loop still misses for it, and why that matters."""
