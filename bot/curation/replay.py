"""`faqbot check --replay`: every curated wording through the engine, as users will ask it.

`faqbot check` proves the files are well formed; it cannot tell that 「镇上一共几名党员」 now
lands on another fact, a choice or a decline. The replay asks every wording of every fact and
lists each one that does not return its own fact, with what it got instead. It also lists each
wording of another article whose answer this edit changed: against `--against DIR` (the
knowledge before the edit), or else against the answers the previous replay of this folder
recorded in the cache folder.

A wording counts as found when it is answered with its fact (or with the article sentence the
fact cites), or when the bot offers it among choices from more than one place (a wording that
names no place may fit the same fact of several places: then asking which is right).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.model import Fact, Knowledge
from bot.matching.engine import Engine
from bot.reply import Reply


@dataclass(frozen=True)
class Miss:
    """A wording that does not return its own fact."""

    fact: Fact
    question: str
    got: str  # what it got instead, in words

    def shown(self, knowledge: Knowledge) -> str:
        path = knowledge.documents[self.fact.doc_id].path
        return f"replay: {path}:{self.fact.line}: {self.fact.id}: 「{self.question}」 → {self.got}"


@dataclass(frozen=True)
class Change:
    """A wording of another article whose answer the edit changed."""

    fact: Fact
    question: str
    before: str
    after: str

    @property
    def one_more_choice(self) -> bool:
        """Whether the wording already asked which one and now offers the new article's fact too
        (「这篇报道的标题是什么」 once a third article is added): every old choice is still offered.
        So is a wording of an article's document facts (its title, outlet, date, author, answered
        from its `document:` block) that now asks which article, its old answer among the choices:
        any article added answers it too."""
        if not self.after.startswith(CHOICE):
            return False
        offered = set(self.after[len(CHOICE) :].split(", "))
        if not self.before.startswith(CHOICE):
            return self.fact.origin == "document" and self.before in offered
        return set(self.before[len(CHOICE) :].split(", ")) <= offered

    def shown(self, knowledge: Knowledge) -> str:
        path = knowledge.documents[self.fact.doc_id].path
        label = "one more choice" if self.one_more_choice else "changed"
        where = f"{path}:{self.fact.line}: {self.fact.id}"
        return f"{label}: {where}: 「{self.question}」 was {self.before}, now {self.after}"


@dataclass
class Replay:
    total: int = 0
    misses: list[Miss] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> list[Change]:
        """The changes that are more than one more choice offered."""
        return [change for change in self.changes if not change.one_more_choice]

    answers: dict[str, str] = field(default_factory=dict)  # "fact id\twording" → outcome
    compared: bool = False  # whether there was a previous knowledge to compare with

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else 100.0 * (self.total - len(self.misses)) / self.total


#: How a choice is written in a replay's answers: 「a choice: fact-a, fact-b」.
CHOICE = "a choice: "


def outcome(reply: Reply) -> str:
    """A reply in a few words: 「fact-id」, 「a choice: a, b」 or 「declined」."""
    if reply.status == "answered":
        return reply.fact_id or f"the sentence 「{_clip(reply.source.sentence if reply.source else '')}」"
    if reply.status == "clarify":
        return CHOICE + ", ".join(s.fact_id for s in reply.suggestions)
    return "declined" + (f" ({reply.reason})" if getattr(reply, "reason", None) else "")


def _clip(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _found(engine: Engine, fact: Fact, reply: Reply) -> bool:
    if reply.fact_id == fact.id:
        return True
    if reply.status == "answered" and reply.source is not None:
        return fact.source in reply.source.sentence  # the sentence it cites, or a fact told by it too
    if reply.status == "clarify" and fact.id in {s.fact_id for s in reply.suggestions}:
        # Asked which place: right for a wording that names none. A choice within one place is not.
        docs = [
            engine.knowledge.documents[f.doc_id] for s in reply.suggestions if (f := engine.knowledge.fact(s.fact_id))
        ]
        return len({d.place or d.id for d in docs}) > 1
    return False


def signatures(knowledge: Knowledge) -> dict[str, str]:
    """Per document, a hash of its article and facts: which articles an edit touched."""
    result: dict[str, str] = {}
    facts_of: dict[str, list[Fact]] = {}
    for fact in knowledge.facts:
        facts_of.setdefault(fact.doc_id, []).append(fact)
    for doc in knowledge.documents.values():
        fields = (doc.id, doc.title, doc.outlet, doc.date, doc.text, doc.author, doc.place, doc.chrome)
        digest = hashlib.sha256(repr(fields).encode())  # not its path: --against DIR is another folder
        for fact in facts_of.get(doc.id, []):
            digest.update(repr((fact.id, fact.questions, fact.answer, fact.source, fact.tags)).encode())
        result[doc.id] = digest.hexdigest()[:16]
    return result


def replay(engine: Engine, facts: Iterable[Fact] | None = None) -> Replay:
    """Ask every wording of `facts` (all curated facts by default) and keep what each got."""
    asked = [
        (fact, question) for fact in (engine.knowledge.facts if facts is None else facts) for question in fact.questions
    ]
    result = Replay()
    for (fact, question), (got, found) in zip(asked, _ask_all(engine, asked), strict=True):
        result.total += 1
        result.answers[f"{fact.id}\t{question}"] = got
        if not found:
            result.misses.append(Miss(fact, question, got))
    return result


#: From this many wordings on, the replay is shared among the machine's cores (forked processes
#: that inherit the engine): on every save a curator waits for it.
PARALLEL_FROM = 400
#: The engine and the wordings the forked processes answer (set just before they are forked).
_SHARED: list[tuple[Engine, list[tuple[Fact, str]]]] = []


def _ask_all(engine: Engine, asked: list[tuple[Fact, str]]) -> list[tuple[str, bool]]:
    """What each wording got, and whether that finds its fact; in order."""
    workers = min(os.cpu_count() or 1, 4)
    # Forked only from a process of one thread: a lock another thread holds would stay held.
    forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if len(asked) < PARALLEL_FROM or workers < 2 or not forkable:
        return _ask(engine, asked)
    _SHARED[:] = [(engine, asked)]
    step = -(-len(asked) // workers)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_ask_part, [(start, start + step) for start in range(0, len(asked), step)])
    except OSError:  # no processes to be had: ask them here
        return _ask(engine, asked)
    finally:
        _SHARED.clear()
    return [answered for part in parts for answered in part]


def _ask_part(span: tuple[int, int]) -> list[tuple[str, bool]]:
    engine, asked = _SHARED[0]
    return _ask(engine, asked[span[0] : span[1]])


def _ask(engine: Engine, asked: list[tuple[Fact, str]]) -> list[tuple[str, bool]]:
    replies = ((fact, engine.answer(question)) for fact, question in asked)
    return [(outcome(reply), _found(engine, fact, reply)) for fact, reply in replies]


def compare(result: Replay, knowledge: Knowledge, before: dict[str, str], before_signatures: dict[str, str]) -> None:
    """Fill `result.changes`: wordings of articles the edit left alone whose answer is not the same."""
    now = signatures(knowledge)
    untouched = {doc for doc, sig in now.items() if before_signatures.get(doc) == sig}
    result.compared = True
    for fact in knowledge.facts:
        if fact.doc_id not in untouched:
            continue
        for question in fact.questions:
            key = f"{fact.id}\t{question}"
            if key in before and before[key] != result.answers.get(key):
                result.changes.append(Change(fact, question, before[key], result.answers.get(key, "?")))


def against_folder(result: Replay, engine: Engine, previous: Engine) -> None:
    """Compare with the knowledge of another folder (the copy before the edit)."""
    old_signatures = signatures(previous.knowledge)
    now = signatures(engine.knowledge)
    untouched = {doc for doc, sig in now.items() if old_signatures.get(doc) == sig}
    # Curated facts only, as the replay itself asks: the document's own facts have no wordings of the curator's.
    before = replay(previous, [f for f in previous.knowledge.facts if f.doc_id in untouched and f.origin == "curated"])
    compare(result, engine.knowledge, before.answers, old_signatures)


def record_path(cache_dir: Path, root: Path) -> Path:
    where = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:8]
    return cache_dir / f"replay-{where}.json"


def against_record(result: Replay, knowledge: Knowledge, cache_dir: Path | None) -> None:
    """Compare with the previous replay of this folder, then record this one for the next."""
    if cache_dir is None:
        return
    path = record_path(cache_dir, knowledge.root)
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
        compare(result, knowledge, previous["answers"], previous["signatures"])
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no previous replay (or an unreadable one): nothing to compare with
    record(result, knowledge, cache_dir)


def record(result: Replay, knowledge: Knowledge, cache_dir: Path | None) -> None:
    """Keep this replay's answers as what the next plain `check --replay` of this folder compares
    with — after `--against DIR` too, so a curator who began with a copy goes on without one."""
    if cache_dir is None:
        return
    path = record_path(cache_dir, knowledge.root)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        record = {"answers": result.answers, "signatures": signatures(knowledge)}
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass
