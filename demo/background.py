"""The access history loading in spawned processes while the seed goes on (PostgreSQL only).

Kept apart from `demo.history`, which makes the rows: the loader processes (`demo.logworker`) import
that module, and this one starts them, so neither imports the other in a circle.
"""

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from django.db import connection

from demo import logworker
from demo.history import Job, MonthShare


class Background:
    """Months loading in spawned processes while the caller goes on (PostgreSQL only).

    Spawned, not forked: the caller's transaction is open meanwhile, and a forked child would share
    its connection. Like any spawned process, a loader imports the script that started it as a module:
    run the seed from `manage.py` or from a script with an `if __name__ == "__main__"` guard, or the
    loaders would start a seed of their own. Each month is its own transaction; if one fails the
    others still load, and `wait` raises.
    """

    def __init__(self, job: Job, shares: list[MonthShare], workers: int, progress: Callable[[str], None]) -> None:
        database = connection.settings_dict["NAME"]
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=logworker.start,
            initargs=(job, database),
        )
        self._futures = [self._pool.submit(logworker.load, share) for share in shares]
        for future in self._futures:
            future.add_done_callback(lambda done: progress(done.result()) if done.exception() is None else None)

    def wait(self) -> None:
        try:
            for future in self._futures:
                future.result()
        finally:
            self._pool.shutdown(cancel_futures=True)

    def cancel(self) -> None:
        """The caller failed: load no month not yet started (the running ones finish)."""
        self._pool.shutdown(cancel_futures=True)
