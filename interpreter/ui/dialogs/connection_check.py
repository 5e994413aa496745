"""“Test connection”: open a real realtime session with a key, then finish it, and say exactly what went wrong.

The check is the real thing, not a ping: it connects to the LiveTranslate WebSocket of the configured region (or
custom address), waits for the session to be configured with a trivial text-only config, then finishes it. That
proves the key, the region, access to the model and the quota in one go, and costs next to nothing (no audio is
sent, so nothing is billed).

A rejected key is ambiguous on the wire: the service answers 401 both for a wrong key and for a key of the other
region (keys are region-bound, spec §1.2). To tell the two apart the check asks the other region once; if that
accepts the key, the answer is "wrong region" instead of "invalid key".

No widgets here: the view-model awaits :func:`check_connection`; tests may call it directly. The only Qt use is
``QCoreApplication.translate`` for the user's sentences (it works without an application object, returning the
English source text when no translation is installed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from interpreter.core.catalog import DEFAULT_MODEL
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
from interpreter.transport.endpoints import Region
from interpreter.ui.dialogs.localization import QT_TRANSLATE_NOOP
from interpreter.ui.messages import render

__all__ = ["CheckOutcome", "CheckReason", "check_connection", "region_label"]

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


_CONTEXT = "ConnectionCheck"

#: Headlines in English (the source text); :attr:`CheckOutcome.headline` translates them.
_HEADLINES = {
    CheckReason.OK: QT_TRANSLATE_NOOP("ConnectionCheck", "Connected"),
    CheckReason.INVALID_KEY: QT_TRANSLATE_NOOP("ConnectionCheck", "Invalid key"),
    CheckReason.WRONG_REGION: QT_TRANSLATE_NOOP("ConnectionCheck", "Wrong region"),
    CheckReason.NO_ACCESS: QT_TRANSLATE_NOOP("ConnectionCheck", "No access to the model"),
    CheckReason.QUOTA: QT_TRANSLATE_NOOP("ConnectionCheck", "Quota or rate limit reached"),
    CheckReason.NETWORK: QT_TRANSLATE_NOOP("ConnectionCheck", "Network problem"),
    CheckReason.SERVER: QT_TRANSLATE_NOOP("ConnectionCheck", "Service problem"),
    CheckReason.REJECTED: QT_TRANSLATE_NOOP("ConnectionCheck", "Request rejected"),
    CheckReason.CONFIG: QT_TRANSLATE_NOOP("ConnectionCheck", "Settings problem"),
}

_REGION_LABELS = {
    Region.SINGAPORE: QT_TRANSLATE_NOOP("ConnectionCheck", "Singapore (international)"),
    Region.BEIJING: QT_TRANSLATE_NOOP("ConnectionCheck", "Beijing (China mainland)"),
}


def region_label(region: Region) -> str:
    """How the UI names a region (in the UI language)."""
    return QCoreApplication.translate(_CONTEXT, _REGION_LABELS[region])


@dataclass(frozen=True)
class CheckOutcome:
    """The result of one check.

    Attributes:
        reason: what happened (``OK`` on success).
        message: one sentence for the user; never contains the key.
        key_region: the region the key was found to belong to when that differs from the one checked.
    """

    reason: CheckReason
    message: str
    key_region: Region | None = None

    @property
    def ok(self) -> bool:
        return self.reason is CheckReason.OK

    @property
    def headline(self) -> str:
        """A few words for the status line ("Invalid key"), in the UI language."""
        return QCoreApplication.translate(_CONTEXT, _HEADLINES[self.reason])


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
        return CheckOutcome(
            CheckReason.INVALID_KEY, QCoreApplication.translate("ConnectionCheck", "Enter an API key first.")
        )
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
                    CheckReason.WRONG_REGION,
                    QCoreApplication.translate(
                        "ConnectionCheck",
                        "This key belongs to the {region} region; select that region and save again.",
                    ).format(region=region_label(other)),
                    key_region=other,
                )
        message = render(error.message)
        if reason is CheckReason.QUOTA:
            # The transport's sentence promises a retry; a check does not retry, so say what the user can do.
            message = QCoreApplication.translate(
                "ConnectionCheck",
                "The service is limiting requests for this account (too many sessions or tokens per minute, or "
                "the quota is used up); wait a minute and test again, or check the quota in the Model Studio console.",
            )
        elif reason is CheckReason.INVALID_KEY:
            message = QCoreApplication.translate(
                "ConnectionCheck",
                "The {region} service refused this key: check that it is copied completely, "
                "has not been deleted, and was created for this region.",
            ).format(region=region_label(region))
        return CheckOutcome(reason, redact(message))
    return CheckOutcome(
        CheckReason.OK,
        QCoreApplication.translate("ConnectionCheck", "The key works: a live session opened on {where}.").format(
            where=_where(region, base_url)
        ),
    )


def _where(region: Region, base_url: str | None) -> str:
    if base_url:
        return base_url
    return QCoreApplication.translate("ConnectionCheck", "the {region} service").format(region=region_label(region))
