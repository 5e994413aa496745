"""One exception tree for the whole application.

Every error carries ``user_message``: one sentence a user can act on. The traceback is for the log;
the sentence is for the person in front of the screen.

    InterpreterError
    ├── ConfigError                 invalid settings or session configuration (fatal, fix the config)
    ├── ProtocolError               malformed data from the service (fatal for that frame)
    ├── ServiceError                the service said no; carries ``code`` and ``http_status``
    │   ├── AuthenticationError     401 / invalid key / key from the other region (fatal)
    │   ├── AccessDeniedError       403 / model not enabled, quota mode, arrears (fatal)
    │   │   └── QuotaExhaustedError  allocated/free-tier quota used up or account in arrears (fatal, not a 429 wait)
    │   ├── RateLimitError          429 / throttling or quota (retry with backoff)
    │   ├── ServerError             5xx / internal error (retry)
    │   └── RequestRejectedError    an ``error`` event for an invalid request (fatal)
    ├── NetworkError                connect failed, connection dropped, timeout (retry)
    │   └── NetworkTimeoutError
    ├── MediaError                  device or media-file trouble
    │   ├── DeviceError
    │   └── MediaFileError
    └── StorageError                settings, journal or output files
        └── SecretStoreUnavailableError   no OS keyring backend
"""

from __future__ import annotations


class InterpreterError(Exception):
    """Base of every error the application raises on purpose.

    Args:
        user_message: one plain sentence saying what happened and what to do.
        detail: technical detail for the log (never shown as the headline).
    """

    def __init__(self, user_message: str, *, detail: str | None = None) -> None:
        super().__init__(user_message if detail is None else f"{user_message} ({detail})")
        self.user_message = user_message
        self.detail = detail


class ConfigError(InterpreterError):
    """A setting or session configuration that cannot work; ``field`` names it when known."""

    def __init__(self, user_message: str, *, field: str | None = None, detail: str | None = None) -> None:
        super().__init__(user_message, detail=detail)
        self.field = field


class ProtocolError(InterpreterError):
    """The service sent something we cannot parse."""


class ServiceError(InterpreterError):
    """The service refused a request.

    Args:
        code: the service's error code (native ``InvalidApiKey`` or compat ``invalid_api_key`` form).
        http_status: the HTTP status when there was one (handshake or HTTP API), else None.
    """

    def __init__(
        self,
        user_message: str,
        *,
        code: str | None = None,
        http_status: int | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(user_message, detail=detail)
        self.code = code
        self.http_status = http_status


class AuthenticationError(ServiceError):
    """The API key is missing, wrong, or belongs to the other region."""


class AccessDeniedError(ServiceError):
    """The key is valid but may not use this model or feature."""


class QuotaExhaustedError(AccessDeniedError):
    """The account's quota is used up (``insufficient_quota``, ``Throttling.AllocationQuota``, free tier only,
    arrears): waiting a minute does not help, so this is fatal even when the service answered 429."""


class RateLimitError(ServiceError):
    """Too many requests or tokens; waiting helps.

    Args:
        retry_after_s: the server's ``Retry-After`` in seconds when it sent one, else None.
    """

    def __init__(
        self,
        user_message: str,
        *,
        code: str | None = None,
        http_status: int | None = None,
        detail: str | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(user_message, code=code, http_status=http_status, detail=detail)
        self.retry_after_s = retry_after_s


class ServerError(ServiceError):
    """The service failed internally; trying again later helps."""


class RequestRejectedError(ServiceError):
    """The service rejected what we sent (an ``error`` event or HTTP 400)."""


class NetworkError(InterpreterError):
    """The network failed: could not connect, the connection dropped, or it stalled."""


class NetworkTimeoutError(NetworkError):
    """Nothing arrived within the time we allow."""


class MediaError(InterpreterError):
    """Audio/video device or media file trouble."""


class DeviceError(MediaError):
    """An audio device or camera failed, vanished or cannot be opened."""


class MediaFileError(MediaError):
    """A media file cannot be read or written."""


class StorageError(InterpreterError):
    """Settings, journal or output files could not be read or written."""


class SecretStoreUnavailableError(StorageError):
    """No OS keyring backend is available to hold the API key."""
