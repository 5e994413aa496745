"""Per-segment event sequence (spec §1.7), audio, text-only, text forms, Manual mode, finish flush, usage."""

from __future__ import annotations

import base64
import itertools
import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from interpreter.core.pcm import VOICE_RATE
from interpreter.emulator.synth import MS_PER_CHAR
from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.wsclient import QWEN3, QWEN35, RawClient, configure, connect, silence, tone

# Fast emulated time keeps every test short; ordering does not depend on speed.
SPEED = 50.0
# VAD: speech 300..2300 ms; with the default 300 ms prefix padding the segment is 0..2300 ms, i.e. 2.3 s.
ONE_SEGMENT = silence(300) + tone(2000) + silence(1200)

RESPONSE_ORDER_AUDIO = [
    "response.created",
    "response.output_item.added",
    "conversation.item.created",
    "response.content_part.added",
    "response.audio_transcript.text",
    "conversation.item.input_audio_transcription.text",
    "conversation.item.input_audio_transcription.completed",
]
RESPONSE_TAIL_AUDIO = [
    "response.audio_transcript.done",
    "response.audio.done",
    "response.content_part.done",
    "response.output_item.done",
    "response.done",
]


def _dedupe(types: list[str]) -> list[str]:
    """Collapse runs of the same type and drop the repeated text/delta events interleaved in the middle."""
    out: list[str] = []
    for t in types:
        if out and out[-1] == t:
            continue
        if t in ("response.audio.delta", "response.audio_transcript.text") and t in out:
            continue
        out.append(t)
    return out


async def _one_segment(emu: EmulatorHandle, model: str = QWEN35, **session: Any) -> RawClient:
    async with connect(emu, model) as client:
        if session:
            await configure(client, **session)
        await client.send_audio(ONE_SEGMENT)
        await client.until("response.done")
        await client.send("session.finish")
        await client.until("session.finished")
    return client


async def test_full_event_sequence_and_id_pairing(make_emulator) -> None:  # type: ignore[no-untyped-def]
    client = await _one_segment(make_emulator(speed=SPEED), QWEN35)
    types = [e["type"] for e in client.events]
    speech = types[types.index("input_audio_buffer.speech_started") : types.index("response.created")]
    assert speech[0] == "input_audio_buffer.speech_started"
    assert "conversation.item.input_audio_transcription.text" in speech  # partials while speaking
    assert speech[-1] == "input_audio_buffer.speech_stopped"
    response = _dedupe(types[types.index("response.created") : types.index("response.done") + 1])
    assert response == [*RESPONSE_ORDER_AUDIO, "response.audio.delta", *RESPONSE_TAIL_AUDIO]
    assert types[-1] == "session.finished"

    asr_item = (
        client.of_type("input_audio_buffer.speech_started")
        and client.of_type("conversation.item.input_audio_transcription.completed")[0]["item_id"]
    )
    created = client.of_type("conversation.item.created")[0]
    response_id = client.of_type("response.created")[0]["response"]["id"]
    item_id = client.of_type("response.output_item.added")[0]["item"]["id"]
    assert created["previous_item_id"] == asr_item
    assert created["item"]["id"] == item_id != asr_item
    for pattern, value in (("resp", response_id), ("item", item_id), ("item", asr_item)):
        assert re.fullmatch(pattern + r"_[A-Za-z0-9]{21}", value)
    for event in client.events:
        if "response_id" in event:
            assert event["response_id"] == response_id
        if event["type"].startswith("conversation.item.input_audio_transcription"):
            assert event["item_id"] == asr_item
    assert len({e["event_id"] for e in client.events}) == len(client.events)


async def test_texts_are_deterministic_demo_and_audio_follows_the_translation(make_emulator) -> None:  # type: ignore[no-untyped-def]
    client = await _one_segment(make_emulator(speed=SPEED), QWEN35, translation={"language": "de"})
    completed = client.of_type("conversation.item.input_audio_transcription.completed")[0]
    assert completed["transcript"] == "Demo segment 1 (2.3 s of speech)"
    assert completed["language"] == "en"
    done = client.of_type("response.audio_transcript.done")[0]
    assert done["transcript"] == "[DE Demo] Abschnitt 1, 2,3 Sekunden"
    texts = client.of_type("response.audio_transcript.text")
    shown = [t["text"] + t["stash"] for t in texts]
    assert shown[-1] == done["transcript"] and texts[-1]["stash"] == ""
    assert all(len(a) <= len(b) for a, b in itertools.pairwise(shown))  # grows, never flickers back
    pcm = b"".join(base64.b64decode(e["delta"]) for e in client.of_type("response.audio.delta"))
    assert len(pcm) == 2 * VOICE_RATE * MS_PER_CHAR * len(done["transcript"]) // 1000
    chunks = client.of_type("response.audio.delta")
    assert all(len(base64.b64decode(c["delta"])) <= 4800 for c in chunks)  # 100 ms of 24 kHz s16le
    samples = np.frombuffer(pcm, dtype="<i2").astype(float)
    rms = math.sqrt(float(np.mean(samples**2))) / 32768
    assert 0.02 < rms < 0.5  # voice-like level, not silence, not clipping
    assert client.of_type("response.done")[0]["response"]["output"][0]["content"] == [
        {"type": "audio", "transcript": done["transcript"]}
    ]


async def test_confirmed_text_only_grows(make_emulator) -> None:  # type: ignore[no-untyped-def]
    """Clients append confirmed text; a recogniser never revises what it confirmed, only the stash."""
    client = await _one_segment(make_emulator(speed=SPEED), QWEN35)
    for event_type in ("conversation.item.input_audio_transcription.text", "response.audio_transcript.text"):
        confirmed = [e["text"] for e in client.of_type(event_type)]
        assert len(confirmed) > 1, event_type
        assert all(b.startswith(a) for a, b in itertools.pairwise(confirmed)), (event_type, confirmed)


async def test_usage_uses_documented_rates(make_emulator) -> None:  # type: ignore[no-untyped-def]
    client = await _one_segment(make_emulator(speed=SPEED), QWEN3)
    usage = client.of_type("response.done")[0]["response"]["usage"]
    translation = client.of_type("response.audio_transcript.done")[0]["transcript"]
    audio_s = MS_PER_CHAR * len(translation) / 1000
    assert usage["input_tokens_details"] == {"text_tokens": 0, "audio_tokens": math.ceil(2.3 * 12.5)}
    assert usage["output_tokens_details"] == {
        "text_tokens": math.ceil(len(translation) / 4),
        "audio_tokens": math.ceil(audio_s * 12.5),
    }
    assert usage["input_tokens"] == 29
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]


@pytest.mark.parametrize(
    ("model", "session"),
    [(QWEN3, {"modalities": ["text"]}), (QWEN3, {"translation": {"language": "vi"}})],  # vi: a text-only target
)
async def test_text_only_responses_have_no_audio(make_emulator, model: str, session: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    client = await _one_segment(make_emulator(speed=SPEED), model, **session)
    types = [e["type"] for e in client.events]
    assert not any(t.startswith("response.audio") for t in types)
    response = _dedupe(types[types.index("response.created") : types.index("response.done") + 1])
    assert response == [
        "response.created",
        "response.output_item.added",
        "conversation.item.created",
        "response.content_part.added",
        "response.text.text",
        "response.text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.done",
    ]
    assert client.of_type("response.content_part.added")[0]["part"]["type"] == "text"
    assert client.of_type("response.created")[0]["response"]["modalities"] == ["text"]
    done = client.of_type("response.done")[0]["response"]
    assert done["usage"]["output_tokens_details"]["audio_tokens"] == 0
    final = client.of_type("response.text.done")[0]["text"]
    assert done["output"][0]["content"] == [{"type": "text", "text": final}]


@pytest.mark.parametrize("form", ["stash", "cumulative", "incremental"])
async def test_text_only_forms(make_emulator, form: str) -> None:  # type: ignore[no-untyped-def]
    client = await _one_segment(make_emulator(speed=SPEED, text_form=form), QWEN3, modalities=["text"])
    events = client.of_type("response.text.text")
    final = client.of_type("response.text.done")[0]["text"]
    assert len(events) >= 3
    if form == "stash":
        assert all("stash" in e for e in events)
        assert events[-1]["text"] == final and events[-1]["stash"] == ""
    elif form == "cumulative":
        assert all("stash" not in e for e in events)
        assert events[-1]["text"] == final
        assert all(b["text"].startswith(a["text"]) for a, b in itertools.pairwise(events))
    else:
        assert all("stash" not in e for e in events)
        assert "".join(e["text"] for e in events) == final


async def test_qwen3_without_transcription_sends_no_asr_events(make_emulator) -> None:  # type: ignore[no-untyped-def]
    client = await _one_segment(make_emulator(speed=SPEED), QWEN3)
    assert not any("input_audio_transcription" in e["type"] for e in client.events)
    assert len(client.of_type("response.done")) == 1


async def test_hotwords_visible_in_default_mode(make_emulator) -> None:  # type: ignore[no-untyped-def]
    client = await _one_segment(
        make_emulator(speed=SPEED),
        QWEN35,
        translation={"language": "en", "corpus": {"phrases": {"人工智能": "Artificial Intelligence"}}},
    )
    source = client.of_type("conversation.item.input_audio_transcription.completed")[0]["transcript"]
    translation = client.of_type("response.audio_transcript.done")[0]["transcript"]
    assert "人工智能" in source
    assert translation == "[EN demo] Segment 1, 2.3 seconds (Artificial Intelligence)"
    assert client.of_type("response.done")[0]["response"]["usage"]["input_tokens_details"]["text_tokens"] > 0


async def test_script_mode_returns_utterances_in_order(make_emulator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "talk.jsonl"
    script.write_text(
        '{"source": "我们讨论人工智能", "language": "zh", "translation": {"en": "We discuss AI", "fr": "x"}}\n'
        '{"source": "谢谢", "translation": "Thanks"}\n',
        encoding="utf-8",
    )
    emu = make_emulator(speed=SPEED, script=script)
    async with connect(emu, QWEN35) as client:
        await configure(
            client, translation={"language": "en", "corpus": {"phrases": {"人工智能": "artificial intelligence"}}}
        )
        await client.send_audio(ONE_SEGMENT * 3)
        await client.send("session.finish")
        await client.until("session.finished")
    sources = [e["transcript"] for e in client.of_type("conversation.item.input_audio_transcription.completed")]
    languages = [e["language"] for e in client.of_type("conversation.item.input_audio_transcription.completed")]
    translations = [e["transcript"] for e in client.of_type("response.audio_transcript.done")]
    assert sources == ["我们讨论人工智能", "谢谢", "Demo segment 3 (2.3 s of speech) 人工智能"]
    assert languages == ["zh", "en", "en"]
    assert translations[0] == "We discuss AI (artificial intelligence)"
    assert translations[1] == "Thanks"
    assert translations[2].startswith("[EN demo] Segment 3")  # script exhausted: default demo content
    partials = [e for e in client.of_type("conversation.item.input_audio_transcription.text") if e["stash"]]
    assert all("我们讨论人工智能".startswith(p["text"] + p["stash"]) for p in partials[:2])


async def test_manual_mode_commit_clear_and_empty_commit(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu = make_emulator(speed=SPEED)
    async with connect(emu, QWEN35) as client:
        await configure(client, turn_detection=None)
        await client.send("input_audio_buffer.commit")
        empty = await client.until("error")
        await client.send_audio(tone(1000))
        await client.send("input_audio_buffer.clear")
        await client.until("input_audio_buffer.cleared")
        await client.send("input_audio_buffer.commit")
        after_clear = await client.until("error")
        await client.send_audio(tone(1500))
        await client.send("input_audio_buffer.commit")
        await client.until("response.done")
        await client.send("session.finish")
        await client.until("session.finished")
    assert empty["error"]["code"] == after_clear["error"]["code"] == "input_audio_buffer_commit_empty"
    types = [e["type"] for e in client.events]
    assert "input_audio_buffer.speech_started" not in types
    committed = types.index("input_audio_buffer.committed")
    assert types[committed + 1] == "conversation.item.created"
    user_item = client.events[committed + 1]["item"]
    assert (user_item["role"], user_item["content"]) == ("user", [{"type": "input_audio"}])
    translation_item = client.of_type("conversation.item.created")[1]
    assert translation_item["previous_item_id"] == user_item["id"]
    assert translation_item["item"]["role"] == "assistant"
    completed = client.of_type("conversation.item.input_audio_transcription.completed")[0]
    assert completed["item_id"] == user_item["id"]
    assert completed["transcript"] == "Demo segment 1 (1.5 s of speech)"  # the cleared second does not count


async def test_commit_in_vad_mode_is_rejected(emulator: EmulatorHandle) -> None:
    async with connect(emulator) as client:
        await client.send("input_audio_buffer.commit")
        error = (await client.until("error"))["error"]
    assert "Manual mode" in error["message"]


async def test_finish_flushes_open_segment_then_finishes(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu = make_emulator(speed=SPEED)
    async with connect(emu, QWEN35) as client:
        await client.send_audio(silence(200) + tone(1500))  # still speaking: no silence after it
        await client.until("input_audio_buffer.speech_started")
        await client.send("session.finish")
        await client.until("session.finished")
        await client.send("input_audio_buffer.append", audio=base64.b64encode(tone(100)).decode())
        late = await client.until("error")
    types = [e["type"] for e in client.events]
    assert types.index("input_audio_buffer.speech_stopped") < types.index("response.created")
    assert types.index("response.done") < types.index("session.finished")
    assert client.of_type("input_audio_buffer.speech_stopped")[0]["audio_end_ms"] == 1700
    assert "conversation.item.input_audio_transcription.completed" in types
    assert "finishing" in late["error"]["message"]
    record = emu.sessions[0]
    assert record.received_types()[-2:] == ["session.finish", "input_audio_buffer.append"]


async def test_session_record_keeps_audio_and_summarises_payloads(emulator: EmulatorHandle) -> None:
    pcm = tone(300)
    async with connect(emulator) as client:
        await client.send_audio(pcm, chunk=3200)
        await client.send("input_audio_buffer.append", audio="%%%not base64")
        await client.until("error")
    record = emulator.sessions[0]
    record.closed.wait(10)
    assert bytes(record.audio) == pcm
    assert record.received[0]["audio"] == 3200
    assert record.received[-1]["audio"] == "<invalid>"
    assert record.sent_types()[0] == "session.created"
    assert record.closed.is_set()


async def test_speed_one_paces_audio_in_real_time(emulator: EmulatorHandle) -> None:
    """At speed 1 a response is not dumped at once: audio deltas arrive spread over time."""
    import time

    async with connect(emulator, QWEN3) as client:
        await client.send_audio(silence(200) + tone(600) + silence(1100))
        await client.until("response.audio.delta")
        first = time.monotonic()
        await client.until("response.done")
        spread = time.monotonic() - first
    audio_ms = MS_PER_CHAR * len(client.of_type("response.audio_transcript.done")[0]["transcript"])
    # Sent 1.25x faster than real time; allow a loaded machine to be slower but never much faster.
    assert spread >= 0.5 * audio_ms / 1000 / 1.25
