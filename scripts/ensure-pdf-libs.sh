#!/usr/bin/env bash
# Printable documents use WeasyPrint, which needs Pango from the system. Install it when missing;
# without it Utväg still runs, and only printing says that it is unavailable.
set -euo pipefail
ldconfig -p | grep -q 'libpango-1.0.so.0' && ldconfig -p | grep -q 'libpangoft2-1.0.so.0' && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
else
  echo "Printing needs Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0" >&2
fi
