"""What a fact's sentence leaves untold of a name the question asks: the name of a thing it names
bare (「…，账号粉丝达到41万」 never says what the 账号 is called), or of one it only brings in as one
of its kind (「与一家外省家居企业签订…」 never says which 企业). A name given would be a guess; the
engine says so instead (`bot.matching.untold`).
"""

from __future__ import annotations

import re
from collections.abc import Collection

#: Words asking what a thing is called: 叫什么(名字), 叫啥, 名字/名称是什么.
_CALLED = (("叫", "什么"), ("叫", "啥"), ("叫", "什么名字"), ("叫", "啥名字"), ("是", "什么名字"))
_NAME_WORDS = ("名字", "名称")
#: Things named by whom or what runs them: a person (徒弟, 书记, 老人) or a body (公司, 单位) is
#: asked after by the person and organisation kinds, whose facts name them without quotes.
_NOT_A_TITLE = re.compile(
    r"(?:人|员|长|者|师|生|手|工|户|民|弟|妹|姐|哥|嫂|爷|奶|婆|姨|叔|娘|伙|年|记|理|任|监|席|主|官|家"
    r"|公司|企业|单位|厂|社|行|局|所|站|院|校|馆)$"
)
#: Words for someone (徒弟, 老人, 书记, 师傅): whose name is a person's.
_SOMEONE = re.compile(r"(?:人|员|长|者|师|傅|生|手|工|民|弟|妹|姐|哥|嫂|爷|奶|婆|姨|叔|娘|伙|记|任|官)$")
#: How a sentence gives a thing's name after it: a quotation or title (账号“藕遇涟禾”), or a verb of
#: naming (快板名为…).
_QUOTES_OPEN = "“「《\"'"
#: What may stand right before a thing named bare (「，账号粉丝达到41万」, 「的账号」): no word of a name.
_BARE_BEFORE = tuple("，,。；、的了在把和与及将被对其该这那")
_NAMING = re.compile(r"^[\s，,]?(?:叫|名为|名叫|称为|命名为|取名|被称为|被誉为)")


def _before(words: tuple[str, ...], at: int) -> str:
    """The word right before position `at`, a 的 between skipped (快板 of 那段快板的|名字); "" if none."""
    j = at - 1 if at and words[at - 1] != "的" else at - 2
    return words[j] if j >= 0 else ""


def thing_called(words: tuple[str, ...]) -> str | None:
    """The thing whose name a question asks (「那段方言快板叫什么名字」 → 快板), when it is no person and
    no body: a word of two characters or more right before 叫什么, 叫啥 or 名字是什么."""
    for i in range(1, len(words) - 1):
        called = (words[i], words[i + 1]) in _CALLED or (
            words[i] in _NAME_WORDS and words[i + 1] in ("是", "叫") and i + 2 < len(words)
        )
        if not called:
            continue
        thing = _before(words, i)
        if len(thing) >= 2 and not _NOT_A_TITLE.search(thing):
            return thing
        return None
    return None


def name_untold(words: tuple[str, ...], sentence: str) -> str | None:
    """The thing (账号) when the question asks what it is called and the fact's `sentence` names the
    thing bare — after a comma or a word like 的, with no quotation or verb of naming after it —
    so never its name: 「…，账号粉丝达到41万」 does not say what the 账号 is called. Words right
    before it may be its name (航空专用装备项目, “和事佬”茶馆) and leave it told. None too when the
    sentence does not hold the thing: the question may call it otherwise (直播号 for 直播账号)."""
    thing = thing_called(words)
    if thing is None or thing not in sentence:
        return None
    for found in re.finditer(re.escape(thing), sentence):
        before, after = sentence[: found.start()], sentence[found.end() :]
        if after[:1] in _QUOTES_OPEN or _NAMING.match(after):
            return None
        if before and not before.endswith(_BARE_BEFORE):
            return None  # 航空专用装备项目, 当地方言快板: the words before may be its name
    return thing


#: Words asking which one: 哪家企业, 哪位老人, 哪一家公司.
_WHICH_ONE = frozenset({"哪家", "哪位", "哪个", "哪一家", "哪一位", "哪一个"})
#: One brought in as one of its kind, not by name: 一家外省家居企业, 一位返乡青年, 某公司.
_ONE_OF_A_KIND = re.compile(r"(?:(?<![第统唯之同万])一(?:家|位|名|个|所)|某)[^，,。；;、：:“”「」《》\d]{0,10}$")


def _named_word(words: tuple[str, ...]) -> str | None:
    """The word whose name a question asks, whatever it is: the word before 叫什么 or 名字是什么
    (「那家外省家居企业叫什么名字」 → 企业), after 哪家 or 哪位 (「是哪家企业」), or before 是哪家
    (「捐款的企业是哪家」)."""
    for i, word in enumerate(words):
        if word in ("叫啥", "叫什么") or (word, words[i + 1] if i + 1 < len(words) else "") in _CALLED:
            return thing if len(thing := _before(words, i)) >= 2 else None
        if word in _WHICH_ONE:
            if i + 1 < len(words) and len(words[i + 1]) >= 2:
                return words[i + 1]
            if i >= 2 and words[i - 1] == "是":
                return thing if len(thing := _before(words, i - 1)) >= 2 else None
    return None


def unnamed_untold(words: tuple[str, ...], sentence: str) -> str | None:
    """The one (企业) whose name the question asks when the fact's `sentence` brings it in only as
    one of its kind — 一家…企业, 一位…青年, 某公司 — wherever it stands there, with no quotation or
    verb of naming after it: 「与一家外省家居企业签订收纳篮订单」 does not say which 企业."""
    thing = _named_word(words)
    if thing is None or thing not in sentence:
        return None
    for found in re.finditer(re.escape(thing), sentence):
        after = sentence[found.end() :]
        if after[:1] in _QUOTES_OPEN or _NAMING.match(after):
            return None
        if not _ONE_OF_A_KIND.search(sentence[: found.start()]):
            return None
    return thing


def person_untold(words: tuple[str, ...], text: str, sentence: str, people: Collection[str]) -> str | None:
    """The one (徒弟) whose name the question asks when everyone the fact's `sentence` names is
    named in the question already (`text`): 「厍秀芝收的那个21岁的最小徒弟叫什么名字」 of 「厍秀芝收了5名
    徒弟，年龄最小的21岁」 — the sentence names only the master. `people` are the knowledge's."""
    asked = _named_word(words)
    if asked is None or asked in people or not _SOMEONE.search(asked):
        return None
    named = [person for person in people if person in sentence]
    return asked if named and all(person in text for person in named) else None


#: Words asking which sort of a thing: 哪种骗局, 哪类设备, 什么样的活动.
_WHICH_SORT = frozenset({"哪种", "哪类", "哪一种", "哪一类", "何种"})
#: Words that call a thing in general, naming no sort of it: 常见骗局, 各类设备, 相关政策.
_IN_GENERAL = re.compile(r"(?:常见|各类|各种|多种|多类|相关|有关|一些|这些|那些|不同|各式|各样|多样)的?$")


def sort_untold(words: tuple[str, ...], sentence: str) -> str | None:
    """The thing (骗局) when the question asks which sort of it (「讲的是哪种骗局」) and the fact's
    `sentence` calls it only in general — 常见骗局, 各类骗局 — every time it says it: a sort named
    (电信诈骗骗局, “冒充客服”骗局) would tell it."""
    at = next((i for i, word in enumerate(words[:-1]) if word in _WHICH_SORT), None)
    if at is None or len(thing := words[at + 1]) < 2 or thing not in sentence:
        return None
    found = list(re.finditer(re.escape(thing), sentence))
    return thing if all(_IN_GENERAL.search(sentence[: f.start()]) for f in found) else None
