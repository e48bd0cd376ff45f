"""What the index learns about a knowledge base from the knowledge itself, not from hand lists:
its people (bylines), the posts it names, the figures of a source, the places its articles are
about, and which place aliases another article also uses for itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from bot.knowledge.model import Knowledge
from bot.question.people import POST_QUESTIONS, posts
from bot.question.units import ADMIN_ENDINGS, VILLAGE_ENDINGS, names_no_place
from bot.text.normalize import AliasTable, is_han
from bot.text.segment import SELDOM, seldom_seen


def authors(knowledge: Knowledge, normal: Callable[[str], str]) -> frozenset[str]:
    """The people of the bylines: `author: 俞艳婷 项洁` names two people, whatever jieba makes of them."""
    found: set[str] = set()
    for doc in knowledge.documents.values():
        for name in re.split(r"[\s、，,/；;]+", doc.author or ""):
            name = normal(name)
            if 2 <= len(name) <= 4 and is_han(name):
                found.add(name)
    return frozenset(found)


def with_posts(kin: dict[str, frozenset[str]], words: Counter[str]) -> dict[str, frozenset[str]]:
    """`kin` where a word asking for a post (职务) is akin to every post the knowledge names."""
    named = posts(words)
    if named:
        for asking in POST_QUESTIONS:
            kin[asking] = kin.get(asking, frozenset()) | named
    return kin


def unambiguous(knowledge: Knowledge) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The alias table without the place aliases another article uses for itself.

    A curator maps 开发区 to 吴江开发区 while one article is about a development zone; once a
    second article about another zone calls itself 开发区 throughout, the word names neither for
    sure — but it names one of the two, not a town of a third article. Such a form is left as
    typed (the other article's own text is not rewritten to name the first place), and a
    question using it is about either place: it is scoped to both. Returns the table and the
    forms left out (still words for the segmenter), each with the places it may name.
    """
    table = knowledge.aliases.canonical()
    for form in knowledge.aliases.of_the_place():  # 洞溪镇党委 is no name of 洞溪镇 (see there)
        del table[form]
    places = knowledge.aliases.places
    if len({doc.place for doc in knowledge.documents.values() if doc.place}) < 2:
        return table, {}
    # One pass over each article with the alias table's pattern: linear in the texts, however
    # many places (a thousand towns' aliases against a thousand articles).
    forms = AliasTable({form: place for form, place in places.items() if form != place})
    shared: dict[str, set[str]] = {}
    for doc in knowledge.documents.values():
        home = places.get(doc.place or "", doc.place or "")
        for form in forms.forms_in(doc.text):
            if places.get(form) != home and (form in table or form in shared):
                table.pop(form, None)
                shared.setdefault(form, {places[form]}).add(home)
    return table, shared


def told_before(before: list[str], own: list[str], people: frozenset[str]) -> frozenset[str]:
    """The village and the person a paragraph last names before a fact's source (`before`, the
    paragraph's words up to it), when the source (`own`, its words) names none of its own:
    「眭家岗村七旬老人眭某的三个子女…。经调解，三人每人每月支付600元」 — the second sentence is
    about 眭家岗村 though it never names it."""
    found = set()
    if not any(_is_village(w) for w in own):
        found.add(next((w for w in reversed(before) if _is_village(w)), ""))
    if not any(w in people for w in own):
        found.add(next((w for w in reversed(before) if w in people), ""))
    return frozenset(found - {""})


def _is_village(word: str) -> bool:
    return len(word) >= 3 and word.endswith(VILLAGE_ENDINGS) and not names_no_place(word)


def own_places(knowledge: Knowledge, normal: Callable[[str], str]) -> dict[str, set[str]]:
    """Each article's place (`document.place`) and its short form, as people type it (涟禾乡 →
    涟禾), with the articles about it — whether or not aliases.yaml lists them. An unedited draft
    names its place only in its document block; without this the dictionary would not know 涟禾乡
    and the sound mend would read it as 联合/乡. A short form two places share names neither; a
    place aliases.yaml lists has the forms the curator gave it."""
    found: dict[str, set[str]] = {}
    shorts: dict[str, set[str]] = {}
    for doc in knowledge.documents.values():
        if not doc.place:
            continue
        place = normal(doc.place)
        found.setdefault(place, set()).add(doc.id)
        if doc.place in knowledge.aliases.places:
            continue  # the curator listed the forms people write it by
        ending = next((e for e in ADMIN_ENDINGS if place.endswith(e)), "")
        short = place[: len(place) - len(ending)] if ending else ""
        if len(short) >= 2 and is_han(short):
            shorts.setdefault(short, set()).add(place)
    for short, named in shorts.items():
        if len(named) == 1 and short not in found:
            found[short] = set(found[next(iter(named))])
    return found


#: A village's or community's ending.
_VILLAGE_END = re.compile(r"村|社区")


def village_names(texts: Iterable[str], general: dict[str, int]) -> list[str]:
    """The villages and communities the prose names with a rare character (岜坳村, 磡头村,
    仉家坳村): jieba cuts such a name apart (岜/坳村), so no slip of it could be mended to it
    (巴坳村) and no question could name it as one word. Two characters before 村 or 社区, or
    three when the one before them is rare too; a verb, or a run that cuts a word in two, is
    prose, not a name (修缮村道, 修缮前村里)."""
    import jieba
    import jieba.posseg

    rare = seldom_seen

    def word(run: str) -> bool:
        return jieba.dt.FREQ.get(run, 0) >= SELDOM

    def verb(run: str) -> bool:
        return word(run) and jieba.posseg.dt.word_tag_tab.get(run, "").startswith("v")

    found: dict[str, None] = {}
    for text in texts:
        for end in _VILLAGE_END.finditer(text):
            start = end.start()
            stem = text[max(0, start - 2) : start]
            if len(stem) < 2 or not is_han(stem) or not any(rare(c) for c in stem) or "村" in stem or "社" in stem:
                continue  # 菖埠村|村民: the 村 of 村民 ends no name
            before = text[start - 3] if start >= 3 else ""
            if verb(stem) or (before and word(before + stem[0])):
                continue  # 修缮|村道, 修缮|前村里: a verb of the prose, or a word cut in two (芦花村 is a name)
            if before and rare(before) and before not in ADMIN_ENDINGS:
                stem = before + stem  # 仉家坳村
            name = stem + end.group(0)
            if name not in general:
                found[name] = None
    return list(found)


#: A county's or city's name at the head of an outlet (澂浦县融媒体中心, 嵫阳市融媒体中心).
_OUTLET_COUNTY = re.compile(r"^[\u4e00-\u9fff]{2,3}?[县市](?=[\u4e00-\u9fff]{2})")


def counties(knowledge: Knowledge, normal: Callable[[str], str]) -> frozenset[str]:
    """The counties and cities above the articles' places, as the outlet (澂浦县融媒体中心) or the
    text right before the place (澂浦县蠙屿镇) names them: words of the dictionary, so a question
    reads the county as one word (jieba cuts 澂/浦县, two rare key terms). A question naming it asks
    about the county, which a fact naming the county answers (县人民医院, 全县第一), not a town's."""
    found: set[str] = set()
    for doc in knowledge.documents.values():
        if doc.outlet and (head := _OUTLET_COUNTY.match(normal(doc.outlet))):
            found.add(head.group())
        if doc.place and doc.text:
            place = re.escape(normal(doc.place))
            found.update(re.findall(rf"([\u4e00-\u9fff]{{2,3}}?[县市])(?={place})", normal(doc.text)))
    return frozenset(county for county in found if county not in knowledge.aliases.places)
