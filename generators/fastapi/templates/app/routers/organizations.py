from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import AdminDep, MemberDep, ServicesDep
from ..schemas import OrganizationOut, UpdateOrganizationBody
from ..services.organizations import get_organization, update_organization

router = APIRouter(prefix='/api/organizations', tags=['organizations'])


@router.get('/current', summary="The caller's organization", response_model=OrganizationOut)
async def current(member: MemberDep, services: ServicesDep) -> Any:
    return await get_organization(services.db, member.organization_id)


@router.patch('/current', summary="Change the caller's organization", response_model=OrganizationOut)
async def update(body: UpdateOrganizationBody, admin: AdminDep, services: ServicesDep) -> Any:
    change = body.model_dump(exclude_unset=True)
    if change.get('name') is None:
        change.pop('name', None)  # name cannot be cleared; domain can (null)
    return await update_organization(services.db, admin.organization_id, change)
