"""Clerk webhooks, signed by Svix: user.created / user.updated upsert the local user's email, user.deleted
removes the local user; any other event is acknowledged and ignored.

The Svix signature is a few lines of HMAC: base64(HMAC-SHA256(secret, f"{id}.{timestamp}.{body}")),
compared in constant time with each `v1,<signature>` of the svix-signature header, and a timestamp no
more than 5 minutes away from now."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

from ..db import Database
from ..errors import AppError, FieldProblem
from .users import delete_by_clerk_id, upsert_from_clerk

TOLERANCE_SECONDS = 5 * 60


def _invalid() -> AppError:
    return AppError(
        'VALIDATION_ERROR',
        'the webhook signature is missing, invalid or stale',
        [FieldProblem('svix-signature', 'missing, invalid or stale')],
    )


def verify_svix(secret: str, headers: Mapping[str, str], body: bytes, now: float | None = None) -> None:
    msg_id, timestamp, signatures = headers.get('svix-id'), headers.get('svix-timestamp'), headers.get('svix-signature')
    if not (msg_id and timestamp and signatures):
        raise _invalid()
    try:
        sent_at = int(timestamp)
        key = base64.b64decode(secret.removeprefix('whsec_'))
    except (ValueError, binascii.Error):
        raise _invalid() from None
    if abs((now if now is not None else time.time()) - sent_at) > TOLERANCE_SECONDS:
        raise _invalid()
    signed = f'{msg_id}.{timestamp}.'.encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for candidate in signatures.split():
        version, _, signature = candidate.partition(',')
        if version == 'v1' and hmac.compare_digest(signature, expected):
            return
    raise _invalid()


async def handle_clerk_webhook(db: Database, secret: str | None, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
    if not secret:
        raise AppError('NOT_CONFIGURED', 'webhooks are not configured: set CLERK_WEBHOOK_SIGNING_SECRET')
    verify_svix(secret, headers, body)
    try:
        event = json.loads(body)
        event_type = str(event['type'])
        data = event.get('data') or {}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise AppError('VALIDATION_ERROR', 'body: not a Clerk event', [FieldProblem('body', 'not a Clerk event')]) from None
    if event_type in ('user.created', 'user.updated') and data.get('id'):
        addresses = data.get('email_addresses') or []
        primary = next((a for a in addresses if a.get('id') == data.get('primary_email_address_id')), None)
        chosen = primary or (addresses[0] if addresses else None)
        email = chosen.get('email_address') if chosen else None
        if email:
            await upsert_from_clerk(db, str(data['id']), str(email))
    elif event_type == 'user.deleted' and data.get('id'):
        await delete_by_clerk_id(db, str(data['id']))
    return {'received': True, 'type': event_type}
