"""Running queued exports in a test, as `manage.py db_worker` would: each queued task, once."""

from django_tasks_db.models import DBTaskResult

from reports.tasks import run_export


def run_queued_exports() -> list[str]:
    """What became of each export whose task is waiting, in the order they were queued."""
    outcomes = []
    for queued in DBTaskResult.objects.ready().filter(task_path=run_export.module_path).order_by("enqueued_at"):
        args = queued.args_kwargs["args"]
        outcomes.append(run_export.call(*args))
        queued.delete()
    return outcomes
