from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..db import Database
from ..errors import not_found
from ..models import Report
from ..pagination import newest_first, older_than, to_page


async def list_reports(db: Database, organization_id: uuid.UUID, limit: int, cursor: str | None, status: str | None) -> dict[str, Any]:
    query = select(Report).where(Report.organization_id == organization_id)
    if status:
        query = query.where(Report.status == status)
    condition = older_than(Report, cursor)
    if condition is not None:
        query = query.where(condition)
    async with db.transaction() as session:
        rows = (await session.execute(query.order_by(*newest_first(Report)).limit(limit + 1))).scalars().all()
    return to_page(rows, limit, lambda row: row)


async def find_report(session: AsyncSession, organization_id: uuid.UUID, report_id: uuid.UUID) -> Report:
    report = (
        await session.execute(select(Report).where(Report.id == report_id, Report.organization_id == organization_id))
    ).scalar_one_or_none()
    if report is None:
        raise not_found('report')
    return report


async def get_report(db: Database, organization_id: uuid.UUID, report_id: uuid.UUID) -> Report:
    async with db.transaction() as session:
        return await find_report(session, organization_id, report_id)


async def create_report(db: Database, organization_id: uuid.UUID, title: str, content: str, status: str) -> Report:
    async with db.transaction() as session:
        report = Report(organization_id=organization_id, title=title, content=content, status=status)
        session.add(report)
        await session.flush()
    return report


async def update_report(db: Database, organization_id: uuid.UUID, report_id: uuid.UUID, change: dict[str, Any]) -> Report:
    async with db.transaction() as session:
        report = await find_report(session, organization_id, report_id)
        if change:
            for key, value in change.items():
                setattr(report, key, value)
            await session.flush()
    return report


async def delete_report(db: Database, organization_id: uuid.UUID, report_id: uuid.UUID) -> None:
    """Deletes the report; its analyses go with it (ON DELETE CASCADE)."""
    async with db.transaction() as session:
        result = await session.execute(
            delete(Report).where(Report.id == report_id, Report.organization_id == organization_id).returning(Report.id)
        )
        if result.first() is None:
            raise not_found('report')
