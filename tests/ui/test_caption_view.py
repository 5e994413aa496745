"""CaptionListModel + CaptionView: one-row updates, stash styling, auto-scroll pause/resume, copy, font size,
the row-height index, virtualised painting (only changed or visible rows are laid out), selection, gap rows."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication, QToolTip

from interpreter.core.captions import Caption
from interpreter.ui.caption_model import CaptionListModel, CaptionRowRole
from interpreter.ui.caption_rows import RowHeights, caption_plain_text, format_clock
from interpreter.ui.caption_view import MAX_FONT_PT, MIN_FONT_PT, CaptionView
from interpreter.ui.text_layout import CaptionRowRenderer, StyledParagraph
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
    view.list.select_rows([1])
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
    qtbot.waitUntil(lambda: view.list.row_rect(0).height() > 0)
    before = view.list.row_rect(0).height()
    model.set_row(0, caption(0, "short", "a much longer translation " * 12, translation_stash="and a tentative tail"))
    qtbot.waitUntil(lambda: view.list.row_rect(0).height() > before * 2)


# --- geometry index -------------------------------------------------------------------------------------------------


@given(
    initial=st.lists(st.integers(0, 300), max_size=40),
    operations=st.lists(
        st.tuples(st.sampled_from(["append", "set", "insert", "remove"]), st.integers(0, 60), st.integers(0, 300)),
        max_size=40,
    ),
)
def test_row_heights_agree_with_plain_sums(initial: list[int], operations: list[tuple[str, int, int]]) -> None:
    heights = RowHeights(initial)
    plain = list(initial)
    for operation, position, height in operations:
        if operation == "append":
            heights.append(height)
            plain.append(height)
        elif operation == "insert":
            row = min(position, len(plain))
            heights.insert(row, [height, height // 2])
            plain[row:row] = [height, height // 2]
        elif plain and operation == "set":
            row = position % len(plain)
            assert heights.set(row, height) == height - plain[row]
            plain[row] = height
        elif plain and operation == "remove":
            row = position % len(plain)
            heights.remove(row, min(len(plain) - 1, row + 1))
            del plain[row : row + 2]
    assert len(heights) == len(plain)
    assert [heights[i] for i in range(len(plain))] == plain
    assert [heights.top(i) for i in range(len(plain) + 1)] == [sum(plain[:i]) for i in range(len(plain) + 1)]
    for y in range(-1, sum(plain) + 2, 7):
        expected = next((i for i in range(len(plain)) if sum(plain[: i + 1]) > y), len(plain) - 1) if plain else -1
        assert heights.row_at(y) == (0 if plain and y < 0 else expected)


def test_row_heights_reject_negative_heights() -> None:
    with pytest.raises(ValueError):
        RowHeights([3, -1])
    heights = RowHeights([3])
    with pytest.raises(ValueError):
        heights.append(-2)
    with pytest.raises(ValueError):
        heights.set(0, -5)


# --- virtualised list -------------------------------------------------------------------------------------------------


def _long_model(rows: int) -> CaptionListModel:
    model = CaptionListModel()
    for i in range(rows):
        model.append_row(caption(i, f"source sentence {i}", f"translated sentence {i}", start_ms=i * 1000, final=True))
    return model


def _count_layouts(view: CaptionView) -> list[int]:
    """Instrument the view's renderer: every row actually laid out is counted (it still lays it out)."""
    made: list[int] = []
    original = view.renderer._make

    def counting(row: Any, selected: bool) -> Any:
        made.append(row.index)
        return original(row, selected)

    view.renderer._make = counting  # type: ignore[method-assign]
    return made


def _shown(qtbot: Any, model: CaptionListModel, width: int = 600, height: int = 300) -> CaptionView:
    view = CaptionView(model)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(view.list.is_settled, timeout=30_000)
    return view


def test_update_and_insert_lay_out_only_the_changed_row(qtbot: Any) -> None:
    model = _long_model(3_000)
    view = _shown(qtbot, model)
    made = _count_layouts(view)

    model.set_row(2_999, caption(2_999, "source sentence 2999", "translated sentence 2999 and more", final=True))
    model.append_row(caption(3_000, "a new sentence", "", source_stash=" being spoken"))
    view.list.viewport().repaint()

    assert set(made) <= {2_999, 3_000}, "an update or an insert must not lay out other rows"
    assert view.list.row_rect(3_000).bottom() < view.list.viewport().height(), "following: the new row is on screen"
    assert view.following


def test_font_change_measures_the_screen_now_and_the_rest_in_the_background(qtbot: Any) -> None:
    model = _long_model(2_000)
    view = _shown(qtbot, model)
    made = _count_layouts(view)

    view.set_font_size(20)

    on_screen = len(made)
    assert 0 < on_screen < 100, "only the rows on screen are laid out at once"
    assert not view.list.is_settled()
    assert view.list.row_rect(1_999).bottom() < view.list.viewport().height() + 1, "still following the newest row"
    qtbot.waitUntil(view.list.is_settled, timeout=30_000)
    assert view.following


def test_reading_position_stays_put_while_heights_settle(qtbot: Any) -> None:
    model = _long_model(2_000)
    view = _shown(qtbot, model)
    bar = view.list.verticalScrollBar()
    with qtbot.waitSignal(view.following_changed):
        bar.setValue(bar.maximum() // 2)  # the user reads back in the middle of the session
    top_row = view.list.row_at(0)
    assert top_row is not None

    view.set_font_size(22)  # every row grows; rows above the reader are re-measured in the background
    qtbot.waitUntil(view.list.is_settled, timeout=30_000)

    assert view.list.row_at(0) == top_row, "the row the user was reading must stay at the top"
    assert not view.following
    model.append_row(caption(2_000, "new", "new", final=True))
    assert view.list.row_at(0) == top_row, "a new caption does not move a reader who scrolled up"


def test_mouse_selection_click_shift_ctrl_and_escape(qtbot: Any) -> None:
    model = _long_model(5)
    view = _shown(qtbot, model, height=600)
    viewport = view.list.viewport()

    def click(row: int, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier, view.list.row_rect(row).center())

    click(1)
    click(3, Qt.KeyboardModifier.ShiftModifier)
    assert view.list.selected_rows() == [1, 2, 3]
    click(2, Qt.KeyboardModifier.ControlModifier)
    assert view.list.selected_rows() == [1, 3]
    assert (
        view.selected_text() == "source sentence 1\ntranslated sentence 1\n\nsource sentence 3\ntranslated sentence 3"
    )
    qtbot.keyClick(view.list, Qt.Key.Key_Escape)
    assert view.list.selected_rows() == []
    view.list.select_all()
    assert view.list.selected_rows() == [0, 1, 2, 3, 4]
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(10, viewport.height() - 2))  # below the rows
    assert view.list.selected_rows() == []


def test_clear_resets_rows_selection_and_follows(qtbot: Any) -> None:
    model = _long_model(200)
    view = _shown(qtbot, model)
    view.list.select_rows([3, 4])
    bar = view.list.verticalScrollBar()
    bar.setValue(0)
    assert not view.following

    model.clear()

    assert view.following
    assert view.list.selected_rows() == []
    assert view.list.row_at(0) is None
    assert bar.maximum() == 0
    model.append_row(caption(0, "again", "again"))
    assert view.list.row_at(view.list.row_rect(0).center().y()) == 0


def test_show_source_off_makes_rows_shorter(qtbot: Any) -> None:
    model = _long_model(3)
    view = _shown(qtbot, model)
    both = view.list.row_rect(0).height()
    view.set_show_source(False)
    assert view.list.row_rect(0).height() < both
    view.set_show_source(True)
    assert view.list.row_rect(0).height() == both


def _paint_row(renderer: CaptionRowRenderer, row: Caption, width: int = 500) -> QImage:
    layout = renderer.layout(0, row)
    image = QImage(width, layout.height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.paint(painter, QRect(0, 0, width, layout.height), layout)
    painter.end()
    return image


def test_confirmed_text_does_not_move_when_the_stash_changes(qtbot: Any) -> None:
    renderer = CaptionRowRenderer()
    renderer.set_width(500)
    first = _paint_row(renderer, caption(0, translation="Good morning", translation_stash=" every"))
    second = _paint_row(renderer, caption(0, translation="Good morning", translation_stash=" everyone, welcome"))
    assert first.height() == second.height()
    confirmed_width = QFontMetrics(renderer.font).horizontalAdvance("Good morning")
    left_part = QRect(0, 0, renderer.text_left + confirmed_width - 2, first.height())
    assert first.copy(left_part) == second.copy(left_part), "confirmed glyphs must stay pixel-identical"
    assert first != second, "the stash is drawn"


def test_stash_is_styled_differently_from_confirmed_text() -> None:
    strong, stash = QColor("black"), QColor("gray")
    paragraph = StyledParagraph("Confirmed", " tentative", QFont(), 400, strong, stash)
    (tail,) = paragraph.formats()
    assert (tail.start, tail.length) == (len("Confirmed"), len(" tentative"))
    assert tail.format.fontItalic()
    assert tail.format.foreground().color() == stash
    assert StyledParagraph("Only confirmed", "", QFont(), 400, strong, stash).formats() == []
    assert StyledParagraph("", "", QFont(), 400, strong, stash).height == 0


def test_gap_rows_show_a_sentence_and_a_tooltip(qtbot: Any) -> None:
    model = _long_model(2)
    model.append_row(caption(2, gap=True, start_ms=61_000, end_ms=65_500))
    view = _shown(qtbot, model, height=400)
    gap_text = view.renderer.gap_text(model.row(2))
    assert "1:01" in gap_text and "1:05" in gap_text
    assert view.list.row_rect(2).height() < view.list.row_rect(1).height(), "a gap is a thin marker row"
    image = _paint_row(view.renderer, model.row(2))
    amber = QColor("#c77700")
    assert any(
        image.pixelColor(x, y).red() > 150 and image.pixelColor(x, y).blue() < 80
        for x in range(0, image.width(), 2)
        for y in range(image.height())
    ), f"the gap marker is drawn in amber ({amber.name()})"
    assert "not translated" in model.data(model.index(2), Qt.ItemDataRole.ToolTipRole)
    viewport = view.list.viewport()
    point = view.list.row_rect(2).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert QToolTip.text() == gap_text
