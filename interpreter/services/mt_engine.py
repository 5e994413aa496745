"""Sends planned Qwen-MT chunks: limiter slot, request (OpenAI-compatible or native, streamed in the model's
style), retries of transient failures, verification of the cue markers, split-and-retry on a mismatch.

One :class:`MtEngine` per app (or CLI run) holds one limiter per model, shared by every job and the Text pane, so
several jobs together stay within the model's 60 requests/min and tokens/min (spec §4.5).

For each chunk: wait for a slot sized by the chunk's estimated tokens → request → settle the slot with the billed
usage → :func:`core.mt_chunking.parse_reply`. A reply whose markers do not match is paid for but not used: the chunk
is split in two and each half asked again (down to single units, whose answer is taken whole), never padded or
merged. A transient failure (network, cut stream, 429, 5xx) is retried by ``protocol.retry.HttpRetryPolicy``
(a 429's Retry-After also pauses the limiter for everyone); nothing partial of a failed attempt is kept.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from interpreter.core.mt_chunking import Chunk, ChunkBudget, CueCountMismatch, parse_reply, split_chunk
from interpreter.core.mt_languages import MtModelInfo, mt_model
from interpreter.core.translation_memory import TranslationMemory
from interpreter.errors import InterpreterError, RateLimitError
from interpreter.protocol.chat_stream import ChatUsage
from interpreter.protocol.mt_stream import (
    NATIVE_TEXT_GENERATION_PATH,
    MtAccumulator,
    MtRequest,
    MtResult,
    compat_request,
    native_request,
)
from interpreter.protocol.retry import HttpRetryPolicy
from interpreter.services.limiter import ApiLimiter
from interpreter.transport.errors import StreamIncompleteError
from interpreter.transport.http import HttpClient

__all__ = ["ChunkAnswer", "MtEngine", "MtSettings"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MtSettings:
    """What every request of one job carries.

    Attributes:
        model: the Qwen-MT model; source_lang / target_lang: as sent (codes or names, source may be "auto").
        domains: the domain hint (English prose) or None.
        memory: translation memory to pick ``tm_list`` pairs from, within ``tm_tokens`` per request.
        native: use native text-generation instead of the OpenAI-compatible endpoint.
    """

    model: str
    target_lang: str
    source_lang: str = "auto"
    domains: str | None = None
    memory: TranslationMemory | None = None
    tm_tokens: int = 0
    native: bool = False


@dataclass(frozen=True)
class ChunkAnswer:
    """One answered request whose markers matched: translations by unit key, and its billed usage."""

    chunk: Chunk
    translations: Mapping[str, str]
    usage: ChatUsage


AnswerCallback = Callable[[ChunkAnswer], Awaitable[None] | None]
StreamCallback = Callable[[Chunk, str], None]
MismatchCallback = Callable[[Chunk, ChatUsage], None]


class MtEngine:
    """Sends chunks for any number of jobs over one HTTP client, with one limiter per model.

    Args:
        client: the HTTP client of the endpoint (emulator or service region).
        max_concurrency: requests in flight per model (the limiter's concurrency axis).
        limiter_factory: builds a model's limiter (tests inject a virtual clock).
        retry_factory: a fresh retry policy per request.
    """

    def __init__(
        self,
        client: HttpClient,
        *,
        max_concurrency: int = 2,
        limiter_factory: Callable[[str], ApiLimiter] | None = None,
        retry_factory: Callable[[], HttpRetryPolicy] = HttpRetryPolicy,
    ) -> None:
        self.client = client
        self._max_concurrency = max_concurrency
        self._limiter_factory = limiter_factory or (
            lambda model: ApiLimiter.for_api(model, max_concurrency=self._max_concurrency)
        )
        self._retry_factory = retry_factory
        self._limiters: dict[str, ApiLimiter] = {}
        self.requests = 0
        self.mismatches = 0

    def limiter(self, model: str) -> ApiLimiter:
        """The shared limiter of ``model`` (created on first use)."""
        base = mt_model(model).name
        if base not in self._limiters:
            self._limiters[base] = self._limiter_factory(base)
        return self._limiters[base]

    async def translate_chunk(
        self,
        chunk: Chunk,
        settings: MtSettings,
        *,
        on_answer: AnswerCallback | None = None,
        on_stream: StreamCallback | None = None,
        on_mismatch: MismatchCallback | None = None,
    ) -> list[ChunkAnswer]:
        """Translate ``chunk`` (splitting it on a marker mismatch); ``on_answer`` runs for every matched answer
        before the next request starts (checkpoint there). Returns the answers in document order.

        Raises:
            The errors tree: a refusal that retrying cannot fix, or transient trouble beyond the retry budget.
        """
        info = mt_model(settings.model)
        if settings.memory is not None and settings.tm_tokens > 0 and not chunk.tm:
            picked = settings.memory.pick(chunk.source_text(), settings.tm_tokens)
            chunk = Chunk(chunk.units, chunk.context, chunk.terms, tuple(picked))
        result = await self._request(chunk, settings, info, on_stream)
        try:
            translations = parse_reply(chunk, result.text)
        except CueCountMismatch as mismatch:
            self.mismatches += 1
            logger.info("Qwen-MT answer markers do not match (%s); asking again in halves", mismatch)
            if on_mismatch is not None:
                on_mismatch(chunk, result.usage)
            first, second = split_chunk(chunk)
            answers = await self.translate_chunk(
                first, settings, on_answer=on_answer, on_stream=on_stream, on_mismatch=on_mismatch
            )
            answers += await self.translate_chunk(
                second, settings, on_answer=on_answer, on_stream=on_stream, on_mismatch=on_mismatch
            )
            return answers
        answer = ChunkAnswer(chunk, translations, result.usage)
        if on_answer is not None:
            outcome = on_answer(answer)
            if outcome is not None:
                await outcome
        return [answer]

    async def _request(
        self, chunk: Chunk, settings: MtSettings, info: MtModelInfo, on_stream: StreamCallback | None
    ) -> MtResult:
        request = MtRequest(
            model=settings.model,
            text=chunk.message(),
            target_lang=settings.target_lang,
            source_lang=settings.source_lang,
            terms=chunk.terms,
            tm_list=chunk.tm,
            domains=settings.domains,
        )
        estimate = _estimated_tokens(chunk, settings)
        limiter = self.limiter(settings.model)
        policy = self._retry_factory()
        while True:
            try:
                async with limiter.slot(estimate) as slot:
                    self.requests += 1
                    result = await self._send(request, info, settings.native, chunk, on_stream)
                    slot.settle(result.usage.total_tokens or estimate)
                    return result
            except InterpreterError as error:  # classified by the policy; what is not retryable is re-raised
                delay = policy.next_delay(error)
                if delay is None:
                    raise
                if isinstance(error, RateLimitError):
                    limiter.pause_for(delay)
                logger.info("Qwen-MT request failed (%s); trying again in %.1f s", type(error).__name__, delay)
                await asyncio.sleep(delay)

    async def _send(
        self,
        request: MtRequest,
        info: MtModelInfo,
        native: bool,
        chunk: Chunk,
        on_stream: StreamCallback | None,
    ) -> MtResult:
        if native:
            accumulator = MtAccumulator(info.streaming, native=True)
            body = native_request(request, info.streaming)
            async for message in self.client.stream_sse(NATIVE_TEXT_GENERATION_PATH, body):
                accumulator.feed_native(message.data)
                if on_stream is not None:
                    on_stream(chunk, accumulator.text)
        else:
            accumulator = MtAccumulator(info.streaming)
            async for event in self.client.stream_chat_completion(compat_request(request)):
                before = accumulator.pieces
                accumulator.feed(event)
                if on_stream is not None and accumulator.pieces != before:
                    on_stream(chunk, accumulator.text)
        if not accumulator.complete:
            raise StreamIncompleteError(
                "The translation service's answer ended without saying it was complete; the request will be made "
                "again.",
                detail="Qwen-MT stream without a finish reason",
            )
        return accumulator.result()


def _estimated_tokens(chunk: Chunk, settings: MtSettings) -> int:
    """Input + expected output tokens of one request, for the limiter's tokens/min window."""
    budget = ChunkBudget(domains=settings.domains)
    return chunk.input_tokens(budget) + chunk.output_tokens()
