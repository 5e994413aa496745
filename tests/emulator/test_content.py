"""Demo texts, hotwords, script files, the synthetic voice and the usage arithmetic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interpreter.core.catalog import load_catalog
from interpreter.core.pcm import VOICE_RATE
from interpreter.emulator.content import (
    apply_hotwords,
    confirmed_and_stash,
    default_translation,
    split_pieces,
)
from interpreter.emulator.exceptions import ScriptFileError
from interpreter.emulator.script import load_script
from interpreter.emulator.synth import MS_PER_CHAR, synthesize
from interpreter.emulator.usage import response_usage


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("en", "[EN demo] Segment 3, 2.4 seconds"),
        ("zh", "[ZH 演示] 第3段，2.4秒"),
        ("es", "[ES demo] Segmento 3, 2,4 segundos"),
        ("fr", "[FR démo] Segment 3, 2,4 secondes"),
        ("de", "[DE Demo] Abschnitt 3, 2,4 Sekunden"),
        ("ja", "[JA デモ] セグメント3、2.4秒"),
        ("vi", "[VI demo] Segment 3, 2.4 s"),
    ],
)
def test_default_translation_phrase_table(target: str, expected: str) -> None:
    assert default_translation(3, 2440, target) == expected


def test_pieces_rebuild_the_text_and_split_cjk() -> None:
    for text in ("[EN demo] Segment 3, 2.4 seconds", "我们讨论人工智能", "[ZH 演示] 第3段，2.4秒"):
        assert "".join(split_pieces(text)) == text
    assert split_pieces("我们讨论人工智能") == ["我们", "讨论", "人工", "智能"]
    assert confirmed_and_stash("one two three four") == ("one two", " three four")


def test_hotwords_replace_or_append() -> None:
    phrases = {"AI": "KI", "GPU": "Grafikprozessor"}
    assert apply_hotwords("AI on a GPU", "AI auf einer GPU", phrases) == "KI auf einer Grafikprozessor"
    assert apply_hotwords("we use AI", "wir nutzen es", phrases) == "wir nutzen es (KI)"
    assert apply_hotwords("nothing here", "nichts", phrases) == "nichts"


def test_text_script(tmp_path: Path) -> None:
    script = tmp_path / "talk.txt"
    script.write_text("# a talk\nHello everyone => Hallo zusammen\n\nJust source\n", encoding="utf-8")
    first, second = load_script(script)
    assert (first.source, first.translation_for("de")) == ("Hello everyone", "Hallo zusammen")
    assert (second.source, second.translation_for("de")) == ("Just source", None)


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("a.jsonl", '{"source": 1}\n', "Line 1"),
        ("b.jsonl", "{not json\n", "not JSON"),
        ("c.txt", "source => \n", "empty"),
        ("d.txt", "# only a comment\n", "no utterances"),
    ],
)
def test_bad_scripts(tmp_path: Path, name: str, text: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScriptFileError) as info:
        load_script(path)
    assert fragment in info.value.user_message
    with pytest.raises(ScriptFileError):
        load_script(tmp_path / "missing.txt")


def test_synthetic_voice_is_deterministic_voice_like_and_sized_by_text() -> None:
    text = "Hello, world"
    pcm = synthesize(text)
    assert pcm == synthesize(text)
    assert len(pcm) == 2 * VOICE_RATE * MS_PER_CHAR * len(text) // 1000
    samples = np.frombuffer(pcm, dtype="<i2").astype(float)
    assert np.max(np.abs(samples)) <= 0.31 * 32767
    # Energy mostly in the voice band (100 Hz - 4 kHz), and the level varies (syllables and pauses).
    spectrum = np.abs(np.fft.rfft(samples)) ** 2
    freqs = np.fft.rfftfreq(samples.size, 1 / VOICE_RATE)
    assert spectrum[(freqs > 100) & (freqs < 4000)].sum() / spectrum.sum() > 0.95
    frames = samples[: samples.size // 480 * 480].reshape(-1, 480)
    levels = np.sqrt((frames**2).mean(axis=1))
    assert (levels < 1).any() and (levels > 1000).any()
    assert synthesize("") == b""


def test_usage_arithmetic() -> None:
    model = load_catalog().model("qwen3.5-livetranslate-flash-realtime")
    assert model is not None
    usage = response_usage(
        model, input_audio_ms=2000, output_audio_ms=1000, translation="abcdefghi", phrases={}, image_tokens=0
    )
    assert usage == {
        "total_tokens": 14 + 3 + 13,
        "input_tokens": 14,
        "output_tokens": 16,
        "input_tokens_details": {"text_tokens": 0, "audio_tokens": 14},
        "output_tokens_details": {"text_tokens": 3, "audio_tokens": 13},
    }
