"""Generate a fact base ×N the bundled one: the bundled articles retold for N−1 imaginary towns.

    python -m benchmarks.generate --scale 100 --out /tmp/faqbot-x100

writes OUT/knowledge/ (articles/, facts/, aliases.yaml — a valid knowledge folder that
`faqbot check --knowledge OUT/knowledge` accepts) and OUT/questions-place.yaml and
OUT/questions-noplace.yaml (the dev set rewritten for the towns, see `benchmarks.devset`).
Variant 0 is the bundled knowledge, verbatim; variant k is identical at every scale, so ×10 is
a prefix of ×100. Generated data goes to a temporary folder and is never committed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.numbers import kept_numbers, number_map
from benchmarks.variants import PLACE_PARTS, Namer, Variant, make_variant, mentions
from bot.config import bundled_knowledge_dir

SEED = 20240607
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Source:
    """One bundled facts file and its article, as raw data to rewrite."""

    name: str  # file stem, e.g. jiaxing-2019
    data: dict[str, Any]
    article: str
    article_name: str  # e.g. jiaxing-kejicheng-2019

    @property
    def doc_id(self) -> str:
        return str(self.data["document"]["id"])

    def texts(self) -> list[str]:
        """Every text of this article and its facts, where numbers may occur."""
        doc = self.data["document"]
        out = [self.article, str(doc.get("title", "")), str(doc.get("author") or "")]
        for fact in self.data.get("facts") or []:
            out += [str(q) for q in fact.get("questions") or []]
            out += [str(fact.get("answer", "")), str(fact.get("source", ""))]
        return out


def read_sources(root: Path) -> tuple[list[Source], dict[str, Any]]:
    """The bundled facts files with their articles, and aliases.yaml, as plain data."""
    sources = []
    for path in sorted((root / "facts").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        text_path = root / str(data["document"]["text"])
        sources.append(Source(path.stem, data, text_path.read_text(encoding="utf-8"), text_path.stem))
    aliases = yaml.load((root / "aliases.yaml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    return sources, aliases


def make_variants(scale: int, sources: list[Source], seed: int = SEED) -> list[Variant]:
    """Variants 0 … scale−1 with their names and, per article, their number mappings."""
    corpus = "\n".join(t for s in sources for t in s.texts())
    namer = Namer(seed, forbidden=corpus)
    variants = []
    for number in range(scale):
        variant = make_variant(number, namer)
        for source in sources:
            if number == 0:
                continue
            texts = source.texts()
            kept = kept_numbers(texts, str(source.data["document"]["date"]))
            rng = random.Random(f"{seed}:{number}:{source.doc_id}")
            variant.numbers[source.doc_id] = number_map(texts, kept, rng)
        variants.append(variant)
    return variants


def rewrite_source(source: Source, variant: Variant) -> tuple[dict[str, Any], str]:
    """The facts file data and the article text of `source` as told in `variant`'s town."""
    if variant.number == 0:
        return source.data, source.article
    doc_id = source.doc_id
    doc = dict(source.data["document"])
    place = str(doc.get("place") or "")

    def rewrite(text: object) -> str:
        return variant.rewrite(str(text), doc_id)

    new_doc = {
        **doc,
        "id": doc_id + variant.suffix,
        "title": rewrite(doc["title"]),
        "text": f"articles/{source.article_name}{variant.suffix}.txt",
    }
    for key in ("author", "outlet"):
        if doc.get(key):
            new_doc[key] = rewrite(doc[key])
    if place:
        new_doc["place"] = variant.place(place)
    if doc.get("chrome"):
        new_doc["chrome"] = [rewrite(line) for line in doc["chrome"]]
    town = variant.place(place) if place else ""
    facts = []
    for fact in source.data.get("facts") or []:
        questions = []
        for question in fact.get("questions") or []:
            new = variant.rewrite(str(question), doc_id, numerals=True)
            # A question naming no place would be the same in every town, and `faqbot check`
            # rightly refuses one question leading to two facts: the town's curator names it.
            questions.append(new if mentions(str(question)) else f"{town}{new}")
        facts.append(
            {
                **fact,
                "id": f"{fact['id']}{variant.suffix}",
                "questions": questions,
                "answer": rewrite(fact["answer"]),
                "source": rewrite(fact["source"]),
            }
        )
    return {"document": new_doc, "facts": facts}, rewrite(source.article)


def rewrite_aliases(aliases: dict[str, Any], variants: list[Variant]) -> dict[str, Any]:
    """The bundled aliases plus, per town, its place aliases and renamed organisations."""
    places: dict[str, list[str]] = {k: list(v or []) for k, v in (aliases.get("places") or {}).items()}
    names: dict[str, list[str]] = {k: list(v or []) for k, v in (aliases.get("names") or {}).items()}
    owner = {form: c for table in (places, names) for c, forms in table.items() for form in [c, *forms]}
    for variant in variants[1:]:
        for canonical, forms in (aliases.get("places") or {}).items():
            new = variant.place(canonical)
            renamed = [variant.rewrite_names(f) for f in forms or [] if mentions(f)]
            places[new] = [f for f in dict.fromkeys(renamed) if owner.setdefault(f, new) == new]
            owner.setdefault(new, new)
        for canonical, forms in (aliases.get("names") or {}).items():
            new = variant.rewrite_names(canonical)
            renamed = [variant.rewrite_names(f) for f in [canonical, *(forms or [])]]
            table = names.setdefault(new, [])
            owner.setdefault(new, new)
            for form in renamed:
                if form != new and form not in table and owner.setdefault(form, new) == new:
                    table.append(form)
    return {"places": places, "names": names, "terms": list(aliases.get("terms") or [])}


def write_knowledge(out: Path, sources: list[Source], aliases: dict[str, Any], variants: list[Variant]) -> None:
    """Write the knowledge folder for `variants` into `out` (replacing what was there)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "facts").mkdir(parents=True)
    (out / "articles").mkdir()
    for variant in variants:
        for source in sources:
            data, article = rewrite_source(source, variant)
            (out / "articles" / f"{source.article_name}{variant.suffix}.txt").write_text(article, encoding="utf-8")
            (out / "facts" / f"{source.name}{variant.suffix}.yaml").write_text(_dump(data), encoding="utf-8")
    (out / "aliases.yaml").write_text(_dump(rewrite_aliases(aliases, variants)), encoding="utf-8")


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def generate(scale: int, out: Path, seed: int = SEED, root: Path | None = None) -> list[Variant]:
    """Write the ×`scale` knowledge into `out`/knowledge; return the variants used."""
    if scale < 1:
        raise ValueError(f"The scale must be at least 1, not {scale}.")
    root = root or bundled_knowledge_dir()
    sources, aliases = read_sources(root)
    missing = [s.data["document"].get("place") for s in sources if s.data["document"].get("place") not in PLACE_PARTS]
    if missing:
        print(f"warning: no name parts for the place(s) {missing}; every town repeats their name.", file=sys.stderr)
    variants = make_variants(scale, sources, seed)
    write_knowledge(out / "knowledge", sources, aliases, variants)
    return variants


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, required=True, help="how many copies of the bundled world (1 = bundled)")
    parser.add_argument("--out", type=Path, required=True, help="the folder for knowledge/ and the question files")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    from benchmarks.devset import write_devset

    start = time.perf_counter()
    variants = generate(args.scale, args.out, args.seed)
    counts = write_devset(args.out, variants, args.seed)
    seconds = time.perf_counter() - start
    print(f"×{args.scale}: {args.out / 'knowledge'} and {counts} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
