"""What curators learn from the question log: `faqbot unanswered` (`faqbot stats` is bot.curation.stats).

"Unanswered" means: the engine declined, or answered with a score below `matching.answer`
(possible only for follow-ups that reuse an earlier score). `clarify` replies are left out on
purpose: they already offered the right facts, and what users picked from them comes back as
"learned from choices" instead: new wordings for an existing fact, not a new fact. Follow-up
controls (「出处呢？」, 「还有呢？」, a bare number) are not questions and are skipped too.

Questions are grouped by the characters of their key words (aliases unified, question and
filler words dropped), so 北京有多少党员 and 北京市党员有几个 form one group while 上海有多少党员
does not. A group the current knowledge now answers is not listed: once a
curator's new fact is live, its questions drop off the list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import yaml
from rapidfuzz import fuzz, process

from bot.config import Settings
from bot.curation.logrows import CurationError, parse_since, read_log, since_text
from bot.knowledge.model import Fact
from bot.matching.engine import Engine
from bot.question.controls import is_control
from bot.question.parts import MAX_QUESTION
from bot.questionlog import LoggedPick, LoggedQuestion
from bot.text.lexicon import STOPWORDS
from bot.text.normalize import normalize

#: Two wordings join a group when rapidfuzz's ratio of their keys (see _key) reaches this.
#: 80 joins 北京有多少党员 / 北京市有几个党员 (89) and reorderings (100) but keeps 科技城的银行
#: apart from 科技城的医院 (71) and 北京的党员 from 上海的党员 (50).
GROUP_SIMILARITY = 80
EXAMPLES = 3  # wordings shown per group in the text listing


# -- grouping ----------------------------------------------------------------------------------


#: Control and bidirectional-override characters a user may have typed: printed raw, they would
#: move the cursor, recolour or clear the curator's terminal, or reverse the text shown.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    """One line: a question with a line break would not paste as one YAML item; control
    characters are shown as escapes (\\x1b), never sent to the terminal."""
    text = " ".join(text.split())
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def is_unanswered(row: LoggedQuestion, answer_threshold: float) -> bool:
    return row.status == "declined" or (row.status == "answered" and row.score < answer_threshold)


@dataclass
class Group:
    """Similar questions: the wordings (by their normalised form) and how often each was asked."""

    key: str  # the first (most asked) member's key, see _key()
    counts: Counter[str] = field(default_factory=Counter)  # normalised wording → times asked
    shown: dict[str, Counter[str]] = field(default_factory=dict)  # normalised → as typed
    nearest: tuple[Fact, float] | None = None

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def wordings(self) -> list[tuple[str, int]]:
        """(wording as most often typed, times asked), most asked first."""
        return [(self.shown[k].most_common(1)[0][0], n) for k, n in self.counts.most_common()]

    def add(self, compact: str, typed: Counter[str]) -> None:
        self.counts[compact] += sum(typed.values())
        self.shown.setdefault(compact, Counter()).update(typed)


def _compact(engine: Engine, text: str) -> str:
    return normalize(text, engine.index.aliases).replace(" ", "")


def _key(engine: Engine, text: str) -> str:
    """The characters of the question's key words, sorted.

    Words decide what is left out (question and filler words); characters, not words, are
    compared, because one phrase may segment differently in two questions (青山村 | 光伏 in
    one, 青山 | 村光伏 in another). Sorting makes word order irrelevant.
    """
    words = [w for w in engine.index.query(text[:MAX_QUESTION]).words if w.strip() and w not in STOPWORDS]
    return "".join(sorted("".join(words) or _compact(engine, text)))


def group_questions(engine: Engine, texts: list[str], threshold: float = GROUP_SIMILARITY) -> list[Group]:
    """Group questions by similarity of their key words, most asked group first."""
    typed: dict[str, Counter[str]] = {}
    for text in texts:
        text = _clean(text)
        compact = _compact(engine, text)
        if compact and not is_control(text) and engine.declines.smalltalk.intent_of(text) is None:
            typed.setdefault(compact, Counter())[text] += 1
    # The most asked wordings found the groups, so each group is named by its commonest form.
    order = sorted(typed, key=lambda c: (-sum(typed[c].values()), c))
    groups: list[Group] = []
    keys: list[str] = []
    for compact in order:
        key = _key(engine, typed[compact].most_common(1)[0][0])
        match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
        if match is None:
            keys.append(key)
            groups.append(Group(key))
            match = (key, 100.0, len(groups) - 1)
        groups[match[2]].add(compact, typed[compact])
    groups.sort(key=lambda g: -g.count)  # stable: ties keep the order of their first wording
    return groups


def _nearest(engine: Engine, question: str) -> tuple[Fact, float] | None:
    """The best-scoring fact for `question`, however low its score (article sentences skipped)."""
    for row in engine.explain(question, limit=10):
        fact = engine.knowledge.fact(str(row["fact_id"])) if row["fact_id"] else None
        score = row["score"]
        if fact is not None and isinstance(score, float):
            return fact, score
    return None


def open_groups(engine: Engine, rows: list[LoggedQuestion], limit: int) -> tuple[list[Group], list[Group]]:
    """(up to `limit` unanswered groups with their nearest fact, the groups among the most
    asked that the current knowledge answers by now)."""
    texts = [r.text for r in rows if is_unanswered(r, engine.matching.answer)]
    listed: list[Group] = []
    answered: list[Group] = []
    for group in group_questions(engine, texts):
        if len(listed) >= limit:
            break  # the rest is not shown: spare the engine calls
        question = group.wordings()[0][0]
        if engine.answer(question).status == "answered":
            answered.append(group)
            continue
        group.nearest = _nearest(engine, question)
        listed.append(group)
    return listed, answered


@dataclass
class Learned:
    """Wordings users asked before they picked `fact` from the suggestions."""

    fact: Fact
    wordings: list[tuple[str, int]]  # (as typed, times picked), most picked first

    @property
    def count(self) -> int:
        return sum(n for _, n in self.wordings)


def learned_questions(engine: Engine, picks: list[LoggedPick]) -> tuple[list[Learned], int]:
    """New wordings for existing facts, learned from users' choices; and how many wordings
    were left out because users picked different facts for them (a curator's call)."""
    existing = {_compact(engine, q) for f in engine.knowledge.facts for q in f.questions}
    chosen: dict[str, Counter[str]] = {}  # normalised wording → fact id → times
    typed: dict[str, Counter[str]] = {}
    for pick in picks:
        text = _clean(pick.question)
        compact = _compact(engine, text)
        if not compact or is_control(text) or compact in existing:
            continue
        if engine.knowledge.fact(pick.fact_id) is None:  # the fact was renamed or removed
            continue
        chosen.setdefault(compact, Counter())[pick.fact_id] += 1
        typed.setdefault(compact, Counter())[text] += 1
    per_fact: dict[str, list[tuple[str, int]]] = {}
    conflicts = 0
    for compact, facts in chosen.items():
        if len(facts) > 1:
            conflicts += 1  # one question must lead to one fact: `faqbot check` would refuse
            continue
        fact_id, times = facts.most_common(1)[0]
        text = typed[compact].most_common(1)[0][0]
        reply = engine.answer(text)
        if reply.status == "answered" and reply.fact_id == fact_id:
            continue  # the engine already answers it with that fact
        if reply.status == "clarify":
            # 「有多少党员」 fits several places or facts: the bot is right to ask, and adding it
            # to the one fact a user picked would stop it asking everyone else.
            conflicts += 1
            continue
        per_fact.setdefault(fact_id, []).append((text, times))
    learned = []
    for fact_id, wordings in per_fact.items():
        fact = engine.knowledge.fact(fact_id)
        assert fact is not None
        learned.append(Learned(fact, sorted(wordings, key=lambda w: (-w[1], w[0]))))
    learned.sort(key=lambda item: (-item.count, item.fact.id))
    return learned, conflicts


# -- faqbot unanswered -------------------------------------------------------------------------


def unanswered_text(settings: Settings, since: str | None, limit: int, as_yaml: bool) -> str:
    """The listing of `faqbot unanswered`, or with `as_yaml` the ready-to-paste YAML."""
    since = parse_since(since)
    if limit < 1:
        raise CurationError(f"--limit must be at least 1, not {limit}.")
    log = read_log(settings, since)
    if isinstance(log, str):
        return log
    rows = log.questions
    engine = Engine.load(settings.knowledge_dir, settings)
    groups, answered = open_groups(engine, rows, limit)
    learned, conflicts = learned_questions(engine, log.picks)
    if as_yaml:
        return unanswered_yaml(engine, groups, learned)
    return _listing(settings, since, rows, groups, answered, learned, conflicts)


def _where(engine: Engine, fact: Fact) -> str:
    return f"{engine.knowledge.documents[fact.doc_id].path}:{fact.line}"


def _listing(
    settings: Settings,
    since: str | None,
    rows: list[LoggedQuestion],
    groups: list[Group],
    answered: list[Group],
    learned: list[Learned],
    conflicts: int,
) -> str:
    if not groups:
        lines = [f"No unanswered questions in {settings.log_path}{since_text(since)} ({len(rows)} questions logged)."]
    else:
        total = sum(g.count for g in groups)
        lines = [
            f"Unanswered questions in {settings.log_path}{since_text(since)}: the {len(groups)}"
            f" most asked groups ({total} of {len(rows)} questions logged).",
            "",
        ]
    for number, group in enumerate(groups, 1):
        wordings = group.wordings()
        lines.append(f"{number:>3}. ×{group.count}  {wordings[0][0]}")
        if len(wordings) > 1:
            shown = ", ".join(f"{text} ×{n}" for text, n in wordings[:EXAMPLES])
            more = f" and {len(wordings) - EXAMPLES} more" if len(wordings) > EXAMPLES else ""
            lines.append(f"       wordings: {shown}{more}")
        if group.nearest is None:
            lines.append("       nearest fact: none")
        else:
            fact, score = group.nearest
            lines.append(f"       nearest fact: {fact.id} (score {score:.2f}) {fact.questions[0]}")
    if answered:
        asked = sum(g.count for g in answered)
        lines += ["", f"Answered by the knowledge now, so not listed: {len(answered)} group(s), {asked} question(s)."]
    if learned:
        lines += ["", "Learned from choices (users asked this, then picked the fact from the suggestions):"]
        for item in learned:
            shown = ", ".join(f"{text} ×{n}" for text, n in item.wordings)
            lines.append(f"  {item.fact.id}: {shown}")
    if conflicts:
        lines.append(f"  ({conflicts} wording(s) left out: users picked different facts for them.)")
    if groups or learned:
        lines += ["", "Print them as ready-to-paste YAML with: faqbot unanswered --yaml"]
    return "\n".join(lines)


def _dump(data: object) -> list[str]:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    return text.rstrip("\n").split("\n")


TODO_ANSWER = "TODO: write the answer; every number in it must appear in the source sentence."
TODO_SOURCE = "TODO: copy one sentence verbatim from the article."


def unanswered_yaml(engine: Engine, groups: list[Group], learned: list[Learned]) -> str:
    """Fact stubs for the unanswered groups and extra wordings for picked facts, as YAML."""
    # No wording twice: one offered to an existing fact is not also offered as a new fact; and
    # no chit-chat (你好, 谢谢): a question without a single key term asks for no fact.
    offered = {_compact(engine, text) for item in learned for text, _ in item.wordings}
    groups = [g for g in groups if engine.index.query(g.wordings()[0][0]).terms]
    seen: set[str] = set(offered)
    kept: list[Group] = []
    for group in groups:
        wordings = [(text, n) for text, n in group.wordings() if _compact(engine, text) not in seen]
        seen.update(_compact(engine, text) for text, _ in wordings)
        if wordings:
            kept.append(group)
            group.counts = Counter({_compact(engine, text): n for text, n in wordings})
    groups = kept
    lines = [
        "# New facts for questions the bot could not answer, most asked first. Paste each item",
        "# under `facts:` in the article's file (knowledge/facts/*.yaml), choose an id, write the",
        "# answer and copy the source sentence verbatim; `faqbot check` fails until no TODO is left.",
        "facts:" + ("" if groups else " []"),
    ]
    for number, group in enumerate(groups, 1):
        note = f"# asked {group.count} time(s)"
        if group.nearest is not None:
            fact, score = group.nearest
            note += f"; nearest fact: {fact.id} at {_where(engine, fact)} (score {score:.2f})"
        stub = {
            "id": f"todo-new-fact-{number}",
            "questions": [text for text, _ in group.wordings()],
            "answer": TODO_ANSWER,
            "source": TODO_SOURCE,
            "tags": [],
        }
        lines += [note, *_dump([stub])]
    lines += [
        "",
        "# Wordings users asked before they picked a fact from the suggestions (learning from",
        "# choices). Add each list to that fact's `questions:`.",
        "questions:" + ("" if learned else " {}"),
    ]
    for item in learned:
        lines.append(f"  # {_where(engine, item.fact)}; picked {item.count} time(s)")
        lines += [f"  {line}" for line in _dump({item.fact.id: [text for text, _ in item.wordings]})]
    return "\n".join(lines)
