"""A local HTTP server for network tests: 127.0.0.1, a port of its own, canned replies.

Tests never reach the internet. :func:`local_server` starts a :class:`Server` in a
thread and stops it after; each path of ``server.routes`` answers with its
:class:`Reply` (status, body, content type, redirect, a delay of the server's own,
a body sent many times over, with or without ``Content-Length``). Any other path
gets a 404.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["Reply", "Server", "local_server"]


@dataclass
class Reply:
    """What the server answers on one path."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    delay: float = 0.0
    repeat: int = 1
    """The body is sent this many times (a huge response without holding it in memory)."""
    declared: bool = True
    """Whether Content-Length is sent (without it the body ends when the server closes)."""


class Server:
    """A local HTTP server on 127.0.0.1 answering each path with its :class:`Reply`."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                reply = routes.get(self.path, Reply(404, b"not found", "text/plain"))
                if reply.delay:
                    # The server's own delay: the client's time limit is what the test checks.
                    threading.Event().wait(reply.delay)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                if reply.location:
                    self.send_header("Location", reply.location)
                if reply.declared:
                    self.send_header("Content-Length", str(len(reply.body) * reply.repeat))
                self.end_headers()
                try:
                    for _ in range(reply.repeat):
                        self.wfile.write(reply.body)
                except OSError:
                    pass  # the client stopped reading at its size limit

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def local_server() -> Iterator[Server]:
    """A running :class:`Server`, shut down on leaving."""
    running = Server()
    running.thread.start()
    try:
        yield running
    finally:
        running.close()
