"""Session summary (conversation analysis): a transcript → summary, key points and action items in two languages.

    transcript.jsonl ──load_transcript──> Transcript ──build_request──> chat completions (tongyi-xiaomi-analysis-*)
        ──parse_summary──> SessionSummary ──to_markdown()──> Markdown (exported atomically by export_markdown)

The model is asked (system message) for ONE JSON object::

    {"source": {"language": "en", "summary": "...", "key_points": ["..."], "action_items": ["..."]},
     "target": {"language": "zh", "summary": "...", "key_points": [...], "action_items": [...]}}

and the transcript goes as a JSON user message (languages + timed segments), so nothing in the spoken text can be
mistaken for an instruction. Answers wrapped in a Markdown code fence are accepted. The cost is estimated before
anything is sent (:func:`estimate_cost`): input tokens from the request's characters, output tokens bounded by
``max_tokens``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from interpreter.core.catalog import load_catalog
from interpreter.core.cost import Estimate, Pricing, TokenCounts, load_pricing
from interpreter.core.messages import ItemList
from interpreter.errors import ConfigError, MediaFileError, ProtocolError
from interpreter.protocol.chat_stream import ChatResult
from interpreter.protocol.session_events import Segment
from interpreter.services import texts
from interpreter.store.atomic import atomic_write_text

SUMMARY_MODELS = ("tongyi-xiaomi-analysis-flash", "tongyi-xiaomi-analysis-pro")
DEFAULT_SUMMARY_MODEL = SUMMARY_MODELS[0]
DEFAULT_TARGET_LANGUAGE = "en"

MAX_OUTPUT_TOKENS = 2048
"""Cap on the answer: a summary, a handful of points and actions in two languages fit in well under 2 000 tokens;
the cap also bounds the cost estimate."""

CHARS_PER_TOKEN_ESTIMATE = 2.0
"""Characters per token for the estimate: ~4 for English, ~1.5 for Chinese; 2 errs on the expensive side for mixed
bilingual transcripts (an estimate should not surprise upwards)."""

SYSTEM_PROMPT = (
    "You analyse the transcript of an interpreted conversation. The user message is a JSON object with "
    "source_language, target_language and segments (start, source, translation). Reply with ONE JSON object and "
    'nothing else: {"source": {"language": <source_language>, "summary": <a few sentences>, '
    '"key_points": [<short strings>], "action_items": [<tasks someone agreed to do, may be empty>]}, '
    '"target": {the same in target_language}}. Write each part in its language.'
)


# ---- the transcript -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranscriptLine:
    start_ms: int | None
    source: str
    translation: str


@dataclass(frozen=True)
class Transcript:
    """The segments of one session (gap markers skipped) and the language spoken ("" when unknown)."""

    lines: tuple[TranscriptLine, ...]
    source_language: str = ""

    @classmethod
    def from_segments(cls, segments: Sequence[Segment], source_language: str = "") -> Transcript:
        """The transcript of a session that just ended (``LiveSummary.segments``), without reading the file."""
        lines = tuple(
            TranscriptLine(s.start_ms, s.source_text.strip(), s.translation_text.strip())
            for s in segments
            if s.source_text.strip() or s.translation_text.strip()
        )
        spoken = source_language or next((s.source_language for s in segments if s.source_language), "")
        return cls(lines, spoken)


def load_transcript(path: str | Path) -> Transcript:
    """Read a ``transcript.jsonl`` (``services.outputs.TranscriptJsonlWriter``'s format).

    Raises:
        MediaFileError: unreadable file, a line that is not a transcript line, or no spoken segment.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        unreadable = (
            texts.TRANSCRIPT_UNREADABLE(path=str(path), reason=exc.strerror)
            if isinstance(exc, OSError) and exc.strerror
            else texts.TRANSCRIPT_NOT_UTF8(path=str(path))
        )
        raise MediaFileError(unreadable, detail=str(exc)) from exc
    lines: list[TranscriptLine] = []
    languages: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            record = None
        if not isinstance(record, dict):
            raise MediaFileError(texts.TRANSCRIPT_BAD_LINE(line=number, path=str(path)))
        if record.get("gap"):
            continue
        source, translation = record.get("source"), record.get("translation")
        if not isinstance(source, str) or not isinstance(translation, str):
            raise MediaFileError(texts.TRANSCRIPT_BAD_LINE(line=number, path=str(path)))
        start = record.get("start_ms")
        if source.strip() or translation.strip():
            lines.append(TranscriptLine(start if isinstance(start, int) else None, source.strip(), translation.strip()))
        if isinstance(record.get("language"), str) and record["language"]:
            languages.append(record["language"])
    if not lines:
        raise MediaFileError(texts.TRANSCRIPT_EMPTY(path=str(path)))
    spoken = max(set(languages), key=languages.count) if languages else ""
    return Transcript(tuple(lines), spoken)


# ---- request and cost ------------------------------------------------------------------------------------------


def _clock(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def check_model(model: str) -> str:
    """``model`` when it is a summary model, else ConfigError naming the choices."""
    if model not in SUMMARY_MODELS:
        raise ConfigError(texts.SUMMARY_UNKNOWN_MODEL(model=model, choices=ItemList(SUMMARY_MODELS)), field="model")
    return model


def build_request(transcript: Transcript, *, model: str, target_language: str) -> dict[str, Any]:
    """The chat-completions body (streamed, with usage) for summarising ``transcript``.

    Raises:
        ConfigError: an unknown model or target language.
    """
    check_model(model)
    if target_language not in load_catalog().languages:
        raise ConfigError(texts.SUMMARY_UNKNOWN_LANGUAGE(language=target_language), field="target_language")
    content = {
        "source_language": transcript.source_language or "auto",
        "target_language": target_language,
        "segments": [
            {"start": _clock(line.start_ms), "source": line.source, "translation": line.translation}
            for line in transcript.lines
        ],
    }
    return {
        "model": model,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": json.dumps(content, ensure_ascii=False)},
        ],
        "stream": True,
        "stream_options": {"include_usage": True},
        "max_tokens": MAX_OUTPUT_TOKENS,
    }


def estimate_tokens(request: Mapping[str, Any]) -> TokenCounts:
    """Input tokens from the request's message characters; output tokens at most ``MAX_OUTPUT_TOKENS``."""
    chars = sum(len(str(message.get("content") or "")) for message in request.get("messages", []))
    input_tokens = math.ceil(chars / CHARS_PER_TOKEN_ESTIMATE)
    # A summary is shorter than what it summarises: half the input, at least a few hundred tokens, at most the cap.
    output_tokens = min(MAX_OUTPUT_TOKENS, max(300, input_tokens // 2))
    return TokenCounts(input_text=input_tokens, output_text=output_tokens)


def estimate_cost(request: Mapping[str, Any], region: str, pricing: Pricing | None = None) -> Estimate:
    """What the request will cost at most about (``priced`` False when the model has no price in ``region``)."""
    return (pricing or load_pricing()).estimate(estimate_tokens(request), str(request["model"]), region)


# ---- the answer ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummarySection:
    """The analysis in one language."""

    language: str
    summary: str
    key_points: tuple[str, ...] = ()
    action_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionSummary:
    """Summary, key points and action items in the source and the target language.

    Attributes:
        model: the model that wrote it.
        source / target: the two sections.
        tokens: tokens the service reported (zero when it reported none).
    """

    model: str
    source: SummarySection
    target: SummarySection
    tokens: TokenCounts = field(default_factory=TokenCounts)

    def to_markdown(self, title: str = "Session summary") -> str:
        """The summary as Markdown: one section per language (source, then target when it differs) with summary, key
        points and action items."""
        parts = [f"# {title}", "", f"_Model: {self.model}_", ""]
        # A session summarised into its own language has one section, not the same one twice.
        same_language = self.target.language == self.source.language
        for section in (self.source,) if same_language else (self.source, self.target):
            parts += [f"## {section.language or 'Source'}", "", section.summary.strip(), ""]
            points = [f"- {point}" for point in section.key_points] or ["- (none)"]
            actions = [f"- [ ] {item}" for item in section.action_items] or ["- (none)"]
            parts += ["### Key points", "", *points, "", "### Action items", "", *actions, ""]
        return "\n".join(parts).rstrip() + "\n"


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(item).strip() for item in value if isinstance(item, str | int | float) and str(item).strip())


def _section(value: Any, fallback_language: str) -> SummarySection:
    if not isinstance(value, Mapping) or not isinstance(value.get("summary"), str):
        raise ProtocolError(texts.SUMMARY_BAD_ANSWER(), detail=f"section: {str(value)[:200]}")
    language = value.get("language")
    return SummarySection(
        language=language if isinstance(language, str) and language else fallback_language,
        summary=value["summary"].strip(),
        key_points=_strings(value.get("key_points")),
        action_items=_strings(value.get("action_items")),
    )


def parse_summary(
    text: str, *, model: str, source_language: str, target_language: str, tokens: TokenCounts | None = None
) -> SessionSummary:
    """The model's answer as a :class:`SessionSummary`.

    Raises:
        ProtocolError: the answer holds no JSON object with a ``source`` and a ``target`` section.
    """
    fenced = _FENCE.search(text)
    candidate = fenced.group(1) if fenced else text
    start, end = candidate.find("{"), candidate.rfind("}")
    try:
        data = json.loads(candidate[start : end + 1]) if start >= 0 < end else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        raise ProtocolError(texts.SUMMARY_BAD_ANSWER(), detail=text[:200])
    return SessionSummary(
        model=model,
        source=_section(data.get("source"), source_language),
        target=_section(data.get("target"), target_language),
        tokens=tokens or TokenCounts(),
    )


# ---- the flow ----------------------------------------------------------------------------------------------------


class ChatClient(Protocol):
    """What the summary needs of ``transport.http.HttpClient``."""

    async def chat_completion(
        self, payload: Mapping[str, Any], *, extra_headers: Mapping[str, str] | None = None
    ) -> ChatResult: ...


async def summarize(
    client: ChatClient,
    transcript: Transcript,
    *,
    model: str = DEFAULT_SUMMARY_MODEL,
    target_language: str = DEFAULT_TARGET_LANGUAGE,
) -> SessionSummary:
    """Send ``transcript`` to the analysis model and parse its answer (estimate the cost first: see
    :func:`estimate_cost` of :func:`build_request`).

    Raises:
        ConfigError (unknown model), the ServiceError/NetworkError family of the client, ProtocolError (an answer
        that is not a summary).
    """
    request = build_request(transcript, model=model, target_language=target_language)
    result = await client.chat_completion(request)
    usage = result.usage
    tokens = (
        TokenCounts(input_text=usage.prompt_tokens, output_text=usage.completion_tokens)
        if usage is not None
        else TokenCounts()
    )
    return parse_summary(
        result.text,
        model=model,
        source_language=transcript.source_language,
        target_language=target_language,
        tokens=tokens,
    )


def export_markdown(summary: SessionSummary, path: str | Path, title: str = "Session summary") -> Path:
    """Write the Markdown atomically (never a half-written file).

    Raises:
        StorageError: the folder is not writable or the disk is full.
    """
    path = Path(path)
    atomic_write_text(path, summary.to_markdown(title))
    return path
