"""Text translation with Qwen-MT (Qt-free): subtitle files, text/Markdown documents, a pasted text, a transcript.

The API mirrors the media file-translation flow so the Files tab and the ``translate`` command can route by type
(:func:`is_text_document`):

    service = TextTranslationService(client, checkpoints=MtCheckpointStore())
    job = service.add_file("talk.srt", TextTranslationOptions(target="en", terms=terms_of(glossary)))
    job.estimate            # requests, tokens and money before anything is sent
    result = await service.run(job, on_event=print)   # TextJobProgress ... TextJobFinished
    result.output_path      # talk.en.srt, written atomically next to the input

Per file: bytes → :func:`core.text_documents.decode_text` (legacy encodings detected; output always UTF-8) →
units (subtitle cues via pysubs2 with styling tags kept aside and every timing untouched; Markdown with its
structure kept; plain-text lines) → chunks under the model's input limit with the glossary terms found in each
(:mod:`core.mt_chunking`) → :class:`~interpreter.services.mt_engine.MtEngine` (per-model limiter, retries, marker
verification, split-and-retry) → each answer checkpointed at once (:mod:`store.mt_checkpoints`) → the file rebuilt
and written as ``<stem>.<target>.<ext>`` (``<stem>.<target> (2).<ext>``... when taken: never overwritten).

Running a job again after a crash or kill asks only for the units not yet checkpointed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import pysubs2

from interpreter.core.cost import Estimate, Pricing, TokenCounts, load_pricing
from interpreter.core.glossary import Glossary
from interpreter.core.mt_chunking import (
    DEFAULT_CHUNK_TOKENS,
    Chunk,
    ChunkBudget,
    Term,
    TermIndex,
    TextUnit,
    TmPair,
    join_parts,
    plan_chunks,
)
from interpreter.core.mt_languages import DEFAULT_MT_MODEL, MtLanguage, mt_model, resolve_pair
from interpreter.core.text_documents import (
    SUBTITLE_SUFFIXES,
    TEXT_DOCUMENT_SUFFIXES,
    Styling,
    TextDocument,
    TextFileError,
    decode_text,
    parse_markdown,
    parse_plain_text,
    restore_styling,
    split_styling,
)
from interpreter.core.translation_memory import TranslationMemory
from interpreter.errors import InterpreterError, StorageError
from interpreter.protocol.chat_stream import ChatUsage
from interpreter.services.mt_engine import ChunkAnswer, MtEngine, MtSettings
from interpreter.store.atomic import atomic_write_text
from interpreter.store.mt_checkpoints import MtCheckpointStore, StoredUsage
from interpreter.transport.http import HttpClient

__all__ = [
    "DocumentKind",
    "TextEstimate",
    "TextJob",
    "TextJobEvent",
    "TextJobFailed",
    "TextJobFinished",
    "TextJobProgress",
    "TextJobResult",
    "TextJobSplit",
    "TextResult",
    "TextTranslationOptions",
    "TextTranslationService",
    "TranscriptRow",
    "TranscriptTranslation",
    "is_text_document",
    "output_path_for",
    "terms_of",
]

logger = logging.getLogger(__name__)

#: Largest text file accepted: 50 MB is a 300 000-line book many times over; beyond it the file is surely not a
#: document a person translates, and reading it whole would strain memory.
MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024

#: Share of each request kept for translation-memory pairs when a memory is given (of the 8 192-token limit).
TM_SHARE = 0.1

#: Highest "(n)" tried for a free output name.
MAX_NAME_VARIANTS = 1000

#: Targets written without spaces between the pieces of a cut paragraph.
_UNSPACED_TARGETS = frozenset({"zh", "zh_tw", "ja", "yue", "th", "lo", "km", "my"})


def is_text_document(path: str | os.PathLike[str]) -> bool:
    """True for files this service translates (``.srt .vtt .ass .ssa .txt .md .markdown``), judged by the name."""
    return Path(path).suffix.lower() in TEXT_DOCUMENT_SUFFIXES


def terms_of(glossary: Glossary | None) -> tuple[Term, ...]:
    """The glossary as Qwen-MT ``terms`` (empty for None)."""
    if glossary is None:
        return ()
    return tuple(Term(item["source"], item["target"]) for item in glossary.as_terms())


class DocumentKind(StrEnum):
    SUBTITLES = "subtitles"
    MARKDOWN = "markdown"
    PLAIN_TEXT = "plain_text"


@dataclass(frozen=True)
class TextTranslationOptions:
    """How to translate.

    Attributes:
        target: target language, code or English name ("en", "English").
        source: source language, or None to let the service detect it.
        model: a Qwen-MT model (default qwen-mt-flash).
        terms: glossary terms (:func:`terms_of`); only those found in a request's text are sent with it.
        tm_pairs: translation memory; the most similar pairs go with each request within :data:`TM_SHARE`.
        domains: domain hint, English prose ("The text is a medical conference talk.").
        bilingual: subtitles and documents keep the source line above each translation.
        out_dir: output folder (default: the input's folder).
        chunk_tokens: target text size of one request.
        native: use native text-generation instead of the OpenAI-compatible endpoint.
    """

    target: str
    source: str | None = None
    model: str = DEFAULT_MT_MODEL
    terms: tuple[Term, ...] = ()
    tm_pairs: tuple[TmPair, ...] = ()
    domains: str | None = None
    bilingual: bool = False
    out_dir: str | None = None
    chunk_tokens: int = DEFAULT_CHUNK_TOKENS
    native: bool = False

    def budget(self) -> ChunkBudget:
        info = mt_model(self.model)
        tm_tokens = int(info.max_input_tokens * TM_SHARE) if self.tm_pairs else 0
        return ChunkBudget(
            max_input_tokens=info.max_input_tokens,
            chunk_tokens=self.chunk_tokens,
            tm_tokens=tm_tokens,
            domains=self.domains,
        )

    def fingerprint(self) -> dict[str, Any]:
        """What decides the translations (bilingual and out_dir only shape the output)."""
        return {
            "model": mt_model(self.model).name,
            "source": self.source or "auto",
            "target": self.target,
            "terms": [[t.source, t.target] for t in self.terms],
            "tm": [[p.source, p.target] for p in self.tm_pairs],
            "domains": self.domains,
            "chunk_tokens": self.chunk_tokens,
        }


@dataclass(frozen=True)
class TextEstimate:
    """Before sending: requests, estimated tokens, money, and the least time the model's documented limits allow
    (``minimum_seconds``, from the estimated tokens: the real time is usually shorter, as estimates err high)."""

    requests: int
    input_tokens: int
    output_tokens: int
    cost: Estimate
    minimum_seconds: float

    def format(self) -> str:
        return (
            f"{self.requests} requests, about {self.input_tokens + self.output_tokens:,} tokens, {self.cost.format()}"
        )


@dataclass(frozen=True)
class TextJob:
    """A file ready to translate (made by :meth:`TextTranslationService.add_file`).

    Attributes:
        job_key: checkpoint key (content + options that decide the translations).
        path: the input; kind: subtitles, Markdown or plain text; encoding: as detected.
        source_language / target_language: resolved for the model.
        units: every unit (cue, line); chunks: the requests planned (done ones included).
        done_keys: units already checkpointed by an earlier run (not asked again).
        estimate: for the units still to translate.
        notes: sentences about the file (broken numbering, overlaps, legacy encoding).
    """

    job_key: str
    path: Path
    kind: DocumentKind
    encoding: str
    options: TextTranslationOptions
    source_language: MtLanguage
    target_language: MtLanguage
    units: tuple[TextUnit, ...]
    chunks: tuple[Chunk, ...]
    done_keys: frozenset[str]
    estimate: TextEstimate
    notes: tuple[str, ...]
    _document: _Document = field(repr=False, compare=False)

    @property
    def units_total(self) -> int:
        return len({unit.index for unit in self.units})


@dataclass(frozen=True)
class TextJobProgress:
    """A request was answered and checkpointed."""

    job_key: str
    units_done: int
    units_total: int
    requests: int
    usage: StoredUsage


@dataclass(frozen=True)
class TextJobSplit:
    """An answer's cue count did not match; its chunk of ``units`` is asked again in halves."""

    job_key: str
    units: int


@dataclass(frozen=True)
class TextJobFinished:
    job_key: str
    output_path: Path
    usage: StoredUsage
    cost: Estimate
    notes: tuple[str, ...]


@dataclass(frozen=True)
class TextJobFailed:
    job_key: str
    error: InterpreterError


TextJobEvent = TextJobProgress | TextJobSplit | TextJobFinished | TextJobFailed


@dataclass(frozen=True)
class TextJobResult:
    output_path: Path
    usage: StoredUsage
    cost: Estimate
    notes: tuple[str, ...]


@dataclass(frozen=True)
class TextResult:
    """A translated text (Text pane): ``text``, billed ``usage`` and its ``cost``."""

    text: str
    usage: StoredUsage
    cost: Estimate


@dataclass(frozen=True)
class TranscriptRow:
    """One transcript line to translate: times in ms (None when unknown) and the spoken ``text``."""

    start_ms: int | None
    end_ms: int | None
    text: str


@dataclass(frozen=True)
class TranscriptTranslation:
    """A transcript in another language: rows with ``translations[i]`` for ``rows[i]``, and the SRT written."""

    rows: tuple[TranscriptRow, ...]
    translations: tuple[str, ...]
    srt_path: Path | None
    usage: StoredUsage
    cost: Estimate


class _Document(Protocol):
    units: tuple[TextUnit, ...]

    def render(self, translations: Mapping[int, str], *, bilingual: bool) -> str: ...


class _TextDoc:
    def __init__(self, document: TextDocument) -> None:
        self._document = document
        self.units = document.units

    def render(self, translations: Mapping[int, str], *, bilingual: bool) -> str:
        return self._document.render(translations, bilingual=bilingual)


class _SubtitleDoc:
    """A pysubs2 file whose cue texts are the units; styling and times are never touched."""

    def __init__(self, subs: pysubs2.SSAFile, fmt: str) -> None:
        self._subs = subs
        self._format = fmt
        self._styling: dict[int, Styling] = {}
        units: list[TextUnit] = []
        for index, event in enumerate(subs.events):
            if event.is_comment or event.is_drawing:
                continue
            plain, styling = split_styling(event.text)
            if plain.strip():
                units.append(TextUnit(index, plain.strip()))
                self._styling[index] = styling
        self.units = tuple(units)

    def render(self, translations: Mapping[int, str], *, bilingual: bool) -> str:
        copy = deepcopy(self._subs)  # the loaded file stays as read, so a job can be rendered again
        for index, text in translations.items():
            event = copy.events[index]
            translated = restore_styling(text, self._styling[index])
            event.text = f"{event.text}\\N{translated}" if bilingual else translated
        keep = {"keep_ssa_tags": True} if self._format in ("srt", "vtt") else {}
        return str(copy.to_string(self._format, **keep))


_SRT_NUMBER = re.compile(r"^\s*(\d+)\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->", re.MULTILINE)


def _subtitle_notes(name: str, text: str, subs: pysubs2.SSAFile, suffix: str) -> list[str]:
    notes: list[str] = []
    if suffix == ".srt":
        numbers = [int(m.group(1)) for m in _SRT_NUMBER.finditer(text)]
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            notes.append(
                f"{name}: the cue numbers are not 1, 2, 3…; every cue is translated and kept in its place, "
                "and the output is numbered in order."
            )
    overlaps = sum(1 for before, after in zip(subs.events, subs.events[1:], strict=False) if after.start < before.end)
    if overlaps:
        notes.append(f"{name}: {overlaps} cue(s) overlap the cue before them; their times are kept as they are.")
    return notes


def _load_document(path: Path, data: bytes) -> tuple[_Document, DocumentKind, str, list[str]]:
    name = path.name
    decoded = decode_text(data, name)
    notes: list[str] = []
    if decoded.encoding not in ("utf-8", "ascii"):
        notes.append(f"{name} was read as {decoded.encoding.upper()}; the translation is written as UTF-8.")
    suffix = path.suffix.lower()
    if suffix in SUBTITLE_SUFFIXES:
        fmt = {".srt": "srt", ".vtt": "vtt", ".ass": "ass", ".ssa": "ssa"}[suffix]
        try:
            # SRT/VTT: keep <b>, <font ...>, <c.x> exactly as written (pysubs2 would otherwise drop all but a few).
            keep = {"keep_html_tags": True} if fmt in ("srt", "vtt") else {}
            subs = pysubs2.SSAFile.from_string(decoded.text, format_=fmt, **keep)
        except (pysubs2.exceptions.Pysubs2Error, ValueError, KeyError, IndexError) as exc:
            raise TextFileError(
                f"{name} is not a readable {suffix} subtitle file; check that it is the right file.", detail=str(exc)
            ) from exc
        document = _SubtitleDoc(subs, fmt)
        if not document.units:
            raise TextFileError(f"{name} holds no subtitle cues with text; there is nothing to translate.")
        notes.extend(_subtitle_notes(name, decoded.text, subs, suffix))
        return document, DocumentKind.SUBTITLES, decoded.encoding, notes
    parsed = parse_markdown(decoded.text) if suffix in (".md", ".markdown") else parse_plain_text(decoded.text)
    if not parsed.units:
        raise TextFileError(f"{name} has no text to translate (only blank lines or code).")
    kind = DocumentKind.MARKDOWN if suffix in (".md", ".markdown") else DocumentKind.PLAIN_TEXT
    return _TextDoc(parsed), kind, decoded.encoding, notes


def output_path_for(path: Path, target_code: str, out_dir: str | os.PathLike[str] | None = None) -> Path:
    """A free output name ``<stem>.<target>.<ext>`` (``<stem>.<target> (n).<ext>`` when taken).

    Raises:
        StorageError: every variant up to (:data:`MAX_NAME_VARIANTS`) is taken.
    """
    folder = Path(out_dir).expanduser() if out_dir else path.parent
    for n in range(1, MAX_NAME_VARIANTS + 1):
        tag = target_code if n == 1 else f"{target_code} ({n})"
        candidate = folder / f"{path.stem}.{tag}{path.suffix}"
        if not candidate.exists():
            return candidate
    raise StorageError(f"{folder} already holds {MAX_NAME_VARIANTS} translations of {path.name}; clear some out.")


class TextTranslationService:
    """Qwen-MT translation of files, texts and transcripts (module docstring).

    Args:
        client: HTTP client of the endpoint (the emulator in demo mode and tests).
        checkpoints: where answered units are kept (None: in memory only; jobs then do not survive a restart).
        pricing / region: for cost estimates (region "singapore" or "beijing", as in pricing.json).
        engine: an :class:`MtEngine` to share (else one is made with ``max_concurrency`` per model).
    """

    def __init__(
        self,
        client: HttpClient,
        *,
        checkpoints: MtCheckpointStore | None = None,
        pricing: Pricing | None = None,
        region: str = "singapore",
        engine: MtEngine | None = None,
        max_concurrency: int = 2,
    ) -> None:
        self.engine = engine or MtEngine(client, max_concurrency=max_concurrency)
        self.checkpoints = checkpoints
        self.pricing = pricing or load_pricing()
        self.region = region
        self._memory_answers: dict[str, dict[str, str]] = {}
        self._memory_usage: dict[str, StoredUsage] = {}

    # -- estimates --------------------------------------------------------------------------------------------

    def estimate(self, chunks: Sequence[Chunk], options: TextTranslationOptions) -> TextEstimate:
        """Requests, tokens, money and least time for ``chunks`` under ``options``."""
        budget = options.budget()
        info = mt_model(options.model)
        input_tokens = sum(chunk.input_tokens(budget) for chunk in chunks)
        output_tokens = sum(chunk.output_tokens() for chunk in chunks)
        cost = self.pricing.estimate(
            TokenCounts(input_text=input_tokens, output_text=output_tokens), info.name, self.region
        )
        # Least time the limits allow: requests are smoothed to RPM/60 per second (spec §8.3), and tokens beyond the
        # first minute's allowance wait for the sliding window to move on.
        request_s = max(0, len(chunks) - 1) * 60.0 / info.requests_per_minute
        token_s = max(0, input_tokens + output_tokens - info.tokens_per_minute) * 60.0 / info.tokens_per_minute
        return TextEstimate(len(chunks), input_tokens, output_tokens, cost, max(request_s, token_s))

    def cost_of(self, usage: StoredUsage, model: str) -> Estimate:
        tokens = TokenCounts(input_text=usage.input_tokens, output_text=usage.output_tokens)
        return self.pricing.estimate(tokens, mt_model(model).name, self.region)

    # -- files ------------------------------------------------------------------------------------------------

    def add_file(self, path: str | os.PathLike[str], options: TextTranslationOptions) -> TextJob:
        """Read, check and plan one file (no request is made).

        Raises:
            TextFileError: missing, empty, binary, not a subtitle file, too large (one sentence naming it).
            ConfigError: unsupported languages for the model, a glossary term too long for a request.
        """
        path = Path(path)
        source, target = resolve_pair(options.source, options.target, options.model)
        data = _read_bytes(path)
        document, kind, encoding, notes = _load_document(path, data)
        budget = options.budget()
        chunks = plan_chunks(document.units, terms=TermIndex(options.terms, budget), budget=budget)
        digest = hashlib.sha256(data)
        digest.update(json.dumps(options.fingerprint(), sort_keys=True, ensure_ascii=False).encode("utf-8"))
        job_key = digest.hexdigest()
        done = frozenset(self._stored(job_key))
        pending = [chunk for chunk in chunks if not set(chunk.keys) <= done]
        return TextJob(
            job_key=job_key,
            path=path,
            kind=kind,
            encoding=encoding,
            options=options,
            source_language=source,
            target_language=target,
            units=tuple(unit for chunk in chunks for unit in chunk.units),
            chunks=tuple(chunks),
            done_keys=done,
            estimate=self.estimate(pending, options),
            notes=tuple(notes),
            _document=document,
        )

    def _stored(self, job_key: str, persist: bool = True) -> dict[str, str]:
        if persist and self.checkpoints is not None:
            return self.checkpoints.translations(job_key)
        return dict(self._memory_answers.get(job_key, {}))

    def _usage(self, job_key: str, persist: bool = True) -> StoredUsage:
        if persist and self.checkpoints is not None:
            return self.checkpoints.usage(job_key)
        return self._memory_usage.get(job_key, StoredUsage())

    async def _checkpoint(self, job_key: str, answer: ChunkAnswer, persist: bool) -> None:
        usage = answer.usage
        if persist and self.checkpoints is not None:
            await asyncio.to_thread(
                self.checkpoints.save_answer, job_key, answer.translations, usage.prompt_tokens, usage.completion_tokens
            )
            return
        self._memory_answers.setdefault(job_key, {}).update(answer.translations)
        before = self._memory_usage.get(job_key, StoredUsage())
        self._memory_usage[job_key] = StoredUsage(
            before.requests + 1,
            before.input_tokens + usage.prompt_tokens,
            before.output_tokens + usage.completion_tokens,
        )

    async def run(self, job: TextJob, on_event: Callable[[TextJobEvent], None] | None = None) -> TextJobResult:
        """Translate the units not yet checkpointed, then write the output atomically.

        Raises:
            The errors tree (refusals, network trouble beyond the retries, storage); a ``TextJobFailed`` event is
            emitted first. Checkpoints made before the failure are kept for the next run.
        """
        emit = on_event or (lambda event: None)
        try:
            if self.checkpoints is not None:
                await asyncio.to_thread(
                    self.checkpoints.open_job,
                    job.job_key,
                    source_path=str(job.path),
                    model=mt_model(job.options.model).name,
                    target=job.target_language.code,
                    units_total=len(job.units),
                )
            await self._translate(job.job_key, job.chunks, job.options, job.source_language, job.target_language, emit)
            translations = self._stored(job.job_key)
            joined = join_parts(job.units, translations, separator=_separator(job.target_language))
            text = job._document.render(joined, bilingual=job.options.bilingual)
            output = output_path_for(job.path, job.target_language.code, job.options.out_dir)
            await asyncio.to_thread(_write_output, output, text)
            if self.checkpoints is not None:
                await asyncio.to_thread(self.checkpoints.finish_job, job.job_key, str(output))
        except InterpreterError as error:
            emit(TextJobFailed(job.job_key, error))
            raise
        usage = self._usage(job.job_key)
        cost = self.cost_of(usage, job.options.model)
        notes = list(job.notes)
        if output.name != f"{job.path.stem}.{job.target_language.code}{job.path.suffix}":
            notes.append(f"{output.name}: an earlier translation kept its name, so this one got a number.")
        emit(TextJobFinished(job.job_key, output, usage, cost, tuple(notes)))
        return TextJobResult(output, usage, cost, tuple(notes))

    async def _translate(
        self,
        job_key: str,
        chunks: Sequence[Chunk],
        options: TextTranslationOptions,
        source: MtLanguage,
        target: MtLanguage,
        emit: Callable[[TextJobEvent], None],
        on_stream: Callable[[Chunk, str], None] | None = None,
        *,
        persist: bool = True,
    ) -> None:
        """Translate the chunks' units not yet stored; ``persist`` False keeps answers in memory only (a pasted
        text or a transcript is not a job that survives a restart)."""
        done = set(self._stored(job_key, persist))
        total = len({unit.key for chunk in chunks for unit in chunk.units})
        pending = [_remaining(chunk, done) for chunk in chunks if not set(chunk.keys) <= done]
        settings = MtSettings(
            model=options.model,
            target_lang=target.code,
            source_lang=source.code,
            domains=options.domains,
            memory=TranslationMemory(options.tm_pairs) if options.tm_pairs else None,
            tm_tokens=options.budget().tm_tokens,
            native=options.native,
        )

        async def answered(answer: ChunkAnswer) -> None:
            await self._checkpoint(job_key, answer, persist)
            done.update(answer.translations)
            usage = self._usage(job_key, persist)
            emit(TextJobProgress(job_key, len(done), total, usage.requests, usage))

        def mismatched(chunk: Chunk, usage: ChatUsage) -> None:
            emit(TextJobSplit(job_key, len(chunk.units)))

        limiter = self.engine.limiter(options.model)
        workers = max(1, limiter.limits.max_concurrency or 1)
        queue: asyncio.Queue[Chunk] = asyncio.Queue()
        for chunk in pending:
            queue.put_nowait(chunk)

        async def worker() -> None:
            while not queue.empty():
                chunk = queue.get_nowait()
                await self.engine.translate_chunk(
                    chunk, settings, on_answer=answered, on_stream=on_stream, on_mismatch=mismatched
                )

        tasks = [asyncio.ensure_future(worker()) for _ in range(min(workers, len(pending)))]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    # -- text pane --------------------------------------------------------------------------------------------

    async def translate_text(
        self,
        text: str,
        options: TextTranslationOptions,
        on_progress: Callable[[str], None] | None = None,
    ) -> TextResult:
        """Translate a pasted or typed text (line structure kept); ``on_progress`` gets the text so far.

        Raises:
            ConfigError: empty text, unsupported languages, a glossary term too long; the errors tree otherwise.
        """
        from interpreter.errors import ConfigError

        if not text.strip():
            raise ConfigError("There is no text to translate; paste or type some first.", field="text")
        source, target = resolve_pair(options.source, options.target, options.model)
        document = parse_plain_text(text.replace("\r\n", "\n"))
        budget = options.budget()
        chunks = plan_chunks(document.units, terms=TermIndex(options.terms, budget), budget=budget)
        job_key = (
            "text:"
            + hashlib.sha256((text + json.dumps(options.fingerprint(), sort_keys=True)).encode("utf-8")).hexdigest()
        )
        self._memory_answers.pop(job_key, None)
        self._memory_usage.pop(job_key, None)
        units = tuple(unit for chunk in chunks for unit in chunk.units)
        separator = _separator(target)
        partial: dict[str, str] = {}

        def streamed(chunk: Chunk, so_far: str) -> None:
            if on_progress is None:
                return
            joined = join_parts(units, {**self._memory_answers.get(job_key, {}), **partial}, separator=separator)
            rendered = document.render(joined)
            live = re.sub(r"^\s*⟦[^⟧]*⟧ ?", "", so_far, flags=re.MULTILINE)
            on_progress(rendered if not live else f"{rendered}\n{live}" if joined else live)

        def progressed(event: TextJobEvent) -> None:
            if on_progress is not None and isinstance(event, TextJobProgress):
                joined = join_parts(units, self._memory_answers.get(job_key, {}), separator=separator)
                on_progress(document.render(joined))

        await self._translate(job_key, chunks, options, source, target, progressed, streamed, persist=False)
        joined = join_parts(units, self._memory_answers.pop(job_key, {}), separator=separator)
        usage = self._memory_usage.pop(job_key, StoredUsage())
        return TextResult(
            document.render(joined, bilingual=options.bilingual), usage, self.cost_of(usage, options.model)
        )

    # -- transcripts ------------------------------------------------------------------------------------------

    async def translate_transcript(
        self,
        rows: Sequence[TranscriptRow] | int,
        options: TextTranslationOptions,
        *,
        journal: Any | None = None,
        srt_path: str | os.PathLike[str] | None = None,
    ) -> TranscriptTranslation:
        """Translate a finished session's transcript (its spoken source text) into ``options.target``.

        Args:
            rows: the transcript rows, or a journal session id (then ``journal``, a ``store.journal.SessionJournal``,
                supplies the rows from its segments).
            srt_path: write the translated captions there as SRT (atomically; an existing file is not overwritten:
                a free ``(n)`` name is used).

        Raises:
            ConfigError: nothing to translate or unsupported languages; StorageError; the errors tree.
        """
        from interpreter.core.timecode import Cue, render_srt
        from interpreter.errors import ConfigError

        if isinstance(rows, int):
            if journal is None:
                raise ValueError("a session id needs the journal to read it from")
            rows = [
                TranscriptRow(segment.start_ms, segment.end_ms, segment.source)
                for segment in journal.segments(rows)
                if not segment.gap
            ]
        rows = tuple(rows)
        if not any(row.text.strip() for row in rows):
            raise ConfigError("This transcript has no spoken text to translate.", field="transcript")
        source, target = resolve_pair(options.source, options.target, options.model)
        units = tuple(TextUnit(index, row.text.strip()) for index, row in enumerate(rows) if row.text.strip())
        budget = options.budget()
        chunks = plan_chunks(units, terms=TermIndex(options.terms, budget), budget=budget)
        job_key = (
            "transcript:"
            + hashlib.sha256(
                json.dumps([[r.start_ms, r.end_ms, r.text] for r in rows] + [options.fingerprint()]).encode("utf-8")
            ).hexdigest()
        )
        await self._translate(job_key, chunks, options, source, target, lambda event: None, persist=False)
        planned = tuple(unit for chunk in chunks for unit in chunk.units)
        joined = join_parts(planned, self._memory_answers.pop(job_key, {}), separator=_separator(target))
        usage = self._memory_usage.pop(job_key, StoredUsage())
        translations = tuple(joined.get(index, "") for index in range(len(rows)))
        written: Path | None = None
        if srt_path is not None:
            cues = [
                Cue(row.start_ms or 0, row.end_ms or row.start_ms or 0, text)
                for row, text in zip(rows, translations, strict=True)
                if text and row.start_ms is not None
            ]
            written = await asyncio.to_thread(_write_transcript, Path(srt_path), target.code, render_srt(cues))
        return TranscriptTranslation(rows, translations, written, usage, self.cost_of(usage, options.model))


def _remaining(chunk: Chunk, done: Iterable[str]) -> Chunk:
    done_set = set(done)
    if not done_set.intersection(chunk.keys):
        return chunk
    units = tuple(unit for unit in chunk.units if unit.key not in done_set)
    text = "\n".join(unit.text for unit in units).casefold()
    return Chunk(units, chunk.context, tuple(t for t in chunk.terms if t.source.casefold() in text), chunk.tm)


def _separator(target: MtLanguage) -> str:
    return "" if target.code in _UNSPACED_TARGETS else " "


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise TextFileError(f"{path} does not exist; check the name and folder.")
    if path.is_dir():
        raise TextFileError(f"{path} is a folder; drop the files inside it instead.")
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_FILE_BYTES:
            raise TextFileError(
                f"{path.name} is {size / 1e6:.0f} MB; text files up to {MAX_TEXT_FILE_BYTES // 1_000_000} MB "
                "can be translated — split it first."
            )
        return path.read_bytes()
    except OSError as exc:
        raise TextFileError(f"{path.name} cannot be read; check its permissions.", detail=str(exc)) from exc


def _write_transcript(wanted: Path, target_code: str, text: str) -> Path:
    """Write ``text`` to ``wanted``, or to a free ``(n)`` variant when that name is taken; returns the path."""
    path = wanted if not wanted.exists() else output_path_for(wanted, target_code, wanted.parent)
    _write_output(path, text)
    return path


def _write_output(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise StorageError(
            f"The translation could not be written to {path}; check free space and permissions.", detail=str(exc)
        ) from exc
