"""HTTP client for the DashScope HTTP APIs (OpenAI-compatible chat completions, native ``/api/v1`` calls, SSE).

One :class:`HttpClient` per base URL (region or custom endpoint) holds one ``httpx.AsyncClient`` with keep-alive
connections; :class:`HttpClientPool` hands them out so the app holds one per endpoint. Rules that are not options:

- TLS certificates are always verified (there is deliberately no switch to turn that off) against certifi's roots,
  or ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` when set (httpx honours them with ``trust_env``);
- the system's proxy settings are respected (``trust_env=True``: ``HTTPS_PROXY``, ``NO_PROXY``, ...);
- the API key travels only in the ``Authorization`` header and is registered with ``core.redaction`` so no log line
  can carry it; nothing here logs headers or bodies.

Every refusal goes through ``transport.errors.map_service_error`` (the one mapping); network failures become
``NetworkError``/``NetworkTimeoutError``; a stream that ends before its finish reason and ``[DONE]`` raises
:class:`~interpreter.transport.errors.StreamIncompleteError` (retry the whole request; nothing partial is kept).
Retrying and pacing are the caller's (``protocol.retry.http_retry_delay``, ``services.limiter.ApiLimiter``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Final, Self
from urllib.parse import urlsplit

import httpx
from httpx_sse import EventSource, SSEError

from interpreter.core.redaction import register_secret
from interpreter.errors import InterpreterError, NetworkError, NetworkTimeoutError, ProtocolError
from interpreter.protocol.chat_stream import (
    AudioDelta,
    AudioTranscriptDelta,
    ChatResponseAccumulator,
    ChatResult,
    ChatStreamEvent,
    ChoiceFinished,
    ErrorReported,
    ServiceErrorBody,
    StreamDone,
    TextDelta,
    UsageReported,
    error_body_from_payload,
    parse_chunk,
    parse_completion,
)
from interpreter.transport.endpoints import CHAT_COMPLETIONS_PATH, http_base_url, region_label
from interpreter.transport.errors import StreamIncompleteError, map_http_status, map_service_error

__all__ = ["HttpClient", "HttpClientPool", "HttpTimeouts", "SseMessage"]

logger = logging.getLogger(__name__)

_USER_AGENT: Final = "live-interpreter (httpx)"


@dataclass(frozen=True)
class HttpTimeouts:
    """Timeouts per kind of call, in seconds.

    Attributes:
        connect: TCP + TLS setup; 10 s covers a slow mobile link while still failing fast when offline.
        read: a JSON answer (the service answers small requests within seconds; 60 s allows a busy moment).
        stream_read: the gap allowed before the first chunk and between chunks of a streamed answer. A
            translation of a few minutes of audio can think for a long time before its first byte, so this is
            generous (120 s).
        write: sending an ordinary request body (a 10 MB Base64 segment on a slow uplink needs tens of seconds).
        upload_write: sending a file upload (up to the 100 MB+ temporary-upload limit).
        pool: waiting for a free keep-alive connection from the pool.
    """

    connect: float = 10.0
    read: float = 60.0
    stream_read: float = 120.0
    write: float = 60.0
    upload_write: float = 300.0
    pool: float = 30.0

    def for_json(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)

    def for_stream(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.stream_read, write=self.write, pool=self.pool)

    def for_upload(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.upload_write, pool=self.pool)


# Concurrency comes from the limiter (mt-image allows 2, file translation ~8); 16 connections leave headroom for an
# upload and a status query running beside the translations without ever opening a connection per request.
_LIMITS = httpx.Limits(max_connections=16, max_keepalive_connections=8, keepalive_expiry=30.0)


@dataclass(frozen=True)
class SseMessage:
    """One event of a native DashScope SSE stream: ``event`` name (``result``...), ``id`` and the decoded JSON."""

    event: str
    id: str
    data: Mapping[str, Any]


class HttpClient:
    """An ``httpx.AsyncClient`` for one base URL, with the DashScope error mapping.

    Args:
        base_url: a region name, or the base URL of a service/emulator (``http://127.0.0.1:8123``); paths such as
            ``/compatible-mode/v1/chat/completions`` are joined to it.
        api_key: sent as ``Authorization: Bearer``; None for hosts that take no key (an upload host).
        timeouts: per call kind.
        transport: an httpx transport to use instead of the network (tests of shapes only).

    Use as ``async with HttpClient(...) as client:`` or call :meth:`aclose`.
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None,
        timeouts: HttpTimeouts | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = http_base_url(base_url)
        self.region_label = region_label(base_url)
        self.timeouts = timeouts or HttpTimeouts()
        self._api_key_fingerprint = hash(api_key)
        headers = {"User-Agent": _USER_AGENT}
        if api_key:
            register_secret(api_key)  # whatever its shape, it is masked in every log line from now on
            headers["Authorization"] = f"Bearer {api_key}"
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            headers=headers,
            timeout=self.timeouts.for_json(),
            limits=_LIMITS,
            trust_env=True,
            follow_redirects=False,  # a redirect would re-send the Authorization header to a host we did not choose
            transport=transport,
        )

    def __repr__(self) -> str:  # the default repr would be harmless too; this one promises it never shows the key
        return f"HttpClient({self.base_url!r})"

    def uses_key(self, api_key: str | None) -> bool:
        """True when this client was built for ``api_key`` (compares a hash; the key itself is not kept here)."""
        return self._api_key_fingerprint == hash(api_key)

    @property
    def closed(self) -> bool:
        return self._client.is_closed

    async def aclose(self) -> None:
        """Close the keep-alive connections."""
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    # -- OpenAI-compatible chat completions ---------------------------------------------------------------------

    async def stream_chat_completion(
        self,
        payload: Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        path: str = CHAT_COMPLETIONS_PATH,
    ) -> AsyncIterator[ChatStreamEvent]:
        """POST a chat completion and yield its events as they arrive.

        The iterator ends normally only after ``[DONE]`` (its last event is :class:`StreamDone`). An error reported
        inside the stream is raised (mapped), never yielded. A service that answers a non-streamed
        ``chat.completion`` JSON body instead (the [!] ``stream:false`` form) is turned into the same events.

        Args:
            payload: the request body (``stream: true`` and ``stream_options.include_usage`` are the caller's).
            extra_headers: e.g. ``X-DashScope-OssResourceResolve: enable``.
            path: the endpoint path, relative to the base URL.

        Raises:
            ServiceError family (mapped), NetworkError / NetworkTimeoutError, StreamIncompleteError (the stream
            ended or broke before ``[DONE]``), ProtocolError (a chunk we cannot parse).
        """
        model = str(payload.get("model") or "") or None
        headers = {"Accept": "text/event-stream", "Cache-Control": "no-store", **(extra_headers or {})}
        try:
            async with self._client.stream(
                "POST", path, json=dict(payload), headers=headers, timeout=self.timeouts.for_stream()
            ) as response:
                await self._raise_for_status(response, model)
                if not _is_event_stream(response):
                    for event in _events_of_completion(await self._json_body(response, model)):
                        yield event
                    return
                done = False
                async for sse in EventSource(response).aiter_sse():
                    if done or not sse.data:
                        continue  # after [DONE], read to the end so the keep-alive connection can be reused
                    for event in parse_chunk(sse.data):
                        if isinstance(event, ErrorReported):
                            raise map_service_error(None, event.error, model=model, region_label=self.region_label)
                        if isinstance(event, StreamDone):
                            done = True
                            break
                        yield event
            if done:
                yield StreamDone()
                return
        except httpx.HTTPError as exc:
            raise self._map_transport_error(exc, streaming=True) from exc
        except SSEError as exc:
            raise ProtocolError("The service's streamed answer is not an event stream.", detail=str(exc)) from exc
        raise StreamIncompleteError(
            "The translation service's answer stopped before it was complete; the request will be made again.",
            detail=f"{path}: stream ended without [DONE]",
        )

    async def chat_completion(
        self, payload: Mapping[str, Any], *, extra_headers: Mapping[str, str] | None = None
    ) -> ChatResult:
        """POST a chat completion, stream it and return the whole answer.

        Raises:
            As :meth:`stream_chat_completion`; additionally StreamIncompleteError when ``[DONE]`` arrived without
            a finish reason.
        """
        accumulator = ChatResponseAccumulator()
        async for event in self.stream_chat_completion(payload, extra_headers=extra_headers):
            accumulator.feed(event)
        if not accumulator.complete:
            raise StreamIncompleteError(
                "The translation service's answer ended without saying it was complete; the request will be made "
                "again.",
                detail="[DONE] without a finish reason",
            )
        return accumulator.result()

    # -- JSON and native SSE ------------------------------------------------------------------------------------

    async def post_json(
        self, path: str, body: Mapping[str, Any], *, headers: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """POST a JSON body and return the JSON answer (an object).

        Raises:
            ServiceError family (mapped, also for an error body inside a 200), NetworkError family, ProtocolError.
        """
        model = _model_of(body)
        try:
            response = await self._client.post(path, json=dict(body), headers=dict(headers or {}))
            await self._raise_for_status(response, model)
            return await self._json_body(response, model)
        except httpx.HTTPError as exc:
            raise self._map_transport_error(exc, streaming=False) from exc

    async def get_json(
        self, path: str, params: Mapping[str, str] | None = None, *, headers: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """GET ``path`` and return the JSON answer (an object); errors as :meth:`post_json`."""
        try:
            response = await self._client.get(path, params=dict(params or {}), headers=dict(headers or {}))
            await self._raise_for_status(response, None)
            return await self._json_body(response, None)
        except httpx.HTTPError as exc:
            raise self._map_transport_error(exc, streaming=False) from exc

    async def stream_sse(
        self, path: str, body: Mapping[str, Any], *, headers: Mapping[str, str] | None = None
    ) -> AsyncIterator[SseMessage]:
        """POST to a native DashScope endpoint with SSE output and yield each event's decoded JSON.

        Native errors arrive as ``event:error`` with HTTP status 200 (spec §8.1); they are raised, mapped by their
        code (httpx-sse drops the ``:HTTP_STATUS/400`` comment line, and the code carries the same meaning).
        The iterator ends when the server closes the stream; the caller judges completeness from the data
        (``finish_reason: "stop"``).

        Raises:
            ServiceError family (mapped), NetworkError family, ProtocolError (an event whose data is not JSON).
        """
        model = _model_of(body)
        sent_headers = {"Accept": "text/event-stream", "X-DashScope-SSE": "enable", **(headers or {})}
        try:
            async with self._client.stream(
                "POST", path, json=dict(body), headers=sent_headers, timeout=self.timeouts.for_stream()
            ) as response:
                await self._raise_for_status(response, model)
                async for sse in EventSource(response).aiter_sse():
                    if not sse.data:
                        continue
                    data = _decode_object(sse.data)
                    error = error_body_from_payload(data)
                    if sse.event == "error" or error is not None:
                        reported = error or ServiceErrorBody(message=str(data.get("message") or "") or None)
                        raise map_service_error(None, reported, model=model, region_label=self.region_label)
                    yield SseMessage(event=sse.event, id=sse.id, data=data)
        except httpx.HTTPError as exc:
            raise self._map_transport_error(exc, streaming=True) from exc
        except SSEError as exc:
            raise ProtocolError("The service's streamed answer is not an event stream.", detail=str(exc)) from exc

    async def post_multipart(
        self,
        url: str,
        fields: Mapping[str, str],
        *,
        file_field: str,
        file_name: str,
        content: bytes,
        content_type: str = "application/octet-stream",
    ) -> int:
        """POST a multipart form with one file (sent last, as OSS requires) and return the HTTP status.

        Used for the temporary-upload host (spec §2.2); writes get the long upload timeout.

        Raises:
            ServiceError family (mapped from a non-2xx answer), NetworkError family.
        """
        try:
            response = await self._client.post(
                url,
                data=dict(fields),
                files={file_field: (file_name, content, content_type)},
                timeout=self.timeouts.for_upload(),
            )
            await self._raise_for_status(response, None)
            return response.status_code
        except httpx.HTTPError as exc:
            raise self._map_transport_error(exc, streaming=False) from exc

    # -- helpers ------------------------------------------------------------------------------------------------

    async def _raise_for_status(self, response: httpx.Response, model: str | None) -> None:
        logger.debug(
            "%s %s -> %d (request %s)",
            response.request.method,
            response.request.url.path,
            response.status_code,
            response.headers.get("x-request-id", "-"),
        )
        if response.is_success:
            return
        body = await response.aread()
        raise map_http_status(
            response.status_code,
            headers=response.headers,
            body=body,
            model=model,
            region_label=self.region_label,
        )

    async def _json_body(self, response: httpx.Response, model: str | None) -> dict[str, Any]:
        data = _decode_object((await response.aread()).decode("utf-8", errors="replace"))
        error = error_body_from_payload(data)
        if error is not None:  # some gateways answer 200 with an error body
            raise map_service_error(None, error, model=model, region_label=self.region_label)
        return data

    def _map_transport_error(self, exc: httpx.HTTPError, *, streaming: bool) -> InterpreterError:
        host = urlsplit(self.base_url).netloc
        detail = f"{type(exc).__name__}: {exc}"
        if isinstance(exc, httpx.TimeoutException):
            what = "stopped answering" if isinstance(exc, httpx.ReadTimeout) else "did not answer in time"
            return NetworkTimeoutError(
                f"The translation service at {host} {what}; check the internet connection.", detail=detail
            )
        if streaming and isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
            return StreamIncompleteError(
                "The connection dropped while the translation was arriving; the request will be made again.",
                detail=detail,
            )
        if isinstance(exc, httpx.ConnectError) and "certificate" in str(exc).lower():
            return NetworkError(
                f"The certificate of {host} could not be verified, so nothing was sent; if a company proxy inspects "
                "HTTPS, set SSL_CERT_FILE to a file holding its root certificate.",
                detail=detail,
            )
        if isinstance(exc, httpx.ConnectError | httpx.ProxyError):
            return NetworkError(
                f"Cannot reach the translation service at {host}; check the internet connection or proxy.",
                detail=detail,
            )
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
            return NetworkError(f"The service address {self.base_url} cannot be used for HTTP.", detail=detail)
        return NetworkError(f"The connection to the translation service at {host} failed.", detail=detail)


class HttpClientPool:
    """One :class:`HttpClient` per base URL for the whole app.

    Asking again for a base URL with a different key replaces that client (the user changed the key).
    """

    def __init__(self, *, timeouts: HttpTimeouts | None = None) -> None:
        self._timeouts = timeouts
        self._clients: dict[str, HttpClient] = {}

    async def client(self, base_url_or_region: str, *, api_key: str | None) -> HttpClient:
        """The client for ``base_url_or_region`` (a region name or base URL), created on first use."""
        key = http_base_url(base_url_or_region)
        existing = self._clients.get(key)
        if existing is not None and not existing.closed and existing.uses_key(api_key):
            return existing
        if existing is not None:
            await existing.aclose()
        created = HttpClient(base_url_or_region, api_key=api_key, timeouts=self._timeouts)
        self._clients[key] = created
        return created

    async def aclose(self) -> None:
        """Close every client."""
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()


def _is_event_stream(response: httpx.Response) -> bool:
    return "text/event-stream" in response.headers.get("content-type", "")


def _model_of(body: Mapping[str, Any]) -> str | None:
    model = body.get("model")
    return str(model) if model else None


def _decode_object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ProtocolError("The service sent an answer that is not valid JSON.", detail=f"{text!r:.120}") from exc
    if not isinstance(data, dict):
        raise ProtocolError("The service sent an answer that is not a JSON object.", detail=f"{text!r:.120}")
    return data


def _events_of_completion(body: Mapping[str, Any]) -> list[ChatStreamEvent]:
    """The events a stream of ``body`` (a non-streamed completion) would have produced, ending in StreamDone."""
    result = parse_completion(body)
    events: list[ChatStreamEvent] = []
    if result.text:
        events.append(TextDelta(result.text))
    if result.pcm:
        events.append(AudioDelta(result.pcm))
    if result.transcript:
        events.append(AudioTranscriptDelta(result.transcript))
    if result.finish_reason:
        events.append(ChoiceFinished(result.finish_reason))
    if result.usage is not None:
        events.append(UsageReported(result.usage))
    events.append(StreamDone())
    return events
