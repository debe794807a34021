"""A progress bar on standard error, for sweeps long enough to need one.

Nothing is drawn unless the stream is a terminal and the sweep has run longer
than ``delay`` seconds: short runs and pipes stay clean.
"""
from __future__ import annotations

import time

WIDTH = 30
DELAY = 1.0          # seconds of sweep before the bar appears
REDRAW_EVERY = 0.1   # seconds


class Progress:
    def __init__(self, stream, delay=None, clock=time.monotonic):
        self.stream, self.clock = stream, clock
        self.delay = DELAY if delay is None else delay
        self.started = clock()
        self.drawn_at = None
        try:
            self.enabled = stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 1:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < REDRAW_EVERY and done < total:
            return
        filled = WIDTH * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}")
        self.stream.flush()
        self.drawn_at = now

    def close(self) -> None:
        """Clear the bar, so that what follows starts on a clean line."""
        if self.drawn_at is not None:
            self.stream.write("\r" + " " * (WIDTH + 24) + "\r")
            self.stream.flush()
            self.drawn_at = None
