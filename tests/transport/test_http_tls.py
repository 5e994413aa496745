"""TLS certificates are always verified: a server with a self-signed certificate is refused, never trusted."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from interpreter.errors import NetworkError
from interpreter.transport.http import HttpClient


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


async def test_a_self_signed_certificate_is_refused(self_signed: tuple[Path, Path]) -> None:
    cert, key = self_signed
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    requests: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            requests.append(await reader.readuntil(b"\r\n\r\n"))
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass  # the client hung up during the handshake, as it should
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    try:
        async with HttpClient(f"https://127.0.0.1:{port}", api_key="sk-tls-test-0123456789") as client:
            with pytest.raises(NetworkError) as raised:
                await client.get_json("/api/v1/tasks/t")
    finally:
        server.close()
        await server.wait_closed()
    assert "certificate" in (raised.value.detail or "").lower()
    assert "could not be verified" in raised.value.user_message
    assert requests == []  # not one byte of the request (and its key) went to the untrusted server
