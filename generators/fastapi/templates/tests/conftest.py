"""Shared fixtures: a real database (a temporary SQLite file, or TEST_DATABASE_URL), real Clerk-shaped RS256
tokens signed with a key pair made here, the real google-genai SDK against a local fake Gemini server, and
an httpx client talking to the ASGI app."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

os.environ['ENVIRONMENT'] = 'test'

from app.config import Settings  # noqa: E402
from app.db import Database  # noqa: E402
from app.main import create_app  # noqa: E402

AZP = 'http://app.test.example'
WEBHOOK_SECRET = 'whsec_' + base64.b64encode(b'test-webhook-secret-of-32-bytes!').decode()


@dataclass
class Keys:
    private: rsa.RSAPrivateKey
    public_pem: str

    def token(self, sub: str, **claims: Any) -> str:
        now = int(time.time())
        payload = {'sub': sub, 'iat': now, 'nbf': now - 5, 'exp': now + 600, 'iss': 'https://clerk.test.example', 'azp': AZP, 'sid': 'sess_test', **claims}
        payload = {k: v for k, v in payload.items() if v is not None}
        return jwt.encode(payload, self.private, algorithm='RS256', headers={'kid': 'test'})


def new_keys() -> Keys:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return Keys(private=private, public_pem=pem)


@pytest.fixture(scope='session')
def keys() -> Keys:
    return new_keys()


@dataclass
class FakeGemini:
    url: str
    calls: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture(scope='session')
def gemini() -> Iterator[FakeGemini]:
    """Answers POST …/models/<model>:generateContent like Gemini; FAIL_UPSTREAM → 500, SLOW_UPSTREAM → 3 s late."""
    fake = FakeGemini(url='')

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get('content-length', 0))).decode()
            fake.calls.append({'path': self.path, 'key': self.headers.get('x-goog-api-key'), 'body': body})
            if 'FAIL_UPSTREAM' in body:
                self._send(500, {'error': {'code': 500, 'message': 'boom', 'status': 'INTERNAL'}})
                return
            if 'SLOW_UPSTREAM' in body:
                time.sleep(3)
            text = 'Summary: fine. Risks: none. Next steps: ship it.'
            self._send(200, {'candidates': [{'content': {'role': 'model', 'parts': [{'text': text}]}, 'finishReason': 'STOP'}]})

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header('content-type', 'application/json')
                self.send_header('content-length', str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fake.url = f'http://127.0.0.1:{server.server_address[1]}'
    yield fake
    server.shutdown()


@pytest.fixture(scope='session')
async def database(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Database]:
    """TEST_DATABASE_URL (a fresh PostgreSQL database, or file:PATH), else a temporary SQLite file."""
    url = os.environ.get('TEST_DATABASE_URL') or f'file:{Path(tmp_path_factory.mktemp("db")) / "test.db"}'
    db = Database(url)
    await db.migrate()
    yield db
    await db.close()


def make_settings(keys: Keys, gemini: FakeGemini, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        'environment': 'test',
        'clerk_jwt_key': keys.public_pem,
        'clerk_authorized_parties': [AZP],
        'clerk_webhook_signing_secret': WEBHOOK_SECRET,
        'google_gemini_api_key': 'test-gemini-key',
        'gemini_model': 'gemini-test',
        'gemini_base_url': gemini.url,
        'ai_timeout_ms': 1000,
        'frontend_url': ['http://app.test.example'],
        'rate_limit_max': 100000,
        'log_level': 'silent',
        'database_url': 'file:./unused.db',
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope='session')
def settings(keys: Keys, gemini: FakeGemini) -> Settings:
    return make_settings(keys, gemini)


class Api:
    """An httpx client on the ASGI app, with helpers to make users and organizations."""

    def __init__(self, client: httpx.AsyncClient, keys: Keys) -> None:
        self.client = client
        self.keys = keys

    def auth(self, sub: str) -> dict[str, str]:
        return {'authorization': f'Bearer {self.keys.token(sub)}'}

    async def new_admin(self) -> Actor:
        sub = f'user_{uuid.uuid4().hex}'
        r = await self.client.post('/auth/sync', json={'email': f'{sub}@example.com', 'organizationName': f'Org {sub}'}, headers=self.auth(sub))
        assert r.status_code == 200, r.text
        return Actor(self, sub, r.json()['user']['id'], r.json()['organization']['id'])

    async def new_member(self, admin: Actor, role: str = 'USER') -> Actor:
        sub = f'user_{uuid.uuid4().hex}'
        r = await admin.post('/api/users', json={'clerkId': sub, 'email': f'{sub}@example.com', 'role': role})
        assert r.status_code == 201, r.text
        return Actor(self, sub, r.json()['id'], admin.organization_id)


@dataclass
class Actor:
    api: Api
    sub: str
    id: str
    organization_id: str | None

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.api.auth(self.sub), **kwargs.pop('headers', {})}
        return await self.api.client.request(method, path, headers=headers, **kwargs)

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request('GET', path, **kwargs)

    async def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request('POST', path, **kwargs)

    async def patch(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request('PATCH', path, **kwargs)

    async def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.request('DELETE', path, **kwargs)


async def client_for(settings: Settings, database: Database) -> httpx.AsyncClient:
    app = create_app(settings, database)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(f'10.0.0.{secrets.randbelow(250) + 1}', 1234)), base_url='http://test')


@pytest.fixture
async def api(settings: Settings, database: Database, keys: Keys) -> AsyncIterator[Api]:
    async with await client_for(settings, database) as client:
        yield Api(client, keys)


def svix_headers(body: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> dict[str, str]:
    msg_id = f'msg_{uuid.uuid4().hex}'
    sent = str(timestamp if timestamp is not None else int(time.time()))
    key = base64.b64decode(secret.removeprefix('whsec_'))
    signature = base64.b64encode(hmac.new(key, f'{msg_id}.{sent}.'.encode() + body, hashlib.sha256).digest()).decode()
    return {'svix-id': msg_id, 'svix-timestamp': sent, 'svix-signature': f'v1,{signature}', 'content-type': 'application/json'}
