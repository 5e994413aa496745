"""The files a file-translation job leaves next to its input: names, subtitle/text rendering, all-or-nothing writing.

Naming: ``<stem>.<target>.<ext>`` in the output folder (the input's folder unless another is chosen), e.g.
``talk.mp4`` translated to English gives ``talk.en.srt``, ``talk.en.vtt``, ``talk.en.txt``, ``talk.en.wav`` and
``talk.en.mp4``. An existing file is never overwritten: when ANY of the job's names is taken, the whole set moves to
``<stem>.<target> (2).<ext>``, then ``(3)``... so the outputs of one run always share one name (a user never pairs
``talk.en.srt`` from yesterday with ``talk.en (2).wav`` from today).

Writing: each file goes through :mod:`interpreter.store.atomic` (temp file, fsync, rename), so no reader ever sees a
half-written file under its final name. :class:`OutputSet` remembers what it wrote and :meth:`OutputSet.discard`
removes those files, so a job that fails or is cancelled while writing leaves none of this run's outputs behind
(files that existed before are never touched: the naming rule above guarantees they are not ours).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pysubs2

from interpreter.core.jobs import OutputFormat
from interpreter.errors import StorageError
from interpreter.store.atomic import atomic_write_text

#: Highest "(n)" tried before giving up: a folder with 1 000 earlier runs of the same file is not a naming problem.
MAX_NAME_VARIANTS = 1000

#: Order in which outputs are written: the small text files first, so a disk that fills up fails on the big ones
#: and the user learns about it before the long MP4 mux; the MP4 last because it needs the WAV.
WRITE_ORDER = (OutputFormat.SRT, OutputFormat.VTT, OutputFormat.TXT, OutputFormat.WAV, OutputFormat.MP4)


def output_folder(input_path: Path, out_dir: str | os.PathLike[str] | None) -> Path:
    """The folder a job writes into: ``out_dir`` when given, else the input's own folder."""
    return Path(out_dir).expanduser() if out_dir else input_path.parent


def output_paths(
    input_path: Path,
    target: str,
    formats: Iterable[OutputFormat],
    out_dir: str | os.PathLike[str] | None = None,
) -> dict[OutputFormat, Path]:
    """Free output names for one job (see the module docstring for the rule).

    Raises:
        StorageError: no free name among :data:`MAX_NAME_VARIANTS` variants.
    """
    folder = output_folder(input_path, out_dir)
    wanted = [f for f in WRITE_ORDER if f in set(formats)]
    for n in range(1, MAX_NAME_VARIANTS + 1):
        base = f"{input_path.stem}.{target}" if n == 1 else f"{input_path.stem}.{target} ({n})"
        paths = {f: folder / f"{base}.{f.value}" for f in wanted}
        if not any(p.exists() for p in paths.values()):
            return paths
    raise StorageError(f"Cannot find a free name for the translation of {input_path.name} in {folder}.")


def check_writable(folder: Path) -> None:
    """Raise :class:`StorageError` (one sentence) unless files can be created in ``folder`` (created if missing).

    Tested by creating and deleting a temporary file: permission bits alone do not tell (ACLs, read-only mounts).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".live-interpreter-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StorageError(
            f"Cannot write to the output folder {folder}; choose another folder or check its permissions.",
            detail=str(exc),
        ) from exc


class CueLike(Protocol):
    """A timed subtitle (``core.subtitle_cues.Cue`` and ``core.timecode.Cue`` both fit)."""

    @property
    def start_ms(self) -> int: ...
    @property
    def end_ms(self) -> int: ...
    @property
    def text(self) -> str: ...


def _event_text(text: str) -> str:
    # pysubs2 uses the ASS line break "\N" internally and writes it as a real line break in SRT/VTT.
    return "\\N".join(line.strip() for line in text.strip().splitlines() if line.strip())


def render_subtitles(cues: Iterable[CueLike], fmt: OutputFormat) -> str:
    """An SRT or WebVTT document of ``cues`` (empty cues skipped), rendered by pysubs2.

    Raises:
        ValueError: ``fmt`` is not a subtitle format.
    """
    if fmt not in (OutputFormat.SRT, OutputFormat.VTT):
        raise ValueError(f"{fmt} is not a subtitle format")
    subs = pysubs2.SSAFile()
    for cue in cues:
        text = _event_text(cue.text)
        if text:
            subs.events.append(pysubs2.SSAEvent(start=cue.start_ms, end=max(cue.end_ms, cue.start_ms), text=text))
    return subs.to_string(fmt.value)


def render_text(paragraphs: Iterable[str]) -> str:
    """Plain text: one paragraph per segment, blank line between, newline at the end (empty ones skipped)."""
    kept = [p.strip() for p in paragraphs if p.strip()]
    return "\n\n".join(kept) + ("\n" if kept else "")


@dataclass
class OutputSet:
    """The outputs of one job run; remembers what it wrote so a failed or cancelled run can take it back.

    Attributes:
        paths: the planned name for each format (see :func:`output_paths`).
        written: files completed so far, in write order.
    """

    paths: Mapping[OutputFormat, Path]
    written: list[Path] = field(default_factory=list)

    def write_text(self, fmt: OutputFormat, text: str) -> Path:
        """Write a text output atomically and remember it.

        Raises:
            StorageError: the folder is not writable or the disk is full (nothing is left under the final name).
        """
        path = self.paths[fmt]
        atomic_write_text(path, text)
        self.written.append(path)
        return path

    def adopt(self, fmt: OutputFormat) -> Path:
        """Remember a file some other writer created atomically at ``paths[fmt]`` (WAV, MP4)."""
        path = self.paths[fmt]
        self.written.append(path)
        return path

    def discard(self) -> None:
        """Delete every file this run wrote (a failed or cancelled job leaves none of them)."""
        for path in self.written:
            with contextlib.suppress(OSError):
                path.unlink()
        self.written.clear()

    def as_strings(self) -> Sequence[str]:
        return [str(p) for p in self.written]
