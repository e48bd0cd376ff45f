"""Per-user flood control: at most `limit` served messages in any sliding window.

A user over the limit gets one polite notice, then silence until enough of their served
messages have aged out of the window; other users are unaffected because every user has
their own window. Refused messages do not count, so a user who keeps typing is served again
at the allowed rate rather than locked out for good.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum

#: Users not heard from for this long are forgotten, which keeps memory bounded.
FORGET_AFTER_WINDOWS = 2


class Verdict(Enum):
    SERVE = "serve"  # answer the message
    NOTIFY = "notify"  # refuse it, and tell the user once why
    DROP = "drop"  # refuse it quietly: the user has already been told


class FloodGate:
    """Sliding-window counters keyed by user id."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._served: dict[int, deque[float]] = {}
        self._notified: set[int] = set()
        self._last_sweep = clock()

    def check(self, user_id: int) -> Verdict:
        """Count one message from `user_id` and say whether to serve it."""
        now = self._clock()
        self._sweep(now)
        if self.limit <= 0:  # 0 turns flood control off
            return Verdict.SERVE
        served = self._served.setdefault(user_id, deque())
        while served and now - served[0] >= self.window:
            served.popleft()
        if len(served) < self.limit:
            served.append(now)
            self._notified.discard(user_id)
            return Verdict.SERVE
        if user_id in self._notified:
            return Verdict.DROP
        self._notified.add(user_id)
        return Verdict.NOTIFY

    def _sweep(self, now: float) -> None:
        """Forget idle users now and then, so a bot with many users does not grow forever."""
        if now - self._last_sweep < self.window:
            return
        self._last_sweep = now
        horizon = self.window * FORGET_AFTER_WINDOWS
        for user_id in [u for u, times in self._served.items() if not times or now - times[-1] > horizon]:
            del self._served[user_id]
            self._notified.discard(user_id)
