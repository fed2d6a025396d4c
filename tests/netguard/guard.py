"""Make every network use fail, and remember each attempt.

Used in-process by the ``no_network`` fixture and, through ``sitecustomize.py`` in this
folder, inside a child process (a real ``triage`` run in a pseudo-terminal), where each
attempt is also appended to the file named by ``TRIAGE_NETGUARD_LOG``.

Unix-domain sockets may still be *created*: asyncio's event loop (prompt_toolkit, Textual)
makes a socketpair to wake itself up. Connecting anywhere, with any family, is refused.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

_FUNCTIONS = (
    "create_connection",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getnameinfo",
    "getfqdn",
)


class NetworkUsed(OSError):
    """Raised instead of touching the network."""


class NetworkGuard:
    def __init__(self, log: Path | None = None) -> None:
        self.attempts: list[str] = []
        self.log = log
        self._saved: dict[str, Any] = {}

    def refuse(self, what: str) -> NetworkUsed:
        self.attempts.append(what)
        if self.log is not None:
            with self.log.open("a", encoding="utf-8") as out:
                out.write(what + "\n")
        return NetworkUsed(f"network use blocked by the privacy tests: {what}")

    def install(self) -> NetworkGuard:
        guard = self
        real: type[socket.socket] = socket.socket

        class GuardedSocket(real):  # type: ignore[valid-type,misc]
            def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno: int | None = None) -> None:
                effective = socket.AF_INET if family == -1 else family
                if fileno is None and effective != socket.AF_UNIX:
                    raise guard.refuse(f"socket(family={effective!r})")
                super().__init__(family, type, proto, fileno)

            def connect(self, address: Any) -> None:
                raise guard.refuse(f"connect({address!r})")

            def connect_ex(self, address: Any) -> int:
                raise guard.refuse(f"connect_ex({address!r})")

            def sendto(self, *args: Any) -> int:
                raise guard.refuse(f"sendto({args[-1]!r})")

        self._saved["socket"] = socket.socket
        socket.socket = GuardedSocket  # type: ignore[misc]
        for name in _FUNCTIONS:
            self._saved[name] = getattr(socket, name)

            def refused(*args: Any, _name: str = name, **kwargs: Any) -> Any:
                raise guard.refuse(f"{_name}{args!r}")

            setattr(socket, name, refused)
        return self

    def uninstall(self) -> None:
        for name, value in self._saved.items():
            setattr(socket, name, value)
        self._saved.clear()
