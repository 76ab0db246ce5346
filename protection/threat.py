"""Recording a threat picture (hotbild): who is threatened and how much, by whom in general terms, from
which source, and when it is to be reviewed.

A new picture replaces the last; nothing of the last is changed (migration 0002). The recorder names
levels for the child and for the relatives they may see; a protected relative they are not named for
is carried over from the last picture as it stood, so that a picture made by someone who cannot see
that relative never drops the threat against them. When any level differs from the last picture's,
the responsible worker and the defector specialists named to the case are told, in a notice that
names nobody; the recorder knows already.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.models import CaseMember
from access.permissions import CaseAction
from access.reads import changing_case
from access.selectors import relatives_of_visible_child
from accounts.models import Role, User
from cases.models import Case
from core.errors import Problems
from core.fields import TEXT_LIMIT
from deadlines.models import NoticeKind
from deadlines.notices import case_workers_to_tell, notify
from people.models import Relation, RelationKind
from protection.threat_models import ThreatAssessment, ThreatenedKind, ThreatenedPerson, ThreatLevel, ThreatSource

# A picture is reviewed at least every six months; the police's own reviews are often sooner. [ours]
LONGEST_REVIEW = timedelta(days=183)
GENERAL_LIMIT = 300
# A personnummer or samordningsnummer anywhere in a text (with or without century, dash or plus).
_NUMBER_IN_TEXT = re.compile(r"(?<!\d)(\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)")
KIND_OF_RELATION = {
    RelationKind.GUARDIAN_WITH_CUSTODY: ThreatenedKind.GUARDIAN,
    RelationKind.SIBLING: ThreatenedKind.SIBLING,
}


@dataclass(frozen=True)
class ThreatenedInput:
    relation_id: int | None  # None: the child
    level: str  # "" when the person is not threatened
    note: str = ""


@dataclass(frozen=True)
class ThreatInput:
    assessed_on: date
    source: str
    source_note: str
    with_police: bool
    threatened_by: str
    review_on: date | None
    threatened: tuple[ThreatenedInput, ...]


def offered_relations(user: User, case: Case) -> list[Relation]:
    """The child's relatives the user may see, each person once: the ones a picture may name."""
    seen: set[int] = set()
    offered = []
    for relation in relatives_of_visible_child(user, case.child_id):
        if not relation.relative_hidden and relation.relative_id not in seen:  # type: ignore[attr-defined]  # an annotation
            seen.add(relation.relative_id)
            offered.append(relation)
    return offered


def latest_picture(case: Case) -> ThreatAssessment | None:
    return ThreatAssessment.objects.filter(case=case).order_by("-assessed_on", "-recorded_at", "-id").first()


def _check_general(problems: Problems, field: str, text: str, required: str) -> None:
    if not text.strip():
        problems.add(field, required, "required")
    elif len(text.strip()) > GENERAL_LIMIT:
        problems.add(field, _("Högst %(n)d tecken.") % {"n": GENERAL_LIMIT}, "max_length")
    elif _NUMBER_IN_TEXT.search(text):
        problems.add(field, _("Skriv inga personnummer här. Beskriv i allmänna termer."), "identity_number")


def _check_picture(problems: Problems, data: ThreatInput, previous: ThreatAssessment | None) -> None:
    today = timezone.localdate()
    if data.assessed_on > today:
        problems.add("assessed_on", _("Bedömningsdagen kan inte ligga i framtiden."), "future")
    elif previous is not None and data.assessed_on < previous.assessed_on:
        problems.add("assessed_on", _("Den senaste hotbilden är bedömd senare. En ny hotbild ersätter den."), "older")
    if data.source not in ThreatSource.values:
        problems.add("source", _("Välj var bedömningen kommer ifrån."), "source")
    about_source = _("Skriv om källan, till exempel polisens bedömning och datum.")
    _check_general(problems, "source_note", data.source_note, about_source)
    _check_general(problems, "threatened_by", data.threatened_by, _("Skriv varifrån hotet kommer, i allmänna termer."))
    if data.review_on is None:
        problems.add("review_on", _("Ange när hotbilden ska ses över."), "required")
    elif not (data.assessed_on < data.review_on <= data.assessed_on + LONGEST_REVIEW):
        problems.add(
            "review_on", _("Hotbilden ska ses över efter bedömningsdagen och inom sex månader från den."), "review_on"
        )


def _kind(relation: Relation | None) -> str:
    """A guardian with custody and a sibling by their kind; a parent without custody, another relative
    or someone of the network as another close person; None: the child."""
    if relation is None:
        return ThreatenedKind.CHILD
    return KIND_OF_RELATION.get(RelationKind(relation.kind), ThreatenedKind.OTHER)


def _threatened_rows(problems: Problems, data: ThreatInput, offered: dict[int, Relation]) -> list[ThreatenedPerson]:
    rows = []
    for entry in data.threatened:
        relation = offered.get(entry.relation_id) if entry.relation_id is not None else None
        if entry.relation_id is not None and relation is None:
            problems.add(NON_FIELD_ERRORS, _("En av personerna är inte barnets anhörig."), "not_relative")
            continue
        if entry.level and entry.level not in ThreatLevel.values:
            problems.add(NON_FIELD_ERRORS, _("Välj en nivå för varje hotad person."), "level")
            continue
        if len(entry.note) > TEXT_LIMIT:
            problems.add(NON_FIELD_ERRORS, _("Anteckningen om en person är för lång."), "max_length")
            continue
        if entry.level:
            rows.append(
                ThreatenedPerson(
                    kind=_kind(relation),
                    person_id=relation.relative_id if relation else None,
                    level=entry.level,
                    note=entry.note.strip(),
                )
            )
    if not rows and NON_FIELD_ERRORS not in problems:
        problems.add(NON_FIELD_ERRORS, _("Ange en nivå för minst en hotad person."), "no_level")
    return rows


def _carried_over(previous: ThreatAssessment | None, offered: dict[int, Relation]) -> list[ThreatenedPerson]:
    """The last picture's rows for relatives the recorder may not see, as they stood."""
    if previous is None:
        return []
    shown = {relation.relative_id for relation in offered.values()}
    kept = ThreatenedPerson.objects.filter(assessment=previous, person__isnull=False).exclude(person_id__in=shown)
    return [ThreatenedPerson(kind=row.kind, person_id=row.person_id, level=row.level, note=row.note) for row in kept]


def _levels(rows: list[ThreatenedPerson] | QuerySet[ThreatenedPerson]) -> dict[int | None, str]:
    return {row.person_id: row.level for row in rows}


def _tell_of_change(case: Case, actor: User) -> None:
    """The responsible worker and the defector specialists named to the case; not the one who recorded it."""
    specialists = User.objects.filter(
        role=Role.DEFECTOR_SPECIALIST,
        is_active=True,
        case_memberships__in=CaseMember.objects.filter(
            case=case, withdrawn_at__isnull=True, expires_on__gte=timezone.localdate()
        ),
    )
    recipients = {user.pk: user for user in [*case_workers_to_tell(case), *specialists] if user.pk != actor.pk}
    notify(recipients=list(recipients.values()), kind=NoticeKind.THREAT_CHANGED, case=case)


def threat_record(*, actor: Actor, case_public_id: object, data: ThreatInput) -> ThreatAssessment:
    with changing_case(actor, case_public_id, view_name="protection.threat", action=CaseAction.THREAT) as case:
        # One picture at a time per case, so that each replaces the one before it.
        Case.objects.select_for_update().filter(pk=case.pk).values_list("pk").first()
        previous = latest_picture(case)
        offered = {relation.pk: relation for relation in offered_relations(actor.user, case)}
        problems = Problems()
        _check_picture(problems, data, previous)
        rows = _threatened_rows(problems, data, offered)
        problems.raise_any()
        assert data.review_on is not None  # refused above
        picture = ThreatAssessment.objects.create(
            case=case,
            assessed_on=data.assessed_on,
            source=data.source,
            source_note=data.source_note.strip(),
            with_police=data.with_police,
            threatened_by=data.threatened_by.strip(),
            review_on=data.review_on,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
            replaces=previous,
        )
        rows += _carried_over(previous, offered)
        for row in rows:
            row.assessment = picture
        ThreatenedPerson.objects.bulk_create(rows)
        before = _levels(previous.threatened.all()) if previous else {}
        if _levels(rows) != before:
            _tell_of_change(case, actor.user)
        return picture
