"""The database layer: engines, sessions, schema checks, migrations and backups. Nothing else knows a connection string."""
