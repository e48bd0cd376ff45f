"""The benchmark's tables and the PASS/MISS verdict on each target of issue 7."""

from __future__ import annotations

import math
from collections.abc import Sequence

from benchmarks.coldstart import ColdStart
from benchmarks.common import Target, markdown
from benchmarks.scale import FILES, Answers, SizeResult

PLACE, NOPLACE = FILES


def scaling_table(results: Sequence[SizeResult]) -> str:
    rows = []
    for r in results:
        b, e = r.build, r.engine
        rows.append(
            [
                f"×{r.size}",
                b.get("documents"),
                b.get("facts"),
                b.get("questions"),
                _s(r.generate_s) if r.size > 1 else "–",
                _s(b.get("load_knowledge_s")),
                _s(b.get("build_index_s")) if r.built else "not built",
                _mb(b.get("peak_mb")),
                _mb(b.get("cache_mb")),
                _s(r.serve.get("engine_load_s")),
                _mb(r.serve.get("peak_mb")),
                _ms(e.p(0.5)) if e else "–",
                _ms(e.p(0.99)) if e else "–",
                _acc(e, PLACE),
                _acc(e, NOPLACE),
            ]
        )
    headers = [
        "size",
        "articles",
        "facts",
        "questions",
        "generate",
        "load knowledge",
        "index build",
        "build peak",
        "index cache",
        "warm load",
        "serve peak",
        "p50",
        "p99",
        "place-named acc",
        "no-place acc",
    ]
    return markdown(headers, rows)


def naive_table(results: Sequence[SizeResult]) -> str:
    """Each naive matcher beside the engine, on exactly the questions the matcher answered."""
    rows = []
    for r in results:
        for name, naive in r.naive.items():
            place_n, other_n = naive.count(PLACE), naive.count(NOPLACE)
            engine = r.engine
            slower = naive.p(0.5) / engine.p(0.5) if engine and engine.p(0.5) else None
            rows.append(
                [
                    f"×{r.size}",
                    name,
                    f"{place_n}+{other_n}",
                    _ms(naive.p(0.5)),
                    _ms(naive.p(0.99)),
                    f"{slower:.1f}×" if slower else "–",
                    _versus(naive, engine, PLACE, place_n),
                    _versus(naive, engine, NOPLACE, other_n),
                ]
            )
    headers = [
        "size",
        "matcher",
        "questions (place+other)",
        "p50",
        "p99",
        "p50 ÷ engine p50",
        "place-named acc (engine on the same; engine ÷ naive)",
        "no-place acc (same)",
    ]
    return markdown(headers, rows)


def _versus(naive: Answers, engine: Answers | None, file: str, first: int) -> str:
    mine = naive.accuracy(file)
    if mine is None:
        return "–"
    theirs = engine.accuracy(file, first) if engine else None
    if theirs is None:
        return f"{mine:.1f}%"
    ratio = f", ×{theirs / mine:.2f}" if mine else ""
    return f"{mine:.1f}% ({theirs:.1f}%{ratio})"


def targets(results: Sequence[SizeResult], cold: ColdStart | None) -> list[Target]:
    by_size = {r.size: r for r in results}
    one, big = by_size.get(1), by_size.get(1000)
    e1 = one.engine if one else None
    e1000 = big.engine if big else None
    drop = None
    if e1 and e1000:
        before, after = e1.accuracy(PLACE), e1000.accuracy(PLACE)
        drop = max(0.0, before - after) if before is not None and after is not None else None
    return [
        Target("bundled p50 per question", 0.5, "ms", e1.p(0.5) if e1 else None),
        Target("bundled p99 per question", 2, "ms", e1.p(0.99) if e1 else None),
        Target("×1000 p50 per question", 10, "ms", e1000.p(0.5) if e1000 else None),
        Target("×1000 p99 per question", 30, "ms", e1000.p(0.99) if e1000 else None),
        Target("×1000 place-named accuracy drop vs ×1", 1, "points", drop),
        Target("cold start of faqbot ask (warm index cache)", 0.6, "s", cold.warm_median if cold else None),
        _build_target(big),
        Target("peak memory, bundled", 150, "MB", _peak(one)),
        Target("peak memory at ×1000", 2048, "MB", _peak(big) if big and big.built else None),
    ]


def _build_target(big: SizeResult | None) -> Target:
    name = "index build at ×1000"
    if big is not None and big.build_timeout is not None:
        return Target(name, 60, "s", big.build_timeout, lower_bound=True)
    return Target(name, 60, "s", big.build.get("build_index_s") if big else None)


def _peak(result: SizeResult | None) -> float | None:
    if result is None:
        return None
    peaks = [p for p in (result.build.get("peak_mb"), result.serve.get("peak_mb")) if p is not None]
    return max(peaks) if peaks else None


def extrapolation(results: Sequence[SizeResult], size: int = 1000) -> str | None:
    """An estimate for a size whose index was not built, from the growth of the two largest built.

    Clearly an estimate: a power law through two points, nothing more.
    """
    built = [r for r in results if r.built and r.size > 1]
    if len(built) < 2 or any(r.size == size and r.built for r in results):
        return None
    a, b = built[-2], built[-1]
    parts = []
    for label, key, unit in (("index build", "build_index_s", "s"), ("build peak memory", "peak_mb", "MB")):
        x, y = a.build.get(key), b.build.get(key)
        if x and y and x > 0 and y > 0:
            exponent = math.log(y / x) / math.log(b.size / a.size)
            parts.append(f"{label} ≈ {y * (size / b.size) ** exponent:,.0f} {unit} (grows as size^{exponent:.2f})")
    if not parts:
        return None
    return f"Estimated for ×{size} from ×{a.size} → ×{b.size} (not measured): " + "; ".join(parts) + "."


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def _ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} MB"


def _acc(answers: Answers | None, file: str) -> str:
    if answers is None or answers.accuracy(file) is None:
        return "–"
    return f"{answers.accuracy(file):.1f}% ({answers.count(file)})"
