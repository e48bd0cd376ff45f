"""Facts about an article itself — its title, outlet, date and author — made from `document:`.

People ask 「这篇报道的标题是什么」「是哪家媒体发的」「谁写的」. The article text often lacks those
lines (a pasted body without its header), and pasting them in would make it no longer verbatim;
the `document:` block holds them already. So each document gets one fact per field it fills,
answered from the block and quoting the byline (《title》，outlet，date，author) as its source.

A field whose fact the curator wrote already (some curated fact of that document cites a header
line holding the title, the outlet, the date or the first author) gets no second one: two facts with
one answer would make the bot ask which.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.model import Document, Fact

#: The tag of these facts: their topic in /topics.
TAG = "文章信息"

#: Per field: the wordings people use (「{place}」 is filled with the document's place, or left
#: out), and the answer. Canned texts, kept as data; the wordings name no article.
FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "title": (
        (
            "这篇报道的标题是什么",
            "{place}这篇文章叫什么题目",
            "{place}那篇新闻的标题",
            "{place}报道的全称是什么",
        ),
        "这篇{about}报道的标题是《{title}》。",
    ),
    "outlet": (
        (
            "这篇报道是哪家媒体发的",
            "{place}这篇新闻的来源是哪里",
            "{place}那篇文章出自哪个媒体",
            "{place}报道是谁发布的",
        ),
        "《{title}》由{outlet}发布。",
    ),
    "date": (
        (
            "这篇报道是什么时候发布的",
            "{place}这篇新闻哪天发的",
            "{place}那篇文章的发布日期",
            "{place}报道是几号发的",
        ),
        "《{title}》发布于{day}。",
    ),
    "author": (
        (
            "这篇报道的作者是谁",
            "{place}这篇文章是谁写的",
            "{place}那篇新闻的记者是谁",
            "{place}报道署名的作者",
        ),
        "《{title}》的作者是{author}。",
    ),
}


def chinese_date(iso: str) -> str:
    """2023-06-28 → 2023年6月28日."""
    year, month, day = iso.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def byline(doc: Document) -> str:
    """The quoted source of a document fact: 《title》，outlet，date[，author]."""
    parts = [f"《{doc.title}》", doc.outlet, chinese_date(doc.date)] + ([doc.author] if doc.author else [])
    return "，".join(parts)


def _marks(doc: Document) -> dict[str, tuple[str, ...]]:
    """What a curated source holds when it already tells the field."""
    return {
        "title": (doc.title,),
        "outlet": (doc.outlet,),
        "date": (doc.date, chinese_date(doc.date)),
        "author": (doc.author.split()[0],) if doc.author else (),
    }


def missing_fields(doc: Document) -> frozenset[str]:
    """The fields (title, outlet, date, author) the document does not give: 吴江日报's story names
    no author, so its curator's 「没有列出作者姓名」 is what it says of one."""
    return frozenset(field for field, marks in _marks(doc).items() if not any(marks))


def _header(source: str) -> bool:
    """A source that is a header line (title, dateline, byline), not a sentence of the story:
    「3月4日，测试镇召开动员大会。」 holds the title's words but tells an event."""
    return not any(mark in source for mark in "。！？!?")


def told_fields(doc: Document, fact: Fact) -> frozenset[str]:
    """The fields of `doc` (title, outlet, date, author) that `fact` tells: a document fact its
    own, a curated fact citing a header line those that line holds."""
    if fact.origin == "document":
        return frozenset({fact.id.rsplit(".", 1)[-1]})
    if not _header(fact.source):
        return frozenset()
    return frozenset(field for field, marks in _marks(doc).items() if any(mark in fact.source for mark in marks))


def document_facts(doc: Document, curated: Iterable[Fact]) -> list[Fact]:
    """The facts of `doc`'s own fields that its curated facts do not tell already."""
    sources = [f.source for f in curated if f.doc_id == doc.id]
    values = {"title": doc.title, "outlet": doc.outlet, "day": chinese_date(doc.date), "author": doc.author or ""}
    facts: list[Fact] = []
    for field, (wordings, answer) in FIELDS.items():
        marks = _marks(doc)[field]
        if not marks or any(mark in source for mark in marks for source in sources if _header(source)):
            continue
        place = doc.place or ""
        questions = tuple(dict.fromkeys(w.format(place=place) for w in wordings))
        facts.append(
            Fact(
                id=f"{doc.id}.{field}",
                doc_id=doc.id,
                questions=questions,
                answer=answer.format(about=f"关于{place}的" if place else "", **values),
                source=byline(doc),
                tags=(TAG,),
                origin="document",
            )
        )
    return facts
