#!/usr/bin/env bash
# `make bench-load` drives the server with wrk from Debian's packages. Install it when missing.
set -euo pipefail
command -v wrk >/dev/null && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
else
  echo "Install Debian's wrk (sudo apt-get install wrk) for make bench-load." >&2
  exit 1
fi
