"""A save noticed half-way, or a deleted facts file, is not served until confirmed: a facts file
cut between two facts is valid YAML, and a deleted file looks like a finished edit."""

from __future__ import annotations

from bot.config import Settings
from bot.matching.reload import LiveEngine

LECTURES = "大桥镇讲了多少堂党课"  # a fact near the end of jiaxing-2019.yaml: 194


def _answers_lectures(live: LiveEngine) -> bool:
    reply = live.engine.answer(LECTURES)
    return reply.status == "answered" and "194" in (reply.answer or "")


def test_a_facts_file_cut_between_two_facts_waits_for_confirmation(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    facts = live_settings.knowledge_dir / "facts" / "jiaxing-2019.yaml"
    text = facts.read_text(encoding="utf-8")
    starts = [i for i in range(len(text)) if text.startswith("\n- id:", i)]
    facts.write_text(text[: starts[len(starts) // 4]] + "\n", encoding="utf-8")  # a quarter of its facts
    problems = live.poll()
    assert problems and "would remove" in str(problems[0]) and "/reload" in str(problems[0])
    assert _answers_lectures(live)  # still the whole knowledge
    facts.write_text(text, encoding="utf-8")  # the rest of the save arrives
    assert live.poll() == [] and _answers_lectures(live)


def test_a_deleted_facts_file_is_served_only_after_reload(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    (live_settings.knowledge_dir / "facts" / "jiaxing-2019.yaml").unlink()
    problems = live.poll()
    assert problems and "would no longer be served" in str(problems[0])
    assert _answers_lectures(live)
    assert live.reload() == []  # an admin's /reload confirms
    assert not _answers_lectures(live)
