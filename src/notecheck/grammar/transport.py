"""HTTP sessions for LanguageTool: no proxies, quick ACKs, and a socket the watchdog can cut.

Latency: LanguageTool's server (the JDK's HttpServer, Nagle on) writes a
response's headers and body in two segments and holds the body until the
headers are acknowledged, while Linux delays that ACK by ~40 ms. Every request
would wait 40 ms for nothing; the connections here re-arm ``TCP_QUICKACK`` on
the socket after each request is sent so the ACK goes out at once. They also
hand their socket to the request's watchdog (``deadline.cut_off``), which shuts
it down when the request's total time is up.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

from .deadline import current_holder

if TYPE_CHECKING:  # requests is imported on first use, keeping `import notecheck` fast
    import requests

_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only
_adapter_class: type | None = None


def _quick_ack_adapter() -> type:
    """An ``HTTPAdapter`` whose plain-HTTP connections ACK responses without delay."""
    global _adapter_class
    if _adapter_class is not None:
        return _adapter_class
    import requests.adapters
    import urllib3.connection
    import urllib3.connectionpool

    class Watched:
        """Hands its socket to the request's watchdog (see ``deadline.cut_off``)."""

        sock: socket.socket | None

        def connect(self) -> None:
            super().connect()  # type: ignore[misc]
            holder = current_holder()
            if holder is not None:
                holder.set(self.sock)

        def getresponse(self):  # type: ignore[no-untyped-def]
            sock, holder = self.sock, current_holder()
            if holder is not None:
                holder.set(sock)
            if sock is not None and _QUICKACK is not None:
                try:  # one-shot in the kernel: re-armed for every response
                    sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
                except OSError:
                    pass
            return super().getresponse()

    class QuickAckConnection(Watched, urllib3.connection.HTTPConnection):
        pass

    class WatchedTLSConnection(Watched, urllib3.connection.HTTPSConnection):
        pass

    class QuickAckPool(urllib3.connectionpool.HTTPConnectionPool):
        ConnectionCls = QuickAckConnection

    class WatchedTLSPool(urllib3.connectionpool.HTTPSConnectionPool):
        ConnectionCls = WatchedTLSConnection

    class QuickAckAdapter(requests.adapters.HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {
                **self.poolmanager.pool_classes_by_scheme, "http": QuickAckPool, "https": WatchedTLSPool}

    _adapter_class = QuickAckAdapter
    return _adapter_class


def new_session() -> requests.Session:
    """A session for one thread: no proxies from the environment, quick ACKs on http://."""
    import requests
    session = requests.Session()
    session.trust_env = False  # never route loopback traffic through a proxy
    adapter = _quick_ack_adapter()(pool_connections=1, pool_maxsize=1)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


