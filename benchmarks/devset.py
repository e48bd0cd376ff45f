"""The dev set (tests/eval/questions.yaml) rewritten for a generated fact base.

A question that names a place (大桥镇讲了多少堂党课) is retold for one generated town chosen
at random (柳汀镇讲了多少堂党课), with its expected strings rewritten the same way (194 → 233):
it must find *that* town's fact among all the look-alikes. A question that names no place
(有多少党员) is kept as it is; among a thousand look-alike towns it may legitimately become
ambiguous, so it is scored separately.

Whether a question names a place is decided by the bot's own alias table (`bot.text.normalize`), typos
and homophones of place names included. When the named place is spelt so that no bundled name
part occurs in it (大挢镇), the question cannot be retold and stays with the bundled town.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.variants import PLACE_PARTS, Variant, mentions, traditional
from bot.config import bundled_knowledge_dir
from bot.curation.evaluate import Item, load_questions
from bot.knowledge.read import load_knowledge
from bot.text.normalize import AliasTable, normalize

DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "eval" / "questions.yaml"
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Retold:
    """A dev-set item as asked of a generated town."""

    item: Item
    place: str | None  # the bundled canonical place it names, if any
    variant: int  # the town it is retold for (0: the bundled one)
    checked: bool  # every expected string was found in the town's article


class Retelling:
    """Retells dev-set items for the towns of one generated fact base."""

    def __init__(self, variants: list[Variant], seed: int, root: Path | None = None) -> None:
        knowledge = load_knowledge(root or bundled_knowledge_dir())
        self.variants = variants
        self.places = AliasTable(knowledge.aliases.places)
        self.doc_of = {doc.place: doc for doc in knowledge.documents.values() if doc.place}
        # Aliases without a name part (科技城, 開發區): a question naming a place only by them is
        # retold with the town's full name.
        forms = knowledge.aliases.places.items()
        self.generic: dict[str, list[str]] = {}
        for place in PLACE_PARTS:
            generic = {g for f, c in forms if c == place and not mentions(f) for g in (f, traditional(f))}
            self.generic[place] = sorted(generic, key=lambda f: (-len(f), f))  # longest first
        self._rng = random.Random(seed)

    def named_place(self, question: str) -> str | None:
        """The bundled place a question names, first by position (None when it names none)."""
        text = normalize(question, self.places)
        found = [(text.find(p), p) for p in self.doc_of if p in text]
        return min(found)[1] if found else None

    def retell(self, item: Item) -> Retold:
        place = self.named_place(item.question)
        if place is None or len(self.variants) == 1:
            return Retold(item, place, 0, True)
        variant = self.variants[1 + self._rng.randrange(len(self.variants) - 1)]
        doc = self.doc_of[place]
        question = item.question
        if not mentions(question):
            generic = self.generic.get(place) or []
            pattern = "|".join(re.escape(f) for f in generic)
            if not pattern or not re.search(pattern, question):
                return Retold(item, place, 0, True)  # a misspelt name part: see the docstring
            town = variant.place(place)
            spelt = self.places.canonical  # the bundled spellings; others are traditional ones
            question = re.sub(pattern, lambda m: town if m.group() in spelt else traditional(town), question)
        question = variant.rewrite(question, doc.id, numerals=True)
        expect = tuple(variant.rewrite(e, doc.id) for e in item.expect)
        article = variant.rewrite(doc.text, doc.id)
        checked = all(new in article for old, new in zip(item.expect, expect, strict=True) if old in doc.text)
        retold = Item(question=question, kind=item.kind, status=item.status, expect=expect)
        return Retold(retold, place, variant.number, checked)


def write_devset(out: Path, variants: list[Variant], seed: int, dev_set: Path = DEV_SET) -> str:
    """Write OUT/questions-place.yaml and OUT/questions-noplace.yaml; describe what was written."""
    retelling = Retelling(variants, seed)
    retold = [retelling.retell(item) for item in load_questions(dev_set)]
    place = [r for r in retold if r.place is not None]
    noplace = [r for r in retold if r.place is None]
    for name, chosen in (("questions-place.yaml", place), ("questions-noplace.yaml", noplace)):
        rows = [
            {
                "question": r.item.question,
                "kind": r.item.kind,
                "status": r.item.status,
                "expect": list(r.item.expect),
                "town": r.variant,
            }
            for r in chosen
        ]
        text = yaml.dump(rows, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
        (out / name).write_text(text, encoding="utf-8")
    unchecked = sum(not r.checked for r in place)
    kept = sum(r.variant == 0 for r in place)
    note = f", {unchecked} with an expected string not in the town's article" if unchecked else ""
    return f"{len(place)} place questions ({kept} kept for the bundled town{note}) and {len(noplace)} others"
