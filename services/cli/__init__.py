"""`reviewloop`: the operator command line (migrations, shops, users, dead letters, GDPR,
reconciliation, lag and backlog). See docs/operations.md, section "Operator CLI"."""
