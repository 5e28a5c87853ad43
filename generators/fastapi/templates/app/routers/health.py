from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ..deps import ServicesDep
from ..schemas import Health

router = APIRouter(tags=['health'])


@router.get('/health', summary='Liveness: the process answers', response_model=Health, response_model_exclude_none=True)
async def health() -> dict[str, str]:
    return {'status': 'ok'}


@router.get('/health/ready', summary='Readiness: the database answers', response_model=Health, responses={503: {'model': Health}})
async def ready(services: ServicesDep) -> dict[str, str] | JSONResponse:
    try:
        await services.db.ping()
    except Exception:
        return JSONResponse({'status': 'unavailable', 'db': 'error'}, status_code=503)
    return {'status': 'ok', 'db': 'ok'}
