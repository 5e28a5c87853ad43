"""Health, OpenAPI, error bodies, request ids, security headers, CORS, body limit, rate limit."""

from __future__ import annotations

import uuid

from app.config import Settings
from app.db import Database

from .conftest import Api, FakeGemini, Keys, client_for, make_settings


async def test_health_and_ready(api: Api) -> None:
    r = await api.client.get('/health')
    assert r.status_code == 200 and r.json() == {'status': 'ok'}
    r = await api.client.get('/health/ready')
    assert r.status_code == 200 and r.json() == {'status': 'ok', 'db': 'ok'}


async def test_openapi_documents_every_route_with_the_contract_errors(api: Api) -> None:
    document = (await api.client.get('/openapi.json')).json()
    assert document['openapi'].startswith('3.1')
    for path in ['/health', '/auth/sync', '/auth/me', '/api/reports', '/api/reports/{id}', '/api/reports/{id}/analysis', '/api/help/{id}', '/api/users/{id}', '/api/organizations/current']:
        assert path in document['paths'], path
    create = document['paths']['/api/reports']['post']
    assert '422' not in create['responses'] and create['responses']['400']['content']['application/json']['schema']['$ref'] == '#/components/schemas/Error'
    assert document['components']['securitySchemes']['clerkSession']['scheme'] == 'bearer'


async def test_unknown_route_and_method_are_404_with_the_error_body(api: Api) -> None:
    for r in [await api.client.get('/nope'), await api.client.put('/api/reports')]:
        assert r.status_code == 404
        assert r.json()['error']['code'] == 'NOT_FOUND'


async def test_request_id_and_security_headers(api: Api) -> None:
    r = await api.client.get('/health', headers={'x-request-id': 'abc-123'})
    assert r.headers['x-request-id'] == 'abc-123'
    assert r.headers['x-content-type-options'] == 'nosniff'
    assert 'x-powered-by' not in r.headers and 'server' not in r.headers
    r = await api.client.get('/health', headers={'x-request-id': 'not sane ' * 30})
    uuid.UUID(r.headers['x-request-id'])


async def test_cors_allows_only_frontend_url(api: Api) -> None:
    ok = await api.client.get('/health', headers={'origin': 'http://app.test.example'})
    assert ok.headers['access-control-allow-origin'] == 'http://app.test.example'
    assert ok.headers['access-control-allow-credentials'] == 'true'
    other = await api.client.get('/health', headers={'origin': 'http://evil.example'})
    assert 'access-control-allow-origin' not in other.headers
    preflight = await api.client.options('/api/reports', headers={'origin': 'http://app.test.example', 'access-control-request-method': 'POST'})
    assert preflight.status_code == 204 and preflight.headers['access-control-allow-origin'] == 'http://app.test.example'
    local = await api.client.get('/health', headers={'origin': 'http://localhost:3000'})
    assert 'access-control-allow-origin' not in local.headers  # only in development


async def test_cors_allows_localhost_in_development(keys: Keys, gemini: FakeGemini, database: Database) -> None:
    async with await client_for(make_settings(keys, gemini, environment='development'), database) as client:
        r = await client.get('/health', headers={'origin': 'http://localhost:5173'})
        assert r.headers['access-control-allow-origin'] == 'http://localhost:5173'


async def test_body_limit_and_invalid_json(api: Api) -> None:
    admin = await api.new_admin()
    big = await admin.post('/api/reports', content=b'{"title": "' + b'x' * (1024 * 1024 + 10) + b'"}', headers={'content-type': 'application/json'})
    assert big.status_code == 413 and big.json()['error']['code'] == 'PAYLOAD_TOO_LARGE'
    bad = await admin.post('/api/reports', content=b'{"title": ', headers={'content-type': 'application/json'})
    assert bad.status_code == 400 and bad.json()['error']['code'] == 'INVALID_JSON'


async def test_rate_limit_answers_429_with_retry_after_and_spares_health(keys: Keys, gemini: FakeGemini, database: Database) -> None:
    settings: Settings = make_settings(keys, gemini, rate_limit_max=3)
    async with await client_for(settings, database) as client:
        statuses = [(await client.get('/api/help')).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        r = await client.get('/api/help')
        assert r.json()['error']['code'] == 'RATE_LIMITED' and int(r.headers['retry-after']) >= 1
        assert 'ratelimit-policy' in r.headers
        assert (await client.get('/health')).status_code == 200
