"""A time limit on one call, through SIGALRM: how the engine stops a rule that runs away.

The limit applies only where an alarm can interrupt the call: a platform with
``signal.setitimer`` (not Windows), the main thread of the process (a worker process
runs its rules in its own main thread), and no alarm of the program that embeds
reportlint already running (that alarm and its handler are left alone).  Elsewhere the
call runs without a limit.  For a series of calls (TimeLimits) the handler stays
installed and the timer may stay set between the calls; both are cleared, and the previous
handler put back, when the series ends, however it ends.
"""
from __future__ import annotations

import signal
import sys
from _thread import get_ident
from time import monotonic

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Any, Callable, Optional, TypeVar
    T = TypeVar("T")


class TimeLimitExceeded(BaseException):
    """Raised inside the call when its time is up.  A BaseException, as KeyboardInterrupt
    is, so that a rule's ``except Exception:`` does not swallow it."""


def can_limit() -> bool:
    """Whether a time limit (TimeLimits) can stop a call here and now."""
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
    """A limit of ``seconds`` on each of a series of calls (0: no limit; None: each call
    gives its own), as a context.

    The handler is installed once for the whole series (a run's files, a worker's life),
    and the timer is not set for each call: both cost more than a small rule takes on a
    small file.  Each call only notes its deadline; the timer, once set, fires at the
    earliest deadline it was set for, and the handler sets it again for the deadline of
    the call then running, if that one still has time, or stops the call."""

    def __init__(self, seconds: Optional[float] = None):
        self.seconds = seconds
        self._depth = 0           # entered this many times, by the thread ``_thread``
        self._thread: Optional[int] = None
        self._previous: Any = None   # the handler to put back
        self._on = False
        # The running call's deadline (None between calls), when the timer fires (0: not
        # set), and whether the handler stopped the call: ``call`` keeps them, and so does
        # the engine itself for each rule, where a call per rule would cost a small
        # document a tenth of its rules' time.
        self.deadline: Optional[float] = None
        self.timer_due = 0.0
        self.expired = False

    @property
    def entered(self) -> bool:
        """Whether this thread is inside the series: another thread's calls need a series
        of their own (which runs them without a limit: the alarm is the main thread's)."""
        return self._depth > 0 and self._thread == get_ident()

    def __enter__(self) -> "TimeLimits":
        if self._depth and self._thread != get_ident():
            return self   # another thread's series: this thread's calls run without it
        self._depth += 1
        if self._depth > 1:   # a series inside the same series: already set up
            return self
        self._thread = get_ident()
        if (self.seconds is None or self.seconds > 0) and can_limit():
            try:
                self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            except ValueError:   # not the main thread after all
                return self
            self._on = True
        return self

    def __exit__(self, *exc) -> None:
        if self._thread != get_ident():
            return
        self._depth -= 1
        if self._depth:
            return
        self._thread = None
        if self._on:
            self._on = False
            self.timer_due = 0.0
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)

    def limited(self, seconds: float) -> bool:
        """Whether a call of this thread limited to ``seconds`` (0: none) gets the limit:
        not where no limit can stop it."""
        return self._on and seconds > 0 and self._thread == get_ident()

    def _set_timer(self, seconds: float) -> None:
        self.timer_due = monotonic() + seconds
        signal.setitimer(signal.ITIMER_REAL, seconds)

    def _on_alarm(self, signum, frame):
        self.timer_due = 0.0
        deadline = self.deadline
        if deadline is None:   # between calls: the next call sets the timer again
            return
        left = deadline - monotonic()
        if left > 0:   # set for an earlier call: this one still has time
            self._set_timer(left)
            return
        self.expired = True
        raise TimeLimitExceeded

    def begin(self, seconds: float) -> None:
        """Begin a call limited to ``seconds`` (where ``limited`` says it can be): its
        caller sets ``deadline`` back to None when it ends, however it ends, and then
        raises TimeLimitExceeded if ``expired`` (the call caught it and went on)."""
        self.deadline = deadline = monotonic() + seconds
        self.expired = False
        if not self.timer_due or self.timer_due > deadline:
            self._set_timer(seconds)

    def call(self, call: Callable[[], T], seconds: Optional[float] = None) -> T:
        """``call()``, or TimeLimitExceeded once it has run ``seconds`` (default: the
        series' limit)."""
        seconds = self.seconds if seconds is None else seconds
        if not seconds or not self.limited(seconds):
            return call()
        self.begin(seconds)
        try:
            result = call()
        finally:
            self.deadline = None
        if self.expired:   # the call caught the exception and went on: its time was up all the same
            raise TimeLimitExceeded
        return result

