"""The database: SQLAlchemy 2 async engine for PostgreSQL (asyncpg, Neon included) or SQLite (aiosqlite).

`DATABASE_URL` stays in the form users know (`postgres://…`, `postgresql://…`, `file:PATH`); it is
converted here to the async driver SQLAlchemy needs. Migrations (Alembic) run at start, safely when
several instances start at once: a PostgreSQL advisory lock, or SQLite's write lock (BEGIN IMMEDIATE).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Any constant shared by every instance of this app: 'mvp-backend:migrate' as a 64-bit number.
MIGRATION_LOCK = 7_305_847_221_904_331


def to_sqlalchemy_url(url: str) -> tuple[str, dict[str, Any]]:
    """`postgres://…?sslmode=require` → (`postgresql+asyncpg://…`, {'ssl': 'require'}); `file:x.db` → sqlite."""
    if url.startswith('file:'):
        path = url.removeprefix('file:').removeprefix('//')
        return f'sqlite+aiosqlite:///{path}', {}
    parts = urlsplit(url)
    scheme = 'postgresql+asyncpg'
    query = dict(parse_qsl(parts.query))
    connect_args: dict[str, Any] = {}
    # libpq options asyncpg does not take as such (Neon's URLs carry them).
    sslmode = query.pop('sslmode', None)
    query.pop('channel_binding', None)
    if sslmode:
        connect_args['ssl'] = sslmode
    return urlunsplit((scheme, parts.netloc, parts.path, urlencode(query), parts.fragment)), connect_args


class Database:
    """The engine, a session factory and the few things every service needs from the database."""

    def __init__(self, url: str) -> None:
        self.url = url
        sa_url, connect_args = to_sqlalchemy_url(url)
        self.is_sqlite = sa_url.startswith('sqlite')
        if self.is_sqlite:
            path = Path(sa_url.removeprefix('sqlite+aiosqlite:///'))
            path.parent.mkdir(parents=True, exist_ok=True)
            self.engine: AsyncEngine = create_async_engine(sa_url, connect_args={'timeout': 30})
            _sqlite_write_lock_per_transaction(self.engine)
        else:
            self.engine = create_async_engine(sa_url, connect_args=connect_args, pool_size=10, max_overflow=10, pool_pre_ping=True)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in a transaction: committed when the block ends, rolled back when it raises."""
        async with self.sessions.begin() as session:
            yield session

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text('select 1'))

    async def migrate(self) -> None:
        """Applies pending Alembic migrations (alembic/versions) under a lock that other instances wait for."""
        from alembic import command
        from alembic.config import Config

        config = Config(str(PROJECT_ROOT / 'alembic.ini'))
        config.set_main_option('script_location', str(PROJECT_ROOT / 'alembic'))

        def upgrade(connection: Any) -> None:
            config.attributes['connection'] = connection
            command.upgrade(config, 'head')

        async with self.engine.begin() as connection:
            if not self.is_sqlite:
                # Held until this transaction ends; PostgreSQL runs DDL inside transactions.
                await connection.execute(text('select pg_advisory_xact_lock(:key)'), {'key': MIGRATION_LOCK})
            await connection.run_sync(upgrade)

    async def close(self) -> None:
        await self.engine.dispose()


def _sqlite_write_lock_per_transaction(engine: AsyncEngine) -> None:
    """Every transaction starts with BEGIN IMMEDIATE: SQLite's one writer is taken up front, so concurrent
    transactions wait (busy timeout) instead of failing when a reader later wants to write. WAL lets
    readers outside transactions go on meanwhile."""

    @event.listens_for(engine.sync_engine, 'connect')
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute('PRAGMA journal_mode=WAL')
        cursor.execute('PRAGMA foreign_keys=ON')
        cursor.execute('PRAGMA busy_timeout=30000')
        cursor.close()

    @event.listens_for(engine.sync_engine, 'begin')
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql('BEGIN IMMEDIATE')


def is_unique_violation(error: BaseException) -> bool:
    """True for a unique-constraint violation, on PostgreSQL (23505) or SQLite."""
    if not isinstance(error, IntegrityError):
        return False
    orig = error.orig
    code = getattr(orig, 'sqlstate', None) or getattr(orig, 'pgcode', None)
    return code == '23505' or 'UNIQUE constraint failed' in str(orig)


CONNECTION_ERRORS = (ConnectionError, OSError, asyncio.TimeoutError)


def is_connection_error(error: BaseException) -> bool:
    """True when the database is unreachable (the API answers 503 UNAVAILABLE)."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    seen = 0
    current: BaseException | None = error
    while current is not None and seen < 10:
        if isinstance(current, CONNECTION_ERRORS):
            return True
        if 'database is locked' in str(current) or 'unable to open database file' in str(current):
            return True
        current = current.__cause__ or current.__context__
        seen += 1
    return False
