from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ..deps import AdminDep, MemberDep, ServicesDep
from ..schemas import CreateUserBody, Page, PageQuery, UpdateUserBody, UserOut
from ..services.users import add_member, change_role, list_users, remove_member

router = APIRouter(prefix='/api/users', tags=['users'])


@router.get('', summary="The organization's users, newest first", response_model=Page[UserOut])
async def list_(query: Annotated[PageQuery, Query()], member: MemberDep, services: ServicesDep) -> Any:
    return await list_users(services.db, member.organization_id, query.limit, query.cursor)


@router.post('', summary='Add a member to the organization', status_code=201, response_model=UserOut)
async def add(body: CreateUserBody, admin: AdminDep, services: ServicesDep) -> Any:
    return await add_member(services.db, admin.organization_id, body.clerk_id, body.email, body.role)


@router.patch('/{id}', summary="Change a member's role", response_model=UserOut)
async def update(id: uuid.UUID, body: UpdateUserBody, admin: AdminDep, services: ServicesDep) -> Any:
    return await change_role(services.db, admin.organization_id, id, body.role)


@router.delete('/{id}', summary='Remove a member', status_code=204, response_class=Response)
async def delete(id: uuid.UUID, admin: AdminDep, services: ServicesDep) -> Response:
    await remove_member(services.db, admin.organization_id, id)
    return Response(status_code=204)
