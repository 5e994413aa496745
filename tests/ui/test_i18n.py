"""The shipped Simplified Chinese translation loads and the real widgets show it; language choice rules; the
View → Language menu reports the choice; every shipped string is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from interpreter.core.catalog import load_catalog
from interpreter.ui.i18n import install_translations, language_labels, load_translator, pick_language
from interpreter.ui.main_window import MainWindow
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

pytestmark = pytest.mark.gui


def _window(qtbot: Any) -> MainWindow:
    env = LiveEnvironment(endpoint=lambda: Endpoint("unused"), open_audio_source=lambda _o: iter(()))  # type: ignore
    window = MainWindow(LiveSessionViewModel(load_catalog(), env), demo=True)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = install_translations(qapp, "zh_CN")
    assert translator is not None, "the zh_CN .qm is shipped and loads"
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def test_zh_cn_translation_shows_on_the_real_widgets(qtbot: Any, chinese: None) -> None:
    window = _window(qtbot)
    assert window.live_tab.start_button.text() == "● 开始"
    assert window.tabs.tabText(0) == "同传(&L)"
    assert window.demo_banner.text().startswith("演示模式")
    assert window.connection_label.text() == "未连接"
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_english_stays_the_source_text(qtbot: Any) -> None:
    window = _window(qtbot)
    assert window.live_tab.start_button.text() == "● Start"


def test_pick_language_follows_the_setting_then_the_system() -> None:
    english_system = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    chinese_system = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    taiwan_system = QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan)
    assert pick_language("zh_CN", english_system) == "zh_CN"
    assert pick_language("en", chinese_system) is None, "an explicit English choice wins over the system"
    assert pick_language("system", chinese_system) == "zh_CN"
    assert pick_language(None, english_system) is None
    assert pick_language(None, taiwan_system) is None, "no Traditional Chinese is shipped: English, not zh_CN"
    assert load_translator("fr") is None


def test_language_menu_reports_the_choice(qtbot: Any) -> None:
    window = _window(qtbot)
    window.set_language_choice("en")
    actions = {a.data(): a for a in window.language_actions.actions()}
    assert set(actions) >= {"en", "zh_CN"} and actions["en"].isChecked()
    assert actions["zh_CN"].text() == "简体中文", "a language is always listed under its own name"
    with qtbot.waitSignal(window.language_requested) as chosen:
        actions["zh_CN"].trigger()
    assert chosen.args == ["zh_CN"]
    assert dict(language_labels("System"))["en"] == "English"


def test_every_string_is_translated_and_keeps_its_placeholders() -> None:
    ts = resources.files("interpreter.resources").joinpath("translations", "live_interpreter_zh_CN.ts")
    root = ET.fromstring(ts.read_text(encoding="utf-8"))
    messages = list(root.iter("message"))
    assert len(messages) > 100
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None and translation.text, source
        for placeholder in ("{" + part.split("}")[0] + "}" for part in source.split("{")[1:]):
            assert placeholder in translation.text, (source, translation.text)
