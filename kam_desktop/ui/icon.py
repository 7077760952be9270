"""The application icon: the installer's icon files when they are there (resources/icons), else the same
picture drawn here — four grade bars rising on the program's blue, the best one in gold."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from kam_desktop.resources import resource

FILES = ("kam-desktop.svg", "kam-desktop-256.png", "kam-desktop-32.png")
SIZES = (16, 24, 32, 48, 64, 128, 256)
BARS = ((44, 150, 56, 0.75, "#ffffff"), (92, 118, 88, 0.85, "#ffffff"), (140, 86, 120, 1.0, "#ffffff"),
        (188, 50, 156, 1.0, "#f6c343"))  # x, top, height, opacity, colour on a 256-unit square


def app_icon() -> QIcon:
    """The icon of every window (and of the taskbar where the platform takes it from the application)."""
    icon = QIcon()
    try:
        for name in FILES:
            path = resource("icons", name)
            if path.is_file():
                icon.addFile(str(path))
    except FileNotFoundError:  # no resources folder at all: draw it
        pass
    if icon.isNull():
        for size in SIZES:
            icon.addPixmap(drawn(size))
    return icon


def drawn(size: int) -> QPixmap:
    """The icon drawn at `size` pixels."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f4e79"))
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    for x, top, height, opacity, colour in BARS:
        painter.setOpacity(opacity)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(x, top, 32, height), 6, 6)
    painter.end()
    return pixmap
