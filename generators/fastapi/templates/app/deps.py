"""Route dependencies: the services, and who is calling (a valid token, a member of an organization, or its
ADMIN). The organization and role are read from the database on every request, never from claims."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import AppError, forbidden
from .models import User
from .services import Services
from .services.auth import bearer_token
from .services.users import find_by_clerk_id

# Documents the scheme in /openapi.json; the header itself is parsed by bearer_token (401, never 403).
clerk_session = HTTPBearer(auto_error=False, scheme_name='clerkSession', bearerFormat='JWT', description='A Clerk session token')


def get_services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


ServicesDep = Annotated[Services, Depends(get_services)]


@dataclass(frozen=True)
class Identity:
    clerk_id: str


@dataclass(frozen=True)
class Member:
    clerk_id: str
    user: User
    organization_id: uuid.UUID
    role: str


async def current_identity(
    request: Request,
    services: ServicesDep,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(clerk_session)],
) -> Identity:
    if services.verifier is None:
        raise AppError('NOT_CONFIGURED', 'authentication is not configured: set CLERK_JWT_KEY or CLERK_SECRET_KEY')
    token = bearer_token(request.headers.get('authorization'))
    return Identity(clerk_id=await services.verifier.verify(token))


async def current_member(identity: Annotated[Identity, Depends(current_identity)], services: ServicesDep) -> Member:
    async with services.db.transaction() as session:
        user = await find_by_clerk_id(session, identity.clerk_id)
    if user is None:
        raise forbidden('no local user yet: call POST /auth/sync first')
    if user.organization_id is None:
        raise forbidden('you are not a member of an organization')
    return Member(clerk_id=identity.clerk_id, user=user, organization_id=user.organization_id, role=user.role)


async def current_admin(member: Annotated[Member, Depends(current_member)]) -> Member:
    if member.role != 'ADMIN':
        raise forbidden('this needs the ADMIN role')
    return member


IdentityDep = Annotated[Identity, Depends(current_identity)]
MemberDep = Annotated[Member, Depends(current_member)]
AdminDep = Annotated[Member, Depends(current_admin)]
