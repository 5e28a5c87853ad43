"""Who is calling: a Clerk session token, verified locally with CLERK_JWT_KEY (no network call, also when
CLERK_SECRET_KEY is set too) or through Clerk's JWKS with CLERK_SECRET_KEY alone. The organization and
role then come from the local database, never from token claims."""

from __future__ import annotations

import re
from typing import Any

import anyio.to_thread
import jwt

from ..config import Settings
from ..errors import AppError

CLOCK_SKEW_SECONDS = 5
CLERK_JWKS_URL = 'https://api.clerk.com/v1/jwks'
BEARER = re.compile(r'^Bearer\s+(\S+)\s*$', re.IGNORECASE)


class ClerkVerifier:
    def __init__(self, settings: Settings) -> None:
        self.authorized_parties = settings.clerk_authorized_parties
        self.key: Any = None
        self.jwks: jwt.PyJWKClient | None = None
        if settings.clerk_jwt_key:
            self.key = _load_pem(settings.clerk_jwt_key)
        elif settings.clerk_secret_key:
            self.jwks = jwt.PyJWKClient(
                CLERK_JWKS_URL, cache_keys=True, lifespan=3600, headers={'Authorization': f'Bearer {settings.clerk_secret_key}'}, timeout=10
            )

    async def verify(self, token: str) -> str:
        """The token's `sub` (the user's clerkId), or a 401."""
        try:
            key = self.key if self.key is not None else await _jwks_key(self.jwks, token)
            claims = jwt.decode(
                token,
                key=key,
                algorithms=['RS256'],
                leeway=CLOCK_SKEW_SECONDS,
                options={'require': ['exp', 'sub'], 'verify_aud': False},
            )
            azp = claims.get('azp')
            # A token without azp is accepted, as Clerk's own libraries do.
            if self.authorized_parties and azp is not None and str(azp) not in self.authorized_parties:
                raise jwt.InvalidTokenError('azp not authorized')
            sub = claims.get('sub')
            if not isinstance(sub, str) or not sub:
                raise jwt.InvalidTokenError('no sub')
            return sub
        except (jwt.PyJWTError, ValueError, TypeError):
            raise AppError('UNAUTHENTICATED', 'the session token is invalid or expired') from None


def _load_pem(pem: str) -> Any:
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    return load_pem_public_key(pem.encode())


async def _jwks_key(client: jwt.PyJWKClient | None, token: str) -> Any:
    if client is None:
        raise AppError('NOT_CONFIGURED', 'authentication is not configured: set CLERK_JWT_KEY or CLERK_SECRET_KEY')
    signing_key = await anyio.to_thread.run_sync(client.get_signing_key_from_jwt, token)
    return signing_key.key


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer …` header, or a 401."""
    match = BEARER.match(authorization or '')
    if not match:
        raise AppError('UNAUTHENTICATED', 'send Authorization: Bearer <session token>')
    return match[1]
