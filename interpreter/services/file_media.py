"""The media work of file translation, behind one small interface so the job queue does not care how it is done.

:class:`FileMedia` is the real thing (PyAV through ``interpreter.media``); :class:`MediaPipeline` is what the service
needs. Every method is blocking: the service calls them in worker threads.

Outputs (:meth:`FileMedia.write_outputs`) read the stored PCM back one segment at a time, so writing the dubbed track
of an hour of video never holds more than one segment's speech in memory.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from interpreter.core.jobs import Job, JobKind, JobSegment, OutputFormat
from interpreter.core.pcm import SAMPLE_WIDTH
from interpreter.core.segment_plan import SegmentSpan
from interpreter.core.subtitle_cues import Cue, CueSegment, make_cues
from interpreter.media.clips import DEFAULT_MAX_HEIGHT, EncodedClip, encode_audio_segment, encode_video_clip
from interpreter.media.files import MediaInfo
from interpreter.media.mux import mux_dubbed_video
from interpreter.media.probe import probe_media
from interpreter.media.segmenter import plan_segments
from interpreter.media.timeline import PlacedSpeech, place_on_timeline
from interpreter.services.file_outputs import OutputSet, render_subtitles, render_text
from interpreter.store.jobs import JobStore

#: Extensions picked up when a folder is added (spec §3 input formats plus the common video containers). A file
#: given by name is always tried, whatever its extension: probing decides, with one sentence if it is not media.
MEDIA_EXTENSIONS = frozenset(
    {".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".oga", ".opus", ".wma", ".amr"}
    | {".mp4", ".m4v", ".mkv", ".mov", ".webm", ".avi"}
)


class MediaPipeline(Protocol):
    """What :class:`~interpreter.services.file_translation.FileTranslationService` needs from media code."""

    def expand_inputs(self, paths: Sequence[Path]) -> list[Path]: ...
    def probe(self, path: Path) -> MediaInfo: ...
    def plan(self, path: Path, info: MediaInfo) -> list[SegmentSpan]: ...
    def clip_size(self, info: MediaInfo) -> tuple[int, int] | None: ...
    def encode(self, path: Path, kind: JobKind, segment: JobSegment) -> EncodedClip: ...
    def write_outputs(self, job: Job, outputs: OutputSet, store: JobStore) -> None: ...


def _span(segment: JobSegment) -> SegmentSpan:
    return SegmentSpan(segment.index, segment.start_ms, segment.end_ms, segment.speech)


class FileMedia:
    """The PyAV-backed :class:`MediaPipeline`.

    Args:
        target_s / max_s / min_s: segment lengths for the planner (``media.segmenter.plan_segments``); None keeps its
            defaults (about 30 s, at most 60 s, at least 4 s). Tests and benchmarks use short segments.
    """

    def __init__(
        self, *, target_s: float | None = None, max_s: float | None = None, min_s: float | None = None
    ) -> None:
        self._plan_options = {
            name: value
            for name, value in (("target_s", target_s), ("max_s", max_s), ("min_s", min_s))
            if value is not None
        }

    def expand_inputs(self, paths: Sequence[Path]) -> list[Path]:
        """Files as given; folders replaced by the media files inside them (recursively, sorted, hidden skipped).

        Paths come back absolute (``~`` expanded), so a job names its file the same way wherever the app runs from.
        """
        expanded: list[Path] = []
        for path in (p.expanduser().absolute() for p in paths):
            if path.is_dir():
                expanded.extend(
                    sorted(
                        p
                        for p in path.rglob("*")
                        if p.is_file()
                        and p.suffix.lower() in MEDIA_EXTENSIONS
                        and not any(part.startswith(".") for part in p.relative_to(path).parts)
                    )
                )
            else:
                expanded.append(path)
        return expanded

    def probe(self, path: Path) -> MediaInfo:
        """``media.probe.probe_media``: one sentence (MediaFileError) for a file that cannot be translated."""
        return probe_media(path)

    def plan(self, path: Path, info: MediaInfo) -> list[SegmentSpan]:
        """Segments cut at pauses (``media.segmenter.plan_segments``)."""
        del info  # the planner decodes the audio itself
        return plan_segments(path, **self._plan_options)

    def clip_size(self, info: MediaInfo) -> tuple[int, int] | None:
        """``(width, height)`` of the video clips sent for this file (for the token estimate), None for audio."""
        if not info.has_video or not info.width or not info.height:
            return None
        scale = min(1.0, DEFAULT_MAX_HEIGHT / info.height)
        return max(2, round(info.width * scale / 2) * 2), max(2, round(info.height * scale / 2) * 2)

    def encode(self, path: Path, kind: JobKind, segment: JobSegment) -> EncodedClip:
        """The request payload of one segment: WAV audio, or a small MP4 clip for video inputs."""
        if kind == JobKind.VIDEO:
            return encode_video_clip(path, _span(segment))
        return encode_audio_segment(path, _span(segment))

    def write_outputs(self, job: Job, outputs: OutputSet, store: JobStore) -> None:
        """Write every planned output of a finished job (see :class:`OutputSet` for atomicity and clean-up).

        Raises:
            StorageError: a file could not be written (folder not writable, disk full).
            MediaError: muxing the video failed.
        """
        segments = [s for s in job.segments if s.text or s.audio_bytes]
        wants = set(outputs.paths)
        if wants & {OutputFormat.SRT, OutputFormat.VTT}:
            cues = _cues(segments)
            for fmt in (OutputFormat.SRT, OutputFormat.VTT):
                if fmt in wants:
                    outputs.write_text(fmt, render_subtitles(cues, fmt))
        if OutputFormat.TXT in wants:
            outputs.write_text(OutputFormat.TXT, render_text(s.text for s in segments))
        dub_video = OutputFormat.MP4 in wants and job.kind == JobKind.VIDEO
        if OutputFormat.WAV in wants or dub_video:
            # The MP4 needs the dubbed track as a file; when the user did not ask for the WAV it is a hidden
            # temporary next to the outputs (same disk, so a full disk shows up here too) and removed after muxing.
            mp4 = outputs.paths.get(OutputFormat.MP4)
            wav = outputs.paths.get(OutputFormat.WAV) or (mp4 or Path()).with_name(
                f".{(mp4 or Path('x')).stem}.wav.tmp"
            )
            try:
                place_on_timeline(_timeline(job, store), job.duration_ms, wav)
                if OutputFormat.WAV in wants:
                    outputs.adopt(OutputFormat.WAV)
                if dub_video:
                    assert mp4 is not None
                    mux_dubbed_video(Path(job.input_path), wav, mp4, target_lang=job.target, source_lang=job.source)
                    outputs.adopt(OutputFormat.MP4)
            finally:
                if OutputFormat.WAV not in wants:
                    with contextlib.suppress(OSError):
                        wav.unlink()


def _cues(segments: Sequence[JobSegment]) -> list[Cue]:
    """Subtitle cues of the translation (``core.subtitle_cues``: <= 2 lines of <= 42 columns, <= 7 s each, long
    translations split across cues in proportion, timed on the segment's voiced stretches)."""
    return make_cues(
        [CueSegment(s.start_ms, s.end_ms, s.transcript, s.text, s.speech) for s in segments], text="translated"
    )


def _timeline(job: Job, store: JobStore) -> list[PlacedSpeech]:
    """The job's translated speech as timeline pieces whose PCM is loaded from the store one at a time, when the
    writer reaches it (an hour of dubbed speech never sits in memory)."""
    return [
        PlacedSpeech(
            start_ms=segment.start_ms,
            slot_end_ms=segment.end_ms,
            pcm24k=functools.partial(store.segment_audio, job.id, segment.index),
            samples=segment.audio_bytes // SAMPLE_WIDTH,
        )
        for segment in job.segments
        if segment.audio_bytes
    ]
