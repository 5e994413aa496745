"""What the dialogs need beyond ``tr()`` to look native in the UI language: language names, their order, and how
sentences are joined.

The catalog holds the language names (``Catalog.language_name(code, ui_language)``); this module answers the
questions the widgets have: which UI language is showing, in which order a user expects the names, and whether
sentences are separated by a space.

Which UI language is showing is read from the installed Qt translation itself: the ``.ts`` translates the marker
string "en" (context ``UiLanguage``) into its own language code. So whoever installs a translator (the app at start,
a test fixture), the pickers follow it, and without one the answer is English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCollator, QCoreApplication, QLocale

from interpreter.core.catalog import SOURCE_UI_LANGUAGE, Catalog

__all__ = [
    "QT_TRANSLATE_NOOP",
    "SortKey",
    "current_ui_language",
    "join_sentences",
    "language_name",
    "language_sort_key",
    "sorted_languages",
]

#: UI languages whose script puts no space between sentences (a full-width "。" ends them).
_NO_SPACE_LANGUAGES = ("zh", "ja")

#: A sort key for names in one language (a Qt collation key, comparable with ``<``).
SortKey = Callable[[str], Any]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation under ``context`` and return it unchanged; translate it where it is shown
    with ``QCoreApplication.translate(context, text)``.

    For module-level tables (headlines, column titles) built before any translator is installed. The same as
    PySide6's own marker, which is typed as returning ``object``.
    """
    return text


def current_ui_language(catalog: Catalog | None = None) -> str:
    """The UI language of the installed translation ("zh_CN"), or "en" when none is installed.

    Args:
        catalog: when given, a translation whose language has no names in it counts as English, so the caller can
            pass the result straight to ``catalog.language_name``.
    """
    code = QCoreApplication.translate(
        "UiLanguage",
        "en",
        "The language code of this translation (e.g. zh_CN): language pickers use it to show localized names.",
    )
    if not code or (catalog is not None and code not in catalog.ui_languages()):
        return SOURCE_UI_LANGUAGE
    return code


def language_sort_key(ui_language: str | None = None) -> SortKey:
    """A sort key for language names in ``ui_language`` (default: the current one).

    Chinese names sort by pinyin, as Chinese users expect a list ordered (阿拉伯语, 波兰语, 德语 …); a plain
    ``sorted`` would order them by code point, which reads as random. ICU (bundled with Qt) does the collation.
    """
    language = ui_language or current_ui_language()
    collator = QCollator(QLocale(language.replace("_", "-")))
    return collator.sortKey


def language_name(catalog: Catalog, code: str) -> str:
    """The name of ``code`` in the current UI language."""
    return catalog.language_name(code, current_ui_language(catalog))


def sorted_languages(catalog: Catalog, codes: Iterable[str]) -> list[tuple[str, str]]:
    """``(code, name)`` for ``codes``, named and ordered for the current UI language."""
    ui_language = current_ui_language(catalog)
    key = language_sort_key(ui_language)
    named = [(code, catalog.language_name(code, ui_language)) for code in codes]
    return sorted(named, key=lambda pair: key(pair[1]))


def join_sentences(sentences: Iterable[str]) -> str:
    """Translated sentences as one paragraph: space-separated, except in Chinese and Japanese, where a space after
    "。" looks like a typo."""
    separator = "" if current_ui_language().split("_")[0] in _NO_SPACE_LANGUAGES else " "
    return separator.join(sentence for sentence in sentences if sentence)
