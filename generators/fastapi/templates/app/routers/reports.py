from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ..deps import AdminDep, MemberDep, ServicesDep
from ..schemas import AiAnalysisOut, CreateReportBody, ListReportsQuery, Page, PageQuery, ReportOut, UpdateReportBody
from ..services.analysis import analyze_report, list_analyses
from ..services.reports import create_report, delete_report, get_report, list_reports, update_report

router = APIRouter(prefix='/api/reports', tags=['reports'])


@router.get('', summary="The organization's reports, newest first", response_model=Page[ReportOut])
async def list_(query: Annotated[ListReportsQuery, Query()], member: MemberDep, services: ServicesDep) -> Any:
    return await list_reports(services.db, member.organization_id, query.limit, query.cursor, query.status)


@router.post('', summary='Write a report', status_code=201, response_model=ReportOut)
async def create(body: CreateReportBody, member: MemberDep, services: ServicesDep) -> Any:
    return await create_report(services.db, member.organization_id, body.title, body.content, body.status)


@router.get('/{id}', summary='One report', response_model=ReportOut)
async def get(id: uuid.UUID, member: MemberDep, services: ServicesDep) -> Any:
    return await get_report(services.db, member.organization_id, id)


@router.patch('/{id}', summary='Change a report', response_model=ReportOut)
async def update(id: uuid.UUID, body: UpdateReportBody, member: MemberDep, services: ServicesDep) -> Any:
    change = body.model_dump(exclude_unset=True, exclude_none=True)
    return await update_report(services.db, member.organization_id, id, change)


@router.delete('/{id}', summary='Delete a report and its analyses', status_code=204, response_class=Response)
async def delete(id: uuid.UUID, admin: AdminDep, services: ServicesDep) -> Response:
    await delete_report(services.db, admin.organization_id, id)
    return Response(status_code=204)


@router.post(
    '/{id}/analysis',
    summary="Analyse the report's content with Gemini and store the answer",
    status_code=201,
    response_model=AiAnalysisOut,
    tags=['analysis'],
)
async def analyze(id: uuid.UUID, member: MemberDep, services: ServicesDep) -> Any:
    return await analyze_report(services.db, services.gemini, member.organization_id, id)


@router.get('/{id}/analysis', summary="The report's analyses, newest first", response_model=Page[AiAnalysisOut], tags=['analysis'])
async def analyses(id: uuid.UUID, query: Annotated[PageQuery, Query()], member: MemberDep, services: ServicesDep) -> Any:
    return await list_analyses(services.db, member.organization_id, id, query.limit, query.cursor)
