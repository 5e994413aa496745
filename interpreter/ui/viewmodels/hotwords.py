"""View-model of the hotwords dialog: named glossaries, their rows, undo, CSV/TSV import and export, autosave.

Undo works on snapshots. A :class:`~interpreter.core.glossary.Glossary` is immutable (its rows are a tuple), so
the whole editing state — every glossary, which one is shown, which one is used — is a small immutable value, and
each undo step simply keeps the state before and after. That makes every operation undoable the same way
(editing a cell, importing 300 rows, deleting a whole glossary) at the cost of a few pointers per step.

Every change is saved at once through :class:`~interpreter.store.glossaries.GlossaryStore` (a small atomic JSON
write), so closing the dialog, or a crash, never loses an edit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from interpreter.core.catalog import Catalog, load_catalog
from interpreter.core.glossary import (
    EntryIssue,
    Glossary,
    GlossaryEntry,
    GlossaryFormatError,
    ImportResult,
    format_glossary_csv,
    parse_glossary_csv,
    term_key,
)
from interpreter.errors import ConfigError, InterpreterError, StorageError
from interpreter.store.atomic import atomic_write_bytes
from interpreter.store.glossaries import GlossaryStore as GlossaryStore  # re-exported for the view's factory
from interpreter.ui.dialogs.localization import QT_TRANSLATE_NOOP, sorted_languages
from interpreter.ui.messages import render

__all__ = ["COLUMNS", "GlossaryTableModel", "HotwordsViewModel"]

logger = logging.getLogger(__name__)

#: Table columns: source term, translation, and the flag explaining what is wrong with a row (English source text;
#: the header shows their translations).
COLUMNS = (
    QT_TRANSLATE_NOOP("GlossaryTableModel", "Source term"),
    QT_TRANSLATE_NOOP("GlossaryTableModel", "Translation"),
    QT_TRANSLATE_NOOP("GlossaryTableModel", "Check"),
)
SOURCE_COLUMN, TARGET_COLUMN, ISSUE_COLUMN = range(3)

_UTF8_BOM = b"\xef\xbb\xbf"
#: Undo steps kept. Each step is a few pointers (states share their glossaries), so the cap only bounds a
#: day-long editing session; 500 steps is far more than anyone undoes.
UNDO_LIMIT = 500


@dataclass(frozen=True)
class _State:
    """Everything undoable: the glossaries in order (each under a stable id, so renaming keeps identity), the one
    on screen, and the one live sessions use."""

    items: tuple[tuple[int, Glossary], ...] = ()
    current: int | None = None
    chosen: int | None = None

    def index_of(self, gid: int | None) -> int:
        return next((i for i, (item_id, _) in enumerate(self.items) if item_id == gid), -1)

    def glossary(self, gid: int | None) -> Glossary | None:
        return next((g for item_id, g in self.items if item_id == gid), None)

    def replaced(self, gid: int, glossary: Glossary) -> _State:
        return replace(self, items=tuple((i, glossary if i == gid else g) for i, g in self.items))


class _StateCommand(QUndoCommand):
    """One undo step: the state before and after. ``text`` is lower case because Qt shows it as "Undo <text>"."""

    def __init__(self, vm: HotwordsViewModel, before: _State, after: _State, text: str) -> None:
        super().__init__(text)
        self._vm = vm
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._vm._apply(self._after)

    def undo(self) -> None:
        self._vm._apply(self._before)


class HotwordsViewModel(QObject):
    """Named glossaries for the hotwords dialog.

    Signals (plain data):
        glossaries_changed(): names, order, or the glossary in use changed; read :meth:`glossaries`.
        current_changed(int): the glossary on screen changed (its row in :meth:`glossaries`, -1 for none).
        entries_changed(): the rows of the glossary on screen changed.
        message(str, bool): a sentence for the status line and whether it is an error.
        import_finished(str, list): the import summary and one "Line N: ..." sentence per problem.

    Args:
        store: where glossaries are saved.
        chosen: the name of the glossary live sessions use (from settings), or None.
        catalog: languages for the language-pair pickers.
    """

    glossaries_changed = Signal()
    current_changed = Signal(int)
    entries_changed = Signal()
    message = Signal(str, bool)
    import_finished = Signal(str, list)

    def __init__(
        self,
        store: GlossaryStore | None = None,
        *,
        chosen: str | None = None,
        catalog: Catalog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store if store is not None else GlossaryStore()  # None: the config folder's
        self.catalog = catalog or load_catalog()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._next_id = 1
        self._read_only = False
        self.load_error = ""
        try:
            loaded = self.store.load()
        except StorageError as exc:
            loaded = []
            self.load_error = render(exc.message)
            # A file from a newer app version is still on disk, untouched: never overwrite it from here.
            self._read_only = self.store.path.exists()
        items = tuple((self._new_id(), g) for g in loaded)
        state = _State(items=items, current=items[0][0] if items else None)
        chosen_key = term_key(chosen) if chosen else None
        chosen_id = next((i for i, g in items if chosen_key and term_key(g.name) == chosen_key), None)
        self._state = replace(state, chosen=chosen_id)

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    # ---- reading -------------------------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._read_only

    def glossaries(self) -> list[Glossary]:
        return [g for _, g in self._state.items]

    def names(self) -> list[str]:
        return [g.name for _, g in self._state.items]

    @property
    def current_row(self) -> int:
        """Row of the glossary on screen in :meth:`glossaries`, or -1."""
        return self._state.index_of(self._state.current)

    def current(self) -> Glossary | None:
        return self._state.glossary(self._state.current)

    @property
    def chosen_row(self) -> int:
        return self._state.index_of(self._state.chosen)

    @property
    def chosen_name(self) -> str | None:
        """Name of the glossary live sessions use, or None."""
        chosen = self._state.glossary(self._state.chosen)
        return chosen.name if chosen else None

    def entries(self) -> tuple[GlossaryEntry, ...]:
        current = self.current()
        return tuple(current.entries) if current else ()

    def issues_by_row(self) -> dict[int, EntryIssue]:
        current = self.current()
        return {issue.index: issue for issue in current.issues()} if current else {}

    def languages(self) -> list[tuple[str, str]]:
        """``(code, name)`` of every catalog language, named and sorted for the UI language (language-pair
        pickers)."""
        return sorted_languages(self.catalog, self.catalog.languages)

    def issue_message(self, issue: EntryIssue) -> str:
        """The sentence explaining ``issue`` in the UI language."""
        return render(issue.message)

    # ---- state plumbing ------------------------------------------------------------------------------------------

    def _apply(self, state: _State) -> None:
        """Show ``state`` and save it (called by undo commands, and by navigation that is not undoable)."""
        before = self._state
        self._state = state
        if [g for _, g in before.items] != [g for _, g in state.items]:
            self._save()
        names_changed = [(i, g.name) for i, g in before.items] != [(i, g.name) for i, g in state.items]
        if names_changed or before.chosen != state.chosen:
            self.glossaries_changed.emit()
        if before.current != state.current:
            self.current_changed.emit(self.current_row)
        if before.current != state.current or before.glossary(before.current) != state.glossary(state.current):
            self.entries_changed.emit()

    def _push(self, after: _State, text: str) -> bool:
        if self._read_only:
            self.message.emit(self.load_error, True)
            return False
        if after == self._state:
            return False
        self.undo_stack.push(_StateCommand(self, self._state, after, text))
        return True

    def _save(self) -> None:
        if self._read_only:
            return
        try:
            self.store.save(self.glossaries())
        except (StorageError, ConfigError) as exc:
            logger.warning("Glossaries not saved: %s", exc)
            self.message.emit(render(exc.message), True)

    def _edit_current(self, glossary: Glossary, text: str) -> bool:
        gid = self._state.current
        if gid is None:
            self.message.emit(self.tr("Create a glossary first."), True)
            return False
        return self._push(self._state.replaced(gid, glossary), text)

    # ---- glossaries ----------------------------------------------------------------------------------------------

    def select(self, row: int) -> None:
        """Show the glossary at ``row`` (navigation: not an undo step)."""
        if 0 <= row < len(self._state.items):
            self._apply(replace(self._state, current=self._state.items[row][0]))

    def _unique_name(self, base: str) -> str:
        taken = {term_key(name) for name in self.names()}
        if term_key(base) not in taken:
            return base
        number = 2
        while term_key(f"{base} {number}") in taken:
            number += 1
        return f"{base} {number}"

    def new_glossary(self, name: str | None = None) -> int:
        """Add an empty glossary with a unique name (default "New glossary", in the UI language), show it, and
        return its row."""
        gid = self._new_id()
        glossary = Glossary(self._unique_name((name or "").strip() or self.tr("New glossary")))
        after = replace(self._state, items=(*self._state.items, (gid, glossary)), current=gid)
        self._push(after, self.tr("create glossary “{name}”").format(name=glossary.name))
        return self.current_row

    def rename(self, row: int, name: str) -> str:
        """Rename the glossary at ``row``; returns an error sentence, or "" when done."""
        if not 0 <= row < len(self._state.items):
            return ""
        name = " ".join(name.split())
        gid, glossary = self._state.items[row]
        others = [g.name for i, (_, g) in enumerate(self._state.items) if i != row]
        if not name:
            error = self.tr("A glossary needs a name.")
        elif any(term_key(other) == term_key(name) for other in others):
            error = self.tr("There is already a glossary called “{name}”; choose another name.").format(name=name)
        else:
            self._push(
                self._state.replaced(gid, replace(glossary, name=name)),
                self.tr("rename to “{name}”").format(name=name),
            )
            return ""
        self.message.emit(error, True)
        self.glossaries_changed.emit()  # let the list put the old name back
        return error

    def delete_glossary(self, row: int) -> None:
        """Delete the glossary at ``row`` (undoable)."""
        if not 0 <= row < len(self._state.items):
            return
        gid, glossary = self._state.items[row]
        items = tuple(item for item in self._state.items if item[0] != gid)
        current = self._state.current
        if current == gid:
            current = items[min(row, len(items) - 1)][0] if items else None
        chosen = None if self._state.chosen == gid else self._state.chosen
        self._push(
            replace(self._state, items=items, current=current, chosen=chosen),
            self.tr("delete “{name}”").format(name=glossary.name),
        )

    def set_language_pair(self, source_lang: str | None, target_lang: str | None) -> None:
        """Tie the glossary on screen to a language pair (None = any language on that side)."""
        current = self.current()
        if current is None or (current.source_lang, current.target_lang) == (source_lang, target_lang):
            return
        self._edit_current(
            replace(current, source_lang=source_lang, target_lang=target_lang), self.tr("change languages")
        )

    def choose_current(self) -> None:
        """Use the glossary on screen for live sessions (saved in settings by the caller, not an undo step)."""
        self._apply(replace(self._state, chosen=self._state.current))

    def choose_none(self) -> None:
        """Use no glossary in live sessions."""
        self._apply(replace(self._state, chosen=None))

    # ---- rows ----------------------------------------------------------------------------------------------------

    def add_entry(self, source: str = "", target: str = "") -> int:
        """Append a row to the glossary on screen and return its index (-1 when there is no glossary)."""
        current = self.current()
        if current is None:
            self.new_glossary()
            current = self.current()
            assert current is not None
        added = current.with_entries((*current.entries, GlossaryEntry(source, target)))
        if not self._edit_current(added, self.tr("add term")):
            return -1
        return len(self.entries()) - 1

    def edit_entry(self, row: int, column: int, text: str) -> bool:
        """Change the source (column 0) or translation (column 1) of ``row``."""
        current = self.current()
        if current is None or not 0 <= row < len(current.entries) or column not in (SOURCE_COLUMN, TARGET_COLUMN):
            return False
        entry = current.entries[row]
        text = text.strip()
        new = replace(entry, source=text) if column == SOURCE_COLUMN else replace(entry, target=text)
        if new == entry:
            return False
        entries = list(current.entries)
        entries[row] = new
        return self._edit_current(current.with_entries(entries), self.tr("edit term"))

    def remove_entries(self, rows: list[int]) -> None:
        """Delete ``rows`` of the glossary on screen."""
        current = self.current()
        doomed = {r for r in rows if current is not None and 0 <= r < len(current.entries)}
        if current is None or not doomed:
            return
        kept = [e for i, e in enumerate(current.entries) if i not in doomed]
        count = len(doomed)
        text = self.tr("delete {count} term") if count == 1 else self.tr("delete {count} terms")
        self._edit_current(current.with_entries(kept), text.format(count=count))

    # ---- files ---------------------------------------------------------------------------------------------------

    def import_file(self, path: str | Path) -> ImportResult | None:
        """Append the rows of a CSV/TSV file to the glossary on screen (one undo step).

        The language pair named in the file's header is adopted when the glossary has none yet. Problems are
        reported through ``import_finished`` with their line numbers; the valid rows are imported regardless.
        """
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.message.emit(
                self.tr("Cannot read {file}; check that the file exists and is readable.").format(file=path.name), True
            )
            logger.info("Import failed: %s", exc)
            return None
        try:
            result = parse_glossary_csv(data)
        except GlossaryFormatError as exc:
            self.message.emit(render(exc.message), True)
            return None
        current = self.current()
        if current is None:
            self.new_glossary(path.stem)
            current = self.current()
            assert current is not None
        updated = current.with_entries((*current.entries, *result.entries))
        if current.source_lang is None and current.target_lang is None and (result.source_lang or result.target_lang):
            updated = replace(updated, source_lang=result.source_lang, target_lang=result.target_lang)
        self._edit_current(
            updated, self.tr("import {count} terms from {file}").format(count=len(result.entries), file=path.name)
        )
        problems = [render(problem.as_message()) for problem in result.problems]
        self.import_finished.emit(self.import_summary(result), problems)
        return result

    def import_summary(self, result: ImportResult) -> str:
        """One sentence in the UI language: how many rows came in and how many need a look (what
        ``ImportResult.summary`` says in English)."""
        imported = len(result.entries)
        skipped = sum(1 for problem in result.problems if problem.skipped)
        flagged = len(result.problems) - skipped
        # One source string per English plural form; languages without plurals translate both the same way.
        parts = [
            (self.tr("Imported {count} term") if imported == 1 else self.tr("Imported {count} terms")).format(
                count=imported
            )
        ]
        if skipped:
            parts.append(
                (
                    self.tr("skipped {count} malformed row")
                    if skipped == 1
                    else self.tr("skipped {count} malformed rows")
                ).format(count=skipped)
            )
        if flagged:
            parts.append(
                (self.tr("{count} row needs a look") if flagged == 1 else self.tr("{count} rows need a look")).format(
                    count=flagged
                )
            )
        return self.tr("{parts}.", "end of the import summary sentence").format(
            parts=self.tr(", ", "separator of the import summary parts").join(parts)
        )

    def export_file(self, path: str | Path, *, delimiter: str | None = None, bom: bool | None = None) -> bool:
        """Write the glossary on screen as CSV or TSV (atomically).

        Args:
            delimiter: default tab for ``.tsv``/``.txt`` files, else comma.
            bom: prepend a UTF-8 byte-order mark; default on for CSV, because Excel shows non-Latin text in a
                CSV correctly only with one, and off for TSV.
        """
        current = self.current()
        if current is None:
            self.message.emit(self.tr("There is no glossary to export."), True)
            return False
        path = Path(path)
        tab_file = path.suffix.lower() in (".tsv", ".txt")
        delimiter = delimiter if delimiter is not None else ("\t" if tab_file else ",")
        bom = bom if bom is not None else delimiter == ","
        data = format_glossary_csv(current, delimiter=delimiter).encode("utf-8")
        try:
            atomic_write_bytes(path, (_UTF8_BOM + data) if bom else data)
        except StorageError as exc:
            self.message.emit(render(exc.message), True)
            return False
        count = len(current.entries)
        exported = (
            self.tr("Exported {count} term to {file}.") if count == 1 else self.tr("Exported {count} terms to {file}.")
        )
        self.message.emit(exported.format(count=count, file=path.name), False)
        return True


_ISSUE_BACKGROUND = QColor("#fde7e4")  # a light red that keeps black text readable in light and dark themes


class GlossaryTableModel(QAbstractTableModel):
    """The rows of the glossary on screen, editable; edits go through the view-model (so they are undoable)."""

    def __init__(self, vm: HotwordsViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vm = vm
        self._rows: tuple[GlossaryEntry, ...] = vm.entries()
        self._issues: dict[int, str] = self._issue_messages()
        vm.entries_changed.connect(self._reload)

    def _issue_messages(self) -> dict[int, str]:
        # Worded once per change rather than per paint: a duplicate's sentence looks up the row it repeats.
        return {row: self._vm.issue_message(issue) for row, issue in self._vm.issues_by_row().items()}

    def _reload(self) -> None:
        rows, issues = self._vm.entries(), self._issue_messages()
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows, self._issues = rows, issues
            self.endResetModel()
            return
        self._rows, self._issues = rows, issues
        if rows:  # same shape: repaint in place so the selection and scroll position survive an edit
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("GlossaryTableModel", COLUMNS[section])
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # the row numbers that duplicate messages refer to
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        issue = self._issues.get(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == SOURCE_COLUMN:
                return entry.source
            if column == TARGET_COLUMN:
                return entry.target
            return issue or ""
        if role == Qt.ItemDataRole.ToolTipRole and issue is not None:
            return issue
        if role == Qt.ItemDataRole.BackgroundRole and issue is not None:
            return QBrush(_ISSUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and issue is not None:
            return QBrush(QColor("#5f2120"))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (SOURCE_COLUMN, TARGET_COLUMN):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self._vm.edit_entry(index.row(), index.column(), str(value))


def hotwords_of(glossary_name: str | None) -> dict[str, str]:
    """The phrases of the named saved glossary ({} when none or unreadable: a session never fails for that)."""
    if not glossary_name:
        return {}
    try:
        glossary = GlossaryStore().get(glossary_name)
    except InterpreterError as exc:
        logger.warning("glossary %s unreadable: %s", glossary_name, exc)
        return {}
    return dict(glossary.as_phrases()) if glossary is not None else {}
