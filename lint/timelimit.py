"""A time limit on one call, through SIGALRM: how the engine stops a rule that runs away.

The limit applies only where an alarm can interrupt the call: a platform with
``signal.setitimer`` (not Windows), the main thread of the process (a worker process
runs its rules in its own main thread), and no alarm of the program that embeds
reportlint already running (that alarm and its handler are left alone).  Elsewhere the
call runs without a limit.  The alarm is always disarmed and the previous handler put
back, however the call ends.
"""
from __future__ import annotations

import signal
import sys
from typing import Any, Callable, TypeVar

T = TypeVar("T")


class TimeLimitExceeded(BaseException):
    """Raised inside the call when its time is up.  A BaseException, as KeyboardInterrupt
    is, so that a rule's ``except Exception:`` does not swallow it."""


def can_limit() -> bool:
    """Whether ``call_with_limit`` can stop a call here and now."""
    return (hasattr(signal, "setitimer")
            and _in_main_thread()
            # None: a handler installed outside Python, which could not be put back.
            and signal.getsignal(signal.SIGALRM) is not None
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


def _in_main_thread() -> bool:
    # Not importing threading spares a millisecond of every start: a program that started
    # a thread has it imported.  (One started through _thread alone makes signal.signal
    # raise ValueError, which __enter__ takes for "no limit here".)
    threading = sys.modules.get("threading")
    return threading is None or threading.current_thread() is threading.main_thread()


class TimeLimits:
    """A limit of ``seconds`` on each of a series of calls (0: no limit), as a context:
    the handler is installed once for the series, since installing and restoring it
    costs more than a small rule takes on a small file; each call only sets the timer."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._previous: Any = None   # the handler to put back
        self._on = False
        self._armed = False
        self._expired = False

    def __enter__(self) -> "TimeLimits":
        if self.seconds > 0 and can_limit():
            try:
                self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            except ValueError:   # not the main thread after all
                return self
            self._on = True
        return self

    def __exit__(self, *exc) -> None:
        if self._on:
            self._on = False
            signal.signal(signal.SIGALRM, self._previous)

    def _on_alarm(self, signum, frame):
        # Once disarmed, a late alarm must not raise in the code that disarms it.
        if self._armed:
            self._expired = True
            raise TimeLimitExceeded

    def call(self, call: Callable[[], T]) -> T:
        """``call()``, or TimeLimitExceeded once it has run the limit."""
        if not self._on:
            return call()
        self._armed, self._expired = True, False
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            result = call()
        finally:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
        if self._expired:   # the call caught the exception and went on: its time was up all the same
            raise TimeLimitExceeded
        return result


def call_with_limit(seconds: float, call: Callable[[], T]) -> T:
    """``call()``, or TimeLimitExceeded once it has run ``seconds`` (0: no limit)."""
    with TimeLimits(seconds) as limits:
        return limits.call(call)
