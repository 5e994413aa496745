"""The ``translate`` command's other kinds of input: subtitle/text documents (Qwen-MT, ``services.text_jobs``) and
pictures (qwen-mt-image, ``services.image_translation.translate_images``). Media files stay in ``cli.translate``.

Each runner prints one line per file as it progresses, names every failed file with its sentence on stderr, and
returns a :class:`KindOutcome` (files done, files given, exit code by the command's table); ``cli.translate`` adds
the outcomes up into the batch's one summary line and one exit code.

Importing this module is cheap; the heavy imports happen inside the runners.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from interpreter.cli.common import EXIT_CONFIG, EXIT_INTERNAL, EXIT_NETWORK, EXIT_OK, exit_code_for

if TYPE_CHECKING:
    import argparse

    from interpreter.core.cost import Pricing
    from interpreter.core.glossary import GlossaryEntry
    from interpreter.core.mt_chunking import Term
    from interpreter.errors import InterpreterError
    from interpreter.services.image_jobs import ImageProgress
    from interpreter.transport.http import HttpClient

__all__ = ["KindOutcome", "load_glossary_terms", "split_by_kind", "translate_documents", "translate_pictures"]


class Output(Protocol):
    """The command's console (``cli.translate.Console``): ``say`` to stdout, ``error`` to stderr."""

    def say(self, text: str) -> None: ...

    def error(self, text: str) -> None: ...


@dataclass(frozen=True)
class KindOutcome:
    """What one kind of input came to: ``done`` of ``total`` files translated; ``code`` the exit code for it."""

    done: int
    total: int
    code: int


def split_by_kind(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """``(media, documents, pictures)`` by file name; folders and everything else stay media (the media flow expands
    folders and names files it cannot read)."""
    from interpreter.services.image_translation import is_image
    from interpreter.services.text_translation import is_text_document

    documents = [p for p in paths if not Path(p).is_dir() and is_text_document(p)]
    pictures = [p for p in paths if not Path(p).is_dir() and p not in documents and is_image(Path(p))]
    media = [p for p in paths if p not in documents and p not in pictures]
    return media, documents, pictures


def load_glossary_terms(path: str | None) -> tuple[GlossaryEntry, ...]:
    """The entries of ``--glossary FILE.csv`` (none without the option).

    Raises:
        ConfigError: the file cannot be read or holds no term (the sentence names the file).
    """
    if not path:
        return ()
    from interpreter.core.glossary import parse_glossary_csv
    from interpreter.errors import ConfigError

    file = Path(path).expanduser()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"The glossary {file} cannot be read ({exc.strerror or exc}); check the path.", field="glossary"
        ) from exc
    entries = tuple(e for e in parse_glossary_csv(data).entries if e.source and e.target)
    if not entries:
        raise ConfigError(
            f"The glossary {file.name} holds no term: use two columns, the term then its translation.",
            field="glossary",
        )
    return entries


def _out_dir(args: argparse.Namespace) -> str | None:
    return os.path.expanduser(str(args.out_dir)) if args.out_dir else None


def _this_batch(results: list[ImageProgress], paths: list[str]) -> list[ImageProgress]:
    """The results of ``paths`` (``translate_images`` also returns the tasks of an earlier run it resumed first;
    their pictures are written too, but the summary counts this batch)."""
    wanted = {os.path.abspath(p) for p in paths}
    return [r for r in results if os.path.abspath(r.source_path) in wanted] or results


def _code_for(error: InterpreterError | None) -> int:
    from interpreter.errors import MediaFileError

    if error is None or isinstance(error, MediaFileError):
        return EXIT_CONFIG  # a file that cannot be read, or the reason was lost: the file is the thing to check
    code = exit_code_for(error)
    return EXIT_NETWORK if code == EXIT_INTERNAL else code


async def translate_documents(
    paths: list[str],
    args: argparse.Namespace,
    glossary: tuple[GlossaryEntry, ...],
    *,
    client: HttpClient,
    pricing: Pricing,
    region: str,
    console: Output,
) -> KindOutcome:
    """Translate subtitle/text documents with Qwen-MT (``--model``, ``--domain``, ``--bilingual``, the glossary
    as ``terms``); outputs ``<stem>.<target>.<ext>`` beside each file or in ``--out-dir``. A rerun asks only for
    what the checkpoints (``store.mt_checkpoints``) do not hold yet."""
    from interpreter.core.jobs import JobState
    from interpreter.core.mt_chunking import Term
    from interpreter.core.mt_languages import DEFAULT_MT_MODEL
    from interpreter.services.text_jobs import TextBatchStopped, TextEntryUpdated, TextJobQueue, TextQueueEvent
    from interpreter.services.text_translation import TextTranslationOptions, TextTranslationService
    from interpreter.store.mt_checkpoints import MtCheckpointStore

    terms: tuple[Term, ...] = tuple(Term(entry.source, entry.target) for entry in glossary)
    options = TextTranslationOptions(
        target=args.target,
        source=args.source or None,
        model=args.model or DEFAULT_MT_MODEL,
        terms=terms,
        domains=(args.domain or "").strip() or None,
        bilingual=bool(args.bilingual),
        out_dir=_out_dir(args),
    )
    checkpoints = MtCheckpointStore()
    queue = TextJobQueue(TextTranslationService(client, checkpoints=checkpoints, pricing=pricing, region=region))
    last: dict[int, str] = {}
    stopped: list[TextBatchStopped] = []

    def on_event(event: TextQueueEvent) -> None:
        if isinstance(event, TextBatchStopped):
            stopped.append(event)
        elif isinstance(event, TextEntryUpdated) and event.entry.state is not JobState.FAILED:
            entry = event.entry
            line = f"{entry.path.name}: {entry.state.value}, {entry.units_done}/{entry.units_total} lines"
            if last.get(entry.id) != line:
                last[entry.id] = line
                console.say(line)

    queue.add_listener(on_event)
    try:
        entries = await queue.add_files(paths, options)
        planned = [e for e in entries if e.job is not None]
        if planned:
            requests = sum(e.job.estimate.requests for e in planned if e.job is not None)
            tokens = sum(
                e.job.estimate.input_tokens + e.job.estimate.output_tokens for e in planned if e.job is not None
            )
            console.say(
                f"Estimate: {len(planned)} document{'s' if len(planned) != 1 else ''} ({options.model}), "
                f"{requests} requests, about {tokens:,} tokens."
            )
        summary = await queue.run()
    finally:
        checkpoints.close()
    done = [e for e in summary.entries if e.state is JobState.DONE]
    failed = [e for e in summary.entries if e.state is JobState.FAILED]
    for entry in failed:
        console.error(f"{entry.path.name}: {entry.error}")
    for entry in done:
        if entry.result is not None:
            console.say(f"  {entry.result.output_path}")
    console.say(
        f"Documents: {len(done)} of {len(summary.entries)} translated; {summary.requests} requests, "
        f"{summary.usage.input_tokens + summary.usage.output_tokens:,} tokens, {summary.cost.format()}."
    )
    if stopped:
        console.error(stopped[0].message)
        code = _code_for(stopped[0].error)
    else:
        code = max((_code_for(e.failure) for e in failed), default=EXIT_OK)
    return KindOutcome(len(done), len(summary.entries), code)


async def translate_pictures(
    paths: list[str],
    args: argparse.Namespace,
    glossary: tuple[GlossaryEntry, ...],
    *,
    endpoint: tuple[str, str],
    console: Output,
) -> KindOutcome:
    """Translate pictures with qwen-mt-image on ``endpoint`` (``(base URL or "beijing", key)``, see
    ``services.image_jobs.resolve_image_endpoint``): the glossary as ``terminologies``, ``--domain`` as the domain
    hint; outputs ``<stem>.<target>.<ext>``. Interrupted tasks of an earlier run are resumed, never resubmitted."""
    from interpreter.services.image_translation import (
        ImageStatus,
        ImageTranslationOptions,
        exit_code,
        translate_images,
    )

    options = ImageTranslationOptions(
        target=args.target,
        source=args.source or "auto",
        domain_hint=(args.domain or "").strip(),
        terminologies=tuple((entry.source, entry.target) for entry in glossary),
        output_dir=Path(folder) if (folder := _out_dir(args)) else None,
    )
    last: dict[int, ImageStatus] = {}

    def on_progress(progress: ImageProgress) -> None:
        if progress.status is not ImageStatus.FAILED and last.get(progress.record_id) is not progress.status:
            last[progress.record_id] = progress.status
            console.say(f"{progress.source_path.name}: {progress.status.value}")

    from interpreter.errors import InterpreterError

    base, key = endpoint
    try:
        results = await translate_images(
            [Path(p) for p in paths], options, endpoint=base, api_key=key, on_progress=on_progress
        )
    except InterpreterError as error:  # languages, region, the task list: nothing of this kind was translated
        console.error(error.user_message)
        return KindOutcome(0, len(paths), _code_for(error))
    ours = _this_batch(results, paths)
    done = [r for r in ours if r.status is ImageStatus.DONE]
    for result in ours:
        if result.status is ImageStatus.FAILED:
            console.error(result.error or f"{result.source_path.name} was not translated.")
        elif result.output_path is not None:
            notes = f" ({'; '.join(result.notes)})" if result.notes else ""
            console.say(f"  {result.output_path}{notes}")
    console.say(f"Pictures: {len(done)} of {len(ours)} translated.")
    return KindOutcome(len(done), len(ours), exit_code(ours))
