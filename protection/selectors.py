"""The protection page of a case, read in one transaction with its log rows: the current threat picture,
the earlier ones, and what the other parts of protection add (`protection.parts`).

A threatened relative is shown by name, with the note about them, only to those who may see that
relative (`access.selectors.relatives_of_visible_child`); to anyone else the picture says only how many
threatened relatives it does not show, as the case page says of the relatives themselves.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction
from access.reads import CaseRead, log_result_set, reading_case
from access.selectors import relatives_of_visible_child
from cases.models import Case
from protection.parts import destinations_part, measures_part
from protection.threat_models import ThreatAssessment, ThreatenedKind, ThreatenedPerson, ThreatLevel
from web.paging import LatestPage, latest_page

EARLIER_PAGE = 10


@dataclass
class Picture:
    """One threat picture with the threatened persons this reader may see; `hidden`: how many others."""

    assessment: ThreatAssessment
    shown: list[ThreatenedPerson] = field(default_factory=list)
    hidden: int = 0

    @property
    def review_passed(self) -> bool:
        return self.assessment.review_on < timezone.localdate()


@dataclass(frozen=True)
class ProtectionPage:
    read: CaseRead
    current: Picture | None
    earlier: LatestPage[ThreatAssessment]
    earlier_pictures: list[Picture]  # the pictures of `earlier`, in its order
    parts: dict[str, object]

    @property
    def case(self) -> Case:
        return self.read.case


def _pictures(
    assessments: list[ThreatAssessment], visible: set[int], *, with_notes: bool
) -> tuple[list[Picture], set[int]]:
    """The pictures with their rows, in one query; and the relatives shown (for the log)."""
    pictures = {a.pk: Picture(assessment=a) for a in assessments}
    if not pictures:
        return [], set()
    rows = ThreatenedPerson.objects.filter(assessment_id__in=pictures).select_related("person").order_by("id")
    if not with_notes:
        rows = rows.defer("note")  # the notes of earlier pictures stay encrypted
    shown: set[int] = set()
    for row in rows:
        picture = pictures[row.assessment_id]
        if row.kind == ThreatenedKind.CHILD or row.person_id in visible:
            picture.shown.append(row)
            if row.person_id is not None:
                shown.add(row.person_id)
        else:
            picture.hidden += 1
    return list(pictures.values()), shown


def protection_page(
    actor: Actor,
    public_id: object,
    *,
    earlier_page: int = 1,
    view_name: str = "protection.page",
    action: AccessAction = AccessAction.VIEW,
    with_earlier: bool = True,
) -> ProtectionPage:
    """The same queries whatever the number of pictures and persons: the newest picture, one page of the
    earlier ones (unless not `with_earlier`), their rows, the relatives the reader may see."""
    with reading_case(actor, public_id, view_name=view_name, action=action) as read:
        case = read.case
        visible = {
            r.relative_id
            for r in relatives_of_visible_child(actor.user, case.child_id)
            if not r.relative_hidden  # type: ignore[attr-defined]  # a queryset annotation
        }
        newest_first = ThreatAssessment.objects.filter(case=case).select_related("recorded_by", "replaces")
        newest_first = newest_first.order_by("-assessed_on", "-recorded_at", "-id")
        latest = newest_first.first()
        before = newest_first.exclude(pk=latest.pk) if latest and with_earlier else newest_first.none()
        earlier = latest_page(before, earlier_page, EARLIER_PAGE)
        current, shown = _pictures([latest] if latest else [], visible, with_notes=True)
        earlier_pictures, shown_earlier = _pictures(earlier.items, visible, with_notes=False)
        if shown | shown_earlier:
            log_result_set(
                actor,
                action=AccessAction.LIST,
                view_name=f"{view_name}.threatened",
                subjects=[(pk, case.pk) for pk in sorted(shown | shown_earlier)],
            )
        return ProtectionPage(
            read=read,
            current=current[0] if current else None,
            earlier=earlier,
            earlier_pictures=earlier_pictures,
            parts={**measures_part(read), **destinations_part(read)},
        )


@dataclass(frozen=True)
class ThreatSummary:
    """What the case page says of the threat: the current picture's day, the child's own level, review."""

    assessed_on: date
    child_level: str | None  # None: the child is not threatened in it
    review_on: date

    @property
    def review_passed(self) -> bool:
        return self.review_on < timezone.localdate()

    @property
    def child_level_label(self) -> str:
        return str(ThreatLevel(self.child_level).label) if self.child_level else ""


def threat_summary(case: Case) -> ThreatSummary | None:
    """For a case the caller has just read: one query. Only the child's level: a relative's is theirs."""
    child_level = ThreatenedPerson.objects.filter(assessment=OuterRef("pk"), kind=ThreatenedKind.CHILD)
    latest = (
        ThreatAssessment.objects.filter(case=case)
        .annotate(child_level=Subquery(child_level.values("level")[:1]))
        .order_by("-assessed_on", "-recorded_at", "-id")
        .values("assessed_on", "child_level", "review_on")
        .first()
    )
    return ThreatSummary(**latest) if latest else None
