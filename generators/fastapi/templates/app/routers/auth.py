from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from ..deps import IdentityDep, ServicesDep
from ..schemas import Profile, SyncBody, WebhookAck
from ..services.users import get_profile, sync_user
from ..services.webhooks import handle_clerk_webhook

router = APIRouter(prefix='/auth', tags=['auth'])


@router.post('/sync', summary="Create or update the caller's local user", response_model=Profile)
async def sync(body: SyncBody, identity: IdentityDep, services: ServicesDep) -> Any:
    return await sync_user(services.db, identity.clerk_id, body.email, body.organization_name)


@router.get('/me', summary="The caller's user and organization", response_model=Profile)
async def me(identity: IdentityDep, services: ServicesDep) -> Any:
    return await get_profile(services.db, identity.clerk_id)


@router.post(
    '/webhooks/clerk',
    summary='Clerk webhooks (Svix-signed): keep local users in step',
    response_model=WebhookAck,
    openapi_extra={'requestBody': {'required': True, 'content': {'application/json': {'schema': {'type': 'object'}}}}},
)
async def clerk_webhook(request: Request, services: ServicesDep) -> Any:
    # The exact bytes that were signed.
    body = await request.body()
    return await handle_clerk_webhook(services.db, services.settings.clerk_webhook_signing_secret, request.headers, body)
