#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (no browser downloads work here). Install it when missing.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Install Debian's chromium (sudo apt-get install chromium) for the browser tests." >&2
  exit 1
fi
