"""Alembic environment: runs on the connection the application hands over; batch mode for SQLite's ALTER TABLE."""

from alembic import context
from sqlmodel import SQLModel

import registry.tabellen  # noqa: F401  (registers the tables on SQLModel.metadata)

verbinding = context.config.attributes.get("connection")
if verbinding is None:
    raise RuntimeError("Migraties draaien via db.migreren, met een open verbinding.")

context.configure(
    connection=verbinding,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
