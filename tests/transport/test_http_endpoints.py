"""HTTP base URLs per region and for custom endpoints (emulator, proxies, OpenAI-SDK style bases)."""

from __future__ import annotations

import pytest

from interpreter.transport.endpoints import (
    CHAT_COMPLETIONS_PATH,
    Region,
    compatible_mode_base_url,
    http_base_url,
    native_api_base_url,
    region_label,
)


def test_region_base_urls() -> None:
    assert compatible_mode_base_url(Region.BEIJING) == "https://dashscope.aliyuncs.com/compatible-mode/v1"
    assert compatible_mode_base_url("singapore") == "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
    assert native_api_base_url("Beijing") == "https://dashscope.aliyuncs.com/api/v1"
    assert native_api_base_url(None) == "https://dashscope-intl.aliyuncs.com/api/v1"
    assert CHAT_COMPLETIONS_PATH == "/compatible-mode/v1/chat/completions"


@pytest.mark.parametrize(
    "given",
    [
        "http://127.0.0.1:8123",
        "http://127.0.0.1:8123/",
        "http://127.0.0.1:8123/compatible-mode/v1",
        "http://127.0.0.1:8123/api/v1/",
        "ws://127.0.0.1:8123/api-ws/v1/realtime",
    ],
)
def test_custom_bases_reduce_to_the_host_root(given: str) -> None:
    assert http_base_url(given) == "http://127.0.0.1:8123"
    assert compatible_mode_base_url(given) == "http://127.0.0.1:8123/compatible-mode/v1"


def test_a_proxy_prefix_is_kept() -> None:
    assert native_api_base_url("https://gw.example/dashscope") == "https://gw.example/dashscope/api/v1"


def test_region_labels_for_sentences() -> None:
    assert region_label("beijing") == "Beijing"
    assert region_label(None) == "Singapore"
    assert region_label("https://dashscope-intl.aliyuncs.com/compatible-mode/v1") == "Singapore"
    assert region_label("http://user:secret@127.0.0.1:9") == "127.0.0.1:9"
    assert region_label("mars") == "mars"
