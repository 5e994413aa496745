"""The caption list paints its rows itself; screen readers get them through its accessible interface (queried the
way assistive technology does, QAccessible.queryAccessibleInterface, offscreen) and hear each caption once final."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QAccessibleInterface

from interpreter.ui.caption_model import CaptionListModel
from interpreter.ui.caption_view import CaptionView
from tests.ui.helpers import caption

pytestmark = pytest.mark.gui


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[QAccessible.Event, str]]]:
    """What the list reports to assistive technology: (event type, announcement text or "")."""
    seen: list[tuple[QAccessible.Event, str]] = []

    def record(event: QAccessibleEvent) -> None:
        message = event.message() if isinstance(event, QAccessibleAnnouncementEvent) else ""
        seen.append((event.type(), message))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    yield seen


def _view(qtbot: Any, model: CaptionListModel) -> CaptionView:
    view = CaptionView(model)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def _interface(view: CaptionView) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(view.list)
    assert interface is not None
    return interface


def test_each_caption_pair_is_a_readable_list_item(qtbot: Any) -> None:
    model = CaptionListModel()
    model.append_row(caption(0, "Guten Morgen.", "Good morning.", final=True, start_ms=1_000, end_ms=2_500))
    model.append_row(caption(1, "Wie geht", "How are", source_stash=" es", translation_stash=" you"))
    model.append_row(caption(2, gap=True, start_ms=61_000, end_ms=65_500))
    view = _view(qtbot, model)

    listing = _interface(view)
    assert listing.role() == QAccessible.Role.List
    assert listing.text(QAccessible.Text.Name) == "Captions"
    assert listing.childCount() == 3

    first = listing.child(0)
    assert first.role() == QAccessible.Role.ListItem
    assert first.text(QAccessible.Text.Name) == "Guten Morgen.\nGood morning."
    assert first.text(QAccessible.Text.Description) == "0:01–0:02"
    assert first.parent() is listing and listing.indexOfChild(first) == 0
    assert listing.child(1).text(QAccessible.Text.Name) == "Wie geht es\nHow are you", "what the row shows now"
    assert "not translated" in listing.child(2).text(QAccessible.Text.Name)
    assert listing.child(3) is None

    # Geometry and state follow the painted rows.
    rect = first.rect()
    assert rect.height() > 0
    assert listing.childAt(rect.center().x(), rect.center().y()) is first
    assert not first.state().selected
    view.list.select_rows([0])
    assert first.state().selected

    view.list.set_show_source(False)
    assert first.text(QAccessible.Text.Name) == "Good morning.", "only what is shown is read"


def test_new_captions_are_announced_once_when_final(qtbot: Any, events: list[tuple[QAccessible.Event, str]]) -> None:
    model = CaptionListModel()
    view = _view(qtbot, model)
    listing = _interface(view)

    model.append_row(caption(0, "Hola", "Hello"))
    assert listing.childCount() == 1, "the new row is a child at once"
    assert (QAccessible.Event.TableModelChanged, "") in events
    assert not [message for kind, message in events if kind == QAccessible.Event.Announcement], "not while partial"

    model.set_row(0, caption(0, "Hola a todos.", "Hello everyone.", final=True))
    model.set_row(0, caption(0, "Hola a todos.", "Hello everyone!", final=True))  # a late correction
    announced = [message for kind, message in events if kind == QAccessible.Event.Announcement]
    assert announced == ["Hola a todos.\nHello everyone."], "one announcement per caption, when it is final"
    assert (QAccessible.Event.NameChanged, "") in events

    model.clear()
    assert listing.childCount() == 0
    model.append_row(caption(0, "Adiós.", "Goodbye.", final=True))
    announced = [message for kind, message in events if kind == QAccessible.Event.Announcement]
    assert announced[-1] == "Adiós.\nGoodbye.", "after a clear, row 0 is a new caption"
