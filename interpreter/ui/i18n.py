"""UI translations: Qt ``.qm`` files shipped in ``interpreter/resources/translations`` (English is the source text).

``live_interpreter_zh_CN.qm`` is compiled from ``live_interpreter_zh_CN.ts`` with ``pyside6-lrelease``; see
``interpreter/resources/translations/README.md`` for the update steps.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

CATALOG = "live_interpreter"
#: Languages with a shipped translation (English needs none: it is the source language).
SHIPPED = ("zh_CN",)


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


def install_translations(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Load and install the translation for ``language`` (None: follow the system); returns the translator."""
    chosen = pick_language(language, QLocale.system())
    if chosen is None:
        return None
    translator = QTranslator(app)
    qm = resources.files("interpreter.resources").joinpath("translations", f"{CATALOG}_{chosen}.qm")
    with resources.as_file(qm) as path:
        if not translator.load(str(path)):
            return None
    app.installTranslator(translator)
    return translator
