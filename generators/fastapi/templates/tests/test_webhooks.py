"""Clerk webhooks, Svix-signed: upsert, delete, unknown types, bad and stale signatures, not configured."""

from __future__ import annotations

import json
import time
import uuid

from app.db import Database

from .conftest import Api, FakeGemini, Keys, client_for, make_settings, svix_headers


def event(kind: str, clerk_id: str, email: str | None = None) -> bytes:
    data: dict[str, object] = {'id': clerk_id}
    if email:
        data |= {'email_addresses': [{'id': 'idn_1', 'email_address': email}], 'primary_email_address_id': 'idn_1'}
    return json.dumps({'type': kind, 'object': 'event', 'data': data}).encode()


async def test_user_created_updated_deleted(api: Api) -> None:
    sub = f'user_{uuid.uuid4().hex}'
    for kind, email in [('user.created', 'a@example.com'), ('user.updated', 'b@example.com')]:
        body = event(kind, sub, email)
        r = await api.client.post('/auth/webhooks/clerk', content=body, headers=svix_headers(body))
        assert r.status_code == 200 and r.json() == {'received': True, 'type': kind}
    me = await api.client.get('/auth/me', headers=api.auth(sub))
    assert me.json()['user']['email'] == 'b@example.com'
    body = event('user.deleted', sub)
    assert (await api.client.post('/auth/webhooks/clerk', content=body, headers=svix_headers(body))).status_code == 200
    assert (await api.client.get('/auth/me', headers=api.auth(sub))).status_code == 404


async def test_other_events_are_acknowledged(api: Api) -> None:
    body = json.dumps({'type': 'session.created', 'data': {}}).encode()
    r = await api.client.post('/auth/webhooks/clerk', content=body, headers=svix_headers(body))
    assert r.status_code == 200 and r.json()['type'] == 'session.created'


async def test_bad_or_stale_signatures_are_400(api: Api) -> None:
    body = event('user.created', 'user_x', 'x@example.com')
    stale = svix_headers(body, timestamp=int(time.time()) - 6 * 60)
    tampered = svix_headers(body) | {'svix-signature': 'v1,AAAA'}
    for headers in [stale, tampered, {'content-type': 'application/json'}]:
        r = await api.client.post('/auth/webhooks/clerk', content=body, headers=headers)
        assert r.status_code == 400 and r.json()['error']['code'] == 'VALIDATION_ERROR'
    other = svix_headers(b'{"type": "user.created", "data": {}}')
    assert (await api.client.post('/auth/webhooks/clerk', content=body, headers=other)).status_code == 400


async def test_not_configured_without_the_secret(keys: Keys, gemini: FakeGemini, database: Database) -> None:
    async with await client_for(make_settings(keys, gemini, clerk_webhook_signing_secret=None), database) as client:
        body = event('user.created', 'user_y', 'y@example.com')
        r = await client.post('/auth/webhooks/clerk', content=body, headers=svix_headers(body))
        assert r.status_code == 503 and r.json()['error']['code'] == 'NOT_CONFIGURED'
