"""Google Gemini through the official google-genai SDK. GEMINI_BASE_URL points it elsewhere (a proxy, or the
local fake the tests start); AI_TIMEOUT_MS bounds every call, with no retries: the caller is waiting."""

from __future__ import annotations

import asyncio

from google import genai
from google.genai import types

from ..config import Settings
from ..errors import AppError

INSTRUCTIONS = (
    'You are a business analyst. Summarise the report below in a few sentences, then list its key risks and '
    'recommended next steps as short bullet points. Answer in the language of the report.'
)


class Gemini:
    def __init__(self, settings: Settings) -> None:
        assert settings.google_gemini_api_key
        self.model = settings.gemini_model
        self.timeout = settings.ai_timeout_ms / 1000
        self.client = genai.Client(
            api_key=settings.google_gemini_api_key,
            http_options=types.HttpOptions(
                base_url=settings.gemini_base_url,
                timeout=settings.ai_timeout_ms,
                retry_options=types.HttpRetryOptions(attempts=1),
            ),
        )

    async def analyze(self, title: str, content: str) -> str:
        try:
            response = await asyncio.wait_for(
                self.client.aio.models.generate_content(
                    model=self.model,
                    contents=f'Title: {title}\n\n{content}',
                    config=types.GenerateContentConfig(system_instruction=INSTRUCTIONS),
                ),
                timeout=self.timeout,
            )
            text = response.text
        except TimeoutError:
            raise AppError('UPSTREAM_ERROR', 'the AI provider did not answer in time') from None
        except Exception:  # the SDK's API errors, network errors, malformed answers
            raise AppError('UPSTREAM_ERROR', 'the AI provider failed') from None
        if not text or not text.strip():
            raise AppError('UPSTREAM_ERROR', 'the AI provider returned no answer')
        return text


def create_gemini(settings: Settings) -> Gemini | None:
    """None when GOOGLE_GEMINI_API_KEY is not set: the analysis routes then answer 503 NOT_CONFIGURED."""
    return Gemini(settings) if settings.google_gemini_api_key else None
