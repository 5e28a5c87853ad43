"""The HTTP policies of the contract, as one ASGI middleware around the FastAPI app: request ids and one log
line per request, security headers, CORS, the rate limit, the body limit, and the contract's JSON error
for anything unexpected (logged here, never shown to the client)."""

from __future__ import annotations

import json
import logging
import math
import re
import time
import uuid

from limits import RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import FixedWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import Settings
from .db import is_connection_error
from .errors import AppError, internal_error

log = logging.getLogger('app')

# A caller's X-Request-Id is kept when it is short and plain; otherwise we make one.
SANE_REQUEST_ID = re.compile(r'^[\w.:@-]{1,128}$')
LOCALHOST = re.compile(r'^http://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$')
SECURITY_HEADERS = [
    (b'x-content-type-options', b'nosniff'),
    (b'x-frame-options', b'DENY'),
    (b'referrer-policy', b'no-referrer'),
    (b'cross-origin-opener-policy', b'same-origin'),
    (b'cross-origin-resource-policy', b'same-origin'),
    (b'strict-transport-security', b'max-age=31536000; includeSubDomains'),
]
# The interactive docs (/docs, /redoc) load their scripts; everything else is JSON and needs nothing.
CSP = (b'content-security-policy', b"default-src 'none'; frame-ancestors 'none'")
DOCS = ('/docs', '/redoc')
ALLOWED_METHODS = b'GET,HEAD,POST,PATCH,DELETE,OPTIONS'


def cors_origin_allowed(settings: Settings, origin: str | None) -> bool:
    """The FRONTEND_URL origins always; in development also any http://localhost:* origin; nobody else."""
    if not origin:
        return False
    normalised = origin.rstrip('/')
    if normalised in settings.frontend_url:
        return True
    return settings.is_development and bool(LOCALHOST.match(normalised))


def client_ip(scope: Scope, trust_proxy: bool | int | str) -> str:
    """The client address the rate limit counts; TRUST_PROXY decides how far X-Forwarded-For is believed:
    true (the first address), a number of proxy hops, or a comma-separated list of proxy addresses."""
    peer = (scope.get('client') or ('unknown', 0))[0]
    if trust_proxy is False or trust_proxy == 0:
        return str(peer)
    forwarded = ''
    for name, value in scope.get('headers', []):
        if name == b'x-forwarded-for':
            forwarded = value.decode('latin-1')
    chain = [part.strip() for part in forwarded.split(',') if part.strip()] + [str(peer)]
    if trust_proxy is True:
        return chain[0]
    if isinstance(trust_proxy, int):
        return chain[max(0, len(chain) - 1 - trust_proxy)]
    trusted = {part.strip() for part in str(trust_proxy).split(',')}
    for address in reversed(chain):
        if address not in trusted:
            return address
    return chain[0]


class RateLimiter:
    """RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_MS per client, in a fixed window (the `limits` package).
    The counters live in memory, or in Redis when REDIS_URL is set so that every instance shares them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        window_seconds = max(1, math.ceil(settings.rate_limit_window_ms / 1000))
        self.item = RateLimitItemPerSecond(settings.rate_limit_max, window_seconds)
        self.policy = f'{settings.rate_limit_max};w={window_seconds}'.encode()
        self._storage: Storage | None = None
        self._limiter: FixedWindowRateLimiter | None = None

    def _strategy(self) -> FixedWindowRateLimiter:
        if self._limiter is None:
            url = self.settings.redis_url
            self._storage = (
                RedisStorage(f'async+{url}', implementation='redispy', key_prefix='rate-limit') if url else MemoryStorage()
            )
            self._limiter = FixedWindowRateLimiter(self._storage)
        return self._limiter

    async def hit(self, key: str) -> tuple[bool, int, int]:
        """(allowed, remaining, seconds until the window resets)."""
        limiter = self._strategy()
        allowed = await limiter.hit(self.item, key)
        stats = await limiter.get_window_stats(self.item, key)
        reset = max(1, math.ceil(stats.reset_time - time.time()))
        return allowed, stats.remaining, reset

    def close(self) -> None:
        """Forgets the storage (a Redis connection pool closes with the process; the counters stay for the others)."""
        self._storage = None
        self._limiter = None


def _error_response(error: AppError, extra_headers: list[tuple[bytes, bytes]] | None = None) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    body = json.dumps(error.body()).encode()
    headers = [(b'content-type', b'application/json'), (b'content-length', str(len(body)).encode()), *(extra_headers or [])]
    return error.status, headers, body


class HttpPolicies:
    def __init__(self, app: ASGIApp, settings: Settings, rate_limiter: RateLimiter) -> None:
        self.app = app
        self.settings = settings
        self.rate_limiter = rate_limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope['type'] != 'http':
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {name: value for name, value in scope['headers']}
        given = headers.get(b'x-request-id', b'').decode('latin-1')
        request_id = given if SANE_REQUEST_ID.match(given) else str(uuid.uuid4())
        origin = headers.get(b'origin', b'').decode('latin-1') or None
        allowed_origin = cors_origin_allowed(self.settings, origin)
        method, path = scope['method'], scope['path']
        status = 500
        extra: list[tuple[bytes, bytes]] = [(b'x-request-id', request_id.encode()), *SECURITY_HEADERS]
        if not path.startswith(DOCS):
            extra.append(CSP)
        if origin is not None:
            extra.append((b'vary', b'Origin'))
        if allowed_origin and origin:
            extra += [
                (b'access-control-allow-origin', origin.encode()),
                (b'access-control-allow-credentials', b'true'),
                (b'access-control-expose-headers', b'X-Request-Id, Retry-After, RateLimit, RateLimit-Policy'),
            ]
        started_response = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, started_response
            if message['type'] == 'http.response.start':
                started_response = True
                status = message['status']
                kept = [(k, v) for k, v in message.get('headers', []) if k.lower() not in (b'server', b'x-powered-by')]
                message = {**message, 'headers': kept + extra}
            await send(message)

        async def answer(code: int, response_headers: list[tuple[bytes, bytes]], body: bytes) -> None:
            await send_with_headers({'type': 'http.response.start', 'status': code, 'headers': response_headers})
            await send_with_headers({'type': 'http.response.body', 'body': body})

        try:
            # CORS preflight: answered here, never counted, never an error body.
            if method == 'OPTIONS' and origin and b'access-control-request-method' in headers:
                preflight: list[tuple[bytes, bytes]] = [(b'content-length', b'0')]
                if allowed_origin:
                    requested = headers.get(b'access-control-request-headers', b'authorization,content-type')
                    preflight += [
                        (b'access-control-allow-methods', ALLOWED_METHODS),
                        (b'access-control-allow-headers', requested),
                        (b'access-control-max-age', b'600'),
                    ]
                await answer(204, preflight, b'')
                return
            if method != 'OPTIONS' and not (path == '/health' or path.startswith('/health/')):
                allowed, remaining, reset = await self.rate_limiter.hit(client_ip(scope, self.settings.trust_proxy))
                extra += [
                    (b'ratelimit-policy', self.rate_limiter.policy),
                    (b'ratelimit', f'limit={self.settings.rate_limit_max}, remaining={remaining}, reset={reset}'.encode()),
                ]
                if not allowed:
                    await answer(*_error_response(AppError('RATE_LIMITED', 'too many requests; retry later'), [(b'retry-after', str(reset).encode())]))
                    return
            limit = self.settings.body_limit_bytes
            declared = headers.get(b'content-length')
            if declared is not None and declared.isdigit() and int(declared) > limit:
                await answer(*_error_response(AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT')))
                return
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message['type'] == 'http.request':
                    received += len(message.get('body', b''))
                    if received > limit:
                        raise AppError('PAYLOAD_TOO_LARGE', 'the request body is larger than BODY_LIMIT')
                return message

            await self.app(scope, limited_receive, send_with_headers)
        except Exception as exc:  # anything the app did not turn into an answer
            error = exc if isinstance(exc, AppError) else None
            if error is None:
                error = AppError('UNAVAILABLE', 'the database is unavailable') if is_connection_error(exc) else internal_error()
                log.error('unexpected error', exc_info=exc, extra={'requestId': request_id})
            if not started_response:
                await answer(*_error_response(error))
        finally:
            fields = {'requestId': request_id, 'method': method, 'path': path, 'status': status, 'ms': round((time.perf_counter() - started) * 1000)}
            (log.error if status >= 500 else log.info)('request', extra=fields)
