"""A chat-completion client that follows the app's current endpoint (Qt-free).

The desktop app starts in demo mode (the embedded emulator) when no key is found and switches to the real service
when the user saves a key. A long-lived service such as ``FileTranslationService`` holds ONE client object; this one
asks ``endpoint()`` on every request and borrows the matching ``transport.http.HttpClient`` from a pool, so the
next request after the switch goes to the new endpoint with the new key (requests already in flight finish where
they started).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from interpreter.errors import AuthenticationError
from interpreter.protocol.chat_stream import ChatResult
from interpreter.services import texts
from interpreter.transport.endpoints import Endpoint
from interpreter.transport.http import HttpClientPool

__all__ = ["CurrentEndpointClient"]


class CurrentEndpointClient:
    """``chat_completion`` on whatever endpoint ``endpoint()`` names at the time of the call.

    Args:
        endpoint: returns the endpoint to use now, or None when there is none (no key, no custom address).
    """

    def __init__(self, endpoint: Callable[[], Endpoint | None]) -> None:
        self._endpoint = endpoint
        self._pool = HttpClientPool()

    async def chat_completion(self, payload: Mapping[str, Any]) -> ChatResult:
        """POST and stream one chat completion on the current endpoint.

        Raises:
            AuthenticationError: there is no endpoint (no key); otherwise whatever ``HttpClient.chat_completion``
                raises.
        """
        endpoint = self._endpoint()
        if endpoint is None:
            raise AuthenticationError(texts.NO_KEY_IN_APP())
        client = await self._pool.client(endpoint.base_url or endpoint.region, api_key=endpoint.api_key or None)
        return await client.chat_completion(payload)

    async def aclose(self) -> None:
        """Close every HTTP client opened so far."""
        await self._pool.aclose()
