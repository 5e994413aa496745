"""core.net.is_loopback: one answer for URLs (client) and bare hosts (emulator bind address)."""

from __future__ import annotations

from interpreter.core.net import is_loopback


def test_loopback_urls() -> None:
    assert is_loopback("http://127.0.0.1:5000")
    assert is_loopback("ws://localhost:1")
    assert is_loopback("http://[::1]:8080/api")
    assert not is_loopback("https://dashscope-intl.aliyuncs.com")
    assert not is_loopback(None)
    assert not is_loopback("")


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.1")
    assert is_loopback("127.8.9.10")
    assert is_loopback("::1")
    assert is_loopback("LOCALHOST")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("192.168.1.2")
    # A region name or any other word is not an address of this machine (and is never resolved).
    assert not is_loopback("singapore")
