"""The Finance menu of the main window: quarter close, settlement, liability and export, each a tab, offered only
to the roles that may use them (the use case still checks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QTabWidget, QWidget

from kam_desktop.domain.permissions import UseCase
from kam_desktop.ui.context import AppServices
from kam_desktop.ui.i18n import Formats

if TYPE_CHECKING:  # the screens load when first opened
    from kam_desktop.ui.finance_close import FinanceClose
    from kam_desktop.ui.finance_liability import FinanceLiability
    from kam_desktop.ui.finance_settlement import FinanceSettlement
    from kam_desktop.ui.fx_rates import FxRatesDialog
    from kam_desktop.ui.import_history import ImportHistoryDialog

# which use cases make each screen worth offering
CLOSE_CASES = (UseCase.CLOSE_QUARTER, UseCase.LOCK_PERIOD)
SETTLEMENT_CASES = (UseCase.VIEW_SETTLEMENT,)
LIABILITY_CASES = (UseCase.VIEW_LIABILITY,)
FX_CASES = (UseCase.SET_FX,)
IMPORT_HISTORY_CASES = (UseCase.VIEW_IMPORTS,)


class FinanceHost(Protocol):
    """What the Finance menu needs of the main window (a protocol: the window imports the menu, not back)."""

    services: AppServices
    formats: Formats
    interactive: bool
    tabs: QTabWidget
    menu_help: QMenu
    screens: Any  # ui.screens.Screens: remembers the tabs' layouts

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt API

    def load_portfolio(self) -> Any: ...

    def open_account(self, code: str) -> Any: ...


class FinanceMenu(QObject):
    """Builds the menu once; `refresh()` shows what the acting person may use (after a switch of user)."""

    def __init__(self, window: FinanceHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the host is the main window, a QObject
        self.window = window
        self.close_screen: FinanceClose | None = None
        self.settlement: FinanceSettlement | None = None
        self.liability: FinanceLiability | None = None
        self._login: str | None = None
        self.menu = QMenu(window.menuBar())
        self.menu.setObjectName("menuFinance")
        window.menuBar().insertMenu(window.menu_help.menuAction(), self.menu)
        self.act_close = QAction(self)
        self.act_close.triggered.connect(self.open_close)
        self.act_settlement = QAction(self)
        self.act_settlement.triggered.connect(self.open_settlement)
        self.act_liability = QAction(self)
        self.act_liability.triggered.connect(self.open_liability)
        self.act_fx = QAction(self)
        self.act_fx.setObjectName("actionFxRates")
        self.act_fx.triggered.connect(self.open_fx_rates)
        self.act_imports = QAction(self)
        self.act_imports.setObjectName("actionImportHistory")
        self.act_imports.triggered.connect(self.open_import_history)
        for action in (self.act_close, self.act_settlement, self.act_liability):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.act_fx)
        self.menu.addAction(self.act_imports)
        self.retranslate()

    def refresh(self) -> None:
        """Offer what the acting person's role may use; hide the menu when nothing is left."""
        services = self.window.services
        ready = services.store_ready()
        desk = services.desk if ready else None
        shown = False
        for action, cases in ((self.act_close, CLOSE_CASES), (self.act_settlement, SETTLEMENT_CASES),
                              (self.act_liability, LIABILITY_CASES), (self.act_fx, FX_CASES),
                              (self.act_imports, IMPORT_HISTORY_CASES)):
            visible = desk is not None and any(desk.may(case) for case in cases)
            action.setVisible(visible)
            shown = shown or visible
        self.menu.menuAction().setVisible(shown)
        if desk is not None and desk.login != self._login:  # acting as someone else now: the screens follow
            self._login = desk.login
            for screen in (self.close_screen, self.settlement, self.liability):
                if screen is not None:
                    screen.set_desk(desk)

    def _tab(self, widget: QWidget) -> None:
        tabs = self.window.tabs
        if tabs.indexOf(widget) < 0:
            tabs.addTab(widget, "")
            self.window.screens.restore(widget)
        tabs.setCurrentWidget(widget)
        self.retranslate()

    def _forget(self, name: str) -> None:
        setattr(self, name, None)

    def open_close(self) -> FinanceClose:
        from kam_desktop.ui.finance_close import FinanceClose

        if self.close_screen is None:
            self.close_screen = FinanceClose(self.window.services.desk, self.window.formats, self.window.tabs)
            self.close_screen.closed.connect(lambda _r: self.window.load_portfolio())
            self.close_screen.destroyed.connect(lambda: self._forget("close_screen"))
        self._tab(self.close_screen)
        return self.close_screen

    def open_settlement(self) -> FinanceSettlement:
        from kam_desktop.ui.finance_settlement import FinanceSettlement

        if self.settlement is None:
            self.settlement = FinanceSettlement(self.window.services.desk, self.window.formats, self.window.tabs)
            self.settlement.destroyed.connect(lambda: self._forget("settlement"))
        self._tab(self.settlement)
        self.settlement.reload()
        return self.settlement

    def open_liability(self) -> FinanceLiability:
        from kam_desktop.ui.finance_liability import FinanceLiability

        if self.liability is None:
            self.liability = FinanceLiability(self.window.services.desk, self.window.formats, self.window.tabs,
                                              interactive=self.window.interactive)
            self.liability.open_account.connect(self.window.open_account)
            self.liability.destroyed.connect(lambda: self._forget("liability"))
        self._tab(self.liability)
        self.liability.reload()
        return self.liability

    def open_fx_rates(self) -> FxRatesDialog:
        """The rates and a form to add one; the portfolio reads again after a rate is saved (grades and figures in
        the base currency depend on it)."""
        from kam_desktop.ui.fx_rates import FxRatesDialog

        dialog = FxRatesDialog(self.window.services.desk, self.window.formats, self.window.tabs.window())
        dialog.saved.connect(lambda _c, _d: self.window.load_portfolio())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_import_history(self) -> ImportHistoryDialog:
        """The imports and reversals; after a reversal the portfolio reads its figures again."""
        from kam_desktop.ui.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.window.services.desk, self.window.formats, self.window.tabs.window(),
                                     interactive=self.window.interactive)
        dialog.reversed.connect(lambda _id: self.window.load_portfolio())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("Fi&nance"))
        self.act_fx.setText(self.tr("&Exchange rates…"))
        self.act_imports.setText(self.tr("&Import history and reversals…"))
        self.act_close.setText(self.tr("Quarter &close and lock…"))
        self.act_settlement.setText(self.tr("&Settlement: payouts, adjustments, MDF"))
        self.act_liability.setText(self.tr("&Liability, journal export and economics"))
        tabs = self.window.tabs
        for screen, text in ((self.close_screen, self.tr("Quarter close")), (self.settlement, self.tr("Settlement")),
                             (self.liability, self.tr("Liability"))):
            if screen is not None and tabs.indexOf(screen) >= 0:
                tabs.setTabText(tabs.indexOf(screen), text)
                screen.set_formats(self.window.formats)
        self.refresh()
