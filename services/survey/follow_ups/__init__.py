"""Case follow-ups: one email per resolved case, asking the customer how it went (issue 7)."""
