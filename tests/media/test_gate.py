"""FrameGate: rate cap, change detection, keep-alive, size cap, token counting — pure, on synthetic frames."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from interpreter.core.catalog import load_catalog
from interpreter.media.gate import FrameGate, GateConfig


def _slide(seed: int, h: int = 720, w: int = 1280) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 240, np.uint8)
    for _ in range(12):  # text-like dark boxes
        y, x = rng.integers(0, h - 40), rng.integers(0, w - 300)
        img[y : y + 30, x : x + int(rng.integers(50, 300))] = 30
    return img


def _noisy(img: np.ndarray, seed: int) -> np.ndarray:
    noise = np.random.default_rng(seed).integers(-3, 4, img.shape)
    return np.clip(img.astype(np.int16) + noise, 0, 255).astype(np.uint8)


def test_static_scene_sends_first_and_keepalives_only() -> None:
    gate = FrameGate(GateConfig(keepalive_s=10))
    slide = _slide(1)
    sent = [t for t in np.arange(0, 30, 0.2) if gate.offer(_noisy(slide, int(t * 10)), float(t)).send]
    assert sent == pytest.approx([0, 10, 20])


def test_scene_change_is_sent_within_half_a_second_and_rate_is_capped() -> None:
    gate = FrameGate()
    times = np.arange(0, 10, 0.2)
    sent = []
    for t in times:
        img = _slide(1) if t < 3 else _slide(2)
        if gate.offer(img, float(t)).send:
            sent.append(float(t))
    assert sent[0] == 0 and any(3 <= s <= 3.5 for s in sent)
    assert all(b - a >= 0.5 - 1e-9 for a, b in itertools.pairwise(sent))


def test_every_frame_changing_is_capped_at_two_per_second() -> None:
    gate = FrameGate()
    sent = sum(gate.offer(_slide(i), i * 0.1).send for i in range(100))  # 10 s at 10 fps, all different
    assert sent == 20


def test_encode_scales_to_720p_and_counts_tokens() -> None:
    model = load_catalog().model("qwen3-livetranslate-flash-realtime")
    assert model is not None
    gate = FrameGate(model=model)
    frame = gate.process(_slide(3, 1080, 1920), 0.0)
    assert frame is not None and (frame.width, frame.height) == (1280, 720)
    assert frame.jpeg[:2] == b"\xff\xd8"
    assert frame.tokens == model.image_tokens(1280, 720) > 0
    assert gate.stats.sent == 1 and gate.stats.tokens == frame.tokens


def test_noise_heavy_frame_is_forced_under_the_byte_cap() -> None:
    noise = np.random.default_rng(0).integers(0, 256, (1080, 1920, 3), dtype=np.uint8)
    gate = FrameGate(GateConfig(max_height=1080, max_bytes=200_000))
    frame = gate.encode(noise)
    assert len(frame.jpeg) <= 200_000
    assert frame.quality >= 1


def test_config_enforces_service_limits() -> None:
    with pytest.raises(ValueError):
        GateConfig(max_fps=5)
    with pytest.raises(ValueError):
        GateConfig(max_height=2160)
    with pytest.raises(ValueError):
        GateConfig(max_bytes=600_000)
