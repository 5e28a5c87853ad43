"""Configuration: one clear line per bad value, naming the variable; production needs DATABASE_URL and a Clerk key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_bad_values_name_their_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('PORT', 'not-a-number')
    monkeypatch.setenv('RATE_LIMIT_MAX', '0')
    monkeypatch.setenv('REDIS_URL', 'http://x')
    with pytest.raises(ConfigError) as raised:
        load_settings(env_file=None)
    message = str(raised.value)
    assert 'PORT:' in message and 'RATE_LIMIT_MAX:' in message and 'REDIS_URL:' in message


def test_production_requires_database_url_and_a_clerk_key(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ('DATABASE_URL', 'CLERK_JWT_KEY', 'CLERK_SECRET_KEY'):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv('ENVIRONMENT', 'production')
    with pytest.raises(ConfigError) as raised:
        load_settings(env_file=None)
    assert 'DATABASE_URL: required in production' in str(raised.value)
    assert 'CLERK_JWT_KEY or CLERK_SECRET_KEY' in str(raised.value)


def test_defaults_and_parsing() -> None:
    settings = Settings(_env_file=None, frontend_url='http://a.example/, http://b.example', body_limit='512kb')  # type: ignore[call-arg]
    assert settings.port == 5000 and settings.frontend_url == ['http://a.example', 'http://b.example']
    assert settings.body_limit_bytes == 512 * 1024 and settings.ai_timeout_ms == 30000


def test_python_m_app_exits_non_zero_naming_port() -> None:
    env = {**os.environ, 'PORT': 'not-a-number', 'ENVIRONMENT': 'test'}
    result = subprocess.run([sys.executable, '-m', 'app'], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert 'PORT' in result.stderr and 'Traceback' not in result.stderr
