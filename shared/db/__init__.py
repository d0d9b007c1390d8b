"""PostgreSQL access: pool, migrations, provisioning of per-service roles and schemas."""
