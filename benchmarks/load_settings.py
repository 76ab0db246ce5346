"""The settings `make bench-load` serves with: production's own, plus the bare floor's route
(`benchmarks.floor`), so the floor is timed by the same server as the pages. Never used by the application."""

from utvag.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.floor"
