"""Reports: defaults, validation details, CRUD, roles, malformed ids, keyset pagination, AI analyses."""

from __future__ import annotations

import asyncio
import uuid

from app.db import Database

from .conftest import Api, FakeGemini, Keys, client_for, make_settings


async def test_create_with_defaults_and_crud(api: Api) -> None:
    admin = await api.new_admin()
    member = await api.new_member(admin)
    r = await member.post('/api/reports', json={'title': '  Q1  ', 'unknown': 1})
    report = r.json()
    assert r.status_code == 201
    assert report['title'] == 'Q1' and report['content'] == '' and report['status'] == 'DRAFT'
    assert report['organizationId'] == admin.organization_id and uuid.UUID(report['id'])
    assert report['createdAt'].endswith('Z') and len(report['createdAt']) == 24
    updated = await member.patch(f'/api/reports/{report["id"]}', json={'status': 'PUBLISHED', 'content': 'Body'})
    assert updated.json()['status'] == 'PUBLISHED' and updated.json()['title'] == 'Q1'
    assert (await member.patch(f'/api/reports/{report["id"]}', json={})).json()['content'] == 'Body'
    assert (await member.delete(f'/api/reports/{report["id"]}')).status_code == 403
    assert (await admin.delete(f'/api/reports/{report["id"]}')).status_code == 204
    assert (await admin.get(f'/api/reports/{report["id"]}')).status_code == 404


async def test_validation_details_name_each_field(api: Api) -> None:
    admin = await api.new_admin()
    r = await admin.post('/api/reports', json={'title': '', 'status': 'NOPE', 'content': 'x' * 100_001})
    error = r.json()['error']
    assert r.status_code == 400 and error['code'] == 'VALIDATION_ERROR'
    assert {d['field'] for d in error['details']} == {'title', 'status', 'content'}
    for query in ['limit=0', 'limit=101', 'limit=abc', 'status=NOPE', 'cursor=%%%']:
        bad = await admin.get(f'/api/reports?{query}')
        assert bad.status_code == 400, query
        assert bad.json()['error']['details'][0]['field'] == query.split('=')[0]


async def test_malformed_and_unknown_ids_are_404(api: Api) -> None:
    admin = await api.new_admin()
    for path in ['/api/reports/not-a-uuid', f'/api/reports/{uuid.uuid4()}', '/api/reports/123/analysis']:
        r = await admin.get(path)
        assert r.status_code == 404 and r.json()['error']['code'] == 'NOT_FOUND', path


async def test_keyset_pagination_newest_first_stable_under_inserts(api: Api) -> None:
    admin = await api.new_admin()
    created = [(await admin.post('/api/reports', json={'title': f'R{i}', 'status': 'ARCHIVED' if i % 2 else 'DRAFT'})).json()['id'] for i in range(7)]
    first = (await admin.get('/api/reports?limit=3')).json()
    assert [r['id'] for r in first['items']] == created[::-1][:3] and first['nextCursor']
    await admin.post('/api/reports', json={'title': 'inserted between pages'})
    second = (await admin.get(f'/api/reports?limit=3&cursor={first["nextCursor"]}')).json()
    assert [r['id'] for r in second['items']] == created[::-1][3:6]
    third = (await admin.get(f'/api/reports?limit=3&cursor={second["nextCursor"]}')).json()
    assert [r['id'] for r in third['items']] == created[:1] and third['nextCursor'] is None
    archived = (await admin.get('/api/reports?status=ARCHIVED&limit=100')).json()['items']
    assert {r['status'] for r in archived} == {'ARCHIVED'} and len(archived) == 3


async def test_analysis_success_is_stored_and_listed(api: Api, gemini: FakeGemini) -> None:
    admin = await api.new_admin()
    report = (await admin.post('/api/reports', json={'title': 'T', 'content': 'Revenue grew 12 percent'})).json()
    r = await admin.post(f'/api/reports/{report["id"]}/analysis')
    assert r.status_code == 201, r.text
    analysis = r.json()
    assert analysis['provider'] == 'GEMINI' and analysis['reportId'] == report['id'] and 'Summary' in analysis['content']
    call = [c for c in gemini.calls if 'Revenue grew 12 percent' in c['body']][-1]
    assert 'gemini-test:generateContent' in call['path'] and call['key'] == 'test-gemini-key'
    listed = (await admin.get(f'/api/reports/{report["id"]}/analysis')).json()
    assert [a['id'] for a in listed['items']] == [analysis['id']]


async def test_analysis_failures_store_nothing(api: Api) -> None:
    admin = await api.new_admin()
    for content, status in [('FAIL_UPSTREAM please', 502), ('SLOW_UPSTREAM please', 502), ('', 400)]:
        report = (await admin.post('/api/reports', json={'title': 'T', 'content': content})).json()
        r = await admin.post(f'/api/reports/{report["id"]}/analysis')
        assert r.status_code == status, (content, r.text)
        assert r.json()['error']['code'] == ('UPSTREAM_ERROR' if status == 502 else 'VALIDATION_ERROR')
        assert (await admin.get(f'/api/reports/{report["id"]}/analysis')).json()['items'] == []


async def test_analysis_not_configured(keys: Keys, gemini: FakeGemini, database: Database, api: Api) -> None:
    admin = await api.new_admin()
    report = (await admin.post('/api/reports', json={'title': 'T', 'content': 'c'})).json()
    async with await client_for(make_settings(keys, gemini, google_gemini_api_key=None), database) as client:
        r = await client.post(f'/api/reports/{report["id"]}/analysis', headers=api.auth(admin.sub))
        assert r.status_code == 503 and r.json()['error']['code'] == 'NOT_CONFIGURED'


async def test_delete_takes_analyses_along(api: Api) -> None:
    admin = await api.new_admin()
    report = (await admin.post('/api/reports', json={'title': 'T', 'content': 'c'})).json()
    assert (await admin.post(f'/api/reports/{report["id"]}/analysis')).status_code == 201
    assert (await admin.delete(f'/api/reports/{report["id"]}')).status_code == 204
    assert (await admin.get(f'/api/reports/{report["id"]}/analysis')).status_code == 404


async def test_concurrent_creates_all_land(api: Api) -> None:
    admin = await api.new_admin()
    results = await asyncio.gather(*[admin.post('/api/reports', json={'title': f'C{i}'}) for i in range(10)])
    assert [r.status_code for r in results] == [201] * 10
    assert len((await admin.get('/api/reports?limit=100')).json()['items']) == 10
