#!/usr/bin/env bash
# Create .venv and install lkjip into it. --dev adds the test and lint tools, --jupyter JupyterLab.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
case "${1:-}" in
  --dev) .venv/bin/python -m pip install --quiet -e ".[dev]" ;;
  --jupyter) .venv/bin/python -m pip install --quiet -e ".[jupyter]" ;;
  *) .venv/bin/python -m pip install --quiet -e . ;;
esac
# An editable install is not byte-compiled; compile it once so that commands start quickly
# (also where PYTHONDONTWRITEBYTECODE keeps Python from caching it by itself).
.venv/bin/python -m compileall -q lib
