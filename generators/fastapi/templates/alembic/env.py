"""Alembic environment. The app hands over its connection when it migrates at start (app/db.py); the
`alembic` command line (revision --autogenerate, check, upgrade) connects to DATABASE_URL itself."""

from __future__ import annotations

import asyncio
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection

from app.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == 'sqlite',
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_from_command_line() -> None:
    from app.config import load_settings
    from app.db import Database

    db = Database(load_settings().effective_database_url)
    try:
        async with db.engine.begin() as connection:
            await connection.run_sync(run)
    finally:
        await db.close()


connection = config.attributes.get('connection')
if connection is not None:
    run(connection)
else:
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    asyncio.run(run_from_command_line())
