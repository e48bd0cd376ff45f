"""A reload reads the knowledge and builds its index in a child process (bot.index.prebuild),
bounded in time and memory: the serving process keeps answering meanwhile, and a build that
runs too long or too big is refused like a broken edit while the old knowledge keeps serving."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.index.cache import index_path
from bot.matching.reload import LiveEngine
from bot.yamlfile import Problem
from tests.curation.helpers import NEW_FACTS, NEW_QUESTION, Notices, add_new_article, answers_known

#: An edit no other test makes, so its index is not in the run's shared cache: the child
#: really builds one (about two seconds), not just reads the knowledge. (Each test varies it.)
OWN_FACTS = NEW_FACTS.replace(
    "  - 光伏电站的容量有多少千瓦\n", "  - 光伏电站的容量有多少千瓦\n  - 青山村电站装了多少千瓦的光伏\n"
)


def _answers_new(live: LiveEngine) -> bool:
    return live.engine.answer(NEW_QUESTION).fact_id == "qs-solar-capacity"


@pytest.mark.parametrize(
    ("setting", "value", "says"),
    [
        ("reload_time_limit", 0.05, "building the index of this folder took longer than 0.05 s (reload_time_limit)"),
        ("reload_memory_limit", 20, "building the index of this folder needed more than 20 MB of memory"),
    ],
)
def test_a_build_over_its_limit_is_refused_and_the_old_answers_still_come(
    live_settings: Settings, setting: str, value: float, says: str
) -> None:
    notices = Notices()
    setattr(live_settings, setting, value)
    live = LiveEngine(live_settings, on_problems=notices)
    engine = live.engine
    add_new_article(live_settings.knowledge_dir)
    problems = live.poll()
    assert problems is not None and len(problems) == 1, problems
    (problem,) = problems
    assert problem.severity == "error" and problem.path == str(live_settings.knowledge_dir)
    assert says in problem.message and problem.message.endswith("the previous knowledge keeps serving."), problem
    assert notices.calls == [problems]  # the admins are told
    assert live.engine is engine and answers_known(live) and not _answers_new(live)
    assert live.poll() is None and len(notices.calls) == 1  # the same state is told once


def test_a_reload_is_read_and_indexed_outside_the_serving_process(
    live_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = LiveEngine(live_settings)

    def in_this_process(*args: object) -> None:
        raise AssertionError("the knowledge was read or indexed in the serving process")

    # The child is another interpreter: these patches reach only the serving process.
    for name in ("read_knowledge", "load_index", "load_knowledge_cached"):
        monkeypatch.setattr(f"bot.matching.reload.{name}", in_this_process, raising=False)
    monkeypatch.setattr("bot.index.cache.build_index", in_this_process)
    monkeypatch.setattr("bot.knowledge.read.read_knowledge", in_this_process)
    add_new_article(live_settings.knowledge_dir)
    assert live.poll() == []
    assert _answers_new(live) and answers_known(live)
    assert index_path(live.engine.knowledge, Path(live_settings.cache_dir)).exists()  # left by the child


def test_a_broken_edit_is_still_reported_with_file_and_line_through_the_child(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    add_new_article(live_settings.knowledge_dir, NEW_FACTS.replace("装机容量为386千瓦。\n", "装机容量为368千瓦。\n"))
    problems = live.poll()
    assert problems and any(p.path.endswith("facts/qingshan-2021.yaml") and p.line == 14 for p in problems)
    assert not _answers_new(live) and answers_known(live)


@pytest.fixture
def rare_switches() -> Iterator[None]:
    """The interpreter hands the GIL over as seldom as it does during one long C call (pickling
    an index, loading jieba's dictionary): a build in a thread of this process then starves
    the event loop for whole stretches, as the Telegram bot's chats were during a reload."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.5)
    yield
    sys.setswitchinterval(before)


async def test_the_event_loop_keeps_ticking_while_an_index_is_rebuilt(
    live_settings: Settings, rare_switches: None
) -> None:
    live = LiveEngine(live_settings)
    add_new_article(live_settings.knowledge_dir, OWN_FACTS.replace("青山村电站", "青山村的电站"))
    reload = asyncio.create_task(asyncio.to_thread(live.reload))
    ticks, started = 0, time.monotonic()
    while not reload.done():
        await asyncio.sleep(0.01)
        ticks += 1
    possible = (time.monotonic() - started) / 0.01  # ticks of a loop that never waited
    assert await reload == [] and _answers_new(live)
    # Measured: a build in a thread of this process let 45–48% of the ticks through; the child
    # 84–94% (what is lost is the serving process unpickling the index and loading its jieba
    # dictionary, a quarter second). A share, not a time: a slow machine stretches both alike.
    assert ticks >= 0.65 * possible, (ticks, possible)


def test_closing_stops_a_build_under_way(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    engine = live.engine
    add_new_article(live_settings.knowledge_dir, OWN_FACTS.replace("青山村电站", "青山村这座电站"))
    result: list[list[Problem]] = []
    worker = threading.Thread(target=lambda: result.append(live.reload()))
    worker.start()
    prebuilder = live._prebuilder
    assert prebuilder is not None
    deadline = time.monotonic() + 30
    while prebuilder._child is None and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.001)
    live.close()  # the child needs a second just to start Python: it is still building
    worker.join(timeout=30)
    assert not worker.is_alive() and result == [[]]
    assert live.engine is engine and not _answers_new(live)
    assert live.reload() == [] and live.engine is engine  # a closed engine reloads nothing
