"""“Test connection”: open a real realtime session with a key, then finish it, and say exactly what went wrong.

The check is the real thing, not a ping: it connects to the LiveTranslate WebSocket of the configured region (or
custom address), waits for the session to be configured with a trivial text-only config, then finishes it. That
proves the key, the region, access to the model and the quota in one go, and costs next to nothing (no audio is
sent, so nothing is billed).

A rejected key is ambiguous on the wire: the service answers 401 both for a wrong key and for a key of the other
region (keys are region-bound, spec §1.2). To tell the two apart the check asks the other region once; if that
accepts the key, the answer is "wrong region" instead of "invalid key".

Qt-free: the API key view-model (``ui.viewmodels.api_key``) awaits :func:`check_connection` and shows the
outcome's ``headline`` and ``message`` with ``ui.messages.render``; both are declared messages
(``interpreter.services.texts``), English as ``str``. Tests may call it directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from interpreter.core.catalog import DEFAULT_MODEL
from interpreter.core.messages import MessageTemplate, UserMessage
from interpreter.core.redaction import redact
from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    InterpreterError,
    NetworkError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.services import texts
from interpreter.transport.endpoints import Region

__all__ = [
    "HEADLINES",
    "REGION_LABELS",
    "CheckOutcome",
    "CheckReason",
    "check_connection",
    "region_label",
]

logger = logging.getLogger(__name__)

#: Seconds for TCP + TLS + WebSocket upgrade. Longer than the live default (5 s): a user waiting on a button
#: prefers a slow answer to a false "network problem" on a sluggish hotel Wi-Fi.
CONNECT_TIMEOUT_S = 10.0
#: Seconds to wait for ``session.finished`` after ``session.finish``; with no audio sent it comes at once.
FINISH_TIMEOUT_S = 5.0


class CheckReason(StrEnum):
    """Why a check ended the way it did (what the dialog's headline says)."""

    OK = "ok"
    INVALID_KEY = "invalid_key"
    WRONG_REGION = "wrong_region"
    NO_ACCESS = "no_access"
    QUOTA = "quota"
    NETWORK = "network"
    SERVER = "server"
    REJECTED = "rejected"
    CONFIG = "config"


#: The headline of each outcome (the dialog's status line).
HEADLINES: dict[CheckReason, MessageTemplate] = {
    CheckReason.OK: texts.CHECK_HEADLINE_OK,
    CheckReason.INVALID_KEY: texts.CHECK_HEADLINE_INVALID_KEY,
    CheckReason.WRONG_REGION: texts.CHECK_HEADLINE_WRONG_REGION,
    CheckReason.NO_ACCESS: texts.CHECK_HEADLINE_NO_ACCESS,
    CheckReason.QUOTA: texts.CHECK_HEADLINE_QUOTA,
    CheckReason.NETWORK: texts.CHECK_HEADLINE_NETWORK,
    CheckReason.SERVER: texts.CHECK_HEADLINE_SERVER,
    CheckReason.REJECTED: texts.CHECK_HEADLINE_REJECTED,
    CheckReason.CONFIG: texts.CHECK_HEADLINE_CONFIG,
}

#: How the API key dialog names each region (``{region}`` in the check's sentences).
REGION_LABELS: dict[Region, MessageTemplate] = {
    Region.SINGAPORE: texts.REGION_SINGAPORE_INTERNATIONAL,
    Region.BEIJING: texts.REGION_BEIJING_MAINLAND,
}


def region_label(region: Region | str) -> UserMessage:
    """The name of ``region`` (a ``Region`` or its value) as the API key dialog shows it."""
    return REGION_LABELS[Region(region)]()


@dataclass(frozen=True)
class CheckOutcome:
    """The result of one check.

    Attributes:
        reason: what happened (``OK`` on success).
        message: one sentence for the user (English as ``str``; ``ui.messages.render`` shows it in the UI
            language); never contains the key.
        key_region: the region the key was found to belong to when that differs from the one checked.
    """

    reason: CheckReason
    message: UserMessage
    key_region: Region | None = None

    @property
    def ok(self) -> bool:
        return self.reason is CheckReason.OK

    @property
    def headline(self) -> UserMessage:
        """A few words for the status line ("Invalid key")."""
        return HEADLINES[self.reason]()


def _without_key(message: UserMessage) -> UserMessage:
    """``message`` itself, unless redaction changes its English (then the redacted text, untranslated): a key must
    never reach the dialog, whichever sentence carried it."""
    redacted = redact(str(message))
    return message if redacted == str(message) else UserMessage.verbatim(redacted)


def _other(region: Region) -> Region:
    return Region.BEIJING if region is Region.SINGAPORE else Region.SINGAPORE


async def _open_and_finish(api_key: str, region: Region, base_url: str | None, model: str) -> None:
    """One realtime session: connect, get configured, finish. Raises the fatal ``errors`` type."""
    # Imported here so that opening a dialog never loads the WebSocket stack before the user asks for a check.
    from interpreter.protocol.config import SessionConfig, validate_config
    from interpreter.transport.realtime import RealtimeConnection

    # The cheapest config that still exercises the model: text only, no transcription, no audio ever sent.
    config = validate_config(
        SessionConfig(model=model, target_language="en", audio_output=False, transcribe_source=False)
    ).config
    connection = RealtimeConnection(
        config,
        api_key=api_key,
        base_url=base_url,
        region=region,
        connect_timeout=CONNECT_TIMEOUT_S,
        finish_timeout=FINISH_TIMEOUT_S,
        retry=False,  # a check reports the first failure; retrying would only hide it (and hammer a 429)
        keepalive_interval=None,
    )
    try:
        await connection.start()
        await connection.finish()
    finally:
        await connection.abort()  # idempotent after finish(); closes the socket if start() was cancelled


def _classify(error: InterpreterError) -> CheckReason:
    if isinstance(error, AuthenticationError):
        return CheckReason.INVALID_KEY
    if isinstance(error, AccessDeniedError):
        return CheckReason.NO_ACCESS
    if isinstance(error, RateLimitError):
        return CheckReason.QUOTA
    if isinstance(error, NetworkError):
        return CheckReason.NETWORK
    if isinstance(error, ServerError):
        return CheckReason.SERVER
    if isinstance(error, RequestRejectedError):
        return CheckReason.REJECTED
    if isinstance(error, ConfigError):
        # The transport reports an unknown model at this address as a ConfigError on field "model".
        return CheckReason.NO_ACCESS if error.field == "model" else CheckReason.CONFIG
    return CheckReason.SERVER


async def check_connection(
    api_key: str,
    region: Region,
    *,
    base_url: str | None = None,
    model: str = DEFAULT_MODEL,
    other_region_base_url: str | None = None,
    probe_other_region: bool | None = None,
) -> CheckOutcome:
    """Open and finish one realtime session with ``api_key``; never raises for a service or network failure.

    Args:
        api_key: the key to check (not stored anywhere by this function).
        region: the region the user selected.
        base_url: a custom service address (emulator, proxy); None = the region's public endpoint.
        model: the realtime model to check access to.
        other_region_base_url: where to reach the other region for the wrong-region probe (None = its public
            endpoint). Tests point this at a second emulator.
        probe_other_region: whether a rejected key is tried against the other region. Default: only when the
            public endpoints are used or ``other_region_base_url`` is given (a custom address has no "other
            region").

    Returns:
        The outcome with a sentence for the user. A blank key is reported without connecting.
    """
    key = api_key.strip()
    if not key:
        return CheckOutcome(CheckReason.INVALID_KEY, texts.CHECK_BLANK_KEY())
    try:
        await _open_and_finish(key, region, base_url, model)
    except InterpreterError as error:
        reason = _classify(error)
        logger.info("Connection check failed: %s", redact(str(error)))
        if probe_other_region is None:
            probe_other_region = base_url is None or other_region_base_url is not None
        if reason is CheckReason.INVALID_KEY and probe_other_region:
            other = _other(region)
            try:
                await _open_and_finish(key, other, other_region_base_url, model)
            except InterpreterError as probe_error:
                logger.info("Other-region probe failed too: %s", redact(str(probe_error)))
            else:
                return CheckOutcome(
                    CheckReason.WRONG_REGION, texts.CHECK_WRONG_REGION(region=region_label(other)), key_region=other
                )
        if reason is CheckReason.QUOTA:
            return CheckOutcome(reason, texts.CHECK_QUOTA())
        if reason is CheckReason.INVALID_KEY:
            return CheckOutcome(reason, texts.CHECK_KEY_REFUSED(region=region_label(region)))
        return CheckOutcome(reason, _without_key(error.message))
    where = base_url or texts.CHECK_REGION_SERVICE(region=region_label(region))
    return CheckOutcome(CheckReason.OK, _without_key(texts.CHECK_WORKS(where=where)))
