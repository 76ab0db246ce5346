"""Background tasks of reports (django.tasks, database backend; `manage.py db_worker` runs them).

A task gets an export's id only: django-tasks-db stores arguments and results in clear.
"""

from django.tasks import task

from reports.exports.run import export_run


@task()
def run_export(export_id: int) -> str:
    """Make an export's file. Returns what became of it (e.g. "ready", "refused")."""
    return export_run(export_id=export_id)
