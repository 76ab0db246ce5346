from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "deadlines"
    verbose_name = _("Tidsfrister och arbetskö")

    def ready(self) -> None:
        from access.events import case_member_named, destination_naming_made, protected_access_started

        protected_access_started.connect(_tell_named_staff, dispatch_uid="deadlines.protected_access_started")
        case_member_named.connect(_tell_member, dispatch_uid="deadlines.case_member_named")
        destination_naming_made.connect(_tell_named, dispatch_uid="deadlines.destination_naming_made")


def _tell_named_staff(sender: object, *, grant: Any, **kwargs: object) -> None:
    from access.routing import named_staff
    from deadlines.models import NoticeKind
    from deadlines.notices import notify

    named = [user for user in named_staff(grant.case.child) if user.pk != grant.user_id]
    notify(recipients=named, kind=NoticeKind.PROTECTED_OPENED, case=grant.case)


def _tell_member(sender: object, *, member: Any, **kwargs: object) -> None:
    from deadlines.models import NoticeKind
    from deadlines.notices import notify

    notify(recipients=[member.user], kind=NoticeKind.CASE_MEMBER, case=member.case)


def _tell_named(sender: object, *, naming: Any, **kwargs: object) -> None:
    from deadlines.models import NoticeKind
    from deadlines.notices import notify

    notify(recipients=[naming.user], kind=NoticeKind.DESTINATION_NAMED, case=naming.case)
