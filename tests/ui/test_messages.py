"""Messages from the Qt-free layers in the Chinese UI: every declared template has a finished zh_CN translation that
keeps its placeholders, and what a user meets when something goes wrong (wrong key, wrong region, network
unreachable, rate limit, a glossary file that cannot be read, a rejected setting) reads in Chinese, rendered from the
message's id and values, through the real dialogs and the real live session against the emulator."""

from __future__ import annotations

import ast
import importlib
import math
import re
import socket
import string
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

import interpreter
from interpreter.core.catalog import load_catalog
from interpreter.core.messages import ItemList, LanguageName, registered_templates
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.services.connection_check import check_connection
from interpreter.store.glossaries import GlossaryStore
from interpreter.store.secrets import SecretStore
from interpreter.store.texts import SETTING_RESET
from interpreter.transport.endpoints import Region, region_name
from interpreter.transport.errors import map_connect_error, map_handshake_status
from interpreter.ui.dialogs.api_key import ApiKeyDialog, ApiKeyViewModel
from interpreter.ui.dialogs.hotwords import HotwordsDialog
from interpreter.ui.i18n import install_translations
from interpreter.ui.main_window import MainWindow
from interpreter.ui.messages import render, render_error
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
from interpreter.ui.viewmodels.hotwords import HotwordsViewModel
from interpreter.ui.viewmodels.live_options import LiveOptions
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel, SessionPhase

pytestmark = pytest.mark.gui

PACKAGE = Path(interpreter.__file__).parent
WAIT_MS = 20_000  # generous: other test runs share the machine's cores
BEIJING_KEY = "sk-beijing0123456789abcdef"
#: Latin words a Chinese sentence may keep: names of products, formats and units, and the values filled in.
_ALLOWED_LATIN = re.compile(r"API|DASHSCOPE_API_KEY|Model Studio|HTTP|UTF-8|CSV|token|Hz|\d+\.\d+\.\d+\.\d+:\d+")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The shipped zh_CN translation installed for one test (as the app does at start for ``ui_language``)."""
    translator = install_translations(qapp, "zh_CN")
    assert translator is not None, "the zh_CN .qm is shipped and loads"
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def _english_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{3,}", _ALLOWED_LATIN.sub("", text))


def _is_chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and _english_words(text) == []


# ---- every template has a translation ---------------------------------------------------------------------------


def _declared_in_source() -> dict[str, str]:
    """Every ``msg("id", "template")`` in the package (the emulator aside), read statically as lupdate reads it."""
    declared: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "emulator" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                args = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
                assert len(args) == 2 == len(node.args), f"{path}:{node.lineno}: msg() takes two string literals"
                message_id, template = args
                assert declared.setdefault(message_id, template) == template, f"{message_id} declared twice"
    return declared


def _fields(template: str) -> set[str]:
    return {f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(template) if name is not None}


def _shipped_translations() -> dict[tuple[str, str], tuple[str | None, str | None]]:
    ts = resources.files("interpreter.resources").joinpath("translations", "live_interpreter_zh_CN.ts")
    root = ET.fromstring(ts.read_text(encoding="utf-8"))
    found: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            key = (context.findtext("name") or "", message.findtext("source") or "")
            found[key] = (translation.text, translation.get("type"))
    return found


def test_every_message_template_has_a_finished_chinese_translation() -> None:
    declared = _declared_in_source()
    assert len(declared) > 100
    shipped = _shipped_translations()
    missing, unfinished, broken = [], [], []
    for message_id, template in sorted(declared.items()):
        if (message_id, template) not in shipped:
            missing.append(message_id)
            continue
        text, kind = shipped[(message_id, template)]
        if not text or kind is not None:
            unfinished.append(message_id)
        elif _fields(text) != _fields(template):
            broken.append(message_id)
    assert missing == [], "run interpreter/resources/translations/update.sh and translate them"
    assert unfinished == [], "translate these in live_interpreter_zh_CN.ts, then run update.sh"
    assert broken == [], "the translation must keep every {placeholder:spec} of the template"


def test_the_registry_holds_what_the_source_declares() -> None:
    for layer in ("core", "protocol", "transport", "store", "media", "services"):
        importlib.import_module(f"interpreter.{layer}.texts")
    registry = {key: value.template for key, value in registered_templates().items() if not key.startswith("test.")}
    declared = _declared_in_source()
    assert registry.items() <= declared.items()


def test_the_compiled_translation_knows_every_registered_template(qapp: QApplication, chinese: None) -> None:
    # Catches a .ts updated without recompiling the .qm the app loads.
    untranslated = [
        key
        for key, template in registered_templates().items()
        if not key.startswith("test.") and QCoreApplication.translate(key, template.template) == template.template
    ]
    assert untranslated == []


# ---- rendering -----------------------------------------------------------------------------------------------------


def test_english_rendering_is_the_lower_layers_sentence(qapp: QApplication) -> None:
    error = map_handshake_status(401, headers={}, body=b"", model="m", region_label=region_name(Region.BEIJING))
    assert render_error(error) == error.user_message == str(error.message)
    assert "The service (Beijing) rejected the API key" in render_error(error)
    assert render("plain text") == "plain text"


def test_wrong_key_and_region_name_in_chinese(qapp: QApplication, chinese: None) -> None:
    error = map_handshake_status(
        401, headers={}, body=b'{"code": "InvalidApiKey"}', model="m", region_label=region_name(Region.BEIJING)
    )
    shown = render_error(error)
    assert shown.startswith("服务（北京）拒绝了 API 密钥：请检查密钥是否正确"), shown
    assert _is_chinese(shown), shown


def test_rate_limit_in_chinese(qapp: QApplication, chinese: None) -> None:
    error = map_handshake_status(429, headers={"Retry-After": "7"}, body=b"", model="m")
    assert render_error(error) == "服务正在限制此账号的请求（每分钟的请求数或 token 数过多）。将在 7 秒后重试。"
    soon = map_handshake_status(429, headers={}, body=b"", model="m")
    assert render_error(soon).endswith("稍后将自动重试。")


def test_network_unreachable_in_chinese(qapp: QApplication, chinese: None) -> None:
    error = map_connect_error(ConnectionRefusedError(111, "refused"), model="m", host="example.test:443")
    assert render_error(error) == "无法连接位于 example.test:443 的翻译服务；请检查网络连接。"


def test_language_names_and_lists_follow_the_ui_language(qapp: QApplication, chinese: None) -> None:
    from interpreter.protocol.texts import VOICE_DOES_NOT_SPEAK

    english = load_catalog().language_name("de")
    message = VOICE_DOES_NOT_SPEAK(voice="Dylan", language=LanguageName("de", english), voices=ItemList(["A", "B"]))
    assert str(message) == "The voice Dylan does not speak German; choose one that does: A, B."
    assert render(message) == "音色 Dylan 不会说德语；请选择会说该语言的音色：A、B。"


def test_a_message_without_a_translation_shows_its_english(qapp: QApplication, chinese: None) -> None:
    from interpreter.core.messages import UserMessage

    message = UserMessage("test.untranslated", "Value {value}.", {"value": 3})
    assert render(message) == "Value 3."


class _BrokenTranslator(QTranslator):
    """A translation that names a placeholder its template does not have (what a careless edit of a .ts does)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return "坏了：{missing}" if context == "test.broken" else ""


def test_a_translation_that_does_not_fit_falls_back_to_english(qapp: QApplication) -> None:
    from interpreter.core.messages import UserMessage

    translator = _BrokenTranslator()
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("test.broken", "Value {value}.") == "坏了：{missing}", "the fake is used"
        assert render(UserMessage("test.broken", "Value {value}.", {"value": 3})) == "Value 3."
    finally:
        qapp.removeTranslator(translator)


# ---- through the real dialogs and the live session ---------------------------------------------------------------


def _api_key_dialog(qtbot: Any, **kw: Any) -> ApiKeyDialog:
    dialog = ApiKeyDialog(ApiKeyViewModel(SecretStore(), **kw))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click_and_wait(qtbot: Any, button: Any, signal: Any) -> list[Any]:
    with qtbot.waitSignal(signal, timeout=WAIT_MS) as blocker:
        button.click()
    return list(blocker.args)


def test_live_session_with_a_wrong_key_says_so_in_chinese(
    qtbot: Any, qloop: Any, chinese: None, emulator: Any, speech_wav: Path
) -> None:
    env = LiveEnvironment(
        endpoint=lambda: Endpoint("sk-wrong-key-0000000000", emulator.base_url),
        open_audio_source=lambda _o: PacedPcmSource(decode_audio(speech_wav), speed=math.inf),
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions())
    window = MainWindow(vm)
    qtbot.addWidget(window)
    with qtbot.waitSignal(vm.error_occurred, timeout=WAIT_MS) as error:
        vm.start()
    assert vm.phase == SessionPhase.FAILED
    shown = error.args[0]
    assert "拒绝了 API 密钥" in shown and _is_chinese(shown), shown
    assert window.live_tab.banner.label.text() == shown


def test_wrong_region_in_chinese(qtbot: Any, qloop: Any, chinese: None, make_emulator: Callable[..., Any]) -> None:
    singapore = make_emulator()
    beijing = make_emulator(api_keys=(BEIJING_KEY,))

    async def checker(key: str, region: Region, **kw: Any) -> Any:
        return await check_connection(key, region, other_region_base_url=beijing.base_url, **kw)

    dialog = _api_key_dialog(qtbot, base_url=singapore.base_url, checker=checker)
    dialog.key_edit.setText(BEIJING_KEY)
    reason, headline, message = _click_and_wait(qtbot, dialog.test_button, dialog.vm.check_finished)
    assert (reason, headline) == ("wrong_region", "地域不匹配")
    assert message == "此密钥属于北京（中国内地）地域；请选择该地域后重新保存。"


def test_network_unreachable_through_the_dialog_in_chinese(qtbot: Any, qloop: Any, chinese: None) -> None:
    # A loopback port nobody listens on: bound once to get a free number, then closed, so connecting is refused.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dialog = _api_key_dialog(qtbot, base_url=f"http://127.0.0.1:{port}")
    dialog.key_edit.setText("sk-any-key-0000000000")
    reason, headline, message = _click_and_wait(qtbot, dialog.test_button, dialog.vm.check_finished)
    assert (reason, headline) == ("network", "网络问题")
    assert message == f"无法连接位于 127.0.0.1:{port} 的翻译服务；请检查网络连接。"


def test_a_rejected_key_setting_in_chinese(qtbot: Any, qloop: Any, chinese: None) -> None:
    dialog = _api_key_dialog(qtbot)
    dialog.key_edit.setText("sk-abc def")
    ok, message = _click_and_wait(qtbot, dialog.save_button, dialog.vm.save_finished)
    assert (ok, message) == (False, "API 密钥中含有空格或换行；请只粘贴密钥本身。")


def test_a_glossary_file_that_is_not_utf8_in_chinese(qtbot: Any, qloop: Any, chinese: None, tmp_path: Path) -> None:
    latin1 = tmp_path / "terms.csv"
    latin1.write_bytes("Café;coffee shop\n".encode("latin-1"))  # "é" as one byte: not UTF-8
    dialog = HotwordsDialog(HotwordsViewModel(GlossaryStore()))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.vm.message, timeout=WAIT_MS) as blocker:
        dialog.import_from(latin1)
    assert blocker.args == ["此文件不是 UTF-8 文本；请在电子表格软件中将其另存为“CSV UTF-8”后重新导入。", True]


def test_a_settings_notice_on_the_window_in_chinese(qtbot: Any, chinese: None) -> None:
    env = LiveEnvironment(endpoint=lambda: Endpoint("unused"), open_audio_source=lambda _o: iter(()))  # type: ignore[arg-type,return-value]
    window = MainWindow(LiveSessionViewModel(load_catalog(), env), demo=True)
    qtbot.addWidget(window)
    window.show_notice(SETTING_RESET(name="caption_font_size"), "warning")
    assert window.banner.label.text() == "设置项“caption_font_size”的值无效，已恢复为默认值。"
