"""Moderation notices: one email to a reviewer whose survey review was rejected for publication,
saying which review and why (issue 20)."""
