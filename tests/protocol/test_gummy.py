"""GummySession (sans-I/O) driven by authored transcripts (tests/data/transcripts/gummy/*.jsonl) and by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interpreter.errors import ConfigError, ProtocolError
from interpreter.protocol.gummy import (
    FRAME_MS,
    GummyConfig,
    GummySession,
    GummySessionEvent,
    GummyState,
    ResultGenerated,
    TaskFailed,
    TaskFinished,
    TaskStarted,
    UnknownTaskEvent,
    parse_gummy_event,
    validate_gummy_config,
)
from interpreter.protocol.session_events import (
    SegmentFinalized,
    SegmentsRetracted,
    SourceProgress,
    TranslationProgress,
)

# A folder of their own: the LiveTranslate transcript test reads every *.jsonl directly under transcripts/.
TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "transcripts" / "gummy"
TASK = "0123456789abcdef0123456789abcdef"
BYTES_PER_MS = 32  # 16 kHz s16le


def pcm(ms: int, value: int = 1) -> bytes:
    return value.to_bytes(2, "little", signed=True) * (16 * ms)


def lines(name: str) -> list[dict[str, Any]]:
    text = (TRANSCRIPTS / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//")]


def describe(event: GummySessionEvent) -> dict[str, Any] | None:
    """The transcript's short form of a synthesized event (wire events other than failures are not listed)."""
    match event:
        case SourceProgress():
            return {"source": [event.source_item_id, event.confirmed, event.stash]}
        case TranslationProgress():
            return {"translation": [event.source_item_id, event.confirmed, event.stash]}
        case SegmentFinalized(segment=s):
            return {
                "segment": [
                    s.index,
                    s.source_item_id,
                    s.start_ms,
                    s.end_ms,
                    s.source_text,
                    s.translation_text,
                    s.complete,
                ]
            }
        case TaskFailed():
            return {"failed": [event.error_code, event.error_message]}
        case UnknownTaskEvent():
            return {"unknown": event.event}
    return None


@pytest.mark.parametrize("name", ["sentences.jsonl", "task_failed.jsonl"])
def test_transcript(name: str) -> None:
    meta, *steps = lines(name)
    config = GummyConfig(**meta["meta"]["config"])
    session = GummySession(config, task_ids=lambda: TASK)
    session.connection_opened()
    (run,) = session.data_to_send()
    message = json.loads(run.data)
    assert message["header"] == {"action": "run-task", "task_id": TASK, "streaming": "duplex"}
    assert message["payload"]["parameters"]["translation_target_languages"] == [config.target_language]
    session.append_audio(pcm(meta["meta"]["audio_ms_before_start"]))
    assert session.data_to_send() == []  # no audio before task-started
    for step in steps:
        if step.get("client") == "finish":
            session.finish()
        else:
            session.receive(json.dumps(step["server"]).replace("TASK", TASK))
        frames = session.data_to_send()
        if "expect_audio_frames" in step:
            audio = [f for f in frames if f.kind == "audio"]
            assert len(audio) == step["expect_audio_frames"]
            assert all(len(f.data) == FRAME_MS * BYTES_PER_MS for f in audio)
        if "expect_frames" in step:
            actions = [json.loads(f.data)["header"]["action"] for f in frames if f.kind == "control"]
            assert actions == step["expect_frames"]
        if "expect" in step:
            described = [d for d in map(describe, session.events_received()) if d is not None]
            expected = json.loads(json.dumps(step["expect"]).replace("TASK", TASK))
            assert described == expected
        if "expect_state" in step:
            assert session.state.value == step["expect_state"]


def test_audio_goes_in_100ms_frames_and_finish_flushes_the_rest() -> None:
    session = GummySession(GummyConfig(target_language="en"), task_ids=lambda: TASK)
    session.connection_opened()
    session.data_to_send()
    session.receive(json.dumps({"header": {"task_id": TASK, "event": "task-started"}, "payload": {}}))
    session.append_audio(pcm(40))
    session.append_audio(pcm(40))
    assert session.data_to_send() == []  # 80 ms held until a whole frame
    session.append_audio(pcm(40))
    (frame,) = session.data_to_send()
    assert frame.kind == "audio" and len(frame.data) == 100 * BYTES_PER_MS
    session.finish()
    rest, finish = session.data_to_send()
    assert len(rest.data) == 20 * BYTES_PER_MS
    assert json.loads(finish.data)["header"] == {"action": "finish-task", "task_id": TASK, "streaming": "duplex"}
    session.append_audio(pcm(40))
    assert session.audio_dropped_ms == 40 and session.data_to_send() == []


def test_reconnect_retracts_open_sentences_and_replays_unsettled_audio() -> None:
    ids = iter(["a" * 32, "b" * 32])
    session = GummySession(GummyConfig(target_language="en"), task_ids=lambda: next(ids))
    session.connection_opened()
    session.data_to_send()
    session.receive(json.dumps({"header": {"task_id": "a" * 32, "event": "task-started"}, "payload": {}}))
    session.append_audio(pcm(1000, 1))
    final = {"sentence_id": 0, "begin_time": 0, "end_time": 600, "text": "One.", "words": [], "sentence_end": True}
    session.receive(
        json.dumps(
            {
                "header": {"task_id": "a" * 32, "event": "result-generated"},
                "payload": {"output": {"transcription": final, "translations": [{**final, "lang": "en"}]}},
            }
        )
    )
    open_partial = {"sentence_id": 1, "begin_time": 700, "end_time": 900, "text": "Tw", "sentence_end": False}
    session.receive(
        json.dumps(
            {
                "header": {"task_id": "a" * 32, "event": "result-generated"},
                "payload": {"output": {"transcription": open_partial}},
            }
        )
    )
    session.events_received()
    session.data_to_send()
    session.connection_lost()
    assert session.events_received() == [SegmentsRetracted(("a" * 32 + "-1",))]
    session.append_audio(pcm(200, 2))  # spoken while disconnected
    session.connection_opened()
    (run,) = session.data_to_send()
    assert json.loads(run.data)["header"]["task_id"] == "b" * 32
    session.receive(json.dumps({"header": {"task_id": "b" * 32, "event": "task-started"}, "payload": {}}))
    replay = b"".join(f.data for f in session.data_to_send() if isinstance(f.data, bytes))
    # Everything after the settled 600 ms: 400 ms of the first audio, then the 200 ms spoken while disconnected
    # (the last 100 ms frame is complete, so nothing is held).
    assert replay == pcm(400, 1) + pcm(200, 2)
    again = {"sentence_id": 0, "begin_time": 100, "end_time": 300, "text": "Two.", "words": [], "sentence_end": True}
    session.receive(
        json.dumps(
            {
                "header": {"task_id": "b" * 32, "event": "result-generated"},
                "payload": {"output": {"transcription": again, "translations": [{**again, "lang": "en"}]}},
            }
        )
    )
    (segment,) = [e.segment for e in session.events_received() if isinstance(e, SegmentFinalized)]
    assert (segment.index, segment.start_ms, segment.end_ms) == (1, 700, 900)  # shifted onto the session clock
    assert session.reconnects == 1


def test_task_finished_flushes_an_unfinished_sentence_as_incomplete() -> None:
    session = GummySession(GummyConfig(target_language="en"), task_ids=lambda: TASK)
    session.connection_opened()
    session.receive(json.dumps({"header": {"task_id": TASK, "event": "task-started"}, "payload": {}}))
    partial = {"sentence_id": 0, "begin_time": 0, "end_time": 500, "text": "Hal", "sentence_end": True}
    session.receive(
        json.dumps(
            {
                "header": {"task_id": TASK, "event": "result-generated"},
                "payload": {"output": {"transcription": partial}},
            }
        )
    )
    session.receive(json.dumps({"header": {"task_id": TASK, "event": "task-finished"}, "payload": {}}))
    (segment,) = [e.segment for e in session.events_received() if isinstance(e, SegmentFinalized)]
    assert segment.complete is False and segment.source_text == "Hal" and segment.translation_text == ""
    assert session.state is GummyState.FINISHED


def test_parse_events_and_malformed_frames() -> None:
    assert parse_gummy_event('{"header":{"task_id":"t","event":"task-started"},"payload":{}}') == TaskStarted("t")
    assert parse_gummy_event('{"header":{"task_id":"t","event":"task-finished"}}') == TaskFinished("t")
    result = parse_gummy_event(
        '{"header":{"task_id":"t","event":"result-generated"},"payload":{"output":{"translations":'
        '[{"sentence_id":2,"begin_time":1,"current_time":5,"text":"x","lang":"en"}]},"usage":{"duration":1}}}'
    )
    assert isinstance(result, ResultGenerated)
    assert result.transcription is None and result.translations[0].end_ms == 5 and result.usage == {"duration": 1}
    with pytest.raises(ProtocolError):
        parse_gummy_event("not json")
    with pytest.raises(ProtocolError):
        parse_gummy_event('{"payload": {}}')


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        (GummyConfig(target_language="th", source_language="zh"), "does not translate zh into th"),
        (GummyConfig(target_language="el"), "does not translate any language into el"),
        (GummyConfig(target_language="en", source_language="el"), "cannot recognise speech in el"),
        (GummyConfig(target_language="en", input_sample_rate=8000), "16000 Hz"),
        (GummyConfig(target_language="en", model="qwen3-livetranslate-flash-realtime"), "not a Gummy model"),
        (GummyConfig(target_language=""), "one target language"),
    ],
)
def test_config_is_validated_locally(config: GummyConfig, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        validate_gummy_config(config)


def test_an_unreachable_target_without_a_source_has_its_own_message() -> None:
    """No "any language" pasted into the pair sentence: a translated UI renders the whole sentence from its id."""
    with pytest.raises(ConfigError) as caught:
        validate_gummy_config(GummyConfig(target_language="el"))
    assert caught.value.user_message.id == "config.gummy.target_unsupported"
    assert dict(caught.value.user_message.params) == {"target": "el"}


def test_auto_source_accepts_any_documented_target() -> None:
    assert validate_gummy_config(GummyConfig(target_language="EN", source_language="auto")) == GummyConfig("en")
