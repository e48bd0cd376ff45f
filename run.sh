#!/usr/bin/env bash
# Set up on a fresh machine and run zh-faqbot. Usage:
#   ./run.sh chat        chat with the bot on the bundled knowledge (no token, no network)
#   ./run.sh test        run the whole test suite (what CI runs), one worker per core
#   ./run.sh faqbot ...  any faqbot command, e.g. ./run.sh faqbot ask "有多少党员？"
# (or put it on PATH: source .venv/bin/activate, then faqbot ...)
# The first run creates .venv and installs the package with its test extras (editable, so
# edits to bot/ and knowledge/ are live); later runs reuse it. PYTHON picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  # Said on stderr, so that piped output (./run.sh faqbot ask --json …) stays clean.
  echo "First run: setting up .venv and installing zh-faqbot with its dependencies (about a minute)…" >&2
  "$PYTHON" -m venv .venv
  echo "  1/2 updating pip…" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  echo "  2/2 installing jieba, OpenCC, python-telegram-bot, rich, pytest… (the longest step)" >&2
  .venv/bin/python -m pip install --quiet hatchling -e ".[test]"
  rm -f .venv/.installed-* && touch "$stamp"
  echo "Set up. The first question also builds the search index (a few seconds; cached afterwards)." >&2
fi
command="${1:-chat}"
[ $# -gt 0 ] && shift
case "$command" in
  chat) exec .venv/bin/faqbot chat "$@" ;;
  # One worker per core (pytest-xdist): about 6½ minutes on 2 cores instead of 11. `-n 0` runs in one.
  test) exec .venv/bin/python -m pytest -n auto "$@" ;;
  faqbot) exec .venv/bin/faqbot "$@" ;;
  *) echo "usage: ./run.sh chat|test|faqbot ARGS" >&2; exit 2 ;;
esac
