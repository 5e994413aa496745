from __future__ import annotations

import pytest

from interpreter.errors import ConfigError
from interpreter.transport.endpoints import Region, http_base_url, parse_region, realtime_url

MODEL = "qwen3-livetranslate-flash-realtime"


def test_regions_map_to_the_documented_hosts() -> None:
    assert realtime_url(Region.SINGAPORE, MODEL) == (
        f"wss://dashscope-intl.aliyuncs.com/api-ws/v1/realtime?model={MODEL}"
    )
    assert realtime_url("beijing", MODEL) == f"wss://dashscope.aliyuncs.com/api-ws/v1/realtime?model={MODEL}"
    assert realtime_url(None, MODEL).startswith("wss://dashscope-intl.aliyuncs.com/")
    assert http_base_url(Region.BEIJING) == "https://dashscope.aliyuncs.com"
    assert http_base_url("Singapore") == "https://dashscope-intl.aliyuncs.com"


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("http://127.0.0.1:8123", "ws://127.0.0.1:8123/api-ws/v1/realtime?model=m"),
        ("http://127.0.0.1:8123/", "ws://127.0.0.1:8123/api-ws/v1/realtime?model=m"),
        ("https://proxy.example/dash", "wss://proxy.example/dash/api-ws/v1/realtime?model=m"),
        ("wss://ws.example/api-ws/v1/realtime", "wss://ws.example/api-ws/v1/realtime?model=m"),
    ],
)
def test_base_urls_become_websocket_urls(base: str, expected: str) -> None:
    assert realtime_url(base, "m") == expected


def test_model_names_are_quoted_and_http_base_drops_the_realtime_path() -> None:
    assert realtime_url("http://h:1", "qwen3.5-live flash").endswith("?model=qwen3.5-live%20flash")
    assert http_base_url("wss://ws.example/api-ws/v1/realtime") == "https://ws.example"
    assert http_base_url("http://127.0.0.1:9/") == "http://127.0.0.1:9"


def test_bad_region_or_url_is_a_config_error_naming_the_field() -> None:
    with pytest.raises(ConfigError) as region_error:
        parse_region("frankfurt")
    assert region_error.value.field == "region"
    assert "singapore" in region_error.value.user_message
    with pytest.raises(ConfigError) as url_error:
        realtime_url("ftp://host", "m")
    assert url_error.value.field == "base_url"
