"""`python -m app`: validate the configuration (one clear line per bad value, then exit 1), open the
database, apply pending migrations, then serve on PORT with uvicorn."""

from __future__ import annotations

import asyncio
import logging
import sys

import uvicorn

from .config import ConfigError, load_settings
from .db import Database
from .logs import setup_logging
from .main import create_app

log = logging.getLogger('app')


def fail(message: str) -> None:
    sys.stderr.write(f'{message}\n')
    raise SystemExit(1)


async def prepare(db: Database, migrate: bool) -> None:
    try:
        if migrate:
            await db.migrate()
            log.info('migrations applied')
        else:
            await db.ping()
    finally:
        await db.engine.dispose()  # uvicorn runs its own event loop; the pool starts afresh there


def main() -> None:
    try:
        settings = load_settings()
    except ConfigError as error:
        fail(str(error))
        return
    setup_logging(settings.log_level)
    if not settings.database_url:
        log.warning(
            'DATABASE_URL is not set: using the local SQLite file at %s. Set DATABASE_URL for a real server.',
            settings.effective_database_url,
        )
    if not settings.clerk_jwt_key and not settings.clerk_secret_key:
        log.warning('CLERK_JWT_KEY and CLERK_SECRET_KEY are not set: authenticated routes answer 503 NOT_CONFIGURED')
    db = Database(settings.effective_database_url)
    try:
        asyncio.run(prepare(db, settings.db_migrate_on_start))
    except Exception as error:  # noqa: BLE001 - one line, no stack trace
        log.error('the database is unavailable', extra={'detail': str(error).splitlines()[0] if str(error) else type(error).__name__})
        fail(f'Cannot use the database at DATABASE_URL: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ""}')
        return
    log.info('listening on http://localhost:%s', settings.port, extra={'env': settings.environment})
    uvicorn.run(
        create_app(settings, db),
        host='0.0.0.0',
        port=settings.port,
        log_config=None,
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=10,
    )


if __name__ == '__main__':
    main()
