"""Servers the tests start on loopback: a free port, and a bounded wait until one listens."""
from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["free_port", "running", "wait_for_port"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float) -> str | None:
    """None once 127.0.0.1:port accepts connections; else why not (the process died, or time ran out)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return None
        except OSError:
            if process.poll() is not None:
                return f"exited with {process.returncode}: {process.stderr.read().decode()[-500:]}"
            if time.monotonic() > deadline:
                return f"not listening after {seconds:g} s"
            time.sleep(0.1)


@contextmanager
def running(argv: list[str], port: int, seconds: float, **popen) -> Iterator[str | None]:
    """Start a server process; yield None once it listens on the port, else why not. Stopped on exit."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)
    try:
        yield wait_for_port(port, process, seconds)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
