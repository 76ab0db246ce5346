"""What the task worker does with an export: the rule again, the rows to a file, the log, in that order.

- The export is claimed (queued to running) by one conditional UPDATE, so a task that runs twice
  makes one file; an export no longer queued (expired while the worker was down) is left alone.
- The worker acts as the requester: an `Actor` for them, with the request's id and address, so the
  log ties the file to the request that asked for it. Their rule is asked again, as they stand now:
  someone who lost the right since asking gets no file, and a `denied` row.
- Rows stream from the database in chunks into the file; progress is saved every `PROGRESS_EVERY`
  rows, outside any transaction, so the page polling it sees it move.
- When the file is complete, one transaction asks the rule a last time, writes the `export` rows,
  one for each person in the file (the log's own rule: "who saw this child" stays one index lookup),
  and makes the file downloadable. If the log cannot be written, the file is removed and nobody gets it.
"""

from datetime import datetime
from itertools import batched

from django.db import transaction
from django.utils import timezone, translation

from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction
from access.reads import log_result_set
from reports.exports import files
from reports.exports.kinds import KINDS, FileRows, Kind, Subject
from reports.models import Export, ExportFailure, ExportStatus

PROGRESS_EVERY = 1000
LOG_CHUNK = 5000


def export_run(*, export_id: int) -> str:
    export = _claim(export_id)
    if export is None:
        return "skipped"
    spec = KINDS[export.kind]
    if not spec.may(export.requested_by):
        _refuse(export, spec)
        return "refused"
    try:
        with translation.override(export.language):
            subjects = _write(export, spec.rows(_actor(export), export.parameters))
        outcome = _finish(export, spec, subjects)
    except Exception:
        _fail(export, ExportFailure.ERROR)
        raise  # the worker records the task as failed too, for the operators
    if outcome == "refused":
        _refuse(export, spec)
    return outcome


def _claim(export_id: int) -> Export | None:
    now = timezone.now()
    claimed = Export.objects.filter(pk=export_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING, started_at=now, progressed_at=now
    )
    return Export.objects.select_related("requested_by").get(pk=export_id) if claimed else None


def _actor(export: Export) -> Actor:
    return Actor(user=export.requested_by, request_id=export.request_id, ip_address=export.ip_address)


def _write(export: Export, rows: FileRows) -> list[Subject]:
    """The file, row by row; returns every person (and case) it names, once each."""
    export.file_name, export.rows_total = files.new_file_name(), rows.total
    export.save(update_fields=["file_name", "rows_total"])
    named: set[Subject] = set()
    done = 0
    with files.writing(export.file_name) as writer:
        writer.writerow(rows.header)
        for cells, subjects in rows.rows:
            writer.writerow(cells)
            named.update(subjects)
            done += 1
            if done % PROGRESS_EVERY == 0:
                _progress(export, done)
    _progress(export, done)
    return sorted(named, key=lambda subject: (subject[1] or 0, subject[0] or 0))


def _progress(export: Export, done: int) -> None:
    export.rows_done = done
    Export.objects.filter(pk=export.pk).update(rows_done=done, progressed_at=timezone.now())


def _finish(export: Export, spec: Kind, subjects: list[Subject]) -> str:
    with transaction.atomic():
        locked = Export.objects.select_for_update().select_related("requested_by").get(pk=export.pk)
        if locked.status != ExportStatus.RUNNING:  # expired or given up on while the file was made
            files.remove(export.file_name)
            return "skipped"
        if not spec.may(locked.requested_by):
            return "refused"
        actor = _actor(locked)
        for chunk in batched(subjects, LOG_CHUNK) if subjects else [()]:
            log_result_set(actor, action=AccessAction.EXPORT, view_name=spec.view_name, subjects=list(chunk))
        _end(locked, ExportStatus.READY, timezone.now())
    return "ready"


def _end(export: Export, status: ExportStatus, now: datetime, failure: str = "") -> None:
    export.status, export.failure, export.finished_at = status, failure, now
    export.save(update_fields=["status", "failure", "finished_at", "file_name"])


def _refuse(export: Export, spec: Kind) -> None:
    """No file for someone who may no longer see it: a `denied` row naming no one, and the export failed."""
    export.requested_by.refresh_from_db()  # the row says who they are now, as every log row does
    files.remove(export.file_name)
    export.file_name = ""
    with transaction.atomic():
        write_access_events(
            _actor(export), action=AccessAction.DENIED, view_name=spec.view_name, subjects=[(None, None)]
        )
        _end(export, ExportStatus.FAILED, timezone.now(), ExportFailure.REFUSED)


def _fail(export: Export, failure: ExportFailure) -> None:
    files.remove(export.file_name)
    export.file_name = ""
    _end(export, ExportStatus.FAILED, timezone.now(), failure)
