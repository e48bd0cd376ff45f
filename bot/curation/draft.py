"""`faqbot draft`: a facts YAML for a new article, for a curator to review rather than write.

The draft reads the article's header (title, dateline, outlet, byline) into `document:` — the
place from a title that leads with it (「洞溪镇：…」) — marks header, section-heading and footer
lines as `chrome`, and makes one fact per sentence of the story (per clause group with
`--split`, `bot.curation.clauses`): its `source` verbatim, its answer the source with the
report's date (「据2022年10月12日报道，…」), its wordings made from the source
(`bot.curation.wordings`). A 「…说。」 after a quotation joins it. Every sentence is cited, so
coverage is 100% as drafted; what the draft cannot know is a `TODO` that `faqbot check` points
at. The names found (`bot.curation.names`) are listed as comments and proposed as aliases.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.curation.answers import CLOSING, SENTENCE_END, TODO, in_speakers_words, restated, village_meant
from bot.curation.clauses import clause_groups
from bot.curation.names import bare_kinds, bare_posts, draft_aliases, names_in, place_forms
from bot.curation.people import subject_before_pronoun
from bot.curation.topics import OVERVIEW, slogan, slogans, topic_at
from bot.curation.wordings import Wordings
from bot.knowledge.model import Document

_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_OUTLET = re.compile(r"(?:来源|来自|稿源)\s*[:：]\s*《?([^\s》]+)》?")
#: A byline: 记者 王小明, 文/李红. 文 alone marks one only standing apart (not the 文 of 文旅富乡邻).
_AUTHOR = re.compile(
    r"(?:记者|作者|通讯员|撰稿|(?<![\u4e00-\u9fff])文(?=\s*[:：/]|\s))\s*[:：/]?\s*((?:[\u4e00-\u9fff]{2,4}[\s、，,]*)+)"
)
_AUTHOR_ROLE = re.compile(r"^(记者|作者|通讯员|撰稿|文)$")
_FOOTER = re.compile(r"^(责任编辑|编辑|审核|校对|来源|作者|记者|通讯员)\s*[:：]")
_QUOTES = "“”‘’\"'「」『』 "
#: A header or section heading is a short line that does not end a sentence.
_HEADING_MAX = 40


@dataclass
class Draft:
    """What the draft found, before it is written out as YAML."""

    document: dict[str, object]
    facts: list[dict[str, object]] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)  # (name, what it looks like)
    todo: list[str] = field(default_factory=list)
    aliases: dict[str, object] = field(default_factory=dict)  # the aliases.yaml it proposes


def _is_heading(line: str, longest: int = _HEADING_MAX) -> bool:
    """A short line that ends no sentence: a title, a section heading (「党员联户敲开“连心门”」)."""
    return len(line) <= longest and not line.rstrip(_QUOTES).endswith(tuple(SENTENCE_END))


def read_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Title, date, outlet and author from the lines before the story, and those lines."""
    found: dict[str, str] = {}
    header: list[str] = []
    for line in lines[:6]:
        # A source line with a byline runs long (来源：… 发布时间：… 记者 …): its 来源 marks it.
        if not (_is_heading(line) or (_OUTLET.search(line) and len(line) <= 2 * _HEADING_MAX)) and header:
            break
        taken = False
        if (date := _DATE.search(line)) and "date" not in found:
            year, month, day = date.groups()
            found["date"] = f"{year}-{int(month):02d}-{int(day):02d}"
            taken = True
        if (outlet := _OUTLET.search(line)) and "outlet" not in found:
            found["outlet"] = outlet.group(1)
            taken = True
        if authors := _AUTHOR.findall(line):
            names = [n for group in authors for n in re.split(r"[\s、，,]+", group) if n and not _AUTHOR_ROLE.match(n)]
            found["author"] = " ".join(dict.fromkeys([*found.get("author", "").split(), *names]))
            taken = True
        # A title with a subtitle runs longer than a heading (「蒲涔镇：让群众办事…　…同比增长31.6%」).
        if not taken and "title" not in found and not header and _is_heading(line, 2 * _HEADING_MAX):
            found["title"] = line
            taken = True
        if not taken:
            break
        header.append(line)
    return found, header


def draft(
    article: Path,
    *,
    doc_id: str | None = None,
    place: str | None = None,
    date: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    author: str | None = None,
    text_path: str | None = None,
    split: bool = False,
) -> Draft:
    """Draft the facts of `article`; the flags win over what the header says."""
    text = article.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found, header = read_header(lines)
    given = {"title": title, "outlet": outlet, "date": date, "author": author}
    values = {k: v or found.get(k) for k, v in given.items()}
    chrome = header + [line for line in lines[len(header) :] if _is_heading(line) or _FOOTER.match(line)]
    document: dict[str, object] = {
        "id": doc_id or article.stem,
        "title": values["title"] or TODO,
        "outlet": values["outlet"] or TODO,
        "date": values["date"] or TODO,
    }
    if not values["author"]:  # a byline closing the story: （记者 温砚秋 陆鸣川）
        values["author"] = _byline(lines[len(header) :][-3:])
    if values["author"]:
        document["author"] = values["author"]
    place = place or _title_place(str(document["title"]), text)
    document["place"] = place or TODO
    document["text"] = text_path or f"articles/{article.name}"
    document["chrome"] = list(dict.fromkeys(chrome))
    result = Draft(document, todo=[k for k in ("title", "outlet", "date", "place") if document[k] == TODO])
    doc = Document(
        id=str(document["id"]),
        title=str(document["title"]),
        outlet=str(document["outlet"]),
        date=str(document["date"]),
        text=text,
        path=str(article),
        place=place,
        chrome=tuple(document["chrome"]),  # type: ignore[arg-type]
    )
    result.names = names_in(doc.sentences(), str(document.get("author", "")))
    result.facts = _facts(doc, set(doc.chrome), result.names, split)
    result.aliases = draft_aliases(place, text, result.names)
    return result


def _byline(lines: list[str]) -> str | None:
    """The reporters of a byline among the story's last lines (「（记者 温砚秋 陆鸣川）」)."""
    for line in reversed(lines):
        if _is_heading(line) and (authors := _AUTHOR.findall(line)):
            names = [
                n for group in authors for n in re.split(r"[\s、，,）)]+", group) if n and not _AUTHOR_ROLE.match(n)
            ]
            if names:
                return " ".join(dict.fromkeys(names))
    return None


def _title_place(title: str, text: str) -> str | None:
    """The place a title leads with (「洞溪镇：党建引领…」, 「枫泠镇织密养老服务网」), when the
    story names it again."""
    tries = [(_PLACE_BEFORE_COLON, title), (_PLACE_FIRST, title)]
    # 「古村焕新颜 文旅富乡邻：滃岚县檠溪镇走出…」: a slogan first, the place after the colon,
    # the town after its county; 「小切口推动大变化　蘩岙乡绘就…」: after a space alone.
    for part in re.split(r"[：:\s]|——", title)[1:]:
        tries += [(_COUNTY_TOWN, part), (_PLACE_FIRST, part)]
    found = [m.group(1) for p, part in tries if (m := p.match(part.strip())) and text.count(m.group(1)) >= 2]
    # A 村 is the place only if no town is: 「快递进村“跑”出致富路——蔺岙镇构建…」 is about 蔺岙镇,
    # and 快递进村 ("deliveries into the villages") is a slogan.
    towns = [place for place in found if not place.endswith("村")]
    return (towns or found or [None])[0]


_PLACE_ENDING = "(?:经开区|开发区|街道|镇|乡|县|市|区|村)"
_PLACE_BEFORE_COLON = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?{_PLACE_ENDING})[：:]")
#: Without a colon, the shortest name ending like a place (枫泠镇织密… → 枫泠镇).
_PLACE_FIRST = re.compile(rf"([\u4e00-\u9fff]{{2,4}}?{_PLACE_ENDING})")
#: A town after its county or city (滃岚县檠溪镇 → 檠溪镇).
_COUNTY_TOWN = re.compile(r"[\u4e00-\u9fff]{2,4}?[县市]([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道|经开区|开发区))")


#: A sentence that only says who spoke (「”72岁的周德福说。」): it belongs with the quotation before.
_SPEAKER_TAG = re.compile(r"^[”’」』]?[^，。！？]{0,16}(?:说|表示|介绍|感慨|笑着说)[。！]?$")


#: A speaker opening a sentence after a quotation, before what else they said (「”…刘泽川说，乡里…」).
_SPEAKER_LEAD = re.compile(r"^([”’」』]?[^，。！？“”]{0,16}?(?:说|表示|介绍|指出|坦言|感慨|告诉记者))[，,：:]")


#: A quotation that names its speaker before it (仉建国说：“…).
_SPOKEN_BY = re.compile(r"(?:说|表示|介绍|指出|坦言|感慨|告诉记者)[：:，,]?[“「]")


#: A sentence opening with no subject of its own, going on about the last one (目前，已完工7项).
#: Not 此外 or 同时: they open a new subject.
_SUBJECTLESS = re.compile(r"^(?:目前|当前|截至目前|其中|现已|已|共|累计)")


def _sources(doc: Document, split: bool) -> list[tuple[str, str]]:
    """(source, context) of each fact: a sentence, or a clause group of a sentence with several
    figures and that sentence's leading clauses; a scrap left by a quotation mark, or a
    「…说。」 after a quotation, joins the sentence before. A quotation whose speaker opens the
    next sentence (「”党委书记刘泽川说，乡里…」) takes the speaker along, so its fact says who."""
    sentences: list[str] = []
    for _, sentence in doc.numbered_sentences():
        joined = sentences[-1] + sentence if sentences else ""
        short = len(sentence.strip(_QUOTES)) < 2 or _SPEAKER_TAG.match(sentence)
        if short and joined and joined in doc.text:
            sentences[-1] = joined
            continue
        lead = _SPEAKER_LEAD.match(sentence) if sentences and sentences[-1].endswith(CLOSING) else None
        if lead and _SPOKEN_BY.search(sentences[-1]):
            lead = None  # 「仉建国说：“…”眭红梅则告诉记者，…」: that quotation has its speaker; this one is the next's
        if lead and sentences and (sentences[-1] + lead.group(1)) in doc.text:
            sentences[-1] += lead.group(1)
        sentences.append(sentence)
    sentences = _lead_ins_joined(sentences, doc.text)
    result: list[tuple[str, str]] = []
    for before, sentence in zip(["", *sentences], sentences, strict=False):
        groups = clause_groups(sentence) if split else [sentence]
        # A later group is about what the first one says (「矛盾纠纷73起，成功调处70起」); a
        # sentence that opens without a subject (「目前，已完工7项」) about the sentence before.
        first = before if _SUBJECTLESS.match(sentence) else ""
        result += [(group, groups[0] if n else first) for n, group in enumerate(groups)]
    return result


def _lead_ins_joined(sentences: list[str], text: str) -> list[str]:
    """A question the paragraph goes on to answer (「分出来的垃圾去了哪里？」) or a slogan it opens
    with (「减船转产，海上养殖拓新路。」) joined to the sentence after it, and a quotation of several
    sentences kept whole (「“以前…完事。现在…有数。”保洁员蔺水根说。」): alone, the first part would
    answer nothing, or not say who spoke."""
    openings = slogans(text)
    joined: list[str] = []
    for sentence in sentences:
        open_quote = joined and joined[-1].count("“") > joined[-1].count("”")
        lead_in = joined and (_leads_in(joined[-1]) or joined[-1].strip() in openings)
        if (lead_in or open_quote) and (joined[-1] + sentence) in text:
            joined[-1] += sentence
        else:
            joined.append(sentence)
    return joined


def _leads_in(sentence: str) -> bool:
    # Not a question someone is quoted asking (…吗？”): that is what they said.
    return sentence.strip().endswith(("？", "?"))


#: 该 before a noun the anaphors above do not cover (该中心, 该基地, 该平台).
_THIS_NOUN = re.compile(r"该((?!村|社区|乡|镇|区|街道|公司|企业|合作社|项目)[\u4e00-\u9fff]{1,2})")


def _named_this_one(text: str, source: str, at: int, names: list[tuple[str, str]]) -> dict[str, str]:
    """What 该中心 or 该基地 stands for: the last name found before the sentence that ends in that
    noun (该中心 → 禾西经开区政务服务中心), so that an answer and a wording read on their own."""
    found: dict[str, str] = {}
    for match in _THIS_NOUN.finditer(source):
        noun = match.group(1)
        for size in (len(noun), 1):  # 该中心整合: the noun may be the first character only
            earlier = [(text.rfind(n, 0, at), n) for n, kind in names if n.endswith(noun[:size]) and kind != "person"]
            if earlier := [(pos, n) for pos, n in earlier if pos >= 0]:
                found["该" + noun[:size]] = max(earlier)[1]
                break
    return found


def _facts(doc: Document, chrome: set[str], names: list[tuple[str, str]], split: bool) -> list[dict[str, object]]:
    """One fact per sentence or clause group."""
    forms = tuple(place_forms(doc.place, doc.text)) if doc.place else ()
    kinds = {"organisation": "该公司", "village": "该村", "person": "他"}
    referred = [(name, kinds[kind.split(",")[0]]) for name, kind in names if kind.split(",")[0] in kinds]
    referred = [(name, anaphor) for name, anaphor in referred if not name.startswith(("该", "其"))]
    villages = [name for name, anaphor in referred if anaphor == "该村"]
    people = tuple(name for name, anaphor in referred if anaphor == "他")
    wordings = Wordings(doc, forms, tuple(name for name, _ in names) + _counties(doc.text), people)
    facts: list[dict[str, object]] = []
    openings = slogans(doc.text)
    for number, (source, context) in enumerate(_sources(doc, split), 1):
        at = doc.text.find(source)
        referents = {"该镇": doc.place} if doc.place else {}
        # A pronoun (他, 她) stands for someone its paragraph names; 该公司 may reach further back.
        opening = doc.text.rfind("\n", 0, at) + 1
        for anaphor in ("该公司", "该村", "他"):
            # What an anaphor stands for is the last name of its kind before the sentence.
            earlier = [(doc.text.rfind(n, 0, at), n) for n, a in referred if a == anaphor]
            if earlier := [(pos, n) for pos, n in earlier if pos >= (opening if anaphor == "他" else 0)]:
                referents[anaphor] = max(earlier)[1]
        if subject := subject_before_pronoun(source, people):
            referents["他"] = subject  # named in the sentence itself, before its 她: that one
        referents |= _named_this_one(doc.text, source, at, names)
        # 「合作社现有社员46名」: the 合作社 the article named last.
        referents |= bare_kinds(source, doc.text, at, (n for n, kind in names if kind.startswith("organisation")))
        referents |= bare_posts(source, doc.text, at)  # 「队长邰守仁…」: the 队 named before
        village = village_meant(doc, source, referents.get("该村", ""), villages)
        told = _DATELINE.sub("", source.strip(_QUOTES))
        if (lead := slogan(told)) in openings:
            told = told.removeprefix(lead)  # the paragraph's slogan tells nothing to ask about
        if said_by := _speaker_before(source, referents):
            referents = {k: v for k, v in referents.items() if k != "他"}  # a quotation keeps its 她
        facts.append(
            {
                "id": f"{doc.id}-{number:02d}",
                # 「过去进村只有一条3米宽的水泥路」 is asked of the village the paragraph is about.
                "questions": wordings.of(
                    _of_village(village, told) if village else in_speakers_words(told, people),
                    context,
                    {**referents, "全村": village} if village else referents,
                    topic=_paragraph_opening(doc.text, opening, at),
                ),
                "answer": restated(doc, told, village, referents, people, said_by),
                "source": source,
                "tags": [_tag(doc, source, chrome)],
            }
        )
    return facts


def _paragraph_opening(text: str, opening: int, at: int) -> str:
    """The first clause of the paragraph opening at `opening`, when the fact's source (at `at`)
    comes after its first sentence: what the paragraph is about; "" for that sentence itself."""
    end = min((i for i in (text.find(mark, opening) for mark in "。！？\n") if i >= 0), default=len(text))
    # Its first clause: the topic comes first (家庭医生签约，是…关键一环).
    return re.split(r"[，,：:；;]", text[opening:end])[0] if end < at else ""


def _of_village(village: str, told: str) -> str:
    """`told` said of the paragraph's village: 藟坑村 + 村党支部书记… is 藟坑村党支部书记…, one 村."""
    return village + (told[1:] if told[:1] == village[-1] else told)


def _speaker_before(source: str, referents: dict[str, str]) -> str:
    """Who said a sentence that is one quotation and nothing else (「“以前要么请老人来带…”」): the
    person its paragraph named last before it (年轻妈妈宓嘉言把…), or "" ."""
    whole = source.startswith("“") and source.rstrip("。！？").endswith("”") and source.count("“") == 1
    return referents.get("他", "") if whole else ""


#: The dateline a story opens with (本报讯, 本报讯（记者 柯蔚然）, 新华社北京3月5日电): the outlet's
#: mark, not part of what the sentence says — the source keeps it, the answer and wordings do not.
_DATELINE = re.compile(
    r"^(?:本报讯|本台讯|讯|[\u4e00-\u9fff]{2,6}社[\u4e00-\u9fff\d月日]{0,12}电)\s*(?:[（(][^）)]{0,30}[）)])?\s*"
)


#: Prepositions and particles: no part of a county's name (其中从县医院 names no county 中从县).
_FUNCTION_CHARS = frozenset("从在到于向往自对把被给与和及其之的了是为将已")


def _counties(text: str) -> tuple[str, ...]:
    """The counties and cities the text names whose stem jieba does not know (蘧阳县, not 全县):
    names to keep whole, or jieba cuts 阳县 out of 蘧阳县."""
    import jieba

    jieba.initialize()
    return tuple(
        dict.fromkeys(
            m.group(0)
            for m in re.finditer(r"[\u4e00-\u9fff]{2}[县市]", text)
            if m.group(0)[:2] not in jieba.dt.FREQ and not _FUNCTION_CHARS & set(m.group(0)[:2])
        )
    )


def _tag(doc: Document, sentence: str, chrome: set[str]) -> str:
    """The section heading the sentence falls under (the article's own topics), else what its
    paragraph is about (`bot.curation.topics`)."""
    at = doc.text.find(sentence)
    headings = [
        (doc.text.find(line), line)
        for line in chrome
        if 0 <= doc.text.find(line) < at and line != doc.title and not _DATE.search(line) and not _FOOTER.match(line)
    ]
    headings = [(pos, line) for pos, line in headings if not _AUTHOR.search(line) and not _OUTLET.search(line)]
    if headings:
        return _heading_topic(max(headings)[1])
    return topic_at(doc.text, at, doc.place or "")  # no headings: what the paragraph is about


#: What numbers a heading: 一、 （二） 3. 第四部分：
_HEADING_NUMBER = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]|第[一二三四五六七八九十\d]+(?:部分|章|节|篇)?[：:\s]?)\s*"
)


def _heading_topic(heading: str) -> str:
    """A section heading as a short topic for the /topics menu: what comes before a colon
    (「垃圾分类：从“一扔了之”到“分类投放”」 → 垃圾分类), without its number, and the first half of a
    heading in two halves (「一、还田离田两条路 秸秆各有去处」 → 还田离田两条路)."""
    topic = re.split(r"[：:]", _HEADING_NUMBER.sub("", heading.strip()))[0].strip()
    first = re.split(r"[\s，,；;]+", topic)[0]
    return (first if len(first) >= 4 else topic) or OVERVIEW


def aliases_yaml(result: Draft) -> str:
    """The aliases.yaml the draft proposes, to merge into the knowledge's aliases.yaml."""
    head = "# Proposed by `faqbot draft`: merge into aliases.yaml after review (see docs/curating.md).\n"
    return head + yaml.safe_dump(result.aliases, allow_unicode=True, sort_keys=False, width=1000)


def to_yaml(result: Draft) -> str:
    """The draft as a facts file, its notes for the curator as comments."""
    head = [
        "# Drafted by `faqbot draft`: review every fact, then run `faqbot check --replay`.",
        "# Each fact cites one sentence; merge, split or delete facts as the story needs, and make",
        "# the wordings sound like your users (3+ each; 5-7 for facts people ask about often).",
    ]
    if result.todo:
        head.append(f"# TODO: fill in {', '.join(result.todo)} (`faqbot check` points at each).")
    if result.names:
        head.append("# Names found (candidates for aliases.yaml `names:` or `terms:`; a place the article is")
        head.append("# about goes under `places:` with the forms people write, e.g. without 镇/县):")
        head += [f"#   {name}  ({kind})" for name, kind in result.names]
    data = {"document": result.document, "facts": result.facts}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return "\n".join(head) + "\n" + body
