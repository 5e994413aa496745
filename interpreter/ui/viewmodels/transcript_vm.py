"""TranscriptViewModel: "Translate transcript…" in the session history — a finished session's spoken source text,
translated with Qwen-MT (``TextTranslationService.translate_transcript``) into another language, written as an SRT
beside the session's export (``<folder>/session-<id>.<target>.srt``, the export's own stem; a taken name gets a free
``(n)`` variant, never an overwrite).

The service (on the app's endpoint: the emulator in demo mode) and the journal are injected. One translation at a
time, an asyncio task on the Qt thread (qasync loop); the result and failures arrive as plain-data signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from interpreter.core.mt_languages import DEFAULT_MT_MODEL, mt_model
from interpreter.errors import InterpreterError
from interpreter.services.text_translation import TextTranslationOptions, TextTranslationService
from interpreter.store.journal import SessionJournal
from interpreter.ui.messages import render_error

__all__ = ["TranscriptViewModel", "transcript_srt_path"]

_log = logging.getLogger(__name__)


def transcript_srt_path(folder: Path, session_id: int, target: str) -> Path:
    """Where the translated transcript goes: beside ``export_session``'s ``session-<id>.srt``."""
    return folder / f"session-{session_id}.{target}.srt"


class TranscriptViewModel(QObject):
    """Translate a journal session's transcript (module docstring).

    Signals:
        busy_changed(bool); translated(str): the SRT written; failed(str): one sentence for the user.
    """

    busy_changed = Signal(bool)
    translated = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        service: TextTranslationService,
        journal: SessionJournal,
        *,
        model: str = DEFAULT_MT_MODEL,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._journal = journal
        self._model = model
        self._task: asyncio.Task[None] | None = None
        self.last_path: Path | None = None

    def targets(self) -> list[tuple[str, str]]:
        """(code, English name) of the languages the transcript can be translated into."""
        return [(language.code, language.name) for language in mt_model(self._model).languages]

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def translate(self, session_id: int, target: str, folder: Path) -> None:
        """Translate session ``session_id`` into ``target`` and write the SRT into ``folder`` (ignored while busy)."""
        if self.busy:
            return
        self._task = asyncio.ensure_future(self._run(session_id, target, folder))
        self.busy_changed.emit(True)

    async def _run(self, session_id: int, target: str, folder: Path) -> None:
        options = TextTranslationOptions(target=target, model=self._model)
        try:
            done = await self._service.translate_transcript(
                session_id,
                options,
                journal=self._journal,
                srt_path=transcript_srt_path(folder, session_id, target),
            )
        except InterpreterError as error:
            self.failed.emit(render_error(error))
            return
        except Exception:  # a bug: one sentence here, the traceback in the log (the app's excepthook policy)
            _log.exception("translating transcript %s failed", session_id)
            self.failed.emit(self.tr("Something went wrong inside the app; it was written to the log."))
            return
        finally:
            self.busy_changed.emit(False)
        self.last_path = done.srt_path
        self.translated.emit(str(done.srt_path or ""))

    async def aclose(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
