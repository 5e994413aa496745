"""The Text pane (pytest-qt, offscreen): model trade-offs from the pricing table, languages per model, a glossary
from the saved ones visibly applied, live result, copy to the clipboard, errors in one sentence."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from interpreter.core.glossary import Glossary, GlossaryEntry
from interpreter.services.limiter import ApiLimiter
from interpreter.services.mt_engine import MtEngine
from interpreter.services.text_translation import TextTranslationService
from interpreter.transport.http import HttpClient
from interpreter.ui.text_pane import TextPane
from interpreter.ui.viewmodels.text_vm import TextViewModel

pytestmark = pytest.mark.gui

GLOSSARY = Glossary("Medical", [GlossaryEntry("biosensor", "生物传感器")], "en", "zh")


@pytest.fixture
def pane(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, make_emulator: Callable[..., Any]
) -> Iterator[tuple[TextPane, TextViewModel, Any]]:
    emu = make_emulator(speed=200.0)
    client = HttpClient(emu.base_url, api_key=emu.api_key)
    engine = MtEngine(client, limiter_factory=lambda model: ApiLimiter(max_concurrency=2))
    vm = TextViewModel(TextTranslationService(client, engine=engine), glossaries=lambda: [GLOSSARY])
    widget = TextPane(vm)
    qtbot.addWidget(widget)
    yield widget, vm, emu
    closing = asyncio.ensure_future(client.aclose())
    qtbot.waitUntil(closing.done, timeout=5_000)


def test_model_picker_shows_the_trade_off_and_each_models_languages(pane: Any) -> None:
    widget, _, _ = pane
    widget.model_combo.setCurrentIndex(widget.model_combo.findData("qwen-mt-plus"))
    assert "92 languages" in widget.tradeoff_label.text() and "2.46 in / 7.37 out" in widget.tradeoff_label.text()
    assert widget.target_combo.count() == 92
    widget.target_combo.setCurrentIndex(widget.target_combo.findData("de"))
    widget.model_combo.setCurrentIndex(widget.model_combo.findData("qwen-mt-lite"))
    assert "31 languages" in widget.tradeoff_label.text() and widget.target_combo.count() == 31
    assert widget.target_combo.currentData() == "de"  # kept when the new model knows it
    assert [widget.glossary_combo.itemText(i) for i in range(widget.glossary_combo.count())][1:] == ["Medical"]


def test_translate_with_the_glossary_then_copy(pane: Any, qtbot: Any) -> None:
    widget, vm, emu = pane
    widget.model_combo.setCurrentIndex(widget.model_combo.findData("qwen-mt-plus"))
    widget.target_combo.setCurrentIndex(widget.target_combo.findData("zh"))
    widget.glossary_combo.setCurrentIndex(widget.glossary_combo.findData("Medical"))
    widget.domain_edit.setText("A medical conference talk.")
    widget.source_edit.setPlainText("The biosensor is ready.\n\nSecond paragraph.")
    with qtbot.waitSignal(vm.translation_finished, timeout=20_000) as finished:
        qtbot.mouseClick(widget.translate_button, Qt.MouseButton.LeftButton)
    assert widget.result_edit.toPlainText() == "[zh] The 生物传感器 is ready.\n\n[zh] Second paragraph."
    assert "tokens" in finished.args[0] and "USD" in finished.args[0]
    assert widget.translate_button.isEnabled()
    qtbot.mouseClick(widget.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == widget.result_edit.toPlainText()
    assert emu.http_stats.requests == 1


def test_empty_text_and_refused_pairs_are_one_sentence(pane: Any, qtbot: Any) -> None:
    widget, vm, emu = pane
    qtbot.mouseClick(widget.translate_button, Qt.MouseButton.LeftButton)
    assert widget.status_label.text() == "There is no text to translate; paste or type some first."
    widget.source_edit.setPlainText("Hello")
    with qtbot.waitSignal(vm.translation_failed, timeout=10_000) as failed:
        vm.translate("Hello", model="qwen-mt-lite", target="cy")
    assert "qwen-mt-lite cannot translate into 'cy'" in failed.args[0]
    assert emu.http_stats.requests == 0
