"""Exports as background jobs: asked for in a request, made by the task worker, downloaded once, expired.

- `kinds.py`: what each kind of export is (its rule, its rows, its file name);
- `files.py`: the files on disk, and formula-safe CSV;
- `services.py`: asking, reading one's own, downloading once, expiring;
- `run.py`: what the worker does (`reports.tasks.run_export`).
"""
