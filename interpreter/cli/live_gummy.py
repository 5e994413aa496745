"""``live --engine gummy``: the Gummy parts of the ``live`` command (kept out of ``live.py`` so its edit stays small).

Gummy (spec §7) gives captions only: source transcription and one translation, no voice and no pictures, Beijing
only (the demo emulator and a custom ``--base-url`` serve it anywhere). Importing this module is cheap.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import AsyncIterable
    from pathlib import Path

    from interpreter.protocol.config import SessionConfig
    from interpreter.protocol.gummy import GummyConfig
    from interpreter.services.gummy_session import GummyLiveSession
    from interpreter.services.live_session import UpdateCallback
    from interpreter.transport.endpoints import Endpoint

ENGINES = ("livetranslate", "gummy")
GUMMY = "gummy"

# ---- terminal sentences (CLI-only, plain English like the rest of cli/; errors from lower layers are msg()s) ----
MSG_TEXT_ONLY_OPTION = "Gummy gives captions only; {option} needs --engine livetranslate."
MSG_GUMMY_MODEL = "--model {model} is not a Gummy model; leave --model out or use gummy-realtime-v1."
MSG_COST = (
    "Gummy: {seconds:.1f} s of audio ≈ {amount} {currency} (recognition + translation at {rate} {currency}/s; "
    "LiveTranslate text only: ≈ {other})."
)
MSG_COST_UNKNOWN = "Gummy: {seconds:.1f} s of audio (no price known for this region)."

#: Options that need a voice, pictures or the LiveTranslate glossary; refused with Gummy instead of ignored.
_UNSUPPORTED = (("voice", "--voice"), ("play", "--play"), ("visual", "--visual"), ("hotwords", "--hotwords"))


def wants_gummy(args: argparse.Namespace) -> bool:
    return getattr(args, "engine", "livetranslate") == GUMMY


def gummy_configs(args: argparse.Namespace) -> tuple[GummyConfig, SessionConfig]:
    """The validated Gummy config, and the plain session config the shared audio code reads (rate only).

    Raises:
        ConfigError: an option Gummy cannot honour, or languages it does not support (checked locally).
    """
    from interpreter.core.gummy import GUMMY_MODEL, load_gummy_catalog
    from interpreter.errors import ConfigError
    from interpreter.protocol.config import SessionConfig
    from interpreter.protocol.gummy import GummyConfig, validate_gummy_config

    for attribute, option in _UNSUPPORTED:
        if getattr(args, attribute, None):
            raise ConfigError(MSG_TEXT_ONLY_OPTION.format(option=option), field=attribute)
    model = args.model or GUMMY_MODEL
    if load_gummy_catalog().model(model) is None:
        raise ConfigError(MSG_GUMMY_MODEL.format(model=model), field="model")
    config = validate_gummy_config(GummyConfig(args.target, args.source, model))
    return config, SessionConfig(target_language=config.target_language, audio_output=False)


def gummy_session(
    config: GummyConfig,
    *,
    endpoint: Endpoint,
    audio: AsyncIterable[bytes],
    out_dir: Path,
    on_update: UpdateCallback,
    max_audio_s: float | None,
) -> GummyLiveSession:
    """The Gummy session for the ``live`` command (a Singapore region without ``--base-url`` is refused by it)."""
    from interpreter.services.gummy_session import GummyLiveSession

    return GummyLiveSession(
        config,
        api_key=endpoint.api_key,
        base_url=endpoint.base_url,
        region=endpoint.region,
        audio_source=audio,
        out_dir=out_dir,
        on_update=on_update,
        max_audio_s=max_audio_s,
    )


def cost_line(session: GummyLiveSession) -> str:
    """One line with the seconds billed and their price (Beijing prices: Gummy is sold only there)."""
    from interpreter.core.gummy import per_second_rates

    seconds = session.billed_seconds
    rates = per_second_rates(session.config.model, "beijing")
    cost = session.cost()
    if rates is None or cost is None:
        return MSG_COST_UNKNOWN.format(seconds=seconds)
    amount, currency = cost
    rate = rates.transcription + rates.translation
    return MSG_COST.format(
        seconds=seconds, amount=f"{amount:.4f}", currency=currency, rate=rate, other=livetranslate_estimate(seconds)
    )


def livetranslate_estimate(seconds: float) -> str:
    """What the same seconds cost on LiveTranslate's default model without voice (Beijing prices, for comparison)."""
    from interpreter.core.catalog import DEFAULT_MODEL, load_catalog
    from interpreter.core.cost import estimate_live_seconds

    model = load_catalog().model(DEFAULT_MODEL)
    if model is None:
        return "price unknown"
    return estimate_live_seconds(seconds, model, "beijing", audio_output=False).format()
