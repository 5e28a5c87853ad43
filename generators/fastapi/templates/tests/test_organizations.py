"""Tenancy and roles: organizations, users, the last ADMIN."""

from __future__ import annotations

import uuid

from .conftest import Api


async def test_organization_read_and_update(api: Api) -> None:
    admin = await api.new_admin()
    member = await api.new_member(admin)
    assert (await member.get('/api/organizations/current')).json()['id'] == admin.organization_id
    assert (await member.patch('/api/organizations/current', json={'name': 'x'})).status_code == 403
    domain = f'{uuid.uuid4().hex[:12]}.example.com'
    r = await admin.patch('/api/organizations/current', json={'domain': domain.upper()})
    assert r.status_code == 200 and r.json()['domain'] == domain
    other = await api.new_admin()
    clash = await other.patch('/api/organizations/current', json={'domain': domain})
    assert clash.status_code == 409 and clash.json()['error']['code'] == 'CONFLICT'
    assert (await admin.patch('/api/organizations/current', json={'domain': 'not a domain'})).status_code == 400
    unchanged = await admin.patch('/api/organizations/current', json={})
    assert unchanged.status_code == 200 and unchanged.json()['domain'] == domain
    cleared = await admin.patch('/api/organizations/current', json={'domain': None})
    assert cleared.json()['domain'] is None


async def test_users_list_roles_and_duplicates(api: Api) -> None:
    admin = await api.new_admin()
    member = await api.new_member(admin)
    listed = (await member.get('/api/users')).json()
    assert {u['id'] for u in listed['items']} == {admin.id, member.id} and listed['nextCursor'] is None
    assert (await member.post('/api/users', json={'clerkId': 'user_zz', 'email': 'z@example.com'})).status_code == 403
    dup = await admin.post('/api/users', json={'clerkId': member.sub, 'email': 'dup@example.com'})
    assert dup.status_code == 409
    promoted = await admin.patch(f'/api/users/{member.id}', json={'role': 'ADMIN'})
    assert promoted.status_code == 200 and promoted.json()['role'] == 'ADMIN'
    assert (await admin.patch(f'/api/users/{member.id}', json={'role': 'KING'})).status_code == 400


async def test_the_last_admin_stays(api: Api) -> None:
    admin = await api.new_admin()
    member = await api.new_member(admin)
    assert (await admin.patch(f'/api/users/{admin.id}', json={'role': 'USER'})).status_code == 409
    assert (await admin.delete(f'/api/users/{admin.id}')).status_code == 409
    assert (await admin.delete(f'/api/users/{member.id}')).status_code == 204
    assert (await admin.delete(f'/api/users/{member.id}')).status_code == 404


async def test_tenant_isolation(api: Api) -> None:
    a, b = await api.new_admin(), await api.new_admin()
    report = (await a.post('/api/reports', json={'title': 'Secret'})).json()
    assert (await b.get(f'/api/reports/{report["id"]}')).status_code == 404
    assert (await b.patch(f'/api/reports/{report["id"]}', json={'title': 'x'})).status_code == 404
    assert (await b.delete(f'/api/reports/{report["id"]}')).status_code == 404
    assert report['id'] not in {r['id'] for r in (await b.get('/api/reports')).json()['items']}
    assert (await b.patch(f'/api/users/{a.id}', json={'role': 'USER'})).status_code == 404
