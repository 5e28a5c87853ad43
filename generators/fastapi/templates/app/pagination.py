"""Keyset pagination on (created_at, id), newest first. The cursor is opaque to clients: base64url JSON of
the last item's createdAt (ISO, millisecond precision) and id."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, or_

from .errors import AppError, FieldProblem

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

Row = TypeVar('Row')


@dataclass(frozen=True)
class Cursor:
    created_at: datetime
    id: uuid.UUID


def encode_cursor(created_at: datetime, id: uuid.UUID) -> str:
    moment = created_at.astimezone(UTC).isoformat(timespec='milliseconds').replace('+00:00', 'Z')
    raw = json.dumps({'t': moment, 'id': str(id)}, separators=(',', ':')).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip('=')


def decode_cursor(cursor: str) -> Cursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + '=' * (-len(cursor) % 4))
        data = json.loads(raw)
        moment = datetime.fromisoformat(data['t'].replace('Z', '+00:00'))
        if moment.tzinfo is None:
            raise ValueError('no zone')
        return Cursor(created_at=moment.astimezone(UTC), id=uuid.UUID(data['id']))
    except (binascii.Error, ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise AppError('VALIDATION_ERROR', 'cursor: malformed', [FieldProblem('cursor', 'malformed')]) from None


def older_than(model: Any, cursor: str | None) -> ColumnElement[bool] | None:
    """Rows strictly after `cursor` in newest-first order (None: no condition)."""
    if not cursor:
        return None
    at = decode_cursor(cursor)
    return or_(model.created_at < at.created_at, and_(model.created_at == at.created_at, model.id < at.id))


def newest_first(model: Any) -> tuple[Any, Any]:
    return (model.created_at.desc(), model.id.desc())


def to_page(rows: Sequence[Row], limit: int, convert: Callable[[Row], Any]) -> dict[str, Any]:
    """Rows fetched with limit + 1: the extra row only tells that there is a next page."""
    items = list(rows[:limit])
    next_cursor = None
    if len(rows) > limit and items:
        last: Any = items[-1]
        next_cursor = encode_cursor(last.created_at, last.id)
    return {'items': [convert(item) for item in items], 'next_cursor': next_cursor}
