"""The programme's restricted screens: a child's connections, events about connected people, windows."""

from collections.abc import Callable
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from programme import connections
from programme.connections import ConnectionInput, EventInput
from programme.forms import ConnectionForm, NetworkEventForm, WindowActForm, WithdrawForm
from programme.models import Connection, MotivationWindow, Participation
from programme.views import participation_form
from web.http import StaffRequest


def _connection(connection_id: int) -> Callable[[Participation], dict[str, object]]:
    """What a form about one connection shows: the connection, within the participation just read."""

    def extra(participation: Participation) -> dict[str, object]:
        found = Connection.objects.filter(participation=participation, pk=connection_id).first()
        if found is None:
            raise Http404
        return {"connection": found}

    return extra


@require_http_methods(["GET", "POST"])
@login_required
def connection_new(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    return participation_form(
        request,
        public_id,
        participation_id,
        form=ConnectionForm(
            request.POST or None, initial={"expires_on": timezone.localdate() + connections.LONGEST // 2}
        ),
        change=lambda actor, data: connections.connection_record(
            actor=actor, case_public_id=public_id, participation_id=participation_id, data=ConnectionInput(**data)
        ),
        done=_("Kopplingen är registrerad."),
        template="programme/connection_new.html",
        view_name="programme.connection.form",
        restricted=True,
    )


@require_http_methods(["GET", "POST"])
@login_required
def connection_withdraw(
    request: StaffRequest, public_id: UUID, participation_id: UUID, connection_id: int
) -> HttpResponse:
    return participation_form(
        request,
        public_id,
        participation_id,
        form=WithdrawForm(request.POST or None),
        change=lambda actor, data: connections.connection_withdraw(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            connection_id=connection_id,
            reason=data["reason"],
        ),
        done=_("Kopplingen är borttagen."),
        template="programme/connection_withdraw.html",
        view_name="programme.connection_withdraw.form",
        restricted=True,
        extra=_connection(connection_id),
    )


@require_http_methods(["GET", "POST"])
@login_required
def network_event_new(
    request: StaffRequest, public_id: UUID, participation_id: UUID, connection_id: int
) -> HttpResponse:
    return participation_form(
        request,
        public_id,
        participation_id,
        form=NetworkEventForm(request.POST or None, initial={"occurred_on": timezone.localdate()}),
        change=lambda actor, data: connections.network_event_record(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            connection_id=connection_id,
            data=EventInput(**data),
        ),
        done=_("Händelsen är registrerad. De som arbetar med barn som har en koppling till personen får en notis."),
        template="programme/network_event_new.html",
        view_name="programme.network_event.form",
        restricted=True,
        extra=_connection(connection_id),
    )


@require_http_methods(["GET", "POST"])
@login_required
def window_act(request: StaffRequest, public_id: UUID, participation_id: UUID, window_id: int) -> HttpResponse:
    def extra(participation: Participation) -> dict[str, object]:
        found = (
            MotivationWindow.objects.filter(participation=participation, pk=window_id).select_related("event").first()
        )
        if found is None:
            raise Http404
        return {"window": found}

    return participation_form(
        request,
        public_id,
        participation_id,
        form=WindowActForm(request.POST or None),
        change=lambda actor, data: connections.window_act(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            window_id=window_id,
            note=data["note"],
        ),
        done=_("Det som gjordes är registrerat."),
        template="programme/window_act.html",
        view_name="programme.window_act.form",
        restricted=True,
        extra=extra,
    )
