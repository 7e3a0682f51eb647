"""The window's pages beside the register table, each built the first time it is shown (start-up builds none)."""

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LuiePagina(QWidget):
    """A tab's placeholder that builds its page on first need, and refreshes it only when it is seen.

    A change elsewhere marks a hidden page stale (`markeer_verouderd`); it rereads when shown again, so a status
    change does not recount a dashboard nobody is looking at.
    """

    def __init__(self, bouwer: Callable[[], QWidget], ververser: Callable[[QWidget], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._bouwer = bouwer
        self._ververser = ververser or (lambda pagina: pagina.ververs())
        self.pagina: QWidget | None = None
        self._verouderd = False
        laag = QVBoxLayout(self)
        laag.setContentsMargins(0, 0, 0, 0)

    def zorg(self) -> QWidget:
        """The page, built now if it was not yet."""
        if self.pagina is None:
            self.pagina = self._bouwer()
            self.layout().addWidget(self.pagina)
            self.pagina.show()  # now, not at the layout's queued show: the page is usable as soon as it exists
            self._verouderd = False
        return self.pagina

    def markeer_verouderd(self) -> None:
        if self.pagina is None:
            return  # built from fresh data when first shown
        if self.isVisible():
            self._ververser(self.pagina)
        else:
            self._verouderd = True

    def showEvent(self, event: QShowEvent) -> None:
        self.zorg()
        if self._verouderd:
            self._verouderd = False
            self._ververser(self.pagina)
        super().showEvent(event)
