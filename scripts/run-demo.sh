#!/usr/bin/env bash
# Start the background-task worker and the web server for the demo; stop both on Ctrl-C.
set -euo pipefail
host=$1; port=$2
export UTVAG_DEMO=true
# Seeded clocks were loaded in bulk without their tasks: escalate the overdue ones once at start, and
# tell the workers of the outcomes of the exit programme that fell due and of the meeting items' follow-ups
# (daily jobs in production).
.venv/bin/python manage.py escalate_overdue
.venv/bin/python manage.py remind_outcomes
.venv/bin/python manage.py remind_meeting_follow_ups
.venv/bin/python manage.py db_worker >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT
echo
echo "Utväg demo: http://$host:$port/  (task worker log: var/worker.log)"
echo "Demo accounts, password utvag-demo-2026:"
echo "  handlaggare, soder, behandlare, falt, avhopp, chef, logg, admin (2FA relaxed in demo mode)"
echo "  handlaggare2fa (TOTP secret in README)"
echo
exec .venv/bin/python manage.py runserver --noreload "$host:$port"
