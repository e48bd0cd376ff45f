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

from bot.yamlfile import Mapping, Problem, UnreadableFile, load_yaml


@dataclass
class Aliases:
    """Surface forms → canonical names. Only `places` scope a question to an article."""

    places: dict[str, str] = field(default_factory=dict)  # alias (and canonical) → place
    names: dict[str, str] = field(default_factory=dict)  # alias (and canonical) → name
    terms: tuple[str, ...] = ()  # extra words for the segmenter's dictionary

    def canonical(self) -> dict[str, str]:
        return {**self.names, **self.places}


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
