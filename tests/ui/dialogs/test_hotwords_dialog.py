"""Hotwords dialog with real widgets: named glossaries, editing through the table, flags, search, sort, undo,
autosave, and CSV/TSV import/export round trips with messy real-world files."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from interpreter.core.glossary import Glossary, GlossaryEntry, parse_glossary_csv
from interpreter.store.glossaries import GlossaryStore
from interpreter.store.settings import Settings
from interpreter.ui.dialogs.hotwords import HotwordsDialog, open_hotwords_dialog
from interpreter.ui.viewmodels.hotwords import ISSUE_COLUMN, SOURCE_COLUMN, TARGET_COLUMN, HotwordsViewModel

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[2] / "data" / "glossaries"

KEYNOTE = Glossary("Keynote", [GlossaryEntry("Alibaba Cloud", "阿里云"), GlossaryEntry("Qwen", "通义千问")])
CLIENT = Glossary("ACME", [GlossaryEntry("widget", "Bauteil")], source_lang="en", target_lang="de")


def _dialog(qtbot: Any, store: GlossaryStore | None = None, chosen: str | None = None) -> HotwordsDialog:
    dialog = HotwordsDialog(HotwordsViewModel(store or GlossaryStore(), chosen=chosen))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _cell(dialog: HotwordsDialog, row: int, column: int) -> str:
    """What the table shows at view ``row``/``column`` (after sorting and filtering)."""
    return str(dialog.table.model().index(row, column).data())


def _column(dialog: HotwordsDialog, column: int) -> list[str]:
    return [_cell(dialog, row, column) for row in range(dialog.table.model().rowCount())]


@pytest.fixture
def store() -> GlossaryStore:
    store = GlossaryStore()
    store.save([KEYNOTE, CLIENT])
    return store


def test_lists_saved_glossaries_and_shows_the_first(qtbot: Any, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store, chosen="acme")
    assert [dialog.glossary_list.item(i).text() for i in range(dialog.glossary_list.count())] == ["Keynote", "ACME"]
    assert _column(dialog, SOURCE_COLUMN) == ["Alibaba Cloud", "Qwen"]
    assert dialog.glossary_list.item(1).font().bold()  # the one live sessions use
    assert "ACME" in dialog.in_use_label.text()
    dialog.glossary_list.setCurrentRow(1)
    assert _column(dialog, TARGET_COLUMN) == ["Bauteil"]
    assert dialog.source_combo.currentData() == "en" and dialog.target_combo.currentData() == "de"


def test_add_edit_flags_and_autosave(qtbot: Any, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store)
    dialog.add_term()
    row = 2
    model = dialog.table.model()
    assert "empty" in _cell(dialog, row, ISSUE_COLUMN)  # a new row is flagged until filled
    assert model.setData(model.index(row, SOURCE_COLUMN), "  qwen ", Qt.ItemDataRole.EditRole)
    assert "already on row 2" in _cell(dialog, row, ISSUE_COLUMN)
    assert model.index(row, SOURCE_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is not None
    model.setData(model.index(row, SOURCE_COLUMN), "LiveTranslate", Qt.ItemDataRole.EditRole)
    assert "translation is empty" in _cell(dialog, row, ISSUE_COLUMN)
    model.setData(model.index(row, TARGET_COLUMN), "实时翻译", Qt.ItemDataRole.EditRole)
    assert _cell(dialog, row, ISSUE_COLUMN) == ""
    assert "3 terms." in dialog.status_label.text()
    # Saved already, without pressing anything.
    saved = store.get("Keynote")
    assert saved is not None and saved.as_phrases()["LiveTranslate"] == "实时翻译"


def test_undo_and_redo_cover_edits_imports_and_glossary_deletion(qtbot: Any, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store)
    vm = dialog.vm
    vm.edit_entry(0, TARGET_COLUMN, "阿里巴巴云")
    vm.delete_glossary(1)
    assert store.names() == ["Keynote"]
    undo = dialog.undo_button.defaultAction()
    assert undo.isEnabled()
    undo.trigger()
    assert store.names() == ["Keynote", "ACME"]
    undo.trigger()
    assert _cell(dialog, 0, TARGET_COLUMN) == "阿里云"
    assert store.get("Keynote") == KEYNOTE
    dialog.redo_button.defaultAction().trigger()
    assert _cell(dialog, 0, TARGET_COLUMN) == "阿里巴巴云"


def test_delete_selected_rows_through_sorted_view(qtbot: Any, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store)
    dialog.vm.add_entry("Beta", "贝塔")
    dialog.table.sortByColumn(SOURCE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert _column(dialog, SOURCE_COLUMN) == ["Qwen", "Beta", "Alibaba Cloud"]
    dialog.table.selectRow(1)  # "Beta" in the view, row 2 of the glossary
    assert dialog.selected_rows() == [2]
    dialog.remove_button.click()
    assert [e.source for e in dialog.vm.entries()] == ["Alibaba Cloud", "Qwen"]


def test_search_filters_both_columns(qtbot: Any, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store)
    dialog.search_edit.setText("通义")  # QTest cannot type CJK characters as key events
    assert _column(dialog, SOURCE_COLUMN) == ["Qwen"]
    dialog.search_edit.clear()
    qtbot.keyClicks(dialog.search_edit, "CLOUD")
    assert _column(dialog, SOURCE_COLUMN) == ["Alibaba Cloud"]


def test_new_rename_and_name_validation(qtbot: Any, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store)
    dialog.new_button.click()
    assert dialog.vm.names() == ["Keynote", "ACME", "New glossary"]
    dialog.new_button.click()
    assert dialog.vm.names()[-1] == "New glossary 2"
    error = dialog.vm.rename(3, " acme ")
    assert "already a glossary called" in error
    assert dialog.status_label.text() == error
    assert dialog.glossary_list.item(3).text() == "New glossary 2"  # the list shows the real name again
    item = dialog.glossary_list.item(3)
    item.setText("Board   meeting")  # what an inline edit does
    assert dialog.vm.names()[-1] == "Board meeting"
    assert store.names()[-1] == "Board meeting"
    assert dialog.vm.rename(3, "   ") == "A glossary needs a name."


def test_language_pair_is_saved(qtbot: Any, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("en"))
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("zh"))
    saved = store.get("Keynote")
    assert saved is not None and (saved.source_lang, saved.target_lang) == ("en", "zh")
    assert saved.applies_to("en", "zh") and not saved.applies_to("en", "ja")


def test_import_messy_excel_csv_reports_lines_and_imports_the_rest(qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    dialog.new_button.click()
    with qtbot.waitSignal(dialog.vm.import_finished) as blocker:
        dialog.import_from(DATA / "conference_excel_semicolon.csv")
    summary, problems = blocker.args
    assert summary == "Imported 8 terms, skipped 2 malformed rows, 2 rows need a look."
    assert problems[0].startswith("Line 10:") and problems[2].startswith("Line 12:")
    assert dialog.report.isVisibleTo(dialog)
    assert "Line 11: the source term is empty" in dialog.report.toPlainText()
    assert len(_column(dialog, SOURCE_COLUMN)) == 8
    flagged = [text for text in _column(dialog, ISSUE_COLUMN) if text]
    assert len(flagged) == 2  # the case-only duplicate and the missing translation
    current = dialog.vm.current()
    assert current is not None
    assert current.as_phrases()["Model Studio; DashScope"] == "百炼"
    assert "alibaba cloud" not in current.as_phrases()  # the first spelling wins


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_export_import_round_trip(qtbot: Any, tmp_path: Path, store: GlossaryStore, suffix: str) -> None:
    dialog = _dialog(qtbot, store)
    source = DATA / "no_header_commas.csv"
    dialog.import_from(source)
    dialog.vm.set_language_pair("en", "zh")
    exported = tmp_path / f"keynote{suffix}"
    dialog.export_to(exported)
    assert "Exported 8 terms" in dialog.status_label.text()
    data = exported.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") is (suffix == ".csv")  # BOM for Excel on CSV only
    before = dialog.vm.current()
    assert before is not None

    dialog.new_button.click()
    dialog.import_from(exported)
    after = dialog.vm.current()
    assert after is not None and after.name == "New glossary"
    assert after.entries == before.entries
    assert (after.source_lang, after.target_lang) == ("en", "zh")
    assert parse_glossary_csv(data).delimiter == ("\t" if suffix == ".tsv" else ",")


def test_import_without_glossary_creates_one_named_after_the_file(qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    path = tmp_path / "Quarterly call.tsv"
    shutil.copy(DATA / "reversed_columns.tsv", path)
    dialog.import_from(path)
    assert dialog.vm.names() == ["Quarterly call"]
    current = dialog.vm.current()
    assert current is not None and (current.source_lang, current.target_lang) == ("en", "de")


def test_unreadable_import_says_why(qtbot: Any, tmp_path: Path, store: GlossaryStore) -> None:
    dialog = _dialog(qtbot, store)
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("Straße;Street\n".encode("latin-1"))
    dialog.import_from(latin1)
    assert "CSV UTF-8" in dialog.status_label.text()
    dialog.import_from(tmp_path / "missing.csv")
    assert "Cannot read missing.csv" in dialog.status_label.text()
    assert store.get("Keynote") == KEYNOTE


def test_newer_file_is_shown_read_only_and_never_overwritten(qtbot: Any) -> None:
    store = GlossaryStore()
    store.path.write_text('{"schema_version": 99, "glossaries": []}', encoding="utf-8")
    dialog = _dialog(qtbot, store)
    assert "newer version" in dialog.status_label.text()
    assert not dialog.new_button.isEnabled()
    dialog.vm.new_glossary()
    assert store.path.read_text(encoding="utf-8") == '{"schema_version": 99, "glossaries": []}'


def test_factory_reports_chosen_glossary_on_close(qtbot: Any, store: GlossaryStore) -> None:
    changes: list[Settings] = []
    settings = Settings()
    dialog = open_hotwords_dialog(None, settings, store=store, on_settings=changes.append)
    qtbot.addWidget(dialog)
    dialog.glossary_list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.finished):
        dialog.use_button.click()
    assert changes == [dataclasses.replace(settings, glossary="ACME")]
