"""Help articles: public reads of published ones, exact view counts under concurrency, ADMIN writes."""

from __future__ import annotations

import asyncio
import uuid

from .conftest import Api


async def test_admin_writes_public_reads_published_only(api: Api) -> None:
    admin = await api.new_admin()
    member = await api.new_member(admin)
    tag = uuid.uuid4().hex
    assert (await member.post('/api/help', json={'title': 'x', 'content': 'y'})).status_code == 403
    draft = (await admin.post('/api/help', json={'title': f'Draft {tag}', 'content': 'hidden'})).json()
    assert draft['isPublished'] is False and draft['category'] == 'general' and draft['viewCount'] == 0
    published = (await admin.post('/api/help', json={'title': f'Billing {tag}', 'content': 'Pay 100%_now', 'category': f'cat-{tag}', 'isPublished': True})).json()
    assert (await api.client.get(f'/api/help/{draft["id"]}')).status_code == 404
    listed = (await api.client.get(f'/api/help?category=cat-{tag}')).json()['items']
    assert [a['id'] for a in listed] == [published['id']]
    assert [a['id'] for a in (await api.client.get(f'/api/help?q=BILLING {tag.upper()}')).json()['items']] == [published['id']]
    assert [a['id'] for a in (await api.client.get('/api/help?q=100%25_now&limit=100')).json()['items']] == [published['id']]
    assert (await api.client.get('/api/help?q=100%25xnow&limit=100')).json()['items'] == []  # % and _ are literal
    changed = await admin.patch(f'/api/help/{draft["id"]}', json={'isPublished': True})
    assert changed.status_code == 200 and changed.json()['isPublished'] is True
    assert (await admin.delete(f'/api/help/{draft["id"]}')).status_code == 204
    assert (await admin.delete(f'/api/help/{draft["id"]}')).status_code == 404


async def test_view_count_is_exact_under_concurrent_reads(api: Api) -> None:
    admin = await api.new_admin()
    article = (await admin.post('/api/help', json={'title': 'Popular', 'content': 'x', 'isPublished': True})).json()
    answers = await asyncio.gather(*[api.client.get(f'/api/help/{article["id"]}') for _ in range(20)])
    assert all(r.status_code == 200 for r in answers)
    assert sorted(r.json()['viewCount'] for r in answers) == list(range(1, 21))
    assert (await api.client.get(f'/api/help/{article["id"]}')).json()['viewCount'] == 21
