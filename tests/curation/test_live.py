"""Hot reload: good edits go live, broken ones are refused with file:line while the old
knowledge keeps answering; the same broken folders make `faqbot check` exit 1."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.knowledge.model import InvalidKnowledge
from bot.matching.reload import LiveEngine, watch, watch_in_thread
from tests.curation.helpers import NEW_FACTS, NEW_QUESTION, Notices, add_new_article, answers_known
from tests.curation.mutations import MUTATIONS, Mutation

FILE_LINE = re.compile(r"^\S+:\d+: ")


def test_an_unchanged_folder_polls_nothing_and_a_touch_reloads_nothing(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    engine = live.engine
    assert live.poll() is None
    article = live_settings.knowledge_dir / "articles" / "wujiang-kaifaqu-2014.txt"
    os.utime(article, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    assert live.poll() is None
    assert live.engine is engine


def test_a_good_edit_goes_live_on_the_next_poll(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    assert live.engine.answer(NEW_QUESTION).status == "declined"
    add_new_article(live_settings.knowledge_dir)
    assert live.poll() == []
    reply = live.engine.answer(NEW_QUESTION)
    assert (reply.status, reply.fact_id) == ("answered", "qs-solar-capacity") and "386" in (reply.answer or "")
    assert answers_known(live)
    assert live.poll() is None


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_a_broken_edit_is_refused_with_file_and_line_and_the_old_knowledge_keeps_answering(
    live_settings: Settings, mutation: Mutation, caplog: pytest.LogCaptureFixture
) -> None:
    notices = Notices()
    live = LiveEngine(live_settings, on_problems=notices)
    engine = live.engine
    name, line = mutation(live_settings.knowledge_dir)
    with caplog.at_level(logging.ERROR, logger="bot.matching.reload"):
        problems = live.poll()
    assert problems, "the broken edit was not reported"
    assert all(FILE_LINE.match(str(p)) and p.severity == "error" for p in problems)
    assert any(p.path.endswith(name) and (line is None or p.line == line) for p in problems), problems
    assert notices.calls == [problems]
    for problem in problems:
        assert str(problem) in caplog.text
    assert live.engine is engine and answers_known(live)
    assert live.poll() is None and len(notices.calls) == 1  # the same broken state, told once


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_faqbot_check_exits_1_with_file_and_line_for_a_broken_edit(knowledge_copy: Path, mutation: Mutation) -> None:
    name, line = mutation(knowledge_copy)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(knowledge_copy)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    named = [
        m for m in re.finditer(r"^(\S+):(\d+): (?!warning)", run.stdout, re.MULTILINE) if m.group(1).endswith(name)
    ]
    assert named and (line is None or any(int(m.group(2)) == line for m in named)), run.stdout[:2000]


def test_fixing_a_refused_edit_goes_live(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    add_new_article(live_settings.knowledge_dir, NEW_FACTS.replace("装机容量为386千瓦。\n", "装机容量为368千瓦。\n"))
    problems = live.poll()
    assert problems and all(p.path.endswith("facts/qingshan-2021.yaml") for p in problems)
    assert any(p.line == 14 and "not verbatim" in p.message for p in problems)
    add_new_article(live_settings.knowledge_dir)
    assert live.poll() == []
    assert live.engine.answer(NEW_QUESTION).fact_id == "qs-solar-capacity"


def test_reload_reads_even_without_a_change_and_can_stay_quiet(live_settings: Settings) -> None:
    notices = Notices()
    live = LiveEngine(live_settings, on_problems=notices)
    assert live.reload() == []
    MUTATIONS["duplicate_key"](live_settings.knowledge_dir)
    first = live.poll()
    assert first and live.reload() == first  # /reload reports the broken state again
    assert live.reload(notify=False) == first
    assert len(notices.calls) == 2


def test_knowledge_broken_at_start_stops_the_start(live_settings: Settings) -> None:
    MUTATIONS["bad_yaml"](live_settings.knowledge_dir)
    with pytest.raises(InvalidKnowledge) as caught:
        LiveEngine(live_settings)
    assert FILE_LINE.match(str(caught.value.problems[0]))


def _wait_for(condition: object, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


async def test_watch_serves_an_edit_without_blocking_the_event_loop(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    task = asyncio.create_task(watch(live, interval=0.05))
    add_new_article(live_settings.knowledge_dir)
    ticks = 0
    deadline = time.monotonic() + 20
    while live.engine.knowledge.fact("qs-solar-capacity") is None and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
        ticks += 1
    task.cancel()
    assert live.engine.knowledge.fact("qs-solar-capacity") is not None
    assert ticks > 10  # the loop kept running while the index was rebuilt


def test_watch_in_thread_serves_an_edit_until_stopped(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    stop = watch_in_thread(live, interval=0.05)
    try:
        add_new_article(live_settings.knowledge_dir)
        assert _wait_for(lambda: live.engine.knowledge.fact("qs-solar-capacity") is not None)
    finally:
        stop.set()
