"""CaptionListModel + CaptionView: one-row updates, stash styling data, auto-scroll pause/resume, copy, font size."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from interpreter.ui.caption_model import CaptionListModel, CaptionRowRole
from interpreter.ui.caption_rows import caption_plain_text, format_clock
from interpreter.ui.caption_view import MAX_FONT_PT, MIN_FONT_PT, CaptionView
from tests.ui.helpers import caption

pytestmark = pytest.mark.gui


def test_update_of_open_row_emits_datachanged_for_that_row_only(qtbot: Any) -> None:
    model = CaptionListModel()
    for i in range(5):
        model.append_row(caption(i, f"source {i}", f"translation {i}", final=True))
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changes.append((top.row(), bottom.row())))
    inserts: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, _last: inserts.append(first))

    model.set_row(4, caption(4, "source 4", "translation 4 more", translation_stash=" tail"))
    model.set_row(4, caption(4, "source 4", "translation 4 more", translation_stash=" tail"))  # identical: no-op
    model.set_row(5, caption(5, "new"))

    assert changes == [(4, 4)]
    assert inserts == [5]
    assert model.data(model.index(4), CaptionRowRole).translation_stash == " tail"
    with pytest.raises(IndexError):
        model.set_row(9, caption(9))


def test_plain_text_and_clock() -> None:
    row = caption(0, "Hallo ", "Hello ", source_stash="Welt", translation_stash="world")
    assert caption_plain_text(row) == "Hallo Welt\nHello world"
    assert caption_plain_text(row, with_source=False) == "Hello world"
    gap = caption(1, gap=True, start_ms=61_000, end_ms=65_500)
    assert "1:01–1:05" in caption_plain_text(gap)
    assert format_clock(3_725_000) == "1:02:05"
    assert format_clock(None) == "--:--"


def test_autoscroll_pauses_when_user_scrolls_up_and_resumes(qtbot: Any) -> None:
    model = CaptionListModel()
    view = CaptionView(model)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    for i in range(60):
        model.append_row(caption(i, f"source sentence number {i}", f"translated sentence number {i}", final=True))
    bar = view.list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert view.following

    with qtbot.waitSignal(view.following_changed) as paused:
        bar.setValue(0)  # the user scrolls up to read back
    assert paused.args == [False]
    assert view.jump_button.isVisible()
    model.append_row(caption(60, "more", "more", final=True))
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0, "new captions must not yank the reader back down"

    view.jump_button.click()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert view.following
    assert not view.jump_button.isVisible()


def test_copy_selection_or_everything_and_font_size(qtbot: Any) -> None:
    model = CaptionListModel()
    view = CaptionView(model)
    qtbot.addWidget(view)
    model.append_row(caption(0, "uno", "one", final=True))
    model.append_row(caption(1, "dos", "two", final=True))
    view.copy()
    assert QApplication.clipboard().text() == "uno\none\n\ndos\ntwo"
    view.list.selectionModel().select(model.index(1), view.list.selectionModel().SelectionFlag.Select)
    view.copy()
    assert QApplication.clipboard().text() == "dos\ntwo"
    view.set_show_source(False)
    view.copy()
    assert QApplication.clipboard().text() == "two"

    sizes: list[int] = []
    view.font_size_changed.connect(sizes.append)
    view.set_font_size(1000)
    view.set_font_size(1)
    assert sizes == [MAX_FONT_PT, MIN_FONT_PT]


def test_rows_grow_when_text_grows(qtbot: Any) -> None:
    model = CaptionListModel()
    view = CaptionView(model)
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    qtbot.waitExposed(view)
    model.append_row(caption(0, "short", "short"))
    qtbot.waitUntil(lambda: view.list.visualRect(model.index(0)).height() > 0)
    before = view.list.visualRect(model.index(0)).height()
    model.set_row(0, caption(0, "short", "a much longer translation " * 12, translation_stash="and a tentative tail"))
    qtbot.waitUntil(lambda: view.list.visualRect(model.index(0)).height() > before * 2)
