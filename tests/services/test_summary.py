"""Session summary: transcript parsing, cost estimate, the flow against the real emulator, Markdown export."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from interpreter.errors import ConfigError, MediaFileError, ProtocolError
from interpreter.protocol.session_events import Segment
from interpreter.services.summary import (
    MAX_OUTPUT_TOKENS,
    SUMMARY_MODELS,
    Transcript,
    TranscriptLine,
    build_request,
    estimate_cost,
    estimate_tokens,
    export_markdown,
    load_transcript,
    parse_summary,
    summarize,
)
from interpreter.transport.http import HttpClient

SEGMENTS: list[dict[str, Any]] = [
    {"index": 0, "start_ms": 1200, "end_ms": 4000, "source": "Welcome to the review.", "translation": "欢迎参加评审。",
     "language": "en", "usage": {}},
    {"gap": True, "start_ms": 4000, "end_ms": 6000},
    {"index": 1, "start_ms": 6000, "end_ms": 9000, "source": "Anna will send the budget by Friday.",
     "translation": "安娜将在周五前发送预算，请查收。", "language": "en", "usage": {}},
    {"index": 2, "start_ms": 9500, "end_ms": 11000, "source": "Thanks.", "translation": "谢谢。", "language": "en",
     "usage": {}},
]  # fmt: skip


def write_transcript(path: Path, records: list[dict[str, Any]] = SEGMENTS) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_load_transcript_skips_gaps_and_finds_the_spoken_language(tmp_path: Path) -> None:
    transcript = load_transcript(write_transcript(tmp_path / "t.jsonl"))
    assert transcript.source_language == "en"
    assert [line.source for line in transcript.lines] == [
        "Welcome to the review.",
        "Anna will send the budget by Friday.",
        "Thanks.",
    ]
    assert transcript.lines[0] == TranscriptLine(1200, "Welcome to the review.", "欢迎参加评审。")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("not json\n", "Line 1 of"),
        ('{"gap": true, "start_ms": 0, "end_ms": 5}\n', "no spoken segments"),
        ('{"source": 3, "translation": "x"}\n', "Line 1 of"),
        (b"\xff\xfe\x00".decode("latin-1"), "Cannot read the transcript"),
    ],
)
def test_bad_transcripts_are_one_sentence_naming_the_file(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content.encode("latin-1") if "Cannot read" in fragment else content.encode())
    with pytest.raises(MediaFileError) as caught:
        load_transcript(path)
    assert fragment in caught.value.user_message and str(path) in caught.value.user_message


def test_missing_transcript_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(MediaFileError, match=r"missing\.jsonl"):
        load_transcript(tmp_path / "missing.jsonl")


def test_request_and_estimate(tmp_path: Path) -> None:
    transcript = load_transcript(write_transcript(tmp_path / "t.jsonl"))
    request = build_request(transcript, model="tongyi-xiaomi-analysis-pro", target_language="zh")
    user = json.loads(request["messages"][-1]["content"])
    assert user["source_language"] == "en" and user["target_language"] == "zh"
    assert user["segments"][1] == {
        "start": "00:06",
        "source": "Anna will send the budget by Friday.",
        "translation": "安娜将在周五前发送预算，请查收。",
    }
    tokens = estimate_tokens(request)
    assert tokens.input_text > 0 and 300 <= tokens.output_text <= MAX_OUTPUT_TOKENS
    estimate = estimate_cost(request, "beijing")
    assert estimate.priced and estimate.currency == "CNY" and estimate.amount > Decimal(0)
    assert estimate_cost(request, "mars").priced is False
    with pytest.raises(ConfigError, match="not a summary model"):
        build_request(transcript, model="qwen-mt-plus", target_language="zh")
    with pytest.raises(ConfigError, match="not a language code"):
        build_request(transcript, model="tongyi-xiaomi-analysis-pro", target_language="klingon")


def test_transcript_from_the_segments_of_a_session_that_just_ended() -> None:
    segments = [
        Segment(0, "i1", None, None, 100, 900, "Hello.", "en", "你好。"),
        Segment(1, "i2", None, None, 1000, 1500, "  ", "en", ""),
    ]
    transcript = Transcript.from_segments(segments)
    assert transcript == Transcript((TranscriptLine(100, "Hello.", "你好。"),), "en")


def test_parse_summary_accepts_a_fenced_answer_and_refuses_prose() -> None:
    answer = (
        "Here it is:\n```json\n"
        '{"source": {"language": "en", "summary": "S.", "key_points": ["a", 2], "action_items": []},'
        ' "target": {"summary": "T.", "key_points": [], "action_items": ["x"]}}\n```'
    )
    summary = parse_summary(answer, model="m", source_language="en", target_language="de")
    assert summary.source.key_points == ("a", "2") and summary.target.language == "de"
    assert summary.target.action_items == ("x",)
    with pytest.raises(ProtocolError):
        parse_summary("I could not do it.", model="m", source_language="en", target_language="de")
    with pytest.raises(ProtocolError):
        parse_summary('{"source": {"summary": 1}}', model="m", source_language="en", target_language="de")


@pytest.mark.parametrize("model", SUMMARY_MODELS)
async def test_summarize_against_the_emulator(make_emulator: Callable[..., Any], tmp_path: Path, model: str) -> None:
    emu = make_emulator()
    transcript = load_transcript(write_transcript(tmp_path / "t.jsonl"))
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        summary = await summarize(client, transcript, model=model, target_language="zh")
    assert summary.model == model
    assert summary.source.language == "en" and summary.target.language == "zh"
    assert summary.source.summary.startswith("[DEMO summary] 3 segments")
    assert summary.source.key_points[0] == "[DEMO] Welcome to the review."
    assert summary.source.action_items == ("[DEMO] Anna will send the budget by Friday.",)
    assert summary.target.action_items == ("[DEMO] 安娜将在周五前发送预算，请查收。",)
    assert summary.tokens.input_text > 0 and summary.tokens.output_text > 0
    (record,) = emu.http_requests
    assert record.model == model and record.stream is True

    markdown = summary.to_markdown()
    assert markdown.startswith("# Session summary\n") and "## en" in markdown and "## zh" in markdown
    assert "- [ ] [DEMO] Anna will send the budget by Friday." in markdown
    out = export_markdown(summary, tmp_path / "summary.md")
    assert out.read_text(encoding="utf-8") == markdown
    assert sorted(os.listdir(tmp_path)) == ["summary.md", "t.jsonl"]  # no temporary file left


async def test_wrong_key_is_refused(make_emulator: Callable[..., Any]) -> None:
    from interpreter.errors import AuthenticationError

    emu = make_emulator()
    transcript = Transcript((TranscriptLine(0, "Hi.", "你好。"),), "en")
    async with HttpClient(emu.base_url, api_key="sk-wrong") as client:
        with pytest.raises(AuthenticationError):
            await summarize(client, transcript)


async def test_a_summary_into_the_source_language_has_one_section(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator()
    transcript = load_transcript(write_transcript(tmp_path / "t.jsonl"))
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        summary = await summarize(client, transcript, model=SUMMARY_MODELS[0], target_language="en")
    markdown = summary.to_markdown()
    assert markdown.count("## en") == 1, markdown
    assert markdown.count("### Key points") == 1
