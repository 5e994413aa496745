"""The dialogs in Simplified Chinese: with the shipped zh_CN translation installed, every dialog shows Chinese texts
(titles, buttons, messages, table headers), language pickers show Chinese language names in pinyin order, and no
English sentence is left on screen; without it, the English UI is exactly as before."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTableWidget,
    QWidget,
)

from interpreter.core.catalog import load_catalog
from interpreter.core.glossary import Glossary, GlossaryEntry, parse_glossary_csv
from interpreter.core.messages import UserMessage
from interpreter.core.texts import CSV_EMPTY_SOURCE
from interpreter.errors import ConfigError
from interpreter.protocol.config import VoiceClone, validate_config
from interpreter.store.glossaries import GlossaryStore
from interpreter.store.secrets import SecretStore
from interpreter.transport.endpoints import Region
from interpreter.ui.dialogs.api_key import REGION_NOTE, ApiKeyDialog, ApiKeyViewModel
from interpreter.ui.dialogs.hotwords import HotwordsDialog
from interpreter.ui.dialogs.localization import current_ui_language, join_sentences, language_name
from interpreter.ui.dialogs.voices import VoicesDialog, VoicesViewModel
from interpreter.ui.dialogs.welcome import WelcomeDialog, WelcomeViewModel
from interpreter.ui.i18n import install_translations
from interpreter.ui.main_window import MainWindow
from interpreter.ui.messages import render
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
from interpreter.ui.viewmodels.hotwords import ISSUE_COLUMN, HotwordsViewModel
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

pytestmark = pytest.mark.gui

QWEN3 = "qwen3-livetranslate-flash-realtime"
QWEN35 = "qwen3.5-livetranslate-flash-realtime"
DATA = Path(__file__).resolve().parents[2] / "data" / "glossaries"
WAIT_MS = 20_000  # generous: other test runs share the machine's cores

#: Latin words allowed on a Chinese screen: product, model and format names, placeholders of ids and keys.
_ALLOWED_LATIN = re.compile(
    r"DASHSCOPE_API_KEY|DashScope|API|ID|qwen-mt-image|qwen-translate-vc-…|sk-…|CSV|TSV|token|Hz"
    r"|<[^>]+>",  # HTML tags of rich-text labels
)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The shipped zh_CN translation installed for one test (as the app does at start for ``ui_language``)."""
    translator = install_translations(qapp, "zh_CN")
    assert translator is not None, "the zh_CN .qm is shipped and loads"
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def _show(qtbot: Any, dialog: QWidget) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _visible_texts(root: QWidget) -> list[str]:
    """Every text a user reads on ``root`` outside data tables: window title, labels, buttons, group titles,
    placeholders, combo entries."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
    return [text for text in texts if text]


def _english_left(root: QWidget, allowed: tuple[str, ...] = ()) -> list[str]:
    """Texts on ``root`` that still contain an English word (3+ Latin letters) once allowed names are removed."""
    left = []
    for text in _visible_texts(root):
        stripped = text
        for name in sorted(allowed, key=len, reverse=True):  # longest first: "Liora Mira" before "Mira"
            stripped = stripped.replace(name, "")
        stripped = _ALLOWED_LATIN.sub("", stripped)
        if re.search(r"[A-Za-z]{3,}", stripped):
            left.append(text)
    return left


def _pinyin_sorted(names: list[str]) -> list[str]:
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return sorted(names, key=collator.sortKey)


def _combo_items(combo: QComboBox) -> list[tuple[Any, str]]:
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


# ---- the UI language --------------------------------------------------------------------------------------------


def test_ui_language_follows_the_installed_translation(qapp: QApplication) -> None:
    catalog = load_catalog()
    assert current_ui_language() == "en"
    assert language_name(catalog, "de") == "German"
    assert join_sentences(["One.", "", "Two."]) == "One. Two."
    translator = install_translations(qapp, "zh_CN")
    assert translator is not None
    try:
        assert current_ui_language(catalog) == "zh_CN"
        assert language_name(catalog, "de") == "德语"
        assert join_sentences(["第一句。", "第二句。"]) == "第一句。第二句。", "no space between Chinese sentences"
    finally:
        qapp.removeTranslator(translator)
    assert current_ui_language() == "en", "removing the translator brings English back"


# ---- welcome ----------------------------------------------------------------------------------------------------


def test_welcome_dialog_in_chinese(qtbot: Any, chinese: None) -> None:
    dialog = _show(qtbot, WelcomeDialog(WelcomeViewModel()))
    assert dialog.windowTitle() == "欢迎使用同声传译"
    assert dialog.key_button.text() == "输入密钥…"
    assert dialog.demo_button.text() == "试用演示"
    assert _english_left(dialog) == []


def test_welcome_dialog_in_english(qtbot: Any) -> None:
    dialog = _show(qtbot, WelcomeDialog(WelcomeViewModel()))
    assert dialog.windowTitle() == "Welcome to Live Interpreter"
    assert (dialog.key_button.text(), dialog.demo_button.text()) == ("Enter your key…", "Try the demo")
    assert _english_left(dialog), "the leftover-English check does see English (it is not vacuous)"


# ---- API key ----------------------------------------------------------------------------------------------------


def test_api_key_dialog_in_chinese(qtbot: Any, qloop: Any, chinese: None) -> None:
    dialog = _show(qtbot, ApiKeyDialog(ApiKeyViewModel(SecretStore())))
    assert dialog.windowTitle() == "API 密钥"
    assert dialog.test_button.text() == "测试连接"
    assert dialog.save_button.text() == "保存"
    assert dialog.close_button.text() == "关闭"
    assert dialog.region_buttons[Region.SINGAPORE].text() == "新加坡（国际）"
    assert dialog.region_buttons[Region.BEIJING].text() == "北京（中国内地）"
    assert dialog.region_note.text().startswith("API 密钥只能在创建它的地域使用")
    assert "qwen-mt-image" in dialog.region_note.text(), "the model name stays as the console spells it"
    assert dialog.status_label.text() == "尚未保存新加坡（国际）的密钥。"
    dialog.show_button.click()
    assert dialog.show_button.text() == "隐藏"
    assert _english_left(dialog) == []


def test_api_key_check_reports_in_chinese(qtbot: Any, qloop: Any, chinese: None, emulator: Any) -> None:
    dialog = _show(qtbot, ApiKeyDialog(ApiKeyViewModel(SecretStore(), base_url=emulator.base_url)))
    dialog.key_edit.setText("sk-not-a-real-key-0000000000")
    with qtbot.waitSignal(dialog.vm.check_finished, timeout=WAIT_MS) as blocker:
        dialog.test_button.click()
    reason, headline, message = blocker.args
    assert (reason, headline) == ("invalid_key", "密钥无效")
    assert message.startswith("新加坡（国际）服务拒绝了此密钥")
    assert dialog.result_label.text().startswith("<b>密钥无效。</b>")


def test_api_key_dialog_in_english_is_unchanged(qtbot: Any, qloop: Any) -> None:
    dialog = _show(qtbot, ApiKeyDialog(ApiKeyViewModel(SecretStore())))
    assert dialog.windowTitle() == "API key"
    assert (dialog.test_button.text(), dialog.save_button.text(), dialog.close_button.text()) == (
        "Test connection",
        "Save",
        "Close",
    )
    assert dialog.region_note.text() == REGION_NOTE
    assert dialog.status_label.text() == "No key is saved for Singapore (international)."


# ---- voices -----------------------------------------------------------------------------------------------------


def _voices(qtbot: Any, target: str = "en") -> VoicesDialog:
    return _show(qtbot, VoicesDialog(VoicesViewModel(load_catalog(), model=QWEN3, target_language=target)))


def _headers(table: QTableWidget | QTableView) -> list[str]:
    model = table.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def test_voices_dialog_in_chinese(qtbot: Any, qloop: Any, chinese: None) -> None:
    dialog = _voices(qtbot, target="en")
    assert dialog.windowTitle() == "音色"
    assert dialog.preview_button.text() == "试听"
    assert dialog.ok_button.text() == "确定"
    assert _headers(dialog.table) == ["音色", "描述", "语言", "说明"]
    assert dialog.only_speaking.text() == "仅显示能说英语的音色"
    assert dialog.clone_buttons[dialog.vm.voice_clone].text() == "关闭：使用上方选中的音色"

    targets = _combo_items(dialog.target_combo)
    names = [name for _code, name in targets]
    assert dict(targets)["zh"] == "中文" and dict(targets)["yue"] == "粤语"
    assert names == _pinyin_sorted(names), "Chinese users find languages in pinyin order"

    notes = {dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole): dialog.table.item(r, 3).text() for r in range(9)}
    assert notes["Cherry"] == "能说目标语言"
    assert notes["Dylan"] == "不会说英语。", "Dylan speaks only Beijing-dialect Chinese"
    assert dialog.table.item(0, 0).text() == "Cherry（默认）"
    voices = [dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(dialog.table.rowCount())]
    model_labels = [info.label for info in load_catalog().models.values()]
    # Voice descriptions and model labels are catalog data (English); everything else on screen is Chinese.
    assert _english_left(dialog, allowed=(*model_labels, *voices)) == []


def test_voices_language_column_uses_chinese_names(qtbot: Any, qloop: Any, chinese: None) -> None:
    dialog = _voices(qtbot, target="zh")
    languages = {
        dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole): dialog.table.item(r, 2).text()
        for r in range(dialog.table.rowCount())
    }
    cherry = languages["Cherry"].split("、")
    assert "英语" in cherry and "中文" in cherry, languages["Cherry"]
    assert cherry == _pinyin_sorted(cherry)
    assert languages["Dylan"] == "中文"


def test_voices_dialog_in_english_is_unchanged(qtbot: Any, qloop: Any) -> None:
    dialog = _voices(qtbot, target="en")
    assert (dialog.windowTitle(), dialog.preview_button.text(), dialog.ok_button.text()) == ("Voices", "Preview", "OK")
    assert _headers(dialog.table) == ["Voice", "Description", "Languages", "Note"]
    assert dialog.only_speaking.text() == "Only voices that speak English"
    names = [name for _code, name in _combo_items(dialog.target_combo)]
    assert "Chinese" in names and names == sorted(names), "English names, alphabetical, as before"


# ---- hotwords ---------------------------------------------------------------------------------------------------


@pytest.fixture
def glossary_store() -> GlossaryStore:
    store = GlossaryStore()
    entries = [GlossaryEntry("Qwen", "通义千问"), GlossaryEntry("qwen", "千问"), GlossaryEntry("", "空")]
    store.save([Glossary("Keynote", entries, source_lang="en", target_lang="zh")])
    return store


def test_hotwords_dialog_in_chinese(qtbot: Any, qloop: Any, chinese: None, glossary_store: GlossaryStore) -> None:
    dialog = _show(qtbot, HotwordsDialog(HotwordsViewModel(glossary_store, chosen="Keynote")))
    assert dialog.windowTitle() == "热词与术语表"
    assert dialog.use_button.text() == "用于同传会话"
    assert dialog.close_button.text() == "关闭"
    assert dialog.add_button.text() == "添加词条"
    assert _headers(dialog.table) == ["原文词条", "译文", "检查"]
    assert dialog.status_label.text() == "共 3 个词条，其中 2 个有问题（修正前不会发送）。"
    assert dialog.in_use_label.text() == "同传会话使用：<b>Keynote</b>"

    sources = _combo_items(dialog.source_combo)
    assert sources[0] == (None, "任意语言")
    names = [name for _code, name in sources[1:]]
    assert names == _pinyin_sorted(names) and dict(sources)["de"] == "德语"
    assert dialog.source_combo.currentText() == "英语" and dialog.target_combo.currentText() == "中文"

    issues = [dialog.model.index(row, ISSUE_COLUMN).data() for row in range(3)]
    assert issues == ["", "“qwen”已在第 1 行出现；仅使用该行。", "原文词条为空；此行不会使用。"]
    assert _english_left(dialog, allowed=("Keynote",)) == []


def test_hotwords_import_report_in_chinese(qtbot: Any, qloop: Any, chinese: None) -> None:
    dialog = _show(qtbot, HotwordsDialog(HotwordsViewModel(GlossaryStore())))
    with qtbot.waitSignal(dialog.vm.import_finished) as blocker:
        dialog.import_from(DATA / "conference_excel_semicolon.csv")
    summary, problems = blocker.args
    assert summary == "已导入 8 个词条，跳过 2 个格式错误的行，2 行需要检查。"
    assert problems == [
        "第 10 行：“alibaba cloud”已在第 2 行出现；已导入，但只使用第一次出现的词条。",
        "第 11 行：原文词条为空；已跳过此行。",
        "第 12 行：只有一列；应为以分号分隔的原文词条和译文；已跳过此行。",
        "第 14 行：“Tongyi”没有译文；已导入，补充译文后才会使用。",
    ]
    assert dialog.glossary_list.item(0).text() == "conference_excel_semicolon", "named after the file"
    dialog.vm.new_glossary()
    assert dialog.vm.names()[-1] == "新术语表"
    assert dialog.undo_button.text() == "撤销 创建术语表“新术语表”"


def test_import_problems_in_english_are_the_cores_sentences(qapp: QApplication) -> None:
    result = parse_glossary_csv((DATA / "conference_excel_semicolon.csv").read_bytes())
    assert [render(p.as_message()) for p in result.problems] == [str(p) for p in result.problems]
    assert {p.message.id for p in result.problems} == {
        "glossary.csv.duplicate",
        "glossary.csv.empty_source",
        "glossary.csv.one_column",
        "glossary.csv.no_translation",
    }


def test_a_sentence_without_an_id_is_shown_as_it_is(qapp: QApplication, chinese: None) -> None:
    # Nothing matches English sentences any more: only a declared message (id + values) is translated.
    assert render("the source term is empty; row skipped.") == "the source term is empty; row skipped."
    assert render(UserMessage.verbatim("row {3} is odd.")) == "row {3} is odd."
    assert render(CSV_EMPTY_SOURCE()) == "原文词条为空；已跳过此行。"


def test_hotwords_dialog_in_english_is_unchanged(qtbot: Any, qloop: Any, glossary_store: GlossaryStore) -> None:
    dialog = _show(qtbot, HotwordsDialog(HotwordsViewModel(glossary_store, chosen="Keynote")))
    assert (dialog.windowTitle(), dialog.use_button.text()) == ("Hotwords and glossaries", "Use in live sessions")
    assert _headers(dialog.table) == ["Source term", "Translation", "Check"]
    assert dialog.status_label.text() == "3 terms, 2 flagged (they are not sent until fixed)."
    sources = _combo_items(dialog.source_combo)
    assert sources[0] == (None, "Any language")
    names = [name for _code, name in sources[1:]]
    assert names == sorted(names) and dict(sources)["de"] == "German"
    assert dialog.model.index(1, ISSUE_COLUMN).data() == "“qwen” is already on row 1; only that row is used."


# ---- the Live tab's language pickers ------------------------------------------------------------------------------


def _main_window(qtbot: Any) -> MainWindow:
    env = LiveEnvironment(endpoint=lambda: Endpoint("unused"), open_audio_source=lambda _o: iter(()))  # type: ignore[arg-type]
    window = MainWindow(LiveSessionViewModel(load_catalog(), env), demo=True)
    qtbot.addWidget(window)
    return window


def test_live_tab_language_pickers_in_chinese(qtbot: Any, chinese: None) -> None:
    tab = _main_window(qtbot).live_tab
    sources = _combo_items(tab.source_combo)
    assert sources[0] == ("", "自动检测")
    source_names = [name for _code, name in sources[1:]]
    assert dict(sources)["ja"] == "日语" and source_names == _pinyin_sorted(source_names)
    targets = _combo_items(tab.target_combo)
    # Text-only targets keep their note, now in Chinese too.
    assert all(re.fullmatch(r"[\u4e00-\u9fff（）]+( — 仅文字)?", name) for _code, name in targets), targets
    assert tab.target_combo.currentText() == "英语"


def test_live_tab_language_pickers_in_english(qtbot: Any) -> None:
    tab = _main_window(qtbot).live_tab
    sources = _combo_items(tab.source_combo)
    assert sources[0] == ("", "Detect automatically") and dict(sources)["ja"] == "Japanese"
    assert tab.target_combo.currentText() == "English"


# ---- the voices dialog's validation sentences (protocol.config's rules) -------------------------------------------


def _text_only_target(model: str) -> str:
    info = load_catalog().model(model)
    assert info is not None
    return next(code for code in info.languages if not info.has_audio_output(code))


def _protocol_sentences(vm: VoicesViewModel) -> tuple[str, str]:
    """What ``protocol.config.validate_config`` itself says about the dialog's selection (error, notices)."""
    try:
        validated = validate_config(vm.selection().session_config(), vm.catalog)
    except ConfigError as exc:
        return exc.user_message, ""
    return "", " ".join(validated.notices)


_VALIDATION_CASES = {
    "clone_never_without_id": {"model": QWEN35, "target_language": "ja", "voice_clone": VoiceClone.NEVER},
    "clone_never_with_preset": {
        "model": QWEN35,
        "target_language": "ja",
        "voice_clone": VoiceClone.NEVER,
        "cloned_voice_id": "Tina",
    },
    "voice_does_not_speak_target": {"model": QWEN3, "target_language": "en", "voice": "Dylan"},
    "text_only_target": {"model": QWEN3, "target_language": _text_only_target(QWEN3)},
    "text_only_target_with_cloning": {
        "model": QWEN3,
        "target_language": _text_only_target(QWEN3),
        "voice_clone": VoiceClone.ONCE,
    },
}


@pytest.mark.parametrize("case", sorted(_VALIDATION_CASES))
def test_voices_validation_in_english_is_the_protocols_sentence(qapp: QApplication, case: str) -> None:
    vm = VoicesViewModel(load_catalog(), **_VALIDATION_CASES[case])
    error, notice = vm.validate()
    assert (error, notice) == _protocol_sentences(vm)
    assert error or notice, "every case produces a sentence"


@pytest.mark.parametrize("case", sorted(_VALIDATION_CASES))
def test_voices_validation_in_chinese(qapp: QApplication, chinese: None, case: str) -> None:
    vm = VoicesViewModel(load_catalog(), **_VALIDATION_CASES[case])
    error, notice = vm.validate()
    english_error, english_notice = _protocol_sentences(vm)
    assert bool(error) == bool(english_error) and bool(notice) == bool(english_notice), "same outcome, other words"
    shown = error or notice
    assert re.search(r"[\u4e00-\u9fff]", shown) and shown != (english_error or english_notice), shown


def test_voices_validation_sentences_read_naturally_in_chinese(qapp: QApplication, chinese: None) -> None:
    vm = VoicesViewModel(load_catalog(), **_VALIDATION_CASES["voice_does_not_speak_target"])
    error, _notice = vm.validate()
    assert error.startswith("音色 Dylan 不会说英语；请选择会说该语言的音色：") and "、" in error
    vm = VoicesViewModel(load_catalog(), **_VALIDATION_CASES["text_only_target_with_cloning"])
    _error, notice = vm.validate()
    assert notice.endswith("因此本次会话仅以文字显示译文。由于本次会话不产生译文语音，声音克隆已关闭。")
    assert (
        vm.validate()
        == VoicesViewModel(load_catalog(), **_VALIDATION_CASES["text_only_target_with_cloning"]).validate()
    )
