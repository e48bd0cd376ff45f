"""Small talk: greetings, thanks, goodbyes, "who are you", "what can you do", "how do I ask".

What people say and what the bot answers are data, in bot/matching/data/smalltalk.yaml, so
the bot's voice is edited without touching code. It lives with the engine rather than in the
knowledge folder because it is the bot's own voice, the same whatever articles are loaded, and
has no article to be checked against; its replies name the articles' places and example
questions through placeholders, so it never goes stale when the knowledge changes.

A message is small talk only when all of it is made of listed phrases: 「你好，谢谢」 is, and
「你好，科技城有多少党员」 is a question. The engine answers small talk as `declined` with
reason `smalltalk` (it answers no question from the articles), and the question log never
records it, so curators never see 「谢谢」 among unanswered questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from bot.text.normalize import compact

#: A message longer than this is never small talk, however it starts.
LONGEST = 24


@dataclass(frozen=True)
class Intent:
    name: str
    says: tuple[str, ...]
    reply: str


class SmallTalkError(ValueError):
    """The small-talk file is malformed; the message names the file and what is wrong."""


def load_intents(path: Path | None = None) -> tuple[Intent, ...]:
    """The intents of `path` (default: the bundled bot/matching/data/smalltalk.yaml)."""
    if path is None:
        text = resources.files("bot.matching.data").joinpath("smalltalk.yaml").read_text(encoding="utf-8")
        where = "bot/matching/data/smalltalk.yaml"
    else:
        text, where = path.read_text(encoding="utf-8"), str(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SmallTalkError(f"{where} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise SmallTalkError(f"{where} must map intent names to {{says, reply}}.")
    intents = []
    for name, body in data.items():
        says = body.get("says") if isinstance(body, dict) else None
        reply = body.get("reply") if isinstance(body, dict) else None
        if not isinstance(says, list) or not isinstance(reply, str) or not reply.strip():
            raise SmallTalkError(f"{where}: the intent {name!r} needs a list `says` and a text `reply`.")
        intents.append(Intent(str(name), tuple(str(s) for s in says), reply.strip()))
    return tuple(intents)


class SmallTalk:
    """Recognises small talk and words the bot's reply."""

    def __init__(self, intents: tuple[Intent, ...] | None = None) -> None:
        self.intents = {i.name: i for i in (intents if intents is not None else load_intents())}
        phrases: dict[str, str] = {}
        for intent in self.intents.values():
            for said in intent.says:
                if key := compact(said):
                    phrases[key] = intent.name
        self._phrases = phrases
        # The whole message, a run of phrases: longest first so 你好 wins over 你 + 好.
        alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        self._pattern = re.compile(f"(?:{alternatives})") if phrases else None

    def intent_of(self, text: str) -> Intent | None:
        """The intent of a message made only of small-talk phrases, else None."""
        key = compact(text)
        if not key or len(key) > LONGEST or self._pattern is None:
            return None
        if key in self._phrases:
            return self.intents[self._phrases[key]]
        found = []
        position = 0
        while position < len(key):
            match = self._pattern.match(key, position)
            if match is None:
                return None
            found.append(match.group())
            position = match.end()
        return self.intents[self._phrases[found[-1]]] if found else None

    @staticmethod
    def say(intent: Intent, values: dict[str, str]) -> str:
        """The intent's reply with its placeholders filled (unknown ones are left as they are)."""
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), intent.reply)
