"""``live-interpreter translate``: translate audio and video files (subtitles, text, dubbed WAV/MP4), subtitle and
text documents, and pictures from a terminal.

    live-interpreter translate talk.mp4 recordings/ slides.srt notes.md poster.png --to en [--from zh]
        [--out-dir DIR] [--text-only] [--voice V] [--formats srt,vtt,txt,wav,mp4] [--concurrency N]
        [--model qwen-mt-plus] [--glossary TERMS.csv] [--domain TEXT] [--bilingual]
        [--base-url URL] [--api-key KEY] [--region R] [--demo] [--yes]

Routing by type (``cli.translate_kinds.split_by_kind``): media files and folders go to the file-translation
service (below); subtitle/text documents (.srt .vtt .ass .ssa .txt .md) to Qwen-MT through
``services.text_jobs.TextJobQueue`` (``--model``, ``--glossary`` as terms, ``--domain``, ``--bilingual``); pictures
to qwen-mt-image (``services.image_translation.translate_images``: Beijing only — a custom ``--base-url`` such as
the emulator serves it too; the glossary as terminologies, ``--domain`` as the domain hint). Each kind prints its
progress and its own line; a batch of more than one kind ends with one ``Batch:`` line, and the exit code is the
worst of the kinds' (130 first).

Folders expand to the media files inside (recursively, sorted; other files are skipped and counted). The command
prints the estimate (files, duration, tokens, cost) and asks before spending more than :data:`CONFIRM_ABOVE` unless
``--yes`` is given or standard input is not a terminal; then it shows one progress bar per file on a terminal
(plain lines, without control characters, when the output is piped) and a summary.

Ctrl+C or SIGTERM stops cleanly: requests in flight are abandoned (their segments stay "not done"), no output file
is half-written, and running the same command again resumes — a finished segment is never requested again. A file
already translated with the same settings is taken from history (no charge) and the command says so. The command
keeps its own job list (``translate-jobs.sqlite3`` in the data folder), apart from the desktop app's queue, so a
terminal run never starts or pauses the app's jobs.

Exit codes (as ``live``):
    0  every file translated
    1  unexpected internal error
    2  a bad input or option (the other files were still translated; each bad file is named with its reason)
    3  the service refused the API key or the model
    4  network or service trouble that did not go away (some files failed)
    5  local storage trouble (output folder not writable, disk full)
    130  stopped by Ctrl+C or SIGTERM (run the same command again to resume)

Importing this module is cheap (only argparse): the heavy imports happen in :func:`run`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from interpreter.cli.common import (
    EXIT_CONFIG,
    EXIT_INTERNAL,
    EXIT_LOCAL,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_STOPPED,
    add_connection_arguments,
    demo_flag,
    exit_code_for,
)

if TYPE_CHECKING:
    from decimal import Decimal

    from interpreter.cli.translate_kinds import KindOutcome
    from interpreter.core.jobs import FileTranslationOptions, Job
    from interpreter.services.file_translation import FileTranslationEvent, FileTranslationService
    from interpreter.transport.endpoints import Endpoint

#: Estimated cost above which the command asks before starting (in the pricing table's currency): a few minutes of
#: audio costs cents, so anything above one unit is a batch worth a second look.
CONFIRM_ABOVE = "1.00"

#: Pace of the demo emulator's answers: a demo of file translation need not take the file's real duration.
DEMO_SPEED = 10.0

#: The command's own job list (see the module docstring).
JOBS_FILE = "translate-jobs.sqlite3"

#: Width of a progress bar on a terminal, in characters.
_BAR = 24

DEFAULT_FORMATS = "srt,vtt,txt,wav,mp4"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``translate`` options to ``parser`` (the subcommand's parser)."""
    parser.description = (
        "Translate audio and video files into subtitles, text and a dubbed soundtrack; subtitle and text documents; "
        "pictures."
    )
    parser.epilog = (
        "Exit codes: 0 all done, 1 internal error, 2 a bad input (the others are still translated), "
        "3 key or model refused, 4 network or service trouble, 5 local storage trouble, 130 stopped (rerun to resume)."
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|FOLDER",
        help="audio/video files or folders of them, subtitle/text documents, pictures",
    )
    parser.add_argument("--to", dest="target", required=True, metavar="LANG", help="language to translate into")
    parser.add_argument("--from", dest="source", metavar="LANG", help="language spoken (default: detect)")
    parser.add_argument("--out-dir", metavar="DIR", help="folder for the outputs (default: next to each file)")
    parser.add_argument("--text-only", action="store_true", help="subtitles and text only, no translated speech")
    parser.add_argument("--voice", metavar="V", help="voice of the translated speech (default: the model's)")
    parser.add_argument(
        "--formats",
        default=DEFAULT_FORMATS,
        metavar="LIST",
        help=f"outputs to write, comma-separated (default: {DEFAULT_FORMATS}; mp4 only for videos)",
    )
    parser.add_argument("--concurrency", type=int, default=4, metavar="N", help="segments in flight at once (1-16)")
    add_connection_arguments(parser)
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask before a costly batch")
    parser.add_argument(
        "--confirm-above",
        default=CONFIRM_ABOVE,
        metavar="AMOUNT",
        help=f"ask before starting when the estimate exceeds AMOUNT (default {CONFIRM_ABOVE}, pricing currency)",
    )
    parser.add_argument("--model", metavar="MODEL", help="Qwen-MT model for documents (default: qwen-mt-flash)")
    parser.add_argument(
        "--glossary", metavar="FILE.csv", help="terms for documents and pictures: two columns, term then translation"
    )
    parser.add_argument("--domain", metavar="TEXT", help="domain hint in English for documents and pictures")
    parser.add_argument(
        "--bilingual", action="store_true", help="documents keep the original line above each translation"
    )
    # Testing aid: segment length in seconds (short segments make a few seconds of media into several requests).
    parser.add_argument("--segment-s", type=float, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    """Run the command; return the exit code (see the module docstring)."""
    import asyncio
    import sys

    from interpreter.bootstrap import setup_logging
    from interpreter.errors import InterpreterError

    console = Console(sys.stdout, sys.stderr)
    _log_file, problem = setup_logging()
    if problem is not None:
        console.notice(problem)
    try:
        return asyncio.run(_run(args, console))
    except InterpreterError as error:
        console.error(error.user_message)
        code = exit_code_for(error)
        return EXIT_CONFIG if code == EXIT_INTERNAL else code
    except KeyboardInterrupt:
        console.notice("Stopped. Run the same command again to resume where it stopped.")
        return EXIT_STOPPED


class Console:
    """Where the command talks: progress, estimate and summary on stdout; errors on stderr.

    On a terminal, the progress of the files is a block of bars redrawn in place; otherwise each change is one
    plain line (no carriage returns, no escape sequences).
    """

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err
        self.live = bool(getattr(out, "isatty", lambda: False)())
        self._drawn = 0  # lines of the progress block currently on screen
        self._last_plain: dict[int, str] = {}

    def say(self, text: str) -> None:
        self._clear_block()
        print(text, file=self.out, flush=True)

    def notice(self, text: str) -> None:
        self._clear_block()
        print(text, file=self.err, flush=True)

    def error(self, text: str) -> None:
        self._clear_block()
        print(f"error: {text}", file=self.err, flush=True)

    def progress(self, jobs: list[Job]) -> None:
        """Show the progress of ``jobs`` (bars on a terminal, a line per change otherwise)."""
        if self.live:
            self._clear_block()
            lines = [_bar_line(job) for job in jobs]
            self.out.write("\n".join(lines) + "\n")
            self.out.flush()
            self._drawn = len(lines)
            return
        for job in jobs:
            line = _plain_line(job)
            if self._last_plain.get(job.id) != line:
                self._last_plain[job.id] = line
                print(line, file=self.out, flush=True)

    def _clear_block(self) -> None:
        if self.live and self._drawn:
            # Cursor up to the block's first line, then clear to the end of the screen.
            self.out.write(f"\x1b[{self._drawn}F\x1b[J")
            self._drawn = 0


def _name(job: Job) -> str:
    from pathlib import Path

    return Path(job.input_path).name


def _bar_line(job: Job) -> str:
    fraction = job.progress.fraction
    filled = round(fraction * _BAR)
    bar = "█" * filled + "░" * (_BAR - filled)
    progress = job.progress
    counts = f"{progress.segments_done}/{progress.segments_total}"
    return f"{_name(job)[:40]:40} {bar} {fraction * 100:3.0f} % {counts} {job.state.value}"


def _plain_line(job: Job) -> str:
    progress = job.progress
    return (
        f"{_name(job)}: {job.state.value}, {progress.segments_done}/{progress.segments_total} segments "
        f"({progress.fraction * 100:.0f} %)"
    )


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# ------------------------------------------------------------------------------------------------ the run


def _options(args: argparse.Namespace) -> FileTranslationOptions:
    from interpreter.core.jobs import MAX_CONCURRENCY, FileTranslationOptions, OutputFormat
    from interpreter.errors import ConfigError

    names = [f.strip().lower() for f in str(args.formats).split(",") if f.strip()]
    known = {f.value for f in OutputFormat}
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise ConfigError(
            f"Unknown output format {', '.join(unknown) or '(none)'}: choose from {', '.join(sorted(known))}.",
            field="formats",
        )
    if not 1 <= args.concurrency <= MAX_CONCURRENCY:
        raise ConfigError(f"--concurrency must be between 1 and {MAX_CONCURRENCY}.", field="concurrency")
    return FileTranslationOptions(
        target=args.target,
        source=args.source or None,
        voice=args.voice or None,
        text_only=bool(args.text_only),
        formats=frozenset(OutputFormat(n) for n in names),
        out_dir=str(args.out_dir) if args.out_dir else None,
        concurrency=args.concurrency,
    )


def count_skipped(paths: list[str]) -> dict[str, int]:
    """For each folder in ``paths``: how many (non-hidden) files inside are not audio or video (skipped quietly)."""
    from pathlib import Path

    from interpreter.services.file_media import MEDIA_EXTENSIONS

    skipped: dict[str, int] = {}
    for raw in paths:
        folder = Path(raw).expanduser()
        if not folder.is_dir():
            continue
        count = sum(
            1
            for p in folder.rglob("*")
            if p.is_file()
            and p.suffix.lower() not in MEDIA_EXTENSIONS
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )
        if count:
            skipped[raw] = count
    return skipped


def _amount(text: str) -> Decimal:
    from decimal import Decimal, InvalidOperation

    from interpreter.errors import ConfigError

    try:
        amount = Decimal(str(text))
    except InvalidOperation:
        amount = Decimal(-1)
    if not amount.is_finite() or amount < 0:
        raise ConfigError(f"--confirm-above takes an amount such as 1.00, not {text!r}.", field="confirm_above")
    return amount


def _check_out_dir(out_dir: str) -> None:
    from pathlib import Path

    from interpreter.services.file_outputs import check_writable

    check_writable(Path(out_dir).expanduser())


async def _run(args: argparse.Namespace, console: Console) -> int:
    import asyncio
    import sys

    from interpreter.bootstrap import endpoint_for, find_api_key, resolve_region, start_demo_emulator, wants_demo
    from interpreter.cli.translate_kinds import (
        KindOutcome,
        load_glossary_terms,
        split_by_kind,
        translate_documents,
        translate_pictures,
    )
    from interpreter.services.file_media import FileMedia
    from interpreter.services.file_translation import FileTranslationService
    from interpreter.store.jobs import JobStore
    from interpreter.store.paths import data_dir
    from interpreter.store.pricing import load_effective_pricing
    from interpreter.transport.http import HttpClient

    region = resolve_region(args.region)
    options = _options(args)
    media_paths, documents, pictures = split_by_kind(list(args.paths))
    glossary = await asyncio.to_thread(load_glossary_terms, args.glossary)
    confirm_above = _amount(args.confirm_above)
    if options.out_dir:
        # StorageError (exit 5) before anything is paid.
        await asyncio.to_thread(_check_out_dir, options.out_dir)
    demo_requested = demo_flag(args)
    api_key = None if demo_requested else find_api_key(args.api_key, region.value)
    demo = wants_demo(requested=demo_requested, api_key=api_key, base_url=args.base_url)
    if demo and not demo_requested:
        console.notice("No API key found (--api-key, DASHSCOPE_API_KEY or the keychain); running the demo.")
    pricing, notices = load_effective_pricing()
    for notice in notices:
        console.notice(f"note: {notice}")

    server = await start_demo_emulator(speed=DEMO_SPEED) if demo else None
    try:
        if server is not None:
            console.notice(f"DEMO — not real translation (built-in emulator at {server.base_url}).")
        endpoint = endpoint_for(emulator=server, api_key=api_key, base_url=args.base_url, region=region.value)
        assert endpoint is not None  # wants_demo() chose the emulator when there was neither key nor address
        media = (
            FileMedia(target_s=args.segment_s, max_s=args.segment_s * 2, min_s=args.segment_s / 2)
            if args.segment_s
            else None
        )
        outcomes: list[KindOutcome] = []
        async with HttpClient(endpoint.base_url or endpoint.region, api_key=endpoint.api_key or None) as client:
            if media_paths:
                store = await asyncio.to_thread(JobStore, data_dir() / JOBS_FILE)
                service = FileTranslationService(
                    client,
                    store=store,
                    media=media,
                    region=region.value,
                    pricing=pricing,
                    concurrency=options.concurrency,
                )
                tally: dict[str, int] = {}
                try:
                    code = await _translate(
                        service,
                        media_paths,
                        options,
                        console,
                        interactive=sys.stdin.isatty() and not args.yes,
                        confirm_above=confirm_above,
                        tally=tally,
                    )
                finally:
                    await service.aclose()  # the store is ours to close: everything is committed by now
                    await asyncio.to_thread(store.close)
                if code == EXIT_STOPPED:
                    return code
                outcomes.append(KindOutcome(tally.get("done", 0), tally.get("total", len(media_paths)), code))
            if documents:
                outcomes.append(
                    await translate_documents(
                        documents, args, glossary, client=client, pricing=pricing, region=region.value, console=console
                    )
                )
        if pictures:
            outcomes.append(
                await translate_pictures(
                    pictures, args, glossary, endpoint=_image_endpoint(args, endpoint), console=console
                )
            )
        return _batch_summary(outcomes, console)
    finally:
        if server is not None:
            await server.stop()


async def _translate(
    service: FileTranslationService,
    paths: list[str],
    options: FileTranslationOptions,
    console: Console,
    *,
    interactive: bool,
    confirm_above: Decimal,
    tally: dict[str, int] | None = None,
) -> int:
    """Translate the media files; returns the exit code. ``tally`` (when given) receives ``done`` and ``total``
    (files) for the batch summary."""
    import asyncio
    import signal
    import time
    from decimal import Decimal

    from interpreter.core.jobs import JobState, SegmentState, batch_usage
    from interpreter.errors import InterpreterError
    from interpreter.services.file_translation import BatchStopped, JobUpdated

    started = time.monotonic()
    await service.restore()
    for folder, count in count_skipped(paths).items():
        files = "1 file that is" if count == 1 else f"{count} files that are"
        console.say(f"{folder}: skipped {files} not audio or video.")
    added = await service.add_files(paths, options)
    ours = {job.id for job in added}
    # Jobs of earlier runs of other commands wait (paused) instead of running now; their own rerun requeues them.
    for job in service.jobs:
        if job.id not in ours and job.state in (JobState.QUEUED, JobState.RUNNING):
            await service.pause(job.id)

    bad = [job for job in added if job.state == JobState.FAILED and not job.segments]
    for job in bad:
        console.error(job.error)
    for job in added:
        if service.history_match(job.id) is not None:
            await service.use_history(job.id)
            console.say(f"{_name(job)}: already translated with these settings; reusing that translation (no charge).")
        elif job.progress.segments_done and job.state != JobState.FAILED:
            console.say(
                f"{_name(job)}: resuming ({job.progress.segments_done} of {job.progress.segments_total} segments "
                "already done)."
            )
    todo = [service.job(job.id) or job for job in added if job not in bad]
    if tally is not None:
        tally.update(done=0, total=len(added))
    if not todo:
        console.error("No file to translate.")
        return EXIT_CONFIG

    # The estimate of what is still to be paid (done and reused segments cost nothing more).
    remaining = Decimal(0)
    tokens = 0
    currency = ""
    for job in todo:
        left = 1.0 - job.progress.fraction
        if job.estimate.priced:
            remaining += Decimal(job.estimate.amount) * Decimal(str(round(left, 4)))
            currency = job.estimate.currency
        tokens += round((job.estimate.input_tokens + job.estimate.output_tokens) * left)
    duration_s = sum(job.duration_ms for job in todo) / 1000
    cost = f"{remaining.quantize(Decimal('0.0001'))} {currency}" if currency else "price unknown"
    console.say(
        f"Estimate: {len(todo)} file{'s' if len(todo) != 1 else ''}, {_clock(duration_s)} of media, "
        f"about {tokens:,} tokens, {cost}."
    )
    if interactive and currency and remaining > confirm_above:
        answer = await asyncio.to_thread(
            input, f"This batch may cost more than {confirm_above} {currency}. Start? [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            console.say("Not started. Nothing was sent.")
            return EXIT_OK

    stopped: list[InterpreterError] = []

    def on_event(event: FileTranslationEvent) -> None:
        if isinstance(event, JobUpdated) and event.job.id in ours:
            console.progress([service.job(j.id) or j for j in todo])
        elif isinstance(event, BatchStopped):
            stopped.append(event.error)

    unsubscribe = service.add_listener(on_event)
    loop = asyncio.get_running_loop()
    run = asyncio.ensure_future(service.run())
    interrupted = False

    def on_signal() -> None:
        nonlocal interrupted
        interrupted = True
        run.cancel()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, on_signal)
        except (NotImplementedError, RuntimeError):  # Windows event loops have no signal handlers
            pass
    try:
        console.progress(todo)
        await run
    except asyncio.CancelledError:
        if not interrupted:
            raise
        await service.aclose()  # stops the batch: in-flight segments stay "not done", no output is half-written
        console.notice("Stopped. Run the same command again to resume where it stopped.")
        return EXIT_STOPPED
    finally:
        unsubscribe()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.remove_signal_handler(sig)
            except (NotImplementedError, RuntimeError):
                pass

    final = [service.job(job.id) or job for job in todo]
    console.progress(final)
    done = [j for j in final if j.state == JobState.DONE]
    failed = [j for j in final if j.state == JobState.FAILED]
    if tally is not None:
        tally.update(done=len(done), total=len(final) + len(bad))
    for job in failed:
        console.error(job.error)
    for job in done:
        for output in job.outputs:
            console.say(f"  {output}")
    usage = batch_usage(final)
    spent = service.cost_of(usage)
    segments = sum(1 for j in final for s in j.segments if s.state == SegmentState.DONE)
    # "Done" only when every file is; a stopped batch (key, quota, storage) waits for a rerun.
    headline = "Stopped" if stopped else ("Finished" if failed or bad else "Done")
    console.say(
        f"{headline}: {len(done)} of {len(final) + len(bad)} files translated"
        + (f", {len(failed) + len(bad)} failed" if failed or bad else "")
        + f"; {segments} segments, {usage.total_tokens:,} tokens, {spent.format()}, "
        f"{time.monotonic() - started:.1f} s."
    )
    if stopped:
        console.error(stopped[0].user_message)
        return exit_code_for(stopped[0])
    if bad:
        return EXIT_CONFIG
    if failed:
        # A job whose segments all arrived failed while writing its outputs (local storage); otherwise a segment
        # kept failing (network or service trouble).
        if any(job.all_segments_done() for job in failed):
            return EXIT_LOCAL
        return EXIT_NETWORK
    return EXIT_OK


def _image_endpoint(args: argparse.Namespace, endpoint: Endpoint) -> tuple[str, str]:
    """Where pictures go: the emulator or ``--base-url`` with the key in use; else the Beijing region (the only one
    serving qwen-mt-image) with ``--api-key``, ``DASHSCOPE_API_KEY`` or the stored Beijing key.

    Raises:
        ConfigError: no key for Beijing (the sentence says how to add one).
    """
    from interpreter.services.image_jobs import resolve_image_endpoint

    if endpoint.base_url:
        return endpoint.base_url, endpoint.api_key
    return resolve_image_endpoint(None, None, args.api_key)


def _batch_summary(outcomes: list[KindOutcome], console: Console) -> int:
    """One ``Batch:`` line when more than one kind of file was given; the batch's exit code (the worst kind's)."""
    if len(outcomes) > 1:
        done = sum(o.done for o in outcomes)
        total = sum(o.total for o in outcomes)
        console.say(f"Batch: {done} of {total} files translated ({len(outcomes)} kinds).")
    return max((o.code for o in outcomes), default=EXIT_CONFIG)
