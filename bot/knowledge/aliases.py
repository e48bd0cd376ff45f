"""aliases.yaml: the surface forms users type for places and names, mapped to one canonical name.

    places:                       # scope a question to the article whose `place` it is
      嘉兴科技城: [科技城, 大桥镇]
    names:                        # unify spellings of organisations and things
      浙江未来技术研究院: [未来院]
    terms: [问需问计问效会]        # extra words for the segmenter's dictionary

An alias may belong to one canonical name only; each problem is reported with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.text.normalize import is_han
from bot.yamlfile import Mapping, Problem, UnreadableFile, load_yaml

#: How the name of a place ends (镇, 街道, 社区 …): a form ending so is still a place.
PLACE_ENDINGS = (*"省市县区镇乡村州", "街道", "社区", "园区", "新区", "开发区", "经开区", "小镇")


@dataclass
class Aliases:
    """Surface forms → canonical names. Only `places` scope a question to an article."""

    places: dict[str, str] = field(default_factory=dict)  # alias (and canonical) → place
    names: dict[str, str] = field(default_factory=dict)  # alias (and canonical) → name
    terms: tuple[str, ...] = ()  # extra words for the segmenter's dictionary

    def canonical(self) -> dict[str, str]:
        return {**self.names, **self.places}

    def of_the_place(self) -> dict[str, str]:
        """Place aliases that name something *of* the place, not the place: 洞溪镇党委 under
        洞溪镇 is the town's party committee. Form → what follows the place's own form (党委).

        Read as the place, such a form would eat its tail wherever the text goes on with it —
        洞溪镇党委书记 would become 洞溪镇 + 书记, and 「洞溪镇的党委书记是谁」 would no longer
        meet it. A form that goes on to a place ending (岑川县洞溪镇, 洞溪镇青岗村) is a place.
        """
        by_place: dict[str, set[str]] = {}
        for form, place in self.places.items():
            by_place.setdefault(place, set()).add(form)
        found: dict[str, str] = {}
        for form, place in self.places.items():
            shorter = [f for f in by_place[place] if len(f) >= 2 and f != form and form.startswith(f)]
            tail = form[len(max(shorter, key=len)) :] if shorter else ""
            # A bracketed tail is the place by another name: 开发区(同里镇).
            if tail and is_han(tail) and not form.endswith(PLACE_ENDINGS):
                found[form] = tail
        return found


def read_aliases(path: Path, shown: str, problems: list[Problem]) -> Aliases:
    """Read aliases.yaml (a missing file means no aliases), adding every problem to `problems`."""
    aliases = Aliases()
    if not path.exists():
        return aliases
    try:
        data = load_yaml(path, shown)
    except UnreadableFile as exc:
        problems.append(exc.problem)
        return aliases
    if data is None:
        return aliases
    if not isinstance(data, Mapping):
        problems.append(Problem(shown, 1, "aliases.yaml must be a mapping with `places`, `names` and `terms`."))
        return aliases
    owner: dict[str, str] = {}
    for section in ("places", "names"):
        table = data.get(section) or {}
        if not isinstance(table, Mapping):
            problems.append(
                Problem(shown, data.line_of(section), f"`{section}` must map a canonical name to a list of aliases.")
            )
            continue
        target = getattr(aliases, section)
        for canonical, forms in table.items():
            if forms is None:
                forms = []
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                problems.append(
                    Problem(shown, table.line_of(canonical), f"the aliases of '{canonical}' must be a list of texts.")
                )
                continue
            for form in [canonical, *forms]:
                form = form.strip()
                if form in owner and owner[form] != canonical:
                    problems.append(
                        Problem(
                            shown,
                            table.line_of(canonical),
                            f"the alias '{form}' is given to both '{owner[form]}' and '{canonical}'.",
                        )
                    )
                    continue
                owner[form] = canonical
                target[form] = canonical
    terms = data.get("terms") or []
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        problems.append(Problem(shown, data.line_of("terms"), "`terms` must be a list of words."))
    else:
        aliases.terms = tuple(t.strip() for t in terms if t.strip())
    return aliases
