"""History → "Translate transcript…": a real journal session's source text translated by the emulator's Qwen-MT
over real sockets, the SRT written beside the session's export (same folder, ``session-<id>.<target>.srt``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pysubs2
import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from interpreter.services.text_translation import TextTranslationService
from interpreter.store.journal import SessionJournal
from interpreter.transport.http import HttpClient
from interpreter.ui.history import HistoryDialog
from interpreter.ui.viewmodels.history import HistoryViewModel
from interpreter.ui.viewmodels.transcript_vm import TranscriptViewModel
from tests.ui.conftest import run_coro

pytestmark = pytest.mark.gui


def _session(journal: SessionJournal) -> int:
    session_id = journal.start_session({"model": "qwen3-livetranslate-flash-realtime", "target_language": "en"})
    journal.append_segment(session_id, {"index": 0, "start_ms": 0, "end_ms": 1500, "source": "Buenos días a todos."})
    journal.append_segment(session_id, {"index": 1, "start_ms": 2000, "end_ms": 4200, "source": "Empezamos ya."})
    journal.end_session(session_id)
    return session_id


def test_translate_transcript_writes_the_srt_beside_the_export(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    make_emulator: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    emu = make_emulator()
    journal = SessionJournal(tmp_path / "journal.sqlite3")
    client = HttpClient(emu.base_url, api_key=emu.api_key)
    try:
        session_id = _session(journal)
        history = HistoryViewModel(journal)
        transcripts = TranscriptViewModel(TextTranslationService(client), journal)
        dialog = HistoryDialog(history, None, transcripts)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.translate_button.isEnabled(), "nothing selected yet"
        dialog.list.setCurrentRow(0)
        assert dialog.translate_button.isEnabled()

        exported = run_coro(qtbot, qloop, history.export(session_id, tmp_path / "out"))
        asked: list[list[str]] = []

        def choose_language(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
            asked.append(items)
            return next(item for item in items if item.endswith("(fr)")), True

        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose_language))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(tmp_path / "out")))
        with qtbot.waitSignal(transcripts.translated, timeout=30_000) as done:
            dialog.translate_button.click()

        written = Path(done.args[0])
        assert written == tmp_path / "out" / f"session-{session_id}.fr.srt"
        assert written.parent == exported[0].parent, "beside the session's export"
        assert len(asked[0]) > 10, "every Qwen-MT target is offered"
        cues = pysubs2.load(str(written)).events
        assert [(c.start, c.end) for c in cues] == [(0, 1500), (2000, 4200)]
        assert cues[1].text == "[fr] Empezamos ya.", cues[1].text  # the emulator tags its "translation"
        assert dialog.translate_button.isEnabled(), "ready for another language"

        # A second run never overwrites the first: a free "(n)" name.
        with qtbot.waitSignal(transcripts.translated, timeout=30_000) as again:
            dialog.translate_button.click()
        assert Path(again.args[0]) != written and written.exists()
    finally:
        run_coro(qtbot, qloop, client.aclose())
        journal.close()


def test_a_session_without_speech_gets_one_sentence(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator()
    journal = SessionJournal(tmp_path / "journal.sqlite3")
    client = HttpClient(emu.base_url, api_key=emu.api_key)
    try:
        session_id = journal.start_session({"model": "qwen3-livetranslate-flash-realtime", "target_language": "en"})
        journal.end_session(session_id)
        transcripts = TranscriptViewModel(TextTranslationService(client), journal)
        with qtbot.waitSignal(transcripts.failed, timeout=10_000) as failed:
            transcripts.translate(session_id, "fr", tmp_path)
        assert failed.args[0] and "\n" not in failed.args[0]
        assert not list(tmp_path.glob("*.srt")), "nothing half-written"
    finally:
        run_coro(qtbot, qloop, client.aclose())
        journal.close()
