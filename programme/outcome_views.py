"""The outcome screens: the participation's occasions and records, a new record (or a correction), a record."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from programme import outcomes
from programme.outcome_forms import OutcomeForm
from programme.outcome_selectors import OutcomeChoices, outcome_choices, outcome_page, outcomes_page
from programme.outcomes import value_field
from web.http import StaffRequest, form_page


def outcomes_url(public_id: object, participation_id: object) -> str:
    return reverse("programme:outcomes", args=[public_id, participation_id])


@require_GET
@login_required
def outcomes_view(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    page = outcomes_page(Actor.from_request(request), public_id, participation_id)
    return render(request, "programme/outcomes.html", {"page": page, "case": page.read.case})


@require_GET
@login_required
def outcome_view(request: StaffRequest, public_id: UUID, participation_id: UUID, outcome_id: UUID) -> HttpResponse:
    page = outcome_page(Actor.from_request(request), public_id, participation_id, outcome_id)
    return render(request, "programme/outcome.html", {"page": page, "case": page.read.case})


def _initial(request: StaffRequest, choices: OutcomeChoices) -> dict[str, object]:
    """Today, the occasion asked for (?tillfalle=), or for a correction the record's own answers."""
    initial: dict[str, object] = {"recorded_on": timezone.localdate(), "occasion": request.GET.get("tillfalle", "")}
    record = choices.corrects
    if record is not None:
        initial |= {
            "occasion": record.occasion,
            "recorded_on": record.recorded_on,
            "source": record.source,
            "child_words": record.child_words,
            "corrects": str(record.public_id),
            **{value_field(key): value for key, value in choices.corrects_values.items()},
        }
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def outcome_new(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    # The occasions and fields the form offers depend on the participation: read (and logged) first.
    choices = outcome_choices(actor, public_id, participation_id, request.GET.get("rattar"))
    corrected = choices.corrects.occasion if choices.corrects else None
    offered = [row for row in choices.occasions if row.may_record or row.due.occasion == corrected]
    form = OutcomeForm(
        request.POST or None, occasions=offered, fields=choices.fields, initial=_initial(request, choices)
    )
    return form_page(
        request,
        form=form,
        change=lambda data: outcomes.outcome_record(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            data=outcomes.OutcomeInput(
                occasion=data["occasion"],
                recorded_on=data["recorded_on"],
                source=data["source"],
                child_words=data["child_words"],
                values=form.values(),
                corrects=data["corrects"] or None,
            ),
        ),
        done=_("Utfallet är registrerat."),
        success_url=lambda made: reverse("programme:outcome", args=[public_id, participation_id, made.public_id]),
        template="programme/outcome_new.html",
        context=lambda: {"case": choices.read.case, "participation": choices.participation, "choices": choices},
    )
