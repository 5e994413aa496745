"""Show messages from the Qt-free layers in the UI language.

The lower layers make a :class:`~interpreter.core.messages.UserMessage` (id, English template, values); this module
is the one place that turns it into text for a widget: the template is translated with
``QCoreApplication.translate(message.id, message.template)`` (the ``.ts`` file holds every template under its id as
the context, extracted by ``lupdate -tr-function-alias QT_TRANSLATE_NOOP+=msg``), then filled with the values,
themselves translated when they are translatable (nested messages such as region names, language names from the
catalog, lists joined with the UI language's separator).

A plain ``str`` (a sentence no lower layer declared, or one the UI made itself with ``tr()``) is returned as it is,
so any text can be passed through :func:`render` on its way to a widget.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from interpreter.core.catalog import load_catalog
from interpreter.core.messages import ItemList, LanguageName, Param, UserMessage
from interpreter.ui.dialogs.localization import language_name

__all__ = ["render", "render_error"]

logger = logging.getLogger(__name__)


def render(text: str) -> str:
    """``text`` in the UI language: a declared message translated and filled in; any other text unchanged.

    A translation that does not fit its template (a placeholder missing from the message's values, a broken
    format spec) falls back to the English sentence and logs why: a user is better served by English than by an
    exception or a sentence with holes.
    """
    if not isinstance(text, UserMessage) or text.is_verbatim:
        return str(text)
    translated = QCoreApplication.translate(text.id, text.template)
    values = {name: _render_value(value) for name, value in text.params.items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        logger.warning("translation of message %s does not fit its values (%s); showing English", text.id, exc)
        return str(text)


def render_error(error: BaseException) -> str:
    """The user's sentence of an ``InterpreterError`` (or of any exception that carries ``message``) in the UI
    language; ``str(error)`` for anything else."""
    message = getattr(error, "message", None)
    return render(message) if isinstance(message, str) else str(error)


def _render_value(value: Param) -> Param:
    if isinstance(value, UserMessage):
        return render(value)
    if isinstance(value, LanguageName):
        name = language_name(load_catalog(), value.code)
        return name if name != value.code else str(value)  # unknown code: as the lower layer quoted it
    if isinstance(value, ItemList):
        separator = QCoreApplication.translate("Messages", ", ", "separator between the items of a list")
        return separator.join(str(_render_value(item)) for item in value.items)
    return value
