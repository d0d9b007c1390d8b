"""Sending email over SMTP, for every service that does."""
