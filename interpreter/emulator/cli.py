"""``live-interpreter emulator`` / ``python -m interpreter.emulator``: run the local DashScope emulator.

The first line printed on stdout is the base URL (``http://127.0.0.1:8765``), flushed at once, so a script or test
can start the process and read where to connect. It then serves until SIGINT or SIGTERM and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import Any

DEFAULT_PORT = 8765


def _error_after(value: str) -> tuple[int, str | None]:
    """``N`` or ``N:CODE`` for --error-after-messages."""
    count, _, code = value.partition(":")
    try:
        n = int(count)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected N or N:CODE, got {value!r}") from exc
    if n < 1:
        raise argparse.ArgumentTypeError("N must be at least 1")
    return n, code or None


def _positive_float(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the emulator's options to ``parser`` (cheap: imports nothing heavy)."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host. The emulator accepts a publicly known demo key, has no TLS and (unless "
        "--rate-limits) no rate limits, so on a network anyone could use it; only do this on a network you trust",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT}; 0 = any free)"
    )
    parser.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help="accepted API key (repeatable; default sk-emulator-demo)",
    )
    parser.add_argument(
        "--speed",
        type=_positive_float,
        default=1.0,
        metavar="FACTOR",
        help="run emulated time FACTOR times faster than real time (default 1)",
    )
    parser.add_argument("--script", metavar="FILE", help="utterances to recognise/translate in order (.txt or .jsonl)")
    parser.add_argument(
        "--text-form",
        choices=("stash", "cumulative", "incremental"),
        default="stash",
        help="shape of response.text.text events in text-only mode (default stash)",
    )
    faults = parser.add_argument_group("fault injection")
    faults.add_argument("--drop-after-seconds", type=float, metavar="S", help="abort each connection after S seconds")
    faults.add_argument("--drop-after-messages", type=int, metavar="N", help="abort after N client messages")
    faults.add_argument("--delay-ms", type=float, default=0.0, metavar="MS", help="add MS of latency to every event")
    faults.add_argument(
        "--error-after-messages",
        type=_error_after,
        metavar="N[:CODE]",
        help="send an error event (code CODE, default internal_error) after N client messages",
    )
    faults.add_argument(
        "--reject-handshake", type=int, choices=(401, 403, 429), help="refuse every WebSocket upgrade with this status"
    )
    faults.add_argument(
        "--stall-after-messages", type=int, metavar="N", help="stop answering (socket stays open) after N messages"
    )
    http = parser.add_argument_group("HTTP APIs (/compatible-mode/v1/chat/completions)")
    http.add_argument(
        "--transcript-form",
        choices=("content", "audio_transcript", "both"),
        default="content",
        help="where file-translation answers with speech put their text: delta.content (default), "
        "delta.audio.transcript, or both",
    )
    http.add_argument(
        "--request-log",
        metavar="FILE",
        help="append one JSON line per HTTP request (time, model, sizes, status, tokens, SHA-256 of the input media) "
        "to FILE, e.g. to count segments requested twice",
    )
    http.add_argument(
        "--rate-limits",
        action="store_true",
        help="enforce each model's requests/tokens per minute (qwen3-livetranslate-flash: 100 RPM, 100 000 TPM) "
        "with 429 limit_requests + Retry-After",
    )
    # Checked when the server is built (HttpFaultSettings), so building the parser stays free of aiohttp.
    http.add_argument(
        "--http-status",
        type=int,
        metavar="CODE",
        help="answer HTTP requests with CODE (400, 401, 403, 404, 429, 500, 502, 503 or 504) and its error body",
    )
    http.add_argument("--http-status-times", type=int, metavar="N", help="... only the next N requests")
    http.add_argument("--http-status-every", type=int, metavar="N", help="... only every Nth request")
    http.add_argument(
        "--retry-after", type=int, default=1, metavar="S", help="Retry-After of injected 429/503 answers (default 1)"
    )
    http.add_argument(
        "--http-first-byte-delay-ms", type=float, default=0.0, metavar="MS", help="wait MS before answering"
    )
    http.add_argument(
        "--http-cut-after-chunks", type=int, metavar="K", help="abort the connection after K SSE chunks (no [DONE])"
    )
    http.add_argument(
        "--http-error-after-chunks",
        type=_error_after,
        metavar="K[:CODE]",
        help='send data: {"error": ...} (code CODE, default internal_error) after K SSE chunks, then end the stream',
    )


def _fault_settings(args: argparse.Namespace) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "drop_after_seconds": args.drop_after_seconds,
        "drop_after_messages": args.drop_after_messages,
        "delay_ms": args.delay_ms,
        "reject_handshake": args.reject_handshake,
        "stall_after_messages": args.stall_after_messages,
    }
    if args.error_after_messages is not None:
        settings["error_after_messages"], code = args.error_after_messages
        if code:
            settings["error_code"] = code
    return settings


def _http_fault_settings(args: argparse.Namespace) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "status": args.http_status,
        "status_times": args.http_status_times,
        "status_every": args.http_status_every,
        "retry_after_s": args.retry_after,
        "first_byte_delay_ms": args.http_first_byte_delay_ms,
        "cut_after_chunks": args.http_cut_after_chunks,
        "rate_limits": args.rate_limits,
    }
    if args.http_error_after_chunks is not None:
        settings["error_after_chunks"], code = args.http_error_after_chunks
        if code:
            settings["error_code"] = code
    return settings


def run(args: argparse.Namespace) -> int:
    """Serve until SIGINT/SIGTERM; returns the exit status (0, or 2 for unusable options)."""
    from interpreter.emulator.faults import RealtimeFaults
    from interpreter.emulator.http.faults import HttpFaults
    from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer, is_loopback
    from interpreter.errors import ConfigError

    if not is_loopback(args.host) and not args.allow_remote:
        print(
            f"Refusing to listen on {args.host}: the emulator accepts a publicly known demo key and has no TLS. "
            "Add --allow-remote if you really want it reachable from the network.",
            file=sys.stderr,
        )
        return 2
    try:
        server = EmulatorServer(
            host=args.host,
            port=args.port,
            api_keys=args.api_keys or (DEMO_API_KEY,),
            speed=args.speed,
            script=args.script,
            faults=RealtimeFaults(**_fault_settings(args)),
            text_form=args.text_form,
            http_faults=HttpFaults(**_http_fault_settings(args)),
            transcript_form=args.transcript_form,
            request_log=args.request_log,
        )
        return asyncio.run(_serve(server))
    except ConfigError as exc:
        print(exc.user_message, file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"Invalid emulator option: {exc}", file=sys.stderr)
        return 2


async def _serve(server: Any) -> int:
    await server.start()
    print(server.base_url, flush=True)
    print(
        f"DashScope emulator: realtime at {server.base_url.replace('http', 'ws', 1)}/api-ws/v1/realtime?model=..., "
        f"file translation at {server.base_url}/compatible-mode/v1/chat/completions, "
        f"{len(server.api_keys)} accepted key(s). Demo output only, not real translation. Ctrl+C stops it.",
        file=sys.stderr,
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()
    return 0
