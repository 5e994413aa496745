"""The price table in use: the packaged placeholders with the user's own ``config_dir()/pricing.json`` laid over it.

The user file has the shape of ``interpreter/resources/pricing.json`` and may hold any subset (one rate of one model
is enough). A user file that cannot be used never stops the app: the packaged table is used and a notice says why.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from interpreter.core.cost import Pricing, load_pricing
from interpreter.store import texts
from interpreter.store.paths import config_dir

_log = logging.getLogger(__name__)

USER_PRICING_FILE = "pricing.json"


def load_effective_pricing(path: Path | None = None) -> tuple[Pricing, tuple[str, ...]]:
    """Packaged prices merged with the user's overrides.

    Args:
        path: the override file; default ``config_dir()/pricing.json``.

    Returns:
        ``(pricing, notices)``; notices holds one sentence when the override file was ignored.
    """
    path = path if path is not None else config_dir() / USER_PRICING_FILE
    base = load_pricing()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return base, ()
    except (OSError, UnicodeDecodeError) as exc:
        return base, (_ignored(path, exc),)
    try:
        overrides = json.loads(text)
        if not isinstance(overrides, dict):
            raise ValueError("the top level must be an object")
        return base.merged(overrides), ()
    except ValueError as exc:  # json.JSONDecodeError is a ValueError; so are Pricing's validation errors
        return base, (_ignored(path, exc),)


def _ignored(path: Path, exc: BaseException) -> str:
    _log.warning("pricing: ignoring %s: %s", path, exc)
    return texts.PRICING_IGNORED(file=path.name, reason=str(exc))
