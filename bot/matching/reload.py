"""Hot reload: serve a curator's edit of the knowledge folder without restarting the bot.

`LiveEngine` holds the engine that front ends answer with (`live.engine`, read afresh for each
message) and swaps in a new one when the knowledge changes. An edit that fails the checks of
`faqbot check` is refused: the previous engine keeps serving, every problem is logged with its
file and line, and `on_problems` is called (Telegram tells the admins).

Why polling and not a file-watching library: the knowledge is a handful of files, and one
`stat()` each per `reload_interval` (1 s) costs microseconds, works the same on every operating
system, network drive and container bind mount (where inotify often stays silent), and adds
no dependency. A change is picked up within one interval, then the index is rebuilt.

Where the rebuild runs: with a cache folder (`cache_dir`, the default), in a child process
(`bot.index.prebuild`) limited to `reload_time_limit` seconds and `reload_memory_limit` MB; the
serving process only unpickles the result, so the chats go on while a large folder is indexed,
and a build that runs too long or too big is refused like a broken edit. Without a cache folder
(`cache_dir: ""`, chosen where nothing but the log may be written) the child would have nowhere
to leave the index, so the build runs in the calling thread as before. Start-up reads in-process
too: nothing is served yet, and a start that fails should fail in the foreground.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.config import Settings
from bot.index.cache import load_index
from bot.index.prebuild import BuildCancelled, BuildFailed, Prebuilder
from bot.knowledge.read import fingerprint, knowledge_files, read_knowledge
from bot.matching.engine import Engine
from bot.yamlfile import Problem

log = logging.getLogger(__name__)

#: An editor may save in several steps (truncate, write, rename). A change is acted on only
#: once the files have stayed the same for this long, so a half-written file is not reported.
SETTLE = 0.2
#: ... but a folder that keeps changing is read anyway after this long.
SETTLE_LIMIT = 2.0
#: An edit noticed by polling that drops a whole article, or more than this share of the facts,
#: is not served until confirmed with `reload()` (Telegram: an admin's /reload): a facts file
#: cut short between two facts is valid YAML, and a deleted file looks like a finished edit.
MAX_SILENT_LOSS = 0.2

Snapshot = tuple[tuple[str, int, int, int], ...]


def snapshot(root: Path) -> Snapshot:
    """The name, modification time, size and inode of every knowledge file: cheap to take."""
    entries = []
    for path in knowledge_files(root):
        try:
            info = path.stat()
        except OSError:  # deleted between the listing and the stat: the next poll sees it
            continue
        entries.append((str(path), info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(entries)


class LiveEngine:
    """The current engine for `settings.knowledge_dir`, reloaded when its files change.

    `on_problems` is called with the errors of a refused edit, in the thread that ran
    `reload()` or `poll()` (with `watch()`, a worker thread: an asyncio front end should hand
    the work to its loop with `loop.call_soon_threadsafe` or `asyncio.run_coroutine_threadsafe`).
    """

    def __init__(self, settings: Settings, on_problems: Callable[[list[Problem]], None] | None = None) -> None:
        self.settings = settings
        self.root = Path(settings.knowledge_dir)
        self.on_problems = on_problems
        self._lock = threading.Lock()
        # The snapshot is taken before loading, so an edit made during the load is seen later.
        self._snapshot = snapshot(self.root)
        #: Raises InvalidKnowledge: a bot that cannot start with its knowledge should not start.
        self.engine = Engine.load(self.root, settings)
        # The fingerprint of the last state read, good or bad: the same state is never
        # reported twice (a `touch`, or an editor saving an unchanged file).
        self._seen = self.engine.knowledge.fingerprint
        cache = settings.cache_path
        self._prebuilder = (
            Prebuilder(self.root, cache, settings.reload_time_limit, settings.reload_memory_limit)
            if cache is not None and _writable(cache)
            else None
        )

    def close(self) -> None:
        """The front end is stopping: kill a child building the index, so stopping never waits
        for it, and start no reload after this (each would end at once, changing nothing)."""
        if self._prebuilder is not None:
            self._prebuilder.close()

    def reload(self, notify: bool = True) -> list[Problem]:
        """Read the knowledge now; swap engines if it is valid, else keep the old one.

        Returns the errors that refused the edit ([] on success). With `notify`, a refused
        edit is also passed to `on_problems`.
        """
        with self._lock:
            self._snapshot = snapshot(self.root)
            return self._reload(notify, confirmed=True)

    def poll(self) -> list[Problem] | None:
        """Reload if any knowledge file changed since the last look: None if nothing changed,
        else what `reload()` returns. Cheap when nothing changed (one stat per file)."""
        with self._lock:
            current = snapshot(self.root)
            if current == self._snapshot:
                return None
            current = self._settle(current)
            self._snapshot = current
            if fingerprint(self.root) == self._seen:
                return None
            return self._reload(notify=True, confirmed=False)

    def _settle(self, current: Snapshot) -> Snapshot:
        deadline = time.monotonic() + SETTLE_LIMIT
        while time.monotonic() < deadline:
            time.sleep(SETTLE)
            later = snapshot(self.root)
            if later == current:
                break
            current = later
        return current

    def _reload(self, notify: bool, confirmed: bool) -> list[Problem]:
        started = time.monotonic()
        try:
            engine, errors = self._build()
        except BuildCancelled:
            log.info("A reload of %s was stopped: the bot is stopping.", self.root)
            return []
        if engine is not None and not confirmed:
            errors = self._losses(engine)
            engine = None if errors else engine
        if engine is None:
            return self._refuse(errors, notify)
        self.engine = engine
        log.info(
            "Reloaded the knowledge from %s: %d articles, %d facts (%.1f s).",
            self.root,
            len(engine.knowledge.documents),
            len(engine.knowledge.facts),
            time.monotonic() - started,
        )
        return []

    def _build(self) -> tuple[Engine | None, list[Problem]]:
        """A new engine for the folder as it is now, or None and the errors that prevent it."""
        # Any exception becomes a problem: however odd the edit, it must not stop the bot.
        try:
            if self._prebuilder is not None:
                return self._build_elsewhere(self._prebuilder)
            knowledge, problems = read_knowledge(self.root)
            self._seen = knowledge.fingerprint
            errors = self._errors(problems)
            if errors:
                return None, errors
            return Engine(knowledge, load_index(knowledge, self.settings.cache_path), self.settings.matching), []
        except BuildCancelled:
            raise
        except Exception as exc:
            log.debug("Loading the knowledge failed.", exc_info=True)
            message = f"the knowledge could not be loaded ({type(exc).__name__}: {exc})."
            return None, [Problem(str(self.root), 1, message)]

    def _build_elsewhere(self, prebuilder: Prebuilder) -> tuple[Engine | None, list[Problem]]:
        """`_build` with the reading and indexing done by a child process (bot.index.prebuild)."""
        try:
            files, problems = prebuilder.build()
        except BuildFailed as exc:
            self._seen = fingerprint(self.root)  # this state is told once, like a broken edit
            return None, [Problem(str(self.root), 0, str(exc))]
        self._seen = files
        errors = self._errors(problems)
        if errors:
            return None, errors
        knowledge, index = prebuilder.load(files)
        return Engine(knowledge, index, self.settings.matching), []

    @staticmethod
    def _errors(problems: list[Problem]) -> list[Problem]:
        """Log the warnings; return the errors (which refuse the edit)."""
        for problem in problems:
            if problem.severity != "error":
                log.warning("%s", problem)
        return [p for p in problems if p.severity == "error"]

    def _losses(self, engine: Engine) -> list[Problem]:
        """Why the new knowledge may not replace the old one unconfirmed: [] when it may."""
        old, new = self.engine.knowledge, engine.knowledge
        problems = [
            Problem(
                document.path,
                0,
                f"the article {document.id} and its facts would no longer be served (its facts file was "
                "deleted or lost its document); send /reload (or restart) to confirm.",
            )
            for doc_id, document in old.documents.items()
            if doc_id not in new.documents
        ]
        lost = len(old.facts) - len(new.facts)
        if not problems and old.facts and lost / len(old.facts) > MAX_SILENT_LOSS:
            problems.append(
                Problem(
                    str(self.root),
                    0,
                    f"the edit would remove {lost} of {len(old.facts)} facts — a file saved only in part? "
                    "Finish the edit, or send /reload to confirm.",
                )
            )
        return problems

    def _refuse(self, errors: list[Problem], notify: bool) -> list[Problem]:
        facts = len(self.engine.knowledge.facts)
        log.error(
            "The knowledge edit in %s has %d error(s); still serving the previous knowledge (%d facts).",
            self.root,
            len(errors),
            facts,
        )
        for problem in errors:
            log.error("%s", problem)
        if notify and self.on_problems is not None:
            # A failed notice (say, Telegram is unreachable) must not stop the reloading.
            try:
                self.on_problems(errors)
            except Exception:
                log.warning("Telling about the knowledge problems failed.", exc_info=True)
        return errors


def _writable(folder: Path) -> bool:
    """Whether the cache folder can take a child's build (made if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


async def watch(live: LiveEngine, interval: float | None = None) -> None:
    """Poll `live` every `interval` seconds (default `reload_interval`) until cancelled.

    Each poll runs in a worker thread (the index itself is built in a child process), so a
    reload never blocks the event loop. Cancelling stops a build under way.
    """
    interval = live.settings.reload_interval if interval is None else interval
    while True:
        await asyncio.sleep(interval)
        # Polling must outlive any single failure, or edits would silently stop going live.
        try:
            await asyncio.to_thread(live.poll)
        except asyncio.CancelledError:
            live.close()  # or the loop's shutdown would wait for the build's thread
            raise
        except Exception:
            log.warning("Checking the knowledge for edits failed.", exc_info=True)


def watch_in_thread(live: LiveEngine, interval: float | None = None) -> threading.Event:
    """Poll `live` from a daemon thread (for synchronous front ends); set the event to stop."""
    interval = live.settings.reload_interval if interval is None else interval
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(interval):
            # As in watch(): one failure must not end the polling.
            try:
                live.poll()
            except Exception:
                log.warning("Checking the knowledge for edits failed.", exc_info=True)

    threading.Thread(target=run, name="faqbot-reload", daemon=True).start()
    return stop
