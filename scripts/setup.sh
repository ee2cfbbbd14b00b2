#!/usr/bin/env bash
# Create .venv and install lkjip into it. --dev adds the test and lint tools, --jupyter JupyterLab.
# Each step says what it does; pip shows the packages as it installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3
case "${1:-}" in
  --dev) target=".[dev]"; what="lkjip dengan alat uji dan lint" ;;
  --jupyter) target=".[jupyter]"; what="lkjip dengan JupyterLab" ;;
  *) target="."; what="lkjip" ;;
esac
if [ ! -x .venv/bin/python ]; then
  echo "[1/4] membuat lingkungan Python .venv ($("$python" --version))"
  "$python" -m venv .venv
else
  echo "[1/4] lingkungan Python .venv sudah ada"
fi
echo "[2/4] memperbarui pip"
.venv/bin/python -m pip install --quiet --upgrade pip
echo "[3/4] memasang $what beserta dependensinya (pertama kali: beberapa menit)"
set +e
.venv/bin/python -m pip install -e "$target" 2>&1 \
  | grep --line-buffered -E '^(Collecting|Installing|Successfully|ERROR|error)|^ +[a-z]'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "pemasangan gagal (pip keluar dengan kode $status); lihat pesan pip di atas" >&2
  exit "$status"
fi
# An editable install is not byte-compiled; compile it once so that commands start quickly
# (also where PYTHONDONTWRITEBYTECODE keeps Python from caching it by itself).
echo "[4/4] menyiapkan modul agar perintah cepat dimulai"
.venv/bin/python -m compileall -q lib
echo "selesai: .venv/bin/lkjip --help"
