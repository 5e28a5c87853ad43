"""AI analyses of reports: the report's content goes to Gemini, the answer is stored. Nothing is stored when
the provider fails or times out."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from ..db import Database
from ..errors import AppError, FieldProblem
from ..models import AiAnalysis
from ..pagination import newest_first, older_than, to_page
from .gemini import Gemini
from .reports import find_report


async def analyze_report(db: Database, gemini: Gemini | None, organization_id: uuid.UUID, report_id: uuid.UUID) -> AiAnalysis:
    async with db.transaction() as session:
        report = await find_report(session, organization_id, report_id)
    if gemini is None:
        raise AppError('NOT_CONFIGURED', 'AI analysis is not configured: set GOOGLE_GEMINI_API_KEY')
    if not report.content.strip():
        raise AppError(
            'VALIDATION_ERROR',
            'content: the report is empty; there is nothing to analyse',
            [FieldProblem('content', 'the report is empty')],
        )
    # No transaction is held while the provider thinks.
    content = await gemini.analyze(report.title, report.content)
    async with db.transaction() as session:
        await find_report(session, organization_id, report_id)  # still there?
        analysis = AiAnalysis(report_id=report_id, organization_id=organization_id, content=content, provider='GEMINI')
        session.add(analysis)
        await session.flush()
    return analysis


async def list_analyses(db: Database, organization_id: uuid.UUID, report_id: uuid.UUID, limit: int, cursor: str | None) -> dict[str, Any]:
    query = select(AiAnalysis).where(AiAnalysis.report_id == report_id, AiAnalysis.organization_id == organization_id)
    condition = older_than(AiAnalysis, cursor)
    if condition is not None:
        query = query.where(condition)
    async with db.transaction() as session:
        await find_report(session, organization_id, report_id)
        rows = (await session.execute(query.order_by(*newest_first(AiAnalysis)).limit(limit + 1))).scalars().all()
    return to_page(rows, limit, lambda row: row)
