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
import threading
from typing import Callable, TypeVar

T = TypeVar("T")


class TimeLimitExceeded(BaseException):
    """Raised inside the call when its time is up.  A BaseException, as KeyboardInterrupt
    is, so that a rule's ``except Exception:`` does not swallow it."""


def can_limit() -> bool:
    """Whether ``call_with_limit`` can stop a call here and now."""
    return (hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            # None: a handler installed outside Python, which could not be put back.
            and signal.getsignal(signal.SIGALRM) is not None
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


def call_with_limit(seconds: float, call: Callable[[], T]) -> T:
    """``call()``, or TimeLimitExceeded once it has run ``seconds`` (0: no limit)."""
    if seconds <= 0 or not can_limit():
        return call()
    state = {"armed": True, "expired": False}

    def on_alarm(signum, frame):
        # Once disarmed, a late alarm must not raise in the code that disarms it.
        if state["armed"]:
            state["expired"] = True
            raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            result = call()
        finally:
            state["armed"] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    if state["expired"]:   # the call caught the exception and went on: its time was up all the same
        raise TimeLimitExceeded
    return result
