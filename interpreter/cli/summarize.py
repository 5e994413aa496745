"""``live-interpreter summarize TRANSCRIPT.jsonl``: summary, key points and action items of a live session.

Reads a ``transcript.jsonl`` written by ``live`` (or the app), prints the estimated cost, sends the transcript to a
conversation-analysis model (``tongyi-xiaomi-analysis-flash`` by default, ``--model`` for ``-pro``) and prints the
answer as Markdown on stdout: one section in the language spoken and one in ``--lang`` (default en). ``--out FILE``
also writes the Markdown (atomically). Connection options as for ``live``/``translate``; ``--demo`` (or no key) uses
the built-in emulator, whose summaries are labelled ``[DEMO]``.

Exit codes as ``live``: 0 done, 1 internal error, 2 bad input or options, 3 key/model refused, 4 network or
service trouble, 5 local storage trouble. Importing this module is cheap (only argparse).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from interpreter.cli.common import EXIT_OK, add_connection_arguments, demo_flag, exit_code_for

# ---- terminal sentences (CLI-only, plain English like the rest of cli/; errors from lower layers are msg()s) ----
MSG_ESTIMATE = "Estimated cost: up to about {amount} ({model}, {tokens:,} tokens)."
MSG_ESTIMATE_UNKNOWN = "Estimated size: {tokens:,} tokens ({model} has no price for this region)."
MSG_USED = "Used {tokens:,} tokens."
MSG_WROTE = "Wrote {path}."
MSG_DEMO = "DEMO — not a real summary (built-in emulator at {url})."
MSG_NO_KEY = "No API key found (--api-key, DASHSCOPE_API_KEY or the keychain); running the demo."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``summarize`` options to ``parser``."""
    from interpreter.services.summary import DEFAULT_SUMMARY_MODEL, DEFAULT_TARGET_LANGUAGE, SUMMARY_MODELS

    parser.description = "Summarise a live session's transcript.jsonl (summary, key points, action items)."
    parser.add_argument("transcript", metavar="TRANSCRIPT.jsonl", help="transcript written by a live session")
    parser.add_argument(
        "--model", default=DEFAULT_SUMMARY_MODEL, choices=SUMMARY_MODELS, help="conversation-analysis model"
    )
    parser.add_argument(
        "--lang",
        default=DEFAULT_TARGET_LANGUAGE,
        metavar="LANG",
        help="second language of the summary, besides the one spoken (default: en)",
    )
    parser.add_argument("--out", metavar="FILE.md", help="also write the Markdown to this file")
    add_connection_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Run the command; return the exit code."""
    import asyncio
    import sys

    from interpreter.bootstrap import setup_logging
    from interpreter.errors import InterpreterError

    setup_logging()
    try:
        return asyncio.run(_run(args, sys.stdout, sys.stderr))
    except InterpreterError as error:
        print(f"error: {error.user_message}", file=sys.stderr, flush=True)
        return exit_code_for(error)


async def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from interpreter.bootstrap import endpoint_for, find_api_key, resolve_region, start_demo_emulator, wants_demo
    from interpreter.services.summary import (
        build_request,
        estimate_cost,
        estimate_tokens,
        export_markdown,
        load_transcript,
        summarize,
    )
    from interpreter.store.pricing import load_effective_pricing
    from interpreter.transport.http import HttpClient

    def notice(text: str) -> None:
        print(text, file=err, flush=True)

    region = resolve_region(args.region)
    transcript = load_transcript(args.transcript)  # bad input is refused before anything else happens
    target = str(args.lang).strip().lower()
    request = build_request(transcript, model=args.model, target_language=target)
    pricing, notices = load_effective_pricing()
    for text in notices:
        notice(f"note: {text}")
    estimate = estimate_cost(request, region.value, pricing)
    tokens = estimate_tokens(request).total
    if estimate.priced:
        notice(MSG_ESTIMATE.format(amount=estimate.format(), model=args.model, tokens=tokens))
    else:
        notice(MSG_ESTIMATE_UNKNOWN.format(model=args.model, tokens=tokens))

    demo_requested = demo_flag(args)
    api_key = None if demo_requested else find_api_key(args.api_key, region.value)
    demo = wants_demo(requested=demo_requested, api_key=api_key, base_url=args.base_url)
    if demo and not demo_requested:
        notice(MSG_NO_KEY)
    server = await start_demo_emulator() if demo else None
    try:
        if server is not None:
            notice(MSG_DEMO.format(url=server.base_url))
        endpoint = endpoint_for(emulator=server, api_key=api_key, base_url=args.base_url, region=region.value)
        assert endpoint is not None  # wants_demo() chose the emulator when there was neither key nor address
        async with HttpClient(endpoint.base_url or endpoint.region, api_key=endpoint.api_key or None) as client:
            summary = await summarize(client, transcript, model=args.model, target_language=target)
    finally:
        if server is not None:
            await server.stop()
    markdown = summary.to_markdown()
    print(markdown, end="", file=out, flush=True)
    if summary.tokens.total:
        notice(MSG_USED.format(tokens=summary.tokens.total))
    if args.out:
        notice(MSG_WROTE.format(path=export_markdown(summary, args.out)))
    return EXIT_OK
