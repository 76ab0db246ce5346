"""Recording the vårdplan and its revisions (SoL 2025:400 9 kap. 12 och 13 §§, SoF 2025:468 10 kap. 2 §).

Every part SoF names is required unless the worker writes the special reasons against it, as the
ordinance allows; the guardians' view only while the young person is a child. A revision made after two
years in placement must take up the child's long-term housing, unless special reasons are written. A
new plan is always a new row, and a revision names the one it replaces: the one in force is never edited.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from core.calendar import add_months
from core.errors import Problems
from core.legal import legal_basis_for
from programme.care_plan_models import CareGround, CarePlan, CareSetting
from programme.consent import age_on
from programme.rows import locked_open_participation

ADULT = 18
# 9 kap. 13 § andra stycket: the first revision of a child's plan at the latest after two years placed.
FIRST_REVISION_MONTHS = 24
PARTS = {
    "insatser": gettext_lazy("Skriv vilka särskilda insatser som behövs, eller de särskilda skälen mot det."),
    "contact": gettext_lazy("Skriv hur umgänget ska ordnas, eller de särskilda skälen mot det."),
    "goal": gettext_lazy("Skriv målet med vården, eller de särskilda skälen mot det."),
    "child_view": gettext_lazy("Skriv barnets syn på vården, eller de särskilda skälen mot det."),
}


@dataclass(frozen=True)
class CarePlanInput:
    ground: str
    setting: str
    made_on: date
    placed_on: date | None
    insatser: str
    contact: str
    goal: str
    child_view: str
    guardians_view: str
    other_principals: str
    long_term_housing: str
    special_reasons: str


def first_revision_due(placed_on: date | None) -> date | None:
    return add_months(placed_on, FIRST_REVISION_MONTHS) if placed_on else None


def care_plan_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: CarePlanInput
) -> CarePlan:
    with changing_case(actor, case_public_id, view_name="programme.care_plan", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        current = participation.care_plans.filter(revised_by__isnull=True).order_by("-made_on", "-id").first()
        problems = Problems()
        _check_days(problems, data, current)
        _check_parts(problems, data, child=is_child(case.child.birth_date, data.made_on))
        basis = legal_basis_for("care-plan", on=data.made_on)
        if basis is None:
            problems.add("made_on", _("Ingen lag om vårdplan gällde den dagen."), "no_law")
        if data.ground not in CareGround.values:
            problems.add("ground", _("Välj grunden för vården."), "required")
        if data.setting not in CareSetting.values:
            problems.add("setting", _("Välj var vården ges."), "required")
        problems.raise_any()
        assert basis is not None  # refused above
        return CarePlan.objects.create(
            participation=participation,
            revises=current,
            legal_basis=basis,
            created_by=actor.user,
            **{name: _clean(getattr(data, name)) for name in CarePlanInput.__dataclass_fields__},
        )


def _clean(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def is_child(birth: date | None, day: date) -> bool:
    age = age_on(birth, day)
    return age is None or age < ADULT  # a child whose birth date is unknown is taken to be a child


def _check_days(problems: Problems, data: CarePlanInput, current: CarePlan | None) -> None:
    if data.made_on > timezone.localdate():
        problems.add("made_on", _("Datumet kan inte ligga i framtiden."), "future")
    elif current is not None and data.made_on < current.made_on:
        problems.add("made_on", _("En revidering kan inte vara äldre än vårdplanen den ersätter."), "before_current")
    if data.placed_on is not None and data.placed_on > data.made_on:
        problems.add("placed_on", _("Placeringen kan inte börja efter den dag planen upprättas."), "after_plan")


def _check_parts(problems: Problems, data: CarePlanInput, *, child: bool) -> None:
    reasons = bool(data.special_reasons.strip())
    for name, missing in PARTS.items():
        if not getattr(data, name).strip() and not reasons:
            problems.add(name, str(missing), "required")
    if child and not data.guardians_view.strip() and not reasons:
        problems.add(
            "guardians_view", _("Skriv vårdnadshavarnas syn på vården, eller de särskilda skälen mot det."), "required"
        )
    due = first_revision_due(data.placed_on)
    if child and due is not None and data.made_on >= due and not data.long_term_housing.strip() and not reasons:
        message = _(
            "Barnet har varit placerat i två år: planen ska ta upp barnets långsiktiga boende (9 kap. 13 § SoL), "
            "om det inte finns särskilda skäl mot det."
        )
        problems.add("long_term_housing", message, "long_term")
