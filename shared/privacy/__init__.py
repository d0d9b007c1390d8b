"""What every service holding personal data does the same way for a GDPR request."""
