"""A draft's answers: each source restated so that it reads on its own (`faqbot draft`).

The answer says when (「据2022年10月12日报道，…」) and where (「在洞溪镇，…」, the village the
paragraph is about when the sentence says only 全村), puts a quotation after its speaker, names
what 该村, 该公司, 该中心 or a pronoun stands for, and drops a connective that leans on the sentence
before (其中，…; 据统计，…).
"""

from __future__ import annotations

import re

from bot.curation.names import name_bare_kinds, short_place
from bot.knowledge.docfacts import chinese_date
from bot.knowledge.model import Document

TODO = "TODO"
#: What ends a sentence, and the marks that close a quotation.
SENTENCE_END = "。！？!?"
CLOSING = ("”", "’", "」", "』")


#: A quotation (its opening mark stripped) followed by who said it.
_QUOTE_THEN_SPEAKER = re.compile(
    r"^([^“”]+)”([^“”，。]{1,20}?(?:说|表示|介绍|指出|坦言|感慨|透露|强调|解释|补充|回忆|提醒|告诉记者))"
    r"(?:[，,]([^“”]+?))?[。！]?$"  # …and what else the speaker told (镇长褚雯告诉记者，镇里还…)
)


#: 我 as the speaker himself, not 我们, 我镇, 我村 (the speaker's people or place).
_MYSELF = re.compile(r"我(?![们镇村乡县市区国])")


def in_speakers_words(source: str, people: tuple[str, ...]) -> str:
    """A quotation followed by who said it, with 我 read as the speaker, for asking about it:
    「“我编了50多年竹子…”眭根宝说。」 → 「眭根宝编了50多年竹子…」 (not 我们, 我镇, 我村)."""
    quoted = _QUOTE_THEN_SPEAKER.match(source.lstrip("“").rstrip("。"))
    speaker = next((p for p in people if quoted and p in quoted.group(2)), None)
    if quoted is None or speaker is None or not _MYSELF.search(quoted.group(1)):
        return source
    return _MYSELF.sub(speaker, quoted.group(1))


#: A sentence about a village it does not name (全村386户…, 村里…, 村民…).
_UNNAMED_VILLAGE = re.compile(r"全村|村里|本村|村民|村集体|村两委")  # 该村 is named where it stands


def village_meant(doc: Document, source: str, last_village: str, villages: list[str]) -> str:
    """The village a sentence speaks of without naming one (「全村386户1400余名群众喝上了自来水」):
    the last one named before it in its paragraph, else "" — and "" when the sentence names a
    village of its own (「在槲塘村，…村里的快递员…」: 村里 is 槲塘村)."""
    # `last_village` is one of `villages`, the villages the article names.
    if not last_village or any(v in source for v in villages):
        return ""
    paragraph = doc.paragraph_of(source) or ""
    before = paragraph[: paragraph.find(source)]
    if _UNNAMED_VILLAGE.search(source):
        return last_village if last_village in before else ""
    # 「在厍口村，…。工坊由厍秀芝领衔，今年开展剪纸培训4期」: a paragraph about one village goes on
    # about it without naming it again — unless the sentence turns to the town (全镇, 镇里).
    # The village named last before it: 「与亓山村相隔约6公里的厍口村，…」 is about 厍口村.
    last = max(((before.rfind(v), v) for v in villages if v in before), default=(-1, ""))[1]
    town = doc.place and short_place(doc.place) in source  # 「今年以来，箬岙镇把…」: the town's own
    if town or "说" in source or "该" in source or _TOWN_WIDE.search(source):  # 该村 is named where it stands
        return ""
    return last


#: A sentence about the whole town or county, not the village its paragraph named: 全镇, 各村, or
#: a clause opening with the town's own (镇里, 乡综治中心, 县文化馆).
_TOWN_WIDE = re.compile(
    r"全[镇乡县市区]|(?:^|[，,；;])[镇乡县](?!长)|[镇乡县]里|镇上|[镇乡县](?:党委|政府)|该[镇乡县]|全体|各村|[\d一二三四五六七八九十两]+个村"
)


#: A connective opening a clause cut from its sentence (其中，…): it leans on what is not quoted;
#: so does the reporter's 据统计 — the answer already says 据…报道.
_CONNECTIVE = re.compile(r"^(?:其中|同时|此外|另外|与此同时|另一方面|据(?:统计|了解|介绍|悉|测算|初步统计))[，,]")
#: 该村, 该镇, 该公司…: in an answer read on its own, the name they stand for.
_THIS_ONE = {
    "该村": re.compile(r"该(?:村|社区)"),
    "该镇": re.compile(r"该(?:乡|镇)"),
    "该公司": re.compile(r"该公司|^公司(?=[\u4e00-\u9fff])"),  # 公司总经理…介绍 opening a sentence
}


#: He or she (not 其他, 他们, 他人).
_PRONOUN = re.compile(r"(?<![其])[他她](?![们人])")


def _named_person(source: str, person: str, people: tuple[str, ...] = ()) -> str:
    """The first 他 or 她 outside a quotation named (「1997年出生的她」 → 「1997年出生的唐小雨」):
    an answer is read on its own. A quotation keeps the speaker's words, and a pronoun after a
    name of the sentence's own (蓟雁秋就是其中一位，…她) already says who."""
    cut = max(0, source.count("”") - source.count("“"))  # a quotation whose opening mark was cut off
    for found in _PRONOUN.finditer(source):
        before = source[: found.start()]
        if any(name in before for name in people):
            return source
        if before.count("“") + cut <= before.count("”"):
            return before + person + source[found.end() :]
    return source


#: A sentence opening with where it happens (在槲塘村，…).
_OPENS_AT_PLACE = re.compile(r"在[\u4e00-\u9fff]{1,10}(?:村|社区|街道|镇|乡)[，,]")


def restated(
    doc: Document,
    source: str,
    village: str = "",
    referents: dict[str, str] | None = None,
    people: tuple[str, ...] = (),
    said_by: str = "",
) -> str:
    """The source restated with the report's date; a quotation stays a quotation, its speaker
    first (「…底盘。”党委书记刘泽川说」 → 「党委书记刘泽川说：“…底盘。”」) — or `said_by`, whom the
    sentence before named, for a quotation standing alone (「宓嘉言说：“以前要么…”」). Read on
    its own: no connective leaning on the sentence before, and 该村 or 该公司 named."""
    source = _CONNECTIVE.sub("", source.lstrip("".join(CLOSING)))
    for anaphor, name in (referents or {}).items():
        if anaphor in _THIS_ONE and name:
            source = _THIS_ONE[anaphor].sub(name, source)
        elif anaphor.startswith("该") and name:  # 该中心: the 中心 named before
            source = source.replace(anaphor, name)
    source = name_bare_kinds(source, referents or {})
    if person := (referents or {}).get("他"):
        source = _named_person(source, person, people)
    if quoted := _QUOTE_THEN_SPEAKER.match(source):
        source = f"{quoted.group(2)}：“{quoted.group(1)}”" + (f"{quoted.group(3)}。" if quoted.group(3) else "")
    elif said_by:
        source = f"{said_by}说：“{source}”"
    body = source if source.endswith((*SENTENCE_END, "”")) else source + "。"
    if body.count("“") > body.count("”"):
        body += "”"  # a quotation running on into the next sentence is closed where the answer ends
    place = doc.place or ""
    # A clause cut from its sentence may not say where: the answer does (「在洞溪镇，…」), and
    # names the village the paragraph is about when the sentence says only 全村 (在洞溪镇青岗村，…).
    if place and place[:2] not in body and "说" not in body:
        # 「在槲塘村，…」 already says where within the town: 「在蒲涔镇槲塘村，…」, not two 在.
        body = f"在{place}{body[1:]}" if _OPENS_AT_PLACE.match(body) else f"在{place}{village}，{body}"
    elif village:
        body = f"在{village}，{body}"
    if doc.date == TODO:
        return f"据报道，{body}"
    return f"据{chinese_date(doc.date)}报道，{body}"
