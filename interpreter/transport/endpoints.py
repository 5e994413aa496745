"""Where the DashScope services live: regions, realtime WebSocket URLs and HTTP base URLs.

API keys are region-bound (spec §1.2): a Beijing key is rejected by the Singapore host and vice versa, so the
region is part of every endpoint decision. A custom base URL (the local emulator, a proxy, a workspace-scoped
host) overrides the region entirely.

Pure string work: no network, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote, urlsplit, urlunsplit

from interpreter.errors import ConfigError

REALTIME_PATH = "/api-ws/v1/realtime"
"""Path of the LiveTranslate realtime WebSocket endpoint (spec §1.2)."""

COMPATIBLE_MODE_PATH = "/compatible-mode/v1"
"""Prefix of the OpenAI-compatible HTTP APIs (spec §3, §8.2)."""

NATIVE_API_PATH = "/api/v1"
"""Prefix of the native DashScope HTTP APIs (spec §5, §6, §8.1)."""

CHAT_COMPLETIONS_PATH = COMPATIBLE_MODE_PATH + "/chat/completions"
"""OpenAI-compatible chat completions (file translation with qwen3-livetranslate-flash, Qwen-MT, OCR)."""

# A base URL copied from an OpenAI-SDK example ends in one of these; the HTTP base is the part before it.
_API_SUFFIXES = (REALTIME_PATH, COMPATIBLE_MODE_PATH, NATIVE_API_PATH)


class Region(StrEnum):
    """The two public DashScope regions the app supports."""

    SINGAPORE = "singapore"
    BEIJING = "beijing"


_REGION_HOSTS: dict[Region, str] = {
    Region.SINGAPORE: "dashscope-intl.aliyuncs.com",
    Region.BEIJING: "dashscope.aliyuncs.com",
}

_WS_SCHEME_FOR = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}
_HTTP_SCHEME_FOR = {"ws": "http", "wss": "https", "http": "http", "https": "https"}


@dataclass(frozen=True)
class Endpoint:
    """Where and as whom a session connects.

    Attributes:
        api_key: the DashScope key (never logged, never shown); "" for a keyless custom address.
        base_url: None for the region's service, or e.g. the embedded emulator's ``http://127.0.0.1:N``.
        region: "singapore" or "beijing".
        demo: True when the endpoint is the emulator (the UI labels output "Demo — not real translation").
    """

    api_key: str
    base_url: str | None = None
    region: str = "singapore"
    demo: bool = False


def parse_region(value: str | Region) -> Region:
    """Return the Region for ``value`` (case-insensitive name), or raise ConfigError naming the choices."""
    try:
        return Region(str(value).strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Region)
        raise ConfigError(f"Unknown region {value!r}; choose one of: {choices}.", field="region") from None


def _split_base(base_url: str) -> tuple[str, str, str]:
    """Split a base URL into (scheme, netloc, path without trailing slash); raise ConfigError when unusable."""
    parts = urlsplit(base_url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _WS_SCHEME_FOR or not parts.netloc:
        raise ConfigError(
            f"The service address {base_url!r} is not a valid http(s):// or ws(s):// URL.",
            field="base_url",
        )
    return scheme, parts.netloc, parts.path.rstrip("/")


def is_region(value: str | Region | None) -> bool:
    """True when ``value`` names a region rather than a URL (None means the default region)."""
    return value is None or isinstance(value, Region) or "://" not in value


def realtime_url(base_url_or_region: str | Region | None, model: str) -> str:
    """WebSocket URL of the realtime endpoint for ``model``.

    Args:
        base_url_or_region: a Region (or its name) for the public service, or a base URL such as
            ``http://127.0.0.1:8123`` (→ ``ws://``) or ``https://host`` (→ ``wss://``). ``None`` = Singapore.
            A base URL that already ends in the realtime path is used as is (only ``model`` is added).
        model: realtime model name, sent as the ``model`` query parameter.

    Returns:
        e.g. ``wss://dashscope-intl.aliyuncs.com/api-ws/v1/realtime?model=qwen3-livetranslate-flash-realtime``.

    Raises:
        ConfigError: unknown region name or malformed URL.
    """
    query = "model=" + quote(model, safe="")
    if is_region(base_url_or_region):
        region = parse_region(base_url_or_region or Region.SINGAPORE)
        return f"wss://{_REGION_HOSTS[region]}{REALTIME_PATH}?{query}"
    assert isinstance(base_url_or_region, str)  # narrowed by is_region
    scheme, netloc, path = _split_base(base_url_or_region)
    if not path.endswith(REALTIME_PATH):
        path += REALTIME_PATH
    return urlunsplit((_WS_SCHEME_FOR[scheme], netloc, path, query, ""))


def http_base_url(base_url_or_region: str | Region | None) -> str:
    """Base URL of the HTTP APIs (``/api/v1/...``, ``/compatible-mode/v1/...``) without a trailing slash.

    Args:
        base_url_or_region: as for :func:`realtime_url`; ``ws(s)://`` base URLs map to ``http(s)://``.

    Raises:
        ConfigError: unknown region name or malformed URL.
    """
    if is_region(base_url_or_region):
        region = parse_region(base_url_or_region or Region.SINGAPORE)
        return f"https://{_REGION_HOSTS[region]}"
    assert isinstance(base_url_or_region, str)
    scheme, netloc, path = _split_base(base_url_or_region)
    for suffix in _API_SUFFIXES:
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return urlunsplit((_HTTP_SCHEME_FOR[scheme], netloc, path, "", ""))


def compatible_mode_base_url(base_url_or_region: str | Region | None) -> str:
    """Base URL of the OpenAI-compatible APIs, e.g. ``https://dashscope.aliyuncs.com/compatible-mode/v1`` for
    Beijing, ``https://dashscope-intl.aliyuncs.com/compatible-mode/v1`` for Singapore, or
    ``http://127.0.0.1:N/compatible-mode/v1`` for the emulator (what the ``openai`` SDK takes as ``base_url``).

    Raises:
        ConfigError: unknown region name or malformed URL.
    """
    return http_base_url(base_url_or_region) + COMPATIBLE_MODE_PATH


def native_api_base_url(base_url_or_region: str | Region | None) -> str:
    """Base URL of the native DashScope APIs, e.g. ``https://dashscope.aliyuncs.com/api/v1``.

    Raises:
        ConfigError: unknown region name or malformed URL.
    """
    return http_base_url(base_url_or_region) + NATIVE_API_PATH


_REGION_FOR_HOST = {host: region for region, host in _REGION_HOSTS.items()}


def region_label(base_url_or_region: str | Region | None) -> str:
    """How error sentences name an endpoint: "Singapore"/"Beijing" for the public hosts, else the host[:port].

    Never raises: an unusable value is labelled as given (the error about it comes from elsewhere).
    """
    if is_region(base_url_or_region):
        try:
            return parse_region(base_url_or_region or Region.SINGAPORE).value.capitalize()
        except ConfigError:
            return str(base_url_or_region)
    assert isinstance(base_url_or_region, str)
    netloc = urlsplit(base_url_or_region.strip()).netloc
    host = netloc.rpartition("@")[2]  # never show user:password@ if someone put credentials in the URL
    region = _REGION_FOR_HOST.get(host.lower())
    return region.value.capitalize() if region is not None else host
