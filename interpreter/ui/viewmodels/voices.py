"""State of the voices dialog (``ui.dialogs.voices.VoicesDialog`` is its view): catalog rows, validation and the
async preview (``services.voice_preview``).

Voices come from the catalog (``core.catalog``) for the selected model. The validation messages are
``protocol.config.validate_config``'s, so the dialog and a live session never disagree about what is valid.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from interpreter.core.catalog import Catalog, ModelInfo
from interpreter.core.pcm import SAMPLE_WIDTH, VOICE_RATE
from interpreter.errors import ConfigError, InterpreterError
from interpreter.protocol.config import SessionConfig, VoiceClone, validate_config
from interpreter.services.voice_preview import PcmPlayer as PcmPlayer
from interpreter.services.voice_preview import VoicePreviewer as VoicePreviewer
from interpreter.services.voice_preview import media_player
from interpreter.transport.endpoints import Endpoint, Region
from interpreter.ui.dialogs.localization import (
    QT_TRANSLATE_NOOP,
    current_ui_language,
    join_sentences,
    language_sort_key,
    sorted_languages,
)
from interpreter.ui.viewmodels.async_slot import async_slot

__all__ = [
    "PcmPlayer",
    "VoicePreviewer",
    "VoiceRow",
    "VoiceSelection",
    "VoicesViewModel",
    "apply_selection",
    "preview_tools",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VoiceRow:
    """One voice as the table shows it. ``reason`` is empty when the voice can speak the target language."""

    name: str
    description: str
    languages: str
    languages_short: str
    available: bool
    reason: str
    is_default: bool


@dataclass(frozen=True)
class VoiceSelection:
    """What the dialog decided: the model, target, voice (preset name, or a cloned id for ``NEVER``, or None when
    cloning at runtime) and the cloning mode."""

    model: str
    target_language: str
    voice: str | None
    voice_clone: VoiceClone
    cloned_voice_id: str | None

    def session_config(self) -> SessionConfig:
        """The voice part of a live session's configuration (other fields at their defaults)."""
        return SessionConfig(
            model=self.model,
            target_language=self.target_language,
            voice=self.voice,
            voice_clone=self.voice_clone,
            transcribe_source=False,
        )


def apply_selection(settings: Any, selection: VoiceSelection) -> Any:
    """``store.settings.Settings`` with the selection applied (voice remembered per model)."""
    voices = dict(getattr(settings, "voices", {}) or {})
    if selection.voice_clone is VoiceClone.OFF and selection.voice:
        voices[selection.model] = selection.voice
    return dataclasses.replace(
        settings,
        model=selection.model,
        target_language=selection.target_language,
        voices=voices,
        voice_clone=selection.voice_clone.value,
        cloned_voice_id=selection.cloned_voice_id,
    )


class VoicesViewModel(QObject):
    """State of the voices dialog.

    Signals (plain data):
        rows_changed(): the voice list changed (model or target changed); read :meth:`rows`.
        selection_changed(): voice, cloning mode or cloned id changed.
        validation_changed(str, str): an error sentence (empty = valid) and a notice sentence (may be empty).
        preview_busy(bool): a preview is running.
        preview_finished(bool, str): whether a preview played, and a sentence.

    Args:
        catalog: the model/voice catalog.
        model / target_language: what the session will use.
        voice: the chosen preset voice (None = the model's default).
        voice_clone / cloned_voice_id: the cloning mode and, for ``NEVER``, the cloned voice's id.
        previewer: runs a preview session (None: "preview unavailable").
        player: plays the preview's audio (None: "preview unavailable").
    """

    rows_changed = Signal()
    selection_changed = Signal()
    validation_changed = Signal(str, str)
    preview_busy = Signal(bool)
    preview_finished = Signal(bool, str)

    def __init__(
        self,
        catalog: Catalog,
        *,
        model: str,
        target_language: str,
        voice: str | None = None,
        voice_clone: VoiceClone = VoiceClone.OFF,
        cloned_voice_id: str | None = None,
        previewer: VoicePreviewer | None = None,
        player: PcmPlayer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        if catalog.model(model) is None:
            model = next(iter(catalog.models))  # a stale setting must not make the dialog unusable
        self._model = model
        self._target = target_language
        self._voice = voice if voice and self._model_info().voice(voice) else None
        self._clone = VoiceClone(voice_clone)
        # A NEVER setting stores the id in ``voice`` on the wire; keep it in its own field here.
        self._cloned_id = cloned_voice_id or (voice if self._clone is VoiceClone.NEVER else None) or ""
        self._previewer = previewer
        self._player = player
        self._previewing = False

    # ---- reading -------------------------------------------------------------------------------------------------

    def _model_info(self) -> ModelInfo:
        info = self.catalog.model(self._model)
        assert info is not None  # guaranteed by __init__/set_model
        return info

    @property
    def model(self) -> str:
        return self._model

    @property
    def target_language(self) -> str:
        return self._target

    @property
    def voice_clone(self) -> VoiceClone:
        return self._clone

    @property
    def cloned_voice_id(self) -> str:
        return self._cloned_id

    @property
    def voice(self) -> str:
        """The preset voice highlighted in the table (the model's default when none was chosen)."""
        return self._voice or self._model_info().default_voice

    def models(self) -> list[tuple[str, str]]:
        """``(name, label)`` of every realtime model."""
        return [(m.name, m.label) for m in self.catalog.models.values()]

    def language_name(self, code: str) -> str:
        """The name of language ``code`` in the UI language."""
        return self.catalog.language_name(code, current_ui_language(self.catalog))

    def languages(self) -> list[tuple[str, str]]:
        """``(code, name)`` of the target languages of the current model, named and sorted for the UI language."""
        return sorted_languages(self.catalog, self._model_info().languages)

    def _language_list(self, codes: frozenset[str]) -> str:
        """The names of ``codes`` as one sorted, comma-separated list in the UI language."""
        key = language_sort_key(current_ui_language(self.catalog))
        names = sorted((self.language_name(code) for code in codes), key=key)
        return self.tr(", ", "separator of a list of language names").join(names)

    def rows(self) -> list[VoiceRow]:
        """The current model's voices, each marked with whether it can speak the target language and why not."""
        info = self._model_info()
        target_name = self.language_name(self._target)
        text_only = not info.has_audio_output(self._target)
        rows: list[VoiceRow] = []
        for voice in info.voices:
            if text_only:
                reason = self.tr("{language} is translated as text only on this model; no voice speaks it.").format(
                    language=target_name
                )
            elif not voice.speaks(self._target):
                reason = self.tr("Does not speak {language}.").format(language=target_name)
            else:
                reason = ""
            rows.append(
                VoiceRow(
                    name=voice.name,
                    description=voice.description,
                    languages=self._language_list(voice.languages),
                    languages_short=self._languages_short(voice.languages, info),
                    available=not reason,
                    reason=reason,
                    is_default=voice.name == info.default_voice,
                )
            )
        return rows

    def _languages_short(self, languages: frozenset[str], info: ModelInfo) -> str:
        """A column-sized summary: the names when few, "All 29 spoken languages" when the voice speaks them all."""
        # Beyond this many names the column truncates; the tooltip carries the full list.
        if len(languages) > 4 and languages == info.audio_output_languages:
            return self.tr("All {count} spoken languages").format(count=len(languages))
        return self._language_list(languages)

    def selection(self) -> VoiceSelection:
        if self._clone is VoiceClone.NEVER:
            voice: str | None = self._cloned_id.strip() or None
        elif self._clone is VoiceClone.OFF:
            voice = self.voice
        else:
            voice = None  # the session sends "default": the speaker's own voice
        return VoiceSelection(
            model=self._model,
            target_language=self._target,
            voice=voice,
            voice_clone=self._clone,
            cloned_voice_id=self._cloned_id.strip() or None,
        )

    def validate(self) -> tuple[str, str]:
        """``(error, notice)``: the protocol's sentence when the selection cannot work, and what would be adjusted
        (both in the UI language when the sentence is one this dialog knows, see :meth:`_localized`)."""
        try:
            validated = validate_config(self.selection().session_config(), self.catalog)
        except ConfigError as exc:
            return self._localized(exc.user_message), ""
        return "", join_sentences(self._localized(notice) for notice in validated.notices)

    def _localized(self, sentence: str) -> str:
        """``sentence`` from ``protocol.config.validate_config`` in the UI language.

        The protocol's English sentences are the single source of the rules. This dialog knows the ones it can
        cause, as templates that read exactly like them; a template is translated only when, filled with the
        current values, it reproduces ``sentence`` word for word. Any other sentence (or one whose wording the
        protocol has since changed) is shown as it is, so a stale translation can never say something else.
        """
        info = self._model_info()
        model = info.label.split(" (", 1)[0]  # as the protocol names a model: the label without its "(N languages)"
        code = self._target
        english_language = self.catalog.language_name(code)
        if english_language == code:
            english_language = f"'{code}'"
        speaking = [voice.name for voice in info.voices_for(code)]
        voice = (self.selection().voice or "").strip()
        default = self.catalog.voice_clone_default_voice
        list_separator = self.tr(", ", "separator of a list of language names")
        # (template, values as the protocol fills them, values as the UI language shows them)
        known: list[tuple[str, dict[str, str], dict[str, str]]] = [
            (
                QT_TRANSLATE_NOOP(
                    "VoicesViewModel",
                    "Voice cloning 'never' uses a voice you cloned earlier: enter its voice id (got nothing; preset "
                    "voices and '{default}' do not count).",
                ),
                {"default": default},
                {"default": default},
            ),
            (
                QT_TRANSLATE_NOOP(
                    "VoicesViewModel",
                    "Voice cloning 'never' uses a voice you cloned earlier: enter its voice id (got '{voice}'; preset "
                    "voices and '{default}' do not count).",
                ),
                {"voice": voice, "default": default},
                {"voice": voice, "default": default},
            ),
            (
                QT_TRANSLATE_NOOP(
                    "VoicesViewModel", "The voice {voice} does not speak {language}; choose one that does: {voices}."
                ),
                {"voice": voice, "language": english_language, "voices": ", ".join(speaking)},
                {"voice": voice, "language": self.language_name(code), "voices": list_separator.join(speaking)},
            ),
            (
                QT_TRANSLATE_NOOP("VoicesViewModel", "No voice of {model} speaks {language}; turn voice output off."),
                {"model": model, "language": english_language},
                {"model": model, "language": self.language_name(code)},
            ),
            (
                QT_TRANSLATE_NOOP(
                    "VoicesViewModel",
                    "{model} cannot speak {language}, so this session shows the translation as text only.",
                ),
                {"model": model, "language": english_language},
                {"model": model, "language": self.language_name(code)},
            ),
            (
                QT_TRANSLATE_NOOP(
                    "VoicesViewModel", "Voice cloning is off because this session produces no translated voice."
                ),
                {},
                {},
            ),
        ]
        for template, english_values, shown_values in known:
            if template.format(**english_values) == sentence:
                return QCoreApplication.translate("VoicesViewModel", template).format(**shown_values)
        return sentence

    # ---- changing ------------------------------------------------------------------------------------------------

    def _changed(self, rows: bool = False) -> None:
        if rows:
            self.rows_changed.emit()
        self.selection_changed.emit()
        self.validation_changed.emit(*self.validate())

    def refresh(self) -> None:
        """Re-announce everything (the dialog calls this once it is connected)."""
        self._changed(rows=True)

    def set_model(self, name: str) -> None:
        if name == self._model or self.catalog.model(name) is None:
            return
        self._model = name
        if self._voice and self._model_info().voice(self._voice) is None:
            self._voice = None  # e.g. Cherry has no counterpart in qwen3.5: fall back to that model's default
        if not self._model_info().supports_language(self._target):
            self._target = "en"
        self._changed(rows=True)

    def set_target_language(self, code: str) -> None:
        if code == self._target:
            return
        self._target = code
        self._changed(rows=True)

    def select_voice(self, name: str) -> None:
        if self._model_info().voice(name) is None or name == self._voice:
            return
        self._voice = name
        self._changed()

    def set_voice_clone(self, mode: VoiceClone | str) -> None:
        mode = VoiceClone(mode)
        if mode is self._clone:
            return
        self._clone = mode
        self._changed()

    def set_cloned_voice_id(self, text: str) -> None:
        if text == self._cloned_id:
            return
        self._cloned_id = text
        self._changed()

    # ---- preview -------------------------------------------------------------------------------------------------

    @property
    def preview_available(self) -> bool:
        return self._previewer is not None and self._player is not None

    def preview_unavailable_reason(self) -> str:
        if self._player is None:
            return self.tr("Preview unavailable: this build has no audio output.")
        if self._previewer is None:
            return self.tr("Preview unavailable: add an API key or start the demo to hear voices.")
        return ""

    @async_slot()
    async def preview(self) -> None:
        """Translate the built-in sentence with the selected voice and play it."""
        if self._previewing:
            return
        if self._previewer is None or self._player is None:
            self.preview_finished.emit(False, self.preview_unavailable_reason())
            return
        error, _notice = self.validate()
        if error:
            self.preview_finished.emit(False, error)
            return
        validated = validate_config(self.selection().session_config(), self.catalog)
        if not validated.config.audio_output:
            self.preview_finished.emit(
                False, self.tr("Nothing to preview: this target language has no translated voice.")
            )
            return
        self._previewing = True
        self.preview_busy.emit(True)
        try:
            audio = await self._previewer.synthesize(validated.config)
            if not audio:
                self.preview_finished.emit(False, self.tr("The service returned no voice for the preview; try again."))
                return
            await self._player.play(audio, VOICE_RATE)
        except InterpreterError as exc:
            logger.info("Voice preview failed: %s", exc)
            self.preview_finished.emit(False, exc.user_message)
            return
        finally:
            self._previewing = False
            self.preview_busy.emit(False)
        seconds = len(audio) / (SAMPLE_WIDTH * VOICE_RATE)
        self.preview_finished.emit(
            True, self.tr("Played {seconds:.1f} s of {voice}.").format(seconds=seconds, voice=validated.config.voice)
        )


def preview_tools(
    endpoint: Endpoint | None, output_device: str | None
) -> tuple[VoicePreviewer | None, PcmPlayer | None]:
    """The previewer for ``endpoint`` (None when there is no key: previews are then unavailable) and the player of
    the preview on ``output_device`` (None = the system default; None when the build has no audio output)."""
    if endpoint is None:
        return None, None
    previewer = VoicePreviewer(endpoint.api_key, endpoint.base_url, Region(endpoint.region))
    return previewer, media_player(output_device)
