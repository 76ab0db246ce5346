"""Asking for an export, reading one's own, downloading it once, and expiring what is left.

An export is its requester's alone: anyone else gets the answer of a missing page, with a `denied`
row (`reports.export`). Its page shows no personal data (the kind, the period, the progress), so
reading it writes no row; the file's rows are logged by the worker when it is made (`run.py`).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from access.actor import Actor
from access.reads import refuse
from accounts.models import User
from core.uuids import parse_uuid
from reports.exports import files
from reports.exports.kinds import KINDS
from reports.models import STALLED_AFTER, Export, ExportFailure, ExportKind, ExportStatus
from reports.tasks import run_export

EXPORT_VIEW = "reports.export"
LIST_SIZE = 50
_LIVE = (ExportStatus.QUEUED, ExportStatus.RUNNING, ExportStatus.READY)


def export_request(*, actor: Actor, kind: ExportKind, parameters: dict[str, Any]) -> Export:
    """Ask for a file: the rule is checked now, and again by the worker when it makes the file."""
    spec = KINDS[kind]
    if not spec.may(actor.user):
        refuse(actor, view_name=spec.view_name)
    now = timezone.now()
    with transaction.atomic():
        export = Export.objects.create(
            kind=kind,
            requested_by=actor.user,
            requested_at=now,
            request_id=actor.request_id,
            ip_address=actor.ip_address,
            language=get_language() or settings.LANGUAGE_CODE,
            parameters=parameters,
            expires_at=now + timedelta(hours=settings.EXPORT_HOURS),
        )
        spec.asked(actor, parameters)
        # In the same transaction: the worker finds the task only once the export exists, and an
        # export whose task could not be queued is not left waiting for ever.
        run_export.enqueue(export.pk)
    return export


def my_exports(user: User) -> list[Export]:
    return list(Export.objects.filter(requested_by=user).order_by("-requested_at")[:LIST_SIZE])


def my_export(actor: Actor, public_id: object) -> Export:
    key = parse_uuid(public_id)
    export = Export.objects.filter(public_id=key, requested_by=actor.user).first() if key else None
    if export is None:
        refuse(actor, view_name=EXPORT_VIEW)
    return export


@dataclass(frozen=True)
class Taken:
    """What a download found: the file (open; its name already removed), or the export as it stands."""

    export: Export
    stream: BinaryIO | None = None

    @property
    def gone(self) -> bool:
        return self.export.status in {ExportStatus.DOWNLOADED, ExportStatus.EXPIRED}


def export_take(*, actor: Actor, public_id: object) -> Taken:
    """The file, once, to the user who asked for it and who may still see what it holds."""
    export = my_export(actor, public_id)
    spec = KINDS[export.kind]
    if not spec.may(actor.user):
        refuse(actor, view_name=spec.view_name)
    now = timezone.now()
    with transaction.atomic():
        export = Export.objects.select_for_update().get(pk=export.pk)
        if export.status != ExportStatus.READY:
            return Taken(export)
        if export.expires_at <= now:
            _expire(export, now)
            return Taken(export)
        try:
            stream = files.take(export.file_name)
        except FileNotFoundError:  # removed outside Utväg: what is not there has gone
            _expire(export, now)
            return Taken(export)
        export.status, export.downloaded_at, export.file_name = ExportStatus.DOWNLOADED, now, ""
        export.save(update_fields=["status", "downloaded_at", "file_name"])
    return Taken(export, stream)


def _expire(export: Export, now: datetime) -> None:
    files.remove(export.file_name)
    export.status, export.finished_at, export.file_name = ExportStatus.EXPIRED, export.finished_at or now, ""
    export.save(update_fields=["status", "finished_at", "file_name"])


@dataclass(frozen=True)
class Expired:
    expired: int
    abandoned: int
    strays: int


def exports_expire(*, now: datetime) -> Expired:
    """Remove every file past its time, fail the exports whose worker died, and sweep stray files."""
    with transaction.atomic():
        due = list(Export.objects.select_for_update().filter(status__in=_LIVE, expires_at__lte=now))
        for export in due:
            _expire(export, now)
        stalled = [
            export
            for export in Export.objects.select_for_update().filter(status=ExportStatus.RUNNING)
            if export.stalled(now)
        ]
        for export in stalled:
            files.remove(export.file_name)
            export.status, export.failure, export.finished_at = ExportStatus.FAILED, ExportFailure.ABANDONED, now
            export.save(update_fields=["status", "failure", "finished_at"])
        live = set(Export.objects.filter(status__in=_LIVE).exclude(file_name="").values_list("file_name", flat=True))
        strays = files.strays(keep=live | {f"{name}{files.PARTIAL}" for name in live}, older_than=now - STALLED_AFTER)
        for path in strays:
            path.unlink(missing_ok=True)
    return Expired(expired=len(due), abandoned=len(stalled), strays=len(strays))
