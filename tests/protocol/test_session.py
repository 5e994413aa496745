"""RealtimeSession driven by recorded transcripts and by hand: states, pairing, finish flush, reconnect replay."""

from __future__ import annotations

import base64
import json

import pytest

from interpreter.errors import AuthenticationError, ConfigError, ProtocolError, RequestRejectedError
from interpreter.protocol import (
    GapMarked,
    RealtimeSession,
    SegmentFinalized,
    SegmentsRetracted,
    ServerErrorEvent,
    SessionConfig,
    SessionFailed,
    SessionState,
    SourceProgress,
    SpeechStarted,
    SpeechStopped,
    TranslationProgress,
    TurnDetection,
    UnknownEvent,
    Usage,
)
from interpreter.protocol.session import sequential_event_ids
from tests.protocol.transcripts import RAMP_MODULUS, TRANSCRIPTS, ramp_pcm, ramp_start, run_transcript

ALL_TRANSCRIPTS = sorted(p.stem for p in TRANSCRIPTS.glob("*.jsonl"))
RATE = 16000


def test_every_transcript_runs_with_its_inline_expectations() -> None:
    assert len(ALL_TRANSCRIPTS) >= 7
    for name in ALL_TRANSCRIPTS:
        run_transcript(name)


# --- transcripts -----------------------------------------------------------------------------------------------------


def test_vad_segment_pairs_source_and_translation_with_times_and_usage() -> None:
    run = run_transcript("vad_audio_segment")
    (segment,) = run.segments
    assert segment.index == 0
    assert segment.source_item_id == "item_asr_1"
    assert segment.translation_item_id == "item_OFaPGtzfWCPyGzxnuEX9i"
    assert segment.response_id == "resp_P79OOMs8LnrXVpiIHUCKR"
    assert (segment.start_ms, segment.end_ms) == (1200, 3400)
    assert segment.source_text == "今天天气真好，我们去公园散步吧。"
    assert segment.source_language == "zh"
    assert segment.translation_text == "The weather is really nice today, let's go for a walk in the park."
    assert segment.usage == Usage(47, 9, 56, 20, 27, 0, 2, 7)
    assert segment.complete
    assert run.session.usage == segment.usage
    # Held audio went out first, in order, then the live audio: one continuous ramp from sample 0.
    appends = run.frames_of("input_audio_buffer.append")
    assert [ramp_start(base64.b64decode(f["audio"])) for f in appends[:6]] == [0, 1600, 3200, 4800, 6400, 8000]
    assert run.session.audio_sent_ms == 3500  # 35 blocks of 100 ms; the one after finish is not counted
    assert run.session.audio_dropped_ms == 100


def test_vad_segment_progress_reads_like_a_caption() -> None:
    run = run_transcript("vad_audio_segment")
    assert [(p.confirmed, p.stash) for p in run.events_of(SourceProgress)] == [
        ("", "今天天气真好"),
        ("今天天气真好，", "我们去公园散步吧"),
        ("今天天气真好，我们去公园散步吧。", ""),
    ]
    progress = run.events_of(TranslationProgress)
    assert {p.source_item_id for p in progress} == {"item_asr_1"}
    assert [(p.confirmed, p.stash) for p in progress] == [
        ("The weather is really nice today,", " let's"),
        ("The weather is really nice today, let's go for a walk", " in the park."),
        ("The weather is really nice today, let's go for a walk in the park.", ""),
    ]


def test_session_update_frame_is_the_validated_payload() -> None:
    run = run_transcript("vad_audio_segment")
    (update,) = run.frames_of("session.update")
    assert update["event_id"] == "event_client_0"
    assert update["session"]["voice"] == "Tina"
    assert update["session"]["sample_rate"] == 16000
    assert update["session"]["input_audio_transcription"] == {"model": "qwen3-asr-flash-realtime", "language": "zh"}


def test_text_only_incremental_fragments_without_stash_accumulate() -> None:
    run = run_transcript("text_only")
    assert [(p.confirmed, p.stash) for p in run.events_of(TranslationProgress)] == [
        ("Πώς μπορώ", ""),
        ("Πώς μπορώ να σας βοηθήσω", " σήμερα;"),
        ("Πώς μπορώ να σας βοηθήσω σήμερα;", ""),
    ]
    (segment,) = run.segments
    assert segment.source_item_id is None
    assert (segment.start_ms, segment.end_ms) == (300, 1800)
    assert segment.translation_text == "Πώς μπορώ να σας βοηθήσω σήμερα;"
    update = run.frames_of("session.update")[0]["session"]
    assert update["modalities"] == ["text"]
    assert update["input_audio_transcription"] == {"model": None, "language": "en"}
    assert run.session.notices


def test_manual_commit_segment_times_come_from_the_commits() -> None:
    run = run_transcript("manual_commit")
    (segment,) = run.segments
    assert (segment.start_ms, segment.end_ms) == (0, 1500)
    assert segment.source_item_id == "item_user_1"
    assert (segment.source_text, segment.translation_text) == ("Good morning, everyone.", "大家早上好。")
    assert run.frames_of("session.update")[0]["session"]["turn_detection"] is None


def test_error_answering_session_update_fails_the_session_with_the_server_message() -> None:
    run = run_transcript("config_rejected")
    (failed,) = run.events_of(SessionFailed)
    assert isinstance(failed.error, RequestRejectedError)
    assert failed.error.code == "invalid_value"
    assert "Invalid modalities: ['audio']" in failed.error.user_message
    assert failed.error.user_message.startswith("The translation service rejected the session settings")
    assert run.session.last_error is failed.error
    assert run.session.images_dropped == 1


def test_error_while_streaming_is_reported_but_not_fatal() -> None:
    run = run_transcript("streaming_error")
    (error,) = run.events_of(ServerErrorEvent)
    assert error.param == "image"
    assert not run.events_of(SessionFailed)
    assert isinstance(run.session.last_error, RequestRejectedError)
    assert run.session.images_dropped == 1


def test_unknown_events_pass_through() -> None:
    run = run_transcript("unknown_event")
    assert [e.type for e in run.events_of(UnknownEvent)] == ["rate_limits.updated", "response.audio_transcript.delta"]


def test_finish_flush_keeps_the_last_sentence() -> None:
    run = run_transcript("finish_flush")
    first, last = run.segments
    assert (first.source_text, first.translation_text, first.complete) == ("Guten Abend.", "Good evening.", True)
    assert last.source_text == "Vielen Dank für Ihre Aufmerksamkeit."
    assert last.translation_text == ""
    assert last.start_ms == 2600
    assert not last.complete
    # The segments arrive before SessionFinished, so a consumer that stops there has them all.
    names = [type(e).__name__ for e in run.events]
    assert names.index("SessionFinished") > max(i for i, n in enumerate(names) if n == "SegmentFinalized")


def test_reconnect_replays_from_the_unfinished_sentence_and_maps_times_back() -> None:
    run = run_transcript("reconnect_mid_utterance")
    (retracted,) = run.events_of(SegmentsRetracted)
    assert retracted.source_item_ids == ("item_old_asr",)
    assert run.session.reconnects == 1
    updates = run.frames_of("session.update")
    assert len(updates) == 2 and updates[0]["session"] == updates[1]["session"]
    appends = [base64.b64decode(f["audio"]) for f in run.frames_of("input_audio_buffer.append")]
    replay = appends[30:58]
    # 1500 ms speech start - 300 ms VAD padding = 1200 ms = sample 19200; then contiguous to the outage's end.
    assert ramp_start(replay[0]) == 19200
    assert b"".join(replay) == ramp_pcm(19200, 4000 * 16 - 19200)
    assert ramp_start(appends[58]) == 4000 * 16 % RAMP_MODULUS
    (segment,) = run.segments
    assert segment.source_item_id == "item_new_asr"
    assert (segment.start_ms, segment.end_ms) == (1500, 3500)
    starts = [e.audio_start_ms for e in run.events_of(SpeechStarted)]
    assert starts == [1500, 1500]  # both connections' VAD starts on the session clock
    assert [e.audio_end_ms for e in run.events_of(SpeechStopped)] == [3500]
    assert not run.events_of(GapMarked)


# --- by hand ---------------------------------------------------------------------------------------------------------


def _server(session: RealtimeSession, message: dict[str, object]) -> None:
    session.receive(json.dumps(message))


def _configured(config: SessionConfig | None = None, **kwargs: int) -> RealtimeSession:
    session = RealtimeSession(config or SessionConfig(), **kwargs)  # type: ignore[arg-type]
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "session.updated", "session": {}})
    session.data_to_send()
    session.events_received()
    return session


def _append(session: RealtimeSession, ms: int) -> None:
    first = session.audio_sent_ms * RATE // 1000
    session.append_audio(ramp_pcm(first, ms * RATE // 1000))


def _segment_events(item: str, response: str, *, start: int | None, end: int | None) -> list[dict[str, object]]:
    """The server events of one complete VAD segment (spec §1.7 order), times on the connection clock."""
    events: list[dict[str, object]] = []
    if start is not None:
        events.append({"type": "input_audio_buffer.speech_started", "audio_start_ms": start})
    events += [
        {"type": "conversation.item.input_audio_transcription.text", "item_id": item, "text": "", "stash": "x"},
        {"type": "response.created", "response": {"id": response}},
        {"type": "response.output_item.added", "response_id": response, "item": {"id": f"{item}_tr"}},
        {
            "type": "conversation.item.created",
            "previous_item_id": item,
            "item": {"id": f"{item}_tr", "role": "assistant"},
        },
        {"type": "response.audio_transcript.text", "response_id": response, "item_id": f"{item}_tr", "text": "y"},
    ]
    if end is not None:
        events.append({"type": "input_audio_buffer.speech_stopped", "audio_end_ms": end})
    events += [
        {"type": "conversation.item.input_audio_transcription.completed", "item_id": item, "transcript": f"src {item}"},
        {"type": "response.audio_transcript.done", "response_id": response, "item_id": f"{item}_tr", "transcript": "t"},
        {
            "type": "response.done",
            "response": {"id": response, "status": "completed", "output": [{"id": f"{item}_tr"}]},
        },
    ]
    return events


def test_states_from_connecting_to_finished() -> None:
    session = RealtimeSession(SessionConfig())
    assert session.state is SessionState.CONNECTING
    _server(session, {"type": "session.created", "session": {}})
    assert session.state is SessionState.CREATED
    _server(session, {"type": "session.updated", "session": {}})
    assert session.state is SessionState.CONFIGURED
    _append(session, 40)
    assert session.state is SessionState.STREAMING
    session.finish()
    session.finish()  # idempotent: one session.finish frame
    assert session.state is SessionState.FINISHING
    kinds = [(f.kind, json.loads(f.text)["type"]) for f in session.data_to_send()]
    assert kinds == [
        ("control", "session.update"),
        ("audio", "input_audio_buffer.append"),
        ("control", "session.finish"),
    ]
    _server(session, {"type": "session.finished"})
    assert session.state is SessionState.FINISHED


def test_finish_before_configured_goes_out_after_the_held_audio() -> None:
    session = RealtimeSession(SessionConfig())
    _append(session, 200)
    session.finish()
    assert session.state is SessionState.FINISHING
    assert session.data_to_send() == []
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "session.updated", "session": {}})
    types = [json.loads(f.text)["type"] for f in session.data_to_send()]
    assert types == ["session.update", *["input_audio_buffer.append"] * 2, "session.finish"]


def test_image_frames_are_tagged_for_the_transport() -> None:
    session = _configured()
    _append(session, 100)
    assert session.append_image(b"\xff\xd8jpeg\xff\xd9")
    frames = session.data_to_send()
    assert [f.kind for f in frames] == ["audio", "image"]
    assert json.loads(frames[1].text)["image"] == base64.b64encode(b"\xff\xd8jpeg\xff\xd9").decode()


def test_odd_pcm_is_refused() -> None:
    with pytest.raises(ValueError):
        RealtimeSession(SessionConfig()).append_audio(b"\x00\x01\x02")


def test_invalid_config_is_refused_at_construction() -> None:
    with pytest.raises(ConfigError):
        RealtimeSession(SessionConfig(target_language="xx"))


def test_commit_needs_manual_mode() -> None:
    with pytest.raises(ConfigError) as caught:
        _configured().commit()
    assert caught.value.field == "turn_detection.mode"


def test_refused_key_while_streaming_is_fatal_other_errors_are_not() -> None:
    session = _configured()
    _append(session, 100)
    _server(session, {"type": "error", "error": {"type": "invalid_request_error", "code": "invalid_value"}})
    assert session.state is SessionState.STREAMING
    _server(session, {"type": "error", "error": {"type": "invalid_request_error", "code": "InvalidApiKey"}})
    assert session.state is SessionState.FAILED
    (failed,) = [e for e in session.events_received() if isinstance(e, SessionFailed)]
    assert isinstance(failed.error, AuthenticationError)
    assert "check the key and its region in Settings" in failed.error.user_message


def test_segments_finalize_in_order_with_growing_indices() -> None:
    session = _configured()
    _append(session, 6000)
    for message in _segment_events("a", "r1", start=500, end=1500) + _segment_events("b", "r2", start=2500, end=4000):
        _server(session, message)
    segments = [e.segment for e in session.events_received() if isinstance(e, SegmentFinalized)]
    assert [(s.index, s.source_text, s.start_ms, s.end_ms) for s in segments] == [
        (0, "src a", 500, 1500),
        (1, "src b", 2500, 4000),
    ]
    # Everything before the end of the last finalized segment is released from the replay buffer.
    assert session.replay_buffered_ms == 2000


def test_several_responses_of_one_sentence_make_one_segment() -> None:
    session = _configured(SessionConfig(transcribe_source=False))
    _append(session, 4000)
    for message in [
        {"type": "input_audio_buffer.speech_started", "audio_start_ms": 100},
        *[
            m
            for rid, item, text in (("r1", "t1", "First half,"), ("r2", "t2", "second half."))
            for m in (
                {"type": "response.created", "response": {"id": rid}},
                {"type": "response.output_item.added", "response_id": rid, "item": {"id": item}},
                {"type": "conversation.item.created", "previous_item_id": "src", "item": {"id": item}},
                {"type": "response.text.done", "response_id": rid, "item_id": item, "text": text},
                {"type": "response.done", "response": {"id": rid, "usage": {"total_tokens": 5}}},
            )
        ],
    ]:
        _server(session, message)
    assert not [e for e in session.events_received() if isinstance(e, SegmentFinalized)]
    _server(session, {"type": "input_audio_buffer.speech_stopped", "audio_end_ms": 3000})
    (finalized,) = [e for e in session.events_received() if isinstance(e, SegmentFinalized)]
    assert finalized.segment.translation_text == "First half, second half."
    assert finalized.segment.response_id == "r1"
    assert finalized.segment.usage.total_tokens == 10


def test_audio_beyond_the_replay_limit_becomes_a_gap() -> None:
    session = _configured(replay_limit_ms=1000)
    _append(session, 1000)
    _server(session, {"type": "input_audio_buffer.speech_started", "audio_start_ms": 800})
    _append(session, 2000)  # the sentence is still open; the buffer only holds the last second
    session.connection_lost()
    _append(session, 500)
    session.begin_reconnect()
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "session.updated", "session": {}})
    gaps = [e for e in session.events_received() if isinstance(e, GapMarked)]
    # Needed from 500 ms (800 - 300 padding); the buffer starts at 3500 - 1000 = 2500 ms.
    assert gaps == [GapMarked(500, 2500)]
    appends = [json.loads(f.text) for f in session.data_to_send() if f.kind == "audio"]
    assert ramp_start(base64.b64decode(appends[0]["audio"])) == 2500 * 16 % RAMP_MODULUS
    assert sum(len(base64.b64decode(a["audio"])) for a in appends) == 1000 * 32
    # The new connection's clock starts at 2500 ms of the session.
    _server(session, {"type": "input_audio_buffer.speech_started", "audio_start_ms": 100})
    (started,) = [e for e in session.events_received() if isinstance(e, SpeechStarted)]
    assert started.audio_start_ms == 2600


def test_reconnect_in_manual_mode_replays_uncommitted_turns_with_their_commits() -> None:
    session = _configured(SessionConfig(turn_detection=TurnDetection(mode="manual")))
    _append(session, 1000)
    assert session.commit()
    _append(session, 500)
    session.data_to_send()
    session.connection_lost()
    session.begin_reconnect()
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "session.updated", "session": {}})
    types = [json.loads(f.text)["type"] for f in session.data_to_send()]
    assert types == [
        "session.update",
        *["input_audio_buffer.append"] * 10,
        "input_audio_buffer.commit",
        *["input_audio_buffer.append"] * 5,
    ]
    _server(session, {"type": "input_audio_buffer.committed"})
    _server(session, {"type": "conversation.item.created", "item": {"id": "u1", "role": "user"}})
    for message in _segment_events("u1", "r1", start=None, end=None)[1:]:
        _server(session, message)
    (finalized,) = [e for e in session.events_received() if isinstance(e, SegmentFinalized)]
    assert (finalized.segment.start_ms, finalized.segment.end_ms) == (0, 1000)


def test_failed_session_can_be_retried_by_the_transport() -> None:
    session = RealtimeSession(SessionConfig())
    _append(session, 300)
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "error", "error": {"code": "Throttling.RateQuota", "message": "Requests throttling."}})
    assert session.state is SessionState.FAILED
    session.begin_reconnect()
    assert session.state is SessionState.CONNECTING
    session.data_to_send()
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "session.updated", "session": {}})
    types = [json.loads(f.text)["type"] for f in session.data_to_send()]
    assert types == ["session.update", *["input_audio_buffer.append"] * 3]


def test_malformed_frame_raises_and_leaves_the_session_alone() -> None:
    session = _configured()
    with pytest.raises(ProtocolError):
        session.receive("{not json")
    assert session.state is SessionState.CONFIGURED
    assert session.events_received() == []


def test_client_event_ids_come_from_the_injected_source() -> None:
    ids = iter(["event_a", "event_b"])
    session = RealtimeSession(SessionConfig(), event_ids=lambda: next(ids))
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "session.updated", "session": {}})
    _append(session, 40)
    assert [json.loads(f.text)["event_id"] for f in session.data_to_send()] == ["event_a", "event_b"]


def test_default_event_ids_look_like_the_sdk_ones() -> None:
    session = RealtimeSession(SessionConfig())
    _server(session, {"type": "session.created", "session": {}})
    (frame,) = session.data_to_send()
    event_id = json.loads(frame.text)["event_id"]
    assert event_id.startswith("event_") and len(event_id) == len("event_") + 32


def test_default_event_ids_are_unique_and_each_session_has_its_own_prefix() -> None:
    first, second = sequential_event_ids(), sequential_event_ids()
    ids = [first() for _ in range(1000)]
    assert len(set(ids)) == 1000
    assert all(i.startswith("event_") and len(i) == len("event_") + 32 for i in ids)
    assert all(int(i.removeprefix("event_"), 16) >= 0 for i in ids)  # hex digits, like the SDK's
    assert ids == sorted(ids)  # in order within a session, which makes logs easy to follow
    assert second()[:26] != ids[0][:26]  # 80 random bits per session


# --- wire appends gathering several blocks (append_ms) ----------------------------------------------------------------


def _appended(session: RealtimeSession) -> list[bytes]:
    return [base64.b64decode(json.loads(f.text)["audio"]) for f in session.data_to_send() if f.kind == "audio"]


def test_append_ms_gathers_blocks_into_longer_appends() -> None:
    session = _configured(append_ms=80)
    _append(session, 40)
    assert _appended(session) == []
    assert session.unsent_audio_ms == 40
    _append(session, 40)
    (append,) = _appended(session)
    assert len(append) == 80 * RATE // 1000 * 2
    assert ramp_start(append) == 0  # the two blocks, in order
    assert session.unsent_audio_ms == 0
    _append(session, 120)  # a block at least append_ms long goes out as it is
    assert [len(a) for a in _appended(session)] == [120 * RATE // 1000 * 2]
    assert session.audio_sent_ms == 200


def test_held_audio_goes_out_before_finish_commit_clear_and_images() -> None:
    session = _configured(SessionConfig(turn_detection=TurnDetection(mode="manual")), append_ms=100)
    _append(session, 40)
    assert session.commit()
    _append(session, 40)
    session.clear()
    _append(session, 40)
    assert session.append_image(b"\xff\xd8\xff")
    _append(session, 40)
    session.finish()
    frames = [(f.kind, json.loads(f.text)) for f in session.data_to_send()]
    assert [m["type"] for _, m in frames] == [
        "input_audio_buffer.append",
        "input_audio_buffer.commit",
        "input_audio_buffer.append",
        "input_audio_buffer.clear",
        "input_audio_buffer.append",
        "input_image_buffer.append",
        "input_audio_buffer.append",
        "session.finish",
    ]
    audio = b"".join(base64.b64decode(m["audio"]) for k, m in frames if k == "audio")
    assert audio == ramp_pcm(0, 160 * RATE // 1000)  # every sample once, in order
    assert session.unsent_audio_ms == 0


def test_an_image_before_any_audio_left_the_client_is_still_dropped() -> None:
    session = _configured(append_ms=0)
    assert not session.append_image(b"\xff\xd8\xff")
    assert session.images_dropped == 1


def test_held_audio_is_replayed_once_after_a_lost_connection() -> None:
    session = _configured(append_ms=80)
    _server(session, {"type": "input_audio_buffer.speech_started", "audio_start_ms": 0})
    _append(session, 80)
    _append(session, 40)  # held back when the connection drops
    session.data_to_send()
    session.connection_lost()
    assert session.unsent_audio_ms == 0
    session.begin_reconnect()
    _server(session, {"type": "session.created", "session": {}})
    _server(session, {"type": "session.updated", "session": {}})
    audio = b"".join(_appended(session))
    assert audio == ramp_pcm(0, 120 * RATE // 1000)  # the whole open sentence, the held block included, once
    _append(session, 40)  # and gathering starts afresh on the new connection
    assert _appended(session) == []
    assert session.unsent_audio_ms == 40


def test_negative_append_ms_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="append_ms"):
        RealtimeSession(SessionConfig(), append_ms=-1)


def test_abandoning_an_open_sentence_marks_its_audio_as_a_gap() -> None:
    session = _configured()
    _append(session, 1000)
    _server(session, {"type": "input_audio_buffer.speech_started", "audio_start_ms": 800})
    _append(session, 1500)
    gap = session.abandon()
    events = session.events_received()
    # Needed from 500 ms (800 - 300 padding) to the end of the audio.
    assert gap == GapMarked(500, 2500)
    assert gap in events
    assert session.abandon() is None  # idempotent


def test_abandoning_with_nothing_unanswered_marks_no_gap() -> None:
    session = _configured()
    _append(session, 1000)  # trailing audio nobody reported speech in, and the transport heard none either
    assert session.abandon(speech_after_ms=-1) is None
    assert not [e for e in session.events_received() if isinstance(e, GapMarked)]


def test_abandoning_speech_the_transport_sent_marks_it_even_without_an_open_sentence() -> None:
    session = _configured()
    _append(session, 1200)
    assert session.abandon(speech_after_ms=900) == GapMarked(0, 1200)
