"""UI translations: Qt ``.qm`` files shipped in ``interpreter/resources/translations`` (English is the source text).

``live_interpreter_zh_CN.qm`` is compiled from ``live_interpreter_zh_CN.ts`` with ``pyside6-lrelease``; see
``interpreter/resources/translations/README.md`` for the update steps.

The language comes from ``settings.ui_language``: ``"en"`` or ``"zh_CN"`` pick that language, and ``"system"`` (or
None) follows the system locale. Widgets read their texts when they are built, so a change applies on restart.
"""

from __future__ import annotations

import typing
from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

CATALOG = "live_interpreter"
#: Languages with a shipped translation (English needs none: it is the source language).
SHIPPED = ("zh_CN",)
#: How each language names itself in View → Language (never translated: a user must find their own language).
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}
SYSTEM = "system"


def pick_language(requested: str | None, system: QLocale) -> str | None:
    """The shipped translation to load: the requested one if shipped, else the system's if shipped, else None."""
    if requested in SHIPPED:
        return requested
    if requested == "en":
        return None
    name = system.name()  # e.g. "zh_CN"
    if name in SHIPPED:
        return name
    if system.language() == QLocale.Language.Chinese and system.script() != QLocale.Script.TraditionalChineseScript:
        return "zh_CN"
    return None


def language_labels(system_label: str) -> list[tuple[str, str]]:
    """(settings value, menu label) for every UI language the settings accept, in the settings' order."""
    from interpreter.core.catalog import UiLanguage

    return [
        (value, system_label if value == SYSTEM else NATIVE_NAMES.get(value, value))
        for value in typing.get_args(UiLanguage)
    ]


def load_translator(language: str, parent: QApplication | None = None) -> QTranslator | None:
    """A translator loaded with the shipped ``.qm`` for ``language`` (e.g. "zh_CN"); None when not shipped."""
    translator = QTranslator(parent)
    qm = resources.files("interpreter.resources").joinpath("translations", f"{CATALOG}_{language}.qm")
    with resources.as_file(qm) as path:
        if not translator.load(str(path)):
            return None
    return translator


def install_translations(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Load and install the translation for ``language`` (None or "system": follow the system); returns the
    installed translator, or None when English is used."""
    chosen = pick_language(language, QLocale.system())
    if chosen is None:
        return None
    translator = load_translator(chosen, app)
    if translator is not None:
        app.installTranslator(translator)
        _install_qt_base_translation(app, chosen)
    return translator


def _install_qt_base_translation(app: QApplication, language: str) -> None:
    # Qt's own strings (standard buttons, file dialogs, text-field context menus) come from qtbase_<lang>.qm,
    # shipped with PySide6; without it a Chinese UI shows English "Cancel" and "Copy" in Qt's widgets.
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
