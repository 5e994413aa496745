"""The API key lives only in the keyring: after saving it through the dialog, testing it, previewing a voice and
running a live session with the chosen glossary (all against the real emulator, with the app's DEBUG logging and
session journal), the key appears in no file under the config, data and log folders."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from interpreter.core.catalog import load_catalog
from interpreter.core.glossary import Glossary, GlossaryEntry
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.protocol.config import SessionConfig, validate_config
from interpreter.services.live_session import LiveSession, SegmentCompleted
from interpreter.services.voice_preview import VoicePreviewer
from interpreter.store.glossaries import GlossaryStore
from interpreter.store.journal import SessionJournal
from interpreter.store.logging_setup import configure_logging, shutdown_logging
from interpreter.store.secrets import SecretStore, resolve_api_key
from interpreter.store.settings import Settings, load_settings, save_settings
from interpreter.ui.dialogs.api_key import ApiKeyDialog, ApiKeyViewModel
from interpreter.ui.dialogs.hotwords import open_hotwords_dialog
from interpreter.ui.dialogs.voices import VoicesDialog, VoicesViewModel
from tests.fakes.keyring_memory import MemoryKeyring

pytestmark = [pytest.mark.gui, pytest.mark.slow]

# Shaped like a real key (sk- + 32 hex) so every redaction path would have a chance to miss it.
SECRET = "sk-0123456789abcdef0123456789abcdef"
SPEECH = Path(__file__).resolve().parents[2] / "data" / "speech_en_16k.wav"
WAIT_MS = 45_000


class RecordingPlayer:
    def __init__(self) -> None:
        self.played: list[bytes] = []

    async def play(self, pcm: bytes, rate: int) -> None:
        await asyncio.sleep(0)
        self.played.append(pcm)


def _files_containing(folders: list[Path], needle: bytes) -> list[Path]:
    hits = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and needle in path.read_bytes():
                hits.append(path)
    return hits


def test_key_is_found_in_no_file_after_a_full_session(
    qtbot: Any,
    qloop: Any,
    make_emulator: Callable[..., Any],
    isolated_app_dirs: dict[str, str],
    memory_keyring: MemoryKeyring,
) -> None:
    emulator = make_emulator(api_keys=(SECRET,), speed=20.0)
    folders = [Path(p) for p in isolated_app_dirs.values()]
    configure_logging(logging.DEBUG)  # the app's own handler, at the chattiest level (websockets logs headers)
    try:
        # 1. Save the key and the region through the dialog, then test it (a real realtime session).
        settings = Settings(base_url=emulator.base_url)
        api = ApiKeyDialog(ApiKeyViewModel(SecretStore(), base_url=emulator.base_url))
        qtbot.addWidget(api)
        api.vm.region_saved.connect(lambda value: save_settings(dataclasses.replace(settings, region=value)))
        api.key_edit.setText(SECRET)
        with qtbot.waitSignal(api.vm.save_finished, timeout=WAIT_MS) as saved:
            api.save_button.click()
        assert saved.args[0] is True
        assert memory_keyring.entries[("live-interpreter", "dashscope-api-key:singapore")] == SECRET
        with qtbot.waitSignal(api.vm.check_finished, timeout=WAIT_MS) as checked:
            api.test_button.click()  # empty field: checks the saved key
        assert checked.args[0] == "ok"

        # 2. A glossary chosen in the hotwords dialog.
        store = GlossaryStore()
        store.save([Glossary("Keynote", [GlossaryEntry("Alibaba Cloud", "阿里云")])])
        chosen: list[Settings] = []
        hot = open_hotwords_dialog(None, settings, store=store, on_settings=chosen.append)
        qtbot.addWidget(hot)
        with qtbot.waitSignal(hot.finished):
            hot.use_button.click()
        settings = chosen[-1]
        save_settings(settings)

        # 3. A voice preview (a real audio session) with the stored key.
        key, source = resolve_api_key(None, "singapore")
        assert (key, source) == (SECRET, "keyring")
        player = RecordingPlayer()
        voices = VoicesDialog(
            VoicesViewModel(
                load_catalog(),
                model=settings.model,
                target_language="zh",
                previewer=VoicePreviewer(api_key=key, base_url=emulator.base_url, speed=math.inf),
                player=player,
            )
        )
        qtbot.addWidget(voices)
        with qtbot.waitSignal(voices.vm.preview_finished, timeout=WAIT_MS) as previewed:
            voices.preview_button.click()
        assert previewed.args[0] is True, previewed.args[1]

        # 4. A live session with the glossary as hot words, journaled like the app does.
        phrases = store.get(settings.glossary or "")
        assert phrases is not None
        config = validate_config(SessionConfig(target_language="zh", hotwords=phrases.as_phrases())).config
        journal = SessionJournal()
        session_id = journal.start_session({"model": config.model, "target_language": config.target_language})

        def on_update(update: Any) -> None:
            if isinstance(update, SegmentCompleted):
                journal.append_segment(session_id, update.segment)

        live = LiveSession(
            config,
            api_key=key,
            base_url=emulator.base_url,
            audio_source=PacedPcmSource(decode_audio(SPEECH), speed=math.inf),
            out_dir=journal.session_dir(session_id),
            on_update=on_update,
        )
        task = asyncio.ensure_future(live.run())
        qtbot.waitUntil(task.done, timeout=WAIT_MS)
        summary = task.result()
        journal.end_session(session_id)
        journal.close()
        assert summary.segments, "the emulator should have translated the speech"
        # The chosen glossary really went out as translation.corpus.phrases.
        updates = [e for e in emulator.sessions[-1].received if e.get("type") == "session.update"]
        assert updates[0]["session"]["translation"]["corpus"]["phrases"] == {"Alibaba Cloud": "阿里云"}
        assert load_settings().settings.glossary == "Keynote"
    finally:
        shutdown_logging()  # flushes and closes the log file

    log_files = list(Path(isolated_app_dirs["LIVE_INTERPRETER_LOG_DIR"]).rglob("*.log"))
    assert log_files and log_files[0].stat().st_size > 0, "the run should have logged something"
    assert (Path(isolated_app_dirs["LIVE_INTERPRETER_DATA_DIR"]) / "journal.sqlite3").exists()
    assert _files_containing(folders, SECRET.encode()) == []
    # Nor in any other encoding a careless sink might use.
    assert _files_containing(folders, SECRET.encode("utf-16-le")) == []
    assert _files_containing(folders, SECRET[3:].encode()) == []
