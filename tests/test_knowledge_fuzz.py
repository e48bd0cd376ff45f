"""Knowledge files broken at random: the loader always answers with `file:line` problems."""

from __future__ import annotations

import re
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.knowledge.check import check
from tests.knowledge_helpers import write_knowledge

PROBLEM = re.compile(r"^\S.*?(:\d+)?: (warning: )?\S")
FUZZ = settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
DAMAGE = st.sampled_from(
    [b"\t", b":", b"- ", b"\xff", b"\x00", b"[", b"{", b"'", b'"', b"\n  ", b"&a", b"*a", b"!!int", b"9" * 500]
)
FILES = st.sampled_from(["facts/a.yaml", "aliases.yaml", "articles/a.txt"])


@FUZZ
@given(name=FILES, cut=st.floats(0, 1), insert=st.lists(st.tuples(st.floats(0, 1), DAMAGE), max_size=4))
def test_damaged_knowledge_is_reported_never_raised(
    tmp_path_factory, name: str, cut: float, insert: list[tuple[float, bytes]]
) -> None:
    root = tmp_path_factory.mktemp("kb")
    shutil.rmtree(root)
    write_knowledge(root)
    path = root / name
    data = path.read_bytes()
    data = data[: max(1, int(len(data) * (0.5 + cut / 2)))]  # truncated somewhere in its second half
    for where, damage in insert:
        at = int(len(data) * where)
        data = data[:at] + damage + data[at:]
    path.write_bytes(data)

    report = check(root)  # never raises, whatever the damage

    for problem in report.problems:
        assert PROBLEM.match(str(problem)), str(problem)
        assert problem.path and problem.line >= 0
