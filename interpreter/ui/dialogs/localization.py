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

import re
from collections.abc import Callable, Iterable
from functools import cache
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
    "translate_known",
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


@cache
def _template_pattern(template: str) -> re.Pattern[str]:
    """A regex matching ``template`` with each ``{name}`` standing for any non-empty text (captured as ``name``)."""
    parts = re.split(r"\{(\w+)\}", template)
    # re.split with one group alternates literal text and placeholder names: even indexes are literals.
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)))


def translate_known(
    sentence: str,
    context: str,
    templates: Iterable[str],
    translate_value: Callable[[str, str], str] | None = None,
) -> str:
    """``sentence`` (English, produced by code outside the UI) in the UI language, when it is one of ``templates``.

    For sentences built by the Qt-free layers (core, protocol) that the UI cannot ask to translate. A template
    reads exactly like the other layer's sentence, with ``{name}`` where it inserts a value, and is marked for
    translation under ``context``. The first template that matches the whole sentence is translated and filled
    with the values found in it; a sentence that matches none (new, or reworded since) is returned unchanged, so a
    stale translation can never say something else than the code meant.

    Args:
        translate_value: turns a captured value into its UI-language form, given the placeholder's name (e.g. a
            delimiter's English name); default: values are kept as they are.
    """
    for template in templates:
        match = _template_pattern(template).fullmatch(sentence)
        if match is None:
            continue
        values = match.groupdict()
        if translate_value is not None:
            values = {name: translate_value(name, value) for name, value in values.items()}
        return QCoreApplication.translate(context, template).format(**values)
    return sentence
