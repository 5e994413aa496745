"""The desktop application's context: what the composition root (``app.run_gui``) built, typed, in build order.

:class:`AppContext` holds the settings owner, the secret store, the session journal, the demo emulator, the Live
view-model and the windows, and wires the window's requests (presentation, export, UI language, dialogs) to them.
It lives beside ``app.py`` at the top of the layers (it may import every layer and ``bootstrap``) and not in
``ui``: views import no store, and this object owns store objects. Dialogs reach it through
``ui.dialog_launcher.Shell``, a protocol it satisfies.

Every settings change goes through :attr:`AppContext.settings` (``store.settings_owner.SettingsOwner``), which
saves off the Qt thread; nothing else writes the settings file.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import logging
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from interpreter.bootstrap import (
    MicrophoneBlocks,
    device_list,
    endpoint_for,
    find_api_key,
    gate_config,
    open_voice_player,
    sample_audio,
    start_demo_emulator,
    wants_demo,
)
from interpreter.core.catalog import load_catalog
from interpreter.core.glossary import Glossary
from interpreter.errors import AuthenticationError, InterpreterError, StorageError
from interpreter.services.texts import NO_KEY_IN_APP
from interpreter.store.journal import SessionJournal
from interpreter.store.secrets import SecretStore
from interpreter.store.settings import Settings, load_settings
from interpreter.store.settings_owner import SettingsOwner
from interpreter.transport.endpoints import Endpoint
from interpreter.ui.viewmodels.async_slot import async_slot
from interpreter.ui.viewmodels.environment import (
    NO_OUTPUT,
    SAMPLE_INPUT,
    AudioPlayback,
    LiveEnvironment,
    check_device_echo,
)
from interpreter.ui.viewmodels.history import HistoryViewModel
from interpreter.ui.viewmodels.hotwords import hotwords_of
from interpreter.ui.viewmodels.live_options import Choice, LiveOptions, settings_with_options
from interpreter.ui.viewmodels.visual import visual_choices, visual_spec

if TYPE_CHECKING:
    from collections.abc import AsyncIterable

    from interpreter.emulator.server import EmulatorServer
    from interpreter.media.frames import FrameSource
    from interpreter.services.endpoint_client import CurrentEndpointClient
    from interpreter.transport.http import HttpClient
    from interpreter.ui.main_window import MainWindow
    from interpreter.ui.presentation_window import PresentationWindow
    from interpreter.ui.viewmodels.documents_vm import DocumentsViewModel
    from interpreter.ui.viewmodels.files_vm import FilesViewModel
    from interpreter.ui.viewmodels.images_vm import ImagesViewModel
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel
    from interpreter.ui.viewmodels.ocr_vm import OcrViewModel
    from interpreter.ui.viewmodels.text_vm import TextViewModel
    from interpreter.ui.viewmodels.transcript_vm import TranscriptViewModel

__all__ = ["AppContext", "options_from_settings", "translate"]

_log = logging.getLogger("interpreter.app")


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``; pyside6-lupdate extracts every literal ``translate("Shell", "...")`` call."""
    return QCoreApplication.translate(context, text)


class AppContext:
    """The running application (see the module docstring).

    Args:
        app: the QApplication.
        demo: run against the embedded emulator (``--demo``); also chosen automatically when no key is found.
        self_test: the ``--self-test`` run: offscreen, the bundled sample as the microphone, no dialogs.
        t0: ``time.monotonic()`` at process start (for the self-test's timings).
        settings: the settings owner (None: load the user's settings in :meth:`main`; tests pass their own).
    """

    def __init__(
        self,
        app: QApplication,
        *,
        demo: bool,
        self_test: bool,
        t0: float,
        settings: SettingsOwner | None = None,
    ) -> None:
        self.app = app
        self.demo = demo or self_test  # the self-test never spends real money: it always runs on the emulator
        # True when demo mode was chosen for the user because no key was found (not by --demo): saving a key in
        # the API key dialog then switches to the real service.
        self.auto_demo = False
        self.self_test = self_test
        self.t0 = t0
        self._settings = settings
        self.load_notices: tuple[str, ...] = ()
        self.secrets = SecretStore()
        self._journal: SessionJournal | None = None
        self.emulator: EmulatorServer | None = None
        self._vm: LiveSessionViewModel | None = None
        self.files_vm: FilesViewModel | None = None
        self._files_http: CurrentEndpointClient | None = None
        # The Files tab's documents and Text pane, the Images and OCR tabs (built by _tab_view_models).
        self.documents_vm: DocumentsViewModel | None = None
        self.text_vm: TextViewModel | None = None
        self.images_vm: ImagesViewModel | None = None
        self.ocr_vm: OcrViewModel | None = None
        self.transcript_vm: TranscriptViewModel | None = None  # History → Translate transcript…
        self._tabs_http: HttpClient | None = None
        self.window: MainWindow | None = None
        self.presentation: PresentationWindow | None = None
        self.welcome: QWidget | None = None  # kept referenced for the app's life

    # --- the parts, typed -----------------------------------------------------------------------------------------
    @property
    def settings(self) -> SettingsOwner:
        """The one owner of the settings (every change goes through it)."""
        if self._settings is None:
            loaded = load_settings()
            self.load_notices = loaded.notices
            self._settings = SettingsOwner(loaded.settings, on_error=self._settings_not_saved)
        return self._settings

    @property
    def journal(self) -> SessionJournal:
        """The session journal (opened on first use)."""
        if self._journal is None:
            self._journal = SessionJournal()
        return self._journal

    @property
    def vm(self) -> LiveSessionViewModel:
        """The Live tab's view-model (built by :meth:`main`)."""
        if self._vm is None:
            raise RuntimeError("the Live view-model is built by AppContext.main()")
        return self._vm

    # --- the run --------------------------------------------------------------------------------------------------
    async def main(self) -> int:
        """Build everything in order, run until the window closes (or the self-test ends), shut down."""
        from interpreter.ui.i18n import install_translations
        from interpreter.ui.main_window import MainWindow
        from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

        self._install_excepthook()
        settings = self.settings.current
        install_translations(self.app, settings.ui_language)  # before any window: tr() runs in constructors
        journal = self.journal
        if wants_demo(requested=self.demo, api_key=self._api_key(), base_url=settings.base_url):
            self.auto_demo = not self.demo
            self.demo = True
            if self.auto_demo:
                _log.info("no API key found: starting in demo mode with the welcome screen")
        if self.demo:
            self.emulator = await start_demo_emulator()
        self._vm = vm = LiveSessionViewModel(load_catalog(), self.environment(), options_from_settings(settings))
        self.files_vm = self._files_view_model()
        self._tab_view_models()
        self.window = window = MainWindow(
            vm,
            demo=self.demo,
            open_dialog=self._open_dialog,
            files_vm=self.files_vm,
            documents_vm=self.documents_vm,
            text_vm=self.text_vm,
            images_vm=self.images_vm,
            ocr_vm=self.ocr_vm,
        )
        window.restore_geometry(settings.window_geometry)
        window.presentation_requested.connect(self._show_presentation)
        window.export_requested.connect(self._export_last)
        window.language_requested.connect(self._language_chosen)
        window.set_language_choice(settings.ui_language)
        window.live_tab.captions.set_font_size(settings.caption_font_size)
        closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def close() -> None:
            if not closed.done():
                closed.set_result(None)

        window.destroyed.connect(lambda *_: close())

        def closing(geometry: QByteArray) -> None:
            self.settings.change(window_geometry=bytes(geometry.data()))
            close()

        window.geometry_changed.connect(closing)
        window.show()
        window_shown_ms = (time.monotonic() - self.t0) * 1000
        vm.request_device_refresh()  # the pickers fill in when PortAudio has answered, off the Qt thread
        for notice in (*self.load_notices, *journal.notices, *vm.pricing_notices):
            window.show_notice(notice, "warning")
        if self.auto_demo and not self.self_test:
            from interpreter.ui.dialog_launcher import open_dialog

            # "Enter your key" opens the API key dialog.
            self.welcome = open_dialog("welcome", window, shell=self)
        self._offer_recovery()
        await self._offer_files_resume()
        # Everything built so far (Qt wrappers, catalogs, modules) lives as long as the app: move it out of the
        # cyclic GC's generations so a full collection late in a long session does not walk it (a stall the
        # captions would show).
        gc.freeze()
        try:
            if self.self_test:
                from interpreter.self_test import run_self_test

                return await run_self_test(vm, window_shown_ms)
            await closed
            return 0
        finally:
            await self._shutdown()

    # --- endpoint -------------------------------------------------------------------------------------------------
    def _api_key(self) -> str | None:
        return find_api_key(None, self.settings.current.region, self.secrets)

    def current_endpoint(self) -> Endpoint | None:
        """The endpoint new sessions and previews use (``bootstrap.endpoint_for``): the embedded emulator in demo
        mode, else the service with the key found (environment, keyring); None when there is no key."""
        settings = self.settings.current
        return endpoint_for(
            emulator=self.emulator if self.demo else None,
            api_key=self._api_key(),
            base_url=settings.base_url,
            region=settings.region,
        )

    def api_key_changed(self) -> None:
        """Leave the automatic demo once a real key can be found (never leaves an explicit ``--demo``)."""
        if self.auto_demo and self._api_key() is not None:
            self.demo = self.auto_demo = False
            if self.files_vm is not None:
                self.files_vm.demo = False  # its client follows the endpoint (services.endpoint_client)
            endpoint = self.current_endpoint()
            if self.images_vm is not None and endpoint is not None:
                self.images_vm.set_endpoint(*self._image_endpoint(endpoint))  # next batch: the service (or blocked)
            if self.window is not None:
                self.window.set_demo(False)
                self.window.show_notice(
                    translate("Shell", "Your key is saved: new sessions use the real service and are billed."), "info"
                )

    # --- the Live view-model's outside world ----------------------------------------------------------------------
    def environment(self) -> LiveEnvironment:
        """What the Live view-model needs from devices, endpoint and journal (``ui.viewmodels.environment``)."""

        def endpoint() -> Endpoint:
            found = self.current_endpoint()
            if found is None:
                raise AuthenticationError(NO_KEY_IN_APP())
            return found

        def open_audio_source(options: LiveOptions) -> AsyncIterable[bytes]:
            if self.self_test:
                return sample_audio()
            if options.input_device == SAMPLE_INPUT:
                return sample_audio(loop=True)  # the demo's stand-in for a microphone, said again and again
            return MicrophoneBlocks(options.input_device or None)

        def open_playback(options: LiveOptions) -> AudioPlayback | None:
            monitor: str | bool | None = (
                False if options.output_device == NO_OUTPUT else (options.output_device or None)
            )
            if self.self_test or (monitor is False and not options.second_output_device):
                return None  # the self-test counts received audio; nothing to hear offscreen
            return open_voice_player(
                monitor,
                options.second_output_device or False,
                monitor_volume=options.output_volume,
                second_volume=options.second_output_volume,
                target_ms=self.settings.current.jitter_target_ms,
            )

        def input_devices() -> list[Choice]:
            sample = Choice(SAMPLE_INPUT, translate("Shell", "Bundled speech sample"))
            if self.self_test:
                return [sample]
            # The stable id (host API + name) is what the settings remember; PortAudio indexes change.
            found = [Choice(d.device_id, d.label) for d in device_list("input")]
            # In the demo a machine without a microphone can still try the app: the bundled sample is an input.
            demo_inputs = [sample] if self.demo else []
            return [Choice("", translate("Shell", "System default")), *found, *demo_inputs]

        def output_devices() -> list[Choice]:
            default = Choice("", translate("Shell", "System default"))
            if self.self_test:
                return [default]
            return [default, *(Choice(d.device_id, d.label) for d in device_list("output"))]

        def open_image_source(options: LiveOptions) -> FrameSource | None:
            if not options.visual_source:
                return None
            from interpreter.media.frames import open_visual_source

            return open_visual_source(visual_spec(options.visual_source))

        def echo_check(options: LiveOptions) -> str | None:
            # The bundled sample is no microphone: there is no echo path to check.
            return None if options.input_device == SAMPLE_INPUT else check_device_echo(options)

        return LiveEnvironment(
            endpoint=endpoint,
            open_audio_source=open_audio_source,
            open_playback=open_playback,
            open_image_source=open_image_source,
            input_devices=input_devices,
            output_devices=output_devices,
            visual_sources=visual_choices,
            journal=self._journal,  # None until main() opened it (tests build an environment without one)
            gate_config=gate_config(self.settings.current.frame_gate),
            echo_check=None if self.self_test else echo_check,
        )

    # --- the Files tab ---------------------------------------------------------------------------------------------
    def _files_view_model(self) -> FilesViewModel | None:
        """The Files tab's view-model over a FileTranslationService whose requests go to the current endpoint (the
        embedded emulator in demo mode); None when there is no endpoint at all (the tab then stays a placeholder)."""
        from interpreter.services.endpoint_client import CurrentEndpointClient
        from interpreter.services.file_translation import FileTranslationService
        from interpreter.store.pricing import load_effective_pricing
        from interpreter.ui.dialogs.localization import current_ui_language
        from interpreter.ui.viewmodels.files_vm import FilesViewModel
        from interpreter.ui.viewmodels.files_vm import options_from_settings as files_options

        endpoint = self.current_endpoint()
        if endpoint is None:
            return None
        settings = self.settings.current
        # Follows the endpoint: after "save key" in the automatic demo, the next request goes to the service.
        self._files_http = CurrentEndpointClient(self.current_endpoint)
        pricing, _notices = load_effective_pricing()  # the Live view-model already showed the notices
        service = FileTranslationService(self._files_http, region=endpoint.region, pricing=pricing)
        catalog = load_catalog()
        return FilesViewModel(
            service,
            catalog,
            files_options(settings.files),
            demo=endpoint.demo,
            ui_language=current_ui_language(catalog),
        )

    def _tab_view_models(self) -> None:
        """The Files tab's documents queue and Text pane (Qwen-MT), the Images tab (qwen-mt-image) and the OCR tab
        (qwen-vl-ocr), on the endpoint current at start-up (the embedded emulator in demo mode; the window's demo
        banner labels their output). The app's glossary feeds Qwen-MT ``terms`` and the images' ``terminologies``.
        Nothing is built without an endpoint (the tabs then stay placeholders)."""
        from interpreter.services.ocr import OcrService
        from interpreter.services.text_jobs import TextJobQueue
        from interpreter.services.text_translation import TextTranslationService
        from interpreter.store.glossaries import GlossaryStore
        from interpreter.store.mt_checkpoints import MtCheckpointStore
        from interpreter.store.ocr_history import OcrHistory
        from interpreter.store.pricing import load_effective_pricing
        from interpreter.transport.http import HttpClient
        from interpreter.ui.viewmodels.documents_vm import DocumentsViewModel
        from interpreter.ui.viewmodels.images_vm import ImagesViewModel
        from interpreter.ui.viewmodels.ocr_vm import OcrViewModel
        from interpreter.ui.viewmodels.text_vm import TextViewModel
        from interpreter.ui.viewmodels.transcript_vm import TranscriptViewModel

        endpoint = self.current_endpoint()
        if endpoint is None:
            return
        glossaries = GlossaryStore()

        def app_glossary() -> Glossary | None:
            name = self.settings.current.glossary
            return glossaries.get(name) if name else None

        def image_terms() -> list[tuple[str, str]]:
            glossary = app_glossary()
            return [(item["src"], item["tgt"]) for item in glossary.as_terminologies()] if glossary else []

        pricing, _notices = load_effective_pricing()  # the Live view-model already showed the notices
        self._tabs_http = http = HttpClient(endpoint.base_url or endpoint.region, api_key=endpoint.api_key or None)
        text_service = TextTranslationService(
            http, checkpoints=MtCheckpointStore(), pricing=pricing, region=endpoint.region
        )
        self.documents_vm = DocumentsViewModel(TextJobQueue(text_service), glossary=app_glossary)
        self.text_vm = TextViewModel(text_service, glossaries=glossaries.load, pricing=pricing, region=endpoint.region)
        self.transcript_vm = TranscriptViewModel(text_service, self.journal)
        image_endpoint, image_key = self._image_endpoint(endpoint)
        self.images_vm = ImagesViewModel(image_endpoint, image_key, glossary_terms=image_terms)
        self.ocr_vm = OcrViewModel(
            OcrService(http, history=OcrHistory(), translator=text_service), glossaries=glossaries.load
        )

    def _image_endpoint(self, endpoint: Endpoint) -> tuple[str, str | None]:
        """qwen-mt-image is Beijing-only: a custom address (the emulator) as it is; else the Beijing key when one is
        stored; else the Singapore endpoint, which the Images tab blocks with its one sentence."""
        if endpoint.base_url or endpoint.region == "beijing":
            return endpoint.base_url or endpoint.region, endpoint.api_key or None
        try:  # a Beijing key kept beside the Singapore one (the keyring holds one key per region)
            beijing_key = self.secrets.get_api_key("beijing")
        except StorageError as exc:
            _log.warning("no Beijing key for images: %s", exc)
            beijing_key = None
        if beijing_key:
            return "beijing", beijing_key
        return endpoint.region, endpoint.api_key or None

    async def _offer_files_resume(self) -> None:
        """Load the Files queue; jobs left running at the last exit are offered for resume in the notice banner
        (after the session-recovery offer when there is one: the banner holds one message at a time)."""
        files_vm, window = self.files_vm, self.window
        if files_vm is None or window is None:
            return

        def offer(count: int) -> None:
            text = translate(
                "Shell", "File translations were interrupted when the app last stopped ({count}). Resume them?"
            ).format(count=count)

            def show() -> None:
                window.show_notice(text, "warning", action_text=translate("Shell", "Resume"), action=resume)

            if window.banner.isVisible():
                window.banner.dismissed.connect(show, Qt.ConnectionType.SingleShotConnection)
            else:
                show()

        def resume() -> None:
            window.tabs.setCurrentWidget(window.files_tab)
            files_vm.resume_interrupted()

        files_vm.resume_offered.connect(offer)
        await files_vm.restore()

    # --- windows and dialogs --------------------------------------------------------------------------------------
    def _show_presentation(self) -> None:
        from interpreter.ui.presentation_window import PresentationWindow, options_from_settings

        if self.presentation is None:
            self.presentation = PresentationWindow(
                self.vm.captions, options_from_settings(self.settings.current.presentation)
            )
        self.presentation.present()

    def _open_dialog(self, name: str) -> None:
        from interpreter.ui.dialog_launcher import open_dialog

        open_dialog(name, self.window, shell=self)

    def _language_chosen(self, language: str) -> None:
        """Remember the UI language; Qt widgets take their texts at construction, so it applies on restart."""
        if language == self.settings.current.ui_language:
            return
        self.settings.change(ui_language=language)
        if self.window is not None:
            self.window.show_notice(
                translate("Shell", "The new language applies the next time you start Live Interpreter."), "info"
            )

    def _settings_not_saved(self, error: StorageError) -> None:
        if self.window is not None:
            self.window.show_notice(error.message, "error")

    @async_slot()
    async def _export_last(self) -> None:
        from interpreter.ui.history import export_session_interactively

        session_id = self.vm.journal_session_id
        if session_id is None:
            sessions = self.journal.list_sessions()
            session_id = sessions[0].id if sessions else None
        if session_id is None:
            if self.window is not None:
                self.window.show_notice(translate("Shell", "There is no session to export yet."), "info")
            return
        await export_session_interactively(self.window, HistoryViewModel(self.journal), session_id)

    def _offer_recovery(self) -> None:
        from interpreter.ui.history import recovery_text

        unfinished = self.journal.unfinished_sessions()
        if not unfinished or self.window is None:
            return
        last = unfinished[0]

        def recover() -> None:
            self._recover(last.id)  # a task: the export runs off the Qt thread

        self.window.show_notice(
            recovery_text(last), "warning", action_text=translate("Shell", "Recover…"), action=recover
        )

    @async_slot(int)
    async def _recover(self, session_id: int) -> None:
        """The recovery offer taken: remember it, then export the interrupted session."""
        from interpreter.ui.history import export_session_interactively

        history = HistoryViewModel(self.journal)
        history.mark_recovered(session_id)
        await export_session_interactively(self.window, history, session_id)

    # --- excepthook -----------------------------------------------------------------------------------------------
    def _install_excepthook(self) -> None:
        def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            _log.error("unexpected error", exc_info=(exc_type, exc, tb))
            if self.window is not None:
                text = (
                    exc.message
                    if isinstance(exc, InterpreterError)
                    else translate(
                        "Shell", "Something went wrong inside the app; it was written to the log. You can keep working."
                    )
                )
                self.window.show_notice(text, "error")

        def loop_hook(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            exc = context.get("exception") or RuntimeError(str(context.get("message")))
            hook(type(exc), exc, None)

        sys.excepthook = hook
        asyncio.get_running_loop().set_exception_handler(loop_hook)

    # --- shutdown -------------------------------------------------------------------------------------------------
    async def _close_tabs(self) -> None:
        """Stop the documents, Text pane and OCR work and close their HTTP client (an image batch's tasks are kept
        in its task store and resumed by the Images tab, never resubmitted)."""
        if self.documents_vm is not None:
            await self.documents_vm.shutdown()
        if self.text_vm is not None:
            await self.text_vm.aclose()
        if self.ocr_vm is not None:
            await self.ocr_vm.aclose()
        if self.transcript_vm is not None:
            await self.transcript_vm.aclose()
        if self._tabs_http is not None:
            await self._tabs_http.aclose()

    async def _shutdown(self) -> None:
        if self.files_vm is not None:
            from interpreter.ui.viewmodels.files_vm import files_settings_of

            await self.files_vm.shutdown()  # a running batch stops resumable: its jobs stay "running" in the store
            self.settings.update(files_settings_of(self.settings.current, self.files_vm.options))
        if self._files_http is not None:
            await self._files_http.aclose()
        await self._close_tabs()
        if self._vm is not None:
            await self._vm.shutdown()
            changed = settings_with_options(self.settings.current, self._vm.options)
            if self.window is not None:
                changed = dataclasses.replace(changed, caption_font_size=self.window.live_tab.captions.font_size())
            self.settings.update(changed)
        try:
            await self.settings.flush()
        except StorageError as exc:
            _log.error("saving settings failed: %s", exc)
        if self.presentation is not None:
            self.presentation.close()
        if self._journal is not None:
            self._journal.close()
        if self.emulator is not None:
            await self.emulator.stop()


def options_from_settings(settings: Settings) -> LiveOptions:
    """The Live tab's options as the user left them (``live_options.settings_with_options`` is the way back)."""
    return LiveOptions(
        model=settings.model,
        source_language=settings.source_language or "",
        target_language=settings.target_language,
        audio_output=settings.audio_output,
        voice=settings.voice_for(settings.model) or "",
        glossary_name=settings.glossary or "",
        hotwords=hotwords_of(settings.glossary),
        input_device=settings.input_device or "",
        output_device=settings.monitor.device or "",
        second_output_device=(settings.audience.device or "") if settings.audience.enabled else "",
        output_volume=settings.monitor.volume,
        second_output_volume=settings.audience.volume,
        # settings.visual_source is not restored (nor saved, see live_options.settings_with_options): capturing a
        # camera or the screen always takes a fresh choice by the presenter.
    )
