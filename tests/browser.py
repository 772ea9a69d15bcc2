"""A headless Chromium the tests drive over the DevTools protocol, through a pipe (standard library only).

``chromium --remote-debugging-pipe`` reads commands on fd 3 and writes answers and events
on fd 4, each a JSON message ending in a NUL byte: no websocket client, no driver, no
download. Started with the flags that keep it off the network (nothing but the page's
own loopback server is reached) and a fresh profile.

>>> with Chromium() as browser:                                     # doctest: +SKIP
...     page = browser.open("http://127.0.0.1:7878/")
...     page.evaluate("document.title")
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Self

__all__ = ["CHROMIUM", "Chromium", "Page"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,900", "--remote-debugging-pipe"]


class Chromium:
    def __init__(self, executable: str | None = CHROMIUM) -> None:
        if executable is None:
            raise FileNotFoundError("no chromium on PATH")
        self.profile = tempfile.mkdtemp(prefix="kgraph-chromium-")
        to_browser, self._theirs_in = os.pipe()  # we write commands into _theirs_in; chromium reads fd 3
        self._theirs_out, from_browser = os.pipe()  # chromium writes fd 4; we read _theirs_out
        # chromium wants its pipe on fds 3 and 4 exactly: bash puts them there (dash takes one-digit fds only) and becomes chromium
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser}',
             executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(to_browser, from_browser), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self.writer = os.fdopen(self._theirs_in, "wb", buffering=0)
        self.reader = os.fdopen(self._theirs_out, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []

    def _message(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = self.reader.read(65536)
            if not chunk:
                raise ConnectionError("chromium closed its pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: str | None = None, seconds: float = 30, **params) -> dict:
        """Send one command and wait for its answer (events that come meanwhile are kept in ``events``)."""
        self.next_id += 1
        command = {"id": self.next_id, "method": method, "params": params}
        if session:
            command["sessionId"] = session
        self.writer.write(json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + seconds
        while True:
            message = self._message(deadline)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def open(self, url: str) -> Page:
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        page = Page(self, session)
        page.call("Network.enable")
        page.call("Page.enable")
        page.call("Page.navigate", url=url)
        page.wait_for("document.readyState === 'complete'")
        return page

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError, ConnectionError):
            self.call("Browser.close", seconds=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.writer.close()
        self.reader.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    """One tab: evaluate JavaScript, click and type as a person does, take a screenshot."""

    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser = browser
        self.session = session

    def call(self, method: str, **params) -> dict:
        return self.browser.call(method, session=self.session, **params)

    def evaluate(self, expression: str):
        answer = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def wait_for(self, expression: str, seconds: float = 20):
        """The value of ``expression`` once it is truthy; TimeoutError if it stays falsy."""
        deadline = time.monotonic() + seconds
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"still false after {seconds:g} s: {expression}")
            time.sleep(0.1)

    def click(self, selector: str) -> None:
        """A mouse click in the middle of the element, as a person's."""
        box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type(self, text: str) -> None:
        """Type text into the focused element (as an input method does: one insertText)."""
        self.call("Input.insertText", text=text)

    def key(self, key: str, code: str, modifiers: int = 0, windows_code: int = 0) -> None:
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, modifiers=modifiers,
                      windowsVirtualKeyCode=windows_code)

    def screenshot(self, path: Path) -> Path:
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))
        return path

    def requested(self) -> list[str]:
        """Every URL this page has asked for so far."""
        return [e["params"]["request"]["url"] for e in self.browser.events
                if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == self.session]
