"""README's "Improving the answers", end to end: from a user's unanswered question to a live
answer, with the bot running throughout (one LiveEngine, never restarted)."""

from __future__ import annotations

import yaml

from bot.config import Settings
from bot.curation.unanswered import unanswered_text
from bot.matching.reload import LiveEngine
from bot.questionlog import open_log
from tests.curation.helpers import NEW_FACTS, NEW_QUESTION, NEW_WORDING, add_new_article


def test_a_curator_turns_an_unanswered_question_into_a_live_answer(live_settings: Settings) -> None:
    live = LiveEngine(live_settings)
    log = open_log(live_settings)
    assert log is not None
    for user, question in enumerate([NEW_QUESTION, NEW_WORDING, NEW_QUESTION]):
        reply = live.engine.answer(question)
        assert reply.status == "declined"
        log.record("telegram", user, reply)

    # 1. faqbot unanswered: one group, asked three times.
    listing = unanswered_text(live_settings, since=None, limit=20, as_yaml=False)
    assert f"×3  {NEW_QUESTION}" in listing and f"{NEW_WORDING} ×1" in listing

    # 2. faqbot unanswered --yaml gives the stub; the curator adds the article and a facts
    #    file whose fact carries the stub's questions, with the TODOs filled in.
    [stub] = yaml.safe_load(unanswered_text(live_settings, since=None, limit=20, as_yaml=True))["facts"]
    assert stub["questions"] == [NEW_QUESTION, NEW_WORDING]
    written = yaml.safe_load(NEW_FACTS)["facts"][0]
    assert written["questions"][:2] == stub["questions"]
    add_new_article(live_settings.knowledge_dir)

    # 3. The running bot picks the edit up; the question is answered; the list is empty again.
    assert live.poll() == []
    reply = live.engine.answer(NEW_QUESTION)
    assert (reply.status, reply.fact_id) == ("answered", written["id"]) and "386" in (reply.answer or "")
    log.record("telegram", 9, reply)
    listing = unanswered_text(live_settings, since=None, limit=20, as_yaml=False)
    assert listing.startswith("No unanswered questions") and "Answered by the knowledge now" in listing
    log.close()
