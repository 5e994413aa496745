"""``live-interpreter live``: headless live interpretation of a file or the microphone.

Streams the input at real-time pace (paced by the wall clock), prints each caption as it becomes final::

    [00:03.2–00:05.9] Good morning everyone. → Buenos días a todos.

and writes ``transcript.jsonl``, ``captions.srt`` and ``translation.wav`` into the output folder. Ctrl+C (SIGINT),
SIGTERM, ``--duration`` and the end of the input all end the session gracefully: the service finishes the last
sentence, the files are completed, and the exit code is 0. A second Ctrl+C quits at once.

``--input mic`` listens on the default (or ``--mic-device``) microphone; if it is unplugged the session goes on
with silence and resumes when a microphone is back. ``--visual FILE|camera[:N]|screen[:N]`` also sends pictures,
only when they change and at most two per second, and reports their image tokens at the end. ``--play [DEVICE]``
plays the translated voice; with the microphone it warns once if that output is wired back into the input.

API key, in this order: ``--api-key``, the ``DASHSCOPE_API_KEY`` environment variable, the OS keychain (the key
saved in the app for the chosen region). With ``--demo``, or with no key at all, the command runs against the
built-in emulator and labels everything "DEMO — not real translation".

A reused ``--out-dir`` keeps earlier sessions intact: their files are checked (a translated-voice WAV interrupted by
a crash is repaired), reported, and the new session is written under the next number (``transcript-2.jsonl``,
``captions-2.srt``, ``translation-2.wav``; see ``services.outputs``).

Exit codes:
    0  finished (end of input, --duration, Ctrl+C or SIGTERM) with every sentence translated
    1  unexpected internal error (a bug: the traceback is printed)
    2  invalid configuration or input (unknown language or voice, unreadable file, bad option, request rejected)
    3  the service refused the API key or the model (wrong key, key from the other region, model not enabled)
    4  network or service trouble that did not go away (unreachable, dropped for good, throttled, server errors),
       or a session that finished with speech left untranslated (a gap: the summary names it)
    5  local storage or device trouble (output folder not writable, disk full, microphone failure)

Importing this module is cheap (only argparse): the heavy imports happen in :func:`run`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from interpreter.cli.common import EXIT_NETWORK, EXIT_OK, add_connection_arguments, demo_flag, exit_code_for

if TYPE_CHECKING:  # the real imports happen inside the functions (module import must stay cheap)
    import contextlib
    from collections.abc import AsyncIterable, AsyncIterator
    from pathlib import Path

    from interpreter.media.gate import FrameGate
    from interpreter.media.microphone import Microphone
    from interpreter.media.player import AudioOutput, VoicePlayer
    from interpreter.protocol.config import SessionConfig
    from interpreter.protocol.session_events import Segment
    from interpreter.services.gummy_session import GummyLiveSession
    from interpreter.services.live_session import LiveSession, LiveSummary

#: 40 ms audio blocks: the app's microphone block size, so a file exercises exactly the live path.
_BLOCK_MS = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``live`` options to ``parser`` (the subcommand's parser)."""
    parser.description = "Interpret a file or the microphone live, printing captions and writing files."
    parser.epilog = (
        "Exit codes: 0 done, 1 internal error, 2 invalid configuration or input, 3 key or model refused "
        "(wrong key or region), 4 network or service trouble, 5 local storage or device trouble."
    )
    parser.add_argument("--input", required=True, metavar="FILE|mic", help="audio/video file to stream, or 'mic'")
    parser.add_argument("--target", required=True, metavar="LANG", help="language to translate into (e.g. en, zh)")
    parser.add_argument("--source", metavar="LANG", help="language spoken (default: detect automatically)")
    parser.add_argument("--model", metavar="M", help="realtime model (default: the catalog's default model)")
    parser.add_argument(
        "--engine",
        choices=("livetranslate", "gummy"),
        default="livetranslate",
        help="live engine: livetranslate (voice + captions) or gummy (captions only, Beijing, priced per second)",
    )
    parser.add_argument("--voice", metavar="V", help="voice of the translated speech (default: the model's)")
    parser.add_argument("--text-only", action="store_true", help="translate to text only, no translated voice")
    parser.add_argument(
        "--hotwords", metavar="FILE.csv", help="glossary CSV with two columns: source term, required translation"
    )
    parser.add_argument(
        "--visual",
        metavar="FILE|camera[:N]|screen[:N]",
        help="also send pictures: a video or image file, webcam N, or screen N (only changed pictures, at most 2/s)",
    )
    parser.add_argument(
        "--mic-device", metavar="NAME|INDEX", help="microphone for --input mic (default: the system's default input)"
    )
    parser.add_argument(
        "--play",
        nargs="?",
        const="default",
        metavar="DEVICE",
        help="play the translated voice (on DEVICE, default: the system's default output)",
    )
    parser.add_argument("--out-dir", metavar="DIR", help="output folder (default: ./live-output/<date-time>)")
    add_connection_arguments(parser)
    parser.add_argument("--duration", type=float, metavar="SECONDS", help="stop after this many seconds of input")
    # Testing aid: pace the input faster than real time. Only against the emulator or a loopback address.
    parser.add_argument("--speed", type=float, default=1.0, help=argparse.SUPPRESS)


# ------------------------------------------------------------------------------------------------ the run
# Everything below imports lazily so that `live-interpreter --help` and the emulator command stay fast.


def run(args: argparse.Namespace) -> int:
    """Run the command; return the exit code (see the module docstring)."""
    import asyncio
    import sys

    from interpreter.errors import InterpreterError

    console = _Console(sys.stdout, sys.stderr)
    _log_to_file(console)
    try:
        return asyncio.run(_run(args, console))
    except InterpreterError as error:
        console.error(error.user_message)
        return exit_code_for(error)
    except KeyboardInterrupt:
        # Only reachable on a second Ctrl+C (the first one finishes gracefully) or before the loop started.
        console.error("Stopped at once; the last sentence may be missing from the files.")
        return EXIT_OK


def _log_to_file(console: _Console) -> None:
    """Send log records to the app's rotating, redacted log file, not to the terminal (``bootstrap.setup_logging``):
    a refused key must reach the user once, as the sentence the console prints, not again as a log line."""
    from interpreter.bootstrap import setup_logging

    _log_file, problem = setup_logging()
    if problem is not None:
        console.notice(problem)


class _Console:
    """Where the command talks: captions on stdout, notices and errors on stderr (one line each)."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err

    def caption(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def notice(self, text: str) -> None:
        print(text, file=self.err, flush=True)

    def error(self, text: str) -> None:
        print(f"error: {text}", file=self.err, flush=True)


def tenths_clock(ms: int | None) -> str:
    """``mm:ss.d`` (or ``h:mm:ss.d`` past an hour) for caption lines; ``--:--.-`` when unknown."""
    if ms is None:
        return "--:--.-"
    tenths = max(0, round(ms / 100))
    hours, rest = divmod(tenths, 36_000)
    minutes, rest = divmod(rest, 600)
    seconds, tenth = divmod(rest, 10)
    clock = f"{minutes:02d}:{seconds:02d}.{tenth}"
    return f"{hours}:{clock}" if hours else clock


def caption_line(segment: Segment) -> str:
    """``[00:03.2–00:05.9] source → translation`` (one side alone when the other is empty)."""
    times = f"[{tenths_clock(segment.start_ms)}–{tenths_clock(segment.end_ms)}]"
    source, translation = segment.source_text.strip(), segment.translation_text.strip()
    if source and translation:
        return f"{times} {source} → {translation}"
    return f"{times} {source or translation}"


def _parse_hotwords(path: str, console: _Console) -> dict[str, str]:
    """Read a two-column glossary CSV into ``{source term: translation}``; report skipped lines by number."""
    from pathlib import Path

    from interpreter.core.glossary import Glossary, parse_glossary_csv
    from interpreter.errors import ConfigError

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"Cannot read the hotwords file {path}: {exc.strerror}.", field="hotwords") from exc
    result = parse_glossary_csv(data)
    for problem in result.problems:
        console.notice(f"{path}: {problem}")
    phrases = Glossary(Path(path).stem, result.entries).as_phrases()
    if not phrases:
        raise ConfigError(f"The hotwords file {path} has no usable 'source,translation' rows.", field="hotwords")
    console.notice(f"Hotwords: {result.summary()}")
    return phrases


def _build_config(args: argparse.Namespace, console: _Console) -> SessionConfig:
    """The validated session config from the options; adjustments are printed as notices."""
    from interpreter.protocol.config import SessionConfig, validate_config

    fields: dict[str, Any] = {
        "target_language": args.target,
        "source_language": args.source,
        "audio_output": not args.text_only,
        "voice": args.voice,
    }
    if args.model:
        fields["model"] = args.model
    if args.hotwords:
        fields["hotwords"] = _parse_hotwords(args.hotwords, console)
    validated = validate_config(SessionConfig(**fields))
    for notice in validated.notices:
        console.notice(f"note: {notice}")
    return validated.config


def _default_out_dir() -> Path:
    from datetime import datetime
    from pathlib import Path

    return Path("live-output") / datetime.now().strftime("%Y%m%d-%H%M%S")


async def _open_audio(
    args: argparse.Namespace, config: SessionConfig, console: _Console, stack: contextlib.AsyncExitStack
) -> tuple[AsyncIterable[bytes], Microphone | None]:
    """The paced file source, or the started microphone (stopped when ``stack`` closes)."""
    from interpreter.errors import MediaFileError

    if args.input == "mic":
        from interpreter.media.microphone import DeviceStatus, open_microphone

        def on_status(status: DeviceStatus) -> None:
            if status.kind in ("lost", "recovered", "switched"):
                console.notice(status.message)

        microphone = await open_microphone(args.mic_device, block_ms=_BLOCK_MS, on_status=on_status)
        stack.push_async_callback(microphone.stop)
        name = microphone.device.name if microphone.device is not None else "the microphone"
        console.notice(f"Listening on {name} (Ctrl+C to finish).")
        return microphone, microphone
    from interpreter.media.files import decode_audio, probe
    from interpreter.media.pacing import PacedPcmSource

    info = probe(args.input)
    if not info.has_audio:
        raise MediaFileError(f"{args.input} has no audio track to interpret.")
    pace = "real-time pace" if args.speed == 1.0 else f"{args.speed:g}x real-time pace (testing)"
    length = f" ({info.duration_s:.1f} s)" if info.duration_s else ""
    console.notice(f"Streaming {args.input}{length} at {pace}.")
    source = PacedPcmSource(
        decode_audio(args.input, rate=config.input_sample_rate), config.input_sample_rate, _BLOCK_MS, speed=args.speed
    )
    return source, None


async def _open_visual(
    args: argparse.Namespace, config: SessionConfig, console: _Console, stack: contextlib.AsyncExitStack
) -> tuple[AsyncIterator[bytes] | None, FrameGate | None]:
    """Start the ``--visual`` source; return the gated JPEG stream for the session and the gate (for its counts)."""
    if not args.visual:
        return None, None
    import asyncio

    from interpreter.core.catalog import load_catalog
    from interpreter.media.frames import open_visual_source, upload_frames
    from interpreter.media.gate import FrameGate

    source = open_visual_source(args.visual)
    gate = FrameGate(model=load_catalog().model(config.model))
    source.start()
    # stop() joins the worker thread (bounded by its timeout): off the loop.
    stack.push_async_callback(asyncio.to_thread, source.stop)
    console.notice(f"Sending pictures from {source.name} when they change (at most 2 per second).")

    async def jpegs() -> AsyncIterator[bytes]:
        async for frame in upload_frames(source, gate):
            yield frame.jpeg

    return jpegs(), gate


async def _open_player(
    args: argparse.Namespace, microphone: Microphone | None, console: _Console, stack: contextlib.AsyncExitStack
) -> VoicePlayer | None:
    """Start ``--play``; warn once when the microphone would hear the voice (echo guard)."""
    if args.play is None:
        return None
    import asyncio

    from interpreter.media.devices import check_echo
    from interpreter.media.player import VoicePlayer

    player = VoicePlayer(args.play, on_status=console.notice)
    # As a context: a normal end drains (the last sentence is heard to the end), an error or a second Ctrl+C
    # silences it at once.
    await stack.enter_async_context(player)
    output = player.outputs[0].device
    console.notice(f"Playing the translated voice on {output.name}.")
    if microphone is not None and microphone.device is not None:
        warning = await asyncio.to_thread(check_echo, microphone.device, output)
        if warning:
            console.notice(f"warning: {warning}")
    return player


async def _run(args: argparse.Namespace, console: _Console) -> int:
    import contextlib
    import math
    from pathlib import Path

    from interpreter.bootstrap import endpoint_for, find_api_key, resolve_region, start_demo_emulator, wants_demo
    from interpreter.core.captions import GAP_TEXT
    from interpreter.core.net import is_loopback
    from interpreter.errors import ConfigError
    from interpreter.services.gummy_session import GummyLiveSession
    from interpreter.services.live_session import (
        GapDetected,
        LiveSession,
        LiveUpdate,
        SegmentCompleted,
        StatusChanged,
        TranslatedAudio,
        TranslatedAudioEnded,
    )
    from interpreter.transport.realtime import failure_reason

    region = resolve_region(args.region)
    demo_requested = demo_flag(args)
    speed = float(args.speed)
    if not (speed > 0 and math.isfinite(speed)):
        raise ConfigError("--speed must be a positive number.", field="speed")
    if speed != 1.0 and not (demo_requested or is_loopback(args.base_url)):
        raise ConfigError("--speed is a testing aid: use it only with --demo or a loopback --base-url.", field="speed")
    if args.duration is not None and args.duration <= 0:
        raise ConfigError("--duration must be a positive number of seconds.", field="duration")

    from interpreter.cli import live_gummy

    gummy_config = None
    if live_gummy.wants_gummy(args):
        gummy_config, config = live_gummy.gummy_configs(args)
    else:
        config = _build_config(args, console)
    api_key = None if demo_requested else find_api_key(args.api_key, region.value)
    demo = wants_demo(requested=demo_requested, api_key=api_key, base_url=args.base_url)
    if demo and not demo_requested:
        console.notice("No API key found (--api-key, DASHSCOPE_API_KEY or the keychain); running the demo.")
    out_dir = Path(args.out_dir) if args.out_dir else _default_out_dir()
    exit_code = EXIT_OK

    # Devices and sources are released in reverse order of opening, whatever happens (the player drains first).
    async with contextlib.AsyncExitStack() as stack:
        audio, microphone = await _open_audio(args, config, console, stack)
        images, gate = await _open_visual(args, config, console, stack)
        player = await _open_player(args, microphone, console, stack)
        server = None
        if demo:
            server = await start_demo_emulator(speed)
            stack.push_async_callback(server.stop)
            console.notice(f"DEMO — not real translation (built-in emulator at {server.base_url}).")
        endpoint = endpoint_for(emulator=server, api_key=api_key, base_url=args.base_url, region=region.value)
        assert endpoint is not None  # wants_demo() chose the emulator when there was neither key nor address

        def on_update(update: LiveUpdate) -> None:
            if isinstance(update, SegmentCompleted):
                console.caption(("[DEMO] " if demo else "") + caption_line(update.segment))
            elif isinstance(update, GapDetected):
                console.caption(f"[{tenths_clock(update.start_ms)}–{tenths_clock(update.end_ms)}] {GAP_TEXT}")
            elif isinstance(update, TranslatedAudio):
                if player is not None:
                    player.feed(update.pcm)
            elif isinstance(update, TranslatedAudioEnded):
                if player is not None:
                    # The pause until the next response is not an underrun: let the tail play out.
                    player.end_of_response()
            elif isinstance(update, StatusChanged):
                status = update.status
                if status.state == "reconnecting" and status.error is not None:
                    console.notice(
                        f"Connection trouble ({failure_reason(status.error)}); reconnecting, attempt "
                        f"{status.attempt + 1} in {status.retry_in_s or 0:.1f} s."
                    )
                elif status.state == "connected" and status.attempt > 1:
                    console.notice("Reconnected; unfinished speech is being sent again.")

        _report_earlier_sessions(out_dir, console)
        session: LiveSession | GummyLiveSession
        if gummy_config is not None:
            session = live_gummy.gummy_session(
                gummy_config,
                endpoint=endpoint,
                audio=audio,
                out_dir=out_dir,
                on_update=on_update,
                max_audio_s=args.duration,
            )
        else:
            session = LiveSession(
                config,
                api_key=endpoint.api_key,
                base_url=endpoint.base_url,
                region=region,
                audio_source=audio,
                image_source=images,
                out_dir=out_dir,
                on_update=on_update,
                max_audio_s=args.duration,
            )
        summary = await _run_until_done(session, console)
        _print_summary(summary, gate, console)
        if isinstance(session, GummyLiveSession):
            console.notice(live_gummy.cost_line(session))
        if not summary.complete:
            exit_code = EXIT_NETWORK
        # Kept past the stack's exit, which drains and closes the player (and empties ``player.outputs``).
        outputs = list(player.outputs) if player is not None else []
    for output in outputs:
        _print_voice_stats(output, console)
    return exit_code


async def _run_until_done(session: LiveSession | GummyLiveSession, console: _Console) -> LiveSummary:
    """Run the session with Ctrl+C/SIGTERM finishing it gracefully (a second Ctrl+C quits at once)."""
    import asyncio
    import signal

    loop = asyncio.get_running_loop()
    main_task = asyncio.current_task()
    stops = 0

    def on_signal() -> None:
        nonlocal stops
        stops += 1
        if stops == 1:
            console.notice("Finishing the last sentence… (press Ctrl+C again to quit at once)")
            session.request_stop()
        elif main_task is not None:
            main_task.cancel()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, on_signal)
        except (NotImplementedError, RuntimeError):  # Windows event loops have no signal handlers
            pass
    try:
        return await session.run()
    except asyncio.CancelledError:
        raise KeyboardInterrupt from None
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.remove_signal_handler(sig)
            except (NotImplementedError, RuntimeError):
                pass


def _print_voice_stats(output: AudioOutput, console: _Console) -> None:
    """One line per output: how much voice was played and how often it stuttered (buffer underruns)."""
    stats = output.stats().jitter
    gaps = f"{stats.underruns} gap" + ("" if stats.underruns == 1 else "s")
    dropped = f", {stats.dropped_ms / 1000:.1f} s dropped" if stats.overruns else ""
    console.notice(
        f"Voice on {output.device.name}: {stats.played_ms / 1000:.1f} s played, {gaps} "
        f"(buffer {stats.target_ms:.0f} ms{dropped})."
    )


def _report_earlier_sessions(out_dir: Path, console: _Console) -> None:
    """Say which sessions the output folder already holds (repairing interrupted ones) before adding one."""
    from interpreter.services.outputs import recover_earlier_sessions

    for earlier in recover_earlier_sessions(out_dir):
        state = "interrupted, its translated voice recovered" if earlier.repaired else "kept as it is"
        gaps = f", {earlier.gaps} gaps" if earlier.gaps else ""
        console.notice(
            f"{out_dir} already holds an earlier session ({earlier.files.transcript.name}: {earlier.sentences} "
            f"sentences{gaps}, {earlier.voice_s:.1f} s of translated voice; {state}). This session gets new files."
        )


def _print_summary(summary: LiveSummary, gate: FrameGate | None, console: _Console) -> None:
    files = ", ".join(str(path) for path in summary.files.values())
    stats = summary.connection
    dropped = f", {stats.audio_frames_dropped} audio blocks dropped" if stats and stats.audio_frames_dropped else ""
    reconnects = f", {stats.reconnects} reconnects" if stats and stats.reconnects else ""
    head = "Done" if summary.complete else "Incomplete"
    console.notice(
        f"{head}: {len(summary.segments)} segments from {summary.audio_sent_s:.1f} s of audio"
        f"{reconnects}{dropped}. Files: {files}"
    )
    if not summary.complete:
        spans = ", ".join(f"{tenths_clock(start)}–{tenths_clock(end)}" for start, end in summary.gaps)
        console.notice(
            f"warning: {summary.untranslated_s:.1f} s of audio went untranslated ({spans}); the transcript and "
            "captions mark each gap."
        )
    if gate is not None:
        # The service's own count when it reported one; else the gate's estimate from the catalog.
        tokens = summary.tokens.input_image or gate.stats.tokens
        console.notice(f"Pictures: {summary.images_sent} sent ({tokens:,} image tokens).")
    if summary.visual_error is not None:
        console.notice(f"note: pictures stopped early: {summary.visual_error.user_message}")
