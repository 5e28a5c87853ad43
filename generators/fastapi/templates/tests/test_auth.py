"""Clerk session tokens verified locally with the PEM key (RS256 only, 5 s leeway, azp), /auth/sync and /auth/me."""

from __future__ import annotations

import base64
import json
import time
import uuid

import jwt

from app.db import Database

from .conftest import Api, FakeGemini, Keys, client_for, make_settings, new_keys


async def test_no_or_malformed_token_is_401(api: Api) -> None:
    for headers in [{}, {'authorization': 'Bearer'}, {'authorization': 'Basic abc'}, {'authorization': 'Bearer not.a.token'}]:
        r = await api.client.get('/auth/me', headers=headers)
        assert r.status_code == 401, headers
        assert r.json()['error']['code'] == 'UNAUTHENTICATED'


async def test_bad_tokens_are_401(api: Api, keys: Keys) -> None:
    now = int(time.time())
    sub = f'user_{uuid.uuid4().hex}'
    public_pem = keys.public_pem.encode()
    header = base64.urlsafe_b64encode(json.dumps({'alg': 'none', 'typ': 'JWT'}).encode()).rstrip(b'=').decode()
    body = base64.urlsafe_b64encode(json.dumps({'sub': sub, 'exp': now + 600}).encode()).rstrip(b'=').decode()
    tokens = {
        'expired beyond the skew': keys.token(sub, exp=now - 10, iat=now - 700, nbf=now - 700),
        'nbf beyond the skew': keys.token(sub, nbf=now + 30),
        'wrong key': new_keys().token(sub),
        'foreign azp': keys.token(sub, azp='http://evil.example'),
        'alg none': f'{header}.{body}.',
        'HS256 with the public key': _hs256(sub, public_pem),
    }
    for name, token in tokens.items():
        r = await api.client.get('/auth/me', headers={'authorization': f'Bearer {token}'})
        assert r.status_code == 401, name


def _hs256(sub: str, secret: bytes) -> str:
    import hashlib
    import hmac

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b'=').decode()

    signing = f"{b64(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}.{b64(json.dumps({'sub': sub, 'exp': int(time.time()) + 600}).encode())}"
    return f'{signing}.{b64(hmac.new(secret, signing.encode(), hashlib.sha256).digest())}'


async def test_clock_skew_within_5_seconds_and_no_azp_are_accepted(api: Api, keys: Keys) -> None:
    now = int(time.time())
    sub = f'user_{uuid.uuid4().hex}'
    for token in [keys.token(sub, exp=now - 2), keys.token(sub, nbf=now + 2), keys.token(sub, azp=None)]:
        r = await api.client.get('/auth/me', headers={'authorization': f'Bearer {token}'})
        assert r.status_code == 404  # valid token, no local user yet


async def test_sync_creates_user_and_organization_then_me(api: Api) -> None:
    sub = f'user_{uuid.uuid4().hex}'
    headers = api.auth(sub)
    assert (await api.client.get('/auth/me', headers=headers)).status_code == 404
    loner = await api.client.post('/auth/sync', json={'email': f'{sub}@example.com'}, headers=headers)
    assert loner.status_code == 200 and loner.json()['organization'] is None
    assert (await api.client.get('/api/reports', headers=headers)).status_code == 403
    r = await api.client.post('/auth/sync', json={'email': f'{sub}@example.com', 'organizationName': 'Acme'}, headers=headers)
    body = r.json()
    assert r.status_code == 200 and body['user']['role'] == 'ADMIN' and body['organization']['name'] == 'Acme'
    assert body['user']['clerkId'] == sub and body['user']['createdAt'].endswith('Z')
    me = (await api.client.get('/auth/me', headers=headers)).json()
    assert me['organization']['id'] == body['organization']['id']
    again = await api.client.post('/auth/sync', json={'email': 'new@example.com', 'organizationName': 'Other'}, headers=headers)
    assert again.json()['organization']['id'] == body['organization']['id'] and again.json()['user']['email'] == 'new@example.com'


async def test_sync_validates_the_body(api: Api) -> None:
    r = await api.client.post('/auth/sync', json={'email': 'nope', 'organizationName': ''}, headers=api.auth('user_x'))
    assert r.status_code == 400
    assert {d['field'] for d in r.json()['error']['details']} == {'email', 'organizationName'}


async def test_not_configured_without_clerk_keys(keys: Keys, gemini: FakeGemini, database: Database) -> None:
    async with await client_for(make_settings(keys, gemini, clerk_jwt_key=None), database) as client:
        r = await client.get('/auth/me', headers={'authorization': f'Bearer {keys.token("user_a")}'})
        assert r.status_code == 503 and r.json()['error']['code'] == 'NOT_CONFIGURED'
        assert (await client.get('/api/help')).status_code == 200


def test_only_rs256_is_accepted_by_the_verifier() -> None:
    assert jwt.get_unverified_header(new_keys().token('x'))['alg'] == 'RS256'
