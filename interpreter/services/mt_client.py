"""A minimal, reusable Qwen-MT text translation call (spec §4) over the OpenAI-compatible endpoint.

Built for the OCR tab's translation step while the full Qwen-MT text service (subtitle issue,
``services.text_translation``) was not yet on this branch; that service can take this over. One request per text:
``translation_options`` with ``source_lang`` (or ``auto``), ``target_lang`` and the glossary as ``terms``; streamed,
with the models' two streaming styles handled (spec §4.3): ``qwen-mt-flash``/``-lite`` send new text in each chunk
(appended), ``qwen-mt-plus``/``-turbo`` the whole translation so far (replaced). Requests pass through the
``qwen-mt`` limiter (60 RPM, spec §4.5); retryable failures are retried with backoff.

:meth:`MtClient.translate_lines` translates many short texts (a table's cells) in ONE request, one per line, and
falls back to one request per text when the answer's line count does not match (the grid is never shifted).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence

from interpreter.errors import ConfigError, ProtocolError
from interpreter.protocol.chat_stream import ChoiceFinished, TextDelta
from interpreter.protocol.retry import HttpRetryPolicy
from interpreter.services.limiter import ApiLimiter
from interpreter.transport.http import HttpClient

__all__ = ["CUMULATIVE_MODELS", "DEFAULT_MT_MODEL", "MT_MODELS", "MtClient"]

_log = logging.getLogger(__name__)

MT_MODELS = ("qwen-mt-flash", "qwen-mt-plus", "qwen-mt-turbo", "qwen-mt-lite")
#: Flash: incremental streaming, 92 languages, terms supported (spec §4).
DEFAULT_MT_MODEL = "qwen-mt-flash"
#: Spec §4.3: these stream the whole translation so far in each chunk.
CUMULATIVE_MODELS = frozenset({"qwen-mt-plus", "qwen-mt-turbo"})
_MAX_ATTEMPTS = 3
#: A line marker that never occurs in recognised text: a cell's own line breaks become it and back.
_CELL_NEWLINE = " ⏎ "


class MtClient:
    """Translate text with Qwen-MT (module docstring).

    Args:
        client: the HTTP client (service or emulator).
        limiter: the Qwen-MT limiter (default ``ApiLimiter.for_api("qwen-mt-flash")``).
        retry_policy: makes one request's retry policy.
    """

    def __init__(
        self,
        client: HttpClient,
        *,
        limiter: ApiLimiter | None = None,
        retry_policy: Callable[[], HttpRetryPolicy] | None = None,
    ) -> None:
        self._client = client
        self._limiter = limiter
        self._retry_policy = retry_policy or (lambda: HttpRetryPolicy(max_attempts=_MAX_ATTEMPTS))

    def _limiter_for(self, model: str) -> ApiLimiter:
        if self._limiter is None:
            try:
                self._limiter = ApiLimiter.for_api(model)
            except (KeyError, ValueError):
                self._limiter = ApiLimiter.for_api("qwen-mt-flash")
        return self._limiter

    async def translate(
        self,
        text: str,
        *,
        target: str,
        source: str = "auto",
        model: str = DEFAULT_MT_MODEL,
        terms: Sequence[Mapping[str, str]] = (),
    ) -> str:
        """The translation of ``text`` into ``target`` (a language name or code, spec §4.2).

        Raises:
            ConfigError (no target), the ServiceError / NetworkError families (after the retries).
        """
        if not target.strip():
            raise ConfigError("Choose a language to translate into.", field="target")
        if not text.strip():
            return ""
        options: dict[str, object] = {"source_lang": source or "auto", "target_lang": target}
        usable = [dict(term) for term in terms if term.get("source") and term.get("target")]
        if usable:
            options["terms"] = usable
        payload = {
            "model": model,
            "messages": [{"role": "user", "content": text}],
            "translation_options": options,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        policy = self._retry_policy()
        # ~1 token per 4 characters each way: the limiter's estimate until the usage settles it.
        estimate = len(text) // 2 + 1
        while True:
            try:
                async with self._limiter_for(model).slot(estimate):
                    return await self._stream(payload, model)
            except Exception as error:
                delay = policy.next_delay(error)
                if delay is None:
                    raise
                _log.info("Translation request failed (%s); trying again in %.1f s", type(error).__name__, delay)
                await asyncio.sleep(delay)

    async def _stream(self, payload: Mapping[str, object], model: str) -> str:
        cumulative = model in CUMULATIVE_MODELS
        text = ""
        finished = False
        async for event in self._client.stream_chat_completion(payload):
            if isinstance(event, TextDelta):
                text = event.text if cumulative else text + event.text
            elif isinstance(event, ChoiceFinished):
                finished = True
        if not finished:
            raise ProtocolError("The translation ended without saying it was complete.")
        return text.strip()

    async def translate_lines(
        self,
        texts: Sequence[str],
        *,
        target: str,
        source: str = "auto",
        model: str = DEFAULT_MT_MODEL,
        terms: Sequence[Mapping[str, str]] = (),
    ) -> list[str]:
        """Translate each of ``texts`` (e.g. table cells), same length and order; empty texts stay empty."""
        indices = [i for i, text in enumerate(texts) if text.strip()]
        out = list(texts)
        if not indices:
            return out
        joined = "\n".join(texts[i].replace("\n", _CELL_NEWLINE) for i in indices)
        translated = await self.translate(joined, target=target, source=source, model=model, terms=terms)
        lines = translated.split("\n")
        if len(lines) == len(indices):
            for i, line in zip(indices, lines, strict=True):
                out[i] = line.replace(_CELL_NEWLINE.strip(), "\n").strip()
            return out
        _log.info(
            "Table translation came back with %d lines for %d cells; translating cell by cell", len(lines), len(indices)
        )
        for i in indices:
            out[i] = await self.translate(texts[i], target=target, source=source, model=model, terms=terms)
        return out
