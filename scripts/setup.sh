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
