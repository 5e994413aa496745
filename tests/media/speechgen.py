"""Real speech fixtures made by espeak-ng at test time, with exact sentence times (from sample counts)."""

from __future__ import annotations

import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: espeak's own leading/trailing near-silence is trimmed at this amplitude (-46 dBFS, like make_fixtures.sh) so the
#: recorded sentence times are where audible speech begins and ends.
_TRIM_LEVEL = int(32768 * 0.005)

SENTENCES = (
    "Good morning everyone and welcome to the quarterly meeting.",
    "Today we will talk about live translation for events.",
    "The first topic is how we cut long recordings into pieces.",
    "Every piece has to end in a pause between two sentences.",
    "Otherwise the translation would lose the end of a word.",
    "The second topic is the dubbed soundtrack for videos.",
    "Translated speech starts where the original speech started.",
    "When it runs too long it is played a little faster.",
    "Please ask your questions at the end of the talk.",
    "Thank you all for coming and enjoy the rest of the day.",
)


@dataclass(frozen=True)
class SpeechFixture:
    """A WAV of sentences separated by known pauses."""

    path: Path
    rate: int
    sentences_ms: list[tuple[int, int]]
    duration_ms: int


def require_espeak() -> str:
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise RuntimeError("espeak-ng is not installed (tools/system-packages.txt lists it): apt-get install espeak-ng")
    return exe


def _speak(text: str, workdir: Path, index: int) -> tuple[np.ndarray, int]:
    raw = workdir / f"sentence{index}.wav"
    subprocess.run([require_espeak(), "-v", "en-us", "-s", "170", "-w", str(raw), text], check=True, timeout=60)
    with wave.open(str(raw), "rb") as w:
        rate = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > _TRIM_LEVEL)
    return pcm[loud[0] : loud[-1] + 1], rate


def speak_paragraph(path: Path, text: str) -> Path:
    """Let espeak-ng read ``text`` in one go (its own, natural pauses between sentences) into a WAV."""
    subprocess.run([require_espeak(), "-v", "en-us", "-s", "170", "-w", str(path), text], check=True, timeout=60)
    return path


def make_speech(
    path: Path, pauses_ms: list[int], *, lead_ms: int = 500, tail_ms: int = 500, sentences: tuple[str, ...] = SENTENCES
) -> SpeechFixture:
    """Write ``len(pauses_ms) + 1`` sentences separated by the given pauses of digital silence into a WAV."""
    count = len(pauses_ms) + 1
    texts = [sentences[i % len(sentences)] for i in range(count)]
    workdir = path.parent
    pieces: list[np.ndarray] = []
    times: list[tuple[int, int]] = []
    rate = 0
    pos = 0
    for i, text in enumerate(texts):
        pcm, rate = _speak(text, workdir, i)
        gap = lead_ms if i == 0 else pauses_ms[i - 1]
        silence = np.zeros(gap * rate // 1000, dtype=np.int16)
        pieces += [silence, pcm]
        pos += silence.size
        times.append((pos * 1000 // rate, (pos + pcm.size) * 1000 // rate))
        pos += pcm.size
    pieces.append(np.zeros(tail_ms * rate // 1000, dtype=np.int16))
    pcm_all = np.concatenate(pieces)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm_all.astype("<i2").tobytes())
    return SpeechFixture(path, rate, times, pcm_all.size * 1000 // rate)
