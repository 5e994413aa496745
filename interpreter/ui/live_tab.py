"""LiveTab: the controls and captions of a live interpretation session.

A view: it reads choices from LiveSessionViewModel, writes the presenter's selections back through
``update_options``, and reacts to the view-model's plain-data signals. It never talks to the network or devices.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from interpreter.ui.caption_view import MAX_FONT_PT, MIN_FONT_PT, CaptionView
from interpreter.ui.dialogs.localization import current_ui_language, language_sort_key
from interpreter.ui.viewmodels.environment import NO_OUTPUT
from interpreter.ui.viewmodels.live_options import (
    Choice,
    LiveOptions,
    model_choices,
    source_choices,
    target_choices,
    voice_for,
)
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel, SessionPhase
from interpreter.ui.viewmodels.visual import PICK_FILE, file_choice
from interpreter.ui.widgets import METER_FLOOR_DBFS, LevelMeter, NoticeBanner

#: Preview thumbnail size (px): enough to recognise a slide or a face, small enough not to crowd the controls.
PREVIEW_SIZE = (160, 90)
#: Width (px) of the volume sliders beside the output pickers: compact, yet ~1 px per percent step for the mouse.
VOLUME_SLIDER_WIDTH = 90


def _fill(combo: QComboBox, choices: list[Choice], current: str) -> None:
    """Refill ``combo`` without emitting change signals; select ``current`` when present."""
    combo.blockSignals(True)
    combo.clear()
    for choice in choices:
        label = f"{choice.label} — {choice.note}" if choice.note else choice.label
        combo.addItem(label, choice.value)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


class LiveTab(QWidget):
    """Model, languages, output, voice, hotwords, devices, visual source, level meter, Start/Stop and captions."""

    voices_requested = Signal()
    """The presenter clicked "Voices…" (the main window opens the voices dialog)."""
    hotwords_requested = Signal()
    """The presenter clicked "Hotwords…" (the main window opens the hotwords dialog)."""
    presentation_requested = Signal()
    """The presenter asked for the presentation window."""

    def __init__(self, vm: LiveSessionViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveTab")
        self.vm = vm
        catalog = vm.catalog

        # --- session settings ---
        self.model_combo = QComboBox(self)
        self.source_combo = QComboBox(self)
        self.target_combo = QComboBox(self)
        self.output_combo = QComboBox(self)
        self.output_combo.addItem(self.tr("Text + voice"), True)
        self.output_combo.addItem(self.tr("Text only"), False)
        self.voice_label = QLabel(self)
        self.voice_button = QPushButton(self.tr("Voices…"), self)
        self.hotwords_label = QLabel(self)
        self.hotwords_button = QPushButton(self.tr("Hotwords…"), self)
        for combo in (self.model_combo, self.source_combo, self.target_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)  # characters: fits "Chinese (Cantonese)" style names
        _fill(self.model_combo, model_choices(catalog), vm.options.model)

        session_box = QGroupBox(self.tr("Interpretation"), self)
        form = QFormLayout(session_box)
        form.addRow(self.tr("&Model:"), self.model_combo)
        form.addRow(self.tr("&From:"), self.source_combo)
        form.addRow(self.tr("&To:"), self.target_combo)
        form.addRow(self.tr("&Output:"), self.output_combo)
        voice_row = QHBoxLayout()
        voice_row.addWidget(self.voice_label, 1)
        voice_row.addWidget(self.voice_button)
        form.addRow(self.tr("Voice:"), voice_row)
        hot_row = QHBoxLayout()
        hot_row.addWidget(self.hotwords_label, 1)
        hot_row.addWidget(self.hotwords_button)
        form.addRow(self.tr("Hotwords:"), hot_row)

        # --- devices ---
        self.input_combo = QComboBox(self)
        self.output_device_combo = QComboBox(self)
        self.second_output_combo = QComboBox(self)
        self.visual_combo = QComboBox(self)
        for combo in (self.input_combo, self.output_device_combo, self.second_output_combo, self.visual_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.level_meter = LevelMeter(self)
        self.preview = QLabel(self)
        self.preview.setObjectName("visualPreview")
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        devices_box = QGroupBox(self.tr("Devices"), self)
        devices = QFormLayout(devices_box)
        devices.addRow(self.tr("M&icrophone:"), self.input_combo)
        devices.addRow(self.tr("Level:"), self.level_meter)
        self.output_volume = self._volume_slider("outputVolume")
        self.second_output_volume = self._volume_slider("secondOutputVolume")
        # A row holding a layout gets no automatic buddy, so the label is made here to keep the Alt+V mnemonic.
        voice_to = QLabel(self.tr("&Voice to:"), self)
        voice_to.setBuddy(self.output_device_combo)
        devices.addRow(voice_to, self._with_volume(self.output_device_combo, self.output_volume))
        devices.addRow(self.tr("Also to:"), self._with_volume(self.second_output_combo, self.second_output_volume))
        devices.addRow(self.tr("&Picture:"), self.visual_combo)
        self.visual_stats_label = QLabel(self)
        self.visual_stats_label.setObjectName("visualStats")
        self.visual_stats_label.setWordWrap(True)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview)
        preview_row.addWidget(self.visual_stats_label, 1, Qt.AlignmentFlag.AlignTop)
        devices.addRow("", preview_row)

        # --- actions ---
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("startStopButton")
        self.presentation_button = QPushButton(self.tr("Presentation window"), self)
        self.presentation_button.setToolTip(self.tr("Large captions for the audience (F11 in the window: full screen)"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("sessionStatus")
        self.status_label.setWordWrap(True)
        actions = QVBoxLayout()
        actions.addWidget(self.start_button)
        actions.addWidget(self.presentation_button)
        actions.addWidget(self.status_label)
        actions.addStretch(1)

        top = QGridLayout()
        top.addWidget(session_box, 0, 0)
        top.addWidget(devices_box, 0, 1)
        top.addLayout(actions, 0, 2)
        top.setColumnStretch(0, 3)
        top.setColumnStretch(1, 3)
        top.setColumnStretch(2, 2)

        # --- notices (in place, never modal) ---
        # The echo guard has its own strip next to the device choices it is about, so connection notices in the
        # banner below cannot hide it; it stays until the devices are fixed or the presenter dismisses it.
        self.echo_notice = NoticeBanner(self)
        self.banner = NoticeBanner(self)

        # --- captions ---
        self.captions = CaptionView(vm.captions, self)
        self.font_spin = QSpinBox(self)
        self.font_spin.setRange(MIN_FONT_PT, MAX_FONT_PT)
        self.font_spin.setSuffix(" pt")
        self.font_spin.setValue(self.captions.font_size())
        self.font_spin.setToolTip(self.tr("Caption text size"))
        self.show_source_check = QCheckBox(self.tr("Show source text"), self)
        self.show_source_check.setChecked(True)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        caption_bar = QHBoxLayout()
        caption_bar.addWidget(QLabel(self.tr("Text size:"), self))
        caption_bar.addWidget(self.font_spin)
        caption_bar.addWidget(self.show_source_check)
        caption_bar.addStretch(1)
        caption_bar.addWidget(self.copy_button)
        caption_bar.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.echo_notice)
        layout.addWidget(self.banner)
        layout.addWidget(self.captions, 1)
        layout.addLayout(caption_bar)

        self._connect()
        self._refresh_devices()
        self._show_options(vm.options)
        self._show_phase(vm.phase)

    def _volume_slider(self, name: str) -> QSlider:
        """A 0–100 % slider; the tooltip (set in ``_show_volumes``) tells the level and that it applies at once."""
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setObjectName(name)
        slider.setRange(0, 100)
        slider.setPageStep(10)  # PgUp/PgDn and clicks on the groove move by a tenth
        slider.setFixedWidth(VOLUME_SLIDER_WIDTH)
        slider.setAccessibleName(self.tr("Volume"))
        return slider

    def _with_volume(self, combo: QComboBox, slider: QSlider) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(combo, 1)
        row.addWidget(slider)
        return row

    # --- wiring ---------------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        vm = self.vm
        self.model_combo.currentIndexChanged.connect(lambda: vm.update_options(model=self.model_combo.currentData()))
        self.source_combo.currentIndexChanged.connect(
            lambda: vm.update_options(source_language=self.source_combo.currentData())
        )
        self.target_combo.currentIndexChanged.connect(
            lambda: vm.update_options(target_language=self.target_combo.currentData())
        )
        self.output_combo.currentIndexChanged.connect(
            lambda: vm.update_options(audio_output=bool(self.output_combo.currentData()))
        )
        self.input_combo.currentIndexChanged.connect(
            lambda: vm.update_options(input_device=self.input_combo.currentData())
        )
        self.output_device_combo.currentIndexChanged.connect(
            lambda: vm.update_options(output_device=self.output_device_combo.currentData())
        )
        self.second_output_combo.currentIndexChanged.connect(
            lambda: vm.update_options(second_output_device=self.second_output_combo.currentData())
        )
        self.visual_combo.currentIndexChanged.connect(self._visual_picked)
        # Volumes apply while playing too (VoicePlayer.set_volume), so they go through set_volume, not update_options.
        self.output_volume.valueChanged.connect(lambda value: vm.set_volume(0, value / 100))
        self.second_output_volume.valueChanged.connect(lambda value: vm.set_volume(1, value / 100))
        self.voice_button.clicked.connect(self.voices_requested)
        self.hotwords_button.clicked.connect(self.hotwords_requested)
        self.start_button.clicked.connect(vm.toggle)
        self.presentation_button.clicked.connect(self.presentation_requested)
        self.font_spin.valueChanged.connect(self.captions.set_font_size)
        self.captions.font_size_changed.connect(self.font_spin.setValue)
        self.show_source_check.toggled.connect(self.captions.set_show_source)
        self.copy_button.clicked.connect(self.captions.copy)
        self.clear_button.clicked.connect(vm.clear_captions)
        self.captions.clear_requested.connect(vm.clear_captions)

        vm.options_changed.connect(self._show_options)
        vm.phase_changed.connect(self._show_phase)
        vm.devices_changed.connect(self._refresh_devices)
        vm.volume_changed.connect(lambda _output, _volume: self._show_volumes(vm.options))
        vm.input_level_changed.connect(self.level_meter.set_level)
        vm.preview_changed.connect(self._show_preview)
        vm.visual_stats_changed.connect(self._show_visual_stats)
        vm.notice_posted.connect(self._show_notice)
        vm.notice_cleared.connect(self.banner.hide)
        vm.echo_checked.connect(self._show_echo_warning)

    # --- slots ----------------------------------------------------------------------------------------------------
    def _show_options(self, options: LiveOptions) -> None:
        catalog = self.vm.catalog
        _fill(self.model_combo, model_choices(catalog), options.model)
        # Language names in the UI's language, in the order its users expect (pinyin for Chinese).
        ui_language = current_ui_language(catalog)
        sort_key = language_sort_key(ui_language)
        _fill(
            self.source_combo,
            source_choices(
                catalog, options.model, self.tr("Detect automatically"), ui_language=ui_language, sort_key=sort_key
            ),
            options.source_language,
        )
        _fill(
            self.target_combo,
            target_choices(catalog, options.model, self.tr("text only"), ui_language=ui_language, sort_key=sort_key),
            options.target_language,
        )
        info = catalog.model(options.model)
        speaks = info is not None and info.has_audio_output(options.target_language)
        self.output_combo.blockSignals(True)
        self.output_combo.setCurrentIndex(0 if options.audio_output and speaks else 1)
        self.output_combo.setEnabled(speaks)
        self.output_combo.setToolTip(
            "" if speaks else self.tr("The model cannot speak this language yet: captions only.")
        )
        self.output_combo.blockSignals(False)
        voice = voice_for(catalog, options)
        self.voice_label.setText(voice if options.voice else self.tr("{voice} (default)").format(voice=voice))
        self.voice_label.setEnabled(options.audio_output and speaks)
        if options.hotwords:
            name = options.glossary_name or self.tr("custom")
            self.hotwords_label.setText(self.tr("{name}: {count} terms").format(name=name, count=len(options.hotwords)))
        else:
            self.hotwords_label.setText(self.tr("none"))
        self._show_volumes(options)
        for combo, value in (
            (self.input_combo, options.input_device),
            (self.output_device_combo, options.output_device),
            (self.second_output_combo, options.second_output_device),
            (self.visual_combo, options.visual_source),
        ):
            index = combo.findData(value)
            if index >= 0 and index != combo.currentIndex():
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)

    def _show_volumes(self, options: LiveOptions) -> None:
        for slider, volume, played in (
            (self.output_volume, options.output_volume, options.output_device != NO_OUTPUT),
            (self.second_output_volume, options.second_output_volume, bool(options.second_output_device)),
        ):
            percent = round(volume * 100)
            if slider.value() != percent:
                slider.blockSignals(True)  # showing the stored value must not write it back
                slider.setValue(percent)
                slider.blockSignals(False)
            slider.setEnabled(played)  # a slider for an output that plays nothing would do nothing
            slider.setToolTip(
                self.tr("Voice volume on this output: {percent} % (applies at once)").format(percent=percent)
            )

    def _refresh_devices(self) -> None:
        options = self.vm.options
        default = [Choice("", self.tr("System default"))]  # never an empty picker, even with no device listed
        _fill(self.input_combo, self.vm.input_devices() or default, options.input_device)
        # Listed once for both pickers: listing asks the audio system for its devices, which is not free.
        outputs = self.vm.output_devices()
        _fill(
            self.output_device_combo,
            [*(outputs or default), Choice(NO_OUTPUT, self.tr("Do not play here"))],
            options.output_device,
        )
        _fill(
            self.second_output_combo,
            [Choice("", self.tr("Nowhere else")), *outputs],
            options.second_output_device,
        )
        self._fill_visual(options.visual_source)

    def _fill_visual(self, current: str) -> None:
        sources = self.vm.visual_sources()
        if current.startswith(PICK_FILE) and current != PICK_FILE:
            # The chosen file is listed by name just before "Video or image file…" (which picks another one).
            sources = [*sources[:-1], file_choice(current), *sources[-1:]] if sources else [file_choice(current)]
        _fill(self.visual_combo, [Choice("", self.tr("No picture")), *sources], current)
        self._show_visual_area()

    def _show_visual_area(self) -> None:
        # The preview only makes sense when a picture is chosen; an empty frame would look broken.
        chosen = bool(self.vm.options.visual_source)
        self.preview.setVisible(chosen)
        self.visual_stats_label.setVisible(chosen)
        if chosen and self.vm.phase in (SessionPhase.IDLE, SessionPhase.FAILED):
            self.preview.setText(self.tr("Preview\nwhile live"))
            self.visual_stats_label.setText(self.tr("Pictures are sent when they change, at most 2 per second."))

    def _visual_picked(self) -> None:
        value = self.visual_combo.currentData() or ""
        if value == PICK_FILE:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose a video or an image to show the model"),
                "",
                self.tr("Videos and images (*.mp4 *.mkv *.mov *.avi *.webm *.png *.jpg *.jpeg *.bmp *.webp)"),
            )
            if not path:  # cancelled: keep the previous choice
                self._fill_visual(self.vm.options.visual_source)
                return
            value = PICK_FILE + path
        self.vm.update_options(visual_source=value)
        self._fill_visual(value)

    def _show_visual_stats(self, frames: int, tokens: int) -> None:
        self.visual_stats_label.setText(
            self.tr("Pictures sent: {frames}\nImage tokens: {tokens}").format(frames=frames, tokens=tokens)
        )

    def _show_phase(self, phase: SessionPhase) -> None:
        live = phase in (SessionPhase.STARTING, SessionPhase.LIVE, SessionPhase.RECONNECTING)
        texts = {
            SessionPhase.IDLE: self.tr("Ready."),
            SessionPhase.STARTING: self.tr("Connecting…"),
            SessionPhase.LIVE: self.tr("Live: speak now."),
            SessionPhase.RECONNECTING: self.tr("Connection lost, reconnecting… your speech is kept and resent."),
            SessionPhase.STOPPING: self.tr("Finishing the last sentence…"),
            SessionPhase.FAILED: self.tr("Stopped after an error."),
        }
        self.status_label.setText(texts[phase])
        self.start_button.setText(self.tr("■ Stop") if live else self.tr("● Start"))
        self.start_button.setToolTip(self.tr("Start or stop interpreting (Ctrl+Enter)"))
        self.start_button.setProperty("live", live)
        self.start_button.style().unpolish(self.start_button)
        self.start_button.style().polish(self.start_button)
        self.start_button.setEnabled(phase != SessionPhase.STOPPING)
        # Settings cannot change under a running session (the service takes them at connect time).
        editable = phase in (SessionPhase.IDLE, SessionPhase.FAILED)
        for widget in (
            self.model_combo,
            self.source_combo,
            self.target_combo,
            self.output_combo,
            self.voice_button,
            self.hotwords_button,
            self.input_combo,
            self.visual_combo,
        ):
            widget.setEnabled(editable)
        if editable:
            self._show_options(self.vm.options)  # re-applies the output combo's own enabled rule
            self.level_meter.set_level(METER_FLOOR_DBFS)  # idle: the meter shows silence
        self._show_visual_area()

    def _show_preview(self, image: QImage) -> None:
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def _show_notice(self, level: str, text: str) -> None:
        self.banner.show_message(text, level)

    def _show_echo_warning(self, text: str) -> None:
        if text:
            self.echo_notice.show_message(self.tr("Echo risk: {warning}").format(warning=text), "warning")
        else:
            self.echo_notice.hide()
