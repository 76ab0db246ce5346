"""Asking for a document, and the second person's confirmation that no protected datum is in it."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from decisions.models import Decision
from documents.models import DocumentKind, DocumentRequest
from investigations.models import Investigation
from people.models import Person, ProtectionLevel, Relation


def connected_to_protected_person(case: Case) -> bool:
    """The child, or anyone related to the child, has protected personal data."""
    relatives = Relation.objects.filter(child_id=case.child_id).values("relative_id")
    return (
        Person.objects.filter(Q(pk=case.child_id) | Q(pk__in=relatives))
        .exclude(protection_level=ProtectionLevel.NONE)
        .exists()
    )


def document_request(
    *, actor: Actor, case_public_id: UUID | str, kind: str, subject_public_id: UUID | str
) -> DocumentRequest:
    with changing_case(actor, case_public_id, view_name="document.request", action=CaseAction.DOCUMENTS) as case:
        decision = investigation = None
        if kind == DocumentKind.DECISION:
            decision = Decision.objects.filter(case=case, public_id=subject_public_id).first()
        elif kind == DocumentKind.INVESTIGATION:
            investigation = Investigation.objects.filter(case=case, public_id=subject_public_id).first()
        if decision is None and investigation is None:
            raise ValidationError(_("Det finns inget sådant dokument i ärendet."), code="no_subject")
        return DocumentRequest.objects.create(
            case=case,
            kind=kind,
            decision=decision,
            investigation=investigation,
            requested_by=actor.user,
            requested_at=timezone.now(),
            needs_confirmation=connected_to_protected_person(case),
        )


def document_confirm(
    *, actor: Actor, case_public_id: UUID | str, request_public_id: UUID | str, checked: bool
) -> DocumentRequest:
    """A second person who may change the case confirms that the document holds no protected datum."""
    with changing_case(actor, case_public_id, view_name="document.confirm", action=CaseAction.DOCUMENTS) as case:
        if not checked:
            raise ValidationError(
                _("Bekräfta att du har läst dokumentet och att det inte innehåller skyddade uppgifter."),
                code="not_checked",
            )
        request = DocumentRequest.objects.select_for_update().filter(case=case, public_id=request_public_id).first()
        if request is None:
            raise ValidationError(_("Dokumentbeställningen finns inte i ärendet."), code="not_found")
        if not request.needs_confirmation or request.confirmed_at is not None:
            raise ValidationError(_("Dokumentet behöver ingen ytterligare kontroll."), code="nothing_to_confirm")
        if request.requested_by_id == actor.user.pk:
            raise ValidationError(
                _("En annan behörig person än den som beställde dokumentet måste kontrollera det."),
                code="same_person",
            )
        request.confirmed_by, request.confirmed_at = actor.user, timezone.now()
        request.save(update_fields=["confirmed_by", "confirmed_at"])
        return request
