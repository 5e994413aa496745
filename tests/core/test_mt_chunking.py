"""Chunking for Qwen-MT: every unit maps back one to one, requests fit the input limit, mismatches are caught."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter.core.mt_chunking import (
    CONTEXT_MARKER,
    Chunk,
    ChunkBudget,
    CueCountMismatch,
    Term,
    TermIndex,
    TextUnit,
    estimate_tokens,
    join_parts,
    parse_reply,
    plan_chunks,
    split_chunk,
    split_long_text,
)
from interpreter.errors import ConfigError

_LEADING = re.compile(r"^[\W\d_]*")


def echo_reply(message: str) -> str:
    """What a well-behaved model returns: every line translated in place (here: upper-cased after its marker)."""
    out = []
    for line in message.split("\n"):
        head = _LEADING.match(line).group(0)  # type: ignore[union-attr]
        out.append(head + line[len(head) :].upper())
    return "\n".join(out)


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="⟦⟧"), min_size=1, max_size=200
).filter(lambda t: t.strip() != "")


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=60), st.integers(min_value=40, max_value=800))
def test_every_unit_comes_back_once_in_order(cues: list[str], chunk_tokens: int) -> None:
    units = [TextUnit(i, " ".join(c.split())) for i, c in enumerate(cues)]
    budget = ChunkBudget(chunk_tokens=chunk_tokens)
    chunks = plan_chunks(units, budget=budget)
    planned = [unit for chunk in chunks for unit in chunk.units]
    assert sorted({u.index for u in planned}) == list(range(len(units)))
    translations: dict[str, str] = {}
    for chunk in chunks:
        assert chunk.input_tokens(budget) <= budget.max_input_tokens
        reply = parse_reply(chunk, echo_reply(chunk.message()))
        assert list(reply) == list(chunk.keys)
        translations.update(reply)
    joined = join_parts(planned, translations, separator="")
    assert len(joined) == len(units)


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=2, max_size=30), st.data())
def test_a_dropped_marker_is_never_accepted_and_splitting_ends(cues: list[str], data: st.DataObject) -> None:
    units = tuple(TextUnit(i, " ".join(c.split())) for i, c in enumerate(cues))
    chunk = Chunk(units)
    reply_lines = echo_reply(chunk.message()).split("\n")
    marked = [i for i, line in enumerate(reply_lines) if line.startswith("⟦")]
    drop = data.draw(st.sampled_from(marked[1:]))
    reply_lines[drop] = reply_lines[drop].split(" ", 1)[-1]  # the marker is gone: two cues merged
    with pytest.raises(CueCountMismatch):
        parse_reply(chunk, "\n".join(reply_lines))
    # Splitting halves down to single units always ends, and a single unit takes its whole answer.
    pending = [chunk]
    seen = 0
    while pending:
        current = pending.pop()
        if len(current.units) == 1:
            assert list(parse_reply(current, "anything ⟦9⟧ at all")) == [current.units[0].key]
            seen += 1
            continue
        pending.extend(split_chunk(current))
    assert seen == len(units)


def test_context_lines_are_sent_but_never_kept() -> None:
    units = [TextUnit(i, f"Line number {i} of the talk.") for i in range(40)]
    chunks = plan_chunks(units, budget=ChunkBudget(chunk_tokens=60, context_lines=2))
    assert len(chunks) > 2
    second = chunks[1]
    assert second.context == (
        f"Line number {chunks[0].units[-2].index} of the talk.",
        f"Line number {chunks[0].units[-1].index} of the talk.",
    )
    message = second.message()
    assert message.startswith(f"{CONTEXT_MARKER} Line number")
    reply = parse_reply(second, echo_reply(message))
    assert list(reply) == list(second.keys)
    assert all("TALK" in text for text in reply.values())


def test_terms_travel_only_with_the_chunk_that_contains_them() -> None:
    units = [TextUnit(0, "The biosensor is small."), TextUnit(1, "Nothing here."), TextUnit(2, "Ask the Cloud team.")]
    budget = ChunkBudget(chunk_tokens=10)
    index = TermIndex([Term("biosensor", "生物传感器"), Term("cloud", "云"), Term("unused", "x")], budget)
    chunks = plan_chunks(units, terms=index, budget=budget)
    by_unit = {chunk.units[0].index: {t.source for t in chunk.terms} for chunk in chunks}
    assert by_unit[0] == {"biosensor"}
    assert by_unit[1] == set()
    assert by_unit[2] == {"cloud"}


def test_a_glossary_term_longer_than_the_budget_is_refused_in_one_sentence() -> None:
    huge = "word " * 9000
    with pytest.raises(ConfigError) as caught:
        TermIndex([Term(huge, "x")], ChunkBudget())
    message = caught.value.user_message
    assert message.endswith(".") and ". " not in message  # one sentence
    assert "glossary term" in message and "8,192" in message


def test_a_paragraph_larger_than_a_chunk_is_cut_into_parts_and_joined_back() -> None:
    paragraph = " ".join(f"Sentence {n} is here." for n in range(600))
    pieces = split_long_text(paragraph, 200)
    assert "".join(pieces) == paragraph
    assert all(estimate_tokens(p) <= 200 for p in pieces)
    chunks = plan_chunks([TextUnit(0, paragraph), TextUnit(1, "Short.")], budget=ChunkBudget(chunk_tokens=300))
    units = [u for c in chunks for u in c.units]
    assert {u.index for u in units} == {0, 1} and sum(1 for u in units if u.index == 0) > 1
    translations = {u.key: u.text.strip() for u in units}
    joined = join_parts(units, translations)
    assert joined[0].split() == paragraph.split()


def test_three_hundred_thousand_lines_are_planned_within_the_limit() -> None:
    units = [TextUnit(i, f"This is line {i} of a very long book.") for i in range(300_000)]
    budget = ChunkBudget()
    chunks = plan_chunks(units, budget=budget)
    assert sum(len(c.units) for c in chunks) == 300_000
    assert max(c.input_tokens(budget) for c in chunks) <= budget.max_input_tokens
    assert len(chunks) < 300_000 // 50  # lines are grouped, not sent one by one


def test_token_estimate_errs_high_for_cjk_and_latin() -> None:
    assert estimate_tokens("这是一个测试") == 6
    assert estimate_tokens("hello world!") >= 3
    assert estimate_tokens("") == 0
