"""Reading a knowledge folder: articles, their curated facts and the alias table, validated.

Layout of a knowledge folder (see README, "Adding a fact"):

    articles/*.txt      the articles, verbatim, UTF-8
    facts/*.yaml        one file per article: `document:` metadata and `facts:`
    aliases.yaml        places (which scope a question), names and extra dictionary terms

`read_knowledge` never raises for bad content: it returns what could be loaded together with
every `Problem` found, so `faqbot check` can list them all and a running bot can refuse a broken
edit while it keeps serving the previous knowledge (`load_knowledge` raises `InvalidKnowledge`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Any

from bot.knowledge.aliases import Aliases, read_aliases
from bot.knowledge.docfacts import document_facts
from bot.knowledge.faithful import unfaithful_numbers
from bot.knowledge.model import Document, Fact, InvalidKnowledge, Knowledge
from bot.yamlfile import Mapping, Problem, UnreadableFile, load_yaml, read_bytes, read_text


def knowledge_files(root: Path) -> list[Path]:
    """Every file whose change means the knowledge must be reloaded."""
    files = sorted((root / "facts").glob("*.yaml")) + sorted((root / "facts").glob("*.yml"))
    files += sorted((root / "articles").glob("*.txt"))
    if (root / "aliases.yaml").exists():
        files.append(root / "aliases.yaml")
    return files


def fingerprint(root: Path) -> str:
    """A hash of every knowledge file's content, to key caches and notice edits."""
    digest = hashlib.sha256()
    for path in knowledge_files(root):
        digest.update(str(path.relative_to(root)).encode())
        # Bounded, regular files only: a pipe or /dev/zero among the articles must not hang
        # or fill the bot (an article no fact names is still part of the fingerprint).
        try:
            digest.update(read_bytes(path, str(path)))
        except UnreadableFile:
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:16]


def load_knowledge(root: Path) -> Knowledge:
    """Load a knowledge folder, or raise `InvalidKnowledge` listing every error."""
    knowledge, problems = read_knowledge(root)
    if any(p.severity == "error" for p in problems):
        raise InvalidKnowledge(problems)
    return knowledge


def read_knowledge(root: Path) -> tuple[Knowledge, list[Problem]]:
    """Load what can be loaded from `root`, with every problem found (never raises for content)."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 0, "the knowledge folder does not exist."))
        return Knowledge(root, {}, [], Aliases()), problems
    documents: dict[str, Document] = {}
    facts: list[Fact] = []
    fact_files = sorted((root / "facts").glob("*.y*ml"))
    if not fact_files:
        problems.append(Problem(_shown(root, root / "facts"), 1, "there are no facts/*.yaml files."))
    for path in fact_files:
        _read_facts_file(root, path, documents, facts, problems)
    aliases_file = root / "aliases.yaml"
    if aliases_file.exists() and not _inside(root, aliases_file):
        problems.append(Problem(_shown(root, aliases_file), 0, OUTSIDE))
        aliases = Aliases()
    else:
        aliases = read_aliases(aliases_file, _shown(root, aliases_file), problems)
    _check_across_files(documents, facts, problems)
    facts += [f for doc in documents.values() for f in document_facts(doc, facts)]
    knowledge = Knowledge(root, documents, facts, aliases, fingerprint(root))
    return knowledge, problems


OUTSIDE = "the file is a link to a file outside the knowledge folder; copy it into the folder instead."


def _inside(root: Path, path: Path) -> bool:
    """True when `path`, links followed, is inside `root`."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _shown(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root.parent)) if root.parent != path else str(path)
    except ValueError:
        return str(path)


def _read_facts_file(
    root: Path,
    path: Path,
    documents: dict[str, Document],
    facts: list[Fact],
    problems: list[Problem],
) -> None:
    shown = _shown(root, path)
    if not _inside(root, path):
        problems.append(Problem(shown, 0, OUTSIDE))
        return
    try:
        data = load_yaml(path, shown)
    except UnreadableFile as exc:
        problems.append(exc.problem)
        return
    if not isinstance(data, Mapping):
        problems.append(Problem(shown, 1, "the file must be a mapping with `document:` and `facts:`."))
        return
    _unknown_keys(shown, data, FILE_KEYS, "the file", problems)
    document = _read_document(root, shown, data, problems)
    if document is None:
        return
    if document.id in documents:
        problems.append(
            Problem(
                shown,
                data["document"].line_of("id"),
                f"the document id '{document.id}' is already used by {documents[document.id].path}.",
            )
        )
        return
    documents[document.id] = document
    raw_facts = data.get("facts")
    if not isinstance(raw_facts, list) or not raw_facts:
        problems.append(Problem(shown, data.line_of("facts"), "`facts` must be a non-empty list of facts."))
        return
    for raw in raw_facts:
        fact = _read_fact(shown, document, raw, data.line_of("facts"), problems)
        if fact is not None:
            facts.append(fact)


def _text_field(
    shown: str, node: Mapping, key: str, what: str, problems: list[Problem], required: bool = True
) -> str | None:
    if key not in node or node[key] is None:
        if required:
            problems.append(Problem(shown, node.line_of(key), f"{what} has no `{key}`."))
        return None
    value = node[key]
    if isinstance(value, dt.date):
        value = value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        problems.append(Problem(shown, node.line_of(key), f"`{key}` of {what} must be text, not {_kind(value)}."))
        return None
    if not value.strip():
        problems.append(Problem(shown, node.line_of(key), f"`{key}` of {what} is empty."))
        return None
    if re.search(r"\bTODO\b", value):
        problems.append(
            Problem(shown, node.line_of(key), f"`{key}` of {what} is still TODO (left by `faqbot draft`): fill it in.")
        )
        return None
    return value.strip()


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", Mapping: "a mapping", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


FILE_KEYS = frozenset({"document", "facts"})
DOCUMENT_KEYS = frozenset({"id", "title", "outlet", "date", "text", "author", "place", "chrome"})
FACT_KEYS = frozenset({"id", "questions", "answer", "source", "tags"})


def _unknown_keys(shown: str, node: Mapping, known: frozenset[str], what: str, problems: list[Problem]) -> None:
    """A misspelt key (autor:, tag:) would otherwise be dropped without a word."""
    for key in node:
        if key not in known:
            expected = ", ".join(sorted(known))
            problems.append(
                Problem(shown, node.line_of(key), f"{what} has an unknown key `{key}` (known: {expected}).", "warning")
            )


def _read_document(root: Path, shown: str, data: Mapping, problems: list[Problem]) -> Document | None:
    node = data.get("document")
    if not isinstance(node, Mapping):
        problems.append(
            Problem(
                shown, data.line_of("document"), "the file needs a `document:` mapping (id, title, outlet, date, text)."
            )
        )
        return None
    what = "the document"
    _unknown_keys(shown, node, DOCUMENT_KEYS, what, problems)
    values = {k: _text_field(shown, node, k, what, problems) for k in ("id", "title", "outlet", "date", "text")}
    optional = {k: _text_field(shown, node, k, what, problems, required=False) for k in ("author", "place")}
    if any(v is None for v in values.values()):
        return None
    date = values["date"]
    assert date is not None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError(date)
        dt.date.fromisoformat(date)
    except ValueError:
        problems.append(Problem(shown, node.line_of("date"), f"`date` must be YYYY-MM-DD, not '{date}'."))
        return None
    article = _article_path(root, str(values["text"]))
    if isinstance(article, str):
        problems.append(Problem(shown, node.line_of("text"), article))
        return None
    try:
        text = read_text(article, _shown(root, article))
    except UnreadableFile as exc:
        problems.append(
            Problem(
                shown,
                node.line_of("text"),
                f"the article {exc.problem}",
            )
        )
        return None
    chrome = node.get("chrome") or []
    if not isinstance(chrome, list) or not all(isinstance(c, str) for c in chrome):
        problems.append(Problem(shown, node.line_of("chrome"), "`chrome` must be a list of article lines."))
        chrome = []
    lines = {line.strip() for line in text.splitlines()}
    for entry in chrome:
        if entry.strip() not in lines:
            problems.append(
                Problem(
                    shown,
                    node.line_of("chrome"),
                    f"the chrome line '{entry}' is not a whole line of the article.",
                    "warning",
                )
            )
    return Document(
        id=str(values["id"]),
        title=str(values["title"]),
        outlet=str(values["outlet"]),
        date=date,
        text=text,
        path=shown,
        author=optional["author"],
        place=optional["place"],
        place_line=node.line_of("place"),
        chrome=tuple(c.strip() for c in chrome),
    )


def _article_path(root: Path, text: str) -> Path | str:
    """The article file that `text:` names, or why it may not be read.

    The knowledge is served to anyone who asks (📖 原文, 「出处呢？」), so `text:` must stay inside
    the folder's articles/: an absolute path, a `..` or a link out would let an edit publish
    /proc/self/environ or the config file, bot token included.
    """
    relative = PurePosixPath(text.replace("\\", "/"))
    if (
        relative.is_absolute()
        or re.match(r"^[A-Za-z]:", text)
        or ".." in relative.parts
        or relative.parts[:1] != ("articles",)
    ):
        return f"`text` must name a file inside articles/, such as articles/NAME.txt, not '{_clip(text, 60)}'."
    path = root / relative
    articles = (root / "articles").resolve()
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return f"the article {text} is a link that leads nowhere."
    if not resolved.is_relative_to(articles):
        return f"the article {text} is a link to a file outside articles/; copy the article into the folder instead."
    return resolved


def _read_fact(shown: str, document: Document, raw: Any, list_line: int, problems: list[Problem]) -> Fact | None:
    if not isinstance(raw, Mapping):
        problems.append(Problem(shown, list_line, f"each fact must be a mapping, not {_kind(raw)}."))
        return None
    fact_id = _text_field(shown, raw, "id", "a fact", problems)
    what = f"the fact '{fact_id}'" if fact_id else "a fact"
    _unknown_keys(shown, raw, FACT_KEYS, what, problems)
    answer = _text_field(shown, raw, "answer", what, problems)
    source = _text_field(shown, raw, "source", what, problems)
    questions = raw.get("questions")
    ok = fact_id is not None and answer is not None and source is not None
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        problems.append(
            Problem(shown, raw.line_of("questions"), f"`questions` of {what} must be a list of non-empty texts.")
        )
        ok = False
    elif len(questions) < 3:
        problems.append(
            Problem(
                shown,
                raw.line_of("questions"),
                f"{what} has {len(questions)} question(s); write at least 3 different wordings.",
            )
        )
    tags = raw.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        problems.append(Problem(shown, raw.line_of("tags"), f"`tags` of {what} must be a list of texts."))
        tags = []
    if not ok:
        return None
    assert source is not None and answer is not None and fact_id is not None
    if source not in document.text:
        problems.append(
            Problem(
                shown,
                raw.line_of("source"),
                f"the source of {what} is not verbatim in the article {document.id}: '{_clip(source)}'.",
            )
        )
    elif "\n" in source:
        problems.append(Problem(shown, raw.line_of("source"), f"the source of {what} spans more than one paragraph."))
    for number in unfaithful_numbers(answer, source, document.date):
        problems.append(
            Problem(
                shown,
                raw.line_of("answer"),
                f"the answer of {what} says {_clip(number, 20)}, a number not in its source "
                f"(the document's date {document.date} excuses only its own year, month or day written as a date).",
            )
        )
    return Fact(
        id=fact_id,
        doc_id=document.id,
        questions=tuple(q.strip() for q in questions),
        answer=answer,
        source=source,
        tags=tuple(tags),
        line=raw.line,
    )


def _clip(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _check_across_files(documents: dict[str, Document], facts: list[Fact], problems: list[Problem]) -> None:
    seen_ids: dict[str, Fact] = {}
    seen_questions: dict[str, Fact] = {}
    for fact in facts:
        path = documents[fact.doc_id].path
        if fact.id in seen_ids:
            first = seen_ids[fact.id]
            problems.append(
                Problem(
                    path,
                    fact.line,
                    f"the fact id '{fact.id}' is already used at {documents[first.doc_id].path}:{first.line}.",
                )
            )
        seen_ids.setdefault(fact.id, fact)
        for question in fact.questions:
            key = re.sub(r"[\s，。？！?!,.、]+", "", question)
            other = seen_questions.get(key)
            if other is not None and other.id != fact.id:
                problems.append(
                    Problem(
                        path,
                        fact.line,
                        f"the question '{question}' of '{fact.id}' is also a question of '{other.id}'; "
                        "a question must lead to one fact.",
                    )
                )
            elif other is not None:
                problems.append(
                    Problem(path, fact.line, f"the fact '{fact.id}' lists the question '{question}' twice.", "warning")
                )
            seen_questions.setdefault(key, fact)
