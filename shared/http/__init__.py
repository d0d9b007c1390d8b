"""HTTP pieces every service shares: app factory, probes, auth, correlation ids."""
