"""Parsing every server event of spec §1.6 (verbatim JSON) and serialising every client event of §1.4."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter.errors import ProtocolError
from interpreter.protocol import (
    AudioCleared,
    AudioCommitted,
    AudioDelta,
    AudioDone,
    ContentPartAdded,
    ContentPartDone,
    InputAudioAppend,
    InputAudioClear,
    InputAudioCommit,
    InputImageAppend,
    ItemCreated,
    OutputItemAdded,
    OutputItemDone,
    ResponseCreated,
    ResponseDone,
    ServerErrorEvent,
    SessionCreated,
    SessionFinish,
    SessionFinished,
    SessionUpdate,
    SessionUpdated,
    SpeechStarted,
    SpeechStopped,
    TranscriptionCompleted,
    TranscriptionFailed,
    TranscriptionText,
    TranslationDone,
    TranslationText,
    UnknownEvent,
    Usage,
    known_server_event_types,
    parse_server_event,
)

# --- spec §1.6, verbatim ---------------------------------------------------------------------------------------------

ERROR = (
    '{"event_id":"event_RoUu4T8yExPMI37GKwaOC","type":"error",'
    ' "error":{"type":"invalid_request_error","code":"invalid_value",'
    " \"message\":\"Invalid modalities: ['audio']. Supported combinations are: ['text'] and ['audio', 'text'].\","
    ' "param":"session.modalities"}}'
)
SESSION_CREATED = (
    '{"event_id":"event_QxBGpjBDmDDQQWDtrqBKB","type":"session.created",'
    ' "session":{"id":"sess_OozZ1vtbPt2muDflHODIH","object":"realtime.session",'
    '  "model":"qwen3.5-livetranslate-flash-realtime","modalities":["text","audio"],"voice":"Cherry",'
    '  "sample_rate":16000,"input_audio_format":"pcm","output_audio_format":"pcm",'
    '  "input_audio_transcription":{"model":"qwen3-asr-flash-realtime","language":"zh"},'
    '  "turn_detection":{"type":"server_vad","threshold":0.2,"prefix_padding_ms":300,"silence_duration_ms":1000,'
    '                    "create_response":true,"interrupt_response":true},'
    '  "translation":{"language":"en","corpus":{"phrases":{"人工智能":"Artificial Intelligence",'
    '"机器学习":"Machine Learning"}}},'
    '  "enable_voice_clone":true,"voice_clone_options":{"frequency":"once"}}}'
)
SESSION_UPDATED = (
    '{"event_id":"event_RmNPqjCeFFGRRXEusrCLA","type":"session.updated",'
    ' "session":{"id":"sess_OozZ1vtbPt2muDflHODIH","object":"realtime.session",'
    '"model":"qwen3.5-livetranslate-flash-realtime",'
    '  "modalities":["text","audio"],"voice":"Ethan","sample_rate":16000,"input_audio_format":"pcm",'
    '"output_audio_format":"pcm",'
    '  "translation":{"language":"en","corpus":{"phrases":{"人工智能":"Artificial Intelligence",'
    '"机器学习":"Machine Learning"}}}}}'
)
SESSION_FINISHED = '{"event_id":"event_xxx","type":"session.finished"}'
SPEECH_STARTED = '{"event_id":"event_xxx","type":"input_audio_buffer.speech_started","audio_start_ms":1200}'
SPEECH_STOPPED = '{"event_id":"event_xxx","type":"input_audio_buffer.speech_stopped","audio_end_ms":3400}'
COMMITTED = '{"event_id":"event_xxx","type":"input_audio_buffer.committed"}'
CLEARED = '{"event_id":"event_xxx","type":"input_audio_buffer.cleared"}'
ITEM_CREATED = (
    '{"event_id":"event_xxx","type":"conversation.item.created","previous_item_id":"item_asr_xxx",'
    ' "item":{"id":"item_translation_xxx","object":"realtime.item","type":"message","status":"in_progress",'
    '         "role":"assistant","content":[]}}'
)
TRANSCRIPTION_TEXT = (
    '{"event_id":"event_xxx","type":"conversation.item.input_audio_transcription.text","item_id":"item_xxx",'
    ' "content_index":0,"text":"","stash":"The weather is really nice today","language":"en","emotion":"neutral"}'
)
TRANSCRIPTION_COMPLETED = (
    '{"event_id":"event_xxx","type":"conversation.item.input_audio_transcription.completed","item_id":"item_xxx",'
    ' "content_index":0,"transcript":"The weather is really nice today, let\'s go for a walk in the park.",'
    '"language":"en","emotion":""}'
)
TRANSCRIPTION_FAILED = (
    '{"event_id":"event_xxx","type":"conversation.item.input_audio_transcription.failed","item_id":"item_xxx",'
    ' "content_index":0,"error":{"code":"xxx","message":"xxx","param":"xxx"}}'
)
RESPONSE_CREATED = (
    '{"event_id":"event_L8hHVI5jYis6BzAjnPWJh","type":"response.created",'
    ' "response":{"id":"resp_P79OOMs8LnrXVpiIHUCKR","object":"realtime.response",'
    '"conversation_id":"conv_UFClXtYkRkFXrs48y8pmK",'
    '  "status":"in_progress","modalities":["text","audio"],"voice":"Cherry","output_audio_format":"pcm","output":[]}}'
)
OUTPUT_ITEM_ADDED = (
    '{"event_id":"event_B4O5yPt3Gjnjy5eYH3plG","type":"response.output_item.added",'
    '"response_id":"resp_P79OOMs8LnrXVpiIHUCKR",'
    ' "output_index":0,"item":{"id":"item_OFaPGtzfWCPyGzxnuEX9i","object":"realtime.item","type":"message",'
    ' "status":"in_progress","role":"assistant","content":[]}}'
)
CONTENT_PART_ADDED = (
    '{"event_id":"event_J2UixwYKZsXg7c9YXZetL","type":"response.content_part.added",'
    '"response_id":"resp_P79OOMs8LnrXVpiIHUCKR",'
    ' "item_id":"item_OFaPGtzfWCPyGzxnuEX9i","output_index":0,"content_index":0,"part":{"type":"audio","text":""}}'
)
AUDIO_TRANSCRIPT_TEXT = (
    '{"event_id":"event_xxx","type":"response.audio_transcript.text","response_id":"resp_xxx","item_id":"item_xxx",'
    ' "output_index":0,"content_index":0,"text":"Hello,","stash":" who are you?"}'
)
TEXT_TEXT = (
    '{"event_id":"event_B1lIeyOXR7qJMEExbqtTG","type":"response.text.text","response_id":"resp_B1lIdtjF4Noqpn5NOjznj",'
    ' "item_id":"item_B1lIdJsAJlJiFs8ztWpJt","output_index":0,"content_index":0,"text":"How are"}'
)
AUDIO_DELTA = (
    '{"event_id":"event_B1osWMZBtrEQbiIwW0qHQ","type":"response.audio.delta","response_id":"resp_P79OOMs8LnrXVpiIHUCKR",'
    ' "item_id":"item_OFaPGtzfWCPyGzxnuEX9i","output_index":0,"content_index":0,"delta":"UklGRnoGAABXQVZFZm10IBAAAAAB"}'
)
AUDIO_DONE = (
    '{"event_id":"event_B1osWMWoDRYyITDyNYcBu","type":"response.audio.done","response_id":"resp_P79OOMs8LnrXVpiIHUCKR",'
    ' "item_id":"item_OFaPGtzfWCPyGzxnuEX9i","output_index":0,"content_index":0}'
)
AUDIO_TRANSCRIPT_DONE = (
    '{"event_id":"event_VN4Q4GJugLcc1S23viW8E","type":"response.audio_transcript.done",'
    '"response_id":"resp_P79OOMs8LnrXVpiIHUCKR",'
    ' "item_id":"item_JvJauNH2CTXb1D9WV6pD4","output_index":0,"content_index":0,'
    '"transcript":"How can I assist you today?"}'
)
TEXT_DONE = (
    '{"event_id":"event_B1lIeE2Nac33zn5V7h2mm","type":"response.text.done","response_id":"resp_B1lIdtjF4Noqpn5NOjznj",'
    ' "item_id":"item_B1lIdJsAJlJiFs8ztWpJt","output_index":0,"content_index":0,"text":"How can I assist you today?"}'
)
CONTENT_PART_DONE = (
    '{"event_id":"event_VN4Q4GJugLcc1S23viW8E","type":"response.content_part.done",'
    '"response_id":"resp_P79OOMs8LnrXVpiIHUCKR",'
    ' "item_id":"item_JvJauNH2CTXb1D9WV6pD4","output_index":0,"content_index":0,'
    ' "part":{"type":"audio","text":"Hello, I am a large language model developed by Alibaba Cloud. My name is Qwen. '
    'How can I help you?"}}'
)
OUTPUT_ITEM_DONE = (
    '{"event_id":"event_XkiwbYTBC9Wcdwy6uYJ2G","type":"response.output_item.done",'
    '"response_id":"resp_P79OOMs8LnrXVpiIHUCKR",'
    ' "output_index":0,"item":{"id":"item_JvJauNH2CTXb1D9WV6pD4","object":"realtime.item","type":"message",'
    '"status":"completed",'
    ' "role":"assistant","content":[{"type":"audio","text":"Hello, I am a large language model developed by Alibaba '
    'Cloud. My name is Qwen. How can I help you?"}]}}'
)
RESPONSE_DONE = (
    '{"event_id":"event_CNea8oXNipVanSg2VIzkO","type":"response.done",'
    ' "response":{"id":"resp_TfhYTqej692vsGA2jNEtH","object":"realtime.response",'
    '"conversation_id":"conv_ZtyLfKVm8XqLwYRlsuDih",'
    '  "status":"completed","modalities":["text","audio"],"voice":"Cherry","output_audio_format":"pcm",'
    '  "output":[{"id":"item_MKtkMwN9RtcyE9eJShyWy","object":"realtime.item","type":"message","status":"completed",'
    '             "role":"assistant","content":[{"type":"audio","transcript":"Hello? "}]}],'
    '  "usage":{"total_tokens":56,"input_tokens":47,"output_tokens":9,'
    '           "input_tokens_details":{"text_tokens":20,"audio_tokens":27},'
    '           "output_tokens_details":{"text_tokens":2,"audio_tokens":7}}}}'
)

HELLO = "Hello, I am a large language model developed by Alibaba Cloud. My name is Qwen. How can I help you?"

VERBATIM = [
    (
        ERROR,
        ServerErrorEvent(
            "invalid_request_error",
            "invalid_value",
            "Invalid modalities: ['audio']. Supported combinations are: ['text'] and ['audio', 'text'].",
            "session.modalities",
            event_id="event_RoUu4T8yExPMI37GKwaOC",
        ),
    ),
    (SESSION_FINISHED, SessionFinished(event_id="event_xxx")),
    (SPEECH_STARTED, SpeechStarted(1200, event_id="event_xxx")),
    (SPEECH_STOPPED, SpeechStopped(3400, event_id="event_xxx")),
    (COMMITTED, AudioCommitted(event_id="event_xxx")),
    (CLEARED, AudioCleared(event_id="event_xxx")),
    (ITEM_CREATED, ItemCreated("item_translation_xxx", "item_asr_xxx", "assistant", (), event_id="event_xxx")),
    (
        TRANSCRIPTION_TEXT,
        TranscriptionText("item_xxx", "", "The weather is really nice today", "en", "neutral", event_id="event_xxx"),
    ),
    (
        TRANSCRIPTION_COMPLETED,
        TranscriptionCompleted(
            "item_xxx",
            "The weather is really nice today, let's go for a walk in the park.",
            "en",
            "",
            event_id="event_xxx",
        ),
    ),
    (TRANSCRIPTION_FAILED, TranscriptionFailed("item_xxx", "xxx", "xxx", event_id="event_xxx")),
    (
        RESPONSE_CREATED,
        ResponseCreated("resp_P79OOMs8LnrXVpiIHUCKR", "in_progress", event_id="event_L8hHVI5jYis6BzAjnPWJh"),
    ),
    (
        OUTPUT_ITEM_ADDED,
        OutputItemAdded(
            "resp_P79OOMs8LnrXVpiIHUCKR", "item_OFaPGtzfWCPyGzxnuEX9i", 0, event_id="event_B4O5yPt3Gjnjy5eYH3plG"
        ),
    ),
    (
        CONTENT_PART_ADDED,
        ContentPartAdded(
            "resp_P79OOMs8LnrXVpiIHUCKR", "item_OFaPGtzfWCPyGzxnuEX9i", "audio", event_id="event_J2UixwYKZsXg7c9YXZetL"
        ),
    ),
    (
        AUDIO_TRANSCRIPT_TEXT,
        TranslationText("resp_xxx", "item_xxx", "Hello,", " who are you?", audio_mode=True, event_id="event_xxx"),
    ),
    (
        TEXT_TEXT,
        TranslationText(
            "resp_B1lIdtjF4Noqpn5NOjznj",
            "item_B1lIdJsAJlJiFs8ztWpJt",
            "How are",
            "",
            audio_mode=False,
            event_id="event_B1lIeyOXR7qJMEExbqtTG",
        ),
    ),
    (
        AUDIO_DONE,
        AudioDone("resp_P79OOMs8LnrXVpiIHUCKR", "item_OFaPGtzfWCPyGzxnuEX9i", event_id="event_B1osWMWoDRYyITDyNYcBu"),
    ),
    (
        AUDIO_TRANSCRIPT_DONE,
        TranslationDone(
            "resp_P79OOMs8LnrXVpiIHUCKR",
            "item_JvJauNH2CTXb1D9WV6pD4",
            "How can I assist you today?",
            audio_mode=True,
            event_id="event_VN4Q4GJugLcc1S23viW8E",
        ),
    ),
    (
        TEXT_DONE,
        TranslationDone(
            "resp_B1lIdtjF4Noqpn5NOjznj",
            "item_B1lIdJsAJlJiFs8ztWpJt",
            "How can I assist you today?",
            audio_mode=False,
            event_id="event_B1lIeE2Nac33zn5V7h2mm",
        ),
    ),
    (
        CONTENT_PART_DONE,
        ContentPartDone(
            "resp_P79OOMs8LnrXVpiIHUCKR",
            "item_JvJauNH2CTXb1D9WV6pD4",
            "audio",
            HELLO,
            event_id="event_VN4Q4GJugLcc1S23viW8E",
        ),
    ),
    (
        OUTPUT_ITEM_DONE,
        OutputItemDone(
            "resp_P79OOMs8LnrXVpiIHUCKR",
            "item_JvJauNH2CTXb1D9WV6pD4",
            "completed",
            event_id="event_XkiwbYTBC9Wcdwy6uYJ2G",
        ),
    ),
    (
        RESPONSE_DONE,
        ResponseDone(
            "resp_TfhYTqej692vsGA2jNEtH",
            "completed",
            Usage(
                input_tokens=47,
                output_tokens=9,
                total_tokens=56,
                input_text_tokens=20,
                input_audio_tokens=27,
                output_text_tokens=2,
                output_audio_tokens=7,
            ),
            ("item_MKtkMwN9RtcyE9eJShyWy",),
            event_id="event_CNea8oXNipVanSg2VIzkO",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), VERBATIM, ids=[json.loads(t)["type"] for t, _ in VERBATIM])
def test_parses_spec_example(text: str, expected: object) -> None:
    assert parse_server_event(text) == expected


def test_session_created_and_updated_keep_the_whole_session_object() -> None:
    created = parse_server_event(SESSION_CREATED)
    assert isinstance(created, SessionCreated)
    assert created.event_id == "event_QxBGpjBDmDDQQWDtrqBKB"
    assert created.session["translation"]["corpus"]["phrases"]["人工智能"] == "Artificial Intelligence"
    assert created.session["turn_detection"]["prefix_padding_ms"] == 300
    updated = parse_server_event(SESSION_UPDATED)
    assert isinstance(updated, SessionUpdated)
    assert updated.session["voice"] == "Ethan"


def test_audio_delta_is_decoded_to_pcm_bytes() -> None:
    event = parse_server_event(AUDIO_DELTA)
    assert isinstance(event, AudioDelta)
    assert event.pcm == base64.b64decode("UklGRnoGAABXQVZFZm10IBAAAAAB")
    assert event.pcm.startswith(b"RIFF")  # the doc's sample string happens to be a WAV header


def test_every_registered_type_is_covered_by_a_verbatim_example() -> None:
    covered = {json.loads(t)["type"] for t, _ in VERBATIM} | {
        "session.created",
        "session.updated",
        "response.audio.delta",
    }
    assert covered == known_server_event_types()


@pytest.mark.parametrize("audio_mode", [True, False])
@pytest.mark.parametrize("stash", [None, "", " you?"])
def test_translation_text_accepts_both_forms_with_and_without_stash(audio_mode: bool, stash: str | None) -> None:
    wire_type = "response.audio_transcript.text" if audio_mode else "response.text.text"
    message = {"event_id": "e1", "type": wire_type, "response_id": "r", "item_id": "i", "text": "How are"}
    if stash is not None:
        message["stash"] = stash
    event = parse_server_event(json.dumps(message))
    assert event == TranslationText("r", "i", "How are", stash or "", audio_mode=audio_mode, event_id="e1")


def test_unknown_type_is_kept_whole() -> None:
    raw = {"event_id": "event_n", "type": "response.brand_new", "payload": {"x": [1, 2]}}
    event = parse_server_event(json.dumps(raw))
    assert event == UnknownEvent("response.brand_new", raw, event_id="event_n")


def test_missing_optional_fields_take_neutral_defaults() -> None:
    event = parse_server_event('{"type":"response.done","response":{"id":"resp_1"}}')
    assert event == ResponseDone("resp_1", "completed", Usage(), ())
    item = parse_server_event('{"type":"conversation.item.created","previous_item_id":null,"item":{"id":"i"}}')
    assert item == ItemCreated("i", None, "", ())


def test_manual_mode_user_item_lists_its_content_types() -> None:
    text = (
        '{"type":"conversation.item.created","item":{"id":"item_u","role":"user","content":[{"type":"input_audio"}]}}'
    )
    assert parse_server_event(text) == ItemCreated("item_u", None, "user", ("input_audio",))


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("not json", "not JSON"),
        ("", "not JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('"session.created"', "expected a JSON object"),
        ('{"event_id": "e"}', "no 'type'"),
        ('{"type": 7}', "no 'type'"),
        ('{"type": ""}', "no 'type'"),
        ('{"type":"response.audio.delta","delta":"***not base64***"}', "invalid Base64"),
        ('{"type":"response.audio.delta","delta":"YWJj ZA=="}', "invalid Base64"),
        ('{"type":"input_audio_buffer.speech_started","audio_start_ms":"soon"}', "audio_start_ms"),
        ('{"type":"input_audio_buffer.speech_started","audio_start_ms":true}', "audio_start_ms"),
        ('{"type":"session.created","session":"yes"}', "'session'"),
        ('{"type":"error","error":{"message":5}}', "'message'"),
        ('{"type":"response.done","response":{"output":["x"]}}', "output[]"),
        ("[" * 100_000, "not JSON"),
    ],
)
def test_malformed_input_raises_protocol_error(text: str, detail: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_server_event(text)
    assert detail in str(caught.value.detail)
    assert caught.value.user_message.endswith(".")


def test_float_milliseconds_are_rounded_and_non_finite_ones_rejected() -> None:
    assert parse_server_event('{"type":"input_audio_buffer.speech_stopped","audio_end_ms":3400.6}') == SpeechStopped(
        3401
    )
    with pytest.raises(ProtocolError):
        parse_server_event('{"type":"input_audio_buffer.speech_stopped","audio_end_ms":NaN}')


def test_usage_adds_up() -> None:
    a = Usage(input_tokens=1, output_tokens=2, total_tokens=3, input_audio_tokens=1, output_audio_tokens=2)
    b = Usage(input_tokens=10, output_tokens=20, total_tokens=30, input_image_tokens=4, output_text_tokens=5)
    assert a + b == Usage(11, 22, 33, 0, 1, 4, 5, 2)


# --- client events ---------------------------------------------------------------------------------------------------


def test_client_events_serialise_to_spec_shapes() -> None:
    pcm = bytes(range(10))
    assert json.loads(InputAudioAppend(pcm).to_json("event_1")) == {
        "event_id": "event_1",
        "type": "input_audio_buffer.append",
        "audio": base64.b64encode(pcm).decode(),
    }
    assert json.loads(InputImageAppend(b"\xff\xd8\xff").to_json("event_2")) == {
        "event_id": "event_2",
        "type": "input_image_buffer.append",
        "image": "/9j/",
    }
    assert json.loads(InputAudioCommit().to_json("e")) == {"event_id": "e", "type": "input_audio_buffer.commit"}
    assert json.loads(InputAudioClear().to_json("e")) == {"event_id": "e", "type": "input_audio_buffer.clear"}
    assert json.loads(SessionFinish().to_json("e")) == {"event_id": "e", "type": "session.finish"}
    session = {"voice": "Tina", "translation": {"language": "en", "corpus": {"phrases": {"人工智能": "AI"}}}}
    text = SessionUpdate(session).to_json("e")
    assert "人工智能" in text  # not \\u-escaped
    assert json.loads(text) == {"event_id": "e", "type": "session.update", "session": session}


@settings(max_examples=200, deadline=None)
@given(event_id=st.text(max_size=40), pcm=st.binary(max_size=64))
def test_audio_append_text_is_exactly_what_the_json_module_writes(event_id: str, pcm: bytes) -> None:
    # The append is assembled by hand for speed; it must stay byte-identical to the generic encoder's output.
    expected = json.dumps(
        {"event_id": event_id, "type": "input_audio_buffer.append", "audio": base64.b64encode(pcm).decode()},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert InputAudioAppend(pcm).to_json(event_id) == expected


# --- properties ----------------------------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
_field_names = st.sampled_from(
    [
        "event_id", "session", "error", "type", "code", "message", "param", "audio_start_ms", "audio_end_ms", "item",
        "id", "role", "content", "previous_item_id", "item_id", "text", "stash", "language", "emotion", "transcript",
        "response", "response_id", "output_index", "part", "delta", "status", "usage", "output",
        "input_tokens_details", "output_tokens_details", "total_tokens",
    ]
)  # fmt: skip


def _nested_message() -> st.SearchStrategy[dict[str, object]]:
    inner = st.dictionaries(_field_names, _json_values, max_size=6)
    return st.fixed_dictionaries(
        {"type": st.sampled_from([*sorted(known_server_event_types()), "x.unknown"])},
        optional={
            "event_id": _json_values,
            "session": inner | _json_values,
            "error": inner | _json_values,
            "item": inner | _json_values,
            "response": st.dictionaries(_field_names, inner | _json_values, max_size=6) | _json_values,
            "part": inner | _json_values,
            "delta": st.text(alphabet="ABCDabcd0123+/= ", max_size=12) | _json_values,
            "audio_start_ms": _json_values,
            "item_id": _json_values,
            "text": _json_values,
            "stash": _json_values,
        },
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parser_raises_only_protocol_error_on_any_text(text: str) -> None:
    try:
        parse_server_event(text)
    except ProtocolError:
        pass


@settings(max_examples=200, deadline=None)
@given(_nested_message())
def test_parser_raises_only_protocol_error_on_any_shaped_message(message: dict[str, object]) -> None:
    try:
        event = parse_server_event(json.dumps(message))
    except ProtocolError:
        return
    assert isinstance(event.event_id, str)
