"""Local users: created by /auth/sync or by an ADMIN, kept in step with Clerk by its webhooks.
The organization and role always come from here, never from token claims."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ..db import Database, is_unique_violation
from ..errors import conflict, not_found
from ..models import Organization, User, now
from ..pagination import newest_first, older_than, to_page
from .organizations import lock_organization


async def find_by_clerk_id(session: AsyncSession, clerk_id: str) -> User | None:
    return (await session.execute(select(User).where(User.clerk_id == clerk_id))).scalar_one_or_none()


async def _profile(session: AsyncSession, user: User) -> dict[str, Any]:
    org = await session.get(Organization, user.organization_id) if user.organization_id else None
    return {'user': user, 'organization': org}


async def get_profile(db: Database, clerk_id: str) -> dict[str, Any]:
    async with db.transaction() as session:
        user = await find_by_clerk_id(session, clerk_id)
        if user is None:
            raise not_found('user (call POST /auth/sync first)')
        return await _profile(session, user)


async def _upsert(session: AsyncSession, db: Database, clerk_id: str, email: str) -> User:
    """INSERT … ON CONFLICT (clerk_id) DO UPDATE SET email: one statement, safe under concurrent syncs."""
    insert = sqlite_insert if db.is_sqlite else pg_insert
    moment = now()
    statement = (
        insert(User)
        .values(id=uuid.uuid4(), clerk_id=clerk_id, email=email, created_at=moment, updated_at=moment)
        .on_conflict_do_update(index_elements=[User.clerk_id], set_={'email': email, 'updated_at': moment})
        .returning(User)
    )
    return (await session.execute(statement, execution_options={'populate_existing': True})).scalar_one()


async def sync_user(db: Database, clerk_id: str, email: str, organization_name: str | None) -> dict[str, Any]:
    """Creates or updates the caller's local user; a user without an organization may found one."""
    async with db.transaction() as session:
        user = await _upsert(session, db, clerk_id, email)
        if organization_name and user.organization_id is None:
            org = Organization(name=organization_name)
            session.add(org)
            await session.flush()
            # Only if still without one: a concurrent sync may have been first (then our organization goes).
            founded = await session.execute(
                update(User)
                .where(User.id == user.id, User.organization_id.is_(None))
                .values(organization_id=org.id, role='ADMIN', updated_at=now())
                .returning(User),
                execution_options={'populate_existing': True},
            )
            if founded.scalar_one_or_none() is None:
                await session.delete(org)
                user = await find_by_clerk_id(session, clerk_id) or user
        return await _profile(session, user)


async def list_users(db: Database, organization_id: uuid.UUID, limit: int, cursor: str | None) -> dict[str, Any]:
    condition = older_than(User, cursor)
    query = select(User).where(User.organization_id == organization_id)
    if condition is not None:
        query = query.where(condition)
    async with db.transaction() as session:
        rows = (await session.execute(query.order_by(*newest_first(User)).limit(limit + 1))).scalars().all()
    return to_page(rows, limit, lambda row: row)


async def add_member(db: Database, organization_id: uuid.UUID, clerk_id: str, email: str, role: str) -> User:
    try:
        async with db.transaction() as session:
            user = User(clerk_id=clerk_id, email=email, role=role, organization_id=organization_id)
            session.add(user)
            await session.flush()
    except IntegrityError as error:
        if is_unique_violation(error):
            raise conflict('clerkId: a user with this clerkId already exists') from None
        raise
    return user


async def _target(session: AsyncSession, organization_id: uuid.UUID, user_id: uuid.UUID, leaves_admin_role: bool) -> User:
    """The member, unless the change would leave the organization without an ADMIN."""
    await lock_organization(session, organization_id)
    target = (
        await session.execute(select(User).where(User.id == user_id, User.organization_id == organization_id))
    ).scalar_one_or_none()
    if target is None:
        raise not_found('user')
    if target.role == 'ADMIN' and leaves_admin_role:
        admins = await session.scalar(
            select(func.count()).select_from(User).where(and_(User.organization_id == organization_id, User.role == 'ADMIN'))
        )
        if (admins or 0) <= 1:
            raise conflict('the last ADMIN of an organization cannot be demoted or removed')
    return target


async def change_role(db: Database, organization_id: uuid.UUID, user_id: uuid.UUID, role: str) -> User:
    async with db.transaction() as session:
        target = await _target(session, organization_id, user_id, role != 'ADMIN')
        target.role = role
        await session.flush()
    return target


async def remove_member(db: Database, organization_id: uuid.UUID, user_id: uuid.UUID) -> None:
    async with db.transaction() as session:
        await _target(session, organization_id, user_id, True)
        await session.execute(delete(User).where(User.id == user_id))


async def upsert_from_clerk(db: Database, clerk_id: str, email: str) -> None:
    """Clerk webhooks: user.created / user.updated."""
    async with db.transaction() as session:
        await _upsert(session, db, clerk_id, email)


async def delete_by_clerk_id(db: Database, clerk_id: str) -> None:
    """Clerk webhooks: user.deleted. An organization's last ADMIN goes too: Clerk no longer knows them."""
    async with db.transaction() as session:
        await session.execute(delete(User).where(User.clerk_id == clerk_id))
