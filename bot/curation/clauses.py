"""A news sentence cut into clause groups, one figure each, for `faqbot draft`.

Chinese news prose packs a paragraph's figures into one long sentence joined by commas
(「把全镇…划分为86个网格，组织412名党员联系服务5870户群众，推动…」). As one fact, a question about
one figure is drowned by the others: its words are a small share of the fact's. So a sentence
with several figures is cut at its clause commas (，；) into groups: a group starts at a clause
with a figure and takes the clauses without one that follow it (「并为每名网格员发放…」); clauses
before the first figure (the date, the subject: 「今年以来，洞溪镇党委…」) open the first group.
Every group is a verbatim substring of the sentence, so it can be a fact's `source`. Commas
inside quotation marks or brackets do not cut: a quotation stays whole.

Opt-in (`faqbot draft --split`): on the three development articles of the new-article
evaluation the split draft answered fewer blind questions (63.6/62.1/60.6%) than one fact per
sentence (66.7/68.2/66.7%) — a clause has fewer of the words a paraphrase uses, and the uncut
sentence, still indexed as an article sentence, competes with it.
"""

from __future__ import annotations

import re

#: A figure a question can ask for, a count or an amount: not a date (6月20日, 2023年), a time
#: of day (2时40分, 8点), the minutes of a span in hours (2小时50分钟), a range of months (1至9月)
#: or a class in brackets (小（1）型水库) — but a count after a word ending in 点 is one (站点9个).
FIGURE = re.compile(
    r"(?<![\d.（(])(?<![\d零一二三四五六七八九十两][时点])(?<!小时)(?<!\d[:：])\d+(?:\.\d+)?(?![\d.]|\s*[月日号时点:：）)]|(?<=\d{4})\s*年|\s*年代|[至到-]\d+[年月日号])"
)
_CUT = "，；,;—"  # a dash (——) sets off a clause as a comma does
_OPEN, _CLOSE = "“‘「『《（(【", "”’」』》）)】"


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause, the cutting comma left out; commas inside quotes stay."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for at, char in enumerate(sentence):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in _CUT and depth == 0:
            spans.append((start, at))
            start = at + 1
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if b > a]


def clause_groups(sentence: str) -> list[str]:
    """The sentence cut into verbatim clause groups of one figure-bearing clause each; a
    sentence with fewer than two such clauses is one group, itself."""
    spans = clause_spans(sentence)
    groups: list[list[tuple[int, int]]] = []
    figured = False
    for span in spans:
        has_figure = bool(FIGURE.search(sentence[span[0] : span[1]]))
        if has_figure and figured:
            groups.append([span])
        elif groups:
            groups[-1].append(span)
        else:
            groups.append([span])
        figured = figured or has_figure
    if len(groups) < 2:
        return [sentence]
    return [sentence[group[0][0] : group[-1][1]] for group in groups]
