from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ..db import Database, is_unique_violation
from ..errors import conflict, not_found
from ..models import Organization


async def get_organization(db: Database, organization_id: uuid.UUID) -> Organization:
    async with db.transaction() as session:
        org = await session.get(Organization, organization_id)
    if org is None:
        raise not_found('organization')
    return org


async def update_organization(db: Database, organization_id: uuid.UUID, change: dict[str, Any]) -> Organization:
    if not change:
        return await get_organization(db, organization_id)
    try:
        async with db.transaction() as session:
            org = await session.get(Organization, organization_id)
            if org is None:
                raise not_found('organization')
            for key, value in change.items():
                setattr(org, key, value)
            await session.flush()
    except IntegrityError as error:
        if is_unique_violation(error):
            raise conflict('domain: another organization already uses this domain') from None
        raise
    return org


async def lock_organization(session: AsyncSession, organization_id: uuid.UUID) -> None:
    """Takes the organization's row lock until the transaction ends, so that rules spanning several rows
    ("the last ADMIN stays") are checked by one transaction at a time, on PostgreSQL and SQLite alike."""
    await session.execute(
        update(Organization).where(Organization.id == organization_id).values(updated_at=Organization.updated_at)
    )
