"""One window per user, data folder and store: a second start finds the first through a local socket, asks it
to bring its window to the front, and exits.

The exchange, one line each way: the first instance greets with `KAM <pid>`; the second (on Windows it then
allows that process to take the foreground, which Windows refuses to a background program otherwise) writes
`activate`; the first raises its window and answers `ok`.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

log = logging.getLogger(__name__)
GREETING = b"KAM"
ACTIVATE = b"activate"
DONE = b"ok"
CONNECT_MS = 1_000
ANSWER_MS = 5_000  # the first instance may be busy for a moment (a long paint, a backup starting)


def server_name(data_dir: Path, store: str | None) -> str:
    """The socket's name for this user, data folder and store: hashed, so it is short, has no path characters,
    and tells nothing of the user's folders to others on the machine."""
    key = "\0".join((_user(), os.path.normcase(str(data_dir.resolve())), _store_key(store, data_dir)))
    return "kam-desktop-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment or the password database
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def _store_key(store: str | None, data_dir: Path) -> str:
    """The store as `--db`/KAM_DB name it (default: the file in the data folder); a file by its full path."""
    if store and "://" in store:
        return store
    path = Path(store) if store else data_dir / "kam.sqlite"
    return os.path.normcase(str(path.resolve()))


@dataclass(frozen=True)
class Answer:
    """What the running instance said: whether it raised its window (False: it did not answer in time)."""

    raised: bool


def ask_running_instance(name: str) -> Answer | None:
    """Ask the instance listening on `name` to bring its window to the front; None if none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return None  # nobody there, or a socket file a crashed instance left behind
    try:
        greeting = _read_line(socket)
        if greeting is None or not greeting.startswith(GREETING):
            return Answer(raised=False)
        _allow_foreground(greeting)
        socket.write(ACTIVATE + b"\n")
        socket.flush()
        return Answer(raised=_read_line(socket) == DONE)
    finally:
        socket.abort()


def _read_line(socket: QLocalSocket) -> bytes | None:
    while not socket.canReadLine():
        if not socket.waitForReadyRead(ANSWER_MS):
            return None
    return bytes(socket.readLine().data()).strip()


def _allow_foreground(greeting: bytes) -> None:
    """On Windows only the program the user just started may bring a window to the front: hand that right to the
    first instance (whose process id the greeting names) before asking it to."""
    if sys.platform != "win32":
        return
    try:
        pid = int(greeting.split()[1])
    except (IndexError, ValueError):
        return
    import ctypes

    ctypes.windll.user32.AllowSetForegroundWindow(pid)


class InstanceServer(QObject):
    """The first instance's end: answers every later start and brings the main window to the front."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        # No UserAccessOption: on Unix it makes listen() replace a live socket file, and the guard relies on
        # listen() refusing a taken name. Another user on the machine can at most ask this window to show.
        self.server.newConnection.connect(self._on_server_new_connection)

    def listen(self) -> bool:
        return self.server.listen(self.name)

    def name_taken(self) -> bool:
        return self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError

    def close(self) -> None:
        """Stop listening and drop the connections still open (their signals first: nothing runs mid-teardown)."""
        for socket in self.server.findChildren(QLocalSocket):
            socket.disconnect(self)
            socket.abort()
        self.server.close()

    def _on_server_new_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()  # a child of the server, deleted once disconnected
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            socket.write(GREETING + b" " + str(os.getpid()).encode() + b"\n")
            socket.flush()

    def _on_socket_ready_read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        while socket.canReadLine():
            if bytes(socket.readLine().data()).strip() != ACTIVATE:
                continue
            log.info("a second start asked for this window: bringing it to the front")
            bring_to_front()
            self.activation_requested.emit()
            socket.write(DONE + b"\n")
            socket.flush()


def bring_to_front() -> None:
    """Show the main window again (from the taskbar if minimised) and activate it, or the dialog it waits on."""
    windows = [widget for widget in QApplication.topLevelWidgets()
               if isinstance(widget, QMainWindow) and widget.isVisible()]
    for window in windows:
        if window.isMinimized():
            window.showNormal()
        _activate(window)
    modal = QApplication.activeModalWidget()
    if modal is not None:
        _activate(modal)


def _activate(widget: QWidget) -> None:
    widget.raise_()
    widget.activateWindow()


def already_running_line(raised: bool) -> str:
    """The one line a second start prints before it exits."""
    if raised:
        return QCoreApplication.translate(
            "SingleInstance", "KAM Desktop is already running for this data folder; its window was brought to "
            "the front.")
    return QCoreApplication.translate(
        "SingleInstance", "KAM Desktop is already running for this data folder but did not answer; wait a moment "
        "or close it, then start it again.")


def claim(name: str) -> InstanceServer | Answer:
    """This start's server if no other instance runs on `name`, else the running instance's answer.

    The name is removed only when nobody answers on it: a socket file a crashed instance left behind (Unix). If
    two starts race for a free name, the later `listen` finds it taken, asks again and gets the earlier's answer.
    """
    answer = ask_running_instance(name)
    if answer is not None:
        return answer
    server = InstanceServer(name)
    if server.listen():
        return _listening(server)
    if server.name_taken():
        answer = ask_running_instance(name)
        if answer is not None:
            return answer
        log.info("removing the single-instance socket a stopped instance left: %s", name)
        QLocalServer.removeServer(name)
        if server.listen():
            return _listening(server)
    log.warning("the single-instance guard could not listen on %s: %s", name, server.server.errorString())
    return server  # the app runs unguarded rather than not at all


def _listening(server: InstanceServer) -> InstanceServer:
    log.info("single instance: listening as %s", server.name)
    return server
