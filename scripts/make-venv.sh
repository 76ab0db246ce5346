#!/usr/bin/env bash
# Create the virtual environment with a Python >= 3.12 (Django 6 does not install on 3.11).
set -euo pipefail
venv=$1
[ -x "$venv/bin/python" ] && exit 0
for candidate in python3.13 python3.12 "$HOME/.pyenv/versions/3.13.0/bin/python" "$HOME/.pyenv/versions/3.12.1/bin/python" python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then
    "$candidate" -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check --upgrade pip
    exit 0
  fi
done
echo "Utväg needs Python 3.12 or newer (python3.12 / python3.13 on PATH, or pyenv)." >&2
exit 1
