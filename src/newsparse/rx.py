"""Regular expressions over untrusted text, always with a time limit.

Every stage compiles its patterns with :func:`compile`. Each match call gets a timeout: the time left in
the current document's budget (set by the pipeline with :func:`deadline`), capped at
``PER_CALL_SECONDS``. A pattern that runs out raises :class:`DocumentTimeout`, which the batch runner
turns into an error record instead of a hung worker.
"""

from __future__ import annotations

import contextlib
import contextvars
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import regex

PER_CALL_SECONDS = 2.0

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("newsparse_deadline", default=None)


class DocumentTimeout(Exception):
    """The document used up its time budget (a pattern or a stage ran too long)."""


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Give the enclosed work ``seconds`` of wall time; ``None`` means only the per-call cap."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def time_left() -> float:
    """Seconds left for the current call; raises :class:`DocumentTimeout` when none are."""
    end = _deadline.get()
    if end is None:
        return PER_CALL_SECONDS
    left = end - time.monotonic()
    if left <= 0:
        raise DocumentTimeout("document time budget exceeded")
    return min(left, PER_CALL_SECONDS)


def check_deadline() -> None:
    """Raise :class:`DocumentTimeout` if the budget is spent (for long pure-Python loops)."""
    time_left()


HARD_LIMIT_REPEAT_SECONDS = 0.5


@contextlib.contextmanager
def hard_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt any Python code still running after ``seconds``, by raising :class:`DocumentTimeout`.

    Pattern calls stop themselves (their timeout) and stages may call :func:`check_deadline`, but a
    stage's plain Python loop that forgets to is unbounded. The batch runner therefore arms a
    real-time timer around each document as a backstop. The timer repeats every
    ``HARD_LIMIT_REPEAT_SECONDS`` so that a stage's broad ``except Exception`` cannot swallow the
    stop for good. It needs SIGALRM and the main thread (a worker process or the CLI); elsewhere it
    does nothing and the soft deadline alone applies. Not for library use: it owns SIGALRM.

    >>> with hard_limit(0.05):
    ...     try:
    ...         while True:
    ...             pass
    ...     except DocumentTimeout:
    ...         print("stopped")
    stopped
    """
    if seconds is None or not _can_alarm():
        yield
        return
    armed = [True]

    def on_alarm(signum: int, frame: Any) -> None:
        if not armed[0]:  # fired while we were leaving: the work is done, just stop the timer
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        raise DocumentTimeout(f"document still running after {seconds:g}s (hard limit)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3), HARD_LIMIT_REPEAT_SECONDS)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class Pattern:
    """A compiled ``regex`` pattern whose every call runs under the document's time limit."""

    __slots__ = ("_p",)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._p = regex.compile(pattern, flags | regex.VERSION1)

    @property
    def pattern(self) -> str:
        return self._p.pattern

    def _too_slow(self, exc: TimeoutError) -> DocumentTimeout:
        return DocumentTimeout(f"pattern too slow: {self._p.pattern[:60]!r}")

    # Each method calls the compiled pattern directly (no shared ``*args`` helper): stages make
    # hundreds of thousands of calls on short lines, where the wrapper's own cost shows.
    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            return self._p.search(s, pos, len(s) if endpos is None else endpos, timeout=time_left())
        except TimeoutError as exc:
            raise self._too_slow(exc) from exc

    def match(self, s: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            return self._p.match(s, pos, len(s) if endpos is None else endpos, timeout=time_left())
        except TimeoutError as exc:
            raise self._too_slow(exc) from exc

    def fullmatch(self, s: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        try:
            return self._p.fullmatch(s, pos, len(s) if endpos is None else endpos, timeout=time_left())
        except TimeoutError as exc:
            raise self._too_slow(exc) from exc

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match]:
        """All matches, as a list: the time limit covers the whole scan."""
        try:
            return list(self._p.finditer(s, pos, len(s) if endpos is None else endpos, timeout=time_left()))
        except TimeoutError as exc:
            raise self._too_slow(exc) from exc

    def sub(self, repl: Any, s: str, count: int = 0) -> str:
        try:
            return self._p.sub(repl, s, count, timeout=time_left())
        except TimeoutError as exc:
            raise self._too_slow(exc) from exc

    def split(self, s: str, maxsplit: int = 0) -> list[str]:
        try:
            return self._p.split(s, maxsplit, timeout=time_left())
        except TimeoutError as exc:
            raise self._too_slow(exc) from exc


def compile(pattern: str, flags: int = 0) -> Pattern:
    return Pattern(pattern, flags)


# Re-exported flags so stages need not import regex themselves.
I = regex.IGNORECASE
M = regex.MULTILINE
X = regex.VERBOSE
S = regex.DOTALL
