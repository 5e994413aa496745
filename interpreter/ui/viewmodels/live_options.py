"""What the presenter picked on the Live tab, and the catalog-derived choices offered (pure, no Qt).

Kept apart from the view-model so the rules ("targets the model supports, text-only ones marked"; "a voice must
speak the target") are testable without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from interpreter.core.catalog import DEFAULT_MODEL, SOURCE_UI_LANGUAGE, Catalog

#: Orders language names; the UI passes a collator for its language (Chinese names sort by pinyin).
SortKey = Callable[[str], Any]


#: ``LiveOptions.input_device`` value of the bundled speech sample (``interpreter/resources/samples``), offered as an
#: input in demo mode so a machine without a microphone can still try the app. Not a PortAudio device id (those
#: are "host API: name"); never saved as the microphone (the next start may not be a demo).
SAMPLE_INPUT = "sample:speech_en"


@dataclass(frozen=True)
class Choice:
    """One entry of a picker: ``value`` is stored, ``label`` is shown, ``note`` qualifies it (e.g. "text only")."""

    value: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class LiveOptions:
    """The Live tab's selections (persisted in the settings between runs).

    Attributes:
        model: realtime model name.
        source_language: language code, or "" for auto-detect.
        target_language: language code the audience reads/hears.
        audio_output: True for text + voice, False for text only.
        voice: voice name, or "" for the model's default for the target.
        hotwords: source term -> required translation (from the hotwords dialog).
        glossary_name: name of the glossary the hotwords came from ("" when none).
        input_device: microphone id ("" = system default).
        output_device: translated voice device id ("" = system default; "none" = do not play).
        second_output_device: optional second device (a virtual cable into Zoom/Teams), "" = none.
        output_volume: linear gain (0.0–1.0) of the voice on ``output_device``.
        second_output_volume: linear gain (0.0–1.0) of the voice on ``second_output_device``.
        visual_source: camera/screen id, "" = no picture sent.
    """

    model: str = DEFAULT_MODEL
    source_language: str = ""
    target_language: str = "en"
    audio_output: bool = True
    voice: str = ""
    hotwords: Mapping[str, str] = field(default_factory=dict)
    glossary_name: str = ""
    input_device: str = ""
    output_device: str = ""
    second_output_device: str = ""
    output_volume: float = 1.0
    second_output_volume: float = 1.0
    visual_source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "hotwords", MappingProxyType(dict(self.hotwords)))


def model_choices(catalog: Catalog) -> list[Choice]:
    """Every realtime model, labelled as the catalog labels it."""
    return [Choice(name, info.label) for name, info in catalog.models.items()]


def source_choices(
    catalog: Catalog,
    model: str,
    auto_label: str,
    *,
    ui_language: str = SOURCE_UI_LANGUAGE,
    sort_key: SortKey | None = None,
) -> list[Choice]:
    """Auto-detect first, then the model's languages by name (named in ``ui_language``, ordered by ``sort_key``,
    default plain string order)."""
    info = catalog.model(model)
    codes = info.languages if info else ()
    key = sort_key or _plain
    languages = sorted(
        (Choice(code, catalog.language_name(code, ui_language)) for code in codes), key=lambda c: key(c.label)
    )
    return [Choice("", auto_label), *languages]


def target_choices(
    catalog: Catalog,
    model: str,
    text_only_note: str,
    *,
    ui_language: str = SOURCE_UI_LANGUAGE,
    sort_key: SortKey | None = None,
) -> list[Choice]:
    """The model's languages by name (as in :func:`source_choices`); those it cannot speak carry
    ``text_only_note``."""
    info = catalog.model(model)
    if info is None:
        return []
    key = sort_key or _plain
    return sorted(
        (
            Choice(
                code,
                catalog.language_name(code, ui_language),
                "" if info.has_audio_output(code) else text_only_note,
            )
            for code in info.languages
        ),
        key=lambda c: key(c.label),
    )


def _plain(label: str) -> str:
    return label


def voice_for(catalog: Catalog, options: LiveOptions) -> str:
    """The voice that will actually speak: the chosen one if it speaks the target, else the model's choice."""
    info = catalog.model(options.model)
    if info is None:
        return options.voice
    chosen = info.voice(options.voice) if options.voice else None
    if chosen is not None and chosen.speaks(options.target_language):
        return chosen.name
    default = info.voice(info.default_voice)
    if default is not None and default.speaks(options.target_language):
        return default.name
    speaking = info.voices_for(options.target_language)
    return speaking[0].name if speaking else info.default_voice


def normalized(catalog: Catalog, options: LiveOptions) -> LiveOptions:
    """``options`` made consistent with the catalog: a known model, languages that model supports, a voice that
    speaks the target (or "" for the default). Used after the model changes and when loading old settings."""
    info = catalog.model(options.model) or catalog.model(DEFAULT_MODEL)
    assert info is not None, "the packaged catalog always contains the default model"
    source = options.source_language if options.source_language in info.languages else ""
    target = options.target_language if options.target_language in info.languages else info.languages[0]
    voice = options.voice
    chosen = info.voice(voice) if voice else None
    if chosen is None or not chosen.speaks(target):
        voice = ""
    return replace(options, model=info.name, source_language=source, target_language=target, voice=voice)


def settings_with_options(settings: Any, options: Any) -> Any:
    """``settings`` updated with what the Live tab shows now (saved at shutdown; the dialogs start from it)."""
    voices = dict(settings.voices)
    if options.voice:
        voices[options.model] = options.voice
    else:
        voices.pop(options.model, None)
    return replace(
        settings,
        model=options.model,
        source_language=options.source_language or None,
        target_language=options.target_language,
        audio_output=options.audio_output,
        voices=voices,
        input_device=(options.input_device or None) if options.input_device != SAMPLE_INPUT else settings.input_device,
        monitor=replace(settings.monitor, device=options.output_device or None, volume=options.output_volume),
        audience=replace(
            settings.audience,
            device=options.second_output_device or None,
            volume=options.second_output_volume,
            enabled=bool(options.second_output_device),
        ),
        # visual_source is deliberately not saved: a camera or screen must never start capturing at the next start
        # without the presenter choosing it again (privacy), and a file choice is specific to one talk. The picker
        # therefore always starts at "No picture".
    )
