from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ..deps import AdminDep, ServicesDep
from ..schemas import CreateHelpBody, HelpArticleOut, ListHelpQuery, Page, UpdateHelpBody
from ..services.help import create_article, delete_article, list_published, update_article, view_published

router = APIRouter(prefix='/api/help', tags=['help'])


@router.get('', summary='Published help articles, newest first', response_model=Page[HelpArticleOut])
async def list_(query: Annotated[ListHelpQuery, Query()], services: ServicesDep) -> Any:
    return await list_published(services.db, query.limit, query.cursor, query.category, query.q)


@router.get('/{id}', summary='A published help article; counts one view', response_model=HelpArticleOut)
async def get(id: uuid.UUID, services: ServicesDep) -> Any:
    return await view_published(services.db, id)


@router.post('', summary='Write a help article', status_code=201, response_model=HelpArticleOut)
async def create(body: CreateHelpBody, _admin: AdminDep, services: ServicesDep) -> Any:
    return await create_article(services.db, body.model_dump())


@router.patch('/{id}', summary='Change a help article', response_model=HelpArticleOut)
async def update(id: uuid.UUID, body: UpdateHelpBody, _admin: AdminDep, services: ServicesDep) -> Any:
    return await update_article(services.db, id, body.model_dump(exclude_unset=True, exclude_none=True))


@router.delete('/{id}', summary='Delete a help article', status_code=204, response_class=Response)
async def delete(id: uuid.UUID, _admin: AdminDep, services: ServicesDep) -> Response:
    await delete_article(services.db, id)
    return Response(status_code=204)
