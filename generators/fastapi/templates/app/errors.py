"""The error catalogue of the API contract. Services raise AppError; the handlers in main.py turn it into
{"error": {"code", "message", "details"?}} with the status below."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ERROR_STATUS = {
    'VALIDATION_ERROR': 400,
    'INVALID_JSON': 400,
    'UNAUTHENTICATED': 401,
    'FORBIDDEN': 403,
    'NOT_FOUND': 404,
    'CONFLICT': 409,
    'PAYLOAD_TOO_LARGE': 413,
    'RATE_LIMITED': 429,
    'INTERNAL': 500,
    'UPSTREAM_ERROR': 502,
    'NOT_CONFIGURED': 503,
    'UNAVAILABLE': 503,
}


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


class AppError(Exception):
    def __init__(self, code: str, message: str, details: list[FieldProblem] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details
        self.status = ERROR_STATUS[code]

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {'code': self.code, 'message': self.message}
        if self.details is not None:
            error['details'] = [{'field': d.field, 'message': d.message} for d in self.details]
        return {'error': error}


def not_found(what: str = 'resource') -> AppError:
    return AppError('NOT_FOUND', f'{what} not found')


def forbidden(message: str = 'not allowed') -> AppError:
    return AppError('FORBIDDEN', message)


def conflict(message: str) -> AppError:
    return AppError('CONFLICT', message)


def validation_error(details: list[FieldProblem]) -> AppError:
    summary = '; '.join(f'{d.field}: {d.message}' for d in details)
    return AppError('VALIDATION_ERROR', summary or 'invalid request', details)


def internal_error() -> AppError:
    """What the client sees for an unexpected error: never a stack, SQL or secret."""
    return AppError('INTERNAL', 'internal error')
