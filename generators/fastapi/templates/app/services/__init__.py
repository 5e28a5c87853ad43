"""Everything a request needs, built once at start (the domain logic lives in the modules beside this one)."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings
from ..db import Database
from .auth import ClerkVerifier
from .gemini import Gemini, create_gemini


@dataclass
class Services:
    settings: Settings
    db: Database
    verifier: ClerkVerifier | None
    gemini: Gemini | None


def create_services(settings: Settings, db: Database) -> Services:
    verifier = ClerkVerifier(settings) if settings.clerk_jwt_key or settings.clerk_secret_key else None
    return Services(settings=settings, db=db, verifier=verifier, gemini=create_gemini(settings))
